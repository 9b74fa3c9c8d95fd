"""The gateway's own endpoints beside the proxied APIs: health, readiness, metrics, the model list."""

from __future__ import annotations

from aiohttp import web

from gateway.server.state import LINKS, LIVE


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    state = request.app[LIVE].current
    ready = state.service.ready and LINKS in request.app
    # Cooled-down deployments are detail, not unreadiness: their routes' other deployments still serve.
    return web.json_response({"status": "ready" if ready else "starting",
                              "analysis": state.service.ready,
                              "policy": state.screener.policy.digest,
                              "cooled_down_deployments": state.health.cooled_labels()},
                             status=200 if ready else 503)


async def metrics(request: web.Request) -> web.Response:
    state = request.app[LIVE].current
    state.health.refresh()   # cool-downs that are over are reported as over
    body = state.metrics.render()
    return web.Response(body=body, headers={"Content-Type": "text/plain; version=0.0.4; charset=utf-8"})


async def list_models(request: web.Request) -> web.Response:
    state = request.app[LIVE].current
    principal = state.keyring.authenticate(request.headers)
    names = state.router.model_names(principal.features)
    if "anthropic-version" in request.headers:
        data = [{"type": "model", "id": name, "display_name": name, "created_at": "2024-01-01T00:00:00Z"}
                for name, _ in names]
        return web.json_response({"data": data, "has_more": False,
                                  "first_id": data[0]["id"] if data else None,
                                  "last_id": data[-1]["id"] if data else None})
    return web.json_response({"object": "list", "data": [
        {"id": name, "object": "model", "created": 0, "owned_by": provider} for name, provider in names]})
