"""The blind labelled set through the real pipeline, and stock Presidio on the same cases in the same run.

    .venv/bin/python -m tests.bench.bench_blind_pii            # the frozen test split: figures only
    .venv/bin/python -m tests.bench.bench_blind_pii --dev      # the tuning split, with every error printed
    .venv/bin/python -m tests.bench.bench_blind_pii --dev --no-stock --only SECRET   # one entity, fast

Ours is what `magic-gateway scan` would forward for each case's text (span inference, detection, the
policy's rendering: exactly the server's screening) on the embedded config, every case's tenant
enforcing the shipped policy. Stock Presidio (every default recognizer, default threshold) gets the text
and each finding is replaced by [ENTITY]. A value counts as removed when neither it nor its `plain`
form (the value before any disguise) is in the forwarded text; a must-keep string counts as kept when
it is in it byte for byte. A refused case forwards nothing: its values are removed, its keeps lost.

The test split's cases are never printed (figures only), so it cannot be tuned on; `--dev` prints the
missed values and the damaged keeps of the dev split.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
from collections import defaultdict
from pathlib import Path

import yaml

from gateway.cli.scan import run_scan
from gateway.config import DEFAULT_CONFIG, parse_config
from tests.bench.stock_presidio import ROOT, masked, stock_analyzer, stock_spans

DATA = ROOT / "tests" / "data"


class Tally:
    """Values removed and keeps kept, overall and per entity, secret family and disguise."""

    def __init__(self) -> None:
        self.values = self.removed = self.keeps = self.kept = 0
        self.by: dict[str, dict[str, list[int]]] = {"entity": defaultdict(lambda: [0, 0]),
                                                    "family": defaultdict(lambda: [0, 0]),
                                                    "disguise": defaultdict(lambda: [0, 0])}

    def add(self, case: dict, forwarded: str) -> tuple[list[dict], list[str]]:
        missed = [v for v in case["values"] if v["value"] in forwarded or v["plain"] in forwarded]
        damaged = [k for k in case["keep"] if k not in forwarded]
        self.values += len(case["values"])
        self.removed += len(case["values"]) - len(missed)
        self.keeps += len(case["keep"])
        self.kept += len(case["keep"]) - len(damaged)
        for value in case["values"]:
            gone = value not in missed
            for kind, key in (("entity", value["entity"]), ("family", value.get("family")),
                              ("disguise", value.get("disguise") or "none")):
                if key is not None:
                    self.by[kind][key][0] += 1
                    self.by[kind][key][1] += gone
        return missed, damaged

    def summary(self, name: str) -> str:
        return (f"{name:<15} values removed {share(self.removed, self.values)} ({self.removed}/{self.values})   "
                f"kept {share(self.kept, self.keeps)} ({self.kept}/{self.keeps})")


def share(part: int, whole: int) -> str:
    return f"{part / whole:6.3f}" if whole else "   n/a"


def load(split: str, folder: Path = DATA) -> list[dict]:
    path = folder / f"blind_pii_{split}.jsonl"
    if not path.exists():
        raise SystemExit(f"{path}: missing (the blind set's generator is tests/datagen/blind_pii/)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gateway_config(tenants: set[str]):
    """The embedded config, with every tenant of the cases enforcing the shipped policy."""
    data = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    for tenant in sorted(tenants):
        data.setdefault("tenants", {}).setdefault(tenant, {"mode": "enforce"})
    return parse_config(data, str(DEFAULT_CONFIG))


def forwarded_by_us(cases: list[dict]) -> list[str]:
    """What the gateway would forward for each case (scan's pipeline)."""
    config = gateway_config({c["tenant"] for c in cases if c.get("tenant")})
    source = io.StringIO("".join(json.dumps({"text": c["text"], "tenant": c.get("tenant")}) + "\n" for c in cases))
    sink = io.StringIO()
    asyncio.run(run_scan(config, source, sink))
    texts = []
    for line in sink.getvalue().splitlines():
        out = json.loads(line)
        if "error" in out:
            raise SystemExit(f"scan refused a case: {out['error']}")
        texts.append(out["text"] or "")
    return texts


def context(text: str, start: int, end: int, width: int = 40) -> str:
    return repr(text[max(0, start - width):end + width])


def print_errors(case: dict, forwarded: str, missed: list[dict], damaged: list[str]) -> None:
    for value in missed:
        label = value["entity"] + (f"/{value['family']}" if value.get("family") else "")
        how = f" [{value['disguise']}]" if value.get("disguise") else ""
        print(f"MISS {case.get('id', '')} {label}{how}: {value['plain']!r} in "
              f"{context(case['text'], value['start'], value['end'])}")
    for keep in damaged:
        print(f"DAMAGED {case.get('id', '')}: {keep!r} -> forwarded {forwarded[:300]!r}")


def table(kind: str, ours: Tally, stock: Tally | None) -> None:
    rows = ours.by[kind]
    if not rows:
        return
    print(f"\n{kind:<24}{'n':>6}{'ours':>8}{'stock':>8}")
    for key in sorted(rows):
        n, gone = rows[key]
        theirs = share(stock.by[kind][key][1], n) if stock is not None else ""
        print(f"{key:<24}{n:>6}{share(gone, n):>8}{theirs:>8}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="the tuning split, with its errors printed")
    parser.add_argument("--no-stock", action="store_true", help="skip stock Presidio")
    parser.add_argument("--only", help="only cases holding a value of this entity (or secret family)")
    parser.add_argument("--quiet", action="store_true", help="--dev without the list of errors")
    parser.add_argument("--data", type=Path, default=DATA, help="the folder holding blind_pii_{dev,test}.jsonl")
    args = parser.parse_args()
    split = "dev" if args.dev else "test"
    cases = load(split, args.data)
    if args.only:
        cases = [c for c in cases if any(args.only in (v["entity"], v.get("family")) for v in c["values"])]
    texts = forwarded_by_us(cases)
    ours = Tally()
    for case, forwarded in zip(cases, texts):
        missed, damaged = ours.add(case, forwarded)
        if args.dev and not args.quiet:
            print_errors(case, forwarded, missed, damaged)
    stock = None
    if not args.no_stock:
        analyzer = stock_analyzer()
        stock = Tally()
        for case in cases:
            stock.add(case, masked(case["text"], stock_spans(analyzer, case["text"])))
    print(f"\n{len(cases)} {split} cases (blind_pii_{split}.jsonl), "
          f"{ours.values} sensitive values, {ours.keeps} must-keep strings")
    print(ours.summary("magic-gateway"))
    if stock is not None:
        print(stock.summary("stock Presidio"))
    for kind in ("entity", "family", "disguise"):
        table(kind, ours, stock)


if __name__ == "__main__":
    main()
