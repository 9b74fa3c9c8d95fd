"""An Anthropic Messages event stream as OpenAI Responses semantic events, event by event.

message_start -> response.created and response.in_progress; a text block -> a message output item
(output_item.added, content_part.added, output_text.delta per text_delta, then the .done events); a
tool_use block -> a function_call item (function_call_arguments.delta per input_json_delta, then
.done); message_stop -> response.completed (or response.incomplete) with every item and the usage.
Every event carries its `sequence_number`.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from gateway.translate.base import json_event
from gateway.translate.responses_to_anthropic import (
    envelope,
    function_item,
    message_item,
    new_item_id,
    output_text,
    responses_usage,
)
from gateway.upstream.sse import SSEEvent


class AnthropicToResponsesStream:
    def __init__(self, caller: dict[str, Any]) -> None:
        self._caller = caller
        self._id = "resp_" + uuid.uuid4().hex
        self._model = caller.get("model")
        self._sequence = 0
        self._usage: dict[str, Any] = {}
        self._stop_reason: str | None = None
        self._items: list[dict[str, Any]] = []       # finished output items
        self._open: dict[str, Any] | None = None     # the item being written: its id, kind and text so far
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
            self._model = message.get("model") or self._model
            self._usage.update(message.get("usage") or {})
            shell = self._response("in_progress")
            return [self._emit("response.created", response=shell), self._emit("response.in_progress", response=shell)]
        if kind == "content_block_start":
            return self._start_block(data.get("content_block") or {})
        if kind == "content_block_delta":
            return self._delta(data.get("delta") or {})
        if kind == "content_block_stop":
            return self._stop_block()
        if kind == "message_delta":
            self._usage.update({k: v for k, v in (data.get("usage") or {}).items() if v is not None})
            self._stop_reason = (data.get("delta") or {}).get("stop_reason") or self._stop_reason
            return []
        if kind == "message_stop":
            self._done = True
            final = self._response("completed")
            name = "response.completed" if final["status"] == "completed" else "response.incomplete"
            return self._stop_block() + [self._emit(name, response=final)]
        if kind == "error":
            self._done = True
            error = data.get("error") or {}
            return [self._emit("error", code=error.get("type") or "api_error",
                               message=error.get("message") or "the provider failed", param=None)]
        return []

    def _start_block(self, block: dict[str, Any]) -> list[SSEEvent]:
        out = self._stop_block()
        index = len(self._items)
        if block.get("type") == "text":
            item_id = new_item_id("msg_")
            self._open = {"kind": "text", "id": item_id, "text": ""}
            out.append(self._emit("response.output_item.added", output_index=index,
                                  item=message_item("", item_id, "in_progress")))
            out.append(self._emit("response.content_part.added", item_id=item_id, output_index=index,
                                  content_index=0, part=output_text("")))
        elif block.get("type") == "tool_use":
            item_id = new_item_id("fc_")
            self._open = {"kind": "tool", "id": item_id, "text": "", "call_id": block.get("id"),
                          "name": block.get("name")}
            out.append(self._emit("response.output_item.added", output_index=index,
                                  item=function_item(item_id, block.get("id"), block.get("name"), "",
                                                     "in_progress")))
        return out

    def _delta(self, delta: dict[str, Any]) -> list[SSEEvent]:
        item = self._open
        if item is None:
            return []
        index = len(self._items)
        if item["kind"] == "text" and delta.get("type") == "text_delta":
            item["text"] += delta.get("text", "")
            return [self._emit("response.output_text.delta", item_id=item["id"], output_index=index,
                               content_index=0, delta=delta.get("text", ""), logprobs=[])]
        if item["kind"] == "tool" and delta.get("type") == "input_json_delta":
            item["text"] += delta.get("partial_json", "")
            return [self._emit("response.function_call_arguments.delta", item_id=item["id"], output_index=index,
                               delta=delta.get("partial_json", ""))]
        return []

    def _stop_block(self) -> list[SSEEvent]:
        item, self._open = self._open, None
        if item is None:
            return []
        index = len(self._items)
        if item["kind"] == "text":
            done = message_item(item["text"], item["id"])
            out = [self._emit("response.output_text.done", item_id=item["id"], output_index=index, content_index=0,
                              text=item["text"], logprobs=[]),
                   self._emit("response.content_part.done", item_id=item["id"], output_index=index,
                              content_index=0, part=output_text(item["text"]))]
        else:
            arguments = item["text"] or "{}"
            done = function_item(item["id"], item["call_id"], item["name"], arguments)
            out = [self._emit("response.function_call_arguments.done", item_id=item["id"], output_index=index,
                              name=item["name"], arguments=arguments)]
        self._items.append(done)
        return out + [self._emit("response.output_item.done", output_index=index, item=done)]

    def _response(self, status: str) -> dict[str, Any]:
        usage = responses_usage(self._usage) if status != "in_progress" else None
        return envelope(self._caller, self._id, self._model, status, list(self._items), usage, self._stop_reason)

    def _emit(self, kind: str, **fields: Any) -> SSEEvent:
        self._sequence += 1
        return json_event({"type": kind, "sequence_number": self._sequence - 1, **fields}, event=kind)

    def close(self) -> list[SSEEvent]:
        """A stream cut before message_stop gets no response.completed: the caller must see it was cut."""
        return []

    @property
    def tokens(self) -> tuple[int, int]:
        usage = responses_usage(self._usage)
        return usage["input_tokens"], usage["output_tokens"]
