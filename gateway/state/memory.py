"""The default store: this process's memory, expired keys dropped when read and swept as it grows.

Bounded by keys and by bytes (keys, values and a fixed cost per entry): when either bound is reached,
expired keys are swept (at most once a second: a sweep reads every key), then the oldest keys go
first, so a process's memory levels off whatever its clients store (Responses turns are the big ones).
"""

from __future__ import annotations

import time


class MemoryStore:
    """Not shared between processes or replicas: for one gateway process (the default)."""

    name = "memory"

    def __init__(self, max_keys: int = 1_000_000, max_bytes: int = 256 << 20) -> None:
        self._values: dict[str, tuple[bytes, float | None]] = {}
        self._max_keys = max_keys
        self._max_bytes = max_bytes
        self.bytes = 0   # what the entries held now cost, as counted against max_bytes
        self._swept = 0.0

    def _live(self, key: str) -> tuple[bytes, float | None] | None:
        entry = self._values.get(key)
        if entry is not None and entry[1] is not None and entry[1] <= time.monotonic():
            self._drop(key)
            return None
        return entry

    def _drop(self, key: str) -> None:
        entry = self._values.pop(key, None)
        if entry is not None:
            self.bytes -= _cost(key, entry[0])

    def _put(self, key: str, value: bytes, expires: float | None) -> None:
        self._drop(key)
        self._values[key] = (value, expires)
        self.bytes += _cost(key, value)

    def _sweep(self, adding: int = 0) -> None:
        """Room for one more entry of `adding` bytes."""
        if len(self._values) < self._max_keys and self.bytes + adding <= self._max_bytes:
            return
        now = time.monotonic()
        if now - self._swept >= 1.0:
            self._swept = now
            for key in [k for k, (_, expires) in self._values.items() if expires is not None and expires <= now]:
                self._drop(key)
        # still full: the oldest keys go first
        while self._values and (len(self._values) >= self._max_keys or self.bytes + adding > self._max_bytes):
            self._drop(next(iter(self._values)))

    async def get(self, key: str) -> bytes | None:
        entry = self._live(key)
        return entry[0] if entry else None

    async def set(self, key: str, value: bytes, ttl_s: float | None = None) -> None:
        self._drop(key)
        self._sweep(_cost(key, value))
        self._put(key, bytes(value), time.monotonic() + ttl_s if ttl_s is not None else None)

    async def delete(self, key: str) -> bool:
        if self._live(key) is None:
            return False
        self._drop(key)
        return True

    async def incr(self, key: str, amount: int = 1, ttl_s: float | None = None) -> int:
        entry = self._live(key)
        if entry is None:
            self._sweep(_cost(key, b"0" * 20))
            value, expires = amount, (time.monotonic() + ttl_s if ttl_s is not None else None)
        else:
            value, expires = int(entry[0]) + amount, entry[1]
        self._put(key, str(value).encode(), expires)
        return value

    async def ttl(self, key: str) -> float | None:
        entry = self._live(key)
        if entry is None or entry[1] is None:
            return None
        return max(entry[1] - time.monotonic(), 0.0)

    async def close(self) -> None:
        self._values.clear()
        self.bytes = 0


ENTRY_BYTES = 200   # a dict slot, the key and value objects' headers, the (value, expiry) tuple and float


def _cost(key: str, value: bytes) -> int:
    return ENTRY_BYTES + len(key) + len(value)
