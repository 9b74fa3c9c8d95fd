"""Routes over several deployments: fallbacks before the first byte (across wire formats), weights,
timeouts only where the route allows it, and a cool-down that is visible and ends."""

from __future__ import annotations

import json
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator

import openai
import pytest
from serving import KEY, mock_requests
from translation_setup import Rig, start_rig

REQUESTS = 400


@pytest.fixture(scope="module")
def rig(mock, tmp_path_factory) -> Iterator[Rig]:
    started = start_rig(mock.url, tmp_path_factory.mktemp("routes"))
    yield started
    for server in started.servers:
        server.stop()


@pytest.fixture
def fresh(rig: Rig) -> Rig:
    rig.reset()
    return rig


@pytest.fixture
def oai(rig: Rig) -> openai.OpenAI:
    return openai.OpenAI(base_url=rig.gateway.url + "/v1", api_key=KEY, max_retries=0)


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def _cooled_gauge(rig: Rig, route: str, deployment: str) -> float | None:
    for line in _get(rig.gateway.url + "/metrics").splitlines():
        if line.startswith("magic_gateway_deployment_cooled_down{") and f'route="{route}"' in line \
                and f'deployment="{deployment}"' in line:
            return float(line.rsplit(" ", 1)[1])
    return None


def _last_record(audit) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(audit.read_text().splitlines()[-1])


@pytest.mark.parametrize("status", [503, 429, 500])
def test_a_failing_deployment_is_relayed_and_the_sdks_retry_goes_to_a_healthy_one(fresh: Rig, status: int) -> None:
    """The provider received it and said no: relayed, not sent to a second provider behind the SDK's back;
    the SDK's own retry goes to the other deployment (of the other format), since the failing one is demoted."""
    fresh.broken.fail_status = status
    sdk = openai.OpenAI(base_url=fresh.gateway.url + "/v1", api_key=KEY, max_retries=1)
    raw = sdk.chat.completions.with_raw_response.create(
        model="resilient", messages=[{"role": "user", "content": "still there?"}])
    assert raw.parse().choices[0].message.content == "still there?" and raw.retries_taken == 1
    assert len(fresh.broken.requests) == 1                      # tried once, never twice
    sent = fresh.claude.requests[-1]
    assert sent["path"] == "/v1/messages" and sent["json"]["model"] == "claude-ok"
    record = _last_record(fresh.audit)
    assert record["fallbacks"] == [] and record["translated"] == "openai.chat->anthropic.messages"


def test_one_sdk_call_hits_the_providers_as_often_as_the_sdk_tries_whatever_the_deployments(fresh: Rig) -> None:
    fresh.broken.fail_status = 503
    fresh.claude.fail_status = 529
    sdk = openai.OpenAI(base_url=fresh.gateway.url + "/v1", api_key=KEY, max_retries=2)
    with pytest.raises(openai.InternalServerError) as failed:
        sdk.chat.completions.create(model="resilient", messages=[{"role": "user", "content": "anyone?"}])
    assert failed.value.status_code in (503, 529)        # a provider's own status, relayed
    hits = (len(fresh.broken.requests), len(fresh.claude.requests))
    assert sum(hits) == 3 and min(hits) >= 1             # 1 + 2 retries over both, not 3 x 2


def test_a_connection_that_was_never_made_moves_to_the_next_deployment(fresh: Rig, oai: openai.OpenAI) -> None:
    reply = oai.chat.completions.create(model="unreachable-first", messages=[{"role": "user", "content": "knock"}])
    assert reply.choices[0].message.content == "knock"
    assert _last_record(fresh.audit)["fallbacks"] == ["nowhere:gone"]


@pytest.mark.parametrize("status", [503, 429, 500])
def test_with_on_status_retry_the_gateway_falls_back_itself(fresh: Rig, status: int) -> None:
    fresh.broken.fail_status = status
    sdk = openai.OpenAI(base_url=fresh.retrying.url + "/v1", api_key=KEY, max_retries=0)
    reply = sdk.chat.completions.create(model="resilient", messages=[{"role": "user", "content": "still there?"}])
    assert reply.choices[0].message.content == "still there?"
    assert len(fresh.broken.requests) == 1 and len(fresh.claude.requests) == 1
    record = _last_record(fresh.retrying_audit)
    assert record["fallbacks"] == ["broken-standin:gpt-broken"]
    assert record["translated"] == "openai.chat->anthropic.messages"


def test_a_streamed_request_falls_back_before_the_first_byte(fresh: Rig) -> None:
    fresh.broken.fail_status = 502
    for gateway, retries in ((fresh.gateway, 1), (fresh.retrying, 0)):   # the SDK's retry, or the gateway's
        sdk = openai.OpenAI(base_url=gateway.url + "/v1", api_key=KEY, max_retries=retries)
        chunks = sdk.chat.completions.create(model="resilient", stream=True,
                                             messages=[{"role": "user", "content": "stream after failover"}])
        assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "stream after failover"
    assert len(fresh.broken.requests) == 2 and len(fresh.claude.requests) == 2


