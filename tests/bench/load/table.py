"""The one table `make bench` prints: a row per figure, a column per server, and what it means."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

COLUMNS = ("direct", "bare relay", "magic-gateway", "LiteLLM", "LiteLLM + Presidio")


@dataclass
class Row:
    scenario: str
    figure: str
    values: dict[str, float] = field(default_factory=dict)
    unit: str = ""             # "req/s", "ms", "MB", "x"
    note: str = ""
    text: dict[str, str] = field(default_factory=dict)   # a cell given as text instead of a number


def fmt(value: float | None, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if unit == "req/s":
        return f"{value:,.0f}"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "ms":
        return f"{value:.2f} ms" if abs(value) < 10 else f"{value:,.1f} ms"
    return f"{value:g}"


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if not numerator or not denominator:
        return None
    return numerator / denominator


def render(rows: list[Row], title: str) -> str:
    header = ["scenario", "figure", *COLUMNS, "gateway against the others"]
    lines = [title, "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    last = None
    for row in rows:
        cells = [row.text.get(c) or fmt(row.values.get(c), row.unit) for c in COLUMNS]
        scenario = row.scenario if row.scenario != last else ""
        last = row.scenario
        lines.append("| " + " | ".join([scenario, row.figure, *cells, row.note]) + " |")
    return "\n".join(lines)
