"""Shared state: what replicas must agree on (conversation store, limits, budgets), memory or Redis.

`open_state(config.state)` gives the one `KeyValueStore` of a gateway process; `for_tenant` gives a
view of it whose keys live in that tenant's namespace, so one tenant can never read another's.
"""

from gateway.state.memory import MemoryStore
from gateway.state.opening import open_state
from gateway.state.store import KeyValueStore, StateUnavailable, TenantStore, for_tenant

__all__ = ["KeyValueStore", "MemoryStore", "StateUnavailable", "TenantStore", "for_tenant", "open_state"]
