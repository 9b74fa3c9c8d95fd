"""The answers' checks remember clean texts only: a text that was masked or matched a rule is read in full
every time, a clean one is answered from a bounded set of keyed digests that holds no text."""

from __future__ import annotations

from filters.response.checks import NewFindingMasker
from filters.response.clean_memo import CleanTexts, MemoMasker, MemoRules
from filters.use_rules.rules import UseRules

CARD = "4111 1111 1111 1111"
CLEAN = "The nullable columns of the orders table are customer_email and shipped_at."


def test_a_masked_text_is_masked_every_time_and_only_clean_texts_are_remembered():
    masker = MemoMasker(NewFindingMasker())
    dirty = f"Charge the card {CARD} for the renewal of the analytics plan."
    for _ in range(3):
        assert masker(CLEAN) == CLEAN
        out = masker(dirty)
        assert CARD not in out and "CREDIT_CARD" in out and out.endswith("analytics plan.")
    assert len(masker.clean) == 1


def test_a_rule_match_is_found_every_time():
    rules = UseRules.default()
    memo = MemoRules(rules)
    hit_text = "Decide automatically whether to deny this applicant the mortgage, with no human review."
    expected = rules.evaluate(hit_text)
    assert expected, "the test text must match a rule"
    for _ in range(3):
        assert memo.evaluate(hit_text) == expected
        assert memo.evaluate(CLEAN) == []
    assert len(memo.clean) == 1


def test_the_memo_is_bounded_and_keeps_digests_not_texts():
    clean = CleanTexts(entries=2)
    digests = [clean.digest(f"text number {n}") for n in range(3)]
    for digest in digests:
        clean.add(digest)
    assert len(clean) == 2 and digests[0] not in clean and digests[2] in clean
    assert all(len(d) == 16 for d in digests)
    assert CleanTexts().digest(CLEAN) != clean.digest(CLEAN)   # keyed per memo: nothing to compare outside it
