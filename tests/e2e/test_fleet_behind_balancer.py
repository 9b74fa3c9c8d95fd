"""Issue 15's "done when": three `magic-gateway serve` replicas behind a round-robin load balancer on
loopback (`tests/round_robin.py`), one real redis-server, the real `openai` SDK on a new connection a
request (so that the balancer spreads them over the replicas), and the fleet behaves as one gateway:

- a requests-per-minute limit and a token budget hold fleet-wide: the request past either is refused
  429 wherever it lands, and so is every later one;
- the console's Spend section, whichever replica answers, shows each user's requests, tokens and USD
  as the sum of what the SDK saw over the three;
- a SIGHUP to every replica changes the policy version everywhere;
- a SIGTERM to the replica serving a stream lets the stream finish while the balancer sends new
  requests to the other two, none of which fails.
"""

from __future__ import annotations

import contextlib
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import openai
import pytest
import redis
import yaml
from round_robin import RoundRobin
from serving import KEY, OTHER_KEY, base_config, free_port, sha, stop_processes, wait_for, wait_until_ready

ROOT = Path(__file__).resolve().parents[2]
CI_KEY = "test-key-acme-ci"
ADMIN_KEY = "test-fleet-console-admin-key"
RPM = 5
BUDGET_TOKENS = 60


@dataclass
class Replica:
    process: subprocess.Popen[bytes]
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class Fleet:
    replicas: list[Replica]
    balancer: RoundRobin
    config: dict
    path: Path


def fleet_config(mock_url: str, redis_url: str, audit: Path) -> dict:
    config = base_config(mock_url, analysis={"workers": 0}, state={"redis_url": redis_url},
                         audit={"path": str(audit) + "/"},
                         console={"enabled": True, "admin_key_sha256": sha(ADMIN_KEY)},
                         limits={"keys": {"acme-ci": {"requests_per_minute": RPM}},
                                 "tenants": {"globex": {"budgets": [{"period": "day", "tokens": BUDGET_TOKENS}]}}})
    config["keys"].append({"sha256": sha(CI_KEY), "tenant": "acme", "user": "ci@acme.example", "name": "acme-ci"})
    config["server"]["drain_s"] = 30
    return config


@contextlib.contextmanager
def replicas_of(config: dict, tmp_path: Path, count: int = 3) -> Iterator[tuple[list[Replica], Path]]:
    """`count` serve processes on one config file (as one ConfigMap), stopped with SIGTERM at the end."""
    path = tmp_path / "gateway.yaml"
    path.write_text(yaml.safe_dump(config))
    replicas: list[Replica] = []
    try:
        for index in range(count):
            port = free_port()
            with (tmp_path / f"replica-{index}.log").open("wb") as log:
                process = subprocess.Popen([sys.executable, "-m", "gateway.cli", "serve", "--config", str(path),
                                            "--port", str(port)], cwd=ROOT, stderr=log, stdout=subprocess.DEVNULL)
            replicas.append(Replica(process, port))
        for replica in replicas:
            wait_until_ready(replica.url)
        yield replicas, path
    finally:
        stop_processes(replica.process for replica in replicas)


@pytest.fixture
def fleet(mock, redis_server, tmp_path: Path) -> Iterator[Fleet]:
    redis.Redis.from_url(redis_server.url).flushdb()
    audit = tmp_path / "audit"
    audit.mkdir()
    config = fleet_config(mock.url, redis_server.url, audit)
    with replicas_of(config, tmp_path) as (replicas, path):
        balancer = RoundRobin([r.port for r in replicas])
        try:
            yield Fleet(replicas, balancer, config, path)
        finally:
            balancer.stop()


def client(url: str, key: str) -> openai.OpenAI:
    # no keep-alive: every request is a new connection, which the balancer gives to the next replica
    transport = httpx.Client(limits=httpx.Limits(max_keepalive_connections=0), timeout=30)
    return openai.OpenAI(base_url=url + "/v1", api_key=key, max_retries=0, http_client=transport)


def ask(url: str, key: str, text: str = "hello there", **extra):  # type: ignore[no-untyped-def]
    return client(url, key).chat.completions.with_raw_response.create(
        model="gpt-4o", messages=[{"role": "user", "content": text}], **extra)


def fresh_minute(least_s: float = 25.0) -> None:
    left = 60 - time.time() % 60
    if left < least_s:
        time.sleep(left + 0.2)


