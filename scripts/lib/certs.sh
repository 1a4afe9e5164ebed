#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 cloudwire contributors
#
# Test PKI for the local nRF Cloud emulator and mosquitto (EC P-256, PKCS#8 keys).
#
# Usage: certs.sh [--sec-tag N] <outdir> <device-id>...
#
# Creates (keeps what already exists, so devices can be added later):
#   <outdir>/ca.pem, ca.key                 test CA
#   <outdir>/server.pem, server.key         broker: CN localhost, SAN DNS:localhost, IP:127.0.0.1, IP:::1
#   <outdir>/emulator.pem, emulator.key     emulator client: CN nrfcloud-emulator
#   <outdir>/other-ca.pem, other-ca.key     an unrelated CA
#   <outdir>/devices/<id>/<sec_tag>/{ca-cert.pem,client-cert.pem,private-key.pem}
#        good credentials: CLOUDWIRE_TLS_CREDENTIALS_DIR=<outdir>/devices/<id>
#   <outdir>/wrong-ca/<id>/<sec_tag>/...      ca-cert.pem is the unrelated CA: the device rejects the broker
#   <outdir>/wrong-client/<id>/<sec_tag>/...  client cert signed by the unrelated CA: the broker rejects the device
# <sec_tag> defaults to 16842753 (CONFIG_NRF_CLOUD_SEC_TAG).
set -euo pipefail

sec_tag=16842753
if [[ "${1:-}" == "--sec-tag" ]]; then
	sec_tag="${2:?--sec-tag needs a value}"
	shift 2
fi
if [[ $# -lt 1 ]]; then
	echo "usage: $0 [--sec-tag N] <outdir> <device-id>..." >&2
	exit 2
fi
out="$1"
shift
days=3650

mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

new_key() {
	openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
	chmod 600 "$1"
}

# new_ca <name> <common name>
new_ca() {
	local name="$1" cn="$2"
	[[ -s "$out/$name.pem" && -s "$out/$name.key" ]] && return 0
	new_key "$out/$name.key"
	openssl req -x509 -new -key "$out/$name.key" -sha256 -days "$days" \
		-subj "/O=cloudwire test/CN=$cn" \
		-addext "basicConstraints=critical,CA:TRUE" \
		-addext "keyUsage=critical,keyCertSign,cRLSign" \
		-addext "subjectKeyIdentifier=hash" \
		-out "$out/$name.pem"
}

# new_leaf <ca name> <common name> <key out> <cert out> <extensions>
new_leaf() {
	local ca="$1" cn="$2" key="$3" cert="$4" ext="$5"
	new_key "$key"
	openssl req -new -key "$key" -subj "/O=cloudwire test/CN=$cn" -out "$tmp/req.csr"
	printf '%s\n' "$ext" >"$tmp/ext.cnf"
	openssl x509 -req -in "$tmp/req.csr" -CA "$out/$ca.pem" -CAkey "$out/$ca.key" \
		-set_serial "0x$(openssl rand -hex 12)" -days "$days" -sha256 \
		-extfile "$tmp/ext.cnf" -out "$cert" 2>/dev/null
}

client_ext=$'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth'
server_ext=$'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1'

new_ca ca "cloudwire test CA"
new_ca other-ca "unrelated test CA"

if [[ ! -s "$out/server.pem" ]]; then
	new_leaf ca localhost "$out/server.key" "$out/server.pem" "$server_ext"
fi
if [[ ! -s "$out/emulator.pem" ]]; then
	new_leaf ca nrfcloud-emulator "$out/emulator.key" "$out/emulator.pem" "$client_ext"
fi

for id in "$@"; do
	if [[ -z "$id" || "$id" == */* || "$id" == *+* || "$id" == *#* ]]; then
		echo "certs.sh: invalid device id '$id'" >&2
		exit 2
	fi
	good="$out/devices/$id/$sec_tag"
	if [[ ! -s "$good/client-cert.pem" ]]; then
		mkdir -p "$good"
		new_leaf ca "$id" "$good/private-key.pem" "$good/client-cert.pem" "$client_ext"
		cp "$out/ca.pem" "$good/ca-cert.pem"
	fi
	wrong_ca="$out/wrong-ca/$id/$sec_tag"
	if [[ ! -s "$wrong_ca/client-cert.pem" ]]; then
		mkdir -p "$wrong_ca"
		cp "$good/client-cert.pem" "$good/private-key.pem" "$wrong_ca/"
		cp "$out/other-ca.pem" "$wrong_ca/ca-cert.pem"
	fi
	wrong_client="$out/wrong-client/$id/$sec_tag"
	if [[ ! -s "$wrong_client/client-cert.pem" ]]; then
		mkdir -p "$wrong_client"
		new_leaf other-ca "$id" "$wrong_client/private-key.pem" "$wrong_client/client-cert.pem" "$client_ext"
		cp "$out/ca.pem" "$wrong_client/ca-cert.pem"
	fi
done
