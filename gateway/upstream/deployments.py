"""A route's deployments: which one a request tries first, which next, and which are cooled down.

Balancing is by weight (a weighted draw without replacement, so the order of fallbacks follows the
weights too) or by least in-flight requests. A deployment that fails `cooldown_after_failures` times
in a row (connection failures, 429s, 5xx, timeouts) is left out for `cooldown_s`; afterwards one
request may try it again, and a single further failure cools it down once more. A deployment whose
429 or 5xx was relayed to the client is demoted for `cooldown_s`: tried after the others, so that the
client's retry of that request goes to another one. The state is kept per server process; with a shared
store (`state.redis_url`) each cool-down and demotion is also published to it, and every process adopts
the others' (`gateway.upstream.shared_health`), so that one replica finding a deployment failing takes
it out of every replica's routes.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from gateway.config import ProviderConfig, RoutingConfig


@dataclass(frozen=True)
class Deployment:
    """One provider and upstream model behind a route."""

    route: str              # the route's pattern in the config (a bounded label)
    provider: ProviderConfig
    upstream_model: str
    weight: float

    @property
    def label(self) -> str:
        """provider:model, from the config only (bounded, never a client's value)."""
        return f"{self.provider.name}:{self.upstream_model}"


@dataclass
class _Health:
    deployment: Deployment
    failures: int = 0            # consecutive
    cooled_until: float = 0.0
    in_flight: int = 0
    demoted_until: float = 0.0   # tried after the others until then
    demoted_at: float = 0.0      # when this process learnt of the demotion (its own or another's)
    adopted: bool = False        # the cool-down is another process's (it ends when the shared one does)


@dataclass
class DeploymentHealth:
    """Consecutive failures, cool-downs and in-flight counts of every deployment this process used."""

    settings: RoutingConfig
    clock: Callable[[], float] = time.monotonic
    on_change: Callable[[Deployment, bool], None] = lambda deployment, cooled: None
    _state: dict[tuple[str, str, str], _Health] = field(default_factory=dict)
    # What other processes should know: (kind "cooled" | "demoted", deployment, seconds; 0: it ended).
    # Filled only once a shared store listens (`sharing`), emptied by it; bounded.
    outbox: list[tuple[str, Deployment, float]] = field(default_factory=list)
    sharing: bool = False
    on_publish: Callable[[], None] = lambda: None

    def _publish(self, kind: str, deployment: Deployment, seconds: float) -> None:
        if self.sharing and len(self.outbox) < 1000:
            self.outbox.append((kind, deployment, seconds))
            self.on_publish()

    def _of(self, deployment: Deployment) -> _Health:
        key = (deployment.route, deployment.provider.name, deployment.upstream_model)
        health = self._state.get(key)
        if health is None:
            health = self._state[key] = _Health(deployment)
        return health

    def _expire(self, health: _Health) -> None:
        if health.cooled_until and self.clock() >= health.cooled_until:
            # the cool-down is over: one more failure cools it down again
            health.cooled_until, health.adopted = 0.0, False
            health.failures = self.settings.cooldown_after_failures - 1
            self.on_change(health.deployment, False)

    def cooled(self, deployment: Deployment) -> bool:
        health = self._of(deployment)
        self._expire(health)
        return health.cooled_until > 0.0

    def refresh(self) -> None:
        """Cool-downs that are over are ended now (before /metrics or /readyz report them)."""
        for health in self._state.values():
            self._expire(health)

    def failed(self, deployment: Deployment) -> None:
        health = self._of(deployment)
        health.failures += 1
        if health.failures >= self.settings.cooldown_after_failures and not health.cooled_until:
            health.cooled_until = self.clock() + self.settings.cooldown_s
            self.on_change(deployment, True)
            self._publish("cooled", deployment, self.settings.cooldown_s)

    def demote(self, deployment: Deployment) -> None:
        """Tried after the others for `cooldown_s` (its 429 or 5xx went back to the client, who may retry)."""
        health, now = self._of(deployment), self.clock()
        health.demoted_until, health.demoted_at = now + self.settings.cooldown_s, now
        self._publish("demoted", deployment, self.settings.cooldown_s)

    def demoted(self, deployment: Deployment) -> bool:
        return self._of(deployment).demoted_until > self.clock()

    def succeeded(self, deployment: Deployment, sent_at: float | None = None) -> None:
        """A good answer from `deployment` to a request sent at `sent_at` (this health's clock). A request
        sent before the deployment was demoted says nothing of it since: its success keeps the demotion
        (another replica's, adopted while the request was in flight, would otherwise end for every one)."""
        health = self._of(deployment)
        health.failures = 0
        if health.demoted_until and (sent_at is None or sent_at >= health.demoted_at):
            health.demoted_until = 0.0
            self._publish("demoted", deployment, 0)
        if health.cooled_until:
            health.cooled_until, health.adopted = 0.0, False
            self.on_change(deployment, False)
            self._publish("cooled", deployment, 0)

    def adopt(self, deployment: Deployment, kind: str, left_s: float | None) -> None:
        """Another process's cool-down or demotion, `left_s` seconds more (None: there is none now)."""
        health, now = self._of(deployment), self.clock()
        if kind == "demoted":
            if left_s and health.demoted_until < now + left_s:
                if health.demoted_until <= now:
                    health.demoted_at = now
                health.demoted_until = now + left_s
            return
        if left_s:
            if health.cooled_until < now + left_s - 1.0:   # a second's slack: our own, published, is the same
                if not health.cooled_until:
                    self.on_change(deployment, True)
                health.cooled_until, health.adopted = now + left_s, True
        elif health.adopted and health.cooled_until:
            # ended elsewhere (a success there) or expired: as when one's own cool-down is over
            health.cooled_until, health.adopted = 0.0, False
            health.failures = self.settings.cooldown_after_failures - 1
            self.on_change(deployment, False)

    def tracked(self) -> list[Deployment]:
        """The deployments this process has used or adopted."""
        return [h.deployment for h in self._state.values()]

    def started(self, deployment: Deployment) -> float:
        """One more request in flight to `deployment`; returns when it was sent (for `succeeded`)."""
        self._of(deployment).in_flight += 1
        return self.clock()

    def ended(self, deployment: Deployment) -> None:
        health = self._of(deployment)
        health.in_flight = max(health.in_flight - 1, 0)

    def in_flight(self, deployment: Deployment) -> int:
        return self._of(deployment).in_flight

    def cooled_labels(self) -> list[dict[str, str | float]]:
        """The deployments cooled down now, for /readyz: route, deployment, seconds left."""
        self.refresh()
        now = self.clock()
        return [{"route": route, "deployment": f"{provider}:{model}", "seconds_left": round(h.cooled_until - now, 1)}
                for (route, provider, model), h in sorted(self._state.items()) if h.cooled_until > now]

    def order(self, deployments: tuple[Deployment, ...], balance: str,
              draw: Callable[[], float] = random.random) -> list[Deployment]:
        """The deployments in the order one request tries them; cooled ones only when all are cooled."""
        ready = [d for d in deployments if not self.cooled(d)]
        if not ready:   # every deployment is cooled down: trying them beats refusing outright
            return sorted(deployments, key=lambda d: self._of(d).cooled_until)
        if balance == "least_in_flight":
            return sorted(ready, key=lambda d: (self.demoted(d), self.in_flight(d), -d.weight))
        ordered: list[Deployment] = []
        while ready:
            total = sum(d.weight for d in ready)
            point, chosen = draw() * total, ready[-1]
            for candidate in ready:
                point -= candidate.weight
                if point < 0:
                    chosen = candidate
                    break
            ordered.append(chosen)
            ready.remove(chosen)
        return sorted(ordered, key=self.demoted)   # stable: the draw's order among the others
