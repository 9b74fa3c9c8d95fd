"""Names known by the words around them, whatever their origin: greetings, signatures, introductions.

"Hi Marta,", "Dear Jiří Novák", "my name is Nguyễn Thị Lan", "ask Kowalczyk", "Hämäläinen's phone",
"Best regards,\\nZsófia": the cue words (config/recognizers.yaml, `ner.cues`) say a name stands there,
so any capitalised name-shaped words in that place are one, in any language, even where the NER model
has never seen them. The words themselves are checked by `NameShapes` (not a common word, not code).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from filters.recognizers.config import NameCuesDef
from filters.recognizers.names import NameShapes

# One name word: a capital, letters, an inner apostrophe or hyphen (O'Neil, Nowak-Kowalska).
WORD = r"[^\W\d_][^\W\d_]{0,30}(?:['’-][^\W\d_]{1,30}){0,2}\.?"
PARTICLE = r"(?:de|da|das|do|dos|del|della|der|den|van|von|ten|ter|la|le|di|du|bin|al|y|zu|af)"
NAME = rf"(?P<name>{WORD}(?:[ \t](?:{PARTICLE}[ \t]){{0,2}}{WORD}){{0,3}})"
AFTER_NAME = r"(?=[ \t]{0,3}(?:[,!.:;)\n—–-]|$))"
QUOTED = r"[ \t]{0,8}(?:>[ \t]{0,2}){0,4}"   # a line's indent and e-mail quote marks
WORD_SPAN = re.compile(r"[^\s]{1,80}")


POSSESSED = r"['’]s[ \t]{1,3}(?:[a-z]{1,20}[ \t]{1,3})?(?i:%s)(?![\w])"   # after the name: "'s phone"
GAP = r"(?:[ \t]{1,3}[^\s]{1,24}){0,3}"   # "…" in a cue: up to three words


def _phrase(escaped: str) -> str:
    return escaped.replace(r"\ …", GAP).replace(r"\ ", r"[ \t]{1,3}")


def cue_phrases(words: list[str]) -> str:
    """The alternation of `words` (read case-insensitively), longest first.

    When every phrase starts with an ASCII letter they are grouped by it (`g(?:ood morning|reetings)`):
    the regex engine then tries one branch per letter at a position rather than every phrase, and no
    text character matches two letters, so each group keeps its phrases' order and the same phrase wins."""
    ordered = sorted(words, key=len, reverse=True)
    if not all(w[:1].isascii() and w[:1].isalpha() for w in ordered):
        return "|".join(_phrase(re.escape(w)) for w in ordered)
    groups: dict[str, list[str]] = {}
    for word in ordered:
        groups.setdefault(word[0].lower(), []).append(_phrase(re.escape(word)[1:]))
    return "|".join(f"{letter}(?:{'|'.join(rests)})" if len(rests) > 1 else letter + rests[0]
                    for letter, rests in groups.items())


