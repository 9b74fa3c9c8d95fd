"""Restricted uses on the blind sets (prompts written by helpers who never read the rules or the classifier).

Run from the repository root:

    .venv/bin/python -m tests.bench.bench_use_blind                 # dev split: figures and every error
    .venv/bin/python -m tests.bench.bench_use_blind --split test    # frozen test split: figures only
    .venv/bin/python -m tests.bench.bench_use_blind --set blind2    # the second blind set (another hand)
    .venv/bin/python -m tests.bench.bench_use_blind --xstest        # XSTest (benchmark only, figures only)
    .venv/bin/python -m tests.bench.bench_use_blind --cost          # cost per prompt of each stage
    .venv/bin/python -m tests.bench.bench_use_blind --rss           # the classifier's resident size
    ... --model PATH                                                 # a candidate model instead of the shipped one

Each case's whole conversation goes through the analysis and the one decision, as the gateway reads
it: every turn with its role (a tool description as tool_definition, a prefill or reasoning item as
assistant, a tool result as tool). Caught: the verdict refuses or holds it (block or review, II.d's
serve-and-mark included); passed: neither. Errors are printed for the dev split only; the test
splits are frozen and only counted. XSTest is read from ../shared/eval/, never copied.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

from filters.policy.decision import Decider
from filters.policy.model import load_policy
from filters.policy.verdict import ProviderTraits, RequestContext
from filters.recognizers.detector import ENTITY_CATEGORIES, RESTRICTED_ENTITIES
from filters.segments import Segment, TextAnalysis
from filters.text_analyzer import AnalyzerSpec, TextAnalyzer
from filters.use_rules.classifier import LinearUseClassifier, family_actions
from filters.use_rules.rules import UseRules

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
XSTEST = Path("/work/shared/eval/xstest_prompts.csv") if not (ROOT.parent / "shared").exists() else ROOT.parent / "shared" / "eval" / "xstest_prompts.csv"
CONTEXT = RequestContext(tenant="bench", feature="assistant",
                         provider=ProviderTraits("mock", zero_retention=True, trains_on_data=False, baa=True))


def role_of(message: dict) -> str:
    name = message.get("name")
    if message["role"] == "system" and name == "tool_description":
        return "tool_definition"
    if message["role"] == "tool":
        return "tool"
    return str(message["role"])


class UseCheck:
    """The analysis' use part and the decision, as the gateway runs them (no redaction: measured apart)."""

    def __init__(self, classifier: bool = True, model: Path | None = None) -> None:
        policy = load_policy(ROOT / "config" / "policy.yaml")
        self.analyzer = TextAnalyzer(AnalyzerSpec(use_classifier=classifier))
        if classifier and model is not None:
            self.analyzer.use_classifier = LinearUseClassifier(model)   # a candidate model, to compare
        actions = {s.id: (s.category, s.action) for s in UseRules.default().rules} | family_actions()
        self.decider = Decider(policy, ENTITY_CATEGORIES, frozenset(RESTRICTED_ENTITIES), actions)

    def verdict(self, messages: list[dict]):
        segments = [Segment(("messages", i, "content"), m["content"], role_of(m)) for i, m in enumerate(messages)]
        analyses = [TextAnalysis(spans=(), detections=(), rule_hits=tuple(self.analyzer.use_hits(s.text, s.role)))
                    for s in segments]
        return self.decider.decide(segments, analyses, [], CONTEXT)


