#!/bin/sh
# The container's command: the gateway on 0.0.0.0:8080 with the mounted config.
#
#   MAGIC_GATEWAY_CONFIG          config file (default /etc/magic-gateway/gateway.yaml)
#   MAGIC_GATEWAY_WORKERS         server processes sharing the port (default 1)
#   MAGIC_GATEWAY_REQUIRE_SECRET  1: refuse to start without a real MAGIC_GATEWAY_SECRET
#
# Extra arguments are appended to `magic-gateway serve` and win over the defaults, e.g.
# `docker run IMAGE --record /tmp/cassettes` or `--port 9000`.
set -eu

if [ "${MAGIC_GATEWAY_REQUIRE_SECRET:-0}" = 1 ]; then
    secret=${MAGIC_GATEWAY_SECRET:-}
    case $secret in
        "" | REPLACE_ME*)
            echo "docker-entrypoint: MAGIC_GATEWAY_SECRET is not set or still the placeholder;" \
                "set the same random value (openssl rand -hex 32) on every replica" >&2
            exit 78
            ;;
    esac
    if [ "${#secret}" -lt 32 ]; then
        echo "docker-entrypoint: MAGIC_GATEWAY_SECRET is shorter than 32 characters" >&2
        exit 78
    fi
fi

exec magic-gateway serve \
    --config "${MAGIC_GATEWAY_CONFIG:-/etc/magic-gateway/gateway.yaml}" \
    --host 0.0.0.0 --port 8080 \
    --workers "${MAGIC_GATEWAY_WORKERS:-1}" \
    "$@"
