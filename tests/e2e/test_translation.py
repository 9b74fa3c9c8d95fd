"""Any model through either SDK: the OpenAI SDK to Claude-format deployments and the Anthropic SDK to
OpenAI-format ones, against one-format stand-ins (the APIs' real shapes, strictly checked) and the mock."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator

import anthropic
import openai
import pytest
from serving import KEY, mock_requests
from translation_setup import Rig, start_rig

EMAIL = "maria.lopez@northwind-health.com"
TOKEN = re.compile(r"<[A-Z_]+_[0-9a-f]{16}>")
WEATHER = {"type": "function", "function": {"name": "weather", "description": "Weather in a city", "parameters": {
    "type": "object", "properties": {"query": {"type": "string"}, "part": {"type": "integer"}}}}}
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


@pytest.fixture(scope="module")
def rig(mock, tmp_path_factory) -> Iterator[Rig]:
    started = start_rig(mock.url, tmp_path_factory.mktemp("translation"))
    yield started
    for server in started.servers:
        server.stop()


@pytest.fixture
def fresh(rig: Rig) -> Rig:
    rig.reset()
    return rig


@pytest.fixture
def oai(rig: Rig) -> openai.OpenAI:
    return openai.OpenAI(base_url=rig.gateway.url + "/v1", api_key=KEY, max_retries=0)


@pytest.fixture
def claude_sdk(rig: Rig) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=rig.gateway.url, api_key=KEY, max_retries=0)


# OpenAI SDK -> a Claude-format deployment --------------------------------------------------------------

def test_openai_sync_to_claude(fresh: Rig, oai: openai.OpenAI) -> None:
    reply = oai.chat.completions.create(model="claude-standin", messages=[
        {"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello Claude"}])
    assert reply.choices[0].message.content == "Hello Claude"
    assert reply.choices[0].finish_reason == "stop"
    assert reply.usage is not None and reply.usage.completion_tokens == 9
    sent = fresh.claude.requests[-1]
    assert sent["path"] == "/v1/messages"
    assert sent["json"]["system"] == [{"type": "text", "text": "Be brief."}]
    assert sent["json"]["model"] == "claude-sonnet-4-6" and "store" not in sent["json"]
    assert sent["headers"]["x-api-key"] == "sk-ant-test-provider-key"


def test_openai_async_to_claude(fresh: Rig) -> None:
    async def ask() -> str | None:
        client = openai.AsyncOpenAI(base_url=fresh.gateway.url + "/v1", api_key=KEY, max_retries=0)
        reply = await client.chat.completions.create(model="claude-standin",
                                                     messages=[{"role": "user", "content": "async hello"}])
        await client.close()
        return reply.choices[0].message.content
    assert asyncio.run(ask()) == "async hello"


def test_openai_stream_to_claude_with_usage(fresh: Rig, oai: openai.OpenAI) -> None:
    chunks = list(oai.chat.completions.create(model="claude-standin", stream=True,
                                              stream_options={"include_usage": True},
                                              messages=[{"role": "user", "content": "stream me a sentence"}]))
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "stream me a sentence"
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert chunks[-1].usage is not None and chunks[-1].usage.prompt_tokens == 25
    assert fresh.claude.requests[-1]["json"]["stream"] is True


def test_openai_parallel_tool_calls_and_their_results_through_claude(fresh: Rig, oai: openai.OpenAI) -> None:
    messages: list = [{"role": "user", "content": "Paris weather"}]
    reply = oai.chat.completions.create(model="claude-standin", tools=[WEATHER], messages=messages)
    calls = reply.choices[0].message.tool_calls or []
    assert reply.choices[0].finish_reason == "tool_calls"
    assert [json.loads(c.function.arguments) for c in calls] == [{"query": "Paris weather", "part": 1},
                                                                 {"query": "Paris weather", "part": 2}]
    assert fresh.claude.requests[-1]["json"]["tools"][0]["input_schema"] == WEATHER["function"]["parameters"]
    messages += [reply.choices[0].message.model_dump(exclude_none=True),
                 *({"role": "tool", "tool_call_id": c.id, "content": f"sunny {i}"} for i, c in enumerate(calls))]
    answer = oai.chat.completions.create(model="claude-standin", tools=[WEATHER], messages=messages)
    assert answer.choices[0].message.content == "results: sunny 0; sunny 1"
    results = fresh.claude.requests[-1]["json"]["messages"][-1]["content"]
    assert [(b["type"], b["tool_use_id"]) for b in results] == [("tool_result", c.id) for c in calls]


def test_openai_stream_with_parallel_tool_calls_through_claude(fresh: Rig, oai: openai.OpenAI) -> None:
    with oai.chat.completions.stream(model="claude-standin", tools=[WEATHER],
                                     messages=[{"role": "user", "content": "Oslo weather"}]) as stream:
        final = stream.get_final_completion()
    calls = final.choices[0].message.tool_calls or []
    assert [(c.function.name, json.loads(c.function.arguments)["part"]) for c in calls] == [("weather", 1),
                                                                                             ("weather", 2)]
    assert final.choices[0].finish_reason == "tool_calls"


def test_openai_responses_api_to_claude(fresh: Rig, oai: openai.OpenAI) -> None:
    reply = oai.responses.create(model="claude-standin", instructions="Be brief.", input="Responses hello")
    assert reply.output_text == "Responses hello" and reply.status == "completed"
    with oai.responses.stream(model="claude-standin", input="streamed responses") as stream:
        deltas = [e.delta for e in stream if e.type == "response.output_text.delta"]
        final = stream.get_final_response()
    assert "".join(deltas) == "streamed responses" == final.output_text


def test_a_field_the_target_cannot_enforce_is_a_400_naming_it(fresh: Rig, oai: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as refused:
        oai.chat.completions.create(model="claude-standin", response_format={"type": "json_object"},
                                    messages=[{"role": "user", "content": "json please"}])
    assert refused.value.body["param"] == "response_format"   # type: ignore[index]
    assert "json_object" in refused.value.message
    assert fresh.claude.requests == []


def test_provider_errors_come_back_in_the_callers_shape(fresh: Rig, oai: openai.OpenAI) -> None:
    fresh.claude.fail_status = 400
    with pytest.raises(openai.BadRequestError) as refused:
        oai.chat.completions.create(model="claude-standin", messages=[{"role": "user", "content": "hi"}])
    assert refused.value.body["message"] == "injected failure"     # type: ignore[index]
    assert refused.value.body["type"] == "invalid_request_error"   # type: ignore[index]


# Anthropic SDK -> an OpenAI-format deployment ----------------------------------------------------------

def test_anthropic_stream_with_input_json_delta_and_tools_to_gpt(fresh: Rig, claude_sdk: anthropic.Anthropic) -> None:
    tools = [{"name": "weather", "description": "Weather in a city",
              "input_schema": {"type": "object", "properties": {"query": {"type": "string"}}}}]
    kinds = []
    with claude_sdk.messages.stream(model="gpt-standin", max_tokens=200, tools=tools,  # type: ignore[arg-type]
                                    messages=[{"role": "user", "content": "Rome weather"}]) as stream:
        for event in stream:
            kinds.append(event.type)
        final = stream.get_final_message()
    assert "input_json" in kinds
    uses = [b for b in final.content if b.type == "tool_use"]
    assert [u.input for u in uses] == [{"query": "Rome weather", "part": 1}, {"query": "Rome weather", "part": 2}]
    assert final.stop_reason == "tool_use" and final.usage.output_tokens == 9
    sent = fresh.gpt.requests[-1]["json"]
    assert sent["tools"][0]["function"]["name"] == "weather" and sent["stream_options"] == {"include_usage": True}

    reply = claude_sdk.messages.create(model="gpt-standin", max_tokens=200, tools=tools,  # type: ignore[arg-type]
                                       messages=[
        {"role": "user", "content": "Rome weather"},
        {"role": "assistant", "content": [u.model_dump() for u in uses]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": u.id, "content": f"warm {i}"}
                                     for i, u in enumerate(uses)]}])
    assert reply.content[0].type == "text" and reply.content[0].text == "results: warm 0; warm 1"
    tool_messages = [m for m in fresh.gpt.requests[-1]["json"]["messages"] if m["role"] == "tool"]
    assert [m["tool_call_id"] for m in tool_messages] == [u.id for u in uses]


def test_anthropic_images_to_gpt(fresh: Rig, claude_sdk: anthropic.Anthropic) -> None:
    reply = claude_sdk.messages.create(model="gpt-standin", max_tokens=50, messages=[{"role": "user", "content": [
        {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG}},
        {"type": "text", "text": "What is this?"}]}])
    assert reply.content[0].type == "text" and reply.content[0].text == "What is this? [images: 1]"
    part = fresh.gpt.requests[-1]["json"]["messages"][0]["content"][0]
    assert part == {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG}"}}


# Pseudonyms through translation -------------------------------------------------------------------------

def test_pii_round_trip_through_translation_streamed(fresh: Rig, oai: openai.OpenAI,
                                                     claude_sdk: anthropic.Anthropic) -> None:
    prompt = f"Forward the invoice to {EMAIL} today"
    stream = oai.chat.completions.create(model="claude-standin", stream=True,
                                         messages=[{"role": "user", "content": prompt}])
    assert "".join(c.choices[0].delta.content or "" for c in stream if c.choices) == prompt
    seen = json.dumps(fresh.claude.requests[-1]["json"])
    assert EMAIL not in seen and TOKEN.search(seen)

    with claude_sdk.messages.stream(model="gpt-standin", max_tokens=100,
                                    messages=[{"role": "user", "content": prompt}]) as anthropic_stream:
        text = "".join(anthropic_stream.text_stream)
    assert text == prompt
    seen = json.dumps(fresh.gpt.requests[-1]["json"])
    assert EMAIL not in seen and TOKEN.search(seen)


def test_audit_record_says_the_route_translated(fresh: Rig, oai: openai.OpenAI) -> None:
    oai.chat.completions.create(model="claude-standin", messages=[{"role": "user", "content": "audit me"}])
    oai.chat.completions.create(model="gpt-standin", messages=[{"role": "user", "content": "native"}])
    records = [json.loads(line) for line in fresh.audit.read_text().splitlines()]
    translated, native = records[-2], records[-1]
    assert translated["translated"] == "openai.chat->anthropic.messages"
    assert translated["deployment"] == "claude-standin:claude-sonnet-4-6"
    assert native["translated"] is None and native["deployment"] == "gpt-standin:gpt-4o"


# The same through the built-in mock (it speaks both formats; here reached as one provider of each) -------

def test_both_sdks_through_the_mock_across_formats(rig: Rig, upstream, oai: openai.OpenAI,
                                                   claude_sdk: anthropic.Anthropic) -> None:
    prompt = f"Email {EMAIL} the numbers"
    chunks = oai.chat.completions.create(model="claude-sonnet-4-6", stream=True,
                                         messages=[{"role": "user", "content": prompt}])
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == prompt
    with claude_sdk.messages.stream(model="gpt-4o", max_tokens=100,
                                    messages=[{"role": "user", "content": prompt}]) as stream:
        assert "".join(stream.text_stream) == prompt
    sent = mock_requests(upstream)
    assert [r["path"] for r in sent] == ["/v1/messages", "/v1/chat/completions"]
    assert all(EMAIL not in json.dumps(r["json"]) for r in sent)


def test_an_api_only_openai_has_is_refused_for_a_claude_deployment_naming_the_model(fresh: Rig,
                                                                                    oai: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as refused:
        oai.embeddings.create(model="claude-standin", input="orders.customer_email",
                              extra_headers={"X-Data-Class": "metadata"})
    assert refused.value.body["param"] == "model"   # type: ignore[index]
    assert refused.value.body["code"] == "field_not_translatable"   # type: ignore[index]
    assert fresh.claude.requests == []


def test_pseudonyms_restored_in_translated_tool_call_arguments_streamed(fresh: Rig, oai: openai.OpenAI,
                                                                       claude_sdk: anthropic.Anthropic) -> None:
    prompt = f"Look up {EMAIL}"
    with oai.chat.completions.stream(model="claude-standin", tools=[WEATHER],
                                     messages=[{"role": "user", "content": prompt}]) as stream:
        final = stream.get_final_completion()
    arguments = [json.loads(c.function.arguments) for c in final.choices[0].message.tool_calls or []]
    assert [a["query"] for a in arguments] == [prompt, prompt]
    assert EMAIL not in json.dumps(fresh.claude.requests[-1]["json"])

    tools = [{"name": "lookup", "input_schema": {"type": "object", "properties": {"query": {"type": "string"}}}}]
    with claude_sdk.messages.stream(model="gpt-standin", max_tokens=100, tools=tools,  # type: ignore[arg-type]
                                    messages=[{"role": "user", "content": prompt}]) as anthropic_stream:
        message = anthropic_stream.get_final_message()
    assert [b.input["query"] for b in message.content if b.type == "tool_use"] == [prompt, prompt]  # type: ignore[union-attr]
    assert EMAIL not in json.dumps(fresh.gpt.requests[-1]["json"])


def test_responses_api_stream_with_function_calls_through_claude(fresh: Rig, oai: openai.OpenAI) -> None:
    tools = [{"type": "function", "name": "weather", "description": "Weather", "strict": False,
              "parameters": {"type": "object", "properties": {"query": {"type": "string"}}}}]
    with oai.responses.stream(model="claude-standin", input="Lima weather", tools=tools) as stream:  # type: ignore[arg-type]
        kinds = [event.type for event in stream]
        final = stream.get_final_response()
    assert "response.function_call_arguments.delta" in kinds and kinds[-1] == "response.completed"
    calls = [item for item in final.output if item.type == "function_call"]
    assert [json.loads(c.arguments)["part"] for c in calls] == [1, 2]
    follow = oai.responses.create(model="claude-standin", tools=tools, input=[  # type: ignore[arg-type]
        {"role": "user", "content": "Lima weather"},
        *({"type": "function_call", "call_id": c.call_id, "name": c.name, "arguments": c.arguments} for c in calls),
        *({"type": "function_call_output", "call_id": c.call_id, "output": f"mild {i}"} for i, c in enumerate(calls))])
    assert follow.output_text == "results: mild 0; mild 1"
