"""A bare aiohttp relay: the floor for a Python gateway in `make bench`.

It forwards every POST to the upstream unchanged through one shared ClientSession and relays the
answer, streamed or not; no parsing, no screening, no metrics. What the gateway costs beyond this is
the price of its work, not of aiohttp.

    .venv/bin/python tests/bench/bare_relay.py --port 8101 --upstream http://127.0.0.1:8100 [--uvloop]
"""

from __future__ import annotations

import argparse
import asyncio

import aiohttp
from aiohttp import web

SESSION = web.AppKey("session", aiohttp.ClientSession)
UPSTREAM = web.AppKey("upstream", str)
FORWARDED = ("content-type", "authorization", "x-api-key", "anthropic-version")


async def relay(request: web.Request) -> web.StreamResponse:
    body = await request.read()
    headers = {name: value for name, value in request.headers.items()
               if name.lower() in FORWARDED or name.lower().startswith("x-mock-")}
    async with request.app[SESSION].post(request.app[UPSTREAM] + request.path, data=body,
                                         headers=headers) as upstream:
        if upstream.content_type == "text/event-stream":
            response = web.StreamResponse(status=upstream.status,
                                          headers={"Content-Type": "text/event-stream"})
            await response.prepare(request)
            async for chunk in upstream.content.iter_any():
                await response.write(chunk)
            await response.write_eof()
            return response
        return web.Response(status=upstream.status, body=await upstream.read(),
                            content_type=upstream.content_type)


async def ready(request: web.Request) -> web.Response:
    return web.Response(text="ready")


async def _session(app: web.Application):  # type: ignore[no-untyped-def]
    app[SESSION] = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=512))
    yield
    await app[SESSION].close()


def build_relay(upstream: str) -> web.Application:
    app = web.Application(client_max_size=64 * 1024 * 1024)
    app[UPSTREAM] = upstream.rstrip("/")
    app.cleanup_ctx.append(_session)
    app.router.add_get("/_ready", ready)
    app.router.add_post("/{path:.*}", relay)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--upstream", required=True, help="base URL, e.g. http://127.0.0.1:8100")
    parser.add_argument("--uvloop", action="store_true", help="run on uvloop's event loop")
    args = parser.parse_args()
    if args.uvloop:
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    web.run_app(build_relay(args.upstream), host="127.0.0.1", port=args.port, access_log=None,
                print=None, handle_signals=True)


if __name__ == "__main__":
    main()
