"""The expensive, cacheable part of the pipeline: data classes, detections and rule hits of one text."""

from __future__ import annotations

from dataclasses import dataclass, field

from filters.segments import DataClass, TextAnalysis


@dataclass(frozen=True)
class AccountEntry:
    username: str | None = None
    email: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class AnalyzerSpec:
    """What a worker process needs to build its analyzer; small and picklable."""

    use_rules_path: str | None = None
    accounts: dict[str, tuple[AccountEntry, ...]] = field(default_factory=dict)
    files_digest: str = ""   # of the data files the analyzer reads: a reload with other files builds new workers


class TextAnalyzer:
    """Classifies a text's spans, finds sensitive values and restricted uses. Pure and synchronous."""

    def __init__(self, spec: AnalyzerSpec) -> None:
        from filters.classify.spans import SpanClassifier
        from filters.recognizers.account import AccountDirectory
        from filters.recognizers.detector import Detector
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

    def analyse(self, text: str, stated: DataClass | None, role: str, tenant: str | None,
                read_uses: bool) -> TextAnalysis:
        spans = self.classifier.classify(text, stated, role)
        detections = self.detector.detect(text, spans, tenant, role)
        hits = self.use_rules.evaluate(text) if read_uses else []
        return TextAnalysis(spans=tuple(spans), detections=tuple(detections), rule_hits=tuple(hits))
