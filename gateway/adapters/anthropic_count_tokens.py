"""Anthropic token counting (POST /v1/messages/count_tokens): the same body as a message, screened the
same way (it carries the same text), answered with a count only (`{"input_tokens": N}`)."""

from __future__ import annotations

from typing import Any

from gateway.adapters.anthropic_messages import AnthropicMessages
from gateway.adapters.base import ResponseRewriter, Usage


class AnthropicCountTokens(AnthropicMessages):
    api = "anthropic.count_tokens"
    path = "/v1/messages/count_tokens"
    upstream_path = "/messages/count_tokens"

    def rewrite_response(self, body: dict[str, Any], rewriter: ResponseRewriter) -> Usage:
        count = body.get("input_tokens")
        return Usage(input_tokens=count if isinstance(count, int) else 0)

    def mark_ai_generated(self, body: dict[str, Any]) -> None:
        """A count is not generated content: nothing to mark."""
