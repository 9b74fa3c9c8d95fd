"""The analysis queue: bounded per tenant, and served by each tenant's recent share of analysis time.

Why: jobs are short (`gateway.analysis.chunks`), but one tenant can queue many of them. A free analysis
process takes the next job of the tenant that used the least analysis time lately (an exponentially
decaying sum of its jobs' durations), so a tenant sending costly texts is served between everyone
else's jobs, not before them. What one tenant may have waiting is bounded (`analysis.tenant_queue_chars`):
over it a request is refused at once (503 with Retry-After) rather than left to time out.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

HALF_LIFE_S = 10.0   # how quickly a tenant's past use of analysis time is forgiven


@dataclass(eq=False)
class Job:
    """One job of one request: the texts a worker analyses in one go, and where its result goes."""

    tenant: str
    payload: Sequence[Any]
    chars: int
    result: asyncio.Future[list[Any]]
    cancelled: bool = False
    queued_at: float = field(default_factory=time.monotonic)


class QueueFull(Exception):
    """The tenant has more waiting than `tenant_queue_chars`: the request is refused at once."""


class FairQueue:
    """Jobs waiting per tenant; `take` hands out the job of the tenant with the least recent use."""

    def __init__(self, tenant_queue_chars: int) -> None:
        self._limit = tenant_queue_chars
        self._waiting: dict[str, deque[Job]] = {}
        self._queued_chars: dict[str, int] = {}
        self._used: dict[str, tuple[float, float]] = {}   # tenant -> (decayed seconds, as of when)
        self._ready = asyncio.Event()

    def used(self, tenant: str, now: float | None = None) -> float:
        """The tenant's analysis time of late: each second of it halves every HALF_LIFE_S."""
        amount, since = self._used.get(tenant, (0.0, 0.0))
        now = time.monotonic() if now is None else now
        return amount * math.pow(0.5, (now - since) / HALF_LIFE_S)

    def charge(self, tenant: str, seconds: float) -> None:
        now = time.monotonic()
        self._used[tenant] = (self.used(tenant, now) + seconds, now)
        if len(self._used) > 10_000:   # bounded: tenants idle for long count as new
            for name in [t for t in self._used if self.used(t, now) < 0.001][:5_000]:
                del self._used[name]

    def queued_chars(self, tenant: str) -> int:
        return self._queued_chars.get(tenant, 0)

    def put(self, jobs: Sequence[Job]) -> None:
        """Queue one request's jobs, all or none: QueueFull if its tenant would wait for too much."""
        if not jobs:
            return
        tenant = jobs[0].tenant
        adding = sum(job.chars for job in jobs)
        # a request alone is always let in when nothing of its tenant waits (its size is limited up front)
        if self.queued_chars(tenant) and self.queued_chars(tenant) + adding > self._limit:
            raise QueueFull(tenant)
        self._waiting.setdefault(tenant, deque()).extend(jobs)
        self._queued_chars[tenant] = self.queued_chars(tenant) + adding
        self._ready.set()

    def drop(self, jobs: Sequence[Job]) -> None:
        """A request that gave up (deadline, client gone): its jobs not yet taken are left out."""
        for job in jobs:
            job.cancelled = True
        tenant = jobs[0].tenant if jobs else ""
        line = self._waiting.get(tenant)
        if line is None:
            return
        kept = deque(job for job in line if not job.cancelled)
        self._queued_chars[tenant] = sum(job.chars for job in kept)
        if kept:
            self._waiting[tenant] = kept
        else:
            del self._waiting[tenant]
            del self._queued_chars[tenant]

    def _pop(self) -> Job | None:
        now = time.monotonic()
        while self._waiting:
            tenant = min(self._waiting, key=lambda t: (self.used(t, now), self._waiting[t][0].queued_at))
            line = self._waiting[tenant]
            job = line.popleft()
            self._queued_chars[tenant] -= job.chars
            if not line:
                del self._waiting[tenant]
                del self._queued_chars[tenant]
            if not job.cancelled and not job.result.done():
                return job
        self._ready.clear()
        return None

    async def take(self, timeout: float) -> Job | None:
        """The next job to run, or None when none came within `timeout` seconds."""
        job = self._pop()
        if job is not None:
            return job
        try:
            async with asyncio.timeout(timeout):
                while job is None:
                    await self._ready.wait()
                    job = self._pop()
        except TimeoutError:
            return None
        return job
