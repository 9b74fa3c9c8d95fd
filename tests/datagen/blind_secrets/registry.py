"""Templates register here with the split they belong to: a template writes cases of one split only."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .case import Builder
from .families import ASSIGNABLE, FAMILIES, PEM_FAMILIES

TEMPLATES: dict[str, list[tuple[str, bool, int, Callable]]] = {"test": [], "dev": []}


def template(split: str, kind: str, clean: bool = False, weight: int = 1):
    def register(fn):
        TEMPLATES[split].append((kind, clean, weight, fn))
        return fn
    return register


@dataclass
class Ctx:
    rng: random.Random
    fk: object
    locale: str
    b: Builder
    # Families planted so far in this split: `family()` draws the least used, so every family gets cases.
    used: Counter = field(default_factory=Counter)

    def pick(self, seq):
        return self.rng.choice(seq)

    def n(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def family(self, among: list[str] | None = None) -> str:
        pool = among or ASSIGNABLE
        low = min(self.used[f] for f in pool)
        return self.rng.choice([f for f in pool if self.used[f] == low])

    def pem_family(self) -> str:
        return self.family(PEM_FAMILIES)

    def key(self, family: str) -> str:
        return self.rng.choice(FAMILIES[family].keys)

    def sec(self, family: str, disguise: bool = True) -> "Ctx":
        """Writes the family's value as it is assigned: composite text around the labelled secret."""
        before, secret, after = FAMILIES[family].make(self.rng)
        self.used[family] += 1
        self.b.add(before)
        self.b.val("SECRET", secret, family, disguise)
        self.b.add(after)
        return self

    def raw_parts(self, family: str) -> tuple[str, str, str]:
        """The family's `(before, secret, after)` for a template that writes the value its own way."""
        self.used[family] += 1
        return FAMILIES[family].make(self.rng)

    def raw(self, family: str) -> str:
        """A secret of `family` as a string (for a value the template must transform itself)."""
        return FAMILIES[family].make(self.rng)[1]

    def a(self, *texts: str) -> "Ctx":
        self.b.add(*texts)
        return self

    def k(self, text: str) -> "Ctx":
        self.b.kp(text)
        return self

    def keep(self, *texts: str) -> "Ctx":
        self.b.keep(*texts)
        return self
