"""Where the limits' counters live: this process's memory, a SQLite file the server processes of one
host share (`serve --workers N`), or Redis for every replica (`state.redis_url`).

Two operations, atomic in every store: `take` adds each request's amounts to its counters only if
none would pass its ceiling (all or nothing, checked and added in one step: no read-modify-write
race between processes), and `adjust` settles a counter that still exists by the difference between
the estimate and the provider's usage. Which store a process uses: `gateway.limits.opening`.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Take:
    key: str
    amount: int
    ceiling: int
    ttl_s: float


class Counters(Protocol):
    name: str   # memory | sqlite | redis: for logs and metrics

    async def take(self, takes: Sequence[Take]) -> int | None:
        """Add every amount, or none: the index of the first counter that would pass its ceiling, else None."""

    async def adjust(self, changes: Sequence[tuple[str, int]]) -> None:
        """Add each (possibly negative) change to its counter, if the counter still exists."""

    async def add_sums(self, sums: Mapping[str, Mapping[str, int]], ttl_s: float) -> None:
        """Add to fields of named sums (the console's spend, `gateway.limits.spend`), each addition atomic;
        a sum created here expires after `ttl_s`."""

    async def read_sums(self, keys: Sequence[str]) -> list[dict[str, int]]:
        """The fields of each named sum ({} for one that does not exist)."""

    async def close(self) -> None:
        """Release files and connections."""


class MemoryCounters:
    """This process's memory: one process's counts (the default)."""

    name = "memory"

    def __init__(self) -> None:
        self._values: dict[str, tuple[int, float]] = {}   # key -> (value, expires at, wall clock)
        self._sums: dict[str, tuple[dict[str, int], float]] = {}   # key -> (fields, expires at)
        self._taken = 0

    def _value(self, key: str, now: float) -> int:
        entry = self._values.get(key)
        return entry[0] if entry is not None and entry[1] > now else 0

    async def take(self, takes: Sequence[Take]) -> int | None:
        # no await between the check and the additions: atomic within the event loop
        now = time.time()
        for index, take in enumerate(takes):
            if take.amount > 0 and self._value(take.key, now) + take.amount > take.ceiling:
                return index
        for take in takes:
            entry = self._values.get(take.key)
            if entry is None or entry[1] <= now:
                self._values[take.key] = (take.amount, now + take.ttl_s)
            else:
                self._values[take.key] = (entry[0] + take.amount, entry[1])
        self._taken += 1
        if self._taken % 1000 == 0:
            self._values = {k: v for k, v in self._values.items() if v[1] > now}
        return None

    async def adjust(self, changes: Sequence[tuple[str, int]]) -> None:
        now = time.time()
        for key, change in changes:
            entry = self._values.get(key)
            if entry is not None and entry[1] > now:
                self._values[key] = (entry[0] + change, entry[1])

    async def add_sums(self, sums: Mapping[str, Mapping[str, int]], ttl_s: float) -> None:
        now = time.time()
        for key, fields in sums.items():
            entry = self._sums.get(key)
            if entry is None or entry[1] <= now:
                entry = self._sums[key] = ({}, now + ttl_s)
            for name, value in fields.items():
                entry[0][name] = entry[0].get(name, 0) + value
        self._sums = {k: v for k, v in self._sums.items() if v[1] > now}

    async def read_sums(self, keys: Sequence[str]) -> list[dict[str, int]]:
        now = time.time()
        return [dict(entry[0]) if (entry := self._sums.get(key)) is not None and entry[1] > now else {}
                for key in keys]

    async def close(self) -> None:
        self._values.clear()
