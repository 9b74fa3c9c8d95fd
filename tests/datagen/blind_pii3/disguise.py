"""Disguises a client can type into a value; the label keeps the undisguised form as `plain`."""

from __future__ import annotations

import random
from urllib.parse import quote

from .case import Val

ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
CONTROL = ("\x00", "\x01", "\x07", "\x1b", "\x7f", "\x08")
# Latin letters and the Cyrillic / Greek letters that look the same.
CONFUSABLE = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445",
              "y": "\u0443", "i": "\u0456", "A": "\u0391", "B": "\u0392", "E": "\u0395", "H": "\u0397",
              "K": "\u039a", "M": "\u039c", "O": "\u039f", "P": "\u03a1", "T": "\u03a4", "X": "\u03a7"}
KINDS = ("zero_width", "soft_hyphen", "control_char", "fullwidth", "confusable", "percent_encoding", "line_break")


def _insert(rng: random.Random, value: str, chars: tuple[str, ...], times: int) -> str:
    out = list(value)
    for _ in range(times):
        at = rng.randrange(1, len(out))
        out.insert(at, rng.choice(chars))
    return "".join(out)


def _fullwidth(rng: random.Random, value: str) -> str:
    start = rng.randrange(0, max(1, len(value) // 2))
    end = min(len(value), start + max(4, len(value) // 2))
    middle = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in value[start:end])
    return value[:start] + middle + value[end:]


def _confusable(rng: random.Random, value: str) -> str | None:
    spots = [i for i, c in enumerate(value) if c in CONFUSABLE]
    if not spots:
        return None
    chosen = set(rng.sample(spots, min(len(spots), rng.randint(1, 3))))
    return "".join(CONFUSABLE[c] if i in chosen else c for i, c in enumerate(value))


def _percent(rng: random.Random, value: str) -> str:
    encoded = quote(value, safe="")
    if encoded != value:
        return encoded
    spots = sorted(rng.sample(range(len(value)), min(3, len(value))))
    return "".join(f"%{ord(c):02X}" if i in spots else c for i, c in enumerate(value))


def apply(rng: random.Random, val: Val, kind: str) -> Val | None:
    """`val` disguised by `kind`, or None when that disguise does not fit this value."""
    value = val.value
    if len(value) < 4 or "\n" in value:
        return None
    out: str | None
    if kind == "zero_width":
        out = _insert(rng, value, ZERO_WIDTH, rng.randint(1, 3))
    elif kind == "soft_hyphen":
        out = _insert(rng, value, ("\u00ad",), rng.randint(1, 3))
    elif kind == "control_char":
        out = _insert(rng, value, CONTROL, 1)
    elif kind == "fullwidth":
        out = _fullwidth(rng, value) if value.isascii() else None
    elif kind == "confusable":
        out = _confusable(rng, value)
    elif kind == "percent_encoding":
        out = _percent(rng, value)
    else:
        at = rng.randrange(len(value) // 3, 2 * len(value) // 3 + 1)
        out = value[:at] + "\n" + value[at:] if 0 < at < len(value) else None
    if out is None or out == value:
        return None
    return Val(out, val.entity, val.family, kind, value)


def maybe(rng: random.Random, val: Val, share: float, kinds: tuple[str, ...] = KINDS) -> Val:
    """`val`, disguised with probability `share` by a disguise that fits it."""
    if rng.random() >= share:
        return val
    for kind in rng.sample(list(kinds), len(kinds)):
        out = apply(rng, val, kind)
        if out is not None:
            return out
    return val
