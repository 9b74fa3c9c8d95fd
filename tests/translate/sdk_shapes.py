"""Checks of translated bodies against the `openai` and `anthropic` SDKs' own type definitions."""

from __future__ import annotations

import json
from typing import Any

from anthropic.types import RawMessageStreamEvent
from anthropic.types.message_create_params import MessageCreateParamsNonStreaming
from openai.types.chat.completion_create_params import CompletionCreateParamsNonStreaming
from openai.types.responses import ResponseStreamEvent
from pydantic import TypeAdapter

from gateway.upstream.sse import SSEEvent

ANTHROPIC_REQUEST = TypeAdapter(MessageCreateParamsNonStreaming)
CHAT_REQUEST = TypeAdapter(CompletionCreateParamsNonStreaming)
ANTHROPIC_EVENT: TypeAdapter[Any] = TypeAdapter(RawMessageStreamEvent)
RESPONSES_EVENT: TypeAdapter[Any] = TypeAdapter(ResponseStreamEvent)


def _force(value: Any) -> Any:
    """Pydantic validates Iterable fields lazily: walk them so every item is validated."""
    if isinstance(value, dict):
        return {k: _force(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ValidatorIterator":
        return [_force(v) for v in value]
    return value


def valid_anthropic_request(body: dict[str, Any]) -> dict[str, Any]:
    return _force(ANTHROPIC_REQUEST.validate_python({k: v for k, v in body.items() if k != "stream"}))


def valid_chat_request(body: dict[str, Any]) -> dict[str, Any]:
    return _force(CHAT_REQUEST.validate_python({k: v for k, v in body.items()
                                                if k not in ("stream", "stream_options")}))


def events(*items: tuple[str | None, Any]) -> list[SSEEvent]:
    """Upstream events from (event name, data) pairs; data is a dict or the literal [DONE]."""
    return [SSEEvent(data if isinstance(data, str) else json.dumps(data), event=name) for name, data in items]


def play(translator: Any, upstream: list[SSEEvent]) -> list[SSEEvent]:
    out = [e for event in upstream for e in translator.on_event(event)]
    return out + translator.close()


def anthropic_stream(message_id: str = "msg_01XFDUDYJgAACzvnptvVoYEL") -> list[SSEEvent]:
    """Text, then two parallel tool calls, as Anthropic streams them (SDK event shapes)."""
    def ev(kind: str, **fields: Any) -> tuple[str, dict[str, Any]]:
        return kind, {"type": kind, **fields}
    args_a, args_b = json.dumps({"city": "Paris"}), json.dumps({"city": "Oslo", "unit": "c"})
    return events(
        ev("message_start", message={"id": message_id, "type": "message", "role": "assistant", "content": [],
                                     "model": "claude-sonnet-4-6", "stop_reason": None, "stop_sequence": None,
                                     "usage": {"input_tokens": 412, "cache_creation_input_tokens": 0,
                                               "cache_read_input_tokens": 100, "output_tokens": 1}}),
        ev("ping"),
        ev("content_block_start", index=0, content_block={"type": "text", "text": ""}),
        ev("content_block_delta", index=0, delta={"type": "text_delta", "text": "Checking the "}),
        ev("content_block_delta", index=0, delta={"type": "text_delta", "text": "weather."}),
        ev("content_block_stop", index=0),
        ev("content_block_start", index=1, content_block={"type": "tool_use", "id": "toolu_A", "name": "weather",
                                                          "input": {}}),
        ev("content_block_delta", index=1, delta={"type": "input_json_delta", "partial_json": ""}),
        ev("content_block_delta", index=1, delta={"type": "input_json_delta", "partial_json": args_a[:7]}),
        ev("content_block_delta", index=1, delta={"type": "input_json_delta", "partial_json": args_a[7:]}),
        ev("content_block_stop", index=1),
        ev("content_block_start", index=2, content_block={"type": "tool_use", "id": "toolu_B", "name": "weather",
                                                          "input": {}}),
        ev("content_block_delta", index=2, delta={"type": "input_json_delta", "partial_json": args_b}),
        ev("content_block_stop", index=2),
        ev("message_delta", delta={"stop_reason": "tool_use", "stop_sequence": None},
           usage={"output_tokens": 58}),
        ev("message_stop"),
    )


def chat_stream() -> list[SSEEvent]:
    """Text, then two parallel tool calls, as OpenAI streams chat chunks with include_usage."""
    head = {"id": "chatcmpl-9fJ2kQ", "object": "chat.completion.chunk", "created": 1718000000,
            "model": "gpt-4o-2024-08-06", "system_fingerprint": "fp_9a1b", "service_tier": "default"}

    def chunk(delta: dict[str, Any] | None, finish: str | None = None, usage: Any = None) -> tuple[None, Any]:
        choices = [] if delta is None else [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]
        return None, {**head, "choices": choices, "usage": usage}
    args_a, args_b = json.dumps({"city": "Paris"}), json.dumps({"city": "Oslo"})
    return events(
        chunk({"role": "assistant", "content": "", "refusal": None}),
        chunk({"content": "Checking the "}),
        chunk({"content": "weather."}),
        chunk({"tool_calls": [{"index": 0, "id": "call_A", "type": "function",
                               "function": {"name": "weather", "arguments": ""}}]}),
        chunk({"tool_calls": [{"index": 0, "function": {"arguments": args_a[:6]}}]}),
        chunk({"tool_calls": [{"index": 0, "function": {"arguments": args_a[6:]}}]}),
        chunk({"tool_calls": [{"index": 1, "id": "call_B", "type": "function",
                               "function": {"name": "weather", "arguments": args_b}}]}),
        chunk({}, "tool_calls"),
        chunk(None, usage={"prompt_tokens": 120, "completion_tokens": 31, "total_tokens": 151,
                           "prompt_tokens_details": {"cached_tokens": 20}}),
        (None, "[DONE]"),
    )
