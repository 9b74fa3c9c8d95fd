"""Responses are checked too: restricted data the model writes (secrets, cards, government ids) is masked.

Such values can never have come from the request, where they are masked at least (AUP II.k), so any the
model writes are new. Pattern recognizers only (no NER): cheap enough for every response, in the server
process.
"""

from __future__ import annotations

from pathlib import Path

from filters.detect import DEFAULT_PATH, _resolve, _supported
from filters.pseudonyms import mask_placeholder
from filters.recognizers.context import TextContext
from filters.recognizers.registry import load_recognizers
from filters.segments import DataClass, Span


class NewFindingMasker:
    """A `mask_new` for ResponseText: masks restricted values in text a model wrote."""

    def __init__(self, config_path: str | Path = DEFAULT_PATH) -> None:
        self._recognizers = load_recognizers(config_path)
        self._restricted = self._recognizers.restricted
        self.masked = 0

    def __call__(self, text: str) -> str:
        if len(text) < 8:
            return text
        config = self._recognizers.config
        ctx = TextContext(text, [Span(0, len(text), DataClass.OUTPUT, False, "prose")],
                          config.window, config.window_after)
        findings = [f for f in self._recognizers.scanner.scan(ctx) if f.entity in self._restricted]
        if not findings:
            return text
        detections = _resolve(_supported(findings, ctx, config.near_chars), config.threshold)
        for detection in reversed(detections):
            text = text[:detection.start] + mask_placeholder(detection.entity) + text[detection.end:]
            self.masked += 1
        return text
