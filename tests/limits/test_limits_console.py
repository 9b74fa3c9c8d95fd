"""The console's Spend section: today's spend per user, priced as the audit trail prices it, and the
requests a limit refused; behind the admin key like every console page."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path

import redis
from limit_setup import GatewayProcess, chat, served_until_refused
from serving import KEY, OTHER_KEY, base_config, sha, start_gateway

ADMIN_KEY = "test-limits-console-admin-key"


def get(url: str, path: str, key: str | None = ADMIN_KEY) -> tuple[int, str]:
    request = urllib.request.Request(url + path, headers={"Authorization": f"Bearer {key}"} if key else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_console_shows_spend_per_user(upstream, tmp_path: Path) -> None:
    config = base_config(upstream.url, console={"enabled": True, "admin_key_sha256": sha(ADMIN_KEY)},
                         audit={"path": str(tmp_path / "audit.jsonl")},
                         limits={"users": {"bob@globex.example": {"budgets": [{"period": "day", "tokens": 60}]}}})
    gateway = start_gateway(config, tmp_path)
    try:
        jane = chat(gateway.url, KEY, "one two three four")
        served, _ = served_until_refused(lambda: chat(gateway.url, OTHER_KEY, "five six", max_tokens=5))
        assert get(gateway.url, "/console/api/spend", key=None)[0] == 401
        status, body = get(gateway.url, "/console/api/spend")
        assert status == 200
        users = {row["user"]: row for row in json.loads(body)["users"]}
        assert users["jane@acme.example"]["input_tokens"] == jane.usage.prompt_tokens
        assert users["jane@acme.example"]["output_tokens"] == jane.usage.completion_tokens
        expected = (2.5 * jane.usage.prompt_tokens + 10 * jane.usage.completion_tokens) / 1e6
        assert abs(users["jane@acme.example"]["usd"] - expected) < 1e-6
        assert users["bob@globex.example"]["requests"] == served + 1 and users["bob@globex.example"]["limited"] == 1
        audited = [json.loads(line) for line in (tmp_path / "audit.jsonl").read_text().splitlines()]
        assert sum(r["spend"]["usd"] for r in audited if r["user"] == "jane@acme.example") == \
            users["jane@acme.example"]["usd"]
        status, page = get(gateway.url, "/console")
        assert status == 200 and 'id="spend"' in page and "bob@globex.example" in page
    finally:
        gateway.stop()


def test_metrics_never_name_a_user(upstream, tmp_path: Path) -> None:
    gateway = start_gateway(base_config(upstream.url, limits={"users": {"*": {"requests_per_minute": 1000}}}),
                            tmp_path)
    try:
        chat(gateway.url, KEY)
        with urllib.request.urlopen(gateway.url + "/metrics", timeout=10) as response:
            text = response.read().decode()
        assert "magic_gateway_spend_usd_total" in text and "@" not in text and "jane" not in text
    finally:
        gateway.stop()



def wait_for_spend(url: str, expected: dict[str, int], seconds: float = 30) -> dict[str, dict]:
    """The console's spend rows by user, once their requests are what `expected` says (processes flush
    their spend to the shared store every second)."""
    deadline = time.monotonic() + seconds
    while True:
        status, body = get(url, "/console/api/spend")
        assert status == 200
        users = {row["user"]: row for row in json.loads(body)["users"]}
        if {u: users[u]["requests"] for u in expected if u in users} == expected or time.monotonic() > deadline:
            return users
        time.sleep(0.2)


def test_the_console_of_either_replica_shows_the_spend_of_both(mock, redis_server, tmp_path: Path) -> None:
    redis.Redis.from_url(redis_server.url).flushdb()
    config = base_config(mock.url, console={"enabled": True, "admin_key_sha256": sha(ADMIN_KEY)},
                         state={"redis_url": redis_server.url})
    replicas = [GatewayProcess(config, tmp_path), GatewayProcess({**config, "console": {"enabled": False}}, tmp_path)]
    try:
        answers = [chat(replicas[i % 2].url, KEY, "one two three four") for i in range(5)]
        answers += [chat(replicas[1].url, OTHER_KEY, "five six")]
        users = wait_for_spend(replicas[0].url, {"jane@acme.example": 5, "bob@globex.example": 1})
        jane = users["jane@acme.example"]
        assert jane["requests"] == 5 and users["bob@globex.example"]["requests"] == 1
        assert jane["input_tokens"] == sum(a.usage.prompt_tokens for a in answers[:5])
        assert jane["output_tokens"] == sum(a.usage.completion_tokens for a in answers[:5])
        expected = sum(2.5 * a.usage.prompt_tokens + 10 * a.usage.completion_tokens for a in answers[:5]) / 1e6
        assert abs(jane["usd"] - expected) < 1e-6
        stored = b"".join(k + b"".join(redis.Redis.from_url(redis_server.url).hkeys(k))
                          for k in redis.Redis.from_url(redis_server.url).keys("*spend*"))
        assert stored and b"@" not in stored and b"jane" not in stored   # users as digests only
        status, page = get(replicas[0].url, "/console")
        assert status == 200 and "every replica sharing the Redis store" in page and "bob@globex.example" in page
    finally:
        for replica in replicas:
            replica.stop()
