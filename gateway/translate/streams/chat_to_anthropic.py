"""OpenAI chat completion chunks as an Anthropic Messages event stream, event by event.

The first chunk -> message_start; content deltas -> a text block's text_delta events; each tool call
(by its index) -> a tool_use block whose argument pieces are input_json_delta events; finish_reason ->
the open block's content_block_stop; the usage chunk (asked for with `stream_options.include_usage`)
and `[DONE]` -> message_delta with the stop reason and usage, then message_stop.
"""

from __future__ import annotations

import json
from typing import Any

from gateway.translate.base import json_event
from gateway.translate.content import STOP_REASON, openai_to_anthropic_usage
from gateway.translate.errors import openai_error_to_anthropic
from gateway.upstream.sse import SSEEvent


def _event(kind: str, **fields: Any) -> SSEEvent:
    return json_event({"type": kind, **fields}, event=kind)


class ChatToAnthropicStream:
    def __init__(self, caller: dict[str, Any]) -> None:
        self._model = caller.get("model")
        self._started = False
        self._block: int | None = None            # the open content block's index
        self._block_kind: str | None = None
        self._blocks = 0
        self._tools: dict[int, int] = {}          # OpenAI tool call index -> Anthropic block index
        self._stop_reason: str | None = None
        self._usage: dict[str, Any] = {}
        self._ended = False

    def on_event(self, event: SSEEvent) -> list[SSEEvent]:
        if self._ended:
            return []
        if event.data.strip() == "[DONE]":
            return self._end()
        try:
            data = json.loads(event.data)
        except ValueError:
            return []
        if not isinstance(data, dict):
            return []
        if "error" in data:
            self._ended = True
            return [_event("error", error=openai_error_to_anthropic(500, data)["error"])]
        out = self._start(data)
        if data.get("usage"):
            self._usage = data["usage"]
        for choice in data.get("choices") or []:
            if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                continue
            out.extend(self._delta(choice.get("delta") or {}))
            if choice.get("finish_reason"):
                self._stop_reason = STOP_REASON.get(choice["finish_reason"], "end_turn")
                out.extend(self._close_block())
        return out

    def _start(self, data: dict[str, Any]) -> list[SSEEvent]:
        if self._started:
            return []
        self._started = True
        self._model = data.get("model") or self._model
        message: dict[str, Any] = {"id": data.get("id"), "type": "message", "role": "assistant", "model": self._model,
                                   "content": [], "stop_reason": None, "stop_sequence": None,
                                   "usage": {"input_tokens": 0, "output_tokens": 0}}
        return [_event("message_start", message=message)]

    def _delta(self, delta: dict[str, Any]) -> list[SSEEvent]:
        out: list[SSEEvent] = []
        text = delta.get("content") or delta.get("refusal")
        if text:
            if self._block_kind != "text":
                out.extend(self._open({"type": "text", "text": ""}, "text"))
            out.append(_event("content_block_delta", index=self._block,
                              delta={"type": "text_delta", "text": text}))
        for call in delta.get("tool_calls") or []:
            index = call.get("index", 0)
            function = call.get("function") or {}
            if index not in self._tools:
                out.extend(self._open({"type": "tool_use", "id": call.get("id"), "name": function.get("name"),
                                       "input": {}}, "tool_use"))
                self._tools[index] = self._block  # type: ignore[assignment]
            if function.get("arguments"):
                out.append(_event("content_block_delta", index=self._tools[index],
                                  delta={"type": "input_json_delta", "partial_json": function["arguments"]}))
        return out

    def _open(self, block: dict[str, Any], kind: str) -> list[SSEEvent]:
        out = self._close_block()
        self._block, self._block_kind = self._blocks, kind
        self._blocks += 1
        return out + [_event("content_block_start", index=self._block, content_block=block)]

    def _close_block(self) -> list[SSEEvent]:
        if self._block is None:
            return []
        index, self._block, self._block_kind = self._block, None, None
        return [_event("content_block_stop", index=index)]

    def _end(self) -> list[SSEEvent]:
        self._ended = True
        out = self._close_block()
        usage = openai_to_anthropic_usage(self._usage)
        out.append(_event("message_delta", delta={"stop_reason": self._stop_reason or "end_turn",
                                                  "stop_sequence": None}, usage=usage))
        return out + [_event("message_stop")]

    def close(self) -> list[SSEEvent]:
        """A stream cut before [DONE] gets no message_stop: the caller must see it was cut."""
        return []

    @property
    def tokens(self) -> tuple[int, int]:
        usage = openai_to_anthropic_usage(self._usage)
        return usage["input_tokens"] + usage["cache_read_input_tokens"], usage["output_tokens"]
