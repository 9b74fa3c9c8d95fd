"""Limits shared between processes: two gateway processes on one real redis-server count as one
gateway; Redis going away mid-run refuses (503) or falls back to local counts, as configured, and says
so; `serve --workers 2` without Redis keeps one count for the host."""

from __future__ import annotations

import json
import logging
import time
import urllib.request
from pathlib import Path

import openai
import pytest
import redis
from limit_setup import GatewayProcess, chat, fresh_minute, samples, served_until_refused
from redis_server import RedisServer
from serving import KEY, OTHER_KEY, base_config, sha, start_gateway

NAMED_KEY = "test-key-acme-ci"
ADMIN_KEY = "test-limits-shared-admin-key"


def config(mock_url: str, limits: dict, **extra) -> dict:  # type: ignore[no-untyped-def]
    made = base_config(mock_url, limits=limits, **extra)
    made["keys"].append({"sha256": sha(NAMED_KEY), "tenant": "acme", "user": "ci@acme.example", "name": "acme-ci"})
    return made


def test_two_gateway_processes_share_one_limit_and_one_budget(mock, redis_server, tmp_path: Path) -> None:
    redis.Redis.from_url(redis_server.url).flushdb()
    shared = config(mock.url, {"keys": {"acme-ci": {"requests_per_minute": 4}},
                               "tenants": {"globex": {"budgets": [{"period": "day", "tokens": 100}]}}},
                    state={"redis_url": redis_server.url})
    first, second = GatewayProcess(shared, tmp_path), GatewayProcess(shared, tmp_path)
    try:
        turn = [0]

        def alternate(key: str, **extra) -> openai.types.chat.ChatCompletion:  # type: ignore[no-untyped-def]
            turn[0] += 1
            return chat((first, second)[turn[0] % 2].url, key, **extra)
        fresh_minute()
        served, error = served_until_refused(lambda: alternate(NAMED_KEY))
        assert served == 4 and error.response.headers["x-gateway-limit"] == "requests_per_minute"
        used: list[int] = []
        served, error = served_until_refused(
            lambda: used.append(alternate(OTHER_KEY, max_tokens=10).usage.total_tokens))
        assert served >= 4 and sum(used) <= 100   # one budget for both: each alone would allow 100
        assert error.response.headers["x-gateway-limit"] == "budget_tokens_day"
        refusals = [samples(g.url, "magic_gateway_limit_refusals_total") for g in (first, second)]
        assert sum(sum(r.values()) for r in refusals) == 2
    finally:
        first.stop()
        second.stop()


@pytest.mark.parametrize("on_unavailable", ["refuse", "local"])
def test_redis_going_away_mid_run(mock, tmp_path: Path, on_unavailable: str, caplog) -> None:  # type: ignore[no-untyped-def]
    own = RedisServer()
    gateway = start_gateway(config(mock.url, {"keys": {"acme-ci": {"requests_per_minute": 3}}},
                                   state={"redis_url": own.url, "on_unavailable": on_unavailable}), tmp_path)
    try:
        fresh_minute()
        chat(gateway.url, NAMED_KEY)
        chat(gateway.url, NAMED_KEY)
        own.stop()
        caplog.set_level(logging.WARNING, logger="magic_gateway")
        chat(gateway.url, KEY)   # a key under no limit never asks the store
        unavailable = samples(gateway.url, "magic_gateway_limit_state_unavailable_total")
        assert unavailable == {}
        if on_unavailable == "refuse":
            with pytest.raises(openai.InternalServerError) as refused:
                chat(gateway.url, NAMED_KEY)
            assert refused.value.status_code == 503 and refused.value.code == "limits_unavailable"
            assert "redis" in refused.value.message
            assert samples(gateway.url, "magic_gateway_limit_state_unavailable_total") == {'action="refused"': 1.0}
            assert any("state.on_unavailable: refuse" in r.getMessage() for r in caplog.records)
        else:
            served, error = served_until_refused(lambda: chat(gateway.url, NAMED_KEY))
            assert served == 3   # this process's own count from the fall-back on: still a limit
            assert error.response.headers["x-gateway-limit"] == "requests_per_minute"
            assert samples(gateway.url, "magic_gateway_limit_state_unavailable_total")['action="local"'] >= 4
            assert any("state.on_unavailable: local" in r.getMessage() for r in caplog.records)
    finally:
        gateway.stop()
        own.stop()


def test_workers_of_one_host_share_one_count_without_redis(mock, tmp_path: Path) -> None:
    audit = tmp_path / "audit"
    audit.mkdir()
    gateway = GatewayProcess(config(mock.url, {"keys": {"acme-ci": {"requests_per_minute": 5}}},
                                    audit={"path": str(audit) + "/"},
                                    console={"enabled": True, "admin_key_sha256": sha(ADMIN_KEY)}), tmp_path, workers=2)
    try:
        # unlimited requests on new connections until both processes have answered (one audit file each)
        jane = 0
        for _ in range(200):
            chat(gateway.url, KEY)
            jane += 1
            if len(list(audit.glob("*.jsonl"))) == 2:
                break
        assert len(list(audit.glob("*.jsonl"))) == 2
        fresh_minute()
        outcomes = []
        for _ in range(12):   # each on a new connection: the kernel spreads them over both processes
            try:
                chat(gateway.url, NAMED_KEY)
                outcomes.append("served")
            except openai.RateLimitError:
                outcomes.append("refused")
        assert outcomes == ["served"] * 5 + ["refused"] * 7   # not five per process
        # the console's spend, whichever process answers, is both processes' (the host's SQLite file)
        deadline = time.monotonic() + 30
        while True:
            request = urllib.request.Request(gateway.url + "/console/api/spend",
                                             headers={"Authorization": f"Bearer {ADMIN_KEY}"})
            with urllib.request.urlopen(request, timeout=30) as response:
                shown = json.loads(response.read())
            users = {row["user"]: row for row in shown["users"]}
            counted = {u: users[u]["requests"] for u in ("jane@acme.example", "ci@acme.example") if u in users}
            if counted == {"jane@acme.example": jane, "ci@acme.example": 12} or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert shown["store"] == "sqlite" and counted == {"jane@acme.example": jane, "ci@acme.example": 12}
        assert users["ci@acme.example"]["limited"] == 7
    finally:
        gateway.stop()
