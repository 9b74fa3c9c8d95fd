#!/usr/bin/env bash
# Installs, as root on Debian, the system tools the tests need: promtool (from Debian's
# `prometheus` package; only the binary is used, the service is kept from starting) and chromium
# (the console's browser tests drive it with Playwright; Playwright's own browser download is never used)
# and redis-server (the shared-state tests start their own on a loopback port), and node with npm (the
# Node clients of tests/node: Debian's nodejs is recent enough, the packages there ask for node >= 18).
# With the argument `bench`, also wrk, the load generator of `make bench`.
set -euo pipefail

packages=()
command -v promtool >/dev/null 2>&1 || packages+=(prometheus)
command -v chromium >/dev/null 2>&1 || packages+=(chromium fonts-liberation)
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [ "${1:-}" = bench ]; then
    command -v wrk >/dev/null 2>&1 || packages+=(wrk)
fi
if [ "${#packages[@]}" -eq 0 ]; then
    echo "system tools already installed"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-system-deps.sh: run as root (it calls apt-get)" >&2
    exit 1
fi

# policy-rc.d answering 101 tells invoke-rc.d not to start services: we want the tool, not a server.
# An existing policy-rc.d is left alone (it already says what the machine wants).
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
    own_policy=1
fi
cleanup() { if [ "$own_policy" = 1 ]; then rm -f "$policy"; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${packages[@]}"

promtool --version
