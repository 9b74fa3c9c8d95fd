"""Ways a client can type a value so that it reads the same to a model but not to a naive pattern.

Each disguise returns the text as written; the case keeps the plain value beside it.
"""

from __future__ import annotations

import random
from urllib.parse import quote

KINDS = ["zero_width", "soft_hyphen", "fullwidth", "confusable", "control", "url_encoded", "line_split"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
CONTROL = ["\x00", "\x01", "\x08", "\x1b", "\x1f", "\x7f"]
# Latin letter -> a look-alike from Cyrillic or Greek (Unicode confusables).
CONFUSABLE = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "j": "ј", "s": "ѕ",
              "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р", "T": "Т",
              "X": "Χ", "Z": "Ζ", "N": "Ν", "I": "І"}


def _interior(rng: random.Random, s: str) -> int:
    """A cut point inside an alphanumeric run, so the disguise splits the value, not a separator."""
    cuts = [i for i in range(1, len(s)) if s[i - 1].isalnum() and s[i].isalnum()]
    return rng.choice(cuts) if cuts else len(s) // 2


def applicable(kind: str, plain: str) -> bool:
    if "\n" in plain or len(plain) < 4:
        return False
    if kind == "line_split" and len(plain) < 10:
        return False  # a short name broken over two lines is not something a client types
    if kind == "url_encoded":
        return any(ch in plain for ch in "@ +/:=#&?")
    if kind == "confusable":
        return any(ch in CONFUSABLE for ch in plain)
    if kind == "fullwidth":
        return any(ch.isascii() and ch.isalnum() for ch in plain)
    return True


def apply(rng: random.Random, kind: str, plain: str) -> str:
    if kind in ("zero_width", "soft_hyphen", "control"):
        out = plain
        for _ in range(rng.choice([1, 1, 2])):
            i = _interior(rng, out)
            ch = {"zero_width": rng.choice(ZERO_WIDTH), "soft_hyphen": "\u00ad", "control": rng.choice(CONTROL)}[kind]
            out = out[:i] + ch + out[i:]
        return out
    if kind == "line_split":
        i = _interior(rng, plain)
        return plain[:i] + rng.choice(["\n", "\n", "\r\n"]) + plain[i:]
    if kind == "fullwidth":
        return "".join(chr(ord(ch) + 0xFEE0) if ch.isascii() and ch.isalnum() else ch for ch in plain)
    if kind == "confusable":
        idx = [i for i, ch in enumerate(plain) if ch in CONFUSABLE]
        pick = set(rng.sample(idx, max(1, len(idx) // rng.choice([1, 2, 3]))))
        return "".join(CONFUSABLE[ch] if i in pick else ch for i, ch in enumerate(plain))
    if kind == "url_encoded":
        return quote(plain, safe="")
    raise ValueError(kind)


class Disguiser:
    """Disguises a share of the values a case plants; entities that never travel disguised are left alone."""

    def __init__(self, rng: random.Random, rate: float, kinds: list[str] | None = None):
        self.rng, self.rate, self.kinds = rng, rate, kinds or KINDS

    def __call__(self, entity: str, plain: str) -> tuple[str, str | None]:
        if self.rng.random() >= self.rate:
            return plain, None
        kinds = [k for k in self.kinds if applicable(k, plain)]
        if entity == "EMAIL_ADDRESS" and "url_encoded" in kinds and self.rng.random() < 0.4:
            kinds = ["url_encoded"]
        if not kinds:
            return plain, None
        kind = self.rng.choice(kinds)
        shown = apply(self.rng, kind, plain)
        return (shown, kind) if shown != plain else (plain, None)
