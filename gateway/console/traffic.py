"""The last hour of traffic, per minute, counted in this process from each request's record.

A ring of 60 one-minute buckets fed by the same per-request record that metrics and the audit are
written from (a finish hook on GatewayState), so the console's charts need no Prometheus. Keys are
bounded like metric labels: outcomes, clauses, entity types, data classes. With `serve --workers N`
each process counts its own requests; the page says which process answered.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from gateway.observability.exchange import Exchange

MINUTES = 60


@dataclass
class _Latency:
    count: int = 0
    total_ms: float = 0.0
    max_ms: float = 0.0

    def add(self, ms: float) -> None:
        self.count += 1
        self.total_ms += ms
        self.max_ms = max(self.max_ms, ms)

    def mean(self) -> float | None:
        return round(self.total_ms / self.count, 2) if self.count else None


@dataclass
class _Minute:
    minute: int
    requests: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    blocks: Counter[str] = field(default_factory=Counter)           # clause -> requests refused or held
    entities: Counter[str] = field(default_factory=Counter)
    data_classes: Counter[str] = field(default_factory=Counter)     # findings by the class of their span
    overhead: _Latency = field(default_factory=_Latency)
    upstream: _Latency = field(default_factory=_Latency)


class TrafficCounters:
    def __init__(self, clock: Any = time.time) -> None:
        self._clock = clock
        self._ring: list[_Minute | None] = [None] * MINUTES

    def _bucket(self, minute: int) -> _Minute:
        slot = minute % MINUTES
        bucket = self._ring[slot]
        if bucket is None or bucket.minute != minute:
            bucket = self._ring[slot] = _Minute(minute)
        return bucket

    def record(self, exchange: Exchange) -> None:
        """Count one finished request (the finish hook)."""
        bucket = self._bucket(int(self._clock() // 60))
        bucket.requests += 1
        bucket.outcomes[exchange.outcome or "error"] += 1
        for clause in {v["clause"] for v in exchange.violations if v.get("action") in ("block", "review")}:
            bucket.blocks[clause] += 1
        for (entity, data_class, _action), count in exchange.findings.items():
            bucket.entities[entity] += count
            bucket.data_classes[data_class] += count
        bucket.overhead.add(exchange.overhead() * 1000)
        if exchange.upstream_s:
            bucket.upstream.add(exchange.upstream_s * 1000)

    def snapshot(self) -> dict[str, Any]:
        """Per-minute series over the last hour (oldest first) and the hour's totals."""
        now = int(self._clock() // 60)
        minutes = list(range(now - MINUTES + 1, now + 1))
        buckets = [b if (b := self._ring[m % MINUTES]) is not None and b.minute == m else _Minute(m)
                   for m in minutes]
        outcomes = sorted({k for b in buckets for k in b.outcomes})
        blocks: Counter[str] = Counter()
        entities: Counter[str] = Counter()
        classes: Counter[str] = Counter()
        for bucket in buckets:
            blocks.update(bucket.blocks)
            entities.update(bucket.entities)
            classes.update(bucket.data_classes)
        return {
            "process": os.getpid(),
            "minutes": [time.strftime("%H:%M", time.gmtime(m * 60)) for m in minutes],
            "requests": [b.requests for b in buckets],
            "outcomes": {name: [b.outcomes.get(name, 0) for b in buckets] for name in outcomes},
            "blocks_by_clause": dict(blocks.most_common()),
            "findings_by_entity": dict(entities.most_common()),
            "findings_by_data_class": dict(classes.most_common()),
            "overhead_ms": {"mean": [b.overhead.mean() for b in buckets],
                            "max": [round(b.overhead.max_ms, 2) if b.overhead.count else None for b in buckets]},
            "upstream_ms": {"mean": [b.upstream.mean() for b in buckets],
                            "max": [round(b.upstream.max_ms, 2) if b.upstream.count else None for b in buckets]},
            "totals": {"requests": sum(b.requests for b in buckets),
                       "blocked": sum(b.outcomes.get("block", 0) + b.outcomes.get("review", 0) for b in buckets),
                       "findings": sum(entities.values())},
        }
