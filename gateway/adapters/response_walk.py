"""What every adapter does with a provider's answer: JSON events, per-channel stream state, marking."""

from __future__ import annotations

import json
from collections.abc import Hashable
from typing import Any

from gateway import jsoncodec
from gateway.adapters.base import ResponseRewriter, StreamText, Usage
from gateway.upstream.sse import SSEEvent

AI_GENERATED = "ai_generated"


def mark_ai_generated(body: dict[str, Any]) -> None:
    """Say in the body itself that a model wrote it (next to the X-AI-Generated header)."""
    body[AI_GENERATED] = True


def dicts(value: Any) -> list[dict[str, Any]]:
    """The objects of a list that should hold objects; anything else in it, or a non-list, is ignored."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def rewrite_key(obj: dict[str, Any], key: str, rewriter: ResponseRewriter, *, in_json: bool = False) -> bool:
    """Rewrite `obj[key]` when it is a string; whether it changed."""
    value = obj.get(key)
    if not isinstance(value, str) or not value:
        return False
    new = rewriter.text(value, in_json=in_json)
    if new == value:
        return False
    obj[key] = new
    return True


def rewrite_leaves(value: Any, rewriter: ResponseRewriter) -> bool:
    """Rewrite every string leaf inside an object or array, in place; whether anything changed."""
    changed = False
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return False
    for key, item in list(items):
        if isinstance(item, str):
            if item:
                new = rewriter.text(item)
                if new != item:
                    value[key] = new
                    changed = True
        else:
            changed |= rewrite_leaves(item, rewriter)
    return changed


def text_of(value: Any) -> str | None:
    """`value` when it is a string (a `type` to look up), else None: a provider's answer may hold anything."""
    return value if isinstance(value, str) else None


def openai_usage(usage: Any) -> Usage | None:
    """Usage of an OpenAI body: prompt/completion tokens (chat, completions) or input/output (Responses)."""
    if not isinstance(usage, dict):
        return None
    inputs = usage.get("prompt_tokens", usage.get("input_tokens"))
    outputs = usage.get("completion_tokens", usage.get("output_tokens"))
    return Usage(input_tokens=_count(inputs), output_tokens=_count(outputs))


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def load_json(event: SSEEvent) -> dict[str, Any] | None:
    """The event's data as a JSON object; None when it is anything else (passed through untouched)."""
    data = event.data
    if not data or data[0] not in "{ \t\r\n":
        return None
    try:
        value = json.loads(data)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def json_event(payload: dict[str, Any], like: SSEEvent) -> SSEEvent:
    """`like` with its data replaced by `payload`."""
    return SSEEvent(data=jsoncodec.dumps_text(payload), event=like.event, id=like.id)


def extra_event(payload: dict[str, Any], like: SSEEvent, name: str) -> SSEEvent:
    """An event the gateway adds (held-back text): named `name` when the upstream names its events,
    and without an id (ids are the upstream's, never repeated)."""
    return SSEEvent(data=jsoncodec.dumps_text(payload), event=name if like.event is not None else None)


class Channels:
    """The open stream channels of one response, each with its own rewriter state."""

    def __init__(self, rewriter: ResponseRewriter) -> None:
        self._rewriter = rewriter
        self._open: dict[Hashable, StreamText] = {}

    def feed(self, key: Hashable, text: str, *, in_json: bool = False) -> str:
        channel = self._open.get(key)
        if channel is None:
            channel = self._open[key] = self._rewriter.stream(in_json=in_json)
        return channel.feed(text)

    def close(self, key: Hashable) -> str:
        """The channel's held-back text; the channel is forgotten."""
        channel = self._open.pop(key, None)
        return channel.flush() if channel is not None else ""

    def keys(self) -> list[Hashable]:
        return list(self._open)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._open
