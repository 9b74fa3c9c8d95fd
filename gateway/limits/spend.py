"""Spend per user and key, per UTC day, kept in the limits' store so that the console shows the spend of
every process that shares it (Redis: every replica; the SQLite file: the server processes of one host),
whichever of them answers.

Each finished request of a known key adds to this process's pending sums (a finish hook: no I/O on the
request path); a task writes them to the store every FLUSH_S seconds, one hash a tenant and day
(`mg:{<tenant>}:spend:d<YYYYMMDD>`, the tenant its hash tag), each field added atomically, so that processes never overwrite
one another. A reader flushes its own process's sums first, then reads the store. The store holds a
digest of each user (as the limits' counters do), never an address: the console names users from the
config's keys. A store that cannot be reached keeps the sums pending (at most MAX_ROWS rows) until it
answers.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote, unquote

from gateway.limits.counters import Counters
from gateway.limits.meters import user_id
from gateway.observability.exchange import Exchange
from gateway.state.store import StateUnavailable

log = logging.getLogger("magic_gateway")
FLUSH_S = 1.0
MAX_ROWS = 10_000          # (tenant, user, key) pending at once: bounded by the config's keys, and here besides
KEEP_S = 2 * 86_400.0      # a day's hash outlives its day by a day (a late reader, clocks that differ)
FIELDS = ("requests", "input_tokens", "output_tokens", "micro_usd", "limited")


def today(now: float) -> str:
    return time.strftime("%Y%m%d", time.gmtime(now))


def day_key(tenant: str, day: str) -> str:
    return f"mg:{{{quote(tenant, safe='')}}}:spend:d{day}"


@dataclass(frozen=True)
class SpendRow:
    tenant: str
    user_digest: str
    key_id: str
    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    micro_usd: int = 0
    limited: int = 0       # requests refused by a limit or budget (429)


class SpendLedger:
    def __init__(self, counters: Counters, clock: Callable[[], float] = time.time) -> None:
        self._counters, self._clock = counters, clock
        self._pending: dict[tuple[str, str], list[int]] = {}   # (day key, user digest|key) -> FIELDS
        self._warned = False
        # what record() would otherwise compute per request: the day, each (tenant, user, key)'s names
        self._day: tuple[int, str] = (-1, "")
        self._slots: dict[tuple[str, str, str, str], tuple[str, str]] = {}

    @property
    def store(self) -> str:
        return self._counters.name

    def record(self, exchange: Exchange) -> None:
        """Count one finished request (the finish hook)."""
        if not exchange.tenant:
            return   # not authenticated: nobody's spend
        now = self._clock()
        if int(now // 86_400) != self._day[0]:
            self._day, self._slots = (int(now // 86_400), today(now)), {}
        named = (self._day[1], exchange.tenant, exchange.user or "", exchange.key_id or "")
        slot = self._slots.get(named)
        if slot is None:
            slot = (day_key(named[1], named[0]), f"{user_id(named[2])}|{quote(named[3], safe='')}")
            if len(self._slots) < MAX_ROWS:
                self._slots[named] = slot
        sums = self._pending.get(slot)
        if sums is None:
            if len(self._pending) >= MAX_ROWS:
                return
            sums = self._pending[slot] = [0] * len(FIELDS)
        sums[0] += 1
        sums[1] += exchange.input_tokens
        sums[2] += exchange.output_tokens
        sums[3] += exchange.spend_micro_usd
        sums[4] += exchange.limit is not None

    async def flush(self) -> None:
        """Write the pending sums to the store; kept for the next flush when it cannot be reached."""
        pending, self._pending = self._pending, {}
        if not pending:
            return
        sums: dict[str, dict[str, int]] = {}
        for (key, slot), values in pending.items():
            fields = sums.setdefault(key, {})
            for name, value in zip(FIELDS, values):
                if value:
                    fields[f"{slot}|{name}"] = value
        try:
            await self._counters.add_sums(sums, KEEP_S)
        except StateUnavailable as error:
            for place, values in pending.items():   # back, added to what came meanwhile
                now = self._pending.setdefault(place, [0] * len(FIELDS))
                now[:] = [a + b for a, b in zip(now, values)]
            if not self._warned:
                log.warning("spend: %s; this process's spend is kept until it answers", error)
                self._warned = True
            return
        self._warned = False

    async def read(self, tenants: Iterable[str]) -> tuple[str, list[SpendRow]]:
        """Today's rows of these tenants, as the store holds them (this process's sums flushed first)."""
        await self.flush()
        day = today(self._clock())
        tenants = sorted(set(tenants))
        found = await self._counters.read_sums([day_key(t, day) for t in tenants])
        rows: list[SpendRow] = []
        for tenant, fields in zip(tenants, found):
            values: dict[tuple[str, str], dict[str, int]] = {}
            for name, value in fields.items():
                digest, key_id, field = name.split("|", 2)
                values.setdefault((digest, unquote(key_id)), {})[field] = value
            rows.extend(SpendRow(tenant, digest, key_id, **{f: v for f, v in counts.items() if f in FIELDS})
                        for (digest, key_id), counts in values.items())
        return day, rows

    async def run(self) -> None:
        """Flush every FLUSH_S seconds until cancelled (a cleanup context runs it)."""
        while True:
            await asyncio.sleep(FLUSH_S)
            try:
                await self.flush()
            except Exception:   # a store's surprise must not end the flushing for good
                log.exception("spend: writing this process's spend failed")
