"""Every rule of the policy (config/policy.yaml) and of the use rules, grouped by the clause it cites.

A rule's row says what it does (its action), why (its reason) and where a tenant's tightening
changes it (its overrides). The rows are read from the loaded Policy and UseRules objects, the very
ones the decision applies, not from the YAML text, so the page cannot drift from what is enforced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from filters.policy.model import RULE_ACTIONS, Policy, stricter
from gateway.console.clauses import Clause, PolicyDocuments

_CLASS_ACTIONS = {"send": "sent to the provider as it is", "pseudonymize": "values replaced by pseudonyms "
                  "that the response restores", "mask": "values replaced by a typed placeholder",
                  "drop": "removed before forwarding", "block": "the request is refused"}


@dataclass
class RuleRow:
    source: str          # policy.yaml | use_rules.yaml
    id: str              # the rule's place: findings.entities.CREDIT_CARD, or a use rule's id
    clause: str
    action: str
    reason: str
    category: str = ""
    overrides: dict[str, str] = field(default_factory=dict)   # tenant -> its action, where it differs


@dataclass
class ClauseGroup:
    clause: str
    document: Clause | None
    rules: list[RuleRow]


@dataclass
class PolicyView:
    version: str
    groups: list[ClauseGroup]
    uncited: list[Clause]
    documents_loaded: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "policy_version": self.version,
            "documents_loaded": self.documents_loaded,
            "clauses": [{"clause": g.clause, "text": g.document.text if g.document else None,
                         "rules": [vars(r) for r in g.rules]} for g in self.groups],
            "clauses_without_rules": [{"clause": c.id, "text": c.text} for c in self.uncited],
        }


def _policy_rows(policy: Policy) -> Iterator[RuleRow]:
    for name, rule in policy.data_classes.items():
        yield RuleRow("policy.yaml", f"data_classes.{name}", rule.cite, rule.action,
                      f"{name} data: {_CLASS_ACTIONS[rule.action]}")
    findings = policy.findings
    for category, cat in findings.categories.items():
        action = cat.action + (f" ({cat.with_baa} with a BAA)" if cat.with_baa else "")
        yield RuleRow("policy.yaml", f"findings.categories.{category}", cat.cite, action,
                      f"{category} values found in any span")
    for entity_name, entity in findings.entities.items():
        action = entity.action + (f" ({entity.with_baa} with a BAA)" if entity.with_baa else "")
        yield RuleRow("policy.yaml", f"findings.entities.{entity_name}", entity.cite, action,
                      f"every {entity_name} value found")
    yield RuleRow("policy.yaml", "findings.restricted", findings.restricted.cite, findings.restricted.floor,
                  "Restricted Data (credentials, cards, government ids): never looser than this, in every mode, "
                  "whatever the data class")
    providers = policy.providers
    needs = [w for w, on in (("zero-retention", providers.require_zero_retention),
                             ("zero-training", providers.require_zero_training)) if on]
    if needs:
        yield RuleRow("policy.yaml", "providers", providers.cite, "block",
                      f"customer data only goes to {' and '.join(needs)} providers")
    if providers.openai_store_false:
        yield RuleRow("policy.yaml", "providers.openai_store_false", providers.store_cite, "store: false",
                      "OpenAI requests are sent with store: false; stored state (previous_response_id) is refused")
    for feature_name, feature in policy.features.items():
        yield RuleRow("policy.yaml", f"features.{feature_name}", feature.cite, feature.otherwise,
                      f"{feature_name} requests carry only {', '.join(feature.classes)} data; other spans: "
                      f"{feature.otherwise}")
    attachments = policy.attachments
    kinds = ", ".join(f"{k} {getattr(attachments, k)}" for k in ("image", "file", "audio", "document"))
    yield RuleRow("policy.yaml", "attachments", attachments.cite, kinds,
                  "binary content the gateway cannot read")
    yield RuleRow("policy.yaml", "review", policy.review.cite, policy.review.without_reviewer,
                  "decisions with legal or similarly significant effects need X-Human-Reviewer")
    responses = policy.responses
    yield RuleRow("policy.yaml", "responses.mark_ai_generated", responses.mark_cite, "mark",
                  "responses carry X-AI-Generated")
    if responses.mask_new_findings:
        yield RuleRow("policy.yaml", "responses.mask_new_findings", responses.mask_cite, "mask",
                      "secrets and Restricted Data the model writes that the request did not hold")
    if responses.refuse_categories:
        yield RuleRow("policy.yaml", "responses.refuse_categories", responses.refuse_cite, "refuse",
                      "responses with content of: " + ", ".join(responses.refuse_categories))


def _use_rule_rows(policy: Policy, use_rules: Any) -> Iterator[RuleRow]:
    actions = policy.use_rules.actions
    for spec in use_rules.rules:
        override = actions.get(spec.id) or actions.get(spec.category)
        action = stricter(override, spec.action, RULE_ACTIONS) if override else spec.action
        yield RuleRow("use_rules.yaml", spec.id, spec.clause, action, spec.reason, category=spec.category)


def rows(policy: Policy, use_rules: Any) -> list[RuleRow]:
    return [*_policy_rows(policy), *_use_rule_rows(policy, use_rules)]


def _clause_order(documents: PolicyDocuments) -> dict[str, int]:
    return {c.id: i for i, c in enumerate(documents.clauses)}


def _natural(clause: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", clause))


def build_view(base: Policy, tenants: Mapping[str, Policy], use_rules: Any,
               documents: PolicyDocuments) -> PolicyView:
    base_rows = rows(base, use_rules)
    for tenant, policy in tenants.items():
        if policy is base:
            continue
        known = {row.id: row for row in base_rows}
        for tenant_row in rows(policy, use_rules):
            row = known.get(tenant_row.id)
            if row is None:   # a rule only this tenant's tightening adds (an entity, say)
                row = known[tenant_row.id] = RuleRow(tenant_row.source, tenant_row.id, tenant_row.clause,
                                                      "(none)", tenant_row.reason, tenant_row.category)
                base_rows.append(row)
            if tenant_row.action != row.action:
                row.overrides[tenant] = tenant_row.action
    by_clause: dict[str, list[RuleRow]] = {}
    for row in base_rows:
        by_clause.setdefault(row.clause, []).append(row)
    order = _clause_order(documents)

    def key(clause: str) -> tuple[Any, ...]:
        found = documents.find(clause)
        place = order.get(found.id, len(order)) if found else len(order)
        return (0 if clause.startswith("AUP") else 1, place, _natural(clause))

    groups = [ClauseGroup(clause, documents.find(clause), by_clause[clause]) for clause in sorted(by_clause, key=key)]
    return PolicyView(version=base.digest, groups=groups, uncited=documents.uncited(set(by_clause)),
                      documents_loaded=bool(documents.clauses))