def spend(url: str) -> dict[str, dict]:
    request = urllib.request.Request(url + "/console/api/spend", headers={"Authorization": f"Bearer {ADMIN_KEY}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return {row["user"]: row for row in json.loads(response.read())["users"]}



def refuses(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return False
    except OSError:
        return True


def test_three_replicas_behind_a_balancer_behave_as_one_gateway(fleet: Fleet) -> None:
    lb = fleet.balancer
    sent: dict[str, list] = {"jane@acme.example": [], "ci@acme.example": [], "bob@globex.example": []}
    refused: dict[str, int] = {user: 0 for user in sent}

    # A requests-per-minute limit, fleet-wide: RPM served over the three replicas, then 429 wherever it lands.
    fresh_minute()
    for _ in range(RPM):
        sent["ci@acme.example"].append(ask(lb.url, CI_KEY).parse())
    assert set(lb.chosen) == {r.port for r in fleet.replicas}   # the balancer used every replica
    landed = []
    for _ in range(3):
        with pytest.raises(openai.RateLimitError) as error:
            ask(lb.url, CI_KEY)
        landed.append(lb.chosen[-1])
        refused["ci@acme.example"] += 1
        headers = error.value.response.headers
        assert headers["x-gateway-limit"] == "requests_per_minute" and headers["x-gateway-limit-scope"] == "key"
        assert 1 <= int(headers["retry-after"]) <= 60
    assert set(landed) == {r.port for r in fleet.replicas}     # refused by each of the three

    # A token budget, fleet-wide: the tenant's tokens over the three never pass it.
    used = 0
    while True:
        try:
            answer = ask(lb.url, OTHER_KEY, max_tokens=10).parse()
        except openai.RateLimitError as error:
            assert error.response.headers["x-gateway-limit"] == "budget_tokens_day"
            refused["bob@globex.example"] += 1
            break
        sent["bob@globex.example"].append(answer)
        used += answer.usage.total_tokens
        assert len(sent["bob@globex.example"]) < 60, "the budget never refused"
    assert len(sent["bob@globex.example"]) >= 3 and used <= BUDGET_TOKENS   # each replica alone would allow it all
    for _ in range(3):
        with pytest.raises(openai.RateLimitError):
            ask(lb.url, OTHER_KEY, max_tokens=10)
        refused["bob@globex.example"] += 1

    # Spend per user in the console, whichever replica answers, is the sum over the three.
    for _ in range(4):
        sent["jane@acme.example"].append(ask(lb.url, KEY, "one two three four").parse())

    def summed() -> bool:
        return all(rows.get(user, {}).get("requests") == len(answers) + refused[user]
                   for rows in [spend(lb.url)] for user, answers in sent.items())
    wait_for(summed)
    for replica in fleet.replicas:   # each replica's console shows the same fleet-wide rows
        rows = spend(replica.url)
        for user, answers in sent.items():
            assert rows[user]["requests"] == len(answers) + refused[user]
            assert rows[user]["limited"] == refused[user]
            assert rows[user]["input_tokens"] == sum(a.usage.prompt_tokens for a in answers)
            assert rows[user]["output_tokens"] == sum(a.usage.completion_tokens for a in answers)
            usd = sum(2.5 * a.usage.prompt_tokens + 10 * a.usage.completion_tokens for a in answers) / 1e6
            assert abs(rows[user]["usd"] - usd) < 1e-6

    # A SIGHUP to every replica: the policy version changes everywhere.
    before = {ask(r.url, KEY).headers["x-policy-version"] for r in fleet.replicas}
    assert len(before) == 1
    fleet.config["tenants"]["acme"]["policy"] = {"findings": {"categories": {"personal": {
        "action": "mask", "cite": "AUP I.A.c"}}}}
    fleet.path.write_text(yaml.safe_dump(fleet.config))
    for replica in fleet.replicas:
        replica.process.send_signal(signal.SIGHUP)
    wait_for(lambda: all(ask(r.url, KEY).headers["x-policy-version"] not in before for r in fleet.replicas))
    after = {ask(lb.url, KEY).headers["x-policy-version"] for _ in range(6)}
    assert len(after) == 1 and after.isdisjoint(before)

    # A SIGTERM to the replica serving a stream: the stream finishes, new requests go to the other two.
    text = "a stream still being written while its replica is told to stop, and every word of it arrives " * 2
    stream = client(lb.url, KEY).chat.completions.create(
        model="gpt-4o", stream=True, messages=[{"role": "user", "content": text}],
        extra_headers={"x-mock-event-delay-ms": "60"})
    pieces = [next(iter(stream))]
    draining = next(r for r in fleet.replicas if r.port == lb.chosen[-1])
    reader = threading.Thread(target=lambda: pieces.extend(stream))
    reader.start()
    draining.process.send_signal(signal.SIGTERM)
    wait_for(lambda: refuses(draining.port), 20)   # its port is closed: the balancer skips it
    assert reader.is_alive(), "the stream ended before the replica closed its port; make it longer"
    start = len(lb.chosen)
    served = [ask(lb.url, KEY).parse().choices[0].message.content for _ in range(6)]
    assert served == ["hello there"] * 6
    assert draining.port not in lb.chosen[start:] and draining.port in lb.skipped
    assert len(set(lb.chosen[start:])) == 2
    reader.join(60)
    assert "".join(c.choices[0].delta.content or "" for c in pieces if c.choices) == text
    assert draining.process.wait(60) == 0


def readyz(url: str) -> dict:
    with urllib.request.urlopen(url + "/readyz", timeout=10) as response:
        return json.loads(response.read())


def metric(url: str, name: str) -> float:
    with urllib.request.urlopen(url + "/metrics", timeout=10) as response:
        text = response.read().decode()
    return sum(float(v) for v in re.findall(rf"^{name}(?:\{{[^}}]*\}})? (\S+)$", text, re.M))


def test_a_deployment_one_replica_finds_failing_is_left_out_by_every_replica(mock, redis_server, tmp_path: Path) -> None:
    redis.Redis.from_url(redis_server.url).flushdb()
    config = base_config(mock.url, analysis={"workers": 0}, state={"redis_url": redis_server.url},
                         routing={"cooldown_after_failures": 2, "cooldown_s": 300})
    config["providers"].append({"name": "down", "kind": "openai", "base_url": f"http://127.0.0.1:{free_port()}/v1",
                                "api_key_env": "TEST_OPENAI_KEY", "zero_retention": True, "baa": False})
    # the unreachable deployment first while it is not cooled down (least in flight, then the heavier)
    config["models"][0] = {"match": "gpt-*", "names": ["gpt-4o"], "balance": "least_in_flight",
                           "deployments": [{"provider": "down", "weight": 10}, {"provider": "openai", "weight": 1}]}
    with replicas_of(config, tmp_path) as (replicas, _path):
        first, others = replicas[0], replicas[1:]
        assert all(readyz(r.url)["cooled_down_deployments"] == [] for r in replicas)
        for _ in range(2):   # two connection failures on the first replica, each falling back to the mock
            assert ask(first.url, KEY).parse().choices[0].message.content == "hello there"
        assert metric(first.url, "magic_gateway_upstream_fallbacks_total") == 2
        cooled = [{"route": "gpt-*", "deployment": "down:gpt-4o"}]

        def shown(url: str) -> list[dict]:
            return [{k: v for k, v in d.items() if k != "seconds_left"} for d in readyz(url)["cooled_down_deployments"]]
        wait_for(lambda: all(shown(r.url) == cooled for r in others), 30)
        assert shown(first.url) == cooled
        for replica in others:   # they never try it: no connection failure, no fallback
            for _ in range(3):
                assert ask(replica.url, KEY).parse().choices[0].message.content == "hello there"
            assert metric(replica.url, "magic_gateway_upstream_fallbacks_total") == 0
            assert metric(replica.url, "magic_gateway_upstream_errors_total") == 0
            assert metric(replica.url, "magic_gateway_deployment_cooled_down") == 1
        keys = redis.Redis.from_url(redis_server.url).keys("mg:health:*")
        assert len(keys) == 1 and 0 < redis.Redis.from_url(redis_server.url).ttl(keys[0]) <= 300


def test_a_deployment_whose_error_one_replica_relayed_is_tried_last_by_every_replica(
        mock, redis_server, tmp_path: Path) -> None:
    """A 503 relayed by one replica demotes its deployment there (the SDK's retry should go elsewhere);
    the demotion is shared, so the retry goes elsewhere whichever replica it reaches."""
    redis.Redis.from_url(redis_server.url).flushdb()
    audit = tmp_path / "audit"
    audit.mkdir()
    config = base_config(mock.url, analysis={"workers": 0}, state={"redis_url": redis_server.url},
                         audit={"path": str(audit) + "/"}, routing={"cooldown_after_failures": 5, "cooldown_s": 300})
    config["providers"].append({"name": "second", "kind": "openai", "base_url": mock.url + "/v1",
                                "api_key_env": "TEST_OPENAI_KEY", "zero_retention": True, "baa": False})
    config["models"][0] = {"match": "gpt-*", "names": ["gpt-4o"], "balance": "least_in_flight",
                           "deployments": [{"provider": "openai", "weight": 10}, {"provider": "second", "weight": 1}]}
    with replicas_of(config, tmp_path, count=2) as (replicas, _path):
        first, other = replicas

        def deployment(url: str) -> str:
            answer = ask(url, KEY)
            request_id = answer.headers["x-gateway-request-id"]
            deadline = time.monotonic() + 30
            while True:
                records = [json.loads(line) for path in audit.glob("*.jsonl") for line in path.read_text().splitlines()]
                found = [r for r in records if r["request_id"] == request_id]
                if found or time.monotonic() > deadline:
                    return found[0]["deployment"]
                time.sleep(0.1)
        assert deployment(other.url) == "openai:gpt-4o"   # the heavier one first, while nothing is demoted
        with pytest.raises(openai.InternalServerError):
            ask(first.url, KEY, extra_headers={"x-mock-fail-status": "503", "x-mock-fail-times": "1",
                                               "x-mock-scenario": f"demote-{time.monotonic_ns()}"})
        assert deployment(first.url) == "second:gpt-4o"  # the replica that relayed the 503 tries it last
        wait_for(lambda: deployment(other.url) == "second:gpt-4o", 30)   # and so does the other one
        assert len(redis.Redis.from_url(redis_server.url).keys("mg:health:demoted:*")) == 1
