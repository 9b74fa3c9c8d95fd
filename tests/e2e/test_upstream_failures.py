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


def test_503_is_relayed_not_retried(openai_client, upstream):
    with pytest.raises(openai.InternalServerError) as caught:
        openai_client.chat.completions.create(model="gpt-4o", messages=HI,
                                              extra_headers=scenario(fail_status=503, fail_times=2))
    assert caught.value.status_code == 503
    assert caught.value.response.headers["x-request-id"].startswith("req_")   # the provider's id
    assert caught.value.response.headers["x-gateway-request-id"]
    assert len(mock_requests(upstream)) == 1


def test_429_reaches_the_sdk_with_retry_after_and_only_the_sdk_retries(gateway, upstream):
    client = openai.OpenAI(base_url=gateway.url + "/v1", api_key=KEY, max_retries=1)
    raw = client.chat.completions.with_raw_response.create(
        model="gpt-4o", messages=HI, extra_headers=scenario(fail_status=429, fail_times=1, retry_after=1))
    assert raw.parse().choices[0].message.content == "hello there"
    assert raw.retries_taken == 1
    assert len(mock_requests(upstream)) == 2   # one failure, one success: no retries of the gateway's own


def test_persistent_5xx_hits_the_provider_as_often_as_the_sdk_tries(gateway, upstream):
    client = openai.OpenAI(base_url=gateway.url + "/v1", api_key=KEY, max_retries=2)
    with pytest.raises(openai.InternalServerError) as caught:
        client.chat.completions.create(model="gpt-4o", messages=HI,
                                       extra_headers=scenario(fail_status=500, fail_times=10, retry_after=0))
    assert caught.value.status_code == 500
    assert len(mock_requests(upstream)) == 3   # the SDK's 1 + 2 retries, not 3 x 3


def test_529_reaches_the_anthropic_sdk_as_overloaded(gateway, upstream):
    client = anthropic.Anthropic(base_url=gateway.url, api_key=KEY, max_retries=2)
    with pytest.raises(anthropic.APIStatusError) as caught:
        client.messages.create(model="claude-sonnet-4-6", max_tokens=5, messages=HI,
                               extra_headers=scenario(fail_status=529, fail_times=10, retry_after=1))
    error = caught.value
    assert error.status_code == 529 and isinstance(error, anthropic.InternalServerError)
    assert error.body["error"]["type"] == "overloaded_error"
    assert error.response.headers["retry-after"] == "1"
    assert error.request_id and error.request_id.startswith("req_")   # the provider's request id
    assert len(mock_requests(upstream)) == 3   # the SDK's own tries, and no more


def test_provider_request_id_reaches_both_sdks(openai_client, anthropic_client, upstream):
    message = anthropic_client.messages.create(model="claude-sonnet-4-6", max_tokens=5, messages=HI)
    assert message._request_id and message._request_id.startswith("req_")
    reply = openai_client.chat.completions.create(model="gpt-4o", messages=HI)
    assert reply._request_id and reply._request_id.startswith("req_")


def test_on_status_retry_retries_in_the_gateway(upstream, tmp_path):
    config = base_config(upstream.url, retries={"attempts": 3, "backoff_s": 0.01, "backoff_max_s": 0.05,
                                                "on_status": "retry"})
    server = start_gateway(config, tmp_path)
    try:
        client = openai.OpenAI(base_url=server.url + "/v1", api_key=KEY, max_retries=0)
        reply = client.chat.completions.create(model="gpt-4o", messages=HI,
                                               extra_headers=scenario(fail_status=503, fail_times=2))
        assert reply.choices[0].message.content == "hello there"
        assert len(mock_requests(upstream)) == 3
    finally:
        server.stop()


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
