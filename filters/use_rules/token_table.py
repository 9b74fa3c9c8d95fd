"""Static word embeddings folded into a per-token score table (the use classifier's second feature set).

A linear head over a text's mean-pooled token embeddings is, by linearity, the mean over its tokens of
a per-token score: mean_t(E[t]) @ W == mean_t(E[t] @ W). The trainer (tests/bench/train_use_classifier.py
with --embeddings) fits W on the embeddings of wordllama's wheel and stores only E @ W, one row of head
scores per token, so serving needs neither the 16 MB embedding matrix nor wordllama nor a tokenizer
library. A word gets a score from its embedding even when no training text used it: that is what the
n-grams cannot do for plain paraphrases.

Tokenisation is the one function below, the same when training and scoring: a word is its own token
("▁word") when the vocabulary has it, else greedy longest pieces. It is not the vocabulary's own BPE,
and need not be: the head is fitted on exactly these tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 400
MARK = "\u2581"   # the vocabulary's word-start mark


class TokenTable:
    """Token pieces -> token numbers, and the tokens of a text."""

    def __init__(self, pieces: list[str]) -> None:
        self._index = {piece: number for number, piece in enumerate(pieces)}
        self._longest = max((len(p) for p in pieces), default=1)
        self._word_tokens = lru_cache(maxsize=65536)(self._tokens_of_word)

    def _tokens_of_word(self, word: str) -> tuple[int, ...]:
        whole = self._index.get(MARK + word)
        if whole is not None:
            return (whole,)
        text = MARK + word
        found: list[int] = []
        i = 0
        while i < len(text):
            for j in range(min(len(text), i + self._longest), i, -1):
                number = self._index.get(text[i:j])
                if number is not None:
                    found.append(number)
                    i = j
                    break
            else:
                i += 1   # a character the vocabulary lacks (its byte tokens are not used): skipped
        return tuple(found)

    def tokens(self, text: str) -> list[int]:
        """The token numbers of `text`'s words (lower-cased, at most MAX_WORDS words)."""
        found: list[int] = []
        for word in _WORD.findall(text.lower())[:MAX_WORDS]:
            found.extend(self._word_tokens(word))
        return found
