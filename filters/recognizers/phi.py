"""Protected health information: provider and patient identifiers, and conditions tied to a person."""

from __future__ import annotations

import re
from collections.abc import Sequence

from filters.recognizers.base import Finding, Site, Validator, Verdict
from filters.recognizers.checksums import dea_ok, digits_of, npi_ok
from filters.recognizers.config import ConditionsDef

DEA_REGISTRANTS = frozenset("ABCDEFGHJKLMPRSTUX")
# Findings that name or identify one person: a condition in the same sentence or record is theirs.
IDENTIFYING = frozenset({"PERSON", "ACCOUNT_NAME", "ACCOUNT_USERNAME", "ACCOUNT_EMAIL", "EMAIL_ADDRESS",
                         "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "US_SSN", "DATE_OF_BIRTH", "PHONE_NUMBER"})
NAMING = frozenset({"PERSON", "ACCOUNT_NAME", "ACCOUNT_USERNAME", "ACCOUNT_EMAIL", "EMAIL_ADDRESS",
                    "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "US_SSN"})
SENTENCE = re.compile(r"[^.!?\n]+")
PRONOUN_START = re.compile(r"\s{0,4}(?:he|she|they|his|her|their|the patient|patient)\b", re.IGNORECASE)
CAPTURE_WORD = re.compile(r"\s{0,3}([A-Za-z0-9][A-Za-z0-9'’/-]{0,40})")
OWNER_BEFORE_KEY = re.compile(r"(?i:\b(?:my|his|her|their|your|patient's|patient’s)|\w['’]s)\s{1,3}(?:[a-z]{1,20}\s{1,3})?"
                              r"[a-z_]{3,30}\s{0,3}(?:is|was)\s{0,3}$")
NOT_CONDITIONS = frozenset(["none", "null", "n/a", "na", "unknown", "-", "--", "healthy", "normal", "negative", "no", "nka", "nkda"]) | {
    "none known", "no known allergies", "not known", "none reported", "none on file"}


def npi(value: str, site: Site) -> Verdict:
    return npi_ok(digits_of(value))


def listed_npi(value: str, site: Site) -> Verdict:
    """An NPI (its Luhn check) as an item of a comma-separated list: "Jane Roe, <MBI>, 1096198308, <MRN>"."""
    return listed(value, site) and npi_ok(digits_of(value))


def listed(value: str, site: Site) -> Verdict:
    """A value that is one item of a comma-separated list: ", " before it, a comma or its line's end after."""
    text = site.ctx.text
    return text[max(0, site.start - 2):site.start] == ", " and text[site.end:site.end + 1] in ("", ",", "\n", "\r")


def dea(value: str, site: Site) -> Verdict:
    """A DEA number: a registrant type letter, a letter or 9, seven digits with a check digit."""
    text = value.upper()
    return text[0] in DEA_REGISTRANTS and dea_ok(text)


def condition_value(value: str, site: Site) -> Verdict:
    """A value of a diagnosis or medication field: some words, not a placeholder.

    In prose ("her condition is asthma") the key needs its owner before it: "until a condition is
    met" names nobody's condition."""
    if site.separator in ("is", "was"):
        line_start = site.ctx.text.rfind("\n", 0, site.start) + 1
        if OWNER_BEFORE_KEY.search(site.ctx.text, max(line_start, site.start - 60), site.start) is None:
            return False
    text = value.strip()
    if not 3 <= len(text) <= 120 or text.lower() in NOT_CONDITIONS or sum(c.isalpha() for c in text) < 3:
        return False
    start = value.find(text)
    return start, start + len(text)


VALIDATORS: dict[str, Validator] = {"npi": npi, "dea": dea, "condition_value": condition_value, "listed_npi": listed_npi,
                                    "listed": listed}


class ConditionFinder:
    """Finds diagnoses and medications in sentences that name a person (or continue one with a pronoun)."""

    name = "medical_condition"

    def __init__(self, spec: ConditionsDef) -> None:
        self.spec = spec
        terms = "|".join(re.escape(t) for t in sorted(spec.terms, key=len, reverse=True))
        self.terms = re.compile(rf"(?<![\w-])(?:{terms})(?![\w-])", re.IGNORECASE)
        triggers = "|".join(re.escape(t).replace(r"\ ", r"\s{1,3}")
                            for t in sorted(spec.triggers, key=len, reverse=True))
        self.triggers = re.compile(rf"(?<![\w-])(?:{triggers})(?![\w-])", re.IGNORECASE)
        self.stop_words = frozenset(w.lower() for w in spec.stop_words)

    def find(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        """Conditions tied to a person named by one of `findings`."""
        people = sorted((f.start, f.end) for f in findings if f.entity in NAMING)
        if not people:
            return []
        found: list[Finding] = []
        linked = False
        cursor = 0
        for sentence in SENTENCE.finditer(text):
            start, end = sentence.span()
            while cursor < len(people) and people[cursor][1] <= start:
                cursor += 1
            names_someone = cursor < len(people) and people[cursor][0] < end
            follows = linked and "\n\n" not in text[max(0, start - 3):start] and \
                PRONOUN_START.match(sentence.group()) is not None
            linked = names_someone or follows
            if linked:
                found += self._in_sentence(text, start, end)
        return found

    def _in_sentence(self, text: str, start: int, end: int) -> list[Finding]:
        score = self.spec.score
        found: list[Finding] = []
        for trigger in self.triggers.finditer(text, start, end):
            span = self._capture(text, trigger.end(), end)
            if span is not None:
                found.append(Finding("MEDICAL_CONDITION", span[0], span[1], score, self.name))
        for term in self.terms.finditer(text, start, end):
            found.append(Finding("MEDICAL_CONDITION", term.start(), term.end(), score, self.name))
        return found

    def _capture(self, text: str, pos: int, limit: int) -> tuple[int, int] | None:
        """The words after a trigger, up to a stop word, punctuation or `max_words`."""
        first = last = -1
        for _ in range(self.spec.max_words):
            word = CAPTURE_WORD.match(text, pos, limit)
            if word is None or word.group(1).lower() in self.stop_words:
                break
            if first < 0:
                first = word.start(1)
            last, pos = word.end(1), word.end()
        return (first, last) if first >= 0 else None
