"""What every recognizer shares: a finding, the place a value was found, and the two recognizer kinds.

A `Recognizer` finds values by a pattern or by a shared candidate shape; a `FieldRecognizer` knows a
value by the name of its key or column. Both hold their patterns, context words and validation in one
place; the data comes from config/recognizers.yaml, the checksums from the family modules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from filters.recognizers.checksums import digits_of
from filters.recognizers.config import FieldDef, RecognizerDef

if TYPE_CHECKING:
    from filters.recognizers.context import TextContext


@dataclass(frozen=True, slots=True)
class Finding:
    """A value found in a text, before overlaps are resolved."""

    entity: str
    start: int
    end: int
    score: float
    recognizer: str
    priority: int = 2
    requires_near: tuple[str, ...] = ()
    requires_person: bool = False


@dataclass(frozen=True, slots=True)
class Site:
    """Where a value under validation sits."""

    ctx: "TextContext"
    start: int
    end: int
    quoted: bool = False        # a field value written in quotes
    separator: str = ""         # a field value's separator from its key: =, :, is...


Verdict = bool | tuple[int, int]
"""A validator's answer: accept, reject, or accept only [start, end) of the value."""

Validator = Callable[[str, Site], Verdict]


def word_regex(words: Iterable[str]) -> re.Pattern[str] | None:
    """Matches any of `words` (lowercase) as a whole word: letters on neither side."""
    words = sorted({w.lower() for w in words}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"[\s_-]{1,3}") for w in words)
    return re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z])")


def accepted_span(verdict: Verdict, start: int, end: int) -> tuple[int, int] | None:
    """The absolute span a validator accepted, or None."""
    if verdict is True:
        return start, end
    if verdict is False or verdict is None:
        return None
    rel_start, rel_end = verdict
    if rel_end <= rel_start:
        return None
    return start + rel_start, start + rel_end


@dataclass
class Recognizer:
    """One recognizer of config/recognizers.yaml: a pattern or a shape, context words and a validator."""

    spec: RecognizerDef
    validator: Validator | None
    threshold: float
    name: str = field(init=False)
    entity: str = field(init=False)
    priority: int = field(init=False)
    best_score: float = field(init=False)
    match: re.Pattern[str] | None = field(init=False)
    context: re.Pattern[str] | None = field(init=False)
    negative: re.Pattern[str] | None = field(init=False)
    unit: re.Pattern[str] | None = field(init=False)

    def __post_init__(self) -> None:
        self.name, self.entity, self.priority = self.spec.name, self.spec.entity, self.spec.priority
        self.best_score = max(self.spec.score, self.spec.context_score or 0.0)
        self.match = re.compile(self.spec.match) if self.spec.match else None
        self.context = word_regex(self.spec.context)
        self.negative = word_regex(self.spec.negative_context)
        after = word_regex(self.spec.negative_after)
        self.unit = re.compile(rf"[ \t]{{0,2}}(?:{after.pattern})") if after is not None else None

    def evaluate(self, value: str, site: Site, ndigits: int | None = None) -> Finding | None:
        """The finding this recognizer makes of `value` at `site`, or None."""
        spec = self.spec
        if spec.digits is not None:
            count = ndigits if ndigits is not None else len(digits_of(value))
            if not spec.digits[0] <= count <= spec.digits[1]:
                return None
        if self.best_score < self.threshold:
            return None
        if self.match is not None and self.match.fullmatch(value) is None:
            return None
        start, end = site.start, site.end
        context: bool | None = None
        if spec.score < self.threshold:
            # needs a context word: looked for first, so the validator (a phone-number parse in
            # forty regions, say) runs only where one is
            context = self._context(site, start, end)
            if not context:
                return None
        if self.validator is not None:
            span = accepted_span(self.validator(value, site), start, end)
            if span is None:
                return None
            start, end = span
        if self.negative is not None and self.negative.search(site.ctx.negative_near(start, end)):
            return None
        if self.unit is not None and self.unit.match(site.ctx.lower, end):
            return None   # "859 731 623 rows", "6.648.801 EUR": a quantity, not a phone
        score = spec.score
        if spec.context_score is not None and spec.context_score > score and self.context is not None:
            if context or (context is None and self._context(site, start, end)):
                score = spec.context_score
        if score < self.threshold:
            return None
        return Finding(self.entity, start, end, score, self.name, self.priority, tuple(spec.requires_near))

    def _context(self, site: Site, start: int, end: int) -> bool:
        if self.context is None:
            return False
        where = site.ctx.header_at(start) if self.spec.context_in == "header" else \
            site.ctx.near(start, end, self.spec.window, self.spec.window_after)
        return self.context.search(where) is not None


@dataclass
class FieldRecognizer:
    """Values known by their key's or column's name (`password=...`, a `name` column)."""

    spec: FieldDef
    validator: Validator
    name: str = field(init=False)
    entity: str = field(init=False)
    key: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        self.name, self.entity = self.spec.name, self.spec.entity
        parts = [re.escape(w) for w in sorted(self.spec.contains, key=len, reverse=True)]
        contains = "|".join(parts)
        equals = "|".join(re.escape(w) for w in sorted(self.spec.equals, key=len, reverse=True))
        options = []
        if contains:
            options.append(rf"[a-z0-9_.#-]{{0,40}}(?:{contains})[a-z0-9_.#-]{{0,30}}")
        if equals:
            options.append(rf"(?:{equals})")
        self.key = re.compile("|".join(options))

    def owns(self, key: str) -> bool:
        """Whether a key or column called `key` holds this field's values."""
        normal = key.strip().strip("\"'`[]").lower().replace(" ", "_")
        return self.key.fullmatch(normal) is not None

    def evaluate(self, value: str, site: Site) -> Finding | None:
        """The finding for a value of this field, or None."""
        span = accepted_span(self.validator(value, site), site.start, site.end)
        if span is None:
            return None
        return Finding(self.entity, span[0], span[1], self.spec.score, self.name, self.spec.priority,
                       (), self.spec.requires_person)
