"""Errors as the providers send them: OpenAI `{"error": {...}}`, Anthropic `{"type": "error", "error": {...}}`."""

from __future__ import annotations

import json
import uuid
from typing import Any, Literal

from aiohttp import web

Family = Literal["openai", "anthropic"]

# (type, code) as OpenAI's API reports them per status.
_OPENAI: dict[int, tuple[str, str | None]] = {
    400: ("invalid_request_error", None), 401: ("invalid_request_error", "invalid_api_key"),
    403: ("invalid_request_error", "unsupported_country_region_territory"),
    404: ("invalid_request_error", "model_not_found"), 413: ("invalid_request_error", None),
    429: ("requests", "rate_limit_exceeded"),
}
_ANTHROPIC: dict[int, str] = {
    400: "invalid_request_error", 401: "authentication_error", 402: "billing_error", 403: "permission_error",
    404: "not_found_error", 413: "request_too_large", 429: "rate_limit_error", 500: "api_error",
    504: "timeout_error", 529: "overloaded_error",
}


class MockError(Exception):
    """A request the mock refuses, rendered in the calling API's error shape."""

    def __init__(self, status: int, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param


def error_body(family: Family, status: int, message: str, param: str | None = None) -> dict[str, Any]:
    if family == "anthropic":
        kind = _ANTHROPIC.get(status, "api_error" if status >= 500 else "invalid_request_error")
        return {"type": "error", "error": {"type": kind, "message": message},
                "request_id": f"req_{uuid.uuid4().hex[:24]}"}
    kind, code = _OPENAI.get(status, ("server_error" if status >= 500 else "invalid_request_error", None))
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


def error_response(family: Family, status: int, message: str, param: str | None = None,
                   headers: dict[str, str] | None = None) -> web.Response:
    payload = error_body(family, status, message, param)
    body = json.dumps(payload).encode("utf-8")
    # Providers name every answer, errors included, with their request id.
    request_id = payload.get("request_id") or f"req_{uuid.uuid4().hex[:24]}"
    named = {("request-id" if family == "anthropic" else "x-request-id"): request_id, **(headers or {})}
    return web.Response(status=status, body=body, headers=named, content_type="application/json")
