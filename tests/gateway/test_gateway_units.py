"""The key ring, the router, Retry-After parsing, policy tightening and the config loader's wording."""

from __future__ import annotations

import email.utils
import hashlib
import time
from pathlib import Path

import pytest

from filters.policy.model import PolicyError, load_policy, tighten
from gateway.config import ConfigError, load_config, parse_config
from gateway.errors import GatewayError
from gateway.server.auth import KeyRing
from gateway.upstream.client import retry_after_seconds
from gateway.upstream.routing import Router


def sha(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


CONFIG = {
    "providers": [{"name": "openai", "kind": "mock", "zero_retention": True},
                  {"name": "anthropic", "kind": "anthropic", "base_url": "http://127.0.0.1:9", "zero_retention": True}],
    "models": [{"match": "gpt-*", "provider": "openai"},
               {"match": "code-complete", "provider": "openai", "feature": "typeahead", "upstream_model": "gpt-i"},
               {"match": "claude-*", "provider": "anthropic", "names": ["claude-sonnet-4-6"]}],
    "keys": [{"sha256": sha("k-acme"), "tenant": "acme", "user": "jane@acme.example", "features": ["assistant"]},
             {"sha256": sha("k-off"), "tenant": "acme", "user": "joe@acme.example", "suspended": True}],
}


def test_the_key_ring_finds_the_principal_by_either_header() -> None:
    ring = KeyRing(parse_config(CONFIG))
    for headers in ({"Authorization": "Bearer k-acme"}, {"x-api-key": "k-acme"}):
        principal = ring.authenticate(headers)
        assert (principal.tenant, principal.user, principal.key_id) == ("acme", "jane@acme.example", sha("k-acme")[:12])


@pytest.mark.parametrize("headers, status, code", [
    ({}, 401, "missing_api_key"),
    ({"Authorization": "Bearer nope"}, 401, "invalid_api_key"),
    ({"x-api-key": "k-off"}, 403, "suspended"),
    ({"x-api-key": "k-acme", "X-Agent-Name": "bad\nname"}, 400, "invalid_agent_name"),
])
def test_the_key_ring_refuses(headers: dict[str, str], status: int, code: str) -> None:
    with pytest.raises(GatewayError) as caught:
        KeyRing(parse_config(CONFIG)).authenticate(headers)
    assert (caught.value.status, caught.value.code) == (status, code)


def test_the_router_resolves_globs_exact_names_and_features() -> None:
    router = Router(parse_config(CONFIG))
    route = router.resolve("gpt-4o", "assistant")
    [only] = route.deployments
    assert (only.provider.name, only.upstream_model, route.feature, route.pattern) == (
        "openai", "gpt-4o", "assistant", "gpt-*")
    typeahead = router.resolve("code-complete", "assistant")
    assert (typeahead.deployments[0].upstream_model, typeahead.feature) == ("gpt-i", "typeahead")
    with pytest.raises(GatewayError) as caught:
        router.resolve("llama-3", "assistant")
    assert caught.value.status == 404
    assert ("claude-sonnet-4-6", "anthropic") in router.model_names(frozenset({"assistant"}))
    assert ("code-complete", "openai") not in router.model_names(frozenset({"assistant"}))


def test_retry_after_in_seconds_milliseconds_and_http_dates() -> None:
    assert retry_after_seconds({"retry-after": "7"}, 30) == 7
    assert retry_after_seconds({"retry-after": "90"}, 30) == 30
    assert retry_after_seconds({"retry-after-ms": "250", "retry-after": "9"}, 30) == 0.25
    later = email.utils.formatdate(time.time() + 12, usegmt=True)
    assert 9 <= (retry_after_seconds({"retry-after": later}, 30) or 0) <= 12
    assert retry_after_seconds({}, 30) is None
    assert retry_after_seconds({"retry-after": "soon"}, 30) is None


def test_a_tenant_can_tighten_the_policy_but_never_loosen_it() -> None:
    base = load_policy()
    tightened = tighten(base, {"findings": {"categories": {"personal": {"action": "mask", "cite": "AUP I.A.c"}}}},
                        "tenants.acme.policy")
    assert tightened.findings.categories["personal"].action == "mask"
    for loosening, field in [
        ({"findings": {"categories": {"secret": {"action": "allow", "cite": "AUP II.k"}}}}, "findings.categories.secret"),
        ({"providers": {"require_zero_retention": False}}, "providers.require_zero_retention"),
        ({"review": {"without_reviewer": "serve_and_mark"}}, "review.without_reviewer"),
        ({"attachments": {"file": "forward"}}, "attachments.file"),
    ]:
        with pytest.raises(PolicyError) as caught:
            tighten(base, loosening, "tenants.acme.policy")
        assert field in str(caught.value)


def test_an_unknown_field_is_named_with_the_closest_valid_one(tmp_path: Path) -> None:
    path = tmp_path / "gateway.yaml"
    path.write_text("providers:\n  - {name: openai, kind: openai, base_url: 'http://x', api_key_evn: OPENAI_KEY}\n"
                    "models: [{match: 'gpt-*', provider: openai}]\n"
                    f"keys: [{{sha256: '{sha('k')}', tenant: acme, user: jane@acme.example}}]\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(path) in str(caught.value)
    assert "providers[0].api_key_evn: unknown field; did you mean 'api_key_env'?" in str(caught.value)


def test_yaml_that_does_not_parse_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gateway.yaml"
    path.write_text("providers: [\n  {name: openai\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(path) in str(caught.value) and "not valid YAML (line" in str(caught.value)


def test_metric_label_sets_are_bounded() -> None:
    """Were free values ever to reach a label (a bug), the label sets stop growing at MAX_LABEL_SETS
    and the rest count under "other": the process's memory and the scrape stay bounded."""
    from gateway.observability.metrics import MAX_LABEL_SETS, Metrics

    metrics = Metrics()
    for number in range(MAX_LABEL_SETS + 500):
        metrics.child(metrics.requests, "openai.chat", "mock", f"family-{number}", "200").inc()
    text = metrics.render().decode()
    assert text.count("magic_gateway_requests_total{") == MAX_LABEL_SETS + 1
    assert 'model_family="other",provider="other",route="other",status="other"} 500.0' in text
