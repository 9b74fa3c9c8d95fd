"""AUP I.B.a: one key used by several clients. Distinct client addresses (and user agents) per key,
counted in fixed windows in the shared state store, so that every replica counts the same clients.

Each client gets an ordinal in the key's window: the first `max_addresses` are the key's allowance,
and a request from any client after them exceeds it (flagged, or refused under `action: refuse`,
while the first ones go on being served). The store holds, per key and window, a counter and one
entry per client up to the allowance, named by a digest of the address, never the address: bounded,
whatever the traffic. Past the allowance nothing more is stored.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass

from gateway.clients.config import SharedKeysConfig
from gateway.state.store import KeyValueStore, StateUnavailable, for_tenant

log = logging.getLogger("magic_gateway")
CLAUSE = "AUP I.B.a"
KIND = "shared-key"


@dataclass(frozen=True)
class Excess:
    kind: str        # addresses | user_agents
    limit: int
    window_s: float


class SharedKeyWatch:
    def __init__(self, config: SharedKeysConfig) -> None:
        self.config = config
        self.limits = {kind: limit for kind, limit in (("addresses", config.max_addresses),
                                                       ("user_agents", config.max_user_agents)) if limit}
        self._warned = False   # one warning while the store stays unreachable, not one per request

    @property
    def refuses(self) -> bool:
        return self.config.action == "refuse"

    async def observe(self, store: KeyValueStore, tenant: str, key_id: str,
                      clients: dict[str, str | None]) -> list[Excess]:
        """The allowances this request exceeds; `clients`: kind -> this request's value (None: not known)."""
        found: list[Excess] = []
        try:
            for kind, limit in self.limits.items():
                value = clients.get(kind)
                if value and await self._ordinal(store, tenant, key_id, kind, value, limit) > limit:
                    found.append(Excess(kind, limit, self.config.window_s))
        except StateUnavailable as error:
            if self.refuses:
                raise   # the policy refuses shared keys: a request that cannot be counted is not served
            if not self._warned:
                log.warning("%s; shared keys are not counted meanwhile", error)
                self._warned = True
            return found
        self._warned = False
        return found

    async def _ordinal(self, store: KeyValueStore, tenant: str, key_id: str, kind: str, value: str,
                       limit: int) -> int:
        window_s = self.config.window_s
        window = int(time.time() // window_s)
        space = for_tenant(store, tenant)
        base = f"{key_id}:{kind}:{window}"
        member = f"{base}:{hashlib.sha256(value.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}"
        known = await space.get(KIND, member)
        if known is not None:
            return int(known)
        seen = int(await space.get(KIND, base) or 0)
        if seen > limit:
            return seen   # already past the allowance: nothing more is stored
        ordinal = await space.incr(KIND, base, 1, window_s)
        await space.set(KIND, member, str(ordinal).encode(), window_s)
        return ordinal
