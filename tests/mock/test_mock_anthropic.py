"""Messages from the mock, through the real Anthropic SDK: text, streams, tool use, models, errors."""

from __future__ import annotations

import json

import httpx
from running_mock import ANTHROPIC_KEY

PROMPT = "Which columns of the orders table are nullable?"
TOOLS = [{"name": "run_sql", "description": "Run a SQL query",
          "input_schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}},
         {"name": "plot", "input_schema": {"type": "object"}}]
HEADERS = {"x-api-key": ANTHROPIC_KEY, "anthropic-version": "2023-06-01"}


def test_create_echoes_the_last_user_turn(provider):
    message = provider.anthropic().messages.create(
        model="claude-sonnet-4-6", max_tokens=256, system="You are a data assistant.",
        messages=[{"role": "user", "content": "earlier"}, {"role": "assistant", "content": "ok"},
                  {"role": "user", "content": [{"type": "text", "text": PROMPT}]}])
    assert message.type == "message" and message.role == "assistant" and message.id.startswith("msg_")
    assert message.model == "claude-sonnet-4-6"
    assert [b.type for b in message.content] == ["text"] and message.content[0].text == PROMPT
    assert message.stop_reason == "end_turn" and message.stop_sequence is None
    assert message.usage.output_tokens == 9
    assert message.usage.input_tokens == 6 + 1 + 1 + 9   # the system prompt counts too


async def test_create_async(provider):
    message = await provider.async_anthropic().messages.create(
        model="claude-sonnet-4-6", max_tokens=64, messages=[{"role": "user", "content": PROMPT}])
    assert message.content[0].text == PROMPT


def test_stream_text_in_pieces_with_final_usage(provider):
    client = provider.anthropic()
    plain = client.messages.create(model="claude-sonnet-4-6", max_tokens=64,
                                   messages=[{"role": "user", "content": PROMPT}])
    with client.messages.stream(model="claude-sonnet-4-6", max_tokens=64,
                                messages=[{"role": "user", "content": PROMPT}]) as stream:
        pieces = list(stream.text_stream)
        final = stream.get_final_message()
    assert "".join(pieces) == PROMPT and all(len(p) <= 3 for p in pieces) and "Whi" in pieces
    assert final.stop_reason == "end_turn"
    assert (final.usage.input_tokens, final.usage.output_tokens) == \
        (plain.usage.input_tokens, plain.usage.output_tokens)


async def test_stream_async(provider):
    async with provider.async_anthropic().messages.stream(
            model="claude-sonnet-4-6", max_tokens=64, messages=[{"role": "user", "content": PROMPT}]) as stream:
        text = "".join([t async for t in stream.text_stream])
    assert text == PROMPT


def test_stream_event_order_on_the_wire(provider):
    response = httpx.post(provider.url + "/v1/messages", headers=HEADERS, json={
        "model": "claude-sonnet-4-6", "max_tokens": 64, "stream": True,
        "messages": [{"role": "user", "content": "hello there"}]})
    events = []
    for block in filter(None, response.text.split("\n\n")):
        name_line, data_line = block.split("\n")
        data = json.loads(data_line.removeprefix("data: "))
        assert name_line == f"event: {data['type']}"
        events.append(data)
    assert [e["type"] for e in events] == ["message_start", "ping", "content_block_start", "content_block_delta",
                                           "content_block_delta", "content_block_delta", "content_block_delta",
                                           "content_block_stop", "message_delta", "message_stop"]
    assert events[0]["message"]["content"] == [] and events[0]["message"]["usage"]["input_tokens"] == 2
    assert events[3]["delta"] == {"type": "text_delta", "text": "hel"}
    assert events[-2]["delta"]["stop_reason"] == "end_turn" and events[-2]["usage"]["output_tokens"] == 2
    assert response.headers["request-id"].startswith("req_")


def test_tool_use_and_tool_result(provider):
    client = provider.anthropic()
    first = client.messages.create(model="claude-sonnet-4-6", max_tokens=256, tools=TOOLS,
                                   messages=[{"role": "user", "content": "Count orders per day"}])
    assert first.stop_reason == "tool_use"
    use = first.content[0]
    assert use.type == "tool_use" and use.name == "run_sql" and use.id.startswith("toolu_")
    assert use.input == {"text": "Count orders per day"}
    second = client.messages.create(model="claude-sonnet-4-6", max_tokens=256, tools=TOOLS, messages=[
        {"role": "user", "content": "Count orders per day"},
        {"role": "assistant", "content": [use.model_dump(exclude_none=True)]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": use.id,
                                      "content": [{"type": "text", "text": "day,orders\n2024-01-01,17"}]}]}])
    assert second.stop_reason == "end_turn" and second.content[0].text == "day,orders\n2024-01-01,17"


def test_tool_choice_none_and_named(provider):
    client = provider.anthropic()
    messages = [{"role": "user", "content": "Count orders per day"}]
    plain = client.messages.create(model="claude-sonnet-4-6", max_tokens=64, tools=TOOLS, messages=messages,
                                   tool_choice={"type": "none"})
    assert plain.content[0].type == "text"
    named = client.messages.create(model="claude-sonnet-4-6", max_tokens=64, tools=TOOLS, messages=messages,
                                   tool_choice={"type": "tool", "name": "plot"})
    assert named.content[0].name == "plot"


def test_tool_use_streamed_as_json_pieces(provider):
    with provider.anthropic().messages.stream(model="claude-sonnet-4-6", max_tokens=256, tools=TOOLS,
                                              messages=[{"role": "user", "content": "Count orders per day"}]) as stream:
        events = list(stream)
        final = stream.get_final_message()
    start = next(e for e in events if e.type == "content_block_start")
    assert start.content_block.type == "tool_use" and start.content_block.input == {}
    partials = [e.delta.partial_json for e in events
                if e.type == "content_block_delta" and e.delta.type == "input_json_delta"]
    assert len(partials) > 3 and json.loads("".join(partials)) == {"text": "Count orders per day"}
    assert final.content[0].input == {"text": "Count orders per day"} and final.stop_reason == "tool_use"


def test_models_list_in_anthropic_shape(provider):
    models = list(provider.anthropic().models.list())
    assert models[0].type == "model" and models[0].id == "claude-sonnet-4-6"
    assert models[0].display_name == "Claude Sonnet 4.6"


def test_missing_max_tokens_is_a_400_in_anthropic_shape(provider):
    response = httpx.post(provider.url + "/v1/messages", headers=HEADERS,
                          json={"model": "claude-sonnet-4-6", "messages": [{"role": "user", "content": "hi"}]})
    assert response.status_code == 400
    body = response.json()
    assert body["type"] == "error" and body["error"]["type"] == "invalid_request_error"
    assert "max_tokens" in body["error"]["message"]


def test_malformed_json_is_a_400_in_anthropic_shape(provider):
    response = httpx.post(provider.url + "/v1/messages", headers={**HEADERS, "content-type": "application/json"},
                          content=b'{"model": "claude-sonnet-4-6", ')
    assert response.status_code == 400
    assert response.json()["type"] == "error" and response.json()["error"]["type"] == "invalid_request_error"
