"""A request's tokens counted up front, offline: what its limits take before it is forwarded.

Input: every text segment the model will read, cut as cl100k_base's pre-tokenizer cuts it (words
with their leading space, digit runs of up to three, punctuation runs, whitespace), each piece
counted as one token per six characters or part of them. No encoder is loaded (tiktoken's would
add about 50 MB to every server process) and nothing is downloaded. On the project's own prose,
code, JSON, YAML and the AUP this counts 4 to 23 % more than cl100k_base (`python -m
tests.bench.limits_estimate`): an estimate errs towards taking too much, and the answer's usage
figures settle it. Counts are kept per text, so that a conversation's history is counted once.
Output: the request's own maximum when it sets one below `limits.output_estimate_tokens`, else
that figure; settled the same way.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

MAX_OUTPUT_FIELDS = ("max_tokens", "max_completion_tokens", "max_output_tokens")
_CACHE_ENTRIES = 20_000
_counted: OrderedDict[tuple[int, int], int] = OrderedDict()


# cl100k_base's pre-tokenizer, with \w for its Unicode letter classes (Python's re has no \p{L})
_PIECES = re.compile(r"""'(?i:[sdmt]|ll|ve|re)|(?:[^\r\n\w]|_)?[^\W\d_]+|\d{1,3}| ?(?:[^\s\w]|_)+[\r\n]*"""
                     r"""|\s*[\r\n]|\s+(?!\S)|\s+""")
_CHARS_PER_TOKEN = 6


def count(text: str) -> int:
    """The estimate of one text, without the cache."""
    return sum(-(-len(piece.strip() or piece) // _CHARS_PER_TOKEN) for piece in _PIECES.findall(text))


def text_tokens(text: str) -> int:
    key = (len(text), hash(text))   # not the text itself: the cache must not keep prompts alive
    found = _counted.get(key)
    if found is not None:
        _counted.move_to_end(key)
        return found
    counted = _counted[key] = count(text)
    if len(_counted) > _CACHE_ENTRIES:
        _counted.popitem(last=False)
    return counted


def input_tokens(texts: Iterable[str]) -> int:
    return sum(text_tokens(text) for text in texts if text)


def output_tokens(body: dict[str, Any], ceiling: int, feature: str) -> int:
    if feature == "embeddings":
        return 0
    asked = [v for f in MAX_OUTPUT_FIELDS if isinstance(v := body.get(f), int) and not isinstance(v, bool) and v >= 0]
    return min([ceiling, *asked])
