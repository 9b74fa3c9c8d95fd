"""The gateway's own endpoints beside the proxied APIs: health, readiness, metrics, the model list."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from gateway.errors import GatewayError
from gateway.server.state import LINKS, LIVE

# What this gateway proxies; every other provider path is answered as not served (see `not_served`).
SERVED = ("POST /v1/chat/completions, /v1/completions, /v1/embeddings, /v1/responses, /v1/messages, "
          "/v1/messages/count_tokens; GET /v1/models")



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


def _anthropic_model(name: str) -> dict[str, Any]:
    return {"type": "model", "id": name, "display_name": name, "created_at": "2024-01-01T00:00:00Z"}


def _openai_model(name: str, provider: str) -> dict[str, Any]:
    return {"id": name, "object": "model", "created": 0, "owned_by": provider}


async def get_model(request: web.Request) -> web.Response:
    """One model, answered from the config: a listed name, or one a route's pattern matches."""
    state = request.app[LIVE].current
    principal = state.keyring.authenticate(request.headers)
    model = request.match_info["model_id"]
    listed = dict(state.router.model_names(principal.features))
    provider = listed.get(model)
    if provider is None:
        route = next((r for r in state.config.models if r.matches(model)
                      and (not r.feature or r.feature in principal.features)), None)
        if route is None:
            raise GatewayError(404, "model_not_found", f"the model {model!r} is not served by this gateway",
                               param="model")
        provider = route.deployment_list()[0].provider
    if "anthropic-version" in request.headers:
        return web.json_response(_anthropic_model(model))
    return web.json_response(_openai_model(model, provider))


async def not_served(request: web.Request) -> web.Response:
    """Provider paths this gateway does not proxy (batches, files, audio, images, moderations...): a 404
    that says so, in the API's shape, which no SDK retries. A served path called with another method: 405."""
    from gateway.adapters import ADAPTERS

    # The path is the client's and may hold anything: it is never echoed.
    if any(request.path == adapter.path for adapter in ADAPTERS.values()):
        raise GatewayError(405, "method_not_allowed", "this method is not allowed on this path",
                           headers={"Allow": "POST"})
    raise GatewayError(404, "endpoint_not_supported", f"this path is not served by this gateway; it serves {SERVED}")


async def list_models(request: web.Request) -> web.Response:
    state = request.app[LIVE].current
    principal = state.keyring.authenticate(request.headers)
    names = state.router.model_names(principal.features)
    if "anthropic-version" in request.headers:
        data = [_anthropic_model(name) for name, _ in names]
        return web.json_response({"data": data, "has_more": False,
                                  "first_id": data[0]["id"] if data else None,
                                  "last_id": data[-1]["id"] if data else None})
    return web.json_response({"object": "list", "data": [_openai_model(name, provider) for name, provider in names]})
