"""Assemble a split: PII cases, secret cases and cases with nothing to find, checked for honest scoring."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping

from . import benign, dev_extra, dev_extra2, lookalikes, prose, render, secret_shapes
from .case import Case, Ctx
from .records import Person, person_record, pick_kinds

Shape = Callable[[Ctx, Case], None]


def structured_pii(ctx: Ctx, case: Case) -> None:
    fmt = ctx.rng.choice(list(render.ONE) + list(render.MANY))
    if fmt in render.MANY:
        kinds = pick_kinds(ctx, ctx.rng.randint(2, 4))
        keeps = ctx.rng.randint(0, 1)
        rows = []
        for _ in range(ctx.rng.randint(1, 3)):
            rows.append(person_record(ctx, Person(ctx), kinds, 0))
        if keeps:
            for row in rows:
                row.append(("status", lookalikes.one(ctx, ctx.rng.choice(("reference", "version", "brand")))))
        render.MANY[fmt](ctx, case, rows)
    else:
        render.ONE[fmt](ctx, case, person_record(ctx, Person(ctx), pick_kinds(ctx, ctx.rng.randint(2, 5)), ctx.rng.randint(0, 2)))
    case.shape = f"pii_{fmt}"


def _lead_in(ctx: Ctx, case: Case) -> None:
    if ctx.rng.random() < 0.4:
        case.add(ctx.pick(("Can you parse this?\n", "Fix the totals in this:\n", "Here's the raw data:\n",
                           "Why does the import fail on this?\n", "Summarise:\n", "Convert this to a table:\n")))


def _dev_case(ctx: Ctx) -> Case:
    roll = ctx.rng.random()
    kind, shapes = (("none", {**dev_extra.NONE, **dev_extra2.NONE}) if roll < 0.3 else
                    ("pii", {**dev_extra.PII, **dev_extra2.PII}) if roll < 0.7 else
                    ("secret", {**dev_extra.SECRET, **dev_extra2.SECRET}))
    name = ctx.rng.choice(list(shapes))
    case = Case(kind=kind, shape=f"{kind}_{name}")
    shapes[name](ctx, case)
    return case


def make_case(ctx: Ctx) -> Case:
    if ctx.split == "dev" and ctx.rng.random() < 0.35:
        return _dev_case(ctx)  # never drawn for the test split, whose random stream stays as frozen
    roll = ctx.rng.random()
    shapes: Mapping[str, Shape]
    if roll < 0.40:
        kind, shapes = "none", benign.SHAPES
    elif roll < 0.72:
        kind, shapes = "pii", {**prose.SHAPES, "structured": structured_pii, "structured2": structured_pii}
    else:
        kind, shapes = "secret", secret_shapes.SHAPES
    name = ctx.rng.choice(list(shapes))
    case = Case(kind=kind, shape=f"{kind}_{name}")
    if name.startswith("structured"):
        _lead_in(ctx, case)
    shapes[name](ctx, case)
    return case


def build(split: str, seed: int, count: int, avoid: set[str]) -> list[dict[str, object]]:
    """`count` cases of `split`; no value, keep or text of `avoid` (the other split's) is reused."""
    ctx = Ctx(split=split, rng=random.Random(seed), half=0 if split == "test" else 1)
    out: list[dict[str, object]] = []
    texts: set[str] = set()
    while len(out) < count:
        case = make_case(ctx)
        forms = {str(v["plain"]) for v in case.values} | {str(v["value"]) for v in case.values}
        if case.problems() or case.text in texts or forms & avoid or case.text in avoid:
            continue
        if case.kind != "none" and not case.values:
            continue
        texts.add(case.text)
        out.append(case.record(f"{split}-{len(out):04d}"))
    return out


def used(cases: list[dict[str, object]]) -> set[str]:
    """Every value (both forms) and every case text of `cases`."""
    found: set[str] = set()
    for case in cases:
        found.add(str(case["text"]))
        values = case["values"]
        assert isinstance(values, list)
        for v in values:
            found.add(str(v["value"]))
            found.add(str(v["plain"]))
    return found
