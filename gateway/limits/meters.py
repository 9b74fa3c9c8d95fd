"""Which counters a request takes: one per configured limit of its key, its user and its tenant.

A counter is a fixed window aligned on the clock (the UTC minute, hour, day or month), so that every
replica with a synchronised clock counts in the same window; its store key names the tenant, the
scope, the limit and the window, never a key or a user's address (users are hashed); the tenant is the
key's hash tag (`mg:{tenant}:...`), so that in a Redis Cluster one request's counters share a slot.
"""

from __future__ import annotations

import calendar
import hashlib
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote

from gateway.limits.config import LimitsConfig, LimitSet, Period

Scope = Literal["key", "user", "tenant"]
Unit = Literal["requests", "tokens", "micro_usd"]
SKEW_S = 60.0   # a window's key outlives its end by this much: replicas' clocks never agree exactly


@dataclass(frozen=True)
class Meter:
    scope: Scope
    shown: str        # how a refusal names the scope: the key's name, the tenant; "" for a user (never the address)
    limit: str        # requests_per_minute | tokens_per_minute | budget_tokens_<period> | budget_usd_<period>
    unit: Unit
    ceiling: int      # requests, tokens or µUSD per window
    key: str          # the store key, window included
    ends: float       # when the window ends (wall clock)

    @property
    def ttl_s(self) -> float:
        return max(self.ends - time.time(), 1.0) + SKEW_S


def _window(period: Literal["minute"] | Period, now: float) -> tuple[str, float]:
    """The window's name and its end (epoch seconds)."""
    if period == "minute":
        index = int(now // 60)
        return f"m{index}", (index + 1) * 60.0
    if period == "hour":
        index = int(now // 3600)
        return f"h{index}", (index + 1) * 3600.0
    day = time.gmtime(now)
    if period == "day":
        start = calendar.timegm((day.tm_year, day.tm_mon, day.tm_mday, 0, 0, 0))
        return f"d{day.tm_year:04d}{day.tm_mon:02d}{day.tm_mday:02d}", start + 86_400.0
    year, month = (day.tm_year + 1, 1) if day.tm_mon == 12 else (day.tm_year, day.tm_mon + 1)
    return f"M{day.tm_year:04d}{day.tm_mon:02d}", float(calendar.timegm((year, month, 1, 0, 0, 0)))


def _quoted(part: str) -> str:
    return quote(part, safe="")


def user_id(user: str) -> str:
    """A user as a store key holds it: a digest, so that no address is written to the store."""
    return hashlib.sha256(user.encode("utf-8", "surrogatepass")).hexdigest()[:20]


class LimitRules:
    """The config's limits, asked per request for the counters that apply to it."""

    def __init__(self, config: LimitsConfig) -> None:
        self.config = config
        self.active = config.any

    def _set(self, scope: dict[str, LimitSet], name: str) -> LimitSet | None:
        found = scope.get(name) or scope.get("*")
        return found if found is not None and not found.empty else None

    def meters(self, tenant: str, user: str, key_id: str, now: float | None = None) -> list[Meter]:
        """Every counter this request takes; empty when no limit applies (nothing is counted then)."""
        if not self.active:
            return []
        now = time.time() if now is None else now
        found: list[Meter] = []
        for scope, shown, ident, limits in (
                ("key", key_id, key_id, self._set(self.config.keys, key_id)),
                ("user", "", user_id(user), self._set(self.config.users, user)),
                ("tenant", tenant, "-", self._set(self.config.tenants, tenant))):
            if limits is None:
                continue
            base = f"mg:{{{_quoted(tenant)}}}:limit:{scope}:{_quoted(ident)}"   # {tenant}: one cluster slot
            found.extend(_meters(scope, shown, base, limits, now))   # type: ignore[arg-type]
        return found


def _meters(scope: Scope, shown: str, base: str, limits: LimitSet, now: float) -> Iterator[Meter]:
    minute, minute_ends = _window("minute", now)
    if limits.requests_per_minute is not None:
        yield Meter(scope, shown, "requests_per_minute", "requests", limits.requests_per_minute,
                    f"{base}:rpm:{minute}", minute_ends)
    if limits.tokens_per_minute is not None:
        yield Meter(scope, shown, "tokens_per_minute", "tokens", limits.tokens_per_minute,
                    f"{base}:tpm:{minute}", minute_ends)
    for budget in limits.budgets:
        window, ends = _window(budget.period, now)
        if budget.tokens is not None:
            yield Meter(scope, shown, f"budget_tokens_{budget.period}", "tokens", budget.tokens,
                        f"{base}:bt:{window}", ends)
        if budget.usd is not None:
            yield Meter(scope, shown, f"budget_usd_{budget.period}", "micro_usd", round(budget.usd * 1_000_000),
                        f"{base}:bu:{window}", ends)
