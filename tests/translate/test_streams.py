"""Streams translated event by event, checked with the SDKs' own event types and stream accumulators."""

from __future__ import annotations

import json

from anthropic.lib.streaming._messages import accumulate_event
from openai.lib.streaming.chat import ChatCompletionStreamState
from openai.types.chat import ChatCompletionChunk
from openai.types.responses import Response
from sdk_shapes import ANTHROPIC_EVENT, RESPONSES_EVENT, anthropic_stream, chat_stream, events, play

from gateway.translate import pick

CHAT = pick("openai.chat", "anthropic")
MESSAGES = pick("anthropic.messages", "openai")
RESPONSES = pick("openai.responses", "anthropic")
assert CHAT is not None and MESSAGES is not None and RESPONSES is not None


def _chunks(out: list) -> list[ChatCompletionChunk]:
    assert out[-1].data == "[DONE]"
    return [ChatCompletionChunk.model_validate(json.loads(e.data)) for e in out[:-1]]


def test_anthropic_stream_as_chat_chunks_with_parallel_tool_calls_and_usage() -> None:
    out = play(CHAT.stream({"model": "claude", "stream_options": {"include_usage": True}}), anthropic_stream())
    chunks = _chunks(out)
    state = ChatCompletionStreamState()
    for chunk in chunks:
        state.handle_chunk(chunk)
    final = state.get_final_completion()
    message = final.choices[0].message
    assert message.content == "Checking the weather."
    assert [(c.id, json.loads(c.function.arguments)) for c in message.tool_calls or []] == [
        ("toolu_A", {"city": "Paris"}), ("toolu_B", {"city": "Oslo", "unit": "c"})]
    assert final.choices[0].finish_reason == "tool_calls"
    usage = chunks[-1].usage
    assert chunks[-1].choices == [] and usage is not None
    assert (usage.prompt_tokens, usage.completion_tokens) == (512, 58)   # cached input counted in


def test_without_include_usage_no_usage_chunk_is_sent() -> None:
    chunks = _chunks(play(CHAT.stream({"model": "claude"}), anthropic_stream()))
    assert all(c.choices for c in chunks) and all(c.usage is None for c in chunks)


def test_anthropic_error_event_becomes_an_openai_error_chunk() -> None:
    upstream = anthropic_stream()[:4] + events(("error", {"type": "error", "error": {
        "type": "overloaded_error", "message": "Overloaded"}}))
    out = play(CHAT.stream({"model": "claude"}), upstream)
    assert json.loads(out[-1].data)["error"]["message"] == "Overloaded"
    assert "[DONE]" not in [e.data for e in out]


def test_chat_chunks_as_anthropic_events_with_input_json_delta() -> None:
    out = play(MESSAGES.stream({"model": "gpt-4o"}), chat_stream())
    snapshot = None
    json_bufs: dict[int, bytes] = {}
    for event in out:
        data = json.loads(event.data)
        assert event.event == data["type"]
        parsed = ANTHROPIC_EVENT.validate_python(data)
        snapshot = accumulate_event(event=parsed, current_snapshot=snapshot, json_bufs=json_bufs)
    assert snapshot is not None
    assert [b.type for b in snapshot.content] == ["text", "tool_use", "tool_use"]
    assert snapshot.content[0].text == "Checking the weather."  # type: ignore[union-attr]
    assert [b.input for b in snapshot.content[1:]] == [{"city": "Paris"}, {"city": "Oslo"}]  # type: ignore[union-attr]
    assert snapshot.stop_reason == "tool_use"
    assert (snapshot.usage.input_tokens, snapshot.usage.cache_read_input_tokens, snapshot.usage.output_tokens) == (
        100, 20, 31)
    kinds = [e.event for e in out]
    assert kinds[0] == "message_start" and kinds[-2:] == ["message_delta", "message_stop"]
    assert kinds.count("content_block_start") == kinds.count("content_block_stop") == 3


def test_a_chat_stream_cut_short_never_says_message_stop() -> None:
    out = play(MESSAGES.stream({"model": "gpt-4o"}), chat_stream()[:5])
    assert "message_stop" not in [e.event for e in out]


def test_anthropic_stream_as_responses_events() -> None:
    out = play(RESPONSES.stream({"model": "claude", "input": "x"}), anthropic_stream())
    parsed = [RESPONSES_EVENT.validate_python(json.loads(e.data)) for e in out]
    assert [p.sequence_number for p in parsed] == list(range(len(parsed)))
    assert all(e.event == p.type for e, p in zip(out, parsed))
    text = "".join(p.delta for p in parsed if p.type == "response.output_text.delta")
    assert text == "Checking the weather."
    arguments = [p.arguments for p in parsed if p.type == "response.function_call_arguments.done"]
    assert [json.loads(a) for a in arguments] == [{"city": "Paris"}, {"city": "Oslo", "unit": "c"}]
    final = parsed[-1]
    assert final.type == "response.completed"
    response = Response.model_validate(final.response.model_dump())
    assert response.output_text == "Checking the weather."
    assert [o.type for o in response.output] == ["message", "function_call", "function_call"]
    assert response.usage is not None and response.usage.output_tokens == 58


def test_every_stream_translator_reports_the_providers_token_counts() -> None:
    chat = CHAT.stream({"model": "claude"})          # no include_usage: the caller's chunks carry none
    play(chat, anthropic_stream())
    assert chat.tokens == (512, 58)
    messages = MESSAGES.stream({"model": "gpt-4o"})
    play(messages, chat_stream())
    assert messages.tokens == (120, 31)
    responses = RESPONSES.stream({"model": "claude"})
    play(responses, anthropic_stream())
    assert responses.tokens == (512, 58)
