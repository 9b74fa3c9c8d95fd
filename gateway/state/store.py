"""The key-value interface every piece of shared state is built on, and the per-tenant namespace.

Five operations, the same for memory and Redis: `get`, `set` (with an optional time to live),
`delete`, `incr` (atomic, the expiry set when the counter is created: a fixed window) and `ttl`.
Keys are strings, values bytes. A store that cannot be reached raises `StateUnavailable`; the
server answers it with 503 (or, with `state.on_unavailable: local`, the process's memory is used).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Protocol, TypeVar

T = TypeVar("T")


class StateUnavailable(Exception):
    """The shared store cannot be reached; the message names the store, never a key's content."""


class KeyValueStore(Protocol):
    name: str   # "memory" or "redis": for logs and metrics

    async def get(self, key: str) -> bytes | None:
        """The value, or None when the key is unset or expired."""

    async def set(self, key: str, value: bytes, ttl_s: float | None = None) -> None:
        """Set the value; with `ttl_s` it expires that many seconds from now."""

    async def delete(self, key: str) -> bool:
        """Remove the key; whether it existed."""

    async def incr(self, key: str, amount: int = 1, ttl_s: float | None = None) -> int:
        """Add `amount` atomically and return the new value. A counter created by this call expires
        after `ttl_s`; later calls do not extend it (a fixed window for limits and budgets)."""

    async def ttl(self, key: str) -> float | None:
        """Seconds until the key expires; None when it does not exist or never expires."""

    async def close(self) -> None:
        """Release connections."""


BATCH = 32   # commands sent at once by one caller: each in flight holds a connection of the client's pool


async def batched(calls: list[Awaitable[T]]) -> list[T]:
    """The calls' results in order, at most BATCH of them in flight at a time."""
    results: list[T] = []
    for start in range(0, len(calls), BATCH):
        results.extend(await asyncio.gather(*calls[start:start + BATCH]))
    return results


def _safe(part: str) -> str:
    # A tenant name or a key part may hold ':' or braces; escaping keeps namespaces from overlapping and
    # the hash tag exactly the tenant.
    return part.replace("%", "%25").replace(":", "%3A").replace("{", "%7B").replace("}", "%7D")


@dataclass(frozen=True)
class TenantStore:
    """A store seen through one tenant's namespace: `mg:{<tenant>}:<kind>:<key>` (the tenant is the key's hash
    tag: in a Redis Cluster a tenant's keys share a slot)."""

    store: KeyValueStore
    tenant: str

    def key(self, kind: str, key: str) -> str:
        return f"mg:{{{_safe(self.tenant)}}}:{_safe(kind)}:{key}"

    async def get(self, kind: str, key: str) -> bytes | None:
        return await self.store.get(self.key(kind, key))

    async def set(self, kind: str, key: str, value: bytes, ttl_s: float | None = None) -> None:
        await self.store.set(self.key(kind, key), value, ttl_s)

    async def delete(self, kind: str, key: str) -> bool:
        return await self.store.delete(self.key(kind, key))

    async def incr(self, kind: str, key: str, amount: int = 1, ttl_s: float | None = None) -> int:
        return await self.store.incr(self.key(kind, key), amount, ttl_s)

    async def ttl(self, kind: str, key: str) -> float | None:
        return await self.store.ttl(self.key(kind, key))


def for_tenant(store: KeyValueStore, tenant: str) -> TenantStore:
    return TenantStore(store, tenant)
