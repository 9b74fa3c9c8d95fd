"""One case's text, built piece by piece, with the exact span of every labelled value and every keep.

A template writes `b.add("Dear <<who>>,", who=V("PERSON", name))`: `<<slot>>` markers take a V (a
sensitive value), a K (a must-keep string) or a plain str (literal text). A value may be disguised on
the way in (zero-width characters, soft hyphens, control characters, fullwidth forms, look-alike
letters, a line break), the way a client could type it; `plain` keeps the value before the disguise.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

SLOT = re.compile(r"<<(\w+)>>")

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
CONTROL = ["\x00", "\x01", "\x02", "\x07", "\x08", "\x1b", "\x7f"]
CONFUSABLE = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445",
              "y": "\u0443", "i": "\u0456", "s": "\u0455", "j": "\u0458", "A": "\u0391", "B": "\u0392",
              "E": "\u0415", "K": "\u041a", "M": "\u041c", "H": "\u041d", "O": "\u041e", "P": "\u0420",
              "C": "\u0421", "T": "\u0422", "X": "\u0425", "I": "\u0399", "N": "\u039d", "Z": "\u0396"}

# Which disguises fit which entity: what a client could type and a model would still read as the value.
DISGUISABLE = {
    "PERSON": ["zero_width", "soft_hyphen", "confusable", "fullwidth", "line_break"],
    "EMAIL_ADDRESS": ["zero_width", "soft_hyphen", "fullwidth", "confusable", "control"],
    "PHONE_NUMBER": ["zero_width", "fullwidth", "control", "line_break"],
    "CREDIT_CARD": ["zero_width", "soft_hyphen", "fullwidth", "control", "line_break"],
    "IBAN_CODE": ["zero_width", "soft_hyphen", "fullwidth", "control", "line_break", "confusable"],
    "US_SSN": ["zero_width", "fullwidth", "control", "soft_hyphen"],
    "NATIONAL_ID": ["zero_width", "fullwidth", "soft_hyphen"],
    "SECRET": ["zero_width", "soft_hyphen", "control", "line_break", "fullwidth", "confusable"],
    "ADDRESS": ["zero_width", "fullwidth", "confusable"],
    "IP_ADDRESS": ["zero_width", "fullwidth"],
    "PASSPORT": ["zero_width", "fullwidth"],
    "DATE_OF_BIRTH": ["fullwidth", "zero_width"],
}


@dataclass
class V:
    """A sensitive value for a slot; disguise=None lets the builder choose, "" forbids one."""

    entity: str
    text: str
    family: str | None = None
    disguise: str | None = None
    plain: str | None = None


@dataclass
class K:
    """A must-keep string for a slot."""

    text: str


def interior(rng: random.Random, text: str) -> int:
    return rng.randint(1, max(1, len(text) - 1))


def insert_at(rng: random.Random, text: str, chars: list[str], times: int) -> str:
    for _ in range(times):
        at = interior(rng, text)
        text = text[:at] + rng.choice(chars) + text[at:]
    return text


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in text)


def disguise(rng: random.Random, how: str, text: str) -> str | None:
    """The value as the client typed it, or None when this disguise does not fit it."""
    if len(text) < 4:
        return None
    if how == "zero_width":
        return insert_at(rng, text, ZERO_WIDTH, rng.randint(1, 3))
    if how == "soft_hyphen":
        return insert_at(rng, text, ["\u00ad"], rng.randint(1, 2))
    if how == "control":
        return insert_at(rng, text, CONTROL, 1)
    if how == "fullwidth":
        return fullwidth(text)
    if how == "confusable":
        spots = [i for i, c in enumerate(text) if c in CONFUSABLE]
        if not spots:
            return None
        chars = list(text)
        for i in rng.sample(spots, min(len(spots), rng.randint(1, 3))):
            chars[i] = CONFUSABLE[chars[i]]
        return "".join(chars)
    if how == "line_break":
        breaks = [i for i, c in enumerate(text) if c in " -" and 0 < i < len(text) - 1]
        if breaks:
            at = rng.choice(breaks)
            return text[:at] + "\n" + text[at + 1:]
        if len(text) < 12:
            return None
        at = rng.randint(4, len(text) - 4)
        return text[:at] + "\n" + text[at:]
    raise ValueError(how)


class Builder:
    """The text so far, the values (with spans) and the keeps."""

    def __init__(self, rng: random.Random, disguise_rate: float) -> None:
        self.rng = rng
        self.rate = disguise_rate
        self.parts: list[str] = []
        self.size = 0
        self.values: list[dict] = []
        self.keeps: list[str] = []
        self.keep_spans: list[tuple[int, int]] = []

    def lit(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def value(self, v: V) -> None:
        shown, how = v.text, v.disguise
        if how is None and v.entity in DISGUISABLE and self.rng.random() < self.rate:
            how = self.rng.choice(DISGUISABLE[v.entity])
            shown = disguise(self.rng, how, v.text) or v.text
            how = how if shown != v.text else None
        record = {"entity": v.entity, "value": shown, "plain": v.plain or v.text,
                  "start": self.size, "end": self.size + len(shown)}
        if v.family:
            record["family"] = v.family
        if how:
            record["disguise"] = how
        self.values.append(record)
        self.lit(shown)

    def keep(self, text: str) -> None:
        self.keeps.append(text)
        self.keep_spans.append((self.size, self.size + len(text)))
        self.lit(text)

    def add(self, template: str, **slots: V | K | str) -> Builder:
        at = 0
        for match in SLOT.finditer(template):
            self.lit(template[at:match.start()])
            slot = slots[match.group(1)]
            if isinstance(slot, V):
                self.value(slot)
            elif isinstance(slot, K):
                self.keep(slot.text)
            else:
                self.lit(slot)
            at = match.end()
        self.lit(template[at:])
        return self

    def text(self) -> str:
        return "".join(self.parts)

    def sound(self) -> bool:
        """No value's plain form elsewhere in the text, no keep holding or touching a value."""
        text = self.text()
        for v in self.values:
            same = sum(1 for w in self.values if w["value"] == v["plain"])
            if text.count(v["plain"]) > same:
                return False
            if any(v["plain"] in k or v["value"] in k for k in self.keeps):
                return False
        for start, end in self.keep_spans:
            if any(start < v["end"] and v["start"] < end for v in self.values):
                return False
        return all(text[v["start"]:v["end"]] == v["value"] for v in self.values)
