"""OpenAI Embeddings (POST /v1/embeddings).

Segments: `input` (a string or each string of a list, role "embedding_input"; token-id arrays are
decoded with the model's offline encoding and forwarded as text, see `token_text`) and `user`
(identity). Answers hold vectors, no text: only usage is read.
"""

from __future__ import annotations

from typing import Any

from filters.segments import DataClass
from gateway.adapters.base import Envelope, ResponseRewriter, StreamRewriter, Usage
from gateway.adapters.openai_completions import is_tokens, texts_or_tokens
from gateway.adapters.request_walk import RequestReader, model_of, start, stream_of, write_body
from gateway.adapters.response_walk import mark_ai_generated, openai_usage
from gateway.adapters.token_text import decode_tokens
from gateway.upstream.sse import SSEEvent


class OpenAIEmbeddings:
    api = "openai.embeddings"
    path = "/v1/embeddings"  # where clients call it
    upstream_path = "/embeddings"  # after the provider's base URL
    wire_format = "openai"
    default_feature = "embeddings"
    stores_state = False  # the provider keeps state unless told `store: false`
    stored_reference: str | None = None

    def parse(self, body: dict[str, Any], header_class: DataClass | None) -> Envelope:
        body = start(body)
        model, stream = model_of(body), stream_of(body)
        body = _tokens_as_text(body, model)
        reader = RequestReader(body, header_class)
        texts_or_tokens(reader, body, "input", "embedding_input", required=True)
        reader.identity(("user",))
        return reader.envelope(self.api, model, stream)

    def write(self, envelope: Envelope, texts: list[str]) -> dict[str, Any]:
        return write_body(envelope, texts)

    def rewrite_response(self, body: dict[str, Any], rewriter: ResponseRewriter) -> Usage:
        return openai_usage(body.get("usage")) or Usage()

    def stream_rewriter(self, rewriter: ResponseRewriter) -> StreamRewriter:
        return PassThrough()

    def mark_ai_generated(self, body: dict[str, Any]) -> None:
        mark_ai_generated(body)


def _tokens_as_text(body: dict[str, Any], model: str | None) -> dict[str, Any]:
    """The body with token-id inputs replaced by their text (unchanged when there are none)."""
    value = body.get("input")
    if not isinstance(value, list) or not value:
        return body
    if is_tokens(value):
        return {**body, "input": decode_tokens(model or "", value, "input")}
    if not any(isinstance(item, list) for item in value):
        return body
    texts = [decode_tokens(model or "", item, f"input[{index}]") if isinstance(item, list) and is_tokens(item)
             else item for index, item in enumerate(value)]
    return {**body, "input": texts}


class PassThrough:
    """Embeddings do not stream; should a provider send events anyway, they go as they came."""

    def __init__(self) -> None:
        self.usage = Usage()

    def on_event(self, event: SSEEvent) -> list[SSEEvent]:
        return [event]

    def close(self) -> list[SSEEvent]:
        return []
