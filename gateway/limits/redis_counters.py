"""The limits' counters in Redis, shared by every replica: each operation one Lua script, so that the
check and the additions of a request are one atomic step on the server (no read-modify-write race)."""

from __future__ import annotations

from collections.abc import Sequence

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from gateway.limits.counters import Take
from gateway.state.store import StateUnavailable

# KEYS: the counters; ARGV: amount, ceiling, ttl in ms for each. Returns 0, or the 1-based index of
# the first counter the request would take past its ceiling (then nothing is added).
_TAKE = """
for i, key in ipairs(KEYS) do
  local amount = tonumber(ARGV[3 * i - 2])
  if amount > 0 and tonumber(redis.call('GET', key) or '0') + amount > tonumber(ARGV[3 * i - 1]) then
    return i
  end
end
for i, key in ipairs(KEYS) do
  redis.call('INCRBY', key, ARGV[3 * i - 2])
  if redis.call('PTTL', key) < 0 then
    redis.call('PEXPIRE', key, ARGV[3 * i])
  end
end
return 0
"""
# KEYS: the counters; ARGV: the change of each. A counter whose window has ended is left alone.
_ADJUST = """
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then
    redis.call('INCRBY', key, ARGV[i])
  end
end
return 0
"""


class RedisCounters:
    name = "redis"

    def __init__(self, url: str, timeout_s: float = 2.0) -> None:
        self._client = aioredis.Redis.from_url(url, socket_timeout=timeout_s, socket_connect_timeout=timeout_s)
        self._take = self._client.register_script(_TAKE)
        self._adjust = self._client.register_script(_ADJUST)

    async def take(self, takes: Sequence[Take]) -> int | None:
        args: list[int] = []
        for take in takes:
            args += [take.amount, take.ceiling, max(int(take.ttl_s * 1000), 1)]
        try:
            refused = int(await self._take(keys=[t.key for t in takes], args=args))
        except (RedisError, OSError) as error:
            raise _unavailable(error) from None
        return refused - 1 if refused else None

    async def adjust(self, changes: Sequence[tuple[str, int]]) -> None:
        changes = [c for c in changes if c[1]]
        if not changes:
            return
        try:
            await self._adjust(keys=[key for key, _ in changes], args=[change for _, change in changes])
        except (RedisError, OSError) as error:
            raise _unavailable(error) from None

    async def close(self) -> None:
        await self._client.aclose()


def _unavailable(error: Exception) -> StateUnavailable:
    return StateUnavailable(f"the shared state store (redis) is unavailable: {type(error).__name__}")
