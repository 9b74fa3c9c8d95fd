"""The OpenAI SDK, pointed at the gateway, works unchanged for every API it proxies."""

from __future__ import annotations

import json

import openai
import pytest
from serving import KEY, mock_requests

PROMPT = "Summarise the weekly revenue table for the finance review."


def test_chat_completion_plain(openai_client, upstream):
    reply = openai_client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "system", "content": "You are terse."},
                                  {"role": "user", "content": PROMPT}])
    assert reply.choices[0].message.content == PROMPT
    assert reply.usage.prompt_tokens > 0 and reply.usage.completion_tokens > 0
    forwarded = mock_requests(upstream)[-1]["json"]
    assert forwarded["messages"][1]["content"] == PROMPT
    assert forwarded["store"] is False  # FAQ: providers retain nothing


def test_chat_completion_raw_headers_mark_ai_generated(openai_client, upstream):
    raw = openai_client.chat.completions.with_raw_response.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": PROMPT}])
    assert raw.headers["x-ai-generated"] == "true"
    assert raw.headers["x-request-id"].startswith("req_")   # the provider's
    assert raw.headers["x-gateway-request-id"]
    assert raw.parse().model_extra.get("ai_generated") is True


async def test_chat_completion_async(async_openai_client, upstream):
    reply = await async_openai_client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": PROMPT}])
    assert reply.choices[0].message.content == PROMPT


def test_chat_completion_stream_with_usage(openai_client, upstream):
    stream = openai_client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": PROMPT}], stream=True,
        stream_options={"include_usage": True})
    pieces, usage, finish = [], None, None
    for chunk in stream:
        if chunk.usage:
            usage = chunk.usage
        for choice in chunk.choices:
            if choice.delta.content:
                pieces.append(choice.delta.content)
            finish = choice.finish_reason or finish
    assert "".join(pieces) == PROMPT
    assert len(pieces) > 3  # relayed event by event, not as one block
    assert finish == "stop"
    assert usage is not None and usage.completion_tokens > 0


async def test_chat_completion_stream_async(async_openai_client, upstream):
    stream = await async_openai_client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": PROMPT}], stream=True)
    text = ""
    async for chunk in stream:
        for choice in chunk.choices:
            text += choice.delta.content or ""
    assert text == PROMPT


TOOLS = [{"type": "function", "function": {
    "name": "run_sql", "description": "Run a SQL query on the warehouse",
    "parameters": {"type": "object", "properties": {"text": {"type": "string", "description": "the query"}},
                   "required": ["text"]}}}]


def test_chat_tool_call_and_tool_result(openai_client, upstream):
    first = openai_client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "Count orders per day"}], tools=TOOLS)
    call = first.choices[0].message.tool_calls[0]
    assert call.function.name == "run_sql"
    assert json.loads(call.function.arguments) == {"text": "Count orders per day"}
    second = openai_client.chat.completions.create(
        model="gpt-4o", tools=TOOLS, messages=[
            {"role": "user", "content": "Count orders per day"},
            {"role": "assistant", "content": None, "tool_calls": [call.model_dump(exclude_none=True)]},
            {"role": "tool", "tool_call_id": call.id, "content": "day,orders\n2024-01-01,17"}])
    assert "2024-01-01,17" in second.choices[0].message.content
    forwarded = mock_requests(upstream)[-1]["json"]
    assert forwarded["messages"][1]["tool_calls"][0]["function"]["arguments"] == call.function.arguments


def test_chat_tool_call_streamed(openai_client, upstream):
    stream = openai_client.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "Count orders per day"}], tools=TOOLS, stream=True)
    arguments = ""
    for chunk in stream:
        for choice in chunk.choices:
            for call in choice.delta.tool_calls or []:
                arguments += call.function.arguments or ""
    assert json.loads(arguments) == {"text": "Count orders per day"}


