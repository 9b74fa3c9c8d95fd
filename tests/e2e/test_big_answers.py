"""A big upstream answer is read through the response chain off the event loop (issue 13, item 11): the
gateway keeps answering `/healthz` and other requests while it runs, and the answer is still checked;
the same for a stream whose one event holds a megabyte of text."""

from __future__ import annotations

import json
import threading
import time
import urllib.request

from aiohttp import web
from serving import KEY, ThreadServer, base_config, start_gateway

WORDS = "The harbour report lists the tides of each day and the ships that came in. "


def big_upstream(chars: int) -> ThreadServer:
    """A provider whose every chat completion is one answer of `chars` characters with a card number in it;
    streamed, the whole text is one event (then the finish chunk and [DONE])."""
    text = WORDS * (chars // len(WORDS)) + "Card 4111 1111 1111 1111 on file."
    head = {"id": "chatcmpl-big", "created": 0, "model": "gpt-4o"}
    body = json.dumps({**head, "object": "chat.completion",
                       "choices": [{"index": 0, "finish_reason": "stop",
                                    "message": {"role": "assistant", "content": text}}],
                       "usage": {"prompt_tokens": 5, "completion_tokens": 5, "total_tokens": 10}}).encode()
    chunks = [{**head, "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": delta, "finish_reason": end}]}
              for delta, end in (({"role": "assistant", "content": text}, None), ({}, "stop"))]
    events = b"".join(b"data: " + json.dumps(c).encode() + b"\n\n" for c in chunks) + b"data: [DONE]\n\n"

    async def answer(request: web.Request) -> web.StreamResponse:
        if not (await request.json()).get("stream"):
            return web.Response(body=body, content_type="application/json")
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        for start in range(0, len(events), 65536):   # as a provider's connection delivers it, in pieces
            await response.write(events[start:start + 65536])
        await response.write_eof()
        return response

    def app() -> web.Application:
        application = web.Application()
        application.router.add_post("/v1/chat/completions", answer)
        return application
    return ThreadServer(app).start()


def asked_while_healthz_polled(server, body: dict) -> tuple[object, bytes, int]:
    """The answer to `body`, and how many times /healthz answered while it was being made."""
    result: dict[str, object] = {}

    def ask() -> None:
        request = urllib.request.Request(
            server.url + "/v1/chat/completions", method="POST", data=json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                result["status"], result["body"] = response.status, response.read()
        except Exception as error:  # reported by the caller's assertion
            result["status"], result["body"] = repr(error), b""

    asking = threading.Thread(target=ask)
    asking.start()
    answered = 0
    while asking.is_alive():
        # a deadline, not a timing: a blocked loop leaves /healthz unanswered for many seconds
        with urllib.request.urlopen(server.url + "/healthz", timeout=5) as response:
            assert response.status == 200
            answered += 1
        time.sleep(0.05)
    asking.join()
    return result["status"], result["body"], answered   # type: ignore[return-value]


def test_healthz_answers_while_a_big_answer_is_checked(tmp_path):
    upstream = big_upstream(4_000_000)   # about 12 s of response checks here
    server = start_gateway(base_config(upstream.url), tmp_path)
    try:
        status, body, answered = asked_while_healthz_polled(
            server, {"model": "gpt-4o", "messages": [{"role": "user", "content": "Tides?"}]})
        assert status == 200
        content = json.loads(body)["choices"][0]["message"]["content"]
        assert "4111 1111 1111 1111" not in content and content.startswith(WORDS)
        assert answered > 3
    finally:
        server.stop()
        upstream.stop()


def test_healthz_answers_while_a_stream_event_of_megabytes_is_checked(tmp_path):
    upstream = big_upstream(2_000_000)   # one event of two megabytes: seconds of checks here
    server = start_gateway(base_config(upstream.url), tmp_path)
    try:
        status, body, answered = asked_while_healthz_polled(
            server, {"model": "gpt-4o", "stream": True, "messages": [{"role": "user", "content": "Tides?"}]})
        assert status == 200
        events = [json.loads(line[6:]) for line in body.decode().split("\n")
                  if line.startswith("data: {")]
        content = "".join(e["choices"][0]["delta"].get("content") or "" for e in events if e.get("choices"))
        assert body.decode().rstrip().endswith("data: [DONE]")
        assert "4111 1111 1111 1111" not in content and content.startswith(WORDS) and "CREDIT_CARD" in content
        assert answered > 1   # each within its deadline: before, the loop was blocked past it (TimeoutError)
    finally:
        server.stop()
        upstream.stop()
