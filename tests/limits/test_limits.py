"""Limits, budgets and spend seen through the real SDKs (AUP I.B.d): a 429 in each API's shape with
Retry-After and the limit named, tokens settled from the provider's usage (streams too), spend in
/metrics and the audit trail; no limit unless configured."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import anthropic
import openai
import pytest
from limit_setup import anthropic_client, chat, fresh_minute, samples, served_until_refused
from serving import KEY, OTHER_KEY, base_config, sha, start_gateway

NAMED_KEY = "test-key-acme-ci"


def limited(mock_url: str, tmp_path: Path, limits: dict, **extra) -> dict:  # type: ignore[no-untyped-def]
    config = base_config(mock_url, limits=limits, audit={"path": str(tmp_path / "audit.jsonl")}, **extra)
    config["keys"].append({"sha256": sha(NAMED_KEY), "tenant": "acme", "user": "ci@acme.example", "name": "acme-ci"})
    return config


@pytest.fixture
def start(upstream, tmp_path: Path):  # type: ignore[no-untyped-def]
    servers = []

    def run(limits: dict, **extra):  # type: ignore[no-untyped-def]
        server = start_gateway(limited(upstream.url, tmp_path, limits, **extra), tmp_path)
        servers.append(server)
        return server
    yield run
    for server in servers:
        server.stop()


def audit(tmp_path: Path, served: int = 0) -> list[dict]:
    """The audit records, once at least `served` answered ones are written (a stream's record is written
    just after the client has read its end)."""
    deadline = time.monotonic() + 30
    while True:
        path = tmp_path / "audit.jsonl"
        records = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
        if sum(r["status"] == 200 for r in records) >= served or time.monotonic() > deadline:
            return records
        time.sleep(0.05)


def test_requests_per_minute_refused_with_429_in_both_sdks(start, upstream, tmp_path: Path) -> None:
    gateway = start({"keys": {"acme-ci": {"requests_per_minute": 2}}})
    fresh_minute()
    served, error = served_until_refused(lambda: chat(gateway.url, NAMED_KEY))
    assert served == 2
    assert error.status_code == 429 and error.code == "rate_limit_exceeded"
    headers = error.response.headers
    assert 1 <= int(headers["retry-after"]) <= 60
    assert headers["x-gateway-limit"] == "requests_per_minute" and headers["x-gateway-limit-scope"] == "key"
    assert "acme-ci" in error.message and "requests_per_minute" in error.message
    with pytest.raises(anthropic.RateLimitError) as refused:
        anthropic_client(gateway.url, NAMED_KEY).messages.create(
            model="claude-sonnet-4-6", max_tokens=50, messages=[{"role": "user", "content": "hi"}])
    assert refused.value.status_code == 429 and int(refused.value.response.headers["retry-after"]) >= 1
    assert refused.value.body["error"]["type"] == "rate_limit_error"
    assert refused.value.body["error"]["code"] == "rate_limit_exceeded"
    chat(gateway.url, KEY)   # another key of the same tenant is not limited: no limit unless configured
    assert len([r for r in upstream_requests(upstream) if r]) == 3
    assert samples(gateway.url, "magic_gateway_limit_refusals_total") == {
        'limit="requests_per_minute",scope="key",tenant="acme"': 2.0}
    records = audit(tmp_path)
    assert [r["status"] for r in records].count(429) == 2
    assert {r["limit"] for r in records if r["status"] == 429} == {"key:requests_per_minute"}


def upstream_requests(upstream) -> list[dict]:  # type: ignore[no-untyped-def]
    from serving import mock_requests

    return mock_requests(upstream)


def test_a_user_limit_never_shows_the_address(start) -> None:
    gateway = start({"users": {"jane@acme.example": {"requests_per_minute": 1}}})
    fresh_minute()
    served, error = served_until_refused(lambda: chat(gateway.url, KEY))
    assert served == 1 and error.response.headers["x-gateway-limit-scope"] == "user"
    shown = error.message + json.dumps(dict(error.response.headers))
    assert "jane" not in shown and "@" not in shown
    assert "jane" not in json.dumps(samples(gateway.url, "magic_gateway_limit_refusals_total"))
    chat(gateway.url, NAMED_KEY)   # another user of the same tenant


def test_token_budget_is_settled_from_the_usage(start) -> None:
    """The estimate takes max_tokens (40) up front; the mock answers with far fewer tokens, and the
    settlement gives the rest back: more requests fit in the budget than the estimates alone would let."""
    gateway = start({"tenants": {"globex": {"budgets": [{"period": "day", "tokens": 120}]}}})
    used: list[int] = []

    def ask() -> None:
        used.append(chat(gateway.url, OTHER_KEY, "hello there", max_tokens=40).usage.total_tokens)
    served, error = served_until_refused(ask)
    assert served >= 4            # 120 tokens hold two 45-token estimates, and many settled answers
    assert sum(used) <= 120
    assert error.code == "budget_exceeded" and error.response.headers["x-gateway-limit"] == "budget_tokens_day"
    assert error.response.headers["x-gateway-limit-scope"] == "tenant" and "globex" in error.message
    spent = samples(gateway.url, "magic_gateway_spend_tokens_total")
    assert sum(v for k, v in spent.items() if 'tenant="globex"' in k) == sum(used)


def test_a_streamed_answer_settles_its_usage(start, tmp_path: Path) -> None:
    """max_tokens=1 makes the estimate small (about 41 tokens); the mock's streamed echo uses about 80,
    and the stream's own usage figures are what the budget counts: a second request no longer fits in
    100 tokens, where two estimates alone would."""
    gateway = start({"users": {"bob@globex.example": {"budgets": [{"period": "day", "tokens": 100, "usd": 5}]}}})
    prompt = " ".join(["word"] * 40)
    client = anthropic_client(gateway.url, OTHER_KEY)
    with client.messages.stream(model="claude-sonnet-4-6", max_tokens=1,
                                messages=[{"role": "user", "content": prompt}]) as stream:
        final = stream.get_final_message()
    used = final.usage.input_tokens + final.usage.output_tokens
    assert 60 < used <= 100
    with pytest.raises(anthropic.RateLimitError) as refused:
        client.messages.create(model="claude-sonnet-4-6", max_tokens=1, messages=[{"role": "user", "content": prompt}])
    assert refused.value.response.headers["x-gateway-limit"] == "budget_tokens_day"
    record = next(r for r in audit(tmp_path, served=1) if r["status"] == 200)
    assert record["user"] == "bob@globex.example" and record["stream"] is True
    assert record["usage"]["input_tokens"] + record["usage"]["output_tokens"] == used
    assert record["spend"]["price"] == "claude-sonnet-4*"
    expected = (3.0 * final.usage.input_tokens + 15.0 * final.usage.output_tokens) / 1e6
    assert record["spend"]["usd"] == pytest.approx(expected, abs=1e-6)
    spend = samples(gateway.url, "magic_gateway_spend_usd_total")
    assert spend == {'key="' + sha(OTHER_KEY)[:12] + '",model="claude-sonnet-4*",tenant="globex"': pytest.approx(
        expected, abs=1e-6)}


def test_an_openai_stream_with_usage_and_a_responses_stream_settle(start) -> None:
    gateway = start({"keys": {"acme-ci": {"tokens_per_minute": 100_000}}})
    client = openai.OpenAI(base_url=gateway.url + "/v1", api_key=NAMED_KEY, max_retries=0)
    chunks = list(client.chat.completions.create(model="gpt-4o", stream=True, stream_options={"include_usage": True},
                                                 messages=[{"role": "user", "content": "one two three"}]))
    chat_usage = next(c.usage for c in chunks if c.usage is not None)
    with client.responses.stream(model="gpt-4o", input="four five six seven") as stream:
        responses_usage = stream.get_final_response().usage
    spent = samples(gateway.url, "magic_gateway_spend_tokens_total")
    key = 'direction="{}",key="acme-ci",model="gpt-4o*",tenant="acme"'
    assert spent[key.format("in")] == chat_usage.prompt_tokens + responses_usage.input_tokens
    assert spent[key.format("out")] == chat_usage.completion_tokens + responses_usage.output_tokens


def test_a_money_budget_refuses_a_model_without_a_price(start, tmp_path: Path) -> None:
    prices = tmp_path / "prices.yaml"
    prices.write_text("models:\n  - {match: 'claude-*', input_per_mtok: 3, output_per_mtok: 15}\n")
    gateway = start({"tenants": {"acme": {"budgets": [{"period": "month", "usd": 10}]}}, "prices": str(prices)})
    with pytest.raises(openai.PermissionDeniedError) as refused:
        chat(gateway.url, KEY)
    assert refused.value.code == "model_not_priced"
    anthropic_client(gateway.url, KEY).messages.create(model="claude-sonnet-4-6", max_tokens=20,
                                                       messages=[{"role": "user", "content": "hi"}])


def test_concurrent_requests_never_pass_a_limit(start) -> None:
    gateway = start({"keys": {"acme-ci": {"requests_per_minute": 5}}})
    fresh_minute()
    outcomes: list[str] = []

    def one() -> None:
        try:
            chat(gateway.url, NAMED_KEY)
            outcomes.append("served")
        except openai.RateLimitError:
            outcomes.append("refused")
    threads = [threading.Thread(target=one) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert outcomes.count("served") == 5 and outcomes.count("refused") == 7


def test_a_translated_stream_settles_with_the_deployment_usage(upstream, tmp_path: Path) -> None:
    """An OpenAI chat stream (no include_usage) routed to an Anthropic deployment: the Anthropic stream's
    usage is what is counted and priced, at the deployment's model's price."""
    config = limited(upstream.url, tmp_path, {"keys": {"acme-ci": {"tokens_per_minute": 100_000}}})
    config["models"].insert(0, {"match": "gpt-via-claude", "provider": "anthropic",
                                "upstream_model": "claude-sonnet-4-6"})
    gateway = start_gateway(config, tmp_path)
    try:
        client = openai.OpenAI(base_url=gateway.url + "/v1", api_key=NAMED_KEY, max_retries=0)
        text = "".join(c.choices[0].delta.content or "" for c in client.chat.completions.create(
            model="gpt-via-claude", stream=True, messages=[{"role": "user", "content": "alpha beta gamma delta"}])
            if c.choices)
        assert "alpha" in text
        record = next(r for r in audit(tmp_path, served=1) if r["status"] == 200)
        assert record["translated"] and record["usage"]["estimated"] is False
        assert record["usage"]["input_tokens"] > 0 and record["usage"]["output_tokens"] > 0
        assert record["spend"]["price"] == "claude-sonnet-4*"
        spent = samples(gateway.url, "magic_gateway_spend_tokens_total")
        assert spent['direction="out",key="acme-ci",model="claude-sonnet-4*",tenant="acme"'] == \
            record["usage"]["output_tokens"]
    finally:
        gateway.stop()


def test_an_openai_chat_stream_without_include_usage_settles_from_the_provider_usage(start, upstream,
                                                                                      tmp_path: Path) -> None:
    """The gateway asks the provider for the usage chunk the client did not ask for, counts it, and hides
    it: the client sees the stream as it asked for it (no usage chunk, no `usage` field), the budget and
    the audit record have the provider's figures, not the estimate."""
    from serving import mock_requests

    gateway = start({"keys": {"acme-ci": {"budgets": [{"period": "day", "tokens": 100_000}]}}})
    client = openai.OpenAI(base_url=gateway.url + "/v1", api_key=NAMED_KEY, max_retries=0)
    messages = [{"role": "user", "content": "one two three four five six"}]
    plain = list(client.chat.completions.create(model="gpt-4o", stream=True, messages=messages, max_tokens=5))
    assert "".join(c.choices[0].delta.content or "" for c in plain if c.choices) == messages[0]["content"]
    assert all(c.choices and c.usage is None and "usage" not in c.model_dump(exclude_unset=True) for c in plain)
    sent = json.loads(mock_requests(upstream)[-1]["body"])
    assert sent["stream_options"] == {"include_usage": True}
    asked = list(client.chat.completions.create(model="gpt-4o", stream=True, messages=messages, max_tokens=5,
                                                stream_options={"include_usage": True}))
    usage = asked[-1].usage   # the client that asks gets the chunk, as before
    assert usage is not None and asked[-1].choices == [] and usage.completion_tokens > 5   # the estimate took 5
    records = [r for r in audit(tmp_path, served=2) if r["status"] == 200]
    assert len(records) == 2
    for record in records:
        assert record["usage"]["estimated"] is False
        assert (record["usage"]["input_tokens"], record["usage"]["output_tokens"]) == \
            (usage.prompt_tokens, usage.completion_tokens)
    spent = samples(gateway.url, "magic_gateway_spend_tokens_total")
    assert spent['direction="out",key="acme-ci",model="gpt-4o*",tenant="acme"'] == 2 * usage.completion_tokens


def test_a_provider_that_refuses_stream_options_is_not_sent_them(upstream, tmp_path: Path) -> None:
    """`stream_usage: false` on a provider (an OpenAI-compatible server that refuses the field): the
    gateway adds no `stream_options`, the stream is served as asked, and the audit record says its usage
    is the up-front estimate."""
    from serving import mock_requests

    config = limited(upstream.url, tmp_path, {"keys": {"acme-ci": {"budgets": [{"period": "day", "tokens": 100_000}]}}})
    config["providers"][0]["stream_usage"] = False
    gateway = start_gateway(config, tmp_path)
    try:
        client = openai.OpenAI(base_url=gateway.url + "/v1", api_key=NAMED_KEY, max_retries=0)
        messages = [{"role": "user", "content": "one two three four five six"}]
        chunks = list(client.chat.completions.create(model="gpt-4o", stream=True, messages=messages, max_tokens=5))
        assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == messages[0]["content"]
        assert "stream_options" not in json.loads(mock_requests(upstream)[-1]["body"])
        [record] = [r for r in audit(tmp_path, served=1) if r["status"] == 200]
        assert record["usage"]["estimated"] is True
    finally:
        gateway.stop()
