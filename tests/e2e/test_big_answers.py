"""A big upstream answer is read through the response chain off the event loop (issue 13, item 11): the
gateway keeps answering `/healthz` and other requests while it runs, and the answer is still checked."""

from __future__ import annotations

import json
import threading
import time
import urllib.request

from aiohttp import web
from serving import KEY, ThreadServer, base_config, start_gateway

WORDS = "The harbour report lists the tides of each day and the ships that came in. "


def big_upstream(chars: int) -> ThreadServer:
    """A provider whose every chat completion is one answer of `chars` characters with a card number in it."""
    text = WORDS * (chars // len(WORDS)) + "Card 4111 1111 1111 1111 on file."
    body = json.dumps({"id": "chatcmpl-big", "object": "chat.completion", "created": 0, "model": "gpt-4o",
                       "choices": [{"index": 0, "finish_reason": "stop",
                                    "message": {"role": "assistant", "content": text}}],
                       "usage": {"prompt_tokens": 5, "completion_tokens": 5, "total_tokens": 10}}).encode()

    async def answer(request: web.Request) -> web.Response:
        await request.read()
        return web.Response(body=body, content_type="application/json")

    def app() -> web.Application:
        application = web.Application()
        application.router.add_post("/v1/chat/completions", answer)
        return application
    return ThreadServer(app).start()


def test_healthz_answers_while_a_big_answer_is_checked(tmp_path):
    upstream = big_upstream(4_000_000)   # about 12 s of response checks here
    server = start_gateway(base_config(upstream.url), tmp_path)
    try:
        result: dict[str, object] = {}

        def ask() -> None:
            request = urllib.request.Request(
                server.url + "/v1/chat/completions", method="POST",
                data=json.dumps({"model": "gpt-4o", "messages": [{"role": "user", "content": "Tides?"}]}).encode(),
                headers={"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=300) as response:
                    result["status"], result["body"] = response.status, response.read()
            except Exception as error:  # reported by the assertion below
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
        assert result["status"] == 200
        content = json.loads(result["body"])["choices"][0]["message"]["content"]   # type: ignore[arg-type]
        assert "4111 1111 1111 1111" not in content and content.startswith(WORDS)
        assert answered > 3
    finally:
        server.stop()
        upstream.stop()
