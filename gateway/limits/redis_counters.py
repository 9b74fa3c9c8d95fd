"""The limits' counters in Redis, shared by every replica: each operation one Lua script, so that the
check and the additions of a request are one atomic step on the server (no read-modify-write race)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from gateway.limits.counters import Take
from gateway.state.redis_store import FAILURES, redis_client
from gateway.state.store import StateUnavailable, batched

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
# KEYS[1]: a hash of sums; ARGV: its ttl in ms, then field, amount pairs. HINCRBY each; the expiry is
# set when the hash is created.
_ADD_SUMS = """
for i = 2, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
end
if redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return 0
"""


class RedisCounters:
    name = "redis"

    def __init__(self, url: str, timeout_s: float = 2.0, cluster: bool = False) -> None:
        # a request's counters are all of one tenant: one hash slot ({tenant}), so a script may take them
        self._client = redis_client(url, cluster, timeout_s)
        self._take = self._client.register_script(_TAKE)
        self._adjust = self._client.register_script(_ADJUST)
        self._add_sums = self._client.register_script(_ADD_SUMS)

    async def take(self, takes: Sequence[Take]) -> int | None:
        args: list[int] = []
        for take in takes:
            args += [take.amount, take.ceiling, max(int(take.ttl_s * 1000), 1)]
        try:
            refused = int(await self._take(keys=[t.key for t in takes], args=args))
        except FAILURES as error:
            raise _unavailable(error) from None
        return refused - 1 if refused else None

    async def adjust(self, changes: Sequence[tuple[str, int]]) -> None:
        changes = [c for c in changes if c[1]]
        if not changes:
            return
        try:
            await self._adjust(keys=[key for key, _ in changes], args=[change for _, change in changes])
        except FAILURES as error:
            raise _unavailable(error) from None

    async def add_sums(self, sums: Mapping[str, Mapping[str, int]], ttl_s: float) -> None:
        def script_args(fields: Mapping[str, int]) -> list[str | int]:
            args: list[str | int] = [max(int(ttl_s * 1000), 1)]
            for name, value in fields.items():
                args += [name, value]
            return args
        try:   # one script a hash (its own key, in a cluster its own slot), all at once
            await batched([self._add_sums(keys=[key], args=script_args(fields)) for key, fields in sums.items()])
        except FAILURES as error:
            raise _unavailable(error) from None

    async def read_sums(self, keys: Sequence[str]) -> list[dict[str, int]]:
        try:
            found = await batched([self._client.hgetall(key) for key in keys])
        except FAILURES as error:
            raise _unavailable(error) from None
        return [{(k.decode() if isinstance(k, bytes) else str(k)): int(v) for k, v in fields.items()}
                for fields in found]

    async def close(self) -> None:
        await self._client.aclose()


def _unavailable(error: Exception) -> StateUnavailable:
    return StateUnavailable(f"the shared state store (redis) is unavailable: {type(error).__name__}")
