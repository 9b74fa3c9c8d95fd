"""The default store: this process's memory, expired keys dropped when read and swept as it grows."""

from __future__ import annotations

import time


class MemoryStore:
    """Not shared between processes or replicas: for one gateway process (the default)."""

    name = "memory"

    def __init__(self, max_keys: int = 1_000_000) -> None:
        self._values: dict[str, tuple[bytes, float | None]] = {}
        self._max_keys = max_keys

    def _live(self, key: str) -> tuple[bytes, float | None] | None:
        entry = self._values.get(key)
        if entry is not None and entry[1] is not None and entry[1] <= time.monotonic():
            del self._values[key]
            return None
        return entry

    def _sweep(self) -> None:
        if len(self._values) < self._max_keys:
            return
        now = time.monotonic()
        for key in [k for k, (_, expires) in self._values.items() if expires is not None and expires <= now]:
            del self._values[key]
        while len(self._values) >= self._max_keys:   # still full: the oldest keys go first
            del self._values[next(iter(self._values))]

    async def get(self, key: str) -> bytes | None:
        entry = self._live(key)
        return entry[0] if entry else None

    async def set(self, key: str, value: bytes, ttl_s: float | None = None) -> None:
        self._sweep()
        self._values.pop(key, None)
        self._values[key] = (bytes(value), time.monotonic() + ttl_s if ttl_s is not None else None)

    async def delete(self, key: str) -> bool:
        return self._live(key) is not None and self._values.pop(key, None) is not None

    async def incr(self, key: str, amount: int = 1, ttl_s: float | None = None) -> int:
        entry = self._live(key)
        if entry is None:
            self._sweep()
            value, expires = amount, (time.monotonic() + ttl_s if ttl_s is not None else None)
        else:
            value, expires = int(entry[0]) + amount, entry[1]
        self._values[key] = (str(value).encode(), expires)
        return value

    async def ttl(self, key: str) -> float | None:
        entry = self._live(key)
        if entry is None or entry[1] is None:
            return None
        return max(entry[1] - time.monotonic(), 0.0)

    async def close(self) -> None:
        self._values.clear()
