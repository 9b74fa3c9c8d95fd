"""Answers already read and found clean are not read again: the same text gets the same result.

The mask of new findings (`NewFindingMasker`) and the use rules (`UseRules.evaluate`) are pure functions of
the text and of files loaded once per state, so a text either changed nothing once or it would change
something every time. A short answer repeated verbatim (a canned reply, a tool's fixed acknowledgement, a
cached passthrough) would otherwise cost the full pattern scan and rule walk on every request.

What is remembered is only that a text was clean: a keyed 16-byte BLAKE2b digest of it (the key drawn per
process at start, so a digest says nothing outside this process), in a bounded LRU set. No text is kept.
A text that was masked, or that any rule matched, is not remembered and is read in full every time. A new
state (a reload) builds new checks and so new memos: a changed pattern or rule file is never answered
from a stale one. Thread-safe: big answers are checked in a thread (`gateway.server.forward`).
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable

from filters.segments import RuleHit
from filters.use_rules.rules import UseClassifier

MEMO_ENTRIES = 8192   # digests (about 120 bytes each with the set's own overhead): about 1 MB a memo


class CleanTexts:
    """A bounded set of keyed digests of texts a check found clean."""

    def __init__(self, entries: int = MEMO_ENTRIES) -> None:
        self._key = os.urandom(32)
        self._entries = entries
        self._seen: OrderedDict[bytes, None] = OrderedDict()
        self._lock = threading.Lock()

    def digest(self, text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16, key=self._key).digest()

    def __contains__(self, digest: bytes) -> bool:
        with self._lock:
            if digest not in self._seen:
                return False
            self._seen.move_to_end(digest)
            return True

    def add(self, digest: bytes) -> None:
        with self._lock:
            self._seen[digest] = None
            if len(self._seen) > self._entries:
                self._seen.popitem(last=False)

    def __len__(self) -> int:
        return len(self._seen)


class MemoMasker:
    """A `mask_new` (text -> text with new restricted values masked) that skips texts it found clean."""

    # Below this, hashing costs about what the check does (the masker returns texts under 8 characters
    # at once; the stream's pieces are mostly words).
    MIN_CHARS = 24

    def __init__(self, masker: Callable[[str], str], entries: int = MEMO_ENTRIES,
                 after: Callable[[str, str], str] | None = None,
                 words_before: Callable[[str], str] | None = None) -> None:
        self._masker = masker
        self._after = after   # the masker's `after` (NewFindingMasker.after): text read after a context
        self.words_before = words_before   # the masker's `words_before`: a stream's earlier text worth reading
        self.clean = CleanTexts(entries)

    def after(self, context: str, text: str) -> str:
        """`text` masked as the continuation of `context` (the end of the field before, the chosen tokens
        before an alternative): read with its context each time, so never remembered."""
        if not context or self._after is None:
            return self(text)
        return self._after(context, text)

    def __call__(self, text: str) -> str:
        if len(text) < self.MIN_CHARS:
            return self._masker(text)
        digest = self.clean.digest(text)
        if digest in self.clean:
            return text
        out = self._masker(text)
        if out == text:
            self.clean.add(digest)
        return out


class MemoRules:
    """Use rules (`evaluate`) that skip texts no rule matched before."""

    def __init__(self, rules: UseClassifier, entries: int = MEMO_ENTRIES) -> None:
        self._rules = rules
        self.clean = CleanTexts(entries)

    def evaluate(self, text: str) -> list[RuleHit]:
        digest = self.clean.digest(text)
        if digest in self.clean:
            return []
        hits = self._rules.evaluate(text)
        if not hits:
            self.clean.add(digest)
        return hits
