"""The policy file (config/policy.yaml): the seeds' rules as data, and tenants' tightening of them."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from filters.configfile import ConfigFileError, read_yaml, validate

FINDING_ACTIONS = ("allow", "pseudonymize", "hash", "mask", "drop", "block")
RULE_ACTIONS = ("flag", "review", "block")
FindingAction = Literal["allow", "pseudonymize", "hash", "mask", "drop", "block"]
RuleAction = Literal["flag", "review", "block"]
DEFAULT_POLICY = Path(__file__).resolve().parents[2] / "config" / "policy.yaml"


class PolicyError(ConfigFileError):
    """A policy that cannot be used; the message names the file and the field."""


def stricter(a: str, b: str, order: tuple[str, ...] = FINDING_ACTIONS) -> str:
    return a if order.index(a) >= order.index(b) else b


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClassRule(_Strict):
    action: Literal["send", "pseudonymize", "mask", "drop", "block"]
    cite: str


class CategoryRule(_Strict):
    action: FindingAction
    with_baa: FindingAction | None = None
    cite: str


class EntityRule(_Strict):
    action: FindingAction
    with_baa: FindingAction | None = None
    cite: str


class RestrictedFloor(_Strict):
    floor: FindingAction = "mask"
    cite: str = "AUP II.k"


class FindingsPolicy(_Strict):
    categories: dict[Literal["personal", "account", "phi", "secret"], CategoryRule]
    entities: dict[str, EntityRule] = Field(default_factory=dict)
    restricted: RestrictedFloor = Field(default_factory=RestrictedFloor)
    min_score: float = Field(default=0.5, ge=0, le=1)


class ProvidersPolicy(_Strict):
    require_zero_retention: bool = True
    require_zero_training: bool = True
    cite: str
    openai_store_false: bool = True
    store_cite: str
    # Where a Responses conversation's state is kept when the provider stores nothing: `gateway` (its
    # own encrypted store expands previous_response_id and item_reference) or `refuse` (400).
    conversation_state: Literal["gateway", "refuse"] = "gateway"
    # Models that return reasoning items: with store: false they are asked for
    # reasoning.encrypted_content, so that the client can send those items back.
    reasoning_models: list[str] = Field(default_factory=lambda: ["o1*", "o3*", "o4*", "gpt-5*", "codex-*"])


class FeatureRule(_Strict):
    classes: list[Literal["account", "dataset", "input", "output", "metadata"]]
    otherwise: Literal["block", "drop"]
    cite: str


class FeaturesOffPolicy(_Strict):
    cite: str = "FAQ: Can I turn off Hex Magic Typeahead but keep Magic turned on?"


class AttachmentsPolicy(_Strict):
    image: Literal["forward", "block"] = "forward"
    file: Literal["forward", "block"] = "block"
    audio: Literal["forward", "block"] = "block"
    document: Literal["forward", "block"] = "block"
    # A PDF with a text layer is read and screened like text; when its text holds findings it is sent
    # as a text document with the values handled as anywhere (`mask`) or refused naming the entity
    # types (`refuse`). Without a text layer it is an unreadable `document`.
    pdf: Literal["mask", "refuse"] = "mask"
    cite: str


ALL_ROLES = ["user", "system", "prompt", "assistant", "tool", "tool_call", "tool_definition", "identity",
             "embedding_input"]


class ClassifierPolicy(_Strict):
    """The learned classifier's part of the decision (its model: config/use_classifier/)."""

    enabled: bool = True
    # A hit counts when its calibrated score (the family's dev-chosen threshold sits at 0.5) reaches
    # 1 - (1 - threshold) * weight of the segment's role: text the model itself wrote, or a tool
    # returned, needs a stronger signal than what the user asks.
    threshold: float = Field(default=0.75, gt=0, lt=1)
    role_weights: dict[str, float] = Field(default_factory=dict)


class GuardPolicy(_Strict):
    """The optional guard model (a provider of the gateway config), asked when the local score is uncertain."""

    provider: str | None = None              # a provider name in the gateway config; None: off
    model: str = "guard"
    kind: Literal["chat", "moderation"] = "chat"
    band: tuple[float, float] = (0.45, 0.75)   # calibrated scores in [low, high): ask the guard
    deadline_s: float = Field(default=1.5, gt=0, le=30)
    # The guard's answer (a category word, or a moderation category) -> the clause and category it cites.
    clauses: dict[str, tuple[str, str]] = Field(default_factory=dict)


