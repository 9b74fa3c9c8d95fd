"""Faults at the edges of HTTP: slow or malformed clients, a provider that drops the connection (issue 13).

Each answer the client gets is in its API's error shape; a request the provider may have received is
never sent to it again, by the gateway or (told `x-should-retry: false`) by the SDK.
"""

from __future__ import annotations

import json
import select
import socket
import time

import anthropic
import httpx
import openai
import pytest
from serving import KEY, ThreadServer, base_config, start_gateway
from standin import StandIn


@pytest.fixture(scope="module")
def rig(tmp_path_factory):
    gpt, claude = StandIn("openai"), StandIn("anthropic")
    servers = [ThreadServer(gpt.app).start(), ThreadServer(claude.app).start()]
    config = base_config()
    config["providers"] = [
        {"name": "gpt-standin", "kind": "openai", "base_url": servers[0].url + "/v1", "zero_retention": True,
         "api_key_env": "TEST_OPENAI_KEY"},
        {"name": "claude-standin", "kind": "anthropic", "base_url": servers[1].url, "zero_retention": True,
         "api_key_env": "TEST_ANTHROPIC_KEY"}]
    config["models"] = [{"match": "gpt-*", "provider": "gpt-standin"},
                        {"match": "claude-*", "provider": "claude-standin"}]
    config["timeouts"].update(header_s=1, body_s=1)
    gateway = start_gateway(config, tmp_path_factory.mktemp("faults"))
    gateway.gpt, gateway.claude = gpt, claude
    yield gateway
    gateway.stop()
    for server in servers:
        server.stop()


@pytest.fixture
def gateway(rig):
    for standin in (rig.gpt, rig.claude):
        standin.requests.clear()
        standin.fault = standin.reply = standin.events = None
    return rig


def exchange(gateway, *pieces: bytes, pause: float = 0.0) -> tuple[int, dict]:
    """Bytes written to the gateway as they are given (with a pause between pieces); its status and JSON body."""
    with socket.create_connection(("127.0.0.1", gateway.port), timeout=8) as sock:
        for piece in pieces:
            if select.select([sock], [], [], 0)[0]:
                break   # the gateway already answered
            try:
                sock.sendall(piece)
            except OSError:
                break   # and closed
            time.sleep(pause)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), json.loads(body)


def chat_request(body: bytes) -> bytes:
    return (b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + KEY.encode()
            + b"\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n")


BODY = json.dumps({"model": "gpt-4o", "messages": [{"role": "user", "content": "Hi"}]}).encode()


def test_half_sent_headers_get_408_in_the_api_shape(gateway):
    status, body = exchange(gateway, b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n")
    assert status == 408 and body["error"]["code"] == "request_timeout"


def test_a_body_sent_a_byte_at_a_time_gets_408(gateway):
    status, body = exchange(gateway, chat_request(BODY), *[bytes([b]) for b in BODY], pause=0.2)
    assert status == 408 and body["error"]["code"] == "request_timeout"
    assert gateway.gpt.requests == []


def test_a_body_sent_on_time_is_served(gateway):
    status, body = exchange(gateway, chat_request(BODY), BODY)
    assert status == 200 and body["choices"][0]["message"]["content"] == "Hi"


@pytest.mark.parametrize("raw", [b"GARBAGE\r\n\r\n", b"GET /v1/models HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000
                                 + b"\r\n\r\n", b"POST /v1/messages HTTP/1.1\r\nContent-Length: zz\r\n\r\n"])
def test_what_the_http_parser_refuses_is_answered_in_the_api_shape(gateway, raw):
    status, body = exchange(gateway, raw)
    assert 400 <= status < 500 and body["error"]["code"] == "bad_http_request"


def test_a_post_the_provider_may_have_received_is_not_sent_again(gateway):
    """A reset after the request body: one delivery per client request, though the SDK retries a 502."""
    gateway.gpt.fault = "reset_after_body"
    sdk = openai.OpenAI(base_url=gateway.url + "/v1", api_key=KEY, max_retries=2)
    for _ in range(2):
        with pytest.raises(openai.APIStatusError) as raised:
            sdk.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])
        assert raised.value.status_code == 502
    assert len(gateway.gpt.requests) == 2


def test_a_reset_mid_body_is_a_502(gateway):
    gateway.gpt.fault = "reset_mid_body"
    sdk = openai.OpenAI(base_url=gateway.url + "/v1", api_key=KEY, max_retries=0)
    with pytest.raises(openai.APIStatusError) as raised:
        sdk.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])
    assert raised.value.status_code == 502 and raised.value.body["code"] == "upstream_failed"


def test_an_anthropic_200_with_an_error_body_is_an_api_error(gateway):
    gateway.claude.reply = {"type": "error", "error": {"type": "overloaded_error", "message": "busy"}}
    claude = anthropic.Anthropic(base_url=gateway.url, api_key=KEY, max_retries=0)
    with pytest.raises(anthropic.APIStatusError) as raised:
        claude.messages.create(model="claude-x", max_tokens=5, messages=[{"role": "user", "content": "Hi"}])
    assert raised.value.status_code == 502


def test_an_anthropic_stream_answered_with_json_is_an_api_error(gateway):
    gateway.claude.reply = {"id": "m", "type": "message", "role": "assistant", "content": []}
    claude = anthropic.Anthropic(base_url=gateway.url, api_key=KEY, max_retries=0)
    with pytest.raises(anthropic.APIStatusError) as raised:
        with claude.messages.stream(model="claude-x", max_tokens=5,
                                    messages=[{"role": "user", "content": "Hi"}]) as stream:
            list(stream)
    assert raised.value.status_code == 502


def test_an_anthropic_stream_of_garbage_events_is_an_api_error(gateway):
    gateway.claude.events = ["<html>proxy error</html>"]
    claude = anthropic.Anthropic(base_url=gateway.url, api_key=KEY, max_retries=0)
    with pytest.raises(anthropic.APIError):
        with claude.messages.stream(model="claude-x", max_tokens=5,
                                    messages=[{"role": "user", "content": "Hi"}]) as stream:
            list(stream)


def test_a_provider_event_with_an_odd_type_is_relayed_not_a_crash(gateway):
    start = {"type": "message_start", "message": {"id": "m", "type": "message", "role": "assistant", "model": "x",
                                                  "content": [], "usage": {"input_tokens": 1, "output_tokens": 1}}}
    gateway.claude.events = [start, {"type": "content_block_delta", "index": 0, "delta": {"type": ["odd"]}},
                             {"type": "message_stop"}]
    body = {"model": "claude-x", "max_tokens": 5, "stream": True, "messages": [{"role": "user", "content": "Hi"}]}
    answer = httpx.post(gateway.url + "/v1/messages", json=body, headers={"x-api-key": KEY}, timeout=30)
    assert answer.status_code == 200
    assert "event: message_stop" in answer.text and "event: error" not in answer.text
