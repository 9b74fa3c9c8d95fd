"""Deployments' cool-downs and demotions shared through the state store (`state.redis_url`), so that when
one replica finds a deployment failing, the others stop sending to it too, and every replica's `/readyz`
and `magic_gateway_deployment_cooled_down` say the same.

Each process publishes what its own `DeploymentHealth` decides (a key a deployment and kind, set with
the cool-down as its time to live, deleted when a request there succeeds), and every SYNC_S seconds reads
the keys of the deployments it knows (the config's, and those it has used: at most MAX_TRACKED) and
adopts what others published. Nothing of this is on the request path: a failure is published by this
task right after it happens, and routing reads only the process's own memory. Keys are
`mg:health:<kind>:<digest of route, provider, upstream model>`: bounded in size whatever model name a
client sends, and gone with the cool-down. A store that cannot be reached leaves each process with its
own view (logged once), as without Redis.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Callable

from gateway.state.store import KeyValueStore, StateUnavailable, batched
from gateway.upstream.deployments import Deployment, DeploymentHealth

log = logging.getLogger("magic_gateway")
SYNC_S = 1.0
MAX_TRACKED = 256   # deployments read each round (a glob route's models are the client's choice)
KINDS = ("cooled", "demoted")


def health_key(kind: str, deployment: Deployment) -> str:
    who = f"{deployment.route}\0{deployment.provider.name}\0{deployment.upstream_model}"
    return f"mg:health:{kind}:{hashlib.sha256(who.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}"


class SharedHealth:
    def __init__(self, health: DeploymentHealth, store: KeyValueStore,
                 known: Callable[[], list[Deployment]]) -> None:
        self._health, self._store, self._known = health, store, known
        self._wake = asyncio.Event()
        self._warned = False
        health.sharing, health.on_publish = True, self._wake.set

    def _tracked(self) -> list[Deployment]:
        found: dict[tuple[str, str, str], Deployment] = {}
        for d in [*self._known(), *self._health.tracked()]:
            if len(found) >= MAX_TRACKED:
                break
            found.setdefault((d.route, d.provider.name, d.upstream_model), d)
        return list(found.values())

    async def sync(self) -> None:
        """Publish this process's changes, then adopt every process's."""
        outbox, self._health.outbox = self._health.outbox, []
        try:
            for kind, deployment, seconds in outbox:
                if seconds:
                    await self._store.set(health_key(kind, deployment), b"1", seconds)
                else:
                    await self._store.delete(health_key(kind, deployment))
            tracked = self._tracked()
            left = await batched([self._store.ttl(health_key(kind, d)) for d in tracked for kind in KINDS])
        except StateUnavailable as error:
            if not self._warned:
                log.warning("deployments: %s; each process keeps its own view of the deployments' health", error)
                self._warned = True
            return
        if self._warned:
            log.warning("deployments: the shared state store answers again; cool-downs are shared")
            self._warned = False
        for index, deployment in enumerate(tracked):
            for offset, kind in enumerate(KINDS):
                self._health.adopt(deployment, kind, left[2 * index + offset])

    async def run(self) -> None:
        """Sync every SYNC_S seconds, and at once when this process has something to publish."""
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), SYNC_S)
            self._wake.clear()
            try:
                await self.sync()
            except Exception:   # a surprise must not end the sharing for good
                log.exception("deployments: sharing the deployments' health failed")
