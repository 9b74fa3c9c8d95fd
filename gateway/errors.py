"""Errors in the calling API's own shape: OpenAI `{"error": {...}}`, Anthropic `{"type": "error", ...}`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

_OPENAI_TYPES = {
    400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
    404: "invalid_request_error", 405: "invalid_request_error", 408: "invalid_request_error",
    413: "invalid_request_error", 429: "rate_limit_error", 501: "invalid_request_error", 502: "api_error", 503: "api_error", 504: "api_error",
    529: "api_error",
}
_ANTHROPIC_TYPES = {
    400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
    404: "not_found_error", 405: "invalid_request_error", 408: "timeout_error", 413: "request_too_large",
    429: "rate_limit_error", 501: "not_found_error", 502: "api_error", 503: "overloaded_error",
    504: "timeout_error", 529: "overloaded_error",
}


@dataclass
class GatewayError(Exception):
    """A refusal or failure to report to the client. `message` never holds prompt text or keys."""

    status: int
    code: str
    message: str
    param: str | None = None
    clause: str | None = None
    category: str | None = None
    headers: dict[str, str] | None = None
    stage: str | None = None   # which part of the use check decided: rule | classifier | guard | policy

    def __str__(self) -> str:
        return f"{self.status} {self.code}: {self.message}"


def api_family(path: str) -> str:
    """The wire format whose error shape a path's caller expects."""
    return "anthropic" if path.startswith("/v1/messages") else "openai"


def error_body(api_family: str, error: GatewayError) -> dict[str, Any]:
    if api_family == "anthropic":
        inner: dict[str, Any] = {"type": _ANTHROPIC_TYPES.get(error.status, "api_error"), "message": error.message}
        if error.clause:
            inner.update(code=error.code, clause=error.clause, category=error.category)
            if error.stage:
                inner["stage"] = error.stage
        elif error.code:
            inner["code"] = error.code
        return {"type": "error", "error": inner}
    inner = {
        "message": error.message,
        "type": _OPENAI_TYPES.get(error.status, "api_error"),
        "param": error.param,
        "code": error.code,
    }
    if error.clause:
        inner.update(clause=error.clause, category=error.category)
        if error.stage:
            inner["stage"] = error.stage
    return {"error": inner}


def error_response(api_family: str, error: GatewayError, request_id: str | None = None) -> web.Response:
    headers = dict(error.headers or {})
    if request_id:
        headers["X-Gateway-Request-Id"] = request_id
    return web.Response(
        status=error.status,
        body=json.dumps(error_body(api_family, error)).encode(),
        content_type="application/json",
        headers=headers,
    )


def stream_error_event(api_family: str, error: GatewayError) -> bytes:
    """The event that ends a stream cut short: well-formed for the SDKs, in the API's own shape."""
    body = json.dumps(error_body(api_family, error))
    if api_family == "anthropic":
        return f"event: error\ndata: {body}\n\n".encode()
    return f"data: {body}\n\n".encode()
