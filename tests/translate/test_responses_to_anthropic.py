"""OpenAI Responses -> Anthropic Messages requests, and Anthropic answers back as Response objects."""

from __future__ import annotations

import pytest
from openai.types.responses import Response
from sdk_shapes import valid_anthropic_request

from gateway.translate import Untranslatable, pick

T = pick("openai.responses", "anthropic")
assert T is not None
TOOL = {"type": "function", "name": "weather", "description": "Weather in a city", "strict": True,
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
                       "additionalProperties": False}}


def test_instructions_items_tools_and_outputs() -> None:
    body = {"model": "claude-sonnet-4-6", "instructions": "Be brief.", "store": False, "tools": [TOOL],
            "tool_choice": "auto", "parallel_tool_calls": False, "max_output_tokens": 200,
            "input": [
                {"role": "developer", "content": "Use Celsius."},
                {"type": "message", "role": "user", "content": [
                    {"type": "input_text", "text": "Weather in Paris?"},
                    {"type": "input_image", "image_url": "data:image/png;base64,iVBO", "detail": "auto"}]},
                {"type": "reasoning", "id": "rs_1", "summary": []},
                {"type": "function_call", "call_id": "call_A", "name": "weather", "arguments": '{"city":"Paris"}'},
                {"type": "function_call_output", "call_id": "call_A", "output": "18C"}]}
    out = valid_anthropic_request(T.request(body))
    assert out["system"] == [{"type": "text", "text": "Be brief."}, {"type": "text", "text": "Use Celsius."}]
    assert [m["role"] for m in out["messages"]] == ["user", "assistant", "user"]
    assert out["messages"][0]["content"][1]["source"]["media_type"] == "image/png"
    assert out["messages"][1]["content"] == [{"type": "tool_use", "id": "call_A", "name": "weather",
                                              "input": {"city": "Paris"}}]
    assert out["messages"][2]["content"] == [{"type": "tool_result", "tool_use_id": "call_A", "content": "18C"}]
    assert out["tools"][0]["strict"] is True
    assert out["tool_choice"] == {"type": "auto", "disable_parallel_tool_use": True}
    assert out["max_tokens"] == 200


def test_a_string_input_and_a_json_schema_format() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"],
              "additionalProperties": False}
    out = T.request({"model": "m", "input": "hi", "text": {"format": {"type": "json_schema", "name": "a",
                                                                      "schema": schema, "strict": True}}})
    assert valid_anthropic_request(out)["messages"] == [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]
    assert out["output_config"] == {"format": {"type": "json_schema", "schema": schema}}
    assert out["max_tokens"] == 4096


@pytest.mark.parametrize("field, value, param", [
    ("previous_response_id", "resp_1", "previous_response_id"), ("background", True, "background"),
    ("tools", [{"type": "web_search"}], "tools[0].type"),
    ("text", {"format": {"type": "json_object"}}, "text.format"),
    ("input", [{"type": "computer_call_output", "call_id": "c", "output": {}}], "input[0].type")])
def test_fields_without_equivalent_are_refused_by_name(field: str, value: object, param: str) -> None:
    body = {"model": "m", "input": "hi", field: value}
    with pytest.raises(Untranslatable) as refused:
        T.request(body)
    assert refused.value.param == param


def test_answer_as_a_response_object() -> None:
    reply = {"id": "msg_01", "type": "message", "role": "assistant", "model": "claude-sonnet-4-6",
             "content": [{"type": "text", "text": "Checking."},
                         {"type": "tool_use", "id": "toolu_A", "name": "weather", "input": {"city": "Paris"}}],
             "stop_reason": "tool_use", "stop_sequence": None,
             "usage": {"input_tokens": 40, "cache_read_input_tokens": 0, "output_tokens": 12}}
    out = Response.model_validate(T.response(reply, {"model": "claude", "tools": [TOOL], "input": "x"}))
    assert out.status == "completed"
    assert out.output_text == "Checking."
    call = out.output[1]
    assert call.type == "function_call" and call.call_id == "toolu_A" and call.arguments == '{"city":"Paris"}'
    assert out.usage is not None and (out.usage.input_tokens, out.usage.output_tokens) == (40, 12)


def test_a_truncated_answer_is_incomplete() -> None:
    reply = {"id": "msg_02", "type": "message", "role": "assistant", "model": "c",
             "content": [{"type": "text", "text": "Once"}], "stop_reason": "max_tokens", "stop_sequence": None,
             "usage": {"input_tokens": 1, "output_tokens": 1}}
    out = Response.model_validate(T.response(reply, {"model": "c"}))
    assert out.status == "incomplete"
    assert out.incomplete_details is not None and out.incomplete_details.reason == "max_output_tokens"
