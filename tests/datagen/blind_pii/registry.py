"""Templates register here with the split they belong to: a template writes cases of one split only."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from . import pool, values
from . import secret_values as secrets
from .case import Builder

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

    def pick(self, seq):
        return self.rng.choice(seq)

    def name(self) -> str:
        return pool.full_name(self.fk, self.locale, self.rng)

    def given(self) -> str:
        return pool.given(self.fk, self.locale)

    def surname(self) -> str:
        return pool.surname(self.fk, self.locale)

    def email(self, first=None, last=None) -> str:
        return pool.email_for(self.fk, self.locale, self.rng, first, last)

    def phone(self, style=None) -> str:
        return values.phone(self.rng, self.locale, style)

    def pii(self, entity: str) -> str:
        return pool.pii_value(entity, self.rng, self.fk, self.locale)

    def secret(self, family: str) -> tuple[str, str]:
        return secrets.make(self.rng, family)

    def item(self, secret_share: float = 0.5, single_line: bool = True):
        return pool.item(self.rng, self.fk, self.locale, secret_share, single_line)

    def v(self, entity: str, plain: str, family: str | None = None, disguise: bool = True) -> "Ctx":
        self.b.val(entity, plain, family, disguise)
        return self

    def email_in_url(self, email: str, share: float) -> "Ctx":
        """An email in a query string or cookie: percent-encoded there as often as not."""
        if self.rng.random() < share:
            self.b.val_as("EMAIL_ADDRESS", quote(email, safe=""), email, "url_encoded")
        else:
            self.b.val("EMAIL_ADDRESS", email, disguise=False)
        return self

    def a(self, *texts: str) -> "Ctx":
        self.b.add(*texts)
        return self

    def k(self, text: str) -> "Ctx":
        self.b.kp(text)
        return self

    def day(self, lo_days: int, hi_days: int):
        return values.day(self.rng, lo_days, hi_days)

    def moment(self, within_days: int):
        return values.moment(self.rng, within_days)

    def company(self) -> str:
        return self.fk.company()

    def city(self) -> str:
        return self.fk.city()

    def n(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)
