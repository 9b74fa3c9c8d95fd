"""The shared store: Redis through `redis.asyncio`, so that every replica sees the same state; one Redis or
a Redis Cluster (`state.redis_cluster`)."""

from __future__ import annotations

from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import RedisClusterException, RedisError

from gateway.state.store import StateUnavailable

# INCRBY and the window's expiry in one round trip, atomically: a counter created by this call
# gets its expiry, one that exists keeps it.
_INCR_WITH_EXPIRY = """
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if value == tonumber(ARGV[1]) and tonumber(ARGV[2]) > 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return value
"""


# What a Redis client raises when the store cannot serve (a cluster's own errors are not RedisErrors).
FAILURES = (RedisError, RedisClusterException, OSError)


def redis_client(url: str, cluster: bool, timeout_s: float) -> Any:
    """A client of one Redis, or of the Redis Cluster one of whose nodes `url` names."""
    if cluster:
        from redis.asyncio.cluster import RedisCluster

        return RedisCluster.from_url(url, socket_timeout=timeout_s, socket_connect_timeout=timeout_s)
    return aioredis.Redis.from_url(url, socket_timeout=timeout_s, socket_connect_timeout=timeout_s)


class RedisStore:
    name = "redis"

    def __init__(self, url: str, timeout_s: float = 2.0, cluster: bool = False) -> None:
        self._client = redis_client(url, cluster, timeout_s)
        self._incr = self._client.register_script(_INCR_WITH_EXPIRY)

    async def get(self, key: str) -> bytes | None:
        try:
            value = await self._client.get(key)
        except FAILURES as error:
            raise _unavailable(error) from None
        return value if isinstance(value, bytes) or value is None else str(value).encode()

    async def set(self, key: str, value: bytes, ttl_s: float | None = None) -> None:
        try:
            await self._client.set(key, value, px=_ms(ttl_s) if ttl_s is not None else None)
        except FAILURES as error:
            raise _unavailable(error) from None

    async def delete(self, key: str) -> bool:
        try:
            return bool(await self._client.delete(key))
        except FAILURES as error:
            raise _unavailable(error) from None

    async def incr(self, key: str, amount: int = 1, ttl_s: float | None = None) -> int:
        try:
            return int(await self._incr(keys=[key], args=[amount, _ms(ttl_s) if ttl_s is not None else 0]))
        except FAILURES as error:
            raise _unavailable(error) from None

    async def ttl(self, key: str) -> float | None:
        try:
            left = await self._client.pttl(key)
        except FAILURES as error:
            raise _unavailable(error) from None
        return left / 1000 if left >= 0 else None

    async def ping(self) -> None:
        try:
            await self._client.ping()
        except FAILURES as error:
            raise _unavailable(error) from None

    async def close(self) -> None:
        await self._client.aclose()


def _ms(seconds: float) -> int:
    return max(int(seconds * 1000), 1)


def _unavailable(error: Exception) -> StateUnavailable:
    return StateUnavailable(f"the shared state store (redis) is unavailable: {type(error).__name__}")