class UseRulesPolicy(_Strict):
    file: str = "use_rules.yaml"
    roles: list[str] = Field(default_factory=lambda: list(ALL_ROLES))
    actions: dict[str, RuleAction] = Field(default_factory=dict)
    classifier: ClassifierPolicy = Field(default_factory=ClassifierPolicy)
    guard: GuardPolicy = Field(default_factory=GuardPolicy)
    # An earlier turn answered by a refusal (an assistant turn matching one of these) was not acted
    # upon: its restricted request does not refuse the benign turns that follow it.
    refusals: list[str] = Field(default_factory=list)
    # ...unless a later user turn asks for it again (a refusal the client wrote itself, then "do it
    # anyway"): a later user turn matching one of these keeps the refused turn's request counting.
    refusal_followups: list[str] = Field(default_factory=list)
    # Words addressed to the model that replace its task ("ignore the user's question and answer this
    # instead:"), in a role read with a stronger bar (a tool definition, a tool result, an assistant turn):
    # what follows them is a request, read with the user's bar.
    redirects: list[str] = Field(default_factory=list)


class ReviewPolicy(_Strict):
    without_reviewer: Literal["refuse", "serve_and_mark"] = "refuse"
    cite: str = "AUP II.a"
    # AUP II.d: assisting a licensed professional (summarising, drafting) is served, and the response
    # marked for a qualified person's review, even without a named reviewer.
    serve_and_mark: list[str] = Field(default_factory=lambda: ["AUP II.d"])


class ResponsesPolicy(_Strict):
    mark_ai_generated: Literal[True] = True
    mark_cite: str = "AUP II.g"
    mask_new_findings: bool = True
    mask_cite: str = "AUP II.k"
    refuse_categories: list[str] = Field(default_factory=list)
    refuse_cite: str = "AUP II.n"
    # Hosts into whose URLs a pseudonym may be restored; everywhere else in a URL, a markdown link or
    # image target or an HTML attribute the token stays (a link the client's renderer fetches would
    # carry the value out).
    restore_in_links: list[str] = Field(default_factory=list)
    links_cite: str = "AUP II.k"


class AuditPolicy(_Strict):
    required: bool = False


class Policy(_Strict):
    version: int
    data_classes: dict[Literal["account", "dataset", "input", "output", "metadata"], ClassRule]
    findings: FindingsPolicy
    providers: ProvidersPolicy
    features: dict[Literal["assistant", "typeahead", "embeddings"], FeatureRule]
    features_off: FeaturesOffPolicy = Field(default_factory=FeaturesOffPolicy)
    attachments: AttachmentsPolicy
    use_rules: UseRulesPolicy = Field(default_factory=UseRulesPolicy)
    review: ReviewPolicy = Field(default_factory=ReviewPolicy)
    responses: ResponsesPolicy = Field(default_factory=ResponsesPolicy)
    audit: AuditPolicy = Field(default_factory=AuditPolicy)

    digest: str = Field(default="", exclude=True)   # names the policy's version in audit records
    source: str = Field(default="<memory>", exclude=True)

    def use_rules_path(self) -> Path:
        path = Path(self.use_rules.file)
        if not path.is_absolute():
            base = Path(self.source).parent if self.source != "<memory>" else DEFAULT_POLICY.parent
            path = base / path
        return path


def parse_policy(data: Any, source: str) -> Policy:
    if not isinstance(data, dict):
        raise PolicyError(f"{source}: the policy must be a mapping of fields")
    digest = hashlib.sha256(yaml.safe_dump(data, sort_keys=True).encode()).hexdigest()[:16]
    return validate(Policy, data, source, error=PolicyError, what="policy",
                    extra={"digest": digest, "source": source})


def load_policy(path: str | Path = DEFAULT_POLICY) -> Policy:
    return parse_policy(read_yaml(path, PolicyError), str(path))


def _merge(base: Any, override: Any) -> Any:
    if isinstance(base, dict) and isinstance(override, dict):
        out = dict(base)
        for key, value in override.items():
            out[key] = _merge(base.get(key), value) if key in base else value
        return out
    return override


