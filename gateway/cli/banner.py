"""What `serve` prints once it listens: where, with which key, and a first request to try."""

from __future__ import annotations

import hashlib

from aiohttp import web

from gateway.config import GatewayConfig

DEV_KEY = "mg-dev-key"   # the embedded config's local key (config/gateway.yaml stores only its sha256)
DEV_ADMIN_KEY = "mg-dev-admin-key"   # the embedded config's console key (opens it from loopback only)


def banner(config: GatewayConfig, app: web.Application, url: str) -> str:
    from gateway.server.state import LINKS

    lines = [f"magic-gateway is listening on {url} (config {config.source})"]
    dev = hashlib.sha256(DEV_KEY.encode()).hexdigest()
    key = DEV_KEY if any(k.sha256 == dev for k in config.keys) else "<your gateway key>"
    if key == DEV_KEY:
        lines.append(f"  development key: {DEV_KEY}")
    lines.append(f"  readiness:       {url}/readyz  (the analysis engine loads in the background)")
    console = getattr(config, "console", None)
    if console is not None and console.enabled:
        admin = hashlib.sha256(DEV_ADMIN_KEY.encode()).hexdigest()
        known = f" (admin key {DEV_ADMIN_KEY})" if getattr(console, "admin_key_sha256", None) == admin else ""
        lines.append(f"  console:         {url}/console{known}")
    model = next((name for route in config.models if route.feature in (None, "assistant")
                  for name in ([route.match] if not route.is_glob else route.names)), None)
    if model:
        body = ('{"model": "%s", "messages": [{"role": "user", "content": '
                '"Email jane.doe@acme.com the Q3 numbers"}]}' % model)
        lines.append(f"  try:             curl -s {url}/v1/chat/completions -H 'Authorization: Bearer {key}' "
                     f"-H 'Content-Type: application/json' -d '{body}'")
    links = app.get(LINKS)
    mocks = [p.name for p in config.providers if p.kind == "mock" and not p.base_url]
    if links is not None and mocks:
        mock_url = links.base_urls[mocks[0]].removesuffix("/v1")
        lines.append(f"  what the provider received: curl -s {mock_url}/_mock/requests  (the built-in mock's log)")
    return "\n".join(lines)
