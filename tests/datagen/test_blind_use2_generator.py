"""The second blind use-check set: schema, placement, disjoint splits, and that the generator rebuilds it.

The set was written by a second hand, blind to the rules and the classifier, so that the test split
measures something other than the first author's phrasing; a base prompt seen in two splits, or a
committed file the generator no longer produces, would make its figures meaningless.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from datagen.blind_use2.build import KINDS, SPLITS, build_rows, build_split, output_path, render

COMMITTED = [(kind, split) for kind in KINDS for split in SPLITS]
ROLES = {"system", "user", "assistant", "tool"}
PLACEMENTS = {"user", "system", "assistant_turn", "tool_result", "tool_description", "prefill", "reasoning"}
STYLES = {"plain", "blunt", "typos", "roleplay", "jailbreak", "story", "named_person", "inference", "analytics_terms",
          "multi_turn", "professional", "other_language"}
CLAUSE = re.compile(r"^AUP (I\.[A-G](\.[a-e])?|II\.[a-o])$")
# Every clause of the AUP that restricts a use a prompt can ask for.
RESTRICTED_CLAUSES = {
    "AUP I.A.a", "AUP I.A.b", "AUP I.A.c", "AUP I.A.d", "AUP I.A.e", "AUP I.B.a", "AUP I.B.b", "AUP I.B.c",
    "AUP I.B.d", "AUP I.C.a", "AUP I.C.b", "AUP I.D.b", "AUP I.D.c", "AUP I.D.d", "AUP I.E", "AUP I.F", "AUP I.G",
    "AUP II.a", "AUP II.b", "AUP II.c", "AUP II.d", "AUP II.e", "AUP II.f", "AUP II.g", "AUP II.h", "AUP II.i",
    "AUP II.j", "AUP II.n",
}


def _load(kind: str, split: str) -> list[dict]:
    return [json.loads(line) for line in output_path(kind, split).read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def files() -> dict[tuple[str, str], list[dict]]:
    return {key: _load(*key) for key in COMMITTED}


def _holders(case: dict) -> list[dict]:
    messages, placement = case["messages"], case["placement"]
    if placement == "user":
        return [m for m in messages if m["role"] == "user"][-1:]
    wanted = {"system": ("system", None), "tool_description": ("system", "tool_description"),
              "assistant_turn": ("assistant", None), "tool_result": ("tool", None),
              "prefill": ("assistant", "prefill"), "reasoning": ("assistant", "reasoning")}[placement]
    return [m for m in messages if (m["role"], m.get("name")) == wanted]


@pytest.mark.parametrize(("kind", "split"), COMMITTED)
def test_every_row_follows_the_schema_of_the_first_blind_set(files: dict, kind: str, split: str) -> None:
    other = "near" if kind == "benign" else "also"
    for case in files[(kind, split)]:
        assert set(case) == {"id", "messages", "text", "placement", "clause", other, "category", "style", "expect"}
        assert re.fullmatch(("r" if kind == "restricted" else "b") + r"-\d{5}", case["id"])
        assert all(m["role"] in ROLES and isinstance(m["content"], str) and m["content"] for m in case["messages"])
        assert all(set(m) <= {"role", "content", "name"} for m in case["messages"])
        assert case["placement"] in PLACEMENTS and case["style"] in STYLES, case["id"]
        assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", case["category"]), case["id"]
        if kind == "benign":
            assert case["clause"] is None and case["expect"] == "allow", case["id"]
            assert case["near"] is None or CLAUSE.match(case["near"]), case["id"]
        else:
            assert case["clause"] in RESTRICTED_CLAUSES, case["id"]
            assert all(CLAUSE.match(c) for c in case["also"]) and case["clause"] not in case["also"]
            assert case["expect"] == ("review" if case["clause"] in ("AUP II.a", "AUP II.d") else "block"), case["id"]


@pytest.mark.parametrize(("kind", "split"), COMMITTED)
def test_the_text_stands_where_the_placement_says_and_not_in_a_user_turn_otherwise(files: dict, kind: str,
                                                                                 split: str) -> None:
    for case in files[(kind, split)]:
        assert any(case["text"] in m["content"] for m in _holders(case)), case["id"]
        if case["placement"] != "user":
            assert not any(case["text"] in m["content"] for m in case["messages"] if m["role"] == "user"), case["id"]


def test_ids_are_unique_within_each_kind(files: dict) -> None:
    for kind in KINDS:
        ids = Counter(case["id"] for (k, _), cases in files.items() if k == kind for case in cases)
        assert [i for i, n in ids.items() if n > 1] == []


def test_no_base_prompt_is_in_two_splits() -> None:
    for kind in KINDS:
        owner: dict[str, str] = {}
        for split in SPLITS:
            for row in build_rows(kind, split):
                assert owner.setdefault(row.base.template, split) == split, row.base.template


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def test_no_row_is_a_near_copy_of_a_row_in_another_split(files: dict) -> None:
    # Word-set overlap of one half or more: a changed name, number or typo keeps most words.
    close = []
    for kind in KINDS:
        rows = {split: [(c["id"], _words(c["text"])) for c in files[(kind, split)]] for split in SPLITS}
        for i, first in enumerate(SPLITS):
            for second in SPLITS[i + 1 :]:
                for left_id, left in rows[first]:
                    for right_id, right in rows[second]:
                        if len(left) >= 5 and len(left & right) >= 0.5 * len(left | right):
                            close.append((kind, left_id, right_id))
    assert close == []


def test_no_text_is_labelled_both_restricted_and_benign(files: dict) -> None:
    restricted = {c["text"] for (k, _), cases in files.items() if k == "restricted" for c in cases}
    assert [c["id"] for (k, _), cases in files.items() if k == "benign" for c in cases if c["text"] in restricted] == []


def test_the_test_split_covers_every_restricted_clause_and_every_placement(files: dict) -> None:
    restricted = files[("restricted", "test")]
    assert {c["clause"] for c in restricted} == RESTRICTED_CLAUSES
    moved = Counter(c["placement"] for c in restricted if c["placement"] != "user")
    assert set(moved) == PLACEMENTS - {"user"}
    assert 0.10 <= sum(moved.values()) / len(restricted) <= 0.25
    assert len({c["style"] for c in restricted}) >= 10
    assert len(files[("benign", "test")]) >= 400


def test_each_kind_has_two_thousand_rows_over_its_splits(files: dict) -> None:
    for kind in KINDS:
        assert sum(len(cases) for (k, _), cases in files.items() if k == kind) >= 2000


@pytest.mark.parametrize(("kind", "split"), COMMITTED)
def test_the_generator_rebuilds_the_committed_file(kind: str, split: str) -> None:
    assert render(build_split(kind, split)) == output_path(kind, split).read_text(encoding="utf-8")
