"""CPU per streamed answer of the response chain's masking (`ResponseText.stream()` with the shipped masker),
fed three characters a piece: an answer with numbers and no context word, and one where every sentence
holds numbers and a context word of a restricted value ("account", "card"), which a piece with three digits
or more is read behind. For an A/B, run it from two trees:

    PYTHONPATH=OTHER_TREE .venv/bin/python tests/bench/bench_stream_masking.py
    PYTHONPATH=$PWD .venv/bin/python tests/bench/bench_stream_masking.py
"""

from __future__ import annotations

import argparse
import statistics
import time

from filters.response.checks import NewFindingMasker
from filters.response.clean_memo import MemoMasker
from filters.response.restore import ResponseText

ANSWERS = {
    "numbers, no context word": ("Order 4411 shipped on 2024-03-05 with 12 items; total 349.90 EUR, invoice 88123 "
                                 "sent. The revenue grew 14% to 1,204,332 in Q3 while churn fell to 2.1%. ") * 8,
    "numbers beside account/card": ("The account of order 4411 shipped on 2024-03-05; card type visa, 12 items, "
                                    "total 349.90 EUR, invoice 88123. ") * 12,
}


def replies(masker: NewFindingMasker) -> ResponseText:
    memo = MemoMasker(masker, after=masker.after, **_words(masker))
    return ResponseText({}, mask_new=memo, mask_after=memo.after, **_words(memo))


def _words(owner: object) -> dict[str, object]:
    """`words_before` where the tree has it (so that the same script runs on a tree from before it)."""
    return {"words_before": owner.words_before} if getattr(owner, "words_before", None) else {}


def streamed(masker: NewFindingMasker, text: str, piece: int) -> str:
    stream = replies(masker).stream()
    return "".join(stream.feed(text[i:i + piece]) for i in range(0, len(text), piece)) + stream.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--piece", type=int, default=3)
    args = parser.parse_args()
    masker = NewFindingMasker()
    for name, text in ANSWERS.items():
        assert streamed(masker, text, args.piece) == text   # nothing in them is restricted
        times = []
        for _ in range(args.rounds):
            start = time.process_time()
            streamed(masker, text, args.piece)
            times.append((time.process_time() - start) * 1000)
        print(f"{name}: {len(text)} characters, {args.piece} a piece: median {statistics.median(times):.2f} ms CPU "
              f"(min {min(times):.2f})")


if __name__ == "__main__":
    main()
