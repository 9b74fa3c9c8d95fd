"""Which provider serves a model, under which upstream name, for which feature."""

from __future__ import annotations

from dataclasses import dataclass

from gateway.config import GatewayConfig, ModelRoute, ProviderConfig
from gateway.errors import GatewayError


@dataclass(frozen=True)
class Route:
    model: str
    upstream_model: str
    provider: ProviderConfig
    feature: str
    pattern: str        # the config's route pattern that matched (a bounded metrics label)


class Router:
    def __init__(self, config: GatewayConfig) -> None:
        self._config = config

    def resolve(self, model: str, wire_format: str, default_feature: str) -> Route:
        """The route of `model` called through an API of `wire_format`; 404 when no route matches."""
        route = next((r for r in self._config.models if r.matches(model)), None)
        if route is None:
            raise GatewayError(404, "model_not_found", f"the model {model!r} is not served by this gateway",
                               param="model")
        provider = self._config.provider(route.provider)
        if provider.kind != "mock" and provider.wire_format != wire_format:  # the mock speaks both
            raise GatewayError(
                400, "wrong_api_for_model",
                f"the model {model!r} is served by a {provider.wire_format} provider; call it through the "
                f"{provider.wire_format} API (this gateway does not translate between wire formats)",
                param="model")
        feature = route.feature or default_feature
        return Route(model=model, upstream_model=route.upstream_model or model, provider=provider,
                     feature=feature, pattern=route.match)

    def model_names(self, features: frozenset[str]) -> list[tuple[str, str]]:
        names: list[tuple[str, str]] = []
        for route in self._config.models:
            if route.feature and route.feature not in features:
                continue
            provider = self._config.provider(route.provider).name
            for name in (route.names if route.is_glob else [route.match, *route.names]):
                if (name, provider) not in names:
                    names.append((name, provider))
        return names