def test_chat_image_url_part_is_forwarded(openai_client, upstream):
    reply = openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "What does this chart show?"},
        {"type": "image_url", "image_url": {"url": "https://example.com/chart.png"}}]}])
    assert reply.choices[0].message.content == "What does this chart show?"
    parts = mock_requests(upstream)[-1]["json"]["messages"][0]["content"]
    assert parts[1] == {"type": "image_url", "image_url": {"url": "https://example.com/chart.png"}}


def test_completions_plain_and_streamed(openai_client, upstream):
    reply = openai_client.completions.create(model="gpt-4o", prompt="SELECT count(*) FROM orders WHERE")
    assert reply.choices[0].text == "SELECT count(*) FROM orders WHERE"
    text = "".join(c.choices[0].text for c in openai_client.completions.create(
        model="gpt-4o", prompt="def total(rows):", stream=True) if c.choices)
    assert text == "def total(rows):"


def test_embeddings(openai_client, upstream):
    reply = openai_client.embeddings.create(model="text-embedding-3-small",
                                            input=["orders.created_at: timestamp of the order"],
                                            extra_headers={"X-Data-Class": "metadata"})
    assert len(reply.data) == 1 and len(reply.data[0].embedding) > 8
    assert reply.usage.prompt_tokens > 0


def test_responses_plain_and_streamed(openai_client, upstream):
    reply = openai_client.responses.create(model="gpt-4o", instructions="Be brief.", input=PROMPT)
    assert reply.output_text == PROMPT
    assert mock_requests(upstream)[-1]["json"]["store"] is False
    deltas, completed = [], None
    with openai_client.responses.stream(model="gpt-4o", input=PROMPT) as stream:
        for event in stream:
            if event.type == "response.output_text.delta":
                deltas.append(event.delta)
        completed = stream.get_final_response()
    assert "".join(deltas) == PROMPT and len(deltas) > 3
    assert completed.output_text == PROMPT
    assert completed.usage.output_tokens > 0


def test_responses_unknown_previous_response_id_is_a_clear_400(openai_client, upstream):
    with pytest.raises(openai.BadRequestError) as caught:
        openai_client.responses.create(model="gpt-4o", input="and then?", previous_response_id="resp_123")
    assert caught.value.code == "previous_response_not_found" and caught.value.body["param"] == "previous_response_id"
    assert "not held by this gateway" in caught.value.message
    assert mock_requests(upstream) == []


def test_models_list_shows_what_the_key_may_use(openai_client):
    names = {m.id for m in openai_client.models.list()}
    assert {"gpt-4o", "gpt-4o-mini", "text-embedding-3-small", "code-complete", "claude-sonnet-4-6"} <= names
    assert "gpt-*" not in names


def test_models_list_hides_features_the_key_lacks(gateway):
    from serving import NO_TYPEAHEAD_KEY

    client = openai.OpenAI(base_url=gateway.url + "/v1", api_key=NO_TYPEAHEAD_KEY, max_retries=0)
    names = {m.id for m in client.models.list()}
    assert "gpt-4o" in names and "code-complete" not in names and "text-embedding-3-small" not in names


def test_anthropic_model_through_openai_api_is_translated(openai_client, upstream):
    reply = openai_client.chat.completions.create(model="claude-sonnet-4-6",
                                                  messages=[{"role": "user", "content": "hi"}])
    assert reply.choices[0].message.content == "hi"
    sent = mock_requests(upstream)[-1]
    assert sent["path"] == "/v1/messages" and sent["json"]["max_tokens"] == 4096


def test_gateway_key_is_not_forwarded_and_provider_key_is(openai_client, upstream):
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}],
                                          extra_headers={"X-Internal-Token": "do-not-forward"})
    headers = {k.lower(): v for k, v in mock_requests(upstream)[-1]["headers"].items()}
    assert headers["authorization"] == "Bearer sk-test-openai-provider-key"
    assert KEY not in json.dumps(headers)
    assert "x-internal-token" not in headers
