"""The patterns the decision reads a conversation's turns with (refusals, follow-ups), with the texts
that match none of them remembered: a conversation's history is read once, not again at every turn.

A conversation's 20th request carries its 19 earlier turns; reading each of them against every pattern
again cost more than the new message's whole screening. The result is a pure function of the text and
of the policy's patterns (fixed for the life of a `Decider`, rebuilt on reload), so a text that matched
none once matches none every time. Only that is remembered, as a keyed digest in a bounded set
(`CleanTexts`: no text kept, the key drawn per process); a text that matches is read in full each time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from filters.response.clean_memo import CleanTexts

MEMO_ENTRIES = 16384   # digests: about 2 MB a pattern list


class TurnPatterns:
    def __init__(self, patterns: Sequence[str], entries: int = MEMO_ENTRIES) -> None:
        self._patterns = [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in patterns]
        self._none = CleanTexts(entries)

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def search(self, text: str) -> bool:
        """Whether any of the patterns occurs in `text`."""
        if not self._patterns:
            return False
        digest = self._none.digest(text)
        if digest in self._none:
            return False
        if any(p.search(text) for p in self._patterns):
            return True
        self._none.add(digest)
        return False

    def first_end(self, text: str) -> int | None:
        """Where the earliest occurrence of any pattern ends; None when none occurs."""
        if not self._patterns:
            return None
        digest = self._none.digest(text)
        if digest in self._none:
            return None
        found = [m for m in (p.search(text) for p in self._patterns) if m is not None]
        if found:
            return min(found, key=lambda m: m.start()).end()
        self._none.add(digest)
        return None
