"""A model's tokens in money, from the price file: the first entry whose `match` fits the upstream model.

Money is counted in whole micro-dollars (µUSD) so that every store adds integers atomically; a
request's cost is rounded up, so that many small requests never add up to less than they cost.
"""

from __future__ import annotations

import fnmatch
import math
from dataclasses import dataclass

from gateway.limits.config import ModelPrice, PriceFile

MICRO = 1_000_000   # µUSD per USD


@dataclass(frozen=True)
class Price:
    entry: str            # the price file's `match`: a bounded name, used as the `model` metric label
    input_per_mtok: float
    output_per_mtok: float

    def micro_usd(self, input_tokens: int, output_tokens: int) -> int:
        # USD per million tokens times tokens is exactly µUSD
        return math.ceil(input_tokens * self.input_per_mtok + output_tokens * self.output_per_mtok)


class PriceBook:
    def __init__(self, prices: PriceFile) -> None:
        self._entries = list(prices.models)
        self._found: dict[str, Price | None] = {}

    def price(self, model: str) -> Price | None:
        """The price of `model`, or None when no entry prices it (looked up once per model name)."""
        if model in self._found:
            return self._found[model]
        entry = next((e for e in self._entries if _matches(e, model)), None)
        found = Price(entry.match, entry.input_per_mtok, entry.output_per_mtok) if entry else None
        if len(self._found) < 10_000:   # model names come from clients behind glob routes: bounded
            self._found[model] = found
        return found


def _matches(entry: ModelPrice, model: str) -> bool:
    return fnmatch.fnmatchcase(model, entry.match)
