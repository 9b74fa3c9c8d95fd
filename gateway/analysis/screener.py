"""A request's segments through the filters: analysis (cached, in workers), the decision, the rendering.

The server and `magic-gateway scan` both call `Screener.screen`, so what scan prints is what is sent.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from filters.configfile import CONFIG_DIR
from filters.policy.decision import Decider
from filters.policy.model import Policy, load_policy, tighten
from filters.policy.verdict import ProviderTraits, Refusal, RequestContext, Verdict
from filters.redact.pseudonyms import TenantKeys
from filters.redact.render import render
from filters.segments import RuleHit, Segment, TextAnalysis
from filters.text_analyzer import AccountEntry, AnalyzerSpec
from gateway.analysis.pool import AnalysisItem, AnalysisService
from gateway.config import GatewayConfig, ProviderConfig

log = logging.getLogger("magic_gateway")
DEV_SECRET = b"magic-gateway-development-secret: set MAGIC_GATEWAY_SECRET"


@dataclass
class Screened:
    verdict: Verdict
    texts: list[str]                 # what each segment becomes when forwarded
    pseudonyms: dict[str, str]       # token -> value, only this request's
    cached: int                      # segments whose analysis came from the cache
    analyses: list[TextAnalysis] = field(default_factory=list)   # per segment, what the decision read
    uncertain: list[int] = field(default_factory=list)  # segments the guard model is to be asked about


def provider_traits(provider: ProviderConfig) -> ProviderTraits:
    return ProviderTraits(name=provider.name, zero_retention=provider.zero_retention,
                          trains_on_data=provider.trains_on_data, baa=provider.baa)


def analyzer_spec(config: GatewayConfig, policy: Policy) -> AnalyzerSpec:
    accounts = {
        tenant: tuple(AccountEntry(u.username, u.email, u.name) for u in settings.users)
        for tenant, settings in config.tenants.items() if settings.users
    }
    rules = policy.use_rules_path()
    digest = hashlib.sha256()
    for path in (rules, *sorted(CONFIG_DIR.glob("*.yaml")), *sorted(CONFIG_DIR.glob("use_classifier/*.*")), *sorted(CONFIG_DIR.glob("*.npz"))):   # the filters' data, as the workers will read it
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"unreadable")
    return AnalyzerSpec(use_rules_path=str(rules), accounts=accounts, files_digest=digest.hexdigest()[:16],
                        use_classifier=policy.use_rules.classifier.enabled)


def tenant_secret(config: GatewayConfig, tenant: str) -> bytes:
    """The tenant's pseudonym secret: its own variable, or one derived from the gateway's (same on all replicas)."""
    own = config.tenant(tenant).pseudonym_secret_env
    if own and os.environ.get(own):
        return os.environ[own].encode()
    master = os.environ.get("MAGIC_GATEWAY_SECRET", "").encode() or DEV_SECRET
    return hmac.new(master, b"tenant:" + tenant.encode(), hashlib.sha256).digest()


def tenant_policies(config: GatewayConfig, base: Policy) -> dict[str, Policy]:
    """Each tenant's policy: the shipped one tightened by its override. PolicyError if one loosens it."""
    from gateway.analysis.guard import guard_provider

    tenants = {k.tenant for k in config.keys} | set(config.tenants)
    policies = {tenant: tighten(base, config.tenant(tenant).policy, f"{config.source}: tenants.{tenant}.policy")
                for tenant in sorted(tenants)}
    guard_provider(config, base, base.source)
    for tenant, policy in policies.items():
        guard_provider(config, policy, f"{config.source}: tenants.{tenant}.policy")
    return policies


