"""The builder a template writes a case with: text pieces, labelled values, must-keep strings.

Offsets are computed while the text is appended, so a template never counts characters by hand. The line
format is blind_pii's, so `tests/bench/bench_blind_pii.py --data tests/data/blind_secrets` scores it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .families import FAMILIES

ENTITIES = {"SECRET", "EMAIL_ADDRESS", "PERSON"}
DISGUISES = {None, "zero_width", "soft_hyphen", "url_encoded", "line_split"}


@dataclass
class Value:
    entity: str
    start: int
    end: int
    value: str
    plain: str
    disguise: str | None = None
    family: str | None = None

    def as_json(self) -> dict:
        out = {"entity": self.entity, "start": self.start, "end": self.end, "value": self.value,
               "plain": self.plain, "disguise": self.disguise}
        if self.family is not None:
            out["family"] = self.family
        return out


@dataclass
class Builder:
    """Appends text; `val` records a labelled value, `kp` a must-keep string that is also text."""

    disguiser: Callable[[str], tuple[str, str | None]] | None = None
    parts: list[str] = field(default_factory=list)
    values: list[Value] = field(default_factory=list)
    keeps: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, *texts: str) -> "Builder":
        for t in texts:
            self.parts.append(t)
            self.length += len(t)
        return self

    def val(self, entity: str, plain: str, family: str | None = None, disguise: bool = True) -> "Builder":
        assert entity in ENTITIES, entity
        assert (entity == "SECRET") == (family is not None), (entity, family)
        assert family is None or family in FAMILIES, family
        shown, how = plain, None
        if disguise and self.disguiser is not None and entity == "SECRET":
            shown, how = self.disguiser(plain)
        start = self.length
        self.add(shown)
        self.values.append(Value(entity, start, self.length, shown, plain, how, family))
        return self

    def kp(self, text: str) -> "Builder":
        """Text that is appended and must survive byte for byte."""
        self.add(text)
        self.keeps.append(text)
        return self

    def keep(self, *texts: str) -> "Builder":
        """Must-keep strings written elsewhere in the text."""
        self.keeps.extend(texts)
        return self

    @property
    def text(self) -> str:
        return "".join(self.parts)


def finish(b: Builder, *, case_id: str, tenant: str, kind: str, locale: str, clean: bool) -> dict:
    """Checks every invariant and returns the case as a JSON-ready dict."""
    text = b.text
    values = sorted(b.values, key=lambda v: v.start)
    for v in values:
        assert text[v.start:v.end] == v.value, (case_id, v)
        assert v.value and (v.value.strip() == v.value or v.disguise), (case_id, v.value)
        assert v.disguise in DISGUISES
        assert (v.disguise is None) == (v.value == v.plain), (case_id, v)
    for a, c in zip(values, values[1:]):
        assert a.end <= c.start, (case_id, a, c)
    if clean:
        assert not values, case_id
        keeps = [text]
    else:
        assert values, case_id
        keeps = []
        for k in dict.fromkeys(b.keeps):
            if len(k.strip()) < 3:
                continue  # a two-character keep survives somewhere in any text: no evidence of anything
            assert k in text, (case_id, k)
            if not any(_overlaps(text, k, v) for v in values):
                keeps.append(k)
    return {"id": case_id, "text": text, "tenant": tenant, "kind": kind, "locale": locale,
            "values": [v.as_json() for v in values], "keep": keeps}


def _overlaps(text: str, keep: str, v: Value) -> bool:
    """True when any occurrence of `keep` shares a character with the value, or the value is inside `keep`."""
    i = text.find(keep)
    while i != -1:
        if i < v.end and v.start < i + len(keep):
            return True
        i = text.find(keep, i + 1)
    return v.value in keep or v.plain in keep
