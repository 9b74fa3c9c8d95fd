"""Upstream failures: retried before the first byte, a clean end of stream after it, 502 and 504."""

from __future__ import annotations

import time
import urllib.request

import anthropic
import openai
import pytest
from serving import KEY, base_config, free_port, mock_requests, start_gateway

HI = [{"role": "user", "content": "hello there"}]


def scenario(**headers: object) -> dict[str, str]:
    return {"x-mock-scenario": f"s{time.monotonic_ns()}", **{f"x-mock-{k.replace('_', '-')}": str(v)
                                                          for k, v in headers.items()}}


def test_503_then_success_is_retried(openai_client, upstream):
    reply = openai_client.chat.completions.create(model="gpt-4o", messages=HI,
                                                  extra_headers=scenario(fail_status=503, fail_times=2))
    assert reply.choices[0].message.content == "hello there"
    assert len(mock_requests(upstream)) == 3


def test_429_honours_retry_after(openai_client, upstream):
    started = time.monotonic()
    reply = openai_client.chat.completions.create(
        model="gpt-4o", messages=HI, extra_headers=scenario(fail_status=429, fail_times=1, retry_after=1))
    assert reply.choices[0].message.content == "hello there"
    assert time.monotonic() - started >= 0.9  # the gateway waited as the provider asked
    assert len(mock_requests(upstream)) == 2


def test_persistent_5xx_is_502(openai_client, upstream):
    with pytest.raises(openai.InternalServerError) as caught:
        openai_client.chat.completions.create(model="gpt-4o", messages=HI,
                                              extra_headers=scenario(fail_status=500, fail_times=10))
    assert caught.value.status_code == 502
    assert len(mock_requests(upstream)) == 3   # the configured attempts


def test_provider_4xx_is_relayed(anthropic_client, upstream):
    with pytest.raises(anthropic.BadRequestError):
        anthropic_client.messages.create(model="claude-sonnet-4-6", max_tokens=5, messages=HI,
                                         extra_headers=scenario(fail_status=400, fail_times=1))
    assert len(mock_requests(upstream)) == 1


def test_stream_cut_after_first_byte_ends_with_an_error_event(openai_client, anthropic_client, upstream):
    stream = openai_client.chat.completions.create(model="gpt-4o", messages=HI, stream=True,
                                                   extra_headers=scenario(cut_after_events=3))
    received = []
    with pytest.raises(openai.APIError):
        for chunk in stream:
            received.append(chunk)
    assert received  # events before the cut were relayed
    assert len(mock_requests(upstream)) == 1  # no retry after the first byte
    with pytest.raises(anthropic.APIStatusError):
        with anthropic_client.messages.stream(model="claude-sonnet-4-6", max_tokens=64, messages=HI,
                                              extra_headers=scenario(cut_after_events=4)) as stream:
            for _ in stream:
                pass


def test_unreachable_provider_is_502(tmp_path):
    config = base_config("http://127.0.0.1:%d" % free_port(), retries={"attempts": 2, "backoff_s": 0.01})
    server = start_gateway(config, tmp_path)
    try:
        client = openai.OpenAI(base_url=server.url + "/v1", api_key=KEY, max_retries=0)
        with pytest.raises(openai.APIStatusError) as caught:
            client.chat.completions.create(model="gpt-4o", messages=HI)
        assert caught.value.status_code == 502
        assert caught.value.body["code"] == "upstream_unreachable"
    finally:
        server.stop()


def test_deadline_gives_504(mock, tmp_path):
    config = base_config(mock.url, timeouts={"connect_s": 1, "total_s": 1, "read_s": 5, "analysis_s": 20})
    server = start_gateway(config, tmp_path)
    try:
        client = anthropic.Anthropic(base_url=server.url, api_key=KEY, max_retries=0)
        with pytest.raises(anthropic.APIStatusError) as caught:
            client.messages.create(model="claude-sonnet-4-6", max_tokens=5, messages=HI,
                                   extra_headers=scenario(latency_ms=3000))
        assert caught.value.status_code == 504
        assert caught.value.body["error"]["type"] == "timeout_error"
    finally:
        server.stop()


def test_client_going_away_cancels_the_upstream_stream(gateway, upstream):
    import http.client
    import json

    body = json.dumps({"model": "gpt-4o", "stream": True,
                       "messages": [{"role": "user", "content": "word " * 400}]})
    connection = http.client.HTTPConnection("127.0.0.1", gateway.port, timeout=10)
    connection.request("POST", "/v1/chat/completions", body=body,
                       headers={"Authorization": f"Bearer {KEY}", "Content-Type": "application/json",
                                "x-mock-event-delay-ms": "50", **scenario()})
    response = connection.getresponse()
    assert response.status == 200
    response.read1(200)
    connection.close()   # the client goes away mid-stream
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        log = mock_requests(upstream)
        if log and log[-1].get("stream_outcome") == "cancelled":
            break
        time.sleep(0.1)
    assert mock_requests(upstream)[-1].get("stream_outcome") == "cancelled"
    with urllib.request.urlopen(gateway.url + "/metrics") as metrics:
        assert 'status="499"' in metrics.read().decode()
