"""A provider's error body in the caller's error shape: the same status, type and message, other dress."""

from __future__ import annotations

from typing import Any

from gateway.errors import GatewayError, error_body

# Anthropic error type -> OpenAI error type (OpenAI has no not-found or overloaded types of its own)
_TO_OPENAI = {
    "invalid_request_error": "invalid_request_error", "authentication_error": "authentication_error",
    "permission_error": "permission_error", "not_found_error": "invalid_request_error",
    "request_too_large": "invalid_request_error", "rate_limit_error": "rate_limit_error",
    "api_error": "api_error", "overloaded_error": "api_error", "timeout_error": "api_error",
    "billing_error": "insufficient_quota",
}


def _message(body: Any, status: int) -> tuple[str, str | None, str | None]:
    """(message, type, code) out of either API's error body; a stand-in message when there is none."""
    inner = body.get("error") if isinstance(body, dict) else None
    if isinstance(inner, dict):
        message = inner.get("message")
        kind = inner.get("type")
        code = inner.get("code")
        return (message if isinstance(message, str) else f"the provider answered HTTP {status}",
                kind if isinstance(kind, str) else None, code if isinstance(code, str) else None)
    return f"the provider answered HTTP {status}", None, None


def anthropic_error_to_openai(status: int, body: Any) -> dict[str, Any]:
    message, kind, code = _message(body, status)
    openai_type = _TO_OPENAI.get(kind or "")
    out = error_body("openai", GatewayError(status, code or (kind or "upstream_error"), message))
    if openai_type is not None:
        out["error"]["type"] = openai_type
    return out


def openai_error_to_anthropic(status: int, body: Any) -> dict[str, Any]:
    message, _, code = _message(body, status)
    out = error_body("anthropic", GatewayError(status, code or "", message))
    if not code:
        out["error"].pop("code", None)
    return out
