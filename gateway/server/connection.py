"""The HTTP connection itself, before any request reaches the step chain: read deadlines and parser errors.

aiohttp waits for a request's headers as long as the client likes and answers what its HTTP parser
refuses (a bad request line, oversized headers, a malformed Content-Length) in plain text, without
the app's middleware. Here every connection gets `timeouts.header_s` from a request's first byte to
its last header line (else 408, in the API's error shape, and the connection closed), an idle
keep-alive connection is closed after `timeouts.idle_s`, and a parser error is a 400 in the API's
shape. The body's own deadline (`timeouts.body_s`) is kept where the body is read (`steps.read_body`).

`GatewayRunner` is an `AppRunner` whose connections are these; `serve`, replay and the tests use it.
"""

from __future__ import annotations

import asyncio
import json
from http import HTTPStatus
from typing import Any

from aiohttp import web
from aiohttp.web_protocol import RequestHandler
from aiohttp.web_request import BaseRequest

from gateway.config import TimeoutConfig
from gateway.errors import GatewayError, api_family, error_body


def _raw_error(status: int, code: str, message: str, family: str = "openai") -> bytes:
    """A complete HTTP/1.1 response in the API's error shape, for a connection with no request object."""
    body = json.dumps(error_body(family, GatewayError(status, code, message))).encode()
    head = (f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n")
    return head.encode("ascii") + body


class GatewayRequestHandler(RequestHandler):
    """One client connection: a deadline on every request's headers, parser errors in the API's shape."""

    def __init__(self, manager: web.Server, *, header_s: float, **kwargs: Any) -> None:
        super().__init__(manager, **kwargs)
        self._header_s = header_s
        self._header_deadline: asyncio.TimerHandle | None = None
        self._requests_seen = 0
        self._last_body: Any = None   # the body stream of the last request whose headers came

    def data_received(self, data: bytes) -> None:
        before = self._request_count
        super().data_received(data)
        if self._request_count > before:
            self._stop_header_deadline()   # the request's headers are complete
            if self._messages:
                self._last_body = self._messages[-1][1]
        elif (self._header_deadline is None and not self._request_in_progress and not self._messages
              and not self._force_close and (self._last_body is None or self._last_body.is_eof())):
            # the first bytes of a request whose headers have not all come yet (not the rest of a body)
            self._requests_seen = self._request_count
            self._header_deadline = self._loop.call_later(self._header_s, self._headers_late)

    def connection_lost(self, exc: BaseException | None) -> None:
        self._stop_header_deadline()
        super().connection_lost(exc)

    def _stop_header_deadline(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _headers_late(self) -> None:
        self._header_deadline = None
        transport = self.transport
        if self._request_count != self._requests_seen or self._request_in_progress or transport is None:
            return
        transport.write(_raw_error(408, "request_timeout", f"the request's headers did not arrive within "
                                   f"{self._header_s:g} s"))
        self.force_close()   # closes the transport once what was written is sent

    def handle_error(self, request: BaseRequest, status: int = 500, exc: BaseException | None = None,
                     message: str | None = None) -> web.StreamResponse:
        """aiohttp's own errors (its HTTP parser's, chiefly) in the API's shape; never a traceback."""
        if request.writer.output_size > 0:
            return super().handle_error(request, status, exc, message)
        self.log_debug("refused by the HTTP parser: %s", exc)
        if status >= 500:
            error = GatewayError(status, "internal_error", "the gateway failed on this request")
        else:
            # the parser's message can quote what the client sent: it stays out of the answer
            error = GatewayError(status, "bad_http_request",
                                 f"the request is not valid HTTP/1.1 ({HTTPStatus(status).phrase})")
        family = api_family(request.path) if request.path else "openai"
        response = web.json_response(error_body(family, error), status=status)
        response.force_close()
        return response


class GatewayServer(web.Server):
    """aiohttp's `Server` (the protocol factory a site listens with), making `GatewayRequestHandler`s."""

    def __init__(self, base: web.Server, timeouts: TimeoutConfig) -> None:
        self.__dict__.update(base.__dict__)   # the app's handler, request factory and handler options
        self._header_s = timeouts.header_s
        self._kwargs["keepalive_timeout"] = timeouts.idle_s

    def __call__(self) -> RequestHandler:
        return GatewayRequestHandler(self, header_s=self._header_s, loop=self._loop, **self._kwargs)


class GatewayRunner(web.AppRunner):
    """An `AppRunner` serving the gateway's app over `GatewayRequestHandler` connections."""

    def __init__(self, app: web.Application, timeouts: TimeoutConfig, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self._timeouts = timeouts

    async def _make_server(self) -> web.Server:
        return GatewayServer(await super()._make_server(), self._timeouts)
