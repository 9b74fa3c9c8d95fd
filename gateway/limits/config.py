"""The config's `limits:` section and the price file (`config/prices.yaml`), validated at load time.

No limit applies unless the config sets one. A limit set is written once per scope: `keys` by the
key's `name`, `users` by the user, `tenants` by the tenant; the name `"*"` applies the set to each
key, user or tenant that has no entry of its own (each one counted separately, never together).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from filters.configfile import CONFIG_DIR, ConfigFileError, load_model

Period = Literal["hour", "day", "month"]
DEFAULT_PRICES = CONFIG_DIR / "prices.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Budget(_Strict):
    """What one period (UTC calendar: the hour, the day, the month) may consume: tokens, money, or both."""

    period: Period
    tokens: int | None = Field(default=None, ge=1)
    usd: float | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _something(self) -> "Budget":
        if self.tokens is None and self.usd is None:
            raise ValueError("a budget needs tokens, usd or both")
        return self


class LimitSet(_Strict):
    requests_per_minute: int | None = Field(default=None, ge=1)
    tokens_per_minute: int | None = Field(default=None, ge=1)   # input and output tokens together
    budgets: list[Budget] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_budget_per_period(self) -> "LimitSet":
        periods = [b.period for b in self.budgets]
        if len(set(periods)) != len(periods):
            raise ValueError("budgets: one budget per period (give tokens and usd in the same entry)")
        return self

    @property
    def empty(self) -> bool:
        return self.requests_per_minute is None and self.tokens_per_minute is None and not self.budgets


class LimitsConfig(_Strict):
    keys: dict[str, LimitSet] = Field(default_factory=dict)      # by keys[].name (or "*")
    users: dict[str, LimitSet] = Field(default_factory=dict)     # by keys[].user (or "*")
    tenants: dict[str, LimitSet] = Field(default_factory=dict)   # by tenant (or "*")
    prices: str | None = None   # the price file, relative to the config file; default: the shipped one
    # Output tokens taken up front: the request's own maximum (max_tokens...) when smaller, else this;
    # the answer's usage settles the difference.
    output_estimate_tokens: int = Field(default=256, ge=0)

    @property
    def any(self) -> bool:
        return any(not s.empty for scope in (self.keys, self.users, self.tenants) for s in scope.values())


class ModelPrice(_Strict):
    """USD per million tokens for the upstream models that `match` (an exact name or a glob)."""

    match: str
    input_per_mtok: float = Field(ge=0)
    output_per_mtok: float = Field(ge=0)


class PriceFile(_Strict):
    currency: Literal["USD"] = "USD"
    # The first entry that matches the upstream model prices it; a model no entry matches costs
    # nothing, and a money budget refuses it (fail closed: an unpriced model cannot get around a budget).
    models: list[ModelPrice]


class PriceFileError(ConfigFileError):
    """A price file that cannot be used; the message names the file and the field."""


def load_prices(path: str | Path | None) -> PriceFile:
    return load_model(path or DEFAULT_PRICES, PriceFile, error=PriceFileError, what="price file")


def reference_problems(limits: LimitsConfig, key_names: set[str], users: set[str], tenants: set[str]) -> list[str]:
    """Each limit set naming a key, user or tenant the config does not have (a typo would limit nobody)."""
    problems = []
    for scope, known in (("keys", key_names), ("users", users), ("tenants", tenants)):
        for name in getattr(limits, scope):
            if name != "*" and name not in known:
                what = {"keys": "no key is named", "users": "no key belongs to", "tenants": "no key belongs to"}[scope]
                problems.append(f"limits.{scope}.{name}: {what} {name!r}")
    return problems