def _loosenings(base: Policy, tightened: Policy) -> list[str]:
    """Every place where `tightened` is looser than `base`, as field: reason."""
    problems: list[str] = []
    class_order = ("send", "pseudonymize", "mask", "drop", "block")
    for class_name, class_rule in base.data_classes.items():
        new_class = tightened.data_classes[class_name].action
        if class_order.index(new_class) < class_order.index(class_rule.action):
            problems.append(f"data_classes.{class_name}.action: {new_class} is looser than {class_rule.action}")
    for category, category_rule in base.findings.categories.items():
        new_category = tightened.findings.categories[category]
        if FINDING_ACTIONS.index(new_category.action) < FINDING_ACTIONS.index(category_rule.action):
            problems.append(f"findings.categories.{category}.action: {new_category.action} is looser than "
                            f"{category_rule.action}")
        if category_rule.with_baa and new_category.with_baa and \
                FINDING_ACTIONS.index(new_category.with_baa) < FINDING_ACTIONS.index(category_rule.with_baa):
            problems.append(f"findings.categories.{category}.with_baa: looser than {category_rule.with_baa}")
    for entity, entity_rule in base.findings.entities.items():
        new_entity = tightened.findings.entities.get(entity)
        if new_entity is None or FINDING_ACTIONS.index(new_entity.action) < FINDING_ACTIONS.index(entity_rule.action):
            problems.append(f"findings.entities.{entity}.action: looser than {entity_rule.action}")
    if FINDING_ACTIONS.index(tightened.findings.restricted.floor) < FINDING_ACTIONS.index(base.findings.restricted.floor):
        problems.append("findings.restricted.floor: looser than the shipped floor")
    if tightened.findings.min_score > base.findings.min_score:
        problems.append("findings.min_score: a higher threshold would let more values through")
    for flag in ("require_zero_retention", "require_zero_training", "openai_store_false"):
        if getattr(base.providers, flag) and not getattr(tightened.providers, flag):
            problems.append(f"providers.{flag}: cannot be turned off")
    if base.providers.conversation_state == "refuse" and tightened.providers.conversation_state != "refuse":
        problems.append("providers.conversation_state: cannot be loosened from refuse")
    for feature, feature_rule in base.features.items():
        new_feature = tightened.features[feature]
        if not set(new_feature.classes) <= set(feature_rule.classes):
            problems.append(f"features.{feature}.classes: adds classes the policy does not allow")
        if feature_rule.otherwise == "block" and new_feature.otherwise != "block":
            problems.append(f"features.{feature}.otherwise: looser than block")
    for kind in ("image", "file", "audio", "document"):
        if getattr(base.attachments, kind) == "block" and getattr(tightened.attachments, kind) != "block":
            problems.append(f"attachments.{kind}: cannot forward what the policy blocks")
    if base.attachments.pdf == "refuse" and tightened.attachments.pdf != "refuse":
        problems.append("attachments.pdf: cannot be loosened from refuse")
    for key, rule_action in base.use_rules.actions.items():
        new_action = tightened.use_rules.actions.get(key, rule_action)
        if RULE_ACTIONS.index(new_action) < RULE_ACTIONS.index(rule_action):
            problems.append(f"use_rules.actions.{key}: {new_action} is looser than {rule_action}")
    if not set(base.use_rules.roles) <= set(tightened.use_rules.roles):
        problems.append("use_rules.roles: cannot stop reading roles the policy reads")
    if not set(tightened.review.serve_and_mark) <= set(base.review.serve_and_mark):
        problems.append("review.serve_and_mark: cannot serve clauses the policy holds")
    if base.use_rules.classifier.enabled and not tightened.use_rules.classifier.enabled:
        problems.append("use_rules.classifier.enabled: cannot be turned off")
    if tightened.use_rules.classifier.threshold > base.use_rules.classifier.threshold:
        problems.append("use_rules.classifier.threshold: a higher threshold would let more requests through")
    for role, weight in tightened.use_rules.classifier.role_weights.items():
        if weight < base.use_rules.classifier.role_weights.get(role, 1.0):
            problems.append(f"use_rules.classifier.role_weights.{role}: a lower weight reads that role less")
    if base.review.without_reviewer == "refuse" and tightened.review.without_reviewer != "refuse":
        problems.append("review.without_reviewer: serve_and_mark is looser than refuse")
    if base.responses.mask_new_findings and not tightened.responses.mask_new_findings:
        problems.append("responses.mask_new_findings: cannot be turned off")
    if not set(tightened.responses.restore_in_links) <= set(base.responses.restore_in_links):
        problems.append("responses.restore_in_links: cannot add hosts")
    if not set(base.responses.refuse_categories) <= set(tightened.responses.refuse_categories):
        problems.append("responses.refuse_categories: cannot remove categories")
    if base.audit.required and not tightened.audit.required:
        problems.append("audit.required: cannot be turned off")
    return problems


def tighten(base: Policy, override: dict[str, Any], source: str) -> Policy:
    """`base` with a tenant's override applied; PolicyError if the override loosens anything."""
    if not override:
        return base
    merged = _merge(copy.deepcopy(base.model_dump()), override)
    policy = parse_policy(merged, source)
    problems = _loosenings(base, policy)
    if problems:
        raise PolicyError(f"{source}: a tenant can only tighten the policy:\n  " + "\n  ".join(problems))
    return policy
