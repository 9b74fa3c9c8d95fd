"""Which deployments serve a model (providers, upstream names, weights), for which feature."""

from __future__ import annotations

from dataclasses import dataclass

from filters.policy.verdict import ProviderTraits
from gateway.config import GatewayConfig, ModelRoute, ProviderConfig
from gateway.errors import GatewayError
from gateway.upstream.deployments import Deployment


@dataclass(frozen=True)
class Route:
    model: str
    deployments: tuple[Deployment, ...]
    feature: str
    pattern: str                     # the config's route pattern that matched (a bounded metrics label)
    balance: str = "weighted"        # weighted | least_in_flight
    fallback_on_timeout: bool = False

    @property
    def provider(self) -> ProviderConfig:
        """The first deployment's provider (a route with one `provider` has only that one)."""
        return self.deployments[0].provider

    @property
    def upstream_model(self) -> str:
        return self.deployments[0].upstream_model

    def traits(self) -> ProviderTraits:
        """What the policy may assume of whichever deployment serves the request: the strictest of them."""
        providers = [d.provider for d in self.deployments]
        return ProviderTraits(name=providers[0].name, zero_retention=all(p.zero_retention for p in providers),
                              trains_on_data=any(p.trains_on_data for p in providers),
                              baa=all(p.baa for p in providers))


class Router:
    # Routes resolved before, by (model, default feature): a function of the config alone, which a reload
    # replaces with the whole Router. Bounded, as the model name is the client's (only found routes are kept).
    RESOLVED_ENTRIES = 1024

    def __init__(self, config: GatewayConfig) -> None:
        self._config = config
        self._resolved: dict[tuple[str, str], Route] = {}

    def resolve(self, model: str, default_feature: str) -> Route:
        """The route of `model`, whichever API it is called through (translation makes any work); 404 when
        no route matches."""
        found = self._resolved.get((model, default_feature))
        if found is None:
            found = self._resolve(model, default_feature)
            if len(self._resolved) >= self.RESOLVED_ENTRIES:
                self._resolved.clear()
            self._resolved[(model, default_feature)] = found
        return found

    def _resolve(self, model: str, default_feature: str) -> Route:
        route = next((r for r in self._config.models if r.matches(model)), None)
        if route is None:
            raise GatewayError(404, "model_not_found",   # the name is not echoed: the client chose it
                               "the model named in the request is not served by this gateway "
                               "(GET /v1/models lists them)", param="model")
        deployments = self._deployments(route, model)
        feature = route.feature or default_feature
        return Route(model=model, deployments=deployments, feature=feature, pattern=route.match,
                     balance=route.balance, fallback_on_timeout=route.fallback_on_timeout)

    def _deployments(self, route: ModelRoute, model: str) -> tuple[Deployment, ...]:
        return tuple(Deployment(route=route.match, provider=self._config.provider(d.provider),
                                upstream_model=d.upstream_model or model, weight=d.weight)
                     for d in route.deployment_list())

    def known_deployments(self) -> list[Deployment]:
        """The deployments the config names without a client's help: its exact routes and listed names
        (a glob route's other models are known once requested)."""
        found: dict[tuple[str, str, str], Deployment] = {}
        for route in self._config.models:
            for name in (route.names if route.is_glob else [route.match, *route.names]):
                for d in self._deployments(route, name):
                    found.setdefault((d.route, d.provider.name, d.upstream_model), d)
        return list(found.values())

    def model_names(self, features: frozenset[str]) -> list[tuple[str, str]]:
        names: list[tuple[str, str]] = []
        for route in self._config.models:
            if route.feature and route.feature not in features:
                continue
            provider = route.deployment_list()[0].provider
            for name in (route.names if route.is_glob else [route.match, *route.names]):
                if (name, provider) not in names:
                    names.append((name, provider))
        return names
