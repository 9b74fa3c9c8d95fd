"""The request log: every request as received (headers, raw body, parsed JSON), newest last, bounded,
served at /_mock/requests and read from the app; and the mock started in-process with start_mock."""

from __future__ import annotations

import base64
import time

import httpx
import openai
from running_mock import ANTHROPIC_KEY, OPENAI_KEY

from gateway.mock import MOCK_RECORDER, MockSettings, start_mock

HI = [{"role": "user", "content": "hello there"}]


def test_log_holds_each_request_newest_last(provider):
    provider.openai().chat.completions.create(model="gpt-4o", messages=HI)
    provider.anthropic().messages.create(model="claude-sonnet-4-6", max_tokens=8, messages=HI)
    first, second = provider.log()
    assert (first["method"], first["path"], second["path"]) == ("POST", "/v1/chat/completions", "/v1/messages")
    assert first["json"] == {"model": "gpt-4o", "messages": HI}
    assert first["status"] == 200 and first["stream"] is False and first["seq"] < second["seq"]
    # Any key is accepted, and recorded, so a test can see which key was forwarded.
    assert {k.lower(): v for k, v in first["headers"].items()}["authorization"] == f"Bearer {OPENAI_KEY}"
    # This Anthropic SDK sends its key as a bearer token; x-api-key is accepted the same (next test).
    assert {k.lower(): v for k, v in second["headers"].items()}["authorization"] == f"Bearer {ANTHROPIC_KEY}"


def test_x_api_key_is_accepted_and_recorded(provider):
    response = httpx.post(provider.url + "/v1/messages", headers={"x-api-key": "sk-ant-other"},
                          json={"model": "claude-sonnet-4-6", "max_tokens": 8, "messages": HI})
    assert response.status_code == 200 and response.json()["content"][0]["text"] == "hello there"
    assert provider.recorded[-1].header("X-API-Key") == "sk-ant-other"


def test_raw_body_is_kept_byte_for_byte(provider):
    raw = '{"model":"gpt-4o",   "messages":[{"role":"user","content":"caf\\u00e9 \u00fcber"}]}'.encode()
    httpx.post(provider.url + "/v1/chat/completions", content=raw, headers={"content-type": "application/json"})
    entry = provider.log()[-1]
    assert base64.b64decode(entry["body_base64"]) == raw
    assert entry["json"]["messages"][0]["content"] == "café über"
    assert provider.recorded[-1].body == raw
    assert provider.recorded[-1].header("Content-Type") == "application/json"


def test_requests_without_any_key_are_served(provider):
    response = httpx.post(provider.url + "/v1/chat/completions", json={"model": "gpt-4o", "messages": HI})
    assert response.status_code == 200 and provider.recorded[-1].header("authorization") is None


def test_failed_and_unparseable_requests_are_logged_too(provider):
    httpx.post(provider.url + "/v1/chat/completions", content=b"not json")
    httpx.post(provider.url + "/v1/chat/completions", json={"model": "gpt-4o", "messages": HI},
               headers={"x-mock-fail-status": "502"})
    broken, failed = provider.log()
    assert broken["status"] == 400 and broken["json"] is None and broken["body"] == "not json"
    assert failed["status"] == 502 and failed["json"]["model"] == "gpt-4o"


def test_delete_clears_the_log(provider):
    provider.openai().chat.completions.create(model="gpt-4o", messages=HI)
    response = httpx.delete(provider.url + "/_mock/requests")
    assert response.json() == {"cleared": 1}
    assert provider.log() == []


def test_log_keeps_the_newest_up_to_its_limit(start_provider):
    mock = start_provider(record_limit=3)
    client = mock.openai()
    for n in range(5):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"turn {n}"}])
    assert [e["json"]["messages"][0]["content"] for e in mock.log()] == ["turn 2", "turn 3", "turn 4"]


def test_stream_outcomes_are_logged(provider):
    list(provider.openai().chat.completions.create(model="gpt-4o", messages=HI, stream=True))
    assert provider.recorded[-1].stream and provider.recorded[-1].stream_outcome == "completed"


def test_client_going_away_is_logged_as_cancelled(provider):
    body = {"model": "gpt-4o", "stream": True, "messages": [{"role": "user", "content": "word " * 200}]}
    with httpx.stream("POST", provider.url + "/v1/chat/completions", json=body,
                      headers={"x-mock-event-delay-ms": "50"}) as response:
        next(response.iter_bytes())
    deadline = time.monotonic() + 10
    while provider.recorded[-1].stream_outcome is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert provider.recorded[-1].stream_outcome == "cancelled"


async def test_start_mock_in_process():
    runner, port = await start_mock(MockSettings(chunk_chars=4), port=0)
    try:
        assert port > 0
        client = openai.AsyncOpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key="anything", max_retries=0)
        stream = await client.chat.completions.create(model="gpt-4o", messages=HI, stream=True)
        pieces = [c.choices[0].delta.content async for c in stream if c.choices and c.choices[0].delta.content]
        assert pieces == ["hell", "o th", "ere"]
        assert runner.app[MOCK_RECORDER].last().json["messages"] == HI
    finally:
        await runner.cleanup()