def test_when_every_deployment_fails_the_client_gets_the_last_error(fresh: Rig) -> None:
    fresh.broken.fail_status = 503
    fresh.claude.fail_status = 529
    sdk = openai.OpenAI(base_url=fresh.retrying.url + "/v1", api_key=KEY, max_retries=0)
    with pytest.raises(openai.InternalServerError) as failed:
        sdk.chat.completions.create(model="resilient", messages=[{"role": "user", "content": "anyone?"}])
    assert failed.value.status_code == 529   # the last provider's own status
    assert (len(fresh.broken.requests), len(fresh.claude.requests)) == (1, 1)


def test_a_timeout_falls_back_only_where_the_route_says_so(fresh: Rig, oai: openai.OpenAI) -> None:
    fresh.slow.delay_s = 3.0    # the gateway's deadline in this rig is 1.5 s
    with pytest.raises(openai.APIStatusError) as timed_out:
        oai.chat.completions.create(model="slow-strict", messages=[{"role": "user", "content": "wait"}])
    assert timed_out.value.status_code == 504
    assert fresh.gpt.requests == []      # the slow provider may still be working on it: not sent twice
    reply = oai.chat.completions.create(model="slow-lenient", messages=[{"role": "user", "content": "hurry"}])
    assert reply.choices[0].message.content == "hurry"
    assert fresh.gpt.requests[-1]["json"]["model"] == "quick"


def test_weights_are_honoured_over_hundreds_of_requests(rig: Rig, upstream, oai: openai.OpenAI) -> None:
    for _ in range(REQUESTS):
        oai.chat.completions.create(model="weighted", messages=[{"role": "user", "content": "w"}])
    models = Counter(r["json"]["model"] for r in mock_requests(upstream))
    assert sum(models.values()) == REQUESTS
    # weights 3:1 -> 300 expected on "heavy"; five standard deviations (sqrt(400 * 3/4 * 1/4) = 8.7) either side
    assert 257 <= models["heavy"] <= 343, models


def test_a_deployment_that_keeps_failing_is_cooled_down_and_recovers(fresh: Rig) -> None:
    fresh.flaky.fail_status = 503
    # No SDK retries: a retry's back-off (about half a second) would eat the 1 s cool-down the checks below run in.
    sdk = openai.OpenAI(base_url=fresh.gateway.url + "/v1", api_key=KEY, max_retries=0)
    for attempt in range(2):   # routing.cooldown_after_failures in this rig
        if attempt:
            time.sleep(1.1)    # the failing deployment was demoted for routing.cooldown_s (1 s in this rig)
        with pytest.raises(openai.APIStatusError) as relayed:
            sdk.chat.completions.create(model="cooling", messages=[{"role": "user", "content": "x"}])
        assert relayed.value.status_code == 503    # the failure is relayed (retries.on_status: relay)
    assert len(fresh.flaky.requests) == 2
    assert _cooled_gauge(fresh, "cooling", "flaky-standin:flaky") == 1.0
    ready = json.loads(_get(fresh.gateway.url + "/readyz"))
    assert {"route": "cooling", "deployment": "flaky-standin:flaky"} in [
        {k: v for k, v in c.items() if k != "seconds_left"} for c in ready["cooled_down_deployments"]]
    for _ in range(5):
        sdk.chat.completions.create(model="cooling", messages=[{"role": "user", "content": "y"}])
    assert len(fresh.flaky.requests) == 2                   # left alone while cooled down

    fresh.flaky.fail_status = None
    time.sleep(1.2)                                         # routing.cooldown_s in this rig is 1 s
    for _ in range(10):                                     # weight 1000:1, so nearly always the first one
        sdk.chat.completions.create(model="cooling", messages=[{"role": "user", "content": "z"}])
        if len(fresh.flaky.requests) > 2:
            break
    assert len(fresh.flaky.requests) == 3
    assert _cooled_gauge(fresh, "cooling", "flaky-standin:flaky") == 0.0
    assert json.loads(_get(fresh.gateway.url + "/readyz"))["cooled_down_deployments"] == []


def test_after_the_first_streamed_byte_nothing_falls_back(fresh: Rig, oai: openai.OpenAI) -> None:
    fresh.broken.cut_after = 3      # answers 200, streams three chunks, then the connection drops
    stream = oai.chat.completions.create(model="resilient", stream=True,
                                         messages=[{"role": "user", "content": "a long answer, please"}])
    received = ""
    with pytest.raises(openai.APIError) as cut:
        for chunk in stream:
            received += chunk.choices[0].delta.content or "" if chunk.choices else ""
    assert "ended early" in cut.value.message
    assert received and "a long answer, please".startswith(received)
    assert len(fresh.broken.requests) == 1 and fresh.claude.requests == []   # not sent again anywhere


def test_a_translated_stream_cut_short_ends_with_an_error_in_the_callers_shape(fresh: Rig,
                                                                              oai: openai.OpenAI) -> None:
    fresh.claude.cut_after = 5
    stream = oai.chat.completions.create(model="claude-standin", stream=True,
                                         messages=[{"role": "user", "content": "cut me off halfway through"}])
    with pytest.raises(openai.APIError) as cut:
        for _ in stream:
            pass
    assert "ended early" in cut.value.message