def caught(verdict) -> bool:
    return verdict.outcome in ("block", "review")


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def report(check: UseCheck, split: str, show_errors: bool, name: str = "blind") -> None:
    restricted = rows(DATA / f"use_{name}_restricted_{split}.jsonl")
    benign = rows(DATA / f"use_{name}_benign_{split}.jsonl")
    per_clause: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_placement: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    right = passed = total_benign = 0
    errors: list[str] = []
    for case in restricted + benign:
        verdict = check.verdict(case["messages"])
        got = caught(verdict)
        cited = [v.clause for v in verdict.violations]
        if case["expect"] == "allow":
            total_benign += 1
            passed += not got
            if got and show_errors:
                errors.append(f"  FALSE  {cited[:1]} {verdict.violations[0].stage} [{case['placement']}] "
                              f"{case['text'][:160]!r}")
            continue
        clause = case["clause"]
        per_clause[clause][1] += 1
        per_placement[case["placement"]][1] += 1
        if got:
            per_clause[clause][0] += 1
            per_placement[case["placement"]][0] += 1
            right += bool(cited) and cited[0] in [clause, *case.get("also", [])]
        elif show_errors:
            errors.append(f"  MISSED [{clause}] [{case['placement']}/{case['style']}] {case['text'][:160]!r}")
    total = sum(n for _, n in per_clause.values())
    got_n = sum(c for c, _ in per_clause.values())
    print(f"{name} {split} split: {total} restricted, {total_benign} benign")
    print(f"  restricted caught {got_n}/{total} ({got_n / total:.3f}); first cited clause right {right}/{got_n}")
    print(f"  benign passed {passed}/{total_benign} ({passed / total_benign:.3f})")
    print("  per clause (caught/total): " + ", ".join(
        f"{c.removeprefix('AUP ')} {a}/{n}" for c, (a, n) in sorted(per_clause.items())))
    print("  per placement (caught/total): " + ", ".join(
        f"{p} {a}/{n}" for p, (a, n) in sorted(per_placement.items())))
    for line in errors:
        print(line)


def report_xstest(check: UseCheck) -> None:
    with XSTEST.open(encoding="utf-8") as handle:
        cases = list(csv.DictReader(handle))
    safe = [c for c in cases if c["label"] == "safe"]
    unsafe = [c for c in cases if c["label"] != "safe"]
    passed = sum(not caught(check.verdict([{"role": "user", "content": c["prompt"]}])) for c in safe)
    refused = sum(caught(check.verdict([{"role": "user", "content": c["prompt"]}])) for c in unsafe)
    print(f"XSTest: safe prompts passed {passed}/{len(safe)}, unsafe refused {refused}/{len(unsafe)} "
          f"({refused / len(unsafe):.3f})")


def report_cost(model: Path | None = None) -> None:
    """Per prompt, p50 and p99 of each stage on the dev prompts, and of the redaction alone."""
    texts = [c["text"] for c in rows(DATA / "use_blind_restricted_dev.jsonl") + rows(DATA / "use_blind_benign_dev.jsonl")]
    analyzer = TextAnalyzer(AnalyzerSpec())
    if model is not None:
        analyzer.use_classifier = LinearUseClassifier(model)
    assert analyzer.use_classifier is not None
    stages = {
        "rules": analyzer.use_rules.evaluate,
        "classifier": analyzer.use_classifier.evaluate,
        "redaction alone (classify + detect)": lambda t: analyzer.detector.detect(
            t, analyzer.classifier.classify(t, None, "user"), None, "user"),
    }
    for name, stage in stages.items():
        for text in texts[:20]:
            stage(text)   # warm up
        times = []
        for text in texts:
            started = time.perf_counter()
            stage(text)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(f"  {name}: p50 {statistics.median(times):.3f} ms, p99 {times[int(0.99 * (len(times) - 1))]:.3f} ms "
              f"({len(texts)} prompts, mean {sum(len(t) for t in texts) / len(texts):.0f} chars)")


def vm_rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def report_rss(model: Path | None) -> None:
    """The classifier's resident size: this process's VmRSS before and after loading it and scoring one text."""
    import numpy  # noqa: F401  (loaded by the analysis process anyway: not the classifier's)
    before = vm_rss_kib()
    classifier = LinearUseClassifier(model) if model is not None else LinearUseClassifier()
    classifier.evaluate("How do I get rid of someone permanently without anyone noticing?")
    print(f"  classifier resident size: {(vm_rss_kib() - before) / 1024:.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--set", default="blind", choices=["blind", "blind2", "probes"],
                        help="which blind set: blind (the first hand's), blind2 (a second hand's) or probes (placements, tests/datagen/placement_probes.py)")
    parser.add_argument("--xstest", action="store_true")
    parser.add_argument("--cost", action="store_true")
    parser.add_argument("--rules-only", action="store_true", help="the rules without the classifier")
    parser.add_argument("--model", type=Path, default=None, help="a candidate model.npz instead of the shipped one")
    parser.add_argument("--rss", action="store_true", help="the classifier's resident size in one process")
    args = parser.parse_args()
    if args.rss:
        report_rss(args.model)
        return
    check = UseCheck(classifier=not args.rules_only, model=args.model)
    if args.cost:
        report_cost(args.model)
    elif args.xstest:
        report_xstest(check)
    else:
        report(check, args.split, show_errors=args.split == "dev", name=args.set)


if __name__ == "__main__":
    main()
