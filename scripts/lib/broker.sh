#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 cloudwire contributors
#
# A mosquitto broker for the local nRF Cloud emulator: TLS with client
# certificates (username = certificate CN) and per-device topic ACLs.
#
# Usage:
#   broker.sh start   <workdir> <port> [<certdir>]   certdir defaults to <workdir>/certs
#   broker.sh stop    <workdir>
#   broker.sh restart <workdir>                      same port and certificates
#   broker.sh status  <workdir>
#
# <certdir> is laid out by certs.sh (ca.pem, server.pem, server.key).
# start writes <workdir>/mosquitto.conf and acl, logs to <workdir>/mosquitto.log,
# keeps the pid in <workdir>/mosquitto.pid and returns once the broker
# completes TLS handshakes on 127.0.0.1:<port>.
set -euo pipefail

MOSQUITTO="${MOSQUITTO:-$(command -v mosquitto || echo /usr/sbin/mosquitto)}"

usage() {
	sed -n '/^# Usage:/,/^# <certdir>/p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

abs() { (cd "$1" && pwd); }

is_running() {
	local pidfile="$1/mosquitto.pid"
	[[ -s "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

write_config() {
	local work="$1" port="$2" certs="$3"
	cat >"$work/acl" <<ACL
# The emulator plays the cloud: it may use every topic.
user nrfcloud-emulator
topic readwrite #

# A device (username = certificate CN = device id) may use only its own topics:
# shadow, messages (prefix m/d/<id>/...) and FOTA jobs (prefix <id>/jobs/...).
pattern readwrite %u/shadow/#
pattern readwrite prod/+/m/d/%u/#
pattern readwrite prod/+/%u/jobs/#
ACL
	cat >"$work/mosquitto.conf" <<CONF
# Written by broker.sh; see $work/acl for the topic rules.
per_listener_settings false
allow_anonymous false
acl_file $work/acl
persistence false
# Stay root when started as root, so root-only key files stay readable.
user root
log_dest file $work/mosquitto.log
log_type error
log_type warning
log_type notice
log_type information
# One line per subscribed topic: tests check when a device re-subscribes.
log_type subscribe
connection_messages true
log_timestamp_format %H:%M:%S

listener $port 127.0.0.1
cafile $certs/ca.pem
certfile $certs/server.pem
keyfile $certs/server.key
require_certificate true
use_identity_as_username true
CONF
	echo "$port" >"$work/port"
	echo "$certs" >"$work/certdir"
}

# Wait until a TLS handshake with a client certificate succeeds.
wait_ready() {
	local work="$1" port="$2" certs="$3" i
	for i in $(seq 1 100); do
		if ! is_running "$work"; then
			echo "broker.sh: mosquitto exited; log:" >&2
			tail -n 20 "$work/mosquitto.log" >&2 || true
			return 1
		fi
		if echo | timeout 2 openssl s_client -connect "127.0.0.1:$port" -servername localhost \
			-CAfile "$certs/ca.pem" -cert "$certs/emulator.pem" -key "$certs/emulator.key" \
			-verify_return_error -brief >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.1
	done
	echo "broker.sh: mosquitto not ready on port $port after 10 s" >&2
	return 1
}

start() {
	local work port certs
	[[ $# -ge 2 ]] || usage
	mkdir -p "$1"
	work="$(abs "$1")"
	port="$2"
	certs="${3:-$work/certs}"
	[[ -d "$certs" ]] || { echo "broker.sh: no certificate dir $certs (run certs.sh first)" >&2; exit 1; }
	certs="$(abs "$certs")"
	for f in ca.pem server.pem server.key emulator.pem emulator.key; do
		[[ -s "$certs/$f" ]] || { echo "broker.sh: missing $certs/$f (run certs.sh first)" >&2; exit 1; }
	done
	if is_running "$work"; then
		echo "broker.sh: already running (pid $(cat "$work/mosquitto.pid"))" >&2
		exit 1
	fi
	write_config "$work" "$port" "$certs"
	# setsid: the broker outlives this script and ignores the caller's signals.
	setsid "$MOSQUITTO" -c "$work/mosquitto.conf" >>"$work/mosquitto.log" 2>&1 </dev/null &
	echo $! >"$work/mosquitto.pid"
	wait_ready "$work" "$port" "$certs"
	echo "broker.sh: mosquitto (pid $(cat "$work/mosquitto.pid")) listening on 127.0.0.1:$port"
}

stop() {
	local work pid i
	[[ $# -ge 1 ]] || usage
	work="$1"
	if ! is_running "$work"; then
		rm -f "$work/mosquitto.pid"
		return 0
	fi
	pid="$(cat "$work/mosquitto.pid")"
	kill -TERM "$pid" 2>/dev/null || true
	for i in $(seq 1 50); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -KILL "$pid" 2>/dev/null || true
		sleep 0.1
	fi
	rm -f "$work/mosquitto.pid"
	echo "broker.sh: mosquitto (pid $pid) stopped"
}

restart() {
	local work
	[[ $# -ge 1 ]] || usage
	work="$1"
	[[ -s "$work/port" && -s "$work/certdir" ]] || { echo "broker.sh: $work was never started" >&2; exit 1; }
	stop "$work"
	start "$work" "$(cat "$work/port")" "$(cat "$work/certdir")"
}

status() {
	[[ $# -ge 1 ]] || usage
	if is_running "$1"; then
		echo "running (pid $(cat "$1/mosquitto.pid"), port $(cat "$1/port"))"
	else
		echo "stopped"
		return 1
	fi
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
start) start "$@" ;;
stop) stop "$@" ;;
restart) restart "$@" ;;
status) status "$@" ;;
*) usage ;;
esac
