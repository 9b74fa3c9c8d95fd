"""The one place that decides: policy applied to a request's analysed segments gives a Verdict."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from filters.policy.model import FINDING_ACTIONS, RULE_ACTIONS, Policy, stricter
from filters.segments import DataClass, Segment, Span, TextAnalysis

OUTCOMES = ("allow", "redact", "review", "block")


@dataclass(frozen=True)
class ProviderTraits:
    name: str
    zero_retention: bool
    trains_on_data: bool
    baa: bool


@dataclass(frozen=True)
class RequestContext:
    tenant: str
    feature: str
    provider: ProviderTraits
    mode: str = "enforce"          # enforce | shadow
    reviewer: str | None = None


@dataclass(frozen=True)
class Finding:
    entity: str
    start: int
    end: int
    score: float
    action: str
    data_class: DataClass
    category: str


@dataclass(frozen=True)
class Violation:
    clause: str
    category: str
    action: str        # block | review | flag
    reason: str        # never the request's text


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    entity: str
    action: str        # pseudonymize | hash | mask | drop


@dataclass
class SegmentVerdict:
    spans: list[Span]
    findings: list[Finding]
    edits: list[Edit]


@dataclass
class Verdict:
    outcome: str
    segments: list[SegmentVerdict]
    violations: list[Violation] = field(default_factory=list)

    def first(self, action: str) -> Violation | None:
        return next((v for v in self.violations if v.action == action), None)


def _span_at(spans: Sequence[Span], offset: int) -> Span | None:
    for span in spans:
        if span.start <= offset < span.end:
            return span
    return spans[-1] if spans else None


class Decider:
    """Applies a (tenant's) policy; knows each entity's category and which entities are restricted."""

    def __init__(self, policy: Policy, categories: Mapping[str, str], restricted: frozenset[str],
                 rule_actions: Mapping[str, tuple[str, str]]) -> None:
        self.policy = policy
        self.categories = categories
        self.restricted = restricted
        self.rule_actions = rule_actions   # rule id -> (category, default action)

    def decide(self, segments: Sequence[Segment], analyses: Sequence[TextAnalysis],
               attachments: Sequence[str], context: RequestContext) -> Verdict:
        policy = self.policy
        violations: list[Violation] = []
        provider = context.provider
        if (policy.providers.require_zero_retention and not provider.zero_retention) or \
                (policy.providers.require_zero_training and provider.trains_on_data):
            violations.append(Violation(policy.providers.cite, "provider_retention", "block",
                                        f"the provider {provider.name!r} is not marked zero-retention and "
                                        "zero-training; customer data is only sent to such providers"))
        for kind in sorted(set(attachments)):
            if getattr(policy.attachments, kind, "block") == "block":
                violations.append(Violation(policy.attachments.cite, f"attachment_{kind}", "block",
                                            f"{kind} attachments cannot be scanned and are not forwarded"))
        verdicts = [self._segment(seg, analysis, context, violations)
                    for seg, analysis in zip(segments, analyses)]
        if any(v.action == "block" for v in violations):
            outcome = "block"
        elif any(v.action == "review" for v in violations):
            outcome = "review"
        elif any(s.edits for s in verdicts):
            outcome = "redact"
        else:
            outcome = "allow"
        return Verdict(outcome=outcome, segments=verdicts, violations=violations)

    def _segment(self, segment: Segment, analysis: TextAnalysis, context: RequestContext,
                 violations: list[Violation]) -> SegmentVerdict:
        policy = self.policy
        edits: list[Edit] = []
        feature_rule = policy.features.get(context.feature)  # type: ignore[call-overload]
        for span in analysis.spans:
            class_rule = policy.data_classes[span.data_class.value]
            if class_rule.action == "drop":
                edits.append(Edit(span.start, span.end, f"{span.data_class.value.upper()}_DATA", "drop"))
            elif class_rule.action == "block":
                self._add(violations, Violation(class_rule.cite, f"{span.data_class.value}_data", "block",
                                                f"{span.data_class.value} data is not sent to providers"))
            if feature_rule and span.data_class.value not in feature_rule.classes:
                if feature_rule.otherwise == "drop":
                    edits.append(Edit(span.start, span.end, f"{span.data_class.value.upper()}_DATA", "drop"))
                else:
                    self._add(violations, Violation(
                        feature_rule.cite, f"{context.feature}_data_class", "block",
                        f"{context.feature} requests carry only {', '.join(feature_rule.classes)} data; "
                        f"this one holds {span.data_class.value} data (state X-Data-Class where it is known)"))
        findings: list[Finding] = []
        for detection in analysis.detections:
            if detection.score < policy.findings.min_score:
                continue
            span = _span_at(analysis.spans, detection.start)
            data_class = span.data_class if span else DataClass.INPUT
            category = self.categories.get(detection.entity, "personal")
            action = self._finding_action(detection.entity, category, data_class, context)
            findings.append(Finding(detection.entity, detection.start, detection.end, detection.score,
                                    action, data_class, category))
            if action == "block":
                self._add(violations, Violation(policy.findings.restricted.cite, "restricted_data", "block",
                                                f"the request holds {detection.entity}, which is never sent"))
            elif action != "allow":
                edits.append(Edit(detection.start, detection.end, detection.entity, action))
        if segment.role in policy.use_rules.roles:
            for hit in analysis.rule_hits:
                category, default = self.rule_actions.get(hit.rule, (hit.category, "block"))
                action = policy.use_rules.actions.get(hit.rule) or policy.use_rules.actions.get(category)
                action = stricter(action, default, RULE_ACTIONS) if action else default
                self._add(violations, Violation(hit.clause, hit.category, action, hit.reason))
        return SegmentVerdict(spans=list(analysis.spans), findings=findings, edits=edits)

    def _finding_action(self, entity: str, category: str, data_class: DataClass,
                        context: RequestContext) -> str:
        findings = self.policy.findings
        rule = findings.entities.get(entity) or findings.categories.get(category)  # type: ignore[call-overload]
        if rule is None:
            action = "mask"
        else:
            action = rule.with_baa if (context.provider.baa and rule.with_baa) else rule.action
        class_action = self.policy.data_classes[data_class.value].action
        if class_action in ("pseudonymize", "mask"):
            action = stricter(action, class_action)
        if entity in self.restricted:
            action = stricter(action, findings.restricted.floor)
        if context.feature == "embeddings" and action == "pseudonymize":
            action = "hash"  # an embedding has no response in which a pseudonym could be restored
        return action

    @staticmethod
    def _add(violations: list[Violation], violation: Violation) -> None:
        if violation not in violations:
            violations.append(violation)


