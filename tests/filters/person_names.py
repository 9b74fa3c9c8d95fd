"""The PERSON spans the shipped detector finds in one text: what the name tests compare."""

from __future__ import annotations

from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span


def names(detector: Detector, text: str, kind: str = "prose", role: str = "user") -> list[str]:
    data_class = DataClass.OUTPUT if kind in ("table", "record") else DataClass.INPUT
    spans = [Span(0, len(text), data_class, False, kind)]
    return [text[d.start:d.end] for d in detector.detect(text, spans, role=role) if d.entity == "PERSON"]
