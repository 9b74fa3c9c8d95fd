"""The blind restricted-use splits: schema, placement, disjoint wording, and that the generator rebuilds them.

The splits are the measuring stick of the use check (test), its tuning set (dev) and a learned
classifier's training data (train); a prompt seen in two of them would flatter every figure.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from datagen.blind_use.build import SPLITS, build_split, output_path, render

ROLES = {"system", "user", "assistant", "tool"}
PLACEMENTS = {"user", "system", "assistant_turn", "tool_result", "tool_description", "prefill", "reasoning"}
STYLES = {"plain", "roleplay", "jailbreak", "named_person", "inference", "analytics_terms", "multi_turn", "professional"}
CLAUSE = re.compile(r"^AUP (I\.[A-G](\.[a-e])?|II\.[a-o])$")
MAIN_CLAUSES = [
    "AUP II.a", "AUP II.b", "AUP II.c", "AUP II.d", "AUP II.e", "AUP II.f", "AUP II.g", "AUP II.h", "AUP II.j",
    "AUP II.n", "AUP I.A.c", "AUP I.B.a", "AUP I.B.b", "AUP I.B.d", "AUP I.C.a", "AUP I.C.b", "AUP I.E",
]


def _load(split: str) -> list[dict]:
    path: Path = output_path(split)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def splits() -> dict[str, list[dict]]:
    return {split: _load(split) for split in SPLITS}


def _holder(case: dict) -> list[dict]:
    """The messages where the case's placement says its restricted text stands."""
    messages = case["messages"]
    placement = case["placement"]
    if placement == "user":
        return [m for m in messages if m["role"] == "user"][-1:]
    if placement == "system":
        return [m for m in messages if m["role"] == "system" and "name" not in m]
    if placement == "tool_description":
        return [m for m in messages if m["role"] == "system" and m.get("name") == "tool_description"]
    if placement == "assistant_turn":
        return [m for m in messages if m["role"] == "assistant" and "name" not in m]
    if placement == "tool_result":
        return [m for m in messages if m["role"] == "tool"]
    if placement == "prefill":
        return [messages[-1]] if messages[-1]["role"] == "assistant" and messages[-1].get("name") == "prefill" else []
    return [m for m in messages if m["role"] == "assistant" and m.get("name") == "reasoning"]


@pytest.mark.parametrize("split", sorted(SPLITS))
def test_every_case_follows_the_schema(splits: dict[str, list[dict]], split: str) -> None:
    for case in splits[split]:
        assert set(case) == {"id", "messages", "text", "placement", "clause", "also", "category", "style", "expect"}, case["id"]
        assert re.fullmatch(r"r-\d{5}", case["id"])
        assert case["messages"] and all(m["role"] in ROLES and isinstance(m["content"], str) and m["content"] for m in case["messages"])
        assert all(set(m) <= {"role", "content", "name"} for m in case["messages"])
        assert case["placement"] in PLACEMENTS and case["style"] in STYLES
        assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", case["category"]), case["id"]
        assert all(CLAUSE.match(c) for c in case["also"]) and case["clause"] not in case["also"]
        if case["clause"] is None:
            assert case["expect"] == "allow" and not case["also"], case["id"]
        else:
            assert CLAUSE.match(case["clause"]), case["id"]
            expected = "review" if case["clause"] in ("AUP II.a", "AUP II.d") else "block"
            assert case["expect"] == expected, case["id"]


@pytest.mark.parametrize("split", sorted(SPLITS))
def test_the_text_stands_where_the_placement_says_and_nowhere_the_user_wrote_it(splits: dict[str, list[dict]], split: str) -> None:
    for case in splits[split]:
        holders = _holder(case)
        assert any(case["text"] in m["content"] for m in holders), case["id"]
        if case["placement"] != "user":
            assert not any(case["text"] in m["content"] for m in case["messages"] if m["role"] == "user"), case["id"]


def test_ids_are_unique_across_splits(splits: dict[str, list[dict]]) -> None:
    ids = Counter(case["id"] for cases in splits.values() for case in cases)
    assert [i for i, n in ids.items() if n > 1] == []


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def test_no_prompt_text_occurs_in_two_splits(splits: dict[str, list[dict]]) -> None:
    seen: dict[str, str] = {}
    for split, cases in splits.items():
        for case in cases:
            key = _normal(case["text"])
            assert seen.setdefault(key, split) == split, f"{case['id']} of {split} is also in {seen[key]}"


def test_no_prompt_is_a_near_copy_of_one_in_another_split(splits: dict[str, list[dict]]) -> None:
    # Word-set overlap: a trivial paraphrase (a changed name or number) keeps most words.
    words = {split: [(case["id"], set(_normal(case["text"]).split())) for case in cases] for split, cases in splits.items()}
    names = sorted(words)
    close = []
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            for left_id, left in words[first]:
                for right_id, right in words[second]:
                    if len(left) >= 5 and len(left & right) / len(left | right) >= 0.5:
                        close.append((first, left_id, second, right_id))
    assert close == []


def test_the_test_split_covers_every_main_clause_and_placement(splits: dict[str, list[dict]]) -> None:
    cases = splits["test"]
    clauses = Counter(case["clause"] for case in cases)
    assert {c: clauses[c] for c in MAIN_CLAUSES if clauses[c] < 15} == {}
    restricted = [case for case in cases if case["expect"] != "allow"]
    moved = Counter(case["placement"] for case in restricted if case["placement"] != "user")
    assert set(moved) == PLACEMENTS - {"user"}
    assert 0.10 <= sum(moved.values()) / len(restricted) <= 0.25
    assert clauses[None] >= 40


@pytest.mark.parametrize("split", sorted(SPLITS))
def test_the_generator_rebuilds_the_committed_file(split: str) -> None:
    assert render(build_split(split)) == output_path(split).read_text(encoding="utf-8")
