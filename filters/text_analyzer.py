"""The expensive, cacheable part of the pipeline: data classes, detections and rule hits of one text."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from filters.segments import DataClass, RuleHit, TextAnalysis

# A rule's explicit phrase is a strong signal, but a classifier sure of another clause is cited first.
RULE_SCORE = 0.9


@dataclass(frozen=True)
class AccountEntry:
    username: str | None = None
    email: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class AnalyzerSpec:
    """What a worker process needs to build its analyzer; small and picklable."""

    use_rules_path: str | None = None
    use_classifier: bool = True   # the learned classifier beside the rules (config/use_classifier/)
    accounts: dict[str, tuple[AccountEntry, ...]] = field(default_factory=dict)
    files_digest: str = ""   # of the data files the analyzer reads: a reload with other files builds new workers


class TextAnalyzer:
    """Classifies a text's spans, finds sensitive values and restricted uses. Pure and synchronous."""

    def __init__(self, spec: AnalyzerSpec) -> None:
        from filters.classify.spans import SpanClassifier
        from filters.recognizers.account import AccountDirectory
        from filters.recognizers.detector import Detector
        from filters.use_rules.addressed import AddressedTasks
        from filters.use_rules.classifier import default_classifier
        from filters.use_rules.rules import UseRules

        directories = {
            tenant: AccountDirectory(
                usernames=[e.username for e in entries if e.username],
                emails=[e.email for e in entries if e.email],
                names=[e.name for e in entries if e.name],
            )
            for tenant, entries in spec.accounts.items()
        }
        self.classifier = SpanClassifier.default()
        self.detector = Detector.default(accounts=directories)
        self.use_rules = UseRules.from_file(spec.use_rules_path) if spec.use_rules_path else UseRules.default()
        self.use_classifier = default_classifier() if spec.use_classifier else None
        self.addressed = AddressedTasks.from_file()

    def analyse(self, text: str, stated: DataClass | None, role: str, tenant: str | None,
                read_uses: bool) -> TextAnalysis:
        spans = self.classifier.classify(text, stated, role)
        detections = self.detector.detect(text, spans, tenant, role)
        hits = self.use_hits(text, role) if read_uses else []
        return TextAnalysis(spans=tuple(spans), detections=tuple(detections), rule_hits=tuple(hits))

    def use_hits(self, text: str, role: str = "user") -> list[RuleHit]:
        """The rules' hits and the classifier's; a rule hit inside text that describes restricted uses
        (a policy, documentation, a list of clauses) is not a request for them and is left out. In a
        role read with a stronger bar (config/use_addressed.yaml), each sentence addressed to the model
        as a task is also scored on its own (hits marked `addressed`)."""
        hits = [replace(h, score=RULE_SCORE) for h in self.use_rules.evaluate(text)]
        if self.use_classifier is None:
            return hits
        describing = self.use_classifier.describing_spans(text) if hits else []
        if describing:
            # a jailbreak names the policy it switches off: its rules count inside describing windows,
            # except in a document (a README, a guideline) that quotes it
            document = self.use_classifier.is_document(text)
            hits = [h for h in hits if (self.use_rules.rule(h.rule).in_descriptions and not document)
                    or not any(s <= h.start < e for s, e in describing)]
        hits += self.use_classifier.evaluate(text)
        if role in self.addressed.roles:
            for start, end in self.addressed.spans(text):
                hits += [replace(h, start=h.start + start, end=h.end + start, addressed=True)
                         for h in self.use_classifier.evaluate(text[start:end])]
        return hits
