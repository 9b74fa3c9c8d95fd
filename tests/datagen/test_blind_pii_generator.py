"""The blind PII set's generator: deterministic, offsets exact, keeps clear of values, checksums valid, splits apart."""

from __future__ import annotations

import json
import re
from pathlib import Path

import phonenumbers
import pytest

from datagen.blind_pii import values
from datagen.blind_pii.build import generate
from datagen.blind_pii.registry import TEMPLATES

DATA = Path(__file__).resolve().parents[1] / "data"


def _load(split: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / f"blind_pii_{split}.jsonl").read_text(encoding="utf-8").splitlines()]


def _invariants(case: dict) -> None:
    text = case["text"]
    for v in case["values"]:
        assert text[v["start"]:v["end"]] == v["value"]
        assert (v["disguise"] is None) == (v["value"] == v["plain"])
    for k in case["keep"]:
        assert k in text
        for m in re.finditer(re.escape(k), text):
            assert all(m.end() <= v["start"] or v["end"] <= m.start() for v in case["values"]), (case["id"], k)


@pytest.mark.parametrize("split", ["test", "dev"])
def test_a_seed_gives_the_same_cases_and_they_hold_the_invariants(split):
    first = generate(split, count=25, seed=99, forbidden=set())
    assert first == generate(split, count=25, seed=99, forbidden=set())
    assert first != generate(split, count=25, seed=100, forbidden=set())
    for case in first:
        _invariants(case)


def test_the_splits_share_no_template_and_no_value():
    names = {split: {fn.__name__ for *_, fn in TEMPLATES[split]} for split in TEMPLATES}
    assert names["test"] and names["dev"] and not names["test"] & names["dev"]
    test, dev = _load("test"), _load("dev")
    assert len(test) >= 700 and len(dev) >= 700
    test_values = {v["plain"] for c in test for v in c["values"]}
    assert not test_values & {v["plain"] for c in dev for v in c["values"]}
    for case in test + dev:
        _invariants(case)


def _luhn_ok(num: str) -> bool:
    return values.luhn_digit(num[:-1]) == num[-1]


def _iban_ok(s: str) -> bool:
    s = re.sub(r"[ -]", "", s)
    return int("".join(str(int(ch, 36)) for ch in s[4:] + s[:4])) % 97 == 1


def test_planted_values_carry_valid_checksums():
    checked = 0
    for case in _load("test") + _load("dev"):
        for v in case["values"]:
            plain, ent = v["plain"], v["entity"]
            if ent == "CREDIT_CARD":
                assert _luhn_ok(re.sub(r"\D", "", plain)), plain
            elif ent == "IBAN_CODE":
                assert _iban_ok(plain), plain
            elif ent == "NPI":
                assert _luhn_ok("80840" + plain), plain
            elif ent == "ABA_ROUTING":
                assert sum(int(d) * w for d, w in zip(plain, [3, 7, 1] * 3)) % 10 == 0, plain
            elif ent == "PHONE_NUMBER":
                region = values.PHONE_REGIONS.get(case["locale"], "US")
                assert phonenumbers.is_valid_number(phonenumbers.parse(plain, region)), (plain, case["locale"])
            else:
                continue
            checked += 1
    assert checked > 500


def test_texts_with_nothing_to_find_are_kept_whole_and_are_a_fifth_of_each_split():
    for split in ("test", "dev"):
        cases = _load(split)
        clean = [c for c in cases if not c["values"]]
        assert 0.15 < len(clean) / len(cases) < 0.3
        assert all(c["keep"] == [c["text"]] for c in clean)
