"""The counters a gateway process uses, from the config's `state` setting and `serve --workers N`.

No Redis: this host's counts, in a SQLite file the server processes share under `--workers N` (the
parent names its directory), else in memory. Redis: shared by every replica; when it is unreachable
`state.on_unavailable` says what happens: `refuse` (503) or `local` (the host's own counts stand in),
and both are said in the logs and in `magic_gateway_limit_state_unavailable_total`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, Sequence

from gateway.config import StateConfig
from gateway.limits.counters import Counters, MemoryCounters, Take
from gateway.state.store import StateUnavailable

log = logging.getLogger("magic_gateway")
# Set by `serve --workers N` for its server processes: the directory of the host's shared counters.
LOCAL_STATE_ENV = "MAGIC_GATEWAY_LOCAL_STATE"


class SharedCounters:
    """Redis first; when it is unreachable, refuse (raise StateUnavailable) or use the host's counts."""

    def __init__(self, shared: Counters, local: Counters | None, on_event: Callable[[str], None]) -> None:
        self.name = shared.name
        self._shared, self._local = shared, local
        self._on_event = on_event      # "refused" | "local" | "settle_lost": counted in metrics
        self._degraded = False

    def _unavailable(self, error: StateUnavailable, action: str) -> None:
        self._on_event(action)
        if not self._degraded:
            how = "using this host's own counts (state.on_unavailable: local)" if action == "local" else \
                "requests under a limit are refused with 503 (state.on_unavailable: refuse)"
            log.warning("limits: %s; %s", error, how)
            self._degraded = True

    def _recovered(self) -> None:
        if self._degraded:
            log.warning("limits: the shared state store (redis) answers again; counting there")
            self._degraded = False

    async def take(self, takes: Sequence[Take]) -> int | None:
        try:
            result = await self._shared.take(takes)
        except StateUnavailable as error:
            if self._local is None:
                self._unavailable(error, "refused")
                raise
            self._unavailable(error, "local")
            return await self._local.take(takes)
        self._recovered()
        return result

    async def adjust(self, changes: Sequence[tuple[str, int]]) -> None:
        try:
            await self._shared.adjust(changes)
        except StateUnavailable as error:
            if self._local is None:
                self._unavailable(error, "settle_lost")
                return   # the answer has gone out: the estimate stands
            self._unavailable(error, "local")
            await self._local.adjust(changes)
            return
        self._recovered()

    async def add_sums(self, sums: Mapping[str, Mapping[str, int]], ttl_s: float) -> None:
        # no fallback: the spend of an unreachable store stays pending in the ledger until it answers
        await self._shared.add_sums(sums, ttl_s)

    async def read_sums(self, keys: Sequence[str]) -> list[dict[str, int]]:
        return await self._shared.read_sums(keys)

    async def close(self) -> None:
        await self._shared.close()
        if self._local is not None:
            await self._local.close()


def host_counters() -> Counters:
    """This host's counts: a SQLite file under `serve --workers N`, else this process's memory."""
    directory = os.environ.get(LOCAL_STATE_ENV)
    if directory:
        from gateway.limits.sqlite_counters import SqliteCounters

        return SqliteCounters(os.path.join(directory, "limits.sqlite3"))
    return MemoryCounters()


def open_counters(config: StateConfig, on_event: Callable[[str], None]) -> Counters:
    """The counters of a gateway process (files and connections are opened when first used)."""
    url = config.url()   # state.redis_url, or the variable state.redis_url_env names
    if not url:
        return host_counters()
    from gateway.limits.redis_counters import RedisCounters

    local = host_counters() if config.on_unavailable == "local" else None
    return SharedCounters(RedisCounters(url, cluster=config.redis_cluster), local, on_event)
