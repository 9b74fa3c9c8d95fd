"""OpenAI legacy Completions (POST /v1/completions), the typeahead route.

Segments: `prompt` (a string or each string of a list; token arrays are not text and go as
they came), `suffix` (both role "prompt"), and `user` (identity). Answers: `choices[].text`.
"""

from __future__ import annotations

from typing import Any

from filters.segments import DataClass
from gateway.adapters.base import BadRequest, Envelope, ResponseRewriter, Usage
from gateway.adapters.request_walk import RequestReader, model_of, start, stream_of, write_body
from gateway.adapters.response_walk import (
    AI_GENERATED,
    Channels,
    dicts,
    extra_event,
    json_event,
    load_json,
    mark_ai_generated,
    openai_usage,
    rewrite_key,
)
from gateway.upstream.sse import SSEEvent


def is_tokens(value: Any) -> bool:
    """A list of token ids (integers)."""
    return isinstance(value, list) and all(isinstance(t, int) and not isinstance(t, bool) for t in value)


def texts_or_tokens(reader: RequestReader, body: dict[str, Any], key: str, role: str, *, required: bool) -> None:
    """A string, an array of strings, an array of token ids, or an array of token arrays."""
    value = body.get(key)
    if value is None:
        if required:
            raise BadRequest(f"{key} is required", key)
        return
    if isinstance(value, str):
        reader.text((key,), value, role, reader.header_class)
        return
    if not isinstance(value, list):
        raise BadRequest(f"{key} must be a string, an array of strings or an array of token ids", key)
    if is_tokens(value):
        return
    for index, item in enumerate(value):
        if isinstance(item, str):
            reader.text((key, index), item, role, reader.header_class)
        elif not is_tokens(item):
            raise BadRequest(f"{key}[{index}] must be a string or an array of token ids", f"{key}[{index}]")


class OpenAICompletions:
    api = "openai.completions"
    path = "/v1/completions"  # where clients call it
    upstream_path = "/completions"  # after the provider's base URL
    wire_format = "openai"
    default_feature = "assistant"
    stores_state = False  # the provider keeps state unless told `store: false`
    stored_reference: str | None = None

    def parse(self, body: dict[str, Any], header_class: DataClass | None) -> Envelope:
        body = start(body)
        model, stream = model_of(body), stream_of(body)
        reader = RequestReader(body, header_class)
        texts_or_tokens(reader, body, "prompt", "prompt", required=False)
        reader.field(body, "suffix", (), "prompt", header_class)
        reader.identity(("user",))
        return reader.envelope(self.api, model, stream)

    def write(self, envelope: Envelope, texts: list[str]) -> dict[str, Any]:
        return write_body(envelope, texts)

    def rewrite_response(self, body: dict[str, Any], rewriter: ResponseRewriter) -> Usage:
        for choice in dicts(body.get("choices")):
            rewrite_key(choice, "text", rewriter)
        return openai_usage(body.get("usage")) or Usage()

    def stream_rewriter(self, rewriter: ResponseRewriter) -> CompletionsStream:
        return CompletionsStream(rewriter)

    def mark_ai_generated(self, body: dict[str, Any]) -> None:
        mark_ai_generated(body)


class CompletionsStream:
    """Chunks of a streamed completion: one channel per choice's text."""

    def __init__(self, rewriter: ResponseRewriter) -> None:
        self.usage = Usage()
        self._channels = Channels(rewriter)
        self._template: dict[str, Any] = {}
        self._last: SSEEvent | None = None
        self._marked = False

    def on_event(self, event: SSEEvent) -> list[SSEEvent]:
        if event.data.strip() == "[DONE]":
            return self._close(None, event) + [event]
        chunk = load_json(event)
        if chunk is None:
            return [event]
        self._template = {k: v for k, v in chunk.items() if k not in ("choices", "usage", AI_GENERATED)}
        self._last = event
        usage = openai_usage(chunk.get("usage"))
        if usage is not None:
            self.usage = usage
        changed = False
        for choice in dicts(chunk.get("choices")):
            index = choice.get("index", 0)
            text = choice.get("text")
            if isinstance(text, str):
                new = self._channels.feed(index, text)
                if choice.get("finish_reason") is not None:
                    new += self._channels.close(index)
                choice["text"] = new
                changed |= new != text
        out = []
        for choice in dicts(chunk.get("choices")):
            if choice.get("finish_reason") is not None:
                out.extend(self._close(choice.get("index", 0), event))
        if not self._marked:
            self._marked = changed = True
            chunk[AI_GENERATED] = True
        out.append(json_event(chunk, event) if changed else event)
        return out

    def close(self) -> list[SSEEvent]:
        return self._close(None, self._last) if self._last is not None else []

    def _close(self, index: Any, like: SSEEvent | None) -> list[SSEEvent]:
        out = []
        for key in self._channels.keys():  # noqa: SIM118 - Channels is not a dict
            if index is not None and key != index:
                continue
            text = self._channels.close(key)
            if text and like is not None:
                chunk = dict(self._template)
                chunk["choices"] = [{"index": key, "text": text, "logprobs": None, "finish_reason": None}]
                out.append(extra_event(chunk, like, "message"))
        return out
