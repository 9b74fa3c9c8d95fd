"""The Anthropic SDK, pointed at the gateway, works unchanged: messages, streams, tools, system prompts."""

from __future__ import annotations

import json

from serving import KEY, mock_requests

PROMPT = "Which columns of the orders table are nullable?"


def test_messages_create_with_system_prompt(anthropic_client, upstream):
    message = anthropic_client.messages.create(
        model="claude-sonnet-4-6", max_tokens=256, system="You are a data assistant.",
        messages=[{"role": "user", "content": PROMPT}])
    assert message.content[0].type == "text" and message.content[0].text == PROMPT
    assert message.usage.input_tokens > 0 and message.usage.output_tokens > 0
    forwarded = mock_requests(upstream)[-1]
    assert forwarded["json"]["system"] == "You are a data assistant."
    headers = {k.lower(): v for k, v in forwarded["headers"].items()}
    assert headers["x-api-key"] == "sk-ant-test-provider-key"
    assert "anthropic-version" in headers
    assert KEY not in json.dumps(headers)


async def test_messages_create_async(async_anthropic_client, upstream):
    message = await async_anthropic_client.messages.create(
        model="claude-sonnet-4-6", max_tokens=64, messages=[{"role": "user", "content": PROMPT}])
    assert message.content[0].text == PROMPT


def test_messages_stream(anthropic_client, upstream):
    pieces = []
    with anthropic_client.messages.stream(model="claude-sonnet-4-6", max_tokens=256,
                                          messages=[{"role": "user", "content": PROMPT}]) as stream:
        for text in stream.text_stream:
            pieces.append(text)
        final = stream.get_final_message()
    assert "".join(pieces) == PROMPT and len(pieces) > 3
    assert final.usage.output_tokens > 0
    assert final.stop_reason == "end_turn"


async def test_messages_stream_async(async_anthropic_client, upstream):
    async with async_anthropic_client.messages.stream(
            model="claude-sonnet-4-6", max_tokens=64, messages=[{"role": "user", "content": PROMPT}]) as stream:
        text = "".join([t async for t in stream.text_stream])
    assert text == PROMPT


TOOLS = [{"name": "run_sql", "description": "Run a SQL query",
          "input_schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}]


def test_tool_use_and_tool_result(anthropic_client, upstream):
    first = anthropic_client.messages.create(model="claude-sonnet-4-6", max_tokens=256, tools=TOOLS,
                                             messages=[{"role": "user", "content": "Count orders per day"}])
    use = next(block for block in first.content if block.type == "tool_use")
    assert use.name == "run_sql" and use.input == {"text": "Count orders per day"}
    assert first.stop_reason == "tool_use"
    second = anthropic_client.messages.create(model="claude-sonnet-4-6", max_tokens=256, tools=TOOLS, messages=[
        {"role": "user", "content": "Count orders per day"},
        {"role": "assistant", "content": [use.model_dump()]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": use.id,
                                      "content": "day,orders\n2024-01-01,17"}]}])
    assert "2024-01-01,17" in second.content[0].text


def test_tool_use_streamed(anthropic_client, upstream):
    with anthropic_client.messages.stream(model="claude-sonnet-4-6", max_tokens=256, tools=TOOLS,
                                          messages=[{"role": "user", "content": "Count orders per day"}]) as stream:
        final = stream.get_final_message()
    use = next(block for block in final.content if block.type == "tool_use")
    assert use.input == {"text": "Count orders per day"}


def test_openai_model_through_anthropic_api_is_translated(anthropic_client, upstream):
    reply = anthropic_client.messages.create(model="gpt-4o", max_tokens=10, messages=[{"role": "user", "content": "hi"}])
    assert reply.content[0].type == "text" and reply.content[0].text == "hi"
    sent = mock_requests(upstream)[-1]
    assert sent["path"] == "/v1/chat/completions" and sent["json"]["max_completion_tokens"] == 10


def test_models_list_in_anthropic_shape(anthropic_client):
    names = {m.id for m in anthropic_client.models.list()}
    assert "claude-sonnet-4-6" in names
