"""Bodies that are not the API's request: a BadRequest whose param names the field."""

from __future__ import annotations

import pytest

from gateway.adapters import ADAPTERS
from gateway.adapters.base import BadRequest

CHAT = {"model": "gpt-4o"}
CLAUDE = {"model": "claude-sonnet-4-6", "max_tokens": 10}


def user(content):
    return {"role": "user", "content": content}


CASES = [
    ("openai.chat", {"messages": [user("hi")]}, "model"),
    ("openai.chat", {"model": 4, "messages": [user("hi")]}, "model"),
    ("openai.chat", {**CHAT}, "messages"),
    ("openai.chat", {**CHAT, "messages": {"role": "user"}}, "messages"),
    ("openai.chat", {**CHAT, "messages": [user("hi"), "hello"]}, "messages[1]"),
    ("openai.chat", {**CHAT, "messages": [{"content": "hi"}]}, "messages[0].role"),
    ("openai.chat", {**CHAT, "messages": [user("a"), user("b"), user(42)]}, "messages[2].content"),
    ("openai.chat", {**CHAT, "messages": [user({"text": "hi"})]}, "messages[0].content"),
    ("openai.chat", {**CHAT, "messages": [user(["hi"])]}, "messages[0].content[0]"),
    ("openai.chat", {**CHAT, "messages": [user([{"type": "text", "text": 7}])]}, "messages[0].content[0].text"),
    ("openai.chat", {**CHAT, "messages": [user([{"type": "text"}])]}, "messages[0].content[0].text"),
    ("openai.chat", {**CHAT, "messages": [{"role": "user", "content": "x", "name": ["jane"]}]}, "messages[0].name"),
    ("openai.chat", {**CHAT, "messages": [{"role": "assistant", "tool_calls": {"id": "c"}}]},
     "messages[0].tool_calls"),
    ("openai.chat", {**CHAT, "messages": [{"role": "assistant", "tool_calls": [
        {"id": "c", "type": "function", "function": {"name": "f", "arguments": {"a": 1}}}]}]},
     "messages[0].tool_calls[0].function.arguments"),
    ("openai.chat", {**CHAT, "messages": [user("hi")], "stream": "yes"}, "stream"),
    ("openai.chat", {**CHAT, "messages": [user("hi")], "tools": {"type": "function"}}, "tools"),
    ("openai.chat", {**CHAT, "messages": [user("hi")], "user": {"email": "jane@acme.example"}}, "user"),
    ("openai.chat", {**CHAT, "messages": [user("hi")], "metadata": "jane"}, "metadata"),
    ("anthropic.messages", {**CLAUDE}, "messages"),
    ("anthropic.messages", {**CLAUDE, "messages": [{"role": "user"}]}, "messages[0].content"),
    ("anthropic.messages", {**CLAUDE, "messages": [user([{"type": "text", "text": None}])]},
     "messages[0].content[0].text"),
    ("anthropic.messages", {**CLAUDE, "messages": [user([{"type": "tool_result", "tool_use_id": "t",
                                                          "content": 3}])]},
     "messages[0].content[0].content"),
    ("anthropic.messages", {**CLAUDE, "messages": [user("hi")], "system": {"text": "x"}}, "system"),
    ("anthropic.messages", {**CLAUDE, "messages": [user("hi")], "system": [{"type": "text", "text": 1}]},
     "system[0].text"),
    ("anthropic.messages", {**CLAUDE, "messages": [user("hi")], "metadata": {"user_id": 12}}, "metadata.user_id"),
    ("anthropic.messages", {**CLAUDE, "messages": [user([{"type": "document", "source": {
        "type": "text", "media_type": "text/plain"}}])]}, "messages[0].content[0].source.data"),
    ("openai.responses", {"model": "gpt-4.1", "input": 12}, "input"),
    ("openai.responses", {"model": "gpt-4.1", "input": [{"role": "user", "content": 3}]}, "input[0].content"),
    ("openai.responses", {"model": "gpt-4.1", "input": [{"type": "message", "content": "x"}]}, "input[0].role"),
    ("openai.responses", {"model": "gpt-4.1", "input": [{"type": "function_call", "call_id": "c", "name": "f"}]},
     "input[0].arguments"),
    ("openai.responses", {"model": "gpt-4.1", "input": "x", "instructions": ["be brief"]}, "instructions"),
    ("openai.completions", {"model": "m", "prompt": {"text": "x"}}, "prompt"),
    ("openai.completions", {"model": "m", "prompt": ["ok", {"text": "x"}]}, "prompt[1]"),
    ("openai.embeddings", {"model": "m"}, "input"),
    ("openai.embeddings", {"model": "m", "input": ["ok", None]}, "input[1]"),
]


@pytest.mark.parametrize("api,body,param", CASES)
def test_bad_body_names_the_field(api, body, param):
    with pytest.raises(BadRequest) as caught:
        ADAPTERS[api].parse(body, None)
    assert caught.value.param == param
    assert caught.value.message


@pytest.mark.parametrize("api", sorted(ADAPTERS))
def test_a_body_that_is_not_an_object(api):
    with pytest.raises(BadRequest):
        ADAPTERS[api].parse(["model", "gpt-4o"], None)  # type: ignore[arg-type]


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("api,field", [("openai.chat", "metadata"), ("anthropic.messages", "tools"),
                                       ("openai.responses", "input"), ("openai.embeddings", "input")])
def test_nesting_deeper_than_the_limit(api, field):
    body = {"model": "m", "max_tokens": 1, "messages": [], "input": "x", field: nested(80)}
    with pytest.raises(BadRequest) as caught:
        ADAPTERS[api].parse(body, None)
    assert caught.value.param is not None and caught.value.param.startswith(field)
    assert "64" in caught.value.message


def test_nesting_within_the_limit_is_fine():
    tool_input: dict = {"leaf": "Jane Doe"}
    for _ in range(50):
        tool_input = {"next": tool_input}
    body = {**CLAUDE, "messages": [{"role": "assistant", "content": [
        {"type": "tool_use", "id": "t", "name": "f", "input": tool_input}]}]}
    envelope = ADAPTERS["anthropic.messages"].parse(body, None)
    assert [s.text for s in envelope.segments] == ["Jane Doe"]
