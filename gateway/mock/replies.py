"""What the mock answers, whatever the wire format: the reply text or tool call, pieces, token counts."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from typing import Any

from gateway.mock.settings import MockSettings

_TOKEN = re.compile(r"\w+|[^\w\s]")
# Keys whose string values are text a model reads; everything else (roles, ids, types, URLs) is not counted.
_TEXT_KEYS = frozenset({"content", "text", "arguments", "input", "prompt", "system", "instructions", "output"})


@dataclass(frozen=True)
class ToolCall:
    """The call the mock makes: the tool's name and its arguments as JSON text."""

    name: str
    arguments: str


@dataclass(frozen=True)
class Reply:
    """The mock's answer: a text, or a tool call when tools were offered."""

    text: str
    tool: ToolCall | None = None

    @property
    def output_text(self) -> str:
        """What the model 'wrote': the text, or the tool call's arguments."""
        return self.tool.arguments if self.tool else self.text


def make_reply(settings: MockSettings, turn_text: str, tool_name: str | None) -> Reply:
    """The reply to a turn: its text when echoing, else the fixed sentence; as a tool call if one is due."""
    text = turn_text if settings.echo else settings.reply
    if tool_name is None:
        return Reply(text)
    return Reply(text, ToolCall(tool_name, json.dumps({"text": text}, ensure_ascii=False)))


def count_tokens(text: str) -> int:
    """A rough token count: words and punctuation marks."""
    return sum(1 for _ in _TOKEN.finditer(text))


def prompt_tokens(*values: Any) -> int:
    """Tokens in every text leaf of the given request fields (strings count whole)."""
    texts: list[str] = []
    for value in values:
        _collect(value, True, texts)
    return sum(count_tokens(text) for text in texts)


def _collect(value: Any, textual: bool, out: list[str]) -> None:
    if isinstance(value, str):
        if textual:
            out.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(item, key in _TEXT_KEYS, out)
    elif isinstance(value, list):
        for item in value:
            _collect(item, textual, out)


def pieces(text: str, size: int) -> list[str]:
    """The text cut every `size` characters, so words and tokens fall across events."""
    return [text[i:i + size] for i in range(0, len(text), size)]


def text_parts(content: Any, part_types: tuple[str, ...] = ("text",)) -> str:
    """A message content's text: the string itself, or its text parts joined with newlines."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(part["text"] for part in content
                         if isinstance(part, dict) and part.get("type") in part_types
                         and isinstance(part.get("text"), str))
    return ""


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:24]}"


def dumps(value: Any) -> str:
    """Compact JSON, as the providers send it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