class Screener:
    """Holds each tenant's policy and keys; screens a request's segments."""

    def __init__(self, config: GatewayConfig, service: AnalysisService, base_policy: Policy | None = None) -> None:
        from filters.recognizers.registry import ENTITY_CATEGORIES, RESTRICTED_ENTITIES
        from filters.use_rules.classifier import family_actions
        from filters.use_rules.rules import UseRules
        from gateway.analysis.guard import GuardModel, guard_provider

        self.config = config
        self.service = service
        self.policy = base_policy or load_policy(config.policy_path())
        rules = UseRules.from_file(self.policy.use_rules_path())
        rule_actions = {spec.id: (spec.category, spec.action) for spec in rules.rules} | family_actions()
        self._deciders: dict[str, Decider] = {}
        self._keys: dict[str, TenantKeys] = {}
        self._audit_keys: dict[str, hmac.HMAC] = {}
        self.guards: dict[str, GuardModel] = {}
        shared: dict[tuple[str, str], GuardModel] = {}
        for tenant, policy in tenant_policies(config, self.policy).items():
            provider = guard_provider(config, policy, f"{config.source}: tenants.{tenant}.policy")
            if provider is not None:
                key = (provider.name, policy.use_rules.guard.model_dump_json())
                self.guards[tenant] = shared.setdefault(key, GuardModel(policy.use_rules.guard, provider))
            self._deciders[tenant] = Decider(policy, ENTITY_CATEGORIES, frozenset(RESTRICTED_ENTITIES),
                                             rule_actions)
            secret = tenant_secret(config, tenant)
            self._keys[tenant] = TenantKeys(secret)
            self._audit_keys[tenant] = hmac.new(hmac.new(secret, b"audit", hashlib.sha256).digest(),
                                                digestmod=hashlib.sha256)
        if not os.environ.get("MAGIC_GATEWAY_SECRET"):
            log.warning("MAGIC_GATEWAY_SECRET is not set: pseudonyms use a development secret")

    def audit_digest(self, tenant: str, entity: str, value: str) -> str:
        """A keyed hash that lets an auditor match repeated values without seeing them."""
        mac = self._audit_keys[tenant].copy()   # keyed once per tenant: each digest copies that state
        mac.update(f"{entity}\0{value}".encode("utf-8", "surrogatepass"))
        return mac.hexdigest()[:16]

    def policy_for(self, tenant: str) -> Policy:
        return self._deciders[tenant].policy

    def admit(self, context: RequestContext) -> Refusal | None:
        """The decision's part that needs no analysis (feature, stored state)."""
        return self._deciders[context.tenant].admit(context)

    async def screen(self, tenant: str, segments: Sequence[Segment], attachments: Sequence[str],
                     context: RequestContext) -> Screened:
        decider = self._deciders[tenant]
        roles = set(decider.policy.use_rules.roles)
        items = [AnalysisItem(s.text, s.stated_class, s.role, s.role in roles) for s in segments]
        analyses, cached = await self.service.analyse(tenant, items)
        verdict = decider.decide(segments, analyses, attachments, context)
        uncertain = [i for i, (segment, analysis) in enumerate(zip(segments, analyses))
                     if tenant in self.guards and decider.uncertain(segment, analysis.rule_hits)]
        screened = self._render(tenant, segments, verdict, cached)
        screened.analyses, screened.uncertain = list(analyses), uncertain
        return screened

    def reconsider(self, tenant: str, segments: Sequence[Segment], screened: Screened,
                   guard_hits: dict[int, Sequence[RuleHit]], attachments: Sequence[str],
                   context: RequestContext) -> Screened:
        """The decision taken again with the guard model's hits added to the segments it was asked about."""
        analyses = [replace(a, rule_hits=a.rule_hits + tuple(guard_hits.get(i, ()))) for i, a in enumerate(screened.analyses)]
        verdict = self._deciders[tenant].decide(segments, analyses, attachments, context)
        again = self._render(tenant, segments, verdict, screened.cached)
        again.analyses = analyses
        return again

    def as_enforced(self, tenant: str, segments: Sequence[Segment],
                    verdict: Verdict) -> tuple[list[str], list[tuple[str, str]]]:
        """Every edit the policy decided applied, whatever the mode: what a shadow-mode cassette keeps (what
        enforce would have forwarded), and the (entity, value) edited, to keep the values out of its answer too."""
        texts: list[str] = []
        values: list[tuple[str, str]] = []
        for segment, segment_verdict in zip(segments, verdict.segments):
            texts.append(render(segment.text, segment_verdict.edits, self._keys[tenant]).text
                         if segment_verdict.edits else segment.text)
            values.extend((e.entity, segment.text[e.start:e.end]) for e in segment_verdict.edits)
        return texts, values

    def _render(self, tenant: str, segments: Sequence[Segment], verdict: Verdict, cached: int) -> Screened:
        texts: list[str] = []
        pseudonyms: dict[str, str] = {}
        for segment, segment_verdict in zip(segments, verdict.segments):
            if not segment_verdict.forwarded_edits:
                texts.append(segment.text)
                continue
            rendered = render(segment.text, segment_verdict.forwarded_edits, self._keys[tenant])
            texts.append(rendered.text)
            pseudonyms.update(rendered.pseudonyms)
        return Screened(verdict=verdict, texts=texts, pseudonyms=pseudonyms, cached=cached)
