"""The use classifier's hand-written training additions: the committed file is what the generator writes,
and none of its texts is in a blind dev or test split."""

from __future__ import annotations

import json
from pathlib import Path

from tests.datagen.use_train.build import OUT, build, render

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_committed_file_is_what_the_generator_writes() -> None:
    assert OUT.read_text(encoding="utf-8") == render(build())


def test_no_training_text_is_in_a_dev_or_test_split() -> None:
    trained = {r["text"] for r in build()}
    for name in ("restricted_dev", "restricted_test", "benign_dev", "benign_test"):
        held_out = {json.loads(line)["text"] for line in (DATA / f"use_blind_{name}.jsonl").read_text(encoding="utf-8").splitlines()}
        assert not trained & held_out, name


def test_rows_have_the_blind_sets_shape_and_every_language() -> None:
    rows = build()
    assert {"id", "messages", "text", "clause", "also", "expect"} <= set(rows[0])
    assert {r["style"] for r in rows} >= {"en", "es", "fr", "de", "pt", "it", "nl"}
    assert {r["expect"] for r in rows} == {"allow", "block", "review"}
