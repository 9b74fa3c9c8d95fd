"""The store a gateway process uses, from the config's `state` setting.

`state.redis_url` unset: memory (one process). Set: Redis, and when Redis cannot be reached either
every request that needs state is refused with 503 (`on_unavailable: refuse`, the default: replicas
never disagree silently) or this process's memory stands in until Redis answers again (`local`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from gateway.config import StateConfig
from gateway.state.memory import MemoryStore
from gateway.state.store import KeyValueStore, StateUnavailable

log = logging.getLogger("magic_gateway")
T = TypeVar("T")


class LocalFallback:
    """Redis first; this process's memory whenever Redis is unavailable (`on_unavailable: local`)."""

    name = "redis"

    def __init__(self, shared: KeyValueStore, max_bytes: int) -> None:
        self._shared = shared
        self._local = MemoryStore(max_bytes=max_bytes)
        self._warned = False

    async def _either(self, shared: Callable[[], Awaitable[T]], local: Callable[[], Awaitable[T]]) -> T:
        try:
            result = await shared()
        except StateUnavailable as error:
            if not self._warned:
                log.warning("%s; using this process's memory (state.on_unavailable: local)", error)
                self._warned = True
            return await local()
        self._warned = False
        return result

    async def get(self, key: str) -> bytes | None:
        return await self._either(lambda: self._shared.get(key), lambda: self._local.get(key))

    async def set(self, key: str, value: bytes, ttl_s: float | None = None) -> None:
        await self._either(lambda: self._shared.set(key, value, ttl_s), lambda: self._local.set(key, value, ttl_s))

    async def delete(self, key: str) -> bool:
        return await self._either(lambda: self._shared.delete(key), lambda: self._local.delete(key))

    async def incr(self, key: str, amount: int = 1, ttl_s: float | None = None) -> int:
        return await self._either(lambda: self._shared.incr(key, amount, ttl_s),
                                  lambda: self._local.incr(key, amount, ttl_s))

    async def ttl(self, key: str) -> float | None:
        return await self._either(lambda: self._shared.ttl(key), lambda: self._local.ttl(key))

    async def close(self) -> None:
        await self._shared.close()
        await self._local.close()


def open_state(config: StateConfig) -> KeyValueStore:
    """The process's store (connections are made when first used)."""
    url = config.url()
    max_bytes = int(config.memory_mb * (1 << 20))
    if not url:
        return MemoryStore(max_bytes=max_bytes)
    from gateway.state.redis_store import RedisStore

    shared = RedisStore(url, cluster=config.redis_cluster)
    return LocalFallback(shared, max_bytes) if config.on_unavailable == "local" else shared
