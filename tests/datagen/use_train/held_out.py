"""The held-out sets (manifest `measured`, and XSTest), read from git snapshots and ../shared/eval/.

tests/bench/bench_use_public.py measures them; tests/datagen/use_train/public.py leaves out of training
every public row that is a near copy of one of them (three-word shingles, Jaccard >= 0.5, or the same words),
so a held-out figure never counts a prompt the model was fitted on. Nothing of them is written anywhere.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

_SHARED = Path(__file__).resolve().parents[4] / "shared"
XSTEST = (_SHARED if _SHARED.exists() else Path("/work/shared")) / "eval" / "xstest_prompts.csv"
_WORD = re.compile(r"[a-z0-9]+")


def show(mirror: Path, repo: str, path: str) -> str:
    git = mirror / repo.replace("/", "+") / "repo"
    return subprocess.run(["git", "-C", str(git), "show", f"HEAD:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8-sig")


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.split("\n") if line.strip()]


def held_out_sets(mirror: Path) -> dict[str, list[str]]:
    """Each held-out public set's texts, by the name bench_use_public prints."""
    jail = list(csv.DictReader(io.StringIO(show(mirror, "DAMO-NLP-SG/multilingual-safety-for-LLMs", "data/MultiJail.csv"))))
    user = [task["instruction"] + (f"\n\n{task['instances'][0]['input']}" if task["instances"][0]["input"] else "")
            for task in _jsonl(show(mirror, "yizhongw/self-instruct", "human_eval/user_oriented_instructions.jsonl"))]
    return {
        "SimpleSafetyTests": [r["prompts_final"] for r in csv.DictReader(io.StringIO(
            show(mirror, "bertiev/SimpleSafetyTests", "SimpleSafetyTests - test cases.csv")))],
        "MaliciousInstruct": [line.strip() for line in show(
            mirror, "Princeton-SysML/Jailbreak_LLM", "data/MaliciousInstruct.txt").splitlines() if line.strip()],
        "MultiJail en": [r["en"] for r in jail],
        "MultiJail it": [r["it"] for r in jail],
        "MIMICSQL test questions": [r["question_refine"] for r in _jsonl(
            show(mirror, "wangpinggl/TREQS", "mimicsql_data/mimicsql_natural/test.json"))],
        "Self-Instruct user-oriented": user,
        "CoCoNot contrast (look-alikes)": [r["prompt"] for r in _jsonl(
            show(mirror, "allenai/noncompliance", "data/coconot_contrast_eval.jsonl"))],
    }


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return frozenset(tuple(words[i:i + 3]) for i in range(max(len(words) - 2, 1)))


class NearCopies:
    """Tells whether a text is a near copy of a held-out text (any set above, and XSTest's prompts)."""

    def __init__(self, mirror: Path) -> None:
        texts = [t for texts in held_out_sets(mirror).values() for t in texts]
        if XSTEST.exists():
            texts += [r["prompt"] for r in csv.DictReader(XSTEST.open(encoding="utf-8"))]
        self.held = [_shingles(t) for t in texts if t.strip()]
        self.index: dict[tuple[str, ...], list[int]] = {}
        for i, grams in enumerate(self.held):
            for gram in grams:
                self.index.setdefault(gram, []).append(i)

    def near(self, text: str) -> bool:
        grams = _shingles(text)
        candidates = {i for gram in grams for i in self.index.get(gram, ())}
        return any(len(grams & self.held[i]) / len(grams | self.held[i]) >= 0.5 for i in candidates)
