"""The one place that decides: a (tenant's) policy applied to a request gives its Verdict.

`admit` runs before analysis (what the request asks for: a feature, stored state), `decide` after it
(what the request holds: data classes, findings, restricted uses, attachments) and folds in the
tenant's mode and the reviewer. The server and `magic-gateway scan` carry the verdict out; neither
re-decides anything.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from filters.policy.model import RULE_ACTIONS, Policy, stricter
from filters.policy.seams import mask_across
from filters.policy.turn_patterns import TurnPatterns
from filters.policy.verdict import (
    Edit,
    Finding,
    Refusal,
    RequestContext,
    SegmentVerdict,
    Verdict,
    Violation,
    strongest_first,
)
from filters.segments import DataClass, RuleHit, Segment, Span, TextAnalysis

__all__ = ["Decider", "Edit", "Finding", "Refusal", "RequestContext", "SegmentVerdict", "Verdict", "Violation"]


IDENTIFIER = "identifier"     # a segment that is not text for the model (see config/not_text.yaml)
KEY_NAME = "\x00key"          # path marker: the segment is a key name
SEAM = "seam"                 # the end of one part and the start of the next (path: SEAM, offset, path...)
HEADER = "\x00header"         # path root of a segment read from a request header (X-Agent-Name)


def field_name(path: Sequence[str | int]) -> str:
    """A segment's path as an error names it, client-chosen key names (which may hold the value) left out."""
    if path and path[0] == HEADER:
        return f"the header {path[1]}"
    out = ""
    for step in path:
        if step == KEY_NAME:
            break
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            name = step if re.fullmatch(r"[A-Za-z0-9_$]{1,64}", step) else "*"
            out += f".{name}" if out else name
    return out


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
        self._refusals = TurnPatterns(policy.use_rules.refusals)
        self._followups = TurnPatterns(policy.use_rules.refusal_followups)
        self._redirects = TurnPatterns(policy.use_rules.redirects)
        self._by_class: dict[tuple[str, DataClass], tuple[int, tuple[Violation, ...]]] = {}
        self._acting: dict[str, frozenset[DataClass]] = {}
        # a finding's action, fixed by the policy for its entity, class, provider's BAA and feature
        self._actions: dict[tuple[str, DataClass, bool, str], str] = {}

    def admit(self, context: RequestContext) -> Refusal | None:
        """A refusal that needs no analysis: a feature the key lacks or the tenant switched off, stored state."""
        feature = context.feature
        if feature not in context.key_features:
            return Refusal(403, "feature_not_allowed", f"this key may not use the {feature} feature",
                           category="feature_not_allowed")
        if feature in context.features_off:
            cite = self.policy.features_off.cite
            return Refusal(403, "feature_off", f"the {feature} feature is switched off for this workspace ({cite})",
                           clause=cite, category="feature_off")
        providers = self.policy.providers
        if context.provider_conversation and context.stores_state and providers.openai_store_false:
            return Refusal(400, "conversation_unsupported",
                           "provider-side conversation objects need state stored at the provider, and this gateway "
                           f"sends store: false ({providers.store_cite}); leave out 'conversation' and chain the "
                           "turns with previous_response_id (the gateway keeps them) or send the whole "
                           "conversation in input", param="conversation")
        if context.stored_reference and context.stores_state and providers.openai_store_false \
                and providers.conversation_state == "refuse":
            return Refusal(400, "stored_state_refused",
                           f"{context.stored_reference} needs state stored at the provider, and this gateway "
                           f"sends store: false ({providers.store_cite}); send the whole conversation in input",
                           param=context.stored_reference)
        return None

    def decide(self, segments: Sequence[Segment], analyses: Sequence[TextAnalysis],
               attachments: Sequence[str], context: RequestContext) -> Verdict:
        policy = self.policy
        violations: list[Violation] = []
        provider = context.provider
        if (policy.providers.require_zero_retention and not provider.zero_retention) or \
                (policy.providers.require_zero_training and provider.trains_on_data):
            violations.append(Violation(policy.providers.cite, "provider_retention", "block",
                                        f"the provider {provider.name!r} is not marked zero-retention and "
                                        "zero-training; customer data is only sent to such providers", "policy"))
        for kind in sorted(set(attachments)):
            if getattr(policy.attachments, kind, "block") == "block":
                violations.append(Violation(policy.attachments.cite, f"attachment_{kind}", "block",
                                            f"{kind} attachments cannot be scanned and are not forwarded", "policy"))
        refused = self.refused_turns(segments, analyses)
        adopted = self.adopted_turns(segments, analyses)
        verdicts = [self._segment(seg, analysis, context, violations, i in refused, i in adopted)
                    for i, (seg, analysis) in enumerate(zip(segments, analyses))]
        if context.documents and policy.attachments.pdf == "refuse":
            found = sorted({e.entity for seg, v in zip(segments, verdicts) if seg.path in context.documents
                            for e in v.edits})
            if found:
                violations.append(Violation(policy.attachments.cite, "attachment_pdf", "block",
                                            f"a PDF document holds {', '.join(found)}; it is not forwarded",
                                            "policy"))
        violations = strongest_first(violations)   # the refusal cites the clause of the strongest evidence
        if any(v.action == "block" for v in violations):
            outcome = "block"
        elif any(v.action == "review" for v in violations):
            outcome = "review"
        elif any(s.edits for s in verdicts):
            outcome = "redact"
        else:
            outcome = "allow"
        verdict = Verdict(outcome=outcome, segments=verdicts, violations=violations, mode=context.mode,
                          mask_new_findings=policy.responses.mask_new_findings,
                          refuse_categories=tuple(policy.responses.refuse_categories),
                          refuse_cite=policy.responses.refuse_cite,
                          restore_link_hosts=tuple(h.lower() for h in policy.responses.restore_in_links))
        if context.stores_state and policy.providers.openai_store_false:
            verdict.provider_fields["store"] = False   # FAQ: providers retain nothing
            if context.reasoning:
                # Reasoning items can only be sent back, with store: false, with their encrypted content.
                verdict.provider_fields["include"] = sorted(set(context.include) | {"reasoning.encrypted_content"})
        self._enforce(verdict, context)
        self._identifiers(verdict, segments)
        return verdict

    @staticmethod
    def _identifiers(verdict: Verdict, segments: Sequence[Segment]) -> None:
        """A value the policy would edit in a string that is not text (an id, a key name): refused in every
        mode, since an identifier cannot be redacted and shadow mode still keeps the II.k floor."""
        for segment, segment_verdict in zip(segments, verdict.segments):
            if segment.role == SEAM:
                # where two parts of one message meet: each part carries its own edits; a value across
                # the seam is masked in both parts (filters/policy/seams.py), or, when they cannot be
                # found, refuses the request
                offset = int(segment.path[1])
                crossing = [e for e in segment_verdict.forwarded_edits if e.start < offset < e.end]
                segment_verdict.edits, segment_verdict.forwarded_edits, segment_verdict.findings = [], [], []
                if crossing and verdict.refusal is None and not mask_across(verdict, segments, segment, crossing):
                    where = field_name(segment.path[2:])
                    verdict.outcome = "block"
                    verdict.refusal = Refusal(400, "policy_violation",
                                              f"{crossing[0].entity} is split across two parts of one message "
                                              f"({where} and the part after it); send it in one part", param=where)
                continue
            if segment.role == IDENTIFIER and segment_verdict.forwarded_edits:
                where = field_name(segment.path)
                entity = segment_verdict.forwarded_edits[0].entity
                verdict.outcome = "block"
                verdict.refusal = Refusal(400, "policy_violation",
                                          f"{where} holds {entity}; it is an identifier or a key name, not text, "
                                          "so it cannot be redacted: the request is not forwarded", param=where)
                return

    def _enforce(self, verdict: Verdict, context: RequestContext) -> None:
        """The mode and the reviewer applied: what is refused, marked, and actually edited."""
        shadow = context.mode == "shadow"
        floor = self.restricted
        for segment in verdict.segments:
            # Shadow mode forwards what came, except the AUP II.k floor: restricted data is masked in every mode.
            segment.forwarded_edits = [e for e in segment.edits if e.entity in floor] if shadow else segment.edits
        if shadow:
            verdict.refuse_categories = ()
            return
        blocking = verdict.first("block")
        if blocking is not None:
            # 400, as providers answer a prompt they refuse: no client retries it or reports an auth failure.
            verdict.refusal = Refusal(400, "policy_violation",
                                      f"refused by policy ({blocking.clause}, {blocking.category}): {blocking.reason}",
                                      clause=blocking.clause, category=blocking.category, stage=blocking.stage)
            return
        held = verdict.first("review")
        if held is None:
            return
        marked_only = self.policy.review.serve_and_mark
        if all(v.clause in marked_only for v in verdict.violations if v.action == "review"):
            verdict.reviewer = context.reviewer   # AUP II.d: served, marked for a qualified person's review
            verdict.review_marked = True
            return
        if context.reviewer:
            # AUP II.a/II.d: the reviewer is a person of this workspace, audited by username
            reviewer = context.reviewers.get(context.reviewer.strip().lower())
            if reviewer is None:
                verdict.refusal = Refusal(400, "invalid_reviewer",
                                          "X-Human-Reviewer must name one of this workspace's users (by username "
                                          f"or email) who reviews the outcome ({held.clause})",
                                          param="X-Human-Reviewer", clause=held.clause, category=held.category)
                return
            verdict.reviewer = reviewer
            verdict.review_marked = True
        elif self.policy.review.without_reviewer == "serve_and_mark":
            verdict.review_marked = True
        else:
            verdict.refusal = Refusal(400, "human_review_required",
                                      f"this request needs a qualified person to review the outcome ({held.clause}, "
                                      f"{held.category}): resend it with the header 'X-Human-Reviewer: <who reviews>'",
                                      clause=held.clause, category=held.category, stage=held.stage)

    def refused_turns(self, segments: Sequence[Segment], analyses: Sequence[TextAnalysis]) -> set[int]:
        """Turns the assistant answered with a refusal: the next assistant turn, before any other user
        turn, matches the policy's `use_rules.refusals`, and a user turn follows it. Their request was
        not acted upon, unless a later user turn asks for it again (`use_rules.refusal_followups`): the
        history is the client's to write, so a refusal it wrote itself must not launder a request.
        Only turns with a use hit are looked at: in one without, being refused changes nothing (a long
        conversation's earlier turns are not read against the patterns at every request)."""
        found: set[int] = set()
        patterns = self._refusals
        if not patterns:
            return found
        users = [i for i, s in enumerate(segments) if s.role in ("user", "prompt")]
        for n, i in enumerate(users):
            later_users = users[n + 1:]
            if not later_users or not analyses[i].rule_hits:
                continue    # nothing after it (the request is what the model reads last), or nothing to drop
            answers = [s for s in segments[i + 1:later_users[0]] if s.role == "assistant"]
            if not answers or not patterns.search(answers[0].text):
                continue
            if any(self._followups.search(segments[j].text) for j in later_users):
                continue
            found.add(i)
        return found

    def adopted_turns(self, segments: Sequence[Segment], analyses: Sequence[TextAnalysis]) -> set[int]:
        """Text the model wrote or a tool returned that a later user turn asks to carry out ("do the task
        from your previous message", `use_rules.refusal_followups`), and a prefill: the user's own
        request, read with the user's bar rather than the stronger one its role sets. Only text with a
        learned hit at the user's bar is looked at: without one, either bar counts the same hits."""
        found: set[int] = set()
        settings = self.policy.use_rules.classifier
        weights = settings.role_weights
        for i, segment in enumerate(segments):
            if weights.get(segment.role, 1.0) >= 1.0:
                continue
            if not any(h.stage != "rule" and h.score >= settings.threshold for h in analyses[i].rule_hits):
                continue
            later = next((s for s in segments[i + 1:] if s.role in ("user", "prompt")), None)
            if later is not None and self._followups.search(later.text):
                found.add(i)
        # a prefill: the assistant turns after the last user turn or tool result are the client's words,
        # put in the model's mouth for it to continue
        turns = [i for i, s in enumerate(segments) if s.role in ("user", "prompt", "tool", "assistant")]
        while turns and segments[turns[-1]].role == "assistant":
            found.add(turns.pop())
        return found

    def _segment(self, segment: Segment, analysis: TextAnalysis, context: RequestContext,
                 violations: list[Violation], refused_turn: bool = False, adopted: bool = False) -> SegmentVerdict:
        policy = self.policy
        edits: list[Edit] = []
        # data-class rules are about text; an identifier is only looked at for values (its findings)
        acting = self._acting_classes(context.feature)   # most policies send every class: nothing to do
        for span in analysis.spans if acting and segment.role not in (IDENTIFIER, SEAM) else ():
            if span.data_class not in acting:
                continue
            drops, class_violations = self._class_rules(context.feature, span.data_class)
            for _ in range(drops):
                edits.append(Edit(span.start, span.end, f"{span.data_class.value.upper()}_DATA", "drop"))
            for violation in class_violations:
                self._add(violations, violation)
        findings: list[Finding] = []
        for detection in analysis.detections:
            if detection.score < policy.findings.min_score:
                continue
            at = _span_at(analysis.spans, detection.start)
            data_class = at.data_class if at else DataClass.INPUT
            category = self.categories.get(detection.entity, "personal")
            known = (detection.entity, data_class, context.provider.baa, context.feature)
            action = self._actions.get(known) or self._actions.setdefault(
                known, self._finding_action(detection.entity, category, data_class, context))
            findings.append(Finding(detection.entity, detection.start, detection.end, detection.score,
                                    action, data_class, category))
            if action == "block":
                self._add(violations, Violation(policy.findings.restricted.cite, "restricted_data", "block",
                                                f"the request holds {detection.entity}, which is never sent",
                                                "policy"))
            elif action != "allow":
                edits.append(Edit(detection.start, detection.end, detection.entity, action))
        if analysis.rule_hits and segment.role in policy.use_rules.roles and not refused_turn:
            for hit in self.use_hits(segment, analysis.rule_hits, adopted):
                category, default = self.rule_actions.get(hit.rule, (hit.category, "block"))
                rule_action = policy.use_rules.actions.get(hit.rule) or policy.use_rules.actions.get(category)
                action = stricter(rule_action, default, RULE_ACTIONS) if rule_action else default
                self._add(violations, Violation(hit.clause, hit.category, action, hit.reason, hit.stage, hit.score))
        return SegmentVerdict(spans=list(analysis.spans), findings=findings, edits=edits)

    def _class_rules(self, feature: str, data_class: DataClass) -> tuple[int, tuple[Violation, ...]]:
        """What the policy does to a span of this data class in a request of this feature: how many drop
        edits it gets and which violations it adds, in that order. Fixed by the policy, so worked out once
        per pair (a long conversation's turns hold hundreds of spans)."""
        found = self._by_class.get((feature, data_class))
        if found is not None:
            return found
        policy, value = self.policy, data_class.value
        feature_rule = policy.features.get(feature)  # type: ignore[call-overload]
        class_rule = policy.data_classes[value]  # type: ignore[index]
        drops, added = 0, []
        if class_rule.action == "drop":
            drops += 1
        elif class_rule.action == "block":
            added.append(Violation(class_rule.cite, f"{value}_data", "block", f"{value} data is not sent to providers",
                                   "policy"))
        if feature_rule and value not in feature_rule.classes:
            if feature_rule.otherwise == "drop":
                drops += 1
            else:
                added.append(Violation(
                    feature_rule.cite, f"{feature}_data_class", "block",
                    f"{feature} requests carry only {', '.join(feature_rule.classes)} data; "
                    f"this one holds {value} data (state X-Data-Class where it is known)", "policy"))
        found = self._by_class[(feature, data_class)] = (drops, tuple(added))
        return found

    def _acting_classes(self, feature: str) -> frozenset[DataClass]:
        """The data classes whose spans get a drop edit or a violation in a request of this feature."""
        found = self._acting.get(feature)
        if found is None:
            rules = self.policy.data_classes
            found = self._acting[feature] = frozenset(
                c for c in DataClass if c.value not in rules or self._class_rules(feature, c) != (0, ()))
        return found

    def use_hits(self, segment: Segment, hits: Sequence[RuleHit], adopted: bool = False) -> list[RuleHit]:
        """The hits that count in this segment, strongest first: every rule hit; a classifier's or a
        guard's when its score reaches the bar its role sets (see policy use_rules.classifier), or the
        user's bar when a later user turn adopts the text as its request, or when the hit is a sentence
        addressed to the model as a task. Where the user's bar applies anyway, those sentences' own hits are
        left out (the text's windows are read)."""
        if not hits:
            return []
        settings = self.policy.use_rules.classifier
        weight = 1.0 if adopted else settings.role_weights.get(segment.role, 1.0)
        bar = 1.0 - (1.0 - settings.threshold) * weight
        learned = settings.enabled and weight > 0    # weight 0: in this role only the rules count
        counted = [h for h in hits if h.stage == "rule" or (learned and h.score >= bar and not h.addressed)]
        if weight < 1.0 and settings.enabled:
            # a sentence addressed to the model as a task (filters/use_rules/addressed.py): the user's bar
            counted += [h for h in hits if h.addressed and h.score >= settings.threshold]
        if weight < 1.0 and settings.enabled and self._redirects:
            # words that replace the model's task: what follows them is read with the user's bar
            strong = [h for h in hits if h.stage != "rule" and not h.addressed and h.score >= settings.threshold
                      and h not in counted]
            after = self._redirects.first_end(segment.text) if strong else None
            if after is not None:
                counted += [h for h in strong if h.end > after]
        return sorted(counted, key=lambda h: -h.score)

    def uncertain(self, segment: Segment, hits: Sequence[RuleHit]) -> bool:
        """Whether the guard model should be asked about this segment: nothing counted, and the best
        classifier score within the policy's uncertain band."""
        if segment.role not in self.policy.use_rules.roles or self.use_hits(segment, hits):
            return False
        low, high = self.policy.use_rules.guard.band
        best = max((h.score for h in hits if h.stage == "classifier"), default=0.0)
        return low <= best < high

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
