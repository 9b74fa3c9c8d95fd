"""Injected failures, from settings or per request headers: error statuses in each provider's shape,
retry-after, latency, streams cut short; and the 400s for bodies the mock cannot read."""

from __future__ import annotations

import anthropic
import httpx
import openai
import pytest
from running_mock import OPENAI_KEY
from serving import wait_for

HI = [{"role": "user", "content": "hello there"}]


def fail(status: int, times: int | None = None, scenario: str = "s", **more: object) -> dict[str, str]:
    headers = {"x-mock-fail-status": str(status), "x-mock-scenario": scenario}
    if times is not None:
        headers["x-mock-fail-times"] = str(times)
    headers.update({f"x-mock-{k.replace('_', '-')}": str(v) for k, v in more.items()})
    return headers


def test_first_n_requests_of_a_scenario_fail(provider):
    client = provider.openai()
    for _ in range(2):
        with pytest.raises(openai.InternalServerError) as caught:
            client.chat.completions.create(model="gpt-4o", messages=HI, extra_headers=fail(503, 2, "a"))
        assert caught.value.status_code == 503
        assert caught.value.body["type"] == "server_error" and caught.value.body["message"]
    reply = client.chat.completions.create(model="gpt-4o", messages=HI, extra_headers=fail(503, 2, "a"))
    assert reply.choices[0].message.content == "hello there"
    # Another scenario counts from the start.
    with pytest.raises(openai.InternalServerError):
        client.chat.completions.create(model="gpt-4o", messages=HI, extra_headers=fail(503, 2, "b"))


def test_rate_limit_with_retry_after(provider):
    with pytest.raises(openai.RateLimitError) as caught:
        provider.openai().chat.completions.create(model="gpt-4o", messages=HI,
                                                  extra_headers=fail(429, 1, retry_after=2))
    assert caught.value.response.headers["retry-after"] == "2"
    assert caught.value.body["code"] == "rate_limit_exceeded"
    assert set(caught.value.body) == {"message", "type", "param", "code"}


def test_sdk_retries_succeed_after_the_injected_failures(provider):
    client = provider.openai().with_options(max_retries=2)
    reply = client.chat.completions.create(model="gpt-4o", messages=HI, extra_headers=fail(500, 2, retry_after=0))
    assert reply.choices[0].message.content == "hello there"
    assert [r.status for r in provider.recorded] == [500, 500, 200]


def test_failures_from_settings_in_anthropic_shape(start_provider):
    mock = start_provider(fail_status=529, fail_times=1, retry_after=0.5)
    client = mock.anthropic()
    with pytest.raises(anthropic.OverloadedError) as caught:
        client.messages.create(model="claude-sonnet-4-6", max_tokens=16, messages=HI)
    assert caught.value.body["type"] == "error" and caught.value.body["error"]["type"] == "overloaded_error"
    assert caught.value.response.headers["retry-after"] == "0.5"
    message = client.messages.create(model="claude-sonnet-4-6", max_tokens=16, messages=HI)
    assert message.content[0].text == "hello there"


def test_fail_status_without_times_fails_every_request(start_provider):
    mock = start_provider(fail_status=400)
    for _ in range(3):
        with pytest.raises(anthropic.BadRequestError):
            mock.anthropic().messages.create(model="claude-sonnet-4-6", max_tokens=16, messages=HI)


def test_latency_before_the_first_byte(provider):
    client = provider.openai(timeout=0.5)
    with pytest.raises(openai.APITimeoutError):
        client.chat.completions.create(model="gpt-4o", messages=HI, extra_headers={"x-mock-latency-ms": "3000"})
    assert client.chat.completions.create(model="gpt-4o", messages=HI).choices[0].message.content == "hello there"


def test_event_delay_paces_the_stream(provider):
    stream = provider.openai(timeout=0.5).chat.completions.create(
        model="gpt-4o", messages=HI, stream=True, extra_headers={"x-mock-event-delay-ms": "3000"})
    received = []
    with pytest.raises(openai.APITimeoutError):
        for chunk in stream:
            received.append(chunk)
    assert len(received) == 1   # the first event is not delayed


def test_cut_openai_stream_is_an_error_after_the_first_events(start_provider):
    mock = start_provider(cut_after_events=3)
    stream = mock.openai().chat.completions.create(model="gpt-4o", messages=HI, stream=True)
    received = []
    with pytest.raises(openai.APIConnectionError):
        for chunk in stream:
            received.append(chunk)
    assert [c.choices[0].delta.content for c in received] == ["", "hel", "lo "]
    assert mock.recorded[-1].stream_outcome == "cut"


def test_cut_responses_stream_has_no_completed_event(provider):
    events = []
    with pytest.raises(openai.APIConnectionError):
        with provider.openai().responses.stream(model="gpt-4o", input="hello there",
                                                extra_headers={"x-mock-cut-after-events": "5"}) as stream:
            for event in stream:
                events.append(event.type)
    assert len(events) == 5 and "response.completed" not in events


def test_cut_anthropic_stream_is_an_error(provider):
    events = []
    with pytest.raises(Exception) as caught:
        with provider.anthropic().messages.stream(model="claude-sonnet-4-6", max_tokens=64, messages=HI,
                                                  extra_headers={"x-mock-cut-after-events": "4"}) as stream:
            for event in stream:
                events.append(event.type)
    # The SDK surfaces the transport's error as it is: an incomplete body.
    assert type(caught.value).__name__ in ("RemoteProtocolError", "APIConnectionError")
    assert "message_stop" not in events and "message_start" in events


def test_cut_after_more_events_than_the_stream_has_completes(provider):
    chunks = list(provider.openai().chat.completions.create(
        model="gpt-4o", messages=HI, stream=True, extra_headers={"x-mock-cut-after-events": "1000"}))
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == "hello there"
    # the SDK stops at `data: [DONE]`, which can reach it before the mock's handler runs again to note the outcome
    wait_for(lambda: provider.recorded[-1].stream_outcome is not None, seconds=10)
    assert provider.recorded[-1].stream_outcome == "completed"


def test_bad_override_header_is_a_400_naming_it(provider):
    with pytest.raises(openai.BadRequestError) as caught:
        provider.openai().chat.completions.create(model="gpt-4o", messages=HI,
                                                  extra_headers={"x-mock-fail-status": "often"})
    assert "x-mock-fail-status" in caught.value.message


def test_malformed_json_and_missing_model_are_400s_in_openai_shape(provider):
    headers = {"Authorization": f"Bearer {OPENAI_KEY}", "content-type": "application/json"}
    broken = httpx.post(provider.url + "/v1/chat/completions", headers=headers, content=b'{"model": ')
    assert broken.status_code == 400
    assert set(broken.json()["error"]) == {"message", "type", "param", "code"}
    with pytest.raises(openai.BadRequestError) as caught:
        provider.openai().embeddings.create(model="", input="x")
    assert caught.value.body["param"] == "model"


def test_unknown_path_is_a_404_in_the_provider_shape(provider):
    response = httpx.post(provider.url + "/v1/assistants", headers={"Authorization": f"Bearer {OPENAI_KEY}"},
                          json={"model": "gpt-4o"})
    assert response.status_code == 404 and response.json()["error"]["type"] == "invalid_request_error"
