"""Anthropic Messages -> OpenAI chat completions requests, and chat completions back as Anthropic Messages."""

from __future__ import annotations

import json

import pytest
from anthropic.types import Message
from openai.types.chat import ChatCompletion
from sdk_shapes import valid_chat_request

from gateway.translate import Untranslatable, UntranslatableReply, pick

T = pick("anthropic.messages", "openai")
assert T is not None
WEATHER = {"name": "weather", "description": "Weather in a city",
           "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}


def test_system_turns_images_documents_and_limits() -> None:
    body = {"model": "gpt-4o", "max_tokens": 512, "stop_sequences": ["END"], "metadata": {"user_id": "u-7"},
            "system": [{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}],
            "messages": [
                {"role": "user", "content": [
                    {"type": "text", "text": "What is on these?"},
                    {"type": "image", "source": {"type": "base64", "media_type": "image/jpeg", "data": "/9j/4AAQ"}},
                    {"type": "image", "source": {"type": "url", "url": "https://x.example/b.png"}},
                    {"type": "document", "source": {"type": "base64", "media_type": "application/pdf",
                                                    "data": "JVBERi0x"}}]},
                {"role": "assistant", "content": "An invoice."},
                {"role": "user", "content": "Total?"}]}
    out = valid_chat_request(T.request(body))
    assert out["messages"][0] == {"role": "system", "content": "Be brief."}
    parts = out["messages"][1]["content"]
    assert parts[1] == {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/4AAQ"}}
    assert parts[2]["image_url"]["url"] == "https://x.example/b.png"
    assert parts[3]["file"]["file_data"] == "data:application/pdf;base64,JVBERi0x"
    assert [m["role"] for m in out["messages"]] == ["system", "user", "assistant", "user"]
    assert (out["max_completion_tokens"], out["stop"], out["user"]) == (512, ["END"], "u-7")


def test_tools_parallel_calls_and_their_results() -> None:
    body = {"model": "gpt-4o", "max_tokens": 100, "stream": True, "tools": [WEATHER],
            "tool_choice": {"type": "any", "disable_parallel_tool_use": True},
            "messages": [
                {"role": "user", "content": "Paris and Oslo?"},
                {"role": "assistant", "content": [
                    {"type": "thinking", "thinking": "two cities", "signature": "EqQB"},
                    {"type": "text", "text": "Looking."},
                    {"type": "tool_use", "id": "toolu_A", "name": "weather", "input": {"city": "Paris"}},
                    {"type": "tool_use", "id": "toolu_B", "name": "weather", "input": {"city": "Oslo"}}]},
                {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "toolu_A", "content": "18C"},
                    {"type": "tool_result", "tool_use_id": "toolu_B", "is_error": True,
                     "content": [{"type": "text", "text": "station offline"}]},
                    {"type": "text", "text": "And so?"}]}]}
    out = T.request(body)
    valid_chat_request(out)
    assert out["stream_options"] == {"include_usage": True}   # usage must come back at the end of the stream
    assert out["tools"][0] == {"type": "function", "function": {
        "name": "weather", "parameters": WEATHER["input_schema"], "description": "Weather in a city"}}
    assert (out["tool_choice"], out["parallel_tool_calls"]) == ("required", False)
    assistant = out["messages"][1]
    assert assistant["content"] == "Looking."
    assert [(c["id"], json.loads(c["function"]["arguments"])) for c in assistant["tool_calls"]] == [
        ("toolu_A", {"city": "Paris"}), ("toolu_B", {"city": "Oslo"})]
    assert out["messages"][2:] == [
        {"role": "tool", "tool_call_id": "toolu_A", "content": "18C"},
        {"role": "tool", "tool_call_id": "toolu_B", "content": "Error: station offline"},
        {"role": "user", "content": [{"type": "text", "text": "And so?"}]}]


def test_structured_output_becomes_a_strict_json_schema() -> None:
    schema = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}
    out = T.request({"model": "gpt-4o", "max_tokens": 10, "messages": [{"role": "user", "content": "n?"}],
                     "output_config": {"format": {"type": "json_schema", "schema": schema}}})
    assert valid_chat_request(out)["response_format"] == {
        "type": "json_schema", "json_schema": {"name": "output", "schema": schema, "strict": True}}


@pytest.mark.parametrize("field, value, param", [
    ("top_k", 5, "top_k"), ("thinking", {"type": "enabled", "budget_tokens": 2048}, "thinking"),
    ("tools", [{"type": "web_search_20250305", "name": "web_search"}], "tools[0].type"),
    ("stop_sequences", ["a", "b", "c", "d", "e"], "stop_sequences"), ("mcp_servers", [], "mcp_servers")])
def test_fields_without_equivalent_are_refused_by_name(field: str, value: object, param: str) -> None:
    with pytest.raises(Untranslatable) as refused:
        T.request({"model": "gpt-4o", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}],
                   field: value})
    assert refused.value.param == param


def test_images_in_tool_results_are_refused() -> None:
    with pytest.raises(Untranslatable) as refused:
        T.request({"model": "gpt-4o", "max_tokens": 10, "messages": [{"role": "user", "content": [
            {"type": "tool_result", "tool_use_id": "t", "content": [
                {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "AA"}}]}]}]})
    assert refused.value.param == "messages[0].content[0].content[0]"


def test_answer_with_tool_calls_and_usage() -> None:
    reply = {"id": "chatcmpl-1", "object": "chat.completion", "created": 1718000000, "model": "gpt-4o-2024-08-06",
             "choices": [{"index": 0, "logprobs": None, "finish_reason": "tool_calls", "message": {
                 "role": "assistant", "content": "Looking.", "refusal": None, "tool_calls": [
                     {"id": "call_A", "type": "function", "function": {"name": "weather", "arguments": '{"city":"Paris"}'}},
                     {"id": "call_B", "type": "function", "function": {"name": "weather", "arguments": '{"city":"Oslo"}'}}]}}],
             "usage": {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150,
                       "prompt_tokens_details": {"cached_tokens": 20}}}
    ChatCompletion.model_validate(reply)
    out = Message.model_validate(T.response(reply, {"model": "gpt-4o"}))
    assert [b.type for b in out.content] == ["text", "tool_use", "tool_use"]
    assert out.content[2].input == {"city": "Oslo"}  # type: ignore[union-attr]
    assert out.stop_reason == "tool_use"
    assert (out.usage.input_tokens, out.usage.cache_read_input_tokens, out.usage.output_tokens) == (100, 20, 30)


def test_answer_cut_by_length_and_a_broken_one() -> None:
    reply = {"id": "c", "object": "chat.completion", "created": 1, "model": "m", "choices": [
        {"index": 0, "logprobs": None, "finish_reason": "length",
         "message": {"role": "assistant", "content": "Once upon", "refusal": None}}],
        "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}}
    assert Message.model_validate(T.response(reply, {})).stop_reason == "max_tokens"
    with pytest.raises(UntranslatableReply):
        T.response({"id": "c", "choices": []}, {})


def test_errors_come_back_in_anthropic_shape() -> None:
    body = T.error(400, {"error": {"message": "Invalid 'messages'.", "type": "invalid_request_error",
                                   "param": "messages", "code": None}})
    assert body == {"type": "error", "error": {"type": "invalid_request_error", "message": "Invalid 'messages'."}}
    assert T.error(503, "upstream connect error")["error"]["type"] == "overloaded_error"
