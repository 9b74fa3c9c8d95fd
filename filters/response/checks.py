"""Responses are checked too: restricted data the model writes (secrets, cards, government ids) is masked.

Such values can never have come from the request, where they are masked at least (AUP II.k), so any the
model writes are new. Pattern recognizers only (no NER): cheap enough for every response, in the server
process.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from filters.recognizers.config import DEFAULT_PATH
from filters.recognizers.context import TextContext
from filters.recognizers.disguise import Disguises
from filters.recognizers.registry import load_recognizers
from filters.recognizers.resolve import _resolve, _supported, split_values
from filters.redact.pseudonyms import mask_placeholder
from filters.segments import DataClass, RuleHit, Span

if TYPE_CHECKING:
    from filters.use_rules.rules import UseClassifier


_WORD = re.compile(r"[^\W\d_]+")   # a context word's letters ("_" and digits end a word, as in `context`)


class NewFindingMasker:
    """A `mask_new` for ResponseText: masks restricted values in text a model wrote."""

    def __init__(self, config_path: str | Path = DEFAULT_PATH) -> None:
        self._recognizers = load_recognizers(config_path)
        self._restricted = self._recognizers.restricted
        self._disguises = Disguises.default()
        config = self._recognizers.config
        own = [r for r in config.recognizers if r.entity in self._restricted]
        # How far back a restricted value's context word may stand (the widest window of its recognizers),
        # and the words: what a stream gives `after` of the text it has passed on (see `words_before`).
        self._context_chars = max([config.window] + [r.window or 0 for r in own])
        # the first word of each context phrase: a set lookup per word, not a search for 200 phrases
        self._context_words = frozenset(_WORD.findall(" ".join(w.lower().split(maxsplit=1)[0]
                                                               for r in own for w in r.context + r.requires_near)))

    def words_before(self, earlier: str) -> str:
        """The end of `earlier` (a stream's text already passed on) from its first context word of a
        restricted value ("SSN", "passport") on, for `after` to read the next piece behind; "" if none."""
        tail = earlier[-self._context_chars:]
        first = next((m.start() for m in _WORD.finditer(tail.lower()) if m.group(0) in self._context_words), None)
        return "" if first is None else tail[first:]

    def __call__(self, text: str) -> str:
        """`text` with its restricted values masked, disguised ones (zero-width characters, look-alike
        letters, fullwidth digits, percent-escapes, a line break inside) included, whole."""
        for start, end, entity in reversed(self._found(text)):
            text = text[:start] + mask_placeholder(entity) + text[end:]
        return text

    def after(self, context: str, text: str) -> str:
        """`text` masked as the continuation of `context`, text the client already has (the end of the
        field the model wrote before, or the chosen tokens before an alternative one): a value that
        starts in `context` and ends in `text` has its part in `text` masked; one wholly in `context`
        was that text's to mask."""
        if not context:
            return self(text)
        # The text alone too: a value wholly in it is masked whatever the context makes of its edges.
        spans = sorted([(max(start, len(context)) - len(context), end - len(context), entity)
                        for start, end, entity in self._found(context + text) if end > len(context)]
                       + self._found(text))
        merged: list[tuple[int, int, str]] = []
        for start, end, entity in spans:
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2])
            else:
                merged.append((start, end, entity))
        for start, end, entity in reversed(merged):
            text = text[:start] + mask_placeholder(entity) + text[end:]
        return text

    def _found(self, text: str) -> list[tuple[int, int, str]]:
        """The restricted values in `text`: (start, end, entity), in order, in `text`'s own offsets."""
        if len(text) < 8:
            return []
        config = self._recognizers.config
        reading = self._disguises.read(text)
        ctx = TextContext(reading.text, [Span(0, len(reading.text), DataClass.OUTPUT, False, "prose")],
                          config.window, config.window_after)
        scanner = self._recognizers.scanner
        findings = [f for f in scanner.scan(ctx) + split_values(scanner, self._disguises, ctx)
                    if f.entity in self._restricted]
        if not findings:
            return []
        detections = _resolve(_supported(findings, ctx, config.near_chars), config.threshold)
        return [(*reading.original(d.start, d.end), d.entity) for d in detections]


class ResponseUseGuard:
    """Reads what a model wrote for the content kinds the policy refuses in responses (AUP II.n)."""

    def __init__(self, rules: UseClassifier, categories: Sequence[str]) -> None:
        self._rules = rules
        self._categories = frozenset(categories)

    def violation(self, text: str) -> RuleHit | None:
        if not self._categories or not text:
            return None
        return next((hit for hit in self._rules.evaluate(text) if hit.category in self._categories), None)
