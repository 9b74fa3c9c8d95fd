"""The shared state on a real Redis Cluster (three `redis-server` masters in cluster mode on loopback,
`state.redis_cluster: true`): every key holds its tenant as a hash tag (`mg:{tenant}:...`), so that one
request's counters (key, user, tenant) share a slot and the limits' Lua scripts run on one master; a
gateway on the cluster enforces a limit, keeps a Responses conversation and shows spend."""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest
import redis
from redis.cluster import RedisCluster as SyncCluster
from redis_server import RedisClusterServers
from serving import KEY, OTHER_KEY, base_config, sha, start_gateway

from gateway.limits.config import LimitsConfig
from gateway.limits.counters import Take
from gateway.limits.meters import LimitRules
from gateway.limits.redis_counters import RedisCounters

ADMIN_KEY = "test-cluster-console-admin-key"


@pytest.fixture(scope="module")
def cluster() -> Iterator[RedisClusterServers]:
    servers = RedisClusterServers()
    yield servers
    servers.stop()


def sync_client(cluster: RedisClusterServers) -> SyncCluster:
    return SyncCluster.from_url(cluster.url)


async def test_one_request_s_counters_share_a_slot_and_take_atomically(cluster: RedisClusterServers) -> None:
    rules = LimitRules(LimitsConfig.model_validate({
        "keys": {"*": {"requests_per_minute": 2}}, "users": {"*": {"tokens_per_minute": 100}},
        "tenants": {"*": {"budgets": [{"period": "day", "tokens": 1000}]}}}))
    counters = RedisCounters(cluster.url, cluster=True)
    try:
        slots = set()
        for tenant in ("acme", "globex", "initech", "umbrella"):
            meters = rules.meters(tenant, f"someone@{tenant}.example", f"{tenant}-key")
            assert len(meters) == 3 and len({redis.cluster.key_slot(m.key.encode()) for m in meters}) == 1
            slots.add(redis.cluster.key_slot(meters[0].key.encode()))
            takes = [Take(m.key, 1 if m.unit == "requests" else 40, m.ceiling, m.ttl_s) for m in meters]
            assert await counters.take(takes) is None
            assert await counters.take(takes) is None
            assert await counters.take(takes) == 0          # the key's 2 a minute: nothing of the third added
            await counters.adjust([(meters[1].key, -80)])   # settled: the user's tokens given back
            assert await counters.take([Take(meters[1].key, 100, 100, 60)]) is None
        nodes = {sync_client(cluster).get_node_from_key(f"mg:{{{t}}}:x").port for t in ("acme", "globex", "initech",
                                                                                       "umbrella")}
        assert len(slots) == 4 and len(nodes) >= 2   # tenants spread over the masters
        await counters.add_sums({"mg:{acme}:spend:d1": {"a|requests": 2}, "mg:{globex}:spend:d1": {"b|requests": 1}}, 60)
        assert await counters.read_sums(["mg:{acme}:spend:d1", "mg:{globex}:spend:d1"]) == [
            {"a|requests": 2}, {"b|requests": 1}]
    finally:
        await counters.close()


def test_a_gateway_on_the_cluster_limits_keeps_conversations_and_shows_spend(
        upstream, cluster: RedisClusterServers, tmp_path: Path) -> None:
    config = base_config(upstream.url, state={"redis_url": cluster.url, "redis_cluster": True},
                         limits={"users": {"bob@globex.example": {"requests_per_minute": 3}}},
                         console={"enabled": True, "admin_key_sha256": sha(ADMIN_KEY)})
    gateway = start_gateway(config, tmp_path)
    try:
        left = 60 - time.time() % 60
        if left < 20:
            time.sleep(left + 0.2)   # the three requests in one minute window
        bob = openai.OpenAI(base_url=gateway.url + "/v1", api_key=OTHER_KEY, max_retries=0)
        for _ in range(3):
            bob.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hello"}])
        with pytest.raises(openai.RateLimitError) as refused:
            bob.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hello"}])
        assert refused.value.response.headers["x-gateway-limit"] == "requests_per_minute"
        jane = openai.OpenAI(base_url=gateway.url + "/v1", api_key=KEY, max_retries=0)
        first = jane.responses.create(model="gpt-4o", input="The code word is heron.")
        second = jane.responses.create(model="gpt-4o", previous_response_id=first.id, input="And again?")
        assert second.output_text and jane.responses.retrieve(first.id).id == first.id
        request = urllib.request.Request(gateway.url + "/console/api/spend",
                                         headers={"Authorization": f"Bearer {ADMIN_KEY}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            users = {row["user"]: row for row in json.loads(response.read())["users"]}
        assert users["bob@globex.example"]["requests"] == 4 and users["bob@globex.example"]["limited"] == 1
        assert users["jane@acme.example"]["requests"] == 2
        client = sync_client(cluster)
        keys = [k.decode() for node in client.get_primaries()
                for k in client.scan_iter(match="mg:*", target_nodes=node)]
        assert any(":limit:" in k for k in keys) and any(":response:" in k for k in keys)
        for key in keys:   # every tenant's key in its tenant's slot
            if not key.startswith("mg:health:"):
                tenant = key.split("{", 1)[1].split("}", 1)[0]
                assert redis.cluster.key_slot(key.encode()) == redis.cluster.key_slot(tenant.encode())
    finally:
        gateway.stop()
