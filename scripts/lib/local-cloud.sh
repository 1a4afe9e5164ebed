# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 cloudwire contributors
#
# Sourced by scripts/test and scripts/demo: start and stop a local nRF Cloud
# (mosquitto with TLS + client certificates + ACLs, and the emulator) on free
# loopback ports.
#
#   cloud_up <workdir> <emulator binary> <device id>...
#       certificates in <workdir>/certs, broker in <workdir>/broker, emulator
#       log in <workdir>/emulator.log; sets CLOUD_MQTT_PORT, CLOUD_HTTP_ADDR,
#       CLOUD_EMULATOR_PID, CLOUD_WORKDIR
#   cloud_down
#       stops what cloud_up started (safe to call twice, and from a trap)
#   cloud_device_creds <device id> <dir>
#       a CLOUDWIRE_TLS_CREDENTIALS_DIR for the device with three sec tags:
#       16842753 good credentials, 16842901 wrong CA, 16842902 client
#       certificate from a CA the broker does not trust
#
# Needs bash, openssl and mosquitto (scripts/setup installs them).

CLOUD_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CLOUD_WORKDIR=""
CLOUD_EMULATOR_PID=""
CLOUD_MQTT_PORT=""
CLOUD_HTTP_ADDR=""

# A TCP port on 127.0.0.1 that nothing listens on (best effort: the range is
# above the usual ephemeral one and each candidate is probed).
cloud_free_port() {
	local port i
	for i in $(seq 1 200); do
		port=$((20000 + (RANDOM * 32768 + RANDOM) % 30000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return 0
		fi
	done
	echo "no free port found" >&2
	return 1
}

# Waits until the emulator answers /health with the broker connected.
cloud_wait_emulator() {
	local bin="$1" i
	for i in $(seq 1 200); do
		if "$bin" ctl --http "$CLOUD_HTTP_ADDR" health 2>/dev/null |
			grep -q '"broker_connected":true'; then
			return 0
		fi
		if [[ -n "$CLOUD_EMULATOR_PID" ]] && ! kill -0 "$CLOUD_EMULATOR_PID" 2>/dev/null; then
			echo "the emulator exited; its log:" >&2
			tail -n 20 "$CLOUD_WORKDIR/emulator.log" >&2 || true
			return 1
		fi
		sleep 0.1
	done
	echo "the emulator did not come up on $CLOUD_HTTP_ADDR; its log:" >&2
	tail -n 20 "$CLOUD_WORKDIR/emulator.log" >&2 || true
	return 1
}

cloud_up() {
	local work="$1" emulator="$2"
	shift 2
	# Explicit checks: callers may run this where set -e does not apply.
	mkdir -p "$work" || return 1
	CLOUD_WORKDIR="$(cd "$work" && pwd)" || return 1
	bash "$CLOUD_LIB_DIR/certs.sh" "$CLOUD_WORKDIR/certs" "$@" >/dev/null || return 1
	CLOUD_MQTT_PORT="$(cloud_free_port)" || return 1
	bash "$CLOUD_LIB_DIR/broker.sh" start "$CLOUD_WORKDIR/broker" "$CLOUD_MQTT_PORT" \
		"$CLOUD_WORKDIR/certs" >/dev/null || return 1
	CLOUD_HTTP_ADDR="127.0.0.1:$(cloud_free_port)" || return 1
	"$emulator" serve --broker-host 127.0.0.1 --broker-port "$CLOUD_MQTT_PORT" \
		--ca "$CLOUD_WORKDIR/certs/ca.pem" \
		--cert "$CLOUD_WORKDIR/certs/emulator.pem" \
		--key "$CLOUD_WORKDIR/certs/emulator.key" \
		--http "$CLOUD_HTTP_ADDR" >"$CLOUD_WORKDIR/emulator.log" 2>&1 </dev/null &
	CLOUD_EMULATOR_PID=$!
	cloud_wait_emulator "$emulator"
}

cloud_down() {
	if [[ -n "$CLOUD_EMULATOR_PID" ]]; then
		kill "$CLOUD_EMULATOR_PID" 2>/dev/null || true
		wait "$CLOUD_EMULATOR_PID" 2>/dev/null || true
		CLOUD_EMULATOR_PID=""
	fi
	if [[ -n "$CLOUD_WORKDIR" && -d "$CLOUD_WORKDIR/broker" ]]; then
		bash "$CLOUD_LIB_DIR/broker.sh" stop "$CLOUD_WORKDIR/broker" >/dev/null 2>&1 || true
	fi
}

cloud_device_creds() {
	local id="$1" dir="$2" certs="$CLOUD_WORKDIR/certs"
	mkdir -p "$dir"
	ln -sfn "$certs/devices/$id/16842753" "$dir/16842753"
	ln -sfn "$certs/wrong-ca/$id/16842753" "$dir/16842901"
	ln -sfn "$certs/wrong-client/$id/16842753" "$dir/16842902"
}
