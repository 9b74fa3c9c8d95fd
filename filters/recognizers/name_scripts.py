"""Names written in scripts without capital letters: Arabic, Hebrew, the Indic scripts, Thai, Georgian, CJK, Hangul.

In Latin, Cyrillic, Greek or Armenian text a name is told from other words by its capital, and every
rule in `names`, `name_cues` and `name_signals` starts from one; these scripts have none (Georgian's
everyday letters are lower case), and their vowel signs and viramas are marks that `\\w` does not
match, so those rules never see such a name ("Dear অনন্যা মজুমদার,", `"name": "이영미"`, "From: 鈴木京助 <…>").
In a text written mostly in Latin letters (an English request, a log, a record, a table) a short run
of words in such a script is, far more often than not, a person's name: here it is one unless it
labels what follows (opening a line before a colon: "מספר זהות: 145861738") or follows an article ("a valid
身份证号"), or another recognizer explained it (an address in Japanese). A text written mostly in
such a script is left to the cues and fields: there every word is written so.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator, Sequence

# the blocks of the caseless scripts (and Georgian), letters and combining marks only
BLOCKS = ((0x0590, 0x05FF), (0x0600, 0x06FF), (0x0750, 0x077F), (0x0900, 0x0DFF), (0x0E00, 0x0EFF),
          (0x1000, 0x109F), (0x10A0, 0x10FF), (0x1100, 0x11FF), (0x1200, 0x137F), (0x1780, 0x17FF),
          (0x3005, 0x3006), (0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xFB1D, 0xFDFF),
          (0xFE70, 0xFEFF))


def _ranges() -> str:
    """The blocks' letters and marks as a character class body, in ranges."""
    parts: list[str] = []
    for low, high in BLOCKS:
        run_start = -1
        for code in range(low, high + 2):
            inside = code <= high and unicodedata.category(chr(code))[0] in "LM"
            if inside and run_start < 0:
                run_start = code
            elif not inside and run_start >= 0:
                parts.append(re.escape(chr(run_start)) + ("-" + re.escape(chr(code - 1)) if code - 1 > run_start else ""))
                run_start = -1
    return "".join(parts)


SCRIPT = _ranges()
# a word: the script's letters and marks, a zero-width non-joiner inside (Persian), a geresh (ג'בארין, ג'ורג')
SCRIPT_WORD = rf"[{SCRIPT}](?:[{SCRIPT}\u200c]|['’](?=[{SCRIPT}])){{0,30}}(?:['’](?=[ \t]))?"
SCRIPT_CHAR = re.compile(f"[{SCRIPT}]")
SCRIPT_WORD_ONLY = re.compile(SCRIPT_WORD)
# up to four words, not part of a longer stretch of the script (a sentence in it)
RUN = re.compile(rf"(?<![\w{SCRIPT}'’])(?<![{SCRIPT}] )(?<![{SCRIPT}]\t){SCRIPT_WORD}(?:[ \t]{SCRIPT_WORD}){{0,3}}"
                 rf"(?![\w{SCRIPT}'’]|[ \t][{SCRIPT}])")
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{2,}")
LABEL_AFTER = re.compile(r"[ \t]{0,2}[:：]")
LINE_OPENING = re.compile(r"(?:^|[\n|])[ \t>*•-]{0,8}$")
PREVIOUS_WORDS = re.compile(r"([A-Za-z]{1,12})[ \t]{1,3}(?:([A-Za-z]{1,12})[ \t]{1,3})?$")
MAX_RUN = 60


def script_word(word: str) -> bool:
    """Whether `word` is one word written in a caseless script (a name's word where a name stands)."""
    return SCRIPT_WORD_ONLY.fullmatch(word) is not None


class ScriptNames:
    """Finds the runs of caseless-script words that are names in a mostly Latin text."""

    def __init__(self, determiners: Sequence[str]) -> None:
        self.determiners = frozenset(w.lower() for w in determiners)

    def _label(self, text: str, start: int, end: int) -> bool:
        """Whether the run opens its line or cell and a colon follows: a label ("מספר זהות: 145861738")."""
        return LABEL_AFTER.match(text, end) is not None and \
            LINE_OPENING.search(text, max(0, start - 10), start) is not None

    def latin_text(self, text: str) -> bool:
        """Whether the text holds a caseless script's letter and is written in Latin words at least as
        much (a text in Hindi or Chinese is not: there each of its words would be taken)."""
        if SCRIPT_CHAR.search(text) is None:
            return False
        return len(LATIN_WORD.findall(text)) >= len(SCRIPT_WORD_ONLY.findall(text))

    def names(self, text: str, start: int, end: int, covered: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        """The name runs of [start, end) that no span of `covered` (sorted, merged) overlaps."""
        starts = [s for s, _ in covered]
        for match in RUN.finditer(text, start, end):
            span = match.span()
            if span[1] - span[0] > MAX_RUN or self._label(text, *span):
                continue
            at = bisect_left(starts, span[1]) - 1
            if at >= 0 and covered[at][1] > span[0]:
                continue
            before = PREVIOUS_WORDS.search(text, max(0, span[0] - 30), span[0])
            if before is not None and {w.lower() for w in before.groups() if w} & self.determiners:
                continue
            yield span
