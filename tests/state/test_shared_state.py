"""The shared-state interface, the same contract for memory and a real redis-server."""

from __future__ import annotations

import asyncio

import pytest

from gateway.config import StateConfig
from gateway.state import MemoryStore, StateUnavailable, for_tenant, open_state
from gateway.state.redis_store import RedisStore


@pytest.fixture(params=["memory", "redis"])
async def store(request, redis_server):  # type: ignore[no-untyped-def]
    made = MemoryStore() if request.param == "memory" else RedisStore(redis_server.url)
    yield made
    await made.close()


async def test_get_set_delete(store) -> None:  # type: ignore[no-untyped-def]
    key = f"t:{id(store)}:plain"
    assert await store.get(key) is None
    await store.set(key, b"value")
    assert await store.get(key) == b"value"
    assert await store.ttl(key) is None
    assert await store.delete(key) is True
    assert await store.delete(key) is False
    assert await store.get(key) is None


async def test_values_expire(store) -> None:  # type: ignore[no-untyped-def]
    key = f"t:{id(store)}:expiring"
    await store.set(key, b"soon gone", ttl_s=0.2)
    assert await store.get(key) == b"soon gone"
    assert 0 < (await store.ttl(key) or 0) <= 0.2
    await asyncio.sleep(0.35)
    assert await store.get(key) is None


async def test_incr_is_a_fixed_window(store) -> None:  # type: ignore[no-untyped-def]
    key = f"t:{id(store)}:counter"
    # a window long enough that 50 increments fit in it on a loaded machine, then waited out
    assert await store.incr(key, 1, ttl_s=3) == 1
    assert await store.incr(key, 5, ttl_s=30) == 6       # the window is not extended
    assert (await store.ttl(key) or 99) <= 3
    counts = await asyncio.gather(*(store.incr(key) for _ in range(50)))
    assert sorted(counts) == list(range(7, 57))           # atomic: every caller saw its own value
    await asyncio.sleep(3.3)
    assert await store.incr(key, 2, ttl_s=10) == 2         # a new window


async def test_tenants_do_not_see_each_other(store) -> None:  # type: ignore[no-untyped-def]
    acme, globex = for_tenant(store, f"acme{id(store)}"), for_tenant(store, f"globex{id(store)}")
    await acme.set("resp", "r1", b"acme's")
    assert await globex.get("resp", "r1") is None
    assert await acme.get("resp", "r1") == b"acme's"
    tricky = for_tenant(store, f"acme{id(store)}:resp")   # a ':' in a tenant name cannot reach another namespace
    assert tricky.key("x", "y") != acme.key("resp", "x:y")


async def test_redis_unreachable_refuses_or_falls_back() -> None:
    from serving import free_port

    url = f"redis://127.0.0.1:{free_port()}/0"   # nothing listens there
    refusing = open_state(StateConfig(redis_url=url))
    with pytest.raises(StateUnavailable, match="redis"):
        await refusing.get("k")
    await refusing.close()
    local = open_state(StateConfig(redis_url=url, on_unavailable="local"))
    await local.set("k", b"kept here")
    assert await local.get("k") == b"kept here"
    await local.close()


def test_state_config_names_a_bad_url() -> None:
    from serving import base_config

    from gateway.config import ConfigError, parse_config

    with pytest.raises(ConfigError, match=r"state\.redis_url"):
        parse_config(base_config(state={"redis_url": "localhost:6379"}))
    with pytest.raises(ConfigError, match=r"state\.on_unavailable"):
        parse_config(base_config(state={"on_unavailable": "maybe"}))


async def test_the_memory_store_keeps_at_most_its_bytes_the_newest_first() -> None:
    """A process's store is bounded by bytes as well as keys (`state.memory_mb`): Responses turns of a
    hundred kilobytes each fill it, and it stays within its bound, keeping the newest."""
    store = open_state(StateConfig(memory_mb=1))
    assert isinstance(store, MemoryStore)
    turn = b"x" * 100_000
    for number in range(50):
        await store.set(f"conversation:{number}", turn, ttl_s=3600)
        assert store.bytes <= 1 << 20
    assert await store.get("conversation:49") == turn and await store.get("conversation:0") is None
    assert await store.incr("counter:a") == 1 and await store.incr("counter:a") == 2
    assert store.bytes <= 1 << 20
