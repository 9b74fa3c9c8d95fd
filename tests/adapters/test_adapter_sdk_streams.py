"""The rewritten streams, read by the real SDKs (served from an in-memory HTTP transport): what a
client program ends up with, extra held-back events included."""

from __future__ import annotations

import json

import anthropic
import httpx
import httpx2
import openai
from stream_events import (
    ANTHROPIC,
    ANTHROPIC_TEXT_CLIENT,
    CHAT_TEXT,
    CHAT_TEXT_CLIENT,
    CHAT_TOOLS,
    COMPLETIONS,
    COMPLETIONS_CLIENT,
    RESPONSE_TEXT_CLIENT,
    RESPONSES,
    play,
    wire,
)
from token_rewriter import RecordingRewriter

from gateway.adapters import ADAPTERS

ZOE_VALUE = 'Zoë "Z" O\'Neil'
SSE = {"content-type": "text/event-stream"}


def rewritten(api: str, events: list) -> bytes:
    stream = ADAPTERS[api].stream_rewriter(RecordingRewriter())
    return b"".join(event.encode() for event in play(stream, wire(events)))


def openai_client(body: bytes) -> openai.OpenAI:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body, headers=SSE))
    return openai.OpenAI(api_key="sk-test", base_url="http://gateway.test/v1",
                         http_client=httpx.Client(transport=transport))


def test_openai_sdk_chat_stream():
    client = openai_client(rewritten("openai.chat", CHAT_TEXT))
    with client.chat.completions.stream(model="gpt-4o", messages=[{"role": "user", "content": "Who?"}]) as stream:
        final = stream.get_final_completion()
    assert final.choices[0].message.content == CHAT_TEXT_CLIENT
    assert final.usage is not None and final.usage.prompt_tokens == 42


def test_openai_sdk_chat_tool_calls_stream():
    client = openai_client(rewritten("openai.chat", CHAT_TOOLS))
    with client.chat.completions.stream(model="gpt-4o", messages=[{"role": "user", "content": "Send"}]) as stream:
        final = stream.get_final_completion()
    calls = final.choices[0].message.tool_calls
    assert [c.function.name for c in calls] == ["send_report", "run_sql"]
    assert json.loads(calls[0].function.arguments) == {"to": ZOE_VALUE, "cc": "jane.doe@acme.example"}


def test_openai_sdk_completions_stream():
    client = openai_client(rewritten("openai.completions", COMPLETIONS))
    chunks = list(client.completions.create(model="gpt-3.5-turbo-instruct", prompt="#", stream=True))
    assert "".join(c.text for chunk in chunks for c in chunk.choices) == COMPLETIONS_CLIENT
    assert chunks[0].model_extra.get("ai_generated") is True


def test_openai_sdk_responses_stream():
    client = openai_client(rewritten("openai.responses", RESPONSES))
    with client.responses.stream(model="gpt-4.1", input="Who owns it?") as stream:
        deltas = [event.delta for event in stream if event.type == "response.output_text.delta"]
        final = stream.get_final_response()
    assert "".join(deltas) == RESPONSE_TEXT_CLIENT
    assert final.output_text == RESPONSE_TEXT_CLIENT
    assert json.loads(final.output[1].arguments) == {"owner": ZOE_VALUE}
    assert final.model_extra.get("ai_generated") is True


def test_anthropic_sdk_messages_stream():
    body = rewritten("anthropic.messages", ANTHROPIC)
    transport = httpx2.MockTransport(lambda request: httpx2.Response(200, content=body, headers=SSE))
    client = anthropic.Anthropic(api_key="sk-ant-test", base_url="http://gateway.test",
                                 http_client=httpx2.Client(transport=transport))
    with client.messages.stream(model="claude-sonnet-4-6", max_tokens=256,
                                messages=[{"role": "user", "content": "Email the owner"}]) as stream:
        text = "".join(stream.text_stream)
        final = stream.get_final_message()
    assert text == ANTHROPIC_TEXT_CLIENT
    thinking, answer, tool = final.content
    assert thinking.thinking == "Look up Jane Doe first."
    assert answer.text == ANTHROPIC_TEXT_CLIENT
    assert tool.input == {"to": ZOE_VALUE}
    assert (final.usage.input_tokens, final.usage.output_tokens) == (412, 89)
    assert final.model_extra.get("ai_generated") is True
