#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 cloudwire contributors
#
# broker-ctl.sh <broker workdir> <stop|start|restart|status>
#
# The command the host conformance runner is given (CW_TEST_BROKER_CTL) to
# stop, start or restart the test broker in the middle of a scenario: the
# runner appends the action, broker.sh wants it first.
set -euo pipefail

work="${1:?broker workdir}"
action="${2:?action}"
lib="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

case "$action" in
start)
	exec bash "$lib/broker.sh" start "$work" "$(cat "$work/port")" "$(cat "$work/certdir")"
	;;
stop | restart | status)
	exec bash "$lib/broker.sh" "$action" "$work"
	;;
*)
	echo "broker-ctl.sh: unknown action '$action'" >&2
	exit 2
	;;
esac