class NameCues:
    """Finds the names that cue words announce, in [start, end) of a text."""

    def __init__(self, spec: NameCuesDef, shapes: NameShapes) -> None:
        self.shapes = shapes
        parts: list[tuple[str, bool, bool]] = []   # (pattern, the name precedes the cue, a weak cue)
        if spec.greetings:
            greeting = rf"(?<![\w])(?i:{cue_phrases(spec.greetings)}),?[ \t]{{1,3}}{NAME}{AFTER_NAME}"
            parts.append((greeting, False, False))
        if spec.introductions:
            introduction = rf"(?<![\w])(?i:{cue_phrases(spec.introductions)})\.?:?[ \t]{{1,3}}{NAME}(?![\w'’])"
            parts.append((introduction, False, False))
        if spec.handoffs:
            handoff = rf"(?<![\w])(?i:{cue_phrases(spec.handoffs)}):?[ \t]{{1,3}}{NAME}(?![\w'’])"
            parts.append((handoff, False, True))
        if spec.possessed:
            parts.append((rf"(?<![\w.@/#-]){NAME}{POSSESSED % cue_phrases(spec.possessed)}", True, False))
        if spec.after:
            parts.append((rf"(?<![\w.@/#-]){NAME},?[ \t]{{1,3}}(?i:{cue_phrases(spec.after)})(?![\w])", True, True))
        self._parts = [(re.compile(p, re.MULTILINE), trailing, weak) for p, trailing, weak in parts]
        # Whether to read the parts at all, one test: a cue before a name (`,`, `.` or `:` and a blank
        # after it, then a letter), or the cue a name precedes (a part led by a name would be tried at
        # every word; any match of the part holds its cue). It only says where none can match: a text
        # it passes is read by the parts themselves, so their findings are the same.
        self._any = self._quick(spec, weak=True)
        self._any_strong = self._quick(spec, weak=False)
        closing = rf"(?i:{cue_phrases(spec.closings)})[ \t]{{0,3}}[,!.]?|" if spec.closings else ""
        # a closing line and the name alone on the next, or a dash and the name alone on its line
        self.signature = re.compile(
            rf"^{QUOTED}(?:(?:{closing}--|—|–)[ \t]{{0,3}}\r?\n{QUOTED}|(?:--|—|–)[ \t]{{0,2}})"
            rf"{NAME}[ \t]{{0,3}}(?:,[^\n]{{0,80}})?$", re.MULTILINE)

    @staticmethod
    def _quick(spec: NameCuesDef, weak: bool) -> re.Pattern[str] | None:
        """What every match of the parts (`weak`: also the hand-offs' and the verbs') holds."""
        leading = spec.greetings + spec.introductions + (spec.handoffs if weak else [])
        tests = [rf"(?<![\w])(?i:{cue_phrases(leading)})[,.:]{{0,2}}[ \t]{{1,3}}[^\W\d_]"] if leading else []
        if spec.possessed:
            tests.append(POSSESSED % cue_phrases(spec.possessed))
        if weak and spec.after:
            tests.append(rf"[ \t](?i:{cue_phrases(spec.after)})(?![\w])")   # `,?[ \t]{1,3}` ends with a blank
        return re.compile("|".join(tests), re.MULTILINE) if tests else None

    def names(self, text: str, start: int, end: int, strong_only: bool = False) -> Iterator[tuple[int, int]]:
        """The spans of the cued names in text[start:end]; `strong_only`: not after hand-offs and verbs."""
        quick = self._any_strong if strong_only else self._any
        if quick is not None and quick.search(text, start, end) is not None:
            for part, trailing, weak in self._parts:
                if weak and strong_only:
                    continue
                for match in part.finditer(text, start, end):
                    span = self.checked(text, *match.span("name"), trailing)
                    if span is not None:
                        yield span
        if "\n" in text[start:end] or text[start:start + 1] in ("-", "—", "–"):
            for match in self.signature.finditer(text, start, end):
                span = self.checked(text, *match.span("name"), False)
                if span is not None:
                    yield span

    def checked(self, text: str, start: int, end: int, trailing: bool) -> tuple[int, int] | None:
        """The name words of [start, end).

        After a cue (`trailing` false) the name starts the run and a common word ends it; before a
        cue ("… said", "…'s phone") it ends the run and words before it that are not names are cut."""
        words = [m.span() for m in WORD_SPAN.finditer(text, start, end)]
        if trailing:
            words.reverse()
        kept: list[tuple[int, int]] = []
        for word_start, word_end in words:
            word = text[word_start:word_end]
            if word.endswith(("'s", "’s")):
                word_end -= 2
                word = word[:-2]
            if not kept and not trailing and not self.shapes.candidate(word.rstrip(".")):
                return None
            if not self.shapes.namey(word, False):
                break
            kept.append((word_start, word_end))
        if trailing:
            kept.reverse()
            while kept and not self.shapes.candidate(text[kept[0][0]:kept[0][1]].rstrip(".")):
                kept.pop(0)
        while kept and text[kept[-1][0]:kept[-1][1]] in self.shapes.particles:
            kept.pop()
        if not kept:
            return None
        span_end = kept[-1][1]
        if text[span_end - 1] == "." and span_end - kept[-1][0] > 2:
            span_end -= 1   # a sentence's full stop, not an initial's
        return kept[0][0], span_end
