"""OpenAI chat completions -> Anthropic Messages requests, and Anthropic answers back as chat completions."""

from __future__ import annotations

import json

import pytest
from anthropic.types import Message
from openai.types.chat import ChatCompletion
from sdk_shapes import valid_anthropic_request

from gateway.translate import Untranslatable, pick

T = pick("openai.chat", "anthropic")
assert T is not None
PNG = "data:image/png;base64,iVBORw0KGgo="
WEATHER = {"type": "function", "function": {"name": "weather", "description": "Weather in a city",
                                            "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                                                           "required": ["city"]}}}


def test_system_prompts_turns_images_and_defaults() -> None:
    body = {"model": "claude-sonnet-4-6", "temperature": 1.6, "stop": "END", "user": "u-42", "logprobs": True,
            "messages": [
                {"role": "system", "content": "Be brief."},
                {"role": "developer", "content": [{"type": "text", "text": "Answer in French."}]},
                {"role": "user", "content": [{"type": "text", "text": "What is this?"},
                                             {"type": "image_url", "image_url": {"url": PNG, "detail": "high"}},
                                             {"type": "image_url", "image_url": {"url": "https://x.example/a.jpg"}}]},
                {"role": "assistant", "content": "A logo."},
                {"role": "user", "content": "Whose?"}]}
    out = valid_anthropic_request(T.request(body))
    assert out["system"] == [{"type": "text", "text": "Be brief."}, {"type": "text", "text": "Answer in French."}]
    assert [m["role"] for m in out["messages"]] == ["user", "assistant", "user"]
    assert out["messages"][0]["content"][1] == {"type": "image", "source": {
        "type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}}
    assert out["messages"][0]["content"][2]["source"] == {"type": "url", "url": "https://x.example/a.jpg"}
    assert out["max_tokens"] == 4096          # Anthropic requires it; OpenAI callers may leave it out
    assert "temperature" not in out           # the Messages API takes no sampling parameters
    assert out["stop_sequences"] == ["END"]
    assert out["metadata"] == {"user_id": "u-42"}
    assert "logprobs" not in out


def test_tools_parallel_calls_and_results() -> None:
    body = {"model": "m", "max_completion_tokens": 300, "tools": [WEATHER], "tool_choice": "required",
            "parallel_tool_calls": False,
            "messages": [
                {"role": "user", "content": "Weather in Paris and Oslo?"},
                {"role": "assistant", "content": None, "tool_calls": [
                    {"id": "call_A", "type": "function", "function": {"name": "weather", "arguments": '{"city":"Paris"}'}},
                    {"id": "call_B", "type": "function", "function": {"name": "weather", "arguments": '{"city":"Oslo"}'}}]},
                {"role": "tool", "tool_call_id": "call_A", "content": "18C"},
                {"role": "tool", "tool_call_id": "call_B", "content": [{"type": "text", "text": "4C"}]},
                {"role": "user", "content": "Which is warmer?"}]}
    out = valid_anthropic_request(T.request(body))
    assert out["max_tokens"] == 300
    assert out["tools"] == [{"name": "weather", "description": "Weather in a city",
                             "input_schema": WEATHER["function"]["parameters"]}]
    assert out["tool_choice"] == {"type": "any", "disable_parallel_tool_use": True}
    assistant, results = out["messages"][1], out["messages"][2]
    assert [b["input"] for b in assistant["content"]] == [{"city": "Paris"}, {"city": "Oslo"}]
    # both results travel in one user turn, before the user's next words
    assert [b["type"] for b in results["content"]] == ["tool_result", "tool_result", "text"]
    assert results["content"][0] == {"type": "tool_result", "tool_use_id": "call_A", "content": "18C"}
    assert results["content"][1]["content"] == [{"type": "text", "text": "4C"}]


@pytest.mark.parametrize("choice, expected", [
    ("none", {"type": "none"}), ("auto", {"type": "auto"}),
    ({"type": "function", "function": {"name": "weather"}}, {"type": "tool", "name": "weather"})])
def test_tool_choice(choice: object, expected: dict) -> None:
    out = T.request({"model": "m", "messages": [{"role": "user", "content": "hi"}], "tools": [WEATHER],
                     "tool_choice": choice})
    assert out["tool_choice"] == expected


def test_json_schema_output_is_enforced_by_output_config() -> None:
    schema = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"],
              "additionalProperties": False}
    out = T.request({"model": "m", "messages": [{"role": "user", "content": "n?"}],
                     "response_format": {"type": "json_schema", "json_schema": {"name": "n", "schema": schema,
                                                                                "strict": True}}})
    assert valid_anthropic_request(out)["output_config"] == {"format": {"type": "json_schema", "schema": schema}}


@pytest.mark.parametrize("field, value", [
    ("response_format", {"type": "json_object"}), ("n", 2), ("logit_bias", {"50256": -100}),
    ("frequency_penalty", 0.5), ("audio", {"voice": "alloy", "format": "wav"}), ("functions", [{"name": "f"}]),
    ("web_search_options", {}), ("some_future_field", 1)])
def test_fields_that_change_the_meaning_are_refused_by_name(field: str, value: object) -> None:
    with pytest.raises(Untranslatable) as refused:
        T.request({"model": "m", "messages": [{"role": "user", "content": "hi"}], field: value})
    assert refused.value.param == field
    assert field in refused.value.message


def test_parts_without_equivalent_are_refused_by_path() -> None:
    with pytest.raises(Untranslatable) as refused:
        T.request({"model": "m", "messages": [{"role": "user", "content": [
            {"type": "text", "text": "listen"},
            {"type": "input_audio", "input_audio": {"data": "AAA", "format": "wav"}}]}]})
    assert refused.value.param == "messages[0].content[1].type"


def test_answer_with_text_and_parallel_tool_calls() -> None:
    reply = {"id": "msg_01", "type": "message", "role": "assistant", "model": "claude-sonnet-4-6",
             "content": [{"type": "text", "text": "Checking."},
                         {"type": "tool_use", "id": "toolu_A", "name": "weather", "input": {"city": "Paris"}},
                         {"type": "tool_use", "id": "toolu_B", "name": "weather", "input": {"city": "Oslo"}}],
             "stop_reason": "tool_use", "stop_sequence": None,
             "usage": {"input_tokens": 50, "cache_read_input_tokens": 10, "cache_creation_input_tokens": 0,
                       "output_tokens": 20}}
    Message.model_validate(reply)
    out = ChatCompletion.model_validate(T.response(reply, {"model": "claude"}))
    message = out.choices[0].message
    assert message.content == "Checking."
    assert [(c.id, json.loads(c.function.arguments)) for c in message.tool_calls or []] == [
        ("toolu_A", {"city": "Paris"}), ("toolu_B", {"city": "Oslo"})]
    assert out.choices[0].finish_reason == "tool_calls"
    assert out.usage is not None and (out.usage.prompt_tokens, out.usage.completion_tokens) == (60, 20)
    assert out.usage.prompt_tokens_details is not None and out.usage.prompt_tokens_details.cached_tokens == 10


@pytest.mark.parametrize("stop_reason, finish", [("end_turn", "stop"), ("max_tokens", "length"),
                                                 ("stop_sequence", "stop"), ("refusal", "content_filter")])
def test_finish_reasons(stop_reason: str, finish: str) -> None:
    reply = {"id": "msg_02", "type": "message", "role": "assistant", "model": "c",
             "content": [{"type": "text", "text": "ok"}], "stop_reason": stop_reason, "stop_sequence": None,
             "usage": {"input_tokens": 1, "output_tokens": 1}}
    assert ChatCompletion.model_validate(T.response(reply, {})).choices[0].finish_reason == finish


def test_errors_come_back_in_openai_shape() -> None:
    body = T.error(429, {"type": "error", "error": {"type": "rate_limit_error", "message": "Slow down."}})
    assert body == {"error": {"message": "Slow down.", "type": "rate_limit_error", "param": None,
                              "code": "rate_limit_error"}}
    assert T.error(529, {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})[
        "error"]["type"] == "api_error"
