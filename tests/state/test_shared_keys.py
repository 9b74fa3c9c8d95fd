"""The shared-key watch (AUP I.B.a) on memory and on a real redis-server: a key's clients past its
allowance exceed it, its first clients do not, and the store holds no more than the allowance."""

from __future__ import annotations

import uuid

import pytest
import redis.asyncio as aioredis

from gateway.clients.config import SharedKeysConfig
from gateway.clients.shared_keys import SharedKeyWatch
from gateway.state import MemoryStore, StateUnavailable
from gateway.state.redis_store import RedisStore


@pytest.fixture(params=["memory", "redis"])
async def store(request, redis_server):  # type: ignore[no-untyped-def]
    made = MemoryStore() if request.param == "memory" else RedisStore(redis_server.url)
    yield made
    await made.close()


async def test_user_agents_past_the_allowance_exceed_it_and_the_first_ones_do_not(store) -> None:  # type: ignore[no-untyped-def]
    watch = SharedKeyWatch(SharedKeysConfig(max_addresses=None, max_user_agents=2))
    key = f"key-{uuid.uuid4().hex[:8]}"
    seen = [await watch.observe(store, "acme", key, {"addresses": "10.0.0.1", "user_agents": agent})
            for agent in ("openai-python/1.0", "curl/8.5", "openai-python/1.0", "Anthropic/Python 0.40")]
    assert [bool(s) for s in seen] == [False, False, False, True]
    assert seen[3][0].kind == "user_agents" and seen[3][0].limit == 2
    assert not await watch.observe(store, "acme", key, {"user_agents": "curl/8.5"})
    # Another tenant's key of the same name is counted on its own.
    assert not await watch.observe(store, "globex", key, {"user_agents": "Anthropic/Python 0.40"})


async def test_redis_holds_no_more_than_the_allowance_whatever_the_traffic(redis_server) -> None:  # type: ignore[no-untyped-def]
    store = RedisStore(redis_server.url)
    client = aioredis.Redis.from_url(redis_server.url)
    watch = SharedKeyWatch(SharedKeysConfig(max_addresses=3))
    key = f"key-{uuid.uuid4().hex[:8]}"
    try:
        flagged = [bool(await watch.observe(store, "acme", key, {"addresses": f"203.0.113.{n}"}))
                   for n in range(1, 201)]
        assert flagged[:3] == [False] * 3 and all(flagged[3:])
        stored = [k async for k in client.scan_iter(match=f"mg:{{acme}}:shared-key:{key}:*")]
        assert len(stored) <= 3 + 2   # the counter, one entry per client of the allowance, the first one past it
        assert not any(b"203.0.113" in k for k in stored)
        for value in stored:
            assert 0 < await client.pttl(value) <= 3600 * 1000   # everything expires with the window
    finally:
        await client.aclose()
        await store.close()


async def test_a_store_that_cannot_be_reached_flags_nothing_but_refuses_when_the_policy_refuses() -> None:
    gone = RedisStore("redis://127.0.0.1:1/0", timeout_s=0.5)
    try:
        flagging = SharedKeyWatch(SharedKeysConfig(max_addresses=1))
        assert await flagging.observe(gone, "acme", "k", {"addresses": "203.0.113.1"}) == []
        refusing = SharedKeyWatch(SharedKeysConfig(max_addresses=1, action="refuse"))
        with pytest.raises(StateUnavailable):
            await refusing.observe(gone, "acme", "k", {"addresses": "203.0.113.1"})
    finally:
        await gone.close()
