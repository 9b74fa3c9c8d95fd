"""Disguises a client can type inside a secret: format characters, percent-encoding, a line break.

`plain` stays the undisguised value; `value` is what the text holds. Only secrets of 10+ characters on one
line are disguised (a PEM block already spans lines).
"""

from __future__ import annotations

import random
from urllib.parse import quote

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


class Disguiser:
    def __init__(self, rng: random.Random, rate: float) -> None:
        self.rng = rng
        self.rate = rate

    def __call__(self, plain: str) -> tuple[str, str | None]:
        if len(plain) < 10 or "\n" in plain or "\\n" in plain or self.rng.random() >= self.rate:
            return plain, None
        kinds = ["zero_width", "soft_hyphen", "line_split"]
        if "%" not in plain and quote(plain, safe="") != plain:
            kinds += ["url_encoded"] * 3
        how = self.rng.choice(kinds)
        if how == "url_encoded":
            return quote(plain, safe=""), how
        if how == "line_split":
            at = self.rng.randint(len(plain) // 3, 2 * len(plain) // 3)
            return plain[:at] + self.rng.choice(["\n", "\r\n", "\n  "]) + plain[at:], how
        marks = ZERO_WIDTH if how == "zero_width" else ["\u00ad"]
        chars = list(plain)
        for at in sorted(self.rng.sample(range(1, len(plain)), self.rng.randint(1, 3)), reverse=True):
            chars.insert(at, self.rng.choice(marks))
        return "".join(chars), how
