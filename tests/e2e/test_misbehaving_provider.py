"""A provider that misbehaves: every answer the client gets is complete, or a 502 in the caller's shape (issue 13)."""

from __future__ import annotations

import json

import anthropic
import openai
import pytest
from aiohttp import web
from serving import KEY, ThreadServer, base_config, start_gateway

CHUNK = {"id": "c1", "object": "chat.completion.chunk", "model": "gpt-4o",
         "choices": [{"index": 0, "delta": {"content": "Hel"}, "finish_reason": None}]}


def sse(*events: str) -> bytes:
    return b"".join(f"data: {e}\n\n".encode() for e in events)


async def chat(request: web.Request) -> web.StreamResponse:
    how = request.headers.get("x-behave", "")
    if how == "redirect":
        return web.Response(status=302, headers={"Location": "https://elsewhere.example/"})
    if how == "error-200":
        return web.json_response({"error": {"message": "overloaded", "type": "server_error"}})
    if how == "json-to-stream":
        return web.json_response({"id": "x", "object": "chat.completion", "choices": []})
    events = {"no-done": sse(json.dumps(CHUNK)), "garbage": sse(json.dumps(CHUNK), "<html>oops</html>", "[DONE]")}
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    await response.prepare(request)
    await response.write(events[how])
    await response.write_eof()
    return response


async def messages(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    await response.prepare(request)
    start = {"type": "message_start", "message": {"id": "m", "type": "message", "role": "assistant", "model": "x",
                                                  "content": [], "usage": {"input_tokens": 1, "output_tokens": 1}}}
    block = {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}
    delta = {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hel"}}
    for event in (start, block, delta):
        await response.write(f"event: {event['type']}\ndata: {json.dumps(event)}\n\n".encode())
    await response.write_eof()
    return response


@pytest.fixture(scope="module")
def gateway_to_misbehaving(tmp_path_factory):
    def app() -> web.Application:
        application = web.Application()
        application.router.add_post("/v1/chat/completions", chat)
        application.router.add_post("/v1/messages", messages)
        return application
    provider = ThreadServer(app).start()
    config = base_config(provider.url)
    config["server"]["forward_headers"] = ["x-behave"]
    gateway = start_gateway(config, tmp_path_factory.mktemp("misbehaving"))
    yield gateway
    gateway.stop()
    provider.stop()


def client(gateway):
    return openai.OpenAI(base_url=gateway.url + "/v1", api_key=KEY, max_retries=0)


@pytest.mark.parametrize("how", ["redirect", "error-200"])
def test_a_redirect_or_an_error_under_200_is_a_502(gateway_to_misbehaving, how):
    with pytest.raises(openai.APIStatusError) as raised:
        client(gateway_to_misbehaving).chat.completions.create(
            model="gpt-4o", messages=[{"role": "user", "content": "Hi"}], extra_headers={"x-behave": how})
    assert raised.value.status_code == 502 and raised.value.body["code"].startswith("upstream_")


def test_a_json_answer_to_a_stream_request_is_a_502(gateway_to_misbehaving):
    with pytest.raises(openai.APIStatusError) as raised:
        list(client(gateway_to_misbehaving).chat.completions.create(
            model="gpt-4o", stream=True, messages=[{"role": "user", "content": "Hi"}],
            extra_headers={"x-behave": "json-to-stream"}))
    assert raised.value.status_code == 502


@pytest.mark.parametrize("how", ["no-done", "garbage"])
def test_a_stream_without_its_end_or_with_garbage_ends_in_an_error(gateway_to_misbehaving, how):
    with pytest.raises(openai.APIError):
        for _ in client(gateway_to_misbehaving).chat.completions.create(
                model="gpt-4o", stream=True, messages=[{"role": "user", "content": "Hi"}],
                extra_headers={"x-behave": how}):
            pass


def test_an_anthropic_stream_without_message_stop_ends_in_an_error(gateway_to_misbehaving):
    claude = anthropic.Anthropic(base_url=gateway_to_misbehaving.url, api_key=KEY, max_retries=0)
    with pytest.raises(anthropic.APIError):
        with claude.messages.stream(model="claude-sonnet-4-6", max_tokens=20,
                                    messages=[{"role": "user", "content": "Hi"}]) as stream:
            for _ in stream:
                pass
