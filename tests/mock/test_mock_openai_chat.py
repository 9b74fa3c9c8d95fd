"""Chat completions from the mock, through the real OpenAI SDK: echo, streaming pieces, usage, tool calls."""

from __future__ import annotations

import json

import httpx
from running_mock import OPENAI_KEY

PROMPT = "Which customers ordered twice in March, and what did they buy?"
TOOLS = [
    {"type": "function", "function": {"name": "run_sql", "description": "Run a query",
                                      "parameters": {"type": "object", "properties": {"text": {"type": "string"}}}}},
    {"type": "function", "function": {"name": "plot", "parameters": {"type": "object"}}},
]


def test_reply_echoes_the_last_user_turn_with_usage(provider):
    reply = provider.openai().chat.completions.create(model="gpt-4o", messages=[
        {"role": "system", "content": "You are terse."},
        {"role": "user", "content": "an earlier question"},
        {"role": "assistant", "content": "an earlier answer"},
        {"role": "user", "content": PROMPT}])
    assert reply.object == "chat.completion" and reply.model == "gpt-4o"
    assert reply.choices[0].message.role == "assistant"
    assert reply.choices[0].message.content == PROMPT
    assert reply.choices[0].finish_reason == "stop"
    # Words and punctuation: 11 words and 2 marks in the reply.
    assert reply.usage.completion_tokens == 13
    assert reply.usage.prompt_tokens == 4 + 3 + 3 + 13
    assert reply.usage.total_tokens == reply.usage.prompt_tokens + reply.usage.completion_tokens


def test_text_parts_are_joined_and_other_parts_ignored(provider):
    reply = provider.openai().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "What does this chart show?"},
        {"type": "image_url", "image_url": {"url": "https://example.com/chart.png"}},
        {"type": "text", "text": "Answer briefly."}]}])
    assert reply.choices[0].message.content == "What does this chart show?\nAnswer briefly."


def test_echo_off_gives_the_fixed_sentence(start_provider):
    mock = start_provider(echo=False, reply="Fixed answer.")
    reply = mock.openai().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": PROMPT}])
    assert reply.choices[0].message.content == "Fixed answer."


def test_echo_can_be_turned_off_per_request(provider):
    reply = provider.openai().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": PROMPT}],
                                                      extra_headers={"x-mock-echo": "false"})
    assert reply.choices[0].message.content != PROMPT and reply.choices[0].message.content


def test_stream_splits_the_reply_and_ends_with_usage(provider):
    client = provider.openai()
    plain = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": PROMPT}])
    chunks = list(client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": PROMPT}],
                                                 stream=True, stream_options={"include_usage": True}))
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert chunks[0].choices[0].delta.role == "assistant"
    pieces = [c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content]
    assert "".join(pieces) == PROMPT
    assert all(len(p) <= 3 for p in pieces) and "Whi" in pieces   # words cut across events
    finishing = [c for c in chunks if c.choices and c.choices[0].finish_reason]
    assert [c.choices[0].finish_reason for c in finishing] == ["stop"]
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    assert chunks[-1].usage.model_dump() == plain.usage.model_dump()   # the same figures streamed or not
    assert all(c.usage is None for c in chunks[:-1])


def test_stream_without_include_usage_has_no_usage_chunk(provider):
    chunks = list(provider.openai().chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "hi there"}], stream=True))
    assert all(c.choices for c in chunks) and all(c.usage is None for c in chunks)


def test_stream_ends_with_done_on_the_wire(provider):
    response = httpx.post(provider.url + "/v1/chat/completions", headers={"Authorization": f"Bearer {OPENAI_KEY}"},
                          json={"model": "gpt-4o", "stream": True, "messages": [{"role": "user", "content": "hi"}]})
    assert response.headers["content-type"].startswith("text/event-stream")
    events = [e for e in response.text.split("\n\n") if e]
    assert events[-1] == "data: [DONE]"
    assert all(e.startswith("data: ") for e in events)
    assert json.loads(events[0].removeprefix("data: "))["choices"][0]["delta"]["role"] == "assistant"


def test_chunk_chars_sets_the_piece_size(start_provider):
    mock = start_provider(chunk_chars=7)
    pieces = [c.choices[0].delta.content for c in mock.openai().chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": PROMPT}], stream=True)
        if c.choices and c.choices[0].delta.content]
    assert pieces[0] == PROMPT[:7] and "".join(pieces) == PROMPT


async def test_async_stream(provider):
    stream = await provider.async_openai().chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": PROMPT}], stream=True)
    text = "".join([c.choices[0].delta.content or "" async for c in stream if c.choices])
    assert text == PROMPT


def test_declared_tools_get_a_call_of_the_first_tool(provider):
    reply = provider.openai().chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "Count orders per day"}], tools=TOOLS)
    choice = reply.choices[0]
    assert choice.finish_reason == "tool_calls" and choice.message.content is None
    call = choice.message.tool_calls[0]
    assert call.type == "function" and call.id.startswith("call_")
    assert call.function.name == "run_sql"
    assert json.loads(call.function.arguments) == {"text": "Count orders per day"}


def test_tool_choice_none_and_named(provider):
    client = provider.openai()
    messages = [{"role": "user", "content": "Count orders per day"}]
    plain = client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOLS, tool_choice="none")
    assert plain.choices[0].message.content == "Count orders per day" and not plain.choices[0].message.tool_calls
    named = client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOLS,
                                           tool_choice={"type": "function", "function": {"name": "plot"}})
    assert named.choices[0].message.tool_calls[0].function.name == "plot"


def test_tool_result_is_answered_in_text(provider):
    client = provider.openai()
    first = client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "Count orders per day"}], tools=TOOLS)
    call = first.choices[0].message.tool_calls[0]
    second = client.chat.completions.create(model="gpt-4o", tools=TOOLS, messages=[
        {"role": "user", "content": "Count orders per day"},
        {"role": "assistant", "content": None, "tool_calls": [call.model_dump(exclude_none=True)]},
        {"role": "tool", "tool_call_id": call.id, "content": "day,orders\n2024-01-01,17"}])
    assert second.choices[0].finish_reason == "stop"
    assert second.choices[0].message.content == "day,orders\n2024-01-01,17"


def test_tool_call_streamed_as_argument_pieces(provider):
    chunks = list(provider.openai().chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "Count orders per day"}], tools=TOOLS, stream=True))
    first = chunks[0].choices[0].delta.tool_calls[0]
    assert first.index == 0 and first.id.startswith("call_") and first.type == "function"
    assert first.function.name == "run_sql" and first.function.arguments == ""
    pieces = [c.choices[0].delta.tool_calls[0].function.arguments for c in chunks[1:]
              if c.choices and c.choices[0].delta.tool_calls]
    assert len(pieces) > 3 and all(len(p) <= 3 for p in pieces)
    assert json.loads("".join(pieces)) == {"text": "Count orders per day"}
    assert chunks[-1].choices[0].finish_reason == "tool_calls"


def test_non_ascii_text_streams_intact(provider):
    text = "Ünïcode ✓ 😀 line\u2028separator\nnext line\r\nend"
    chunks = provider.openai().chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": text}], stream=True)
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == text
