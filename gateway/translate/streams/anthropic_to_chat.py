"""An Anthropic Messages event stream as OpenAI chat completion chunks, event by event.

message_start -> the role chunk; text_delta -> content deltas; a tool_use block -> a tool call (id and
name first, then each input_json_delta as an arguments delta, parallel calls numbered in order);
message_delta -> the finish chunk; message_stop -> the usage chunk (when the caller asked for
`stream_options.include_usage`) and `[DONE]`. Thinking deltas and pings have no chat equivalent.
"""

from __future__ import annotations

import json
import time
from typing import Any

from gateway.translate.base import json_event
from gateway.translate.content import FINISH_REASON, anthropic_to_openai_usage
from gateway.translate.errors import anthropic_error_to_openai
from gateway.upstream.sse import SSEEvent

DONE = SSEEvent("[DONE]")


class AnthropicToChatStream:
    def __init__(self, caller: dict[str, Any]) -> None:
        options = caller.get("stream_options")
        self._with_usage = isinstance(options, dict) and options.get("include_usage") is True
        self._model = caller.get("model")
        self._id = "chatcmpl-gateway"
        self._created = int(time.time())
        self._usage: dict[str, Any] = {}
        self._tool_index: dict[int, int] = {}   # Anthropic block index -> OpenAI tool call index
        self._done = False

    def on_event(self, event: SSEEvent) -> list[SSEEvent]:
        try:
            data = json.loads(event.data)
        except ValueError:
            return []
        if not isinstance(data, dict) or self._done:
            return []
        kind = data.get("type")
        if kind == "message_start":
            message = data.get("message") or {}
            self._id = message.get("id") or self._id
            self._model = message.get("model") or self._model
            self._usage.update(message.get("usage") or {})
            return [self._chunk({"role": "assistant", "content": "", "refusal": None})]
        if kind == "content_block_start":
            block = data.get("content_block") or {}
            if block.get("type") != "tool_use":
                return []
            index = self._tool_index[data.get("index", 0)] = len(self._tool_index)
            return [self._chunk({"tool_calls": [{"index": index, "id": block.get("id"), "type": "function",
                                                 "function": {"name": block.get("name"), "arguments": ""}}]})]
        if kind == "content_block_delta":
            return self._delta(data)
        if kind == "message_delta":
            self._usage.update({k: v for k, v in (data.get("usage") or {}).items() if v is not None})
            reason = (data.get("delta") or {}).get("stop_reason") or "end_turn"
            return [self._chunk({}, FINISH_REASON.get(reason, "stop"))]
        if kind == "message_stop":
            return self._finish()
        if kind == "error":
            self._done = True
            return [json_event(anthropic_error_to_openai(500, data))]
        return []   # ping, content_block_stop, and event types added later

    def _delta(self, data: dict[str, Any]) -> list[SSEEvent]:
        delta = data.get("delta") or {}
        if delta.get("type") == "text_delta":
            return [self._chunk({"content": delta.get("text", "")})]
        if delta.get("type") == "input_json_delta":
            index = self._tool_index.get(data.get("index", 0))
            if index is None:
                return []
            return [self._chunk({"tool_calls": [{"index": index,
                                                 "function": {"arguments": delta.get("partial_json", "")}}]})]
        return []   # thinking, signatures and citations have no place in a chat chunk

    def _finish(self) -> list[SSEEvent]:
        self._done = True
        out = []
        if self._with_usage:
            out.append(json_event({"id": self._id, "object": "chat.completion.chunk", "created": self._created,
                                   "model": self._model, "choices": [],
                                   "usage": anthropic_to_openai_usage(self._usage)}))
        return out + [DONE]

    def _chunk(self, delta: dict[str, Any], finish: str | None = None) -> SSEEvent:
        body: dict[str, Any] = {"id": self._id, "object": "chat.completion.chunk", "created": self._created,
                                "model": self._model,
                                "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}
        if self._with_usage:
            body["usage"] = None
        return json_event(body)

    def close(self) -> list[SSEEvent]:
        """A stream that ended without message_stop gets no [DONE]: the caller must see it was cut."""
        return []

    @property
    def tokens(self) -> tuple[int, int]:
        usage = anthropic_to_openai_usage(self._usage)
        return usage["prompt_tokens"], usage["completion_tokens"]
