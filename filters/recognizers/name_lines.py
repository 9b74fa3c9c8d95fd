"""Names known by the line they stand on: a chat log's speaker, a letter's salutation, its last line, a list of people.

"Dalibor (2025-11-17T14:59:01Z): seeing failed logins", "Maksimilyan,\\n\\ncan you rerun…", a message
ending "…\\n\\nRania", and the items of "Attendees:\\n- Udeh, Chizoba, store in Nairobi" (surname first,
as lists and exports write them) name a person by the shape of their line, with no cue word beside
the name. A speaker before a time stamp and an item under a people heading (`ner.cues.people_headings`)
are strong; a salutation or a last line is a name only when its words look like one
(`ner.likeness.line_word`), and not in the texts of instruction roles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from filters.recognizers.config import NerDef
from filters.recognizers.name_cues import NAME, QUOTED, NameCues, cue_phrases
from filters.recognizers.name_likeness import NameLikeness
from filters.recognizers.name_scripts import script_word

SPEAKER = re.compile(rf"^{QUOTED}{NAME} \([0-9][^()\n]{{4,40}}\):", re.MULTILINE)
SALUTATION = re.compile(rf"^{QUOTED}{NAME},[ \t]*\n(?:[ \t]*\n)?[ \t]*[a-z]", re.MULTILINE)
LAST_LINE = re.compile(rf"\n[ \t]*\n{QUOTED}{NAME}[ \t]*\s*$")
LIST_START = re.compile(r":[ \t]*\n(?=[ \t]{0,8}[-*•][ \t])")   # a heading's colon over a bulleted list
# or a heading alone on its line without a colon, a remark in brackets allowed ("Attendees (in order of arrival)")
BARE_HEADING = r"^[ \t]{{0,8}}(?:#{{1,4}}[ \t]{{1,3}})?(?:{words})(?:[ \t]{{1,3}}\([^()\n]{{1,60}}\))?[ \t]*\n(?=[ \t]{{0,8}}[-*•][ \t])"
ITEM = re.compile(r"[ \t]{0,8}[-*•][ \t]{1,3}([^\n]{1,200})\n?")
FIELD = re.compile(r"[^,\n]+")


class NameLines:
    """Finds the names that their line's shape announces, in [start, end) of a text."""

    def __init__(self, spec: NerDef, cues: NameCues, model: NameLikeness) -> None:
        self.cues = cues
        self.model = model
        self.bar = spec.likeness.line_word
        headings = spec.cues.people_headings
        self.heading = re.compile(rf"(?<![\w])(?i:{cue_phrases(headings)})") if headings else None
        self.bare_heading = re.compile(BARE_HEADING.format(words=f"(?i:{cue_phrases(headings)})"),
                                       re.MULTILINE) if headings else None

    def names(self, text: str, start: int, end: int, strong_only: bool) -> Iterator[tuple[int, int]]:
        """The spans of such names but list items'; `strong_only`: speakers only."""
        for match in SPEAKER.finditer(text, start, end):
            span = self.cues.checked(text, *match.span("name"), False)
            if span is not None:
                yield span
        if strong_only:
            return
        for pattern in (SALUTATION, LAST_LINE):
            for match in pattern.finditer(text, start, end):
                span = self.cues.checked(text, *match.span("name"), False)
                if span is not None and self._looks_named(text[span[0]:span[1]]):
                    yield span

    def items(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The people of the bulleted lists under a people heading ("Attendees:") in [start, end)."""
        if self.heading is None:
            return
        for colon in LIST_START.finditer(text, start, end):
            line_start = text.rfind("\n", start, colon.start()) + 1
            if colon.start() - line_start <= 160 and self.heading.search(text, line_start, colon.start()):
                yield from self._listed(text, colon.end(), end)
        if self.bare_heading is not None:
            for heading in self.bare_heading.finditer(text, start, end):
                yield from self._listed(text, heading.end(), end)

    def _looks_named(self, name: str) -> bool:
        return max(self.model.score(part) for word in name.split() for part in word.split("-") if part) >= self.bar

    def _listed(self, text: str, pos: int, end: int) -> Iterator[tuple[int, int]]:
        """Each item's person: "Surname, Given" of its first two fields, or its first field's name."""
        while (item := ITEM.match(text, pos, end)) is not None:
            pos = item.end()
            fields = list(FIELD.finditer(text, item.start(1), item.end(1)))
            words = [f.group().strip() for f in fields[:2]]
            if len(words) == 2 and all(" " not in w and self._name_word(w) for w in words):
                yield fields[0].start() + len(fields[0].group()) - len(fields[0].group().lstrip()), \
                    fields[1].start() + len(fields[1].group().rstrip())
                continue
            span = self.cues.checked(text, fields[0].start(), fields[0].end(), False) if fields else None
            if span is not None:
                yield span

    def _name_word(self, word: str) -> bool:
        return script_word(word) or (self.cues.shapes.candidate(word) and self.cues.shapes.namey(word, False))
