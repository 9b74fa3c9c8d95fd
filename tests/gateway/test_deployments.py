"""Routes over several deployments: the config shape, the order a request tries them in, cool-downs."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from gateway.config import ConfigError, RoutingConfig, parse_config
from gateway.upstream.deployments import DeploymentHealth
from gateway.upstream.routing import Router

KEY = {"sha256": "0" * 64, "tenant": "acme", "user": "jane@acme.example"}
PROVIDERS = [{"name": "oa", "kind": "openai", "base_url": "https://oa.example/v1", "zero_retention": True,
              "baa": True},
             {"name": "an", "kind": "anthropic", "base_url": "https://an.example", "zero_retention": True},
             {"name": "tr", "kind": "openai", "base_url": "https://tr.example/v1"}]


def config(*models: dict) -> object:
    return parse_config({"providers": PROVIDERS, "models": list(models), "keys": [KEY]})


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_route_with_one_provider_is_one_deployment_as_before() -> None:
    route = Router(config({"match": "gpt-*", "provider": "oa", "upstream_model": "gpt-4o-2024"})).resolve(
        "gpt-4o", "openai.chat")
    assert [(d.provider.name, d.upstream_model, d.weight) for d in route.deployments] == [("oa", "gpt-4o-2024", 1.0)]
    assert route.provider.name == "oa" and route.upstream_model == "gpt-4o-2024"


def test_a_route_lists_deployments_with_weights() -> None:
    route = Router(config({"match": "smart", "balance": "least_in_flight", "fallback_on_timeout": True,
                           "deployments": [{"provider": "oa", "upstream_model": "gpt-4.1", "weight": 3},
                                           {"provider": "an", "upstream_model": "claude-sonnet-4-6"}]})).resolve(
        "smart", "anthropic.messages")
    assert [(d.label, d.weight) for d in route.deployments] == [("oa:gpt-4.1", 3.0), ("an:claude-sonnet-4-6", 1.0)]
    assert (route.balance, route.fallback_on_timeout, route.pattern) == ("least_in_flight", True, "smart")


def test_the_policy_sees_the_strictest_traits_of_a_routes_deployments() -> None:
    route = Router(config({"match": "m", "deployments": [{"provider": "oa"}, {"provider": "an"}]})).resolve(
        "m", "openai.chat")
    traits = route.traits()
    assert traits.zero_retention and not traits.baa and not traits.trains_on_data
    mixed = Router(config({"match": "m", "deployments": [{"provider": "oa"}, {"provider": "tr"}]})).resolve(
        "m", "openai.chat").traits()
    assert mixed.trains_on_data and not mixed.zero_retention


@pytest.mark.parametrize("route, message", [
    ({"match": "m", "provider": "oa", "deployments": [{"provider": "an"}]}, "either provider or deployments"),
    ({"match": "m"}, "either provider or deployments"),
    ({"match": "m", "deployments": [{"provider": "nope"}]}, "models[0].deployments[0].provider: no provider"),
    ({"match": "m", "deployments": [{"provider": "oa"}, {"provider": "oa"}]}, "listed twice"),
    ({"match": "m", "deployments": [{"provider": "oa", "weight": 0}]}, "greater than 0"),
    ({"match": "m", "deployments": [{"provider": "oa", "wieght": 2}]}, "unknown field")])
def test_config_errors_name_the_route_and_field(route: dict, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        config(route)
    assert message in str(error.value)


def _deployments(*weights: float):  # type: ignore[no-untyped-def]
    models = [{"provider": "oa", "upstream_model": f"m{i}", "weight": w} for i, w in enumerate(weights)]
    return Router(config({"match": "r", "deployments": models})).resolve("r", "openai.chat").deployments


def test_weighted_order_follows_the_weights_and_lists_each_deployment_once() -> None:
    deployments = _deployments(6, 3, 1)
    health = DeploymentHealth(RoutingConfig())
    draw = random.Random(7).random
    firsts = Counter()
    for _ in range(3000):
        order = health.order(deployments, "weighted", draw)
        assert sorted(d.upstream_model for d in order) == ["m0", "m1", "m2"]
        firsts[order[0].upstream_model] += 1
    # 60% / 30% / 10% expected; a wide bound (over 10 standard deviations apart from each other)
    assert 1700 < firsts["m0"] < 1900 and 800 < firsts["m1"] < 1000 and 220 < firsts["m2"] < 380


def test_least_in_flight_prefers_the_idle_deployment() -> None:
    first, second = _deployments(5, 1)
    health = DeploymentHealth(RoutingConfig())
    assert health.order((first, second), "least_in_flight")[0] == first   # tie: the heavier weight
    health.started(first)
    assert health.order((first, second), "least_in_flight") == [second, first]
    health.ended(first)
    assert health.order((first, second), "least_in_flight")[0] == first


def test_cool_down_after_consecutive_failures_and_recovery() -> None:
    first, second = _deployments(1, 1)
    clock, changes = Clock(), []
    health = DeploymentHealth(RoutingConfig(cooldown_after_failures=3, cooldown_s=30), clock=clock,
                              on_change=lambda d, cooled: changes.append((d.upstream_model, cooled)))
    health.failed(first)
    health.failed(first)
    health.succeeded(first)          # a success in between: the count starts again
    health.failed(first)
    health.failed(first)
    assert not health.cooled(first)
    health.failed(first)
    assert health.cooled(first) and changes == [("m0", True)]
    assert health.order((first, second), "weighted") == [second]
    assert health.cooled_labels() == [{"route": "r", "deployment": "oa:m0", "seconds_left": 30.0}]
    clock.now += 30
    assert not health.cooled(first) and changes[-1] == ("m0", False)
    health.failed(first)             # on trial after the cool-down: one failure is enough
    assert health.cooled(first)
    clock.now += 30
    health.refresh()
    health.succeeded(first)
    health.failed(first)
    assert not health.cooled(first)


def test_when_every_deployment_is_cooled_they_are_still_tried_soonest_back_first() -> None:
    first, second = _deployments(1, 1)
    clock = Clock()
    health = DeploymentHealth(RoutingConfig(cooldown_after_failures=1, cooldown_s=10), clock=clock)
    health.failed(second)
    clock.now += 5
    health.failed(first)
    assert health.order((first, second), "weighted") == [second, first]


@pytest.mark.parametrize("balance", ["weighted", "least_in_flight"])
def test_a_demoted_deployment_is_tried_after_the_others_until_its_time_is_up(balance: str) -> None:
    heavy, light = _deployments(1000, 1)
    clock = Clock()
    health = DeploymentHealth(RoutingConfig(cooldown_s=10), clock=clock)
    health.demote(heavy)              # its 429 went back to the client: the client's retry goes elsewhere
    assert health.order((heavy, light), balance) == [light, heavy]   # still a fallback for a failed connect
    clock.now += 10
    assert health.order((heavy, light), balance, draw=lambda: 0.0)[0] == heavy
    health.demote(heavy)
    health.succeeded(heavy)           # answered well since: no longer demoted
    assert health.order((heavy, light), balance, draw=lambda: 0.0)[0] == heavy


def test_a_request_sent_before_a_demotion_does_not_end_it() -> None:
    heavy, light = _deployments(1000, 1)
    clock = Clock()
    health = DeploymentHealth(RoutingConfig(cooldown_s=10), clock=clock)
    sent_at = health.started(heavy)   # in flight when another replica's demotion is adopted
    clock.now += 0.5
    health.adopt(heavy, "demoted", 10.0)
    health.ended(heavy)
    health.succeeded(heavy, sent_at)  # its answer predates the demotion: the demotion stands
    assert health.order((heavy, light), "least_in_flight") == [light, heavy]
    sent_at = health.started(heavy)   # a request sent since, answered well: the demotion ends
    health.ended(heavy)
    health.succeeded(heavy, sent_at)
    assert health.order((heavy, light), "least_in_flight")[0] == heavy
