"""CORS for browser clients, off unless `server.cors_origins` lists the origins allowed.

A preflight (`OPTIONS` with `Access-Control-Request-Method`) from an allowed origin is answered
here, before any step runs; every response to an allowed origin carries the CORS headers, streams
included (added when the response is prepared). An origin not listed gets no CORS headers, so the
browser keeps its page from reading the answer, and its preflight is a 403.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.typedefs import Middleware

from gateway.errors import GatewayError, api_family, error_response

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS"
# Headers a page may read: the ids, Retry-After, the policy's marks.
EXPOSED = ("X-Gateway-Request-Id, request-id, x-request-id, retry-after, X-AI-Generated, X-Gateway-Outcome, "
           "X-Policy-Version, X-Human-Review-Required, X-Gateway-Mode")
MAX_AGE_S = "600"


def allowed(origins: frozenset[str], origin: str | None) -> bool:
    return origin is not None and ("*" in origins or origin in origins)


def cors_middleware(origins: frozenset[str]) -> Middleware:
    @web.middleware
    async def cors(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
            return await handler(request)
        origin = request.headers.get("Origin")
        if not allowed(origins, origin):
            return error_response(api_family(request.path), GatewayError(
                403, "origin_not_allowed", "this origin is not allowed to call the gateway (server.cors_origins)"))
        requested = request.headers.get("Access-Control-Request-Headers", "")
        return web.Response(status=204, headers={
            "Access-Control-Allow-Origin": origin or "", "Access-Control-Allow-Methods": ALLOWED_METHODS,
            "Access-Control-Allow-Headers": requested or "authorization, content-type, x-api-key",
            "Access-Control-Max-Age": MAX_AGE_S, "Vary": "Origin"})

    return cors


def cors_headers(origins: frozenset[str]) -> Callable[[web.Request, web.StreamResponse], Awaitable[None]]:
    async def add(request: web.Request, response: web.StreamResponse) -> None:
        origin = request.headers.get("Origin")
        if allowed(origins, origin):
            response.headers["Access-Control-Allow-Origin"] = origin or ""
            response.headers["Access-Control-Expose-Headers"] = EXPOSED
            response.headers.add("Vary", "Origin")

    return add
