"""The fourth blind set's generator: labels that hold, splits that share nothing, a frozen split it reproduces."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from tests.datagen.blind_pii4.__main__ import OUT, ROOT
from tests.datagen.blind_pii4.values import iban_ok, luhn_ok


def read(split: str) -> list[dict]:
    return [json.loads(line) for line in (OUT / f"blind_pii_{split}.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_generator_draws_the_same_cases_whatever_the_hash_seed() -> None:
    draw = "import json; from tests.datagen.blind_pii4.__main__ import cases; print(json.dumps(cases('dev', set())))"
    runs = [subprocess.run([sys.executable, "-c", draw], capture_output=True, text=True, check=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1]
    assert len(json.loads(runs[0])) == 800


def test_every_label_spans_its_value_and_every_keep_is_in_the_text() -> None:
    for split in ("dev", "test"):
        for case in read(split):
            for value in case["values"]:
                assert case["text"][value["start"]:value["end"]] == value["value"]
                if value["value"] != value["plain"]:
                    assert value.get("disguise"), value
            assert all(keep in case["text"] for keep in case["keep"])


def test_cards_and_ibans_carry_valid_check_digits_and_their_look_alikes_do_not() -> None:
    for case in read("dev") + read("test"):
        for value in case["values"]:
            compact = re.sub(r"[ -]", "", value["plain"])
            if value["entity"] == "CREDIT_CARD":
                assert luhn_ok(compact), value
            if value["entity"] == "IBAN_CODE":
                assert iban_ok(compact), value
        for keep in case["keep"]:
            compact = re.sub(r"[ -]", "", keep)
            if re.fullmatch(r"[A-Z]{2}\d\d[A-Z0-9]{10,30}", compact):
                assert not iban_ok(compact), keep
            if re.fullmatch(r"\d{16}", compact):
                assert not luhn_ok(compact), keep


def test_dev_and_test_share_no_value_and_no_text() -> None:
    dev, test = read("dev"), read("test")
    assert not {v["plain"] for c in dev for v in c["values"]} & {v["plain"] for c in test for v in c["values"]}
    assert not {c["text"] for c in dev} & {c["text"] for c in test}
