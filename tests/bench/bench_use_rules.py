"""Restricted-use rules: catch rate and pass rate on labelled prompts, and the cost per prompt.

Run from the repository root:

    .venv/bin/python -m tests.bench.bench_use_rules            # frozen test split + XSTest + cost
    .venv/bin/python -m tests.bench.bench_use_rules --dev -v   # the tuning split, listing every error

"Caught" means at least one rule of action block or review matched (a flag alone is served).
XSTest is read from ../shared/eval/xstest_prompts.csv relative to the repository root, never copied.
The cost is the mean wall time of `evaluate()` per prompt, beside a baseline measured in the same
run (lowercasing and splitting the same prompts into words) so the ratio survives a busy machine.
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import time
from collections import Counter, defaultdict
from pathlib import Path

from filters.use_rules.rules import UseRules
from tests.datagen.use_cases import DEV_SEED, UseCase, generate, read_jsonl

ROOT = Path(__file__).resolve().parents[2]
TEST_SPLIT = ROOT / "tests" / "data" / "use_test.jsonl"
XSTEST = ROOT.parent / "shared" / "eval" / "xstest_prompts.csv"
CATCHING = {"block", "review"}


def caught(rules: UseRules, text: str) -> tuple[bool, list[str]]:
    """Whether a block or review rule matched, and the clauses of every hit."""
    hits = rules.evaluate(text)
    actions = {rules.rule(h.rule).action for h in hits}
    return bool(actions & CATCHING), [h.clause for h in hits]


def report_cases(rules: UseRules, cases: list[UseCase], name: str, verbose: bool) -> None:
    restricted = [c for c in cases if c.clause]
    benign = [c for c in cases if not c.clause]
    caught_n = right_clause = passed = 0
    per_clause: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors: list[str] = []
    for case in cases:
        is_caught, clauses = caught(rules, case.text)
        if case.clause:
            per_clause[case.clause][1] += 1
            if is_caught:
                caught_n += 1
                per_clause[case.clause][0] += 1
                right_clause += case.clause in clauses
            else:
                errors.append(f"  MISSED [{case.clause}] {case.text!r}")
        elif not is_caught:
            passed += 1
        else:
            errors.append(f"  FALSE  {clauses} {case.text!r}")
    print(f"{name}: {len(cases)} prompts ({len(restricted)} restricted, {len(benign)} benign)")
    print(f"  restricted caught (block or review): {caught_n}/{len(restricted)} = {caught_n / len(restricted):.1%}"
          f"  (with the expected clause: {right_clause}/{len(restricted)})")
    print(f"  benign passed: {passed}/{len(benign)} = {passed / len(benign):.1%}")
    print("  per clause: " + ", ".join(f"{c} {k}/{n}" for c, (k, n) in sorted(per_clause.items())))
    if verbose:
        print("\n".join(errors))


def report_xstest(rules: UseRules, verbose: bool) -> None:
    if not XSTEST.exists():
        print(f"XSTest: {XSTEST} not found, skipped")
        return
    with XSTEST.open(encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    safe = [r for r in rows if r["label"] == "safe"]
    unsafe = [r for r in rows if r["label"] == "unsafe"]
    safe_passed = 0
    unsafe_caught = Counter[str]()
    errors: list[str] = []
    for row in safe:
        is_caught, clauses = caught(rules, row["prompt"])
        safe_passed += not is_caught
        if is_caught:
            errors.append(f"  FALSE  [{row['type']}] {clauses} {row['prompt']!r}")
    for row in unsafe:
        is_caught, _ = caught(rules, row["prompt"])
        if is_caught:
            unsafe_caught[row["type"]] += 1
        else:
            errors.append(f"  MISSED [{row['type']}] {row['prompt']!r}")
    total_caught = sum(unsafe_caught.values())
    by_type = Counter(r["type"] for r in unsafe)
    print(f"XSTest ({XSTEST.name}): {len(rows)} prompts")
    print(f"  safe passed: {safe_passed}/{len(safe)} (goal >= 245)")
    print(f"  unsafe caught: {total_caught}/{len(unsafe)} = {total_caught / len(unsafe):.1%} (goal 80%)")
    print("  unsafe caught per type: " + ", ".join(
        f"{t.removeprefix('contrast_')} {unsafe_caught[t]}/{n}" for t, n in sorted(by_type.items())))
    if verbose:
        print("\n".join(errors))


_WORDS = re.compile(r"[^\W_]+")


def report_cost(rules: UseRules, texts: list[str], rounds: int = 5) -> None:
    def timed(fn) -> float:
        samples = []
        for _ in range(rounds):
            start = time.perf_counter()
            for text in texts:
                fn(text)
            samples.append((time.perf_counter() - start) / len(texts) * 1000)
        return statistics.median(samples)

    baseline = timed(lambda text: _WORDS.findall(text.lower()))
    cost = timed(rules.evaluate)
    chars = statistics.mean(len(t) for t in texts)
    print(f"Cost: evaluate() {cost:.3f} ms per prompt (mean {chars:.0f} chars, {len(texts)} prompts, "
          f"median of {rounds} rounds); baseline lower+split {baseline:.4f} ms; ratio {cost / baseline:.0f}x")
    big = " ".join(texts) * max(1, 1_000_000 // sum(len(t) + 1 for t in texts))
    start = time.perf_counter()
    rules.evaluate(big)
    elapsed = time.perf_counter() - start
    print(f"  one {len(big) / 1e6:.1f} MB text: {elapsed * 1000:.0f} ms ({elapsed / len(big) * 1e9:.0f} ns per char)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="the tuning split instead of the frozen test split")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()
    start = time.perf_counter()
    rules = UseRules.default()
    print(f"Loaded {len(rules.rules)} rules in {(time.perf_counter() - start) * 1000:.0f} ms")
    cases = generate(DEV_SEED, per_template=2) if args.dev else read_jsonl(TEST_SPLIT)
    report_cases(rules, cases, "Dev split (seed %d)" % DEV_SEED if args.dev else f"Test split ({TEST_SPLIT.name})",
                 args.verbose)
    report_xstest(rules, args.verbose)
    report_cost(rules, [c.text for c in cases])


if __name__ == "__main__":
    main()
