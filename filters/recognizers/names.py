"""What a person's name looks like: name words, the trimming of NER results, given-name pairs and lists.

spaCy's small model tags "ex-Zombie Lundberg", "Heather:\"I'm Daniel's" or "van de Noort\\nEmployment";
these rules cut such results down to the name words they hold and drop what is code or a common word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from filters.recognizers.config import NerDef

CANDIDATE = re.compile(r"(?<![\w.])[^\W\d_][^\W\d_]{0,30}(?:['’-][^\W\d_]{1,30})?(?![\w(])")
RUN_WORD = r"[^\W\d_](?:[^\W\d_]|['’.-](?=[^\W\d_])){0,40}\.?"   # letters, inner ' ’ . - (O'Neil, Nowak-Kowalska)
RUN = re.compile(rf"(?<![\w.-]){RUN_WORD}(?: {RUN_WORD}){{0,8}}(?![\w])")
TEXT_WORD = re.compile(r"(?<![\w.-])[^\W\d_][^\W\d_]{1,30}(?:['’-][^\W\d_]{1,30}){0,2}(?![\w(])")   # Ramirez-Jackson
WORD = re.compile(r"[^ ]{1,42}")
NAME_RUN = r"[^\W\d_][^\W\d_'’-]{1,30}(?: [^\W\d_][^\W\d_'’-]{1,30}){0,2}"
# a list's separator, quotes around its items allowed (an SQL `IN ('Ana Lopes', 'Juan')`)
LIST_AFTER = re.compile(rf"(?:, ?| and | or | & |, and |(?P<q>['\"]), ?(?P=q))(?P<name>{NAME_RUN})(?![\w(.])")
LIST_BEFORE = re.compile(rf"(?<![\w.])(?P<name>{NAME_RUN})(?:, ?| and | or | & |, and |(?P<q>['\"]), ?(?P=q))$")
PARTICLES = frozenset(["de", "da", "das", "do", "dos", "del", "della", "der", "den", "van", "von", "ten", "ter", "op", "la", "le", "di", "du", "bin", "al", "y", "zu", "af"])
SUFFIXES = frozenset(["II", "III", "IV", "Jr", "Jr.", "Sr", "Sr."])
IDENTIFIER_REACH = 120
LABEL_NUMBER = re.compile(r"[ \t]{1,3}#?[0-9]")
HYPHENATED = re.compile(r"-(?=[^\W\d_])")
CELTIC = re.compile(r"(?:Mc|Mac|O['’])[A-Z]")
RECORD_TYPE = re.compile(r'"(?:type|kind|category)"[ \t]{0,3}:[ \t]{0,3}"([^"\n]{1,40})"')
RECORD_REACH = 300
RECORD_KEY = re.compile(r'"([\w-]{1,40})"[ \t]{0,3}:')


def in_typed_record(text: str, start: int, end: int, types: frozenset[str], keys: frozenset[str] = frozenset()) -> bool:
    """Whether [start, end) is inside a JSON object whose "type" (or "kind", "category") is one of
    `types`, or which holds one of `keys`: `{"name": "Jaguar", "type": "vendor"}`, `{"name":
    "Zapier", "enabled": true}` name a thing, not a person."""
    opening = text.rfind("{", max(0, start - RECORD_REACH), start)
    if opening < 0 or "}" in text[opening:start]:
        return False
    closing = text.find("}", end, end + RECORD_REACH)
    if closing < 0 or "{" in text[end:closing]:
        return False
    match = RECORD_TYPE.search(text, opening, closing)
    if match is not None and match.group(1).strip().lower() in types:
        return True
    return bool(keys) and any(m.group(1).lower() in keys for m in RECORD_KEY.finditer(text, opening, closing))


# `u.name IN ('Ana Lopes', 'Juan')`, `last_name NOT IN (...)`: the quoted items of a list compared with a column
SQL_IN = re.compile(r"(?<![\w.])(?:[A-Za-z_]\w{0,30}\.)?([A-Za-z_]\w{0,40})[ \t]{1,3}(?i:not[ \t]{1,3})?(?i:in)[ \t]{0,3}\(")
SQL_ITEM = re.compile(r"[ \t]{0,3}'([^'\n]{1,80})'[ \t]{0,3}([,)])")


def sql_listed(text: str, columns: frozenset[str]) -> Iterator[tuple[int, int]]:
    """The quoted items of SQL `IN (...)` lists compared with a person's column (`columns`, lowercase)."""
    if "(" not in text:
        return
    for match in SQL_IN.finditer(text):
        if match.group(1).lower() not in columns:
            continue
        pos = match.end()
        while (item := SQL_ITEM.match(text, pos)) is not None:
            yield item.span(1)
            pos = item.end()
            if item.group(2) == ")":
                break


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007 - only the last one is wanted
        pass
    return last


class NameShapes:
    """The word-level rules for names, from the `ner` section of the recognizers file."""

    def __init__(self, spec: NerDef) -> None:
        self.common = frozenset(spec.common_words)
        self.common_lower = frozenset(w.lower() for w in spec.common_words)
        self.reject_words = frozenset(w.lower() for w in spec.reject_words)
        self.particles = PARTICLES
        self.identifiers = frozenset(spec.identifiers)

    def candidate(self, word: str) -> bool:
        """Whether a capitalised word could be part of a name: not common, not CODE or CamelCase."""
        if not word[0].isupper() or word in self.common or word.lower() in self.reject_words:
            return False
        inner_capital = any(c.isupper() for part in HYPHENATED.split(word) for c in part[1:])   # Nowak-Kowalska
        return not inner_capital or (CELTIC.match(word) is not None and not word.isupper())

    def namey(self, word: str, lower: bool) -> bool:
        """Whether `word` can be one word of a name (`lower`: in an all-lowercase name)."""
        bare = word.rstrip(".")
        if not bare or bare.lower() in self.reject_words:
            return False
        if word in PARTICLES or word in SUFFIXES:
            return True
        if lower:
            return len(bare) >= 2 and bare not in STOP_WORDS
        return bare[0].isupper() and bare not in self.common and (len(bare) == 1 or not bare.isupper())

    def names_in(self, text: str, start: int, end: int, lowercase_ok: bool) -> list[tuple[int, int]]:
        """The plausible names inside an NER result [start, end): runs of name words, trimmed.

        A single word followed by a number is a label ("Batch 42 failed", "Table 3"), not a name."""
        names: list[tuple[int, int]] = []
        for run in RUN.finditer(text, start, end):
            words = [(m.start(), m.end()) for m in WORD.finditer(text, run.start(), run.end())]
            lower = lowercase_ok and run.group().islower() and " " in run.group()
            current: list[tuple[int, int]] = []
            for word_start, word_end in [*words, (-1, -1)]:
                word = text[word_start:word_end]
                if word.endswith(("'s", "’s")):
                    word_end -= 2
                    word = word[:-2]
                if word_start >= 0 and self.namey(word, lower):
                    current.append((word_start, word_end))
                    continue
                span = self._trimmed(text, current)
                if span is not None and not self._label(text, span):
                    names.append(span)
                current = []
        return names

    def _label(self, text: str, span: tuple[int, int]) -> bool:
        if " " in text[span[0]:span[1]]:
            return False
        return LABEL_NUMBER.match(text, span[1]) is not None

    def _trimmed(self, text: str, words: list[tuple[int, int]]) -> tuple[int, int] | None:
        while words and text[words[0][0]:words[0][1]] in PARTICLES | SUFFIXES:
            words = words[1:]
        while words and text[words[-1][0]:words[-1][1]] in PARTICLES:
            words = words[:-1]
        if not any(len(text[s:e].rstrip(".")) >= 2 for s, e in words):
            return None
        start, end = words[0][0], words[-1][1]
        if text[end - 1] == "." and end - start > 2 and text[end - 3:end - 2] != " ":
            end -= 1   # a sentence's full stop, not an initial's
        before, after = text[start - 1:start] if start else "", text[end:end + 2]
        if before in (".", "_") or after[:1] in ("(", "_") or (after[:1] == "." and after[1:2].islower()):
            return None   # code: obj.Name, Name(...), Name.attr
        return start, end

    def beside_identifiers(self, text: str, start: int, end: int, identifiers: list[int]) -> list[tuple[int, int]]:
        """Two or three capitalised name words on the line of an identifier ("Imogen Okonkwo ... ITIN")."""
        spans = []
        words = [m.span() for m in TEXT_WORD.finditer(text, start, end)]
        index = 0
        while index < len(words):
            last = index
            while (last + 1 < len(words) and last - index < 2 and words[last + 1][0] == words[last][1] + 1
                   and text[words[last][1]] == " " and self.namey(text[slice(*words[last + 1])], False)):
                last += 1
            if last > index and self.namey(text[slice(*words[index])], False):
                span = (words[index][0], words[last][1])
                if self._identifier_near(text, span, identifiers):
                    spans.append(span)
                index = last + 1
            else:
                index += 1
        return spans

    def _identifier_near(self, text: str, span: tuple[int, int], identifiers: list[int]) -> bool:
        line_start = text.rfind("\n", 0, span[0]) + 1
        line_end = text.find("\n", span[1])
        line_end = len(text) if line_end < 0 else line_end
        low, high = max(line_start, span[0] - IDENTIFIER_REACH), min(line_end, span[1] + IDENTIFIER_REACH)
        at = bisect_left(identifiers, low)
        return at < len(identifiers) and identifiers[at] < high

    def _leading_names(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The name words a listed run starts with ("Ria Cheema" of "Ria Cheema on"), or None."""
        words = []
        for word in WORD.finditer(text, start, end):
            if not self.namey(word.group(), False):
                break
            words.append(word)
        if not words or not self.candidate(words[0].group()):
            return None
        return start, words[-1].end()

    def listed(self, text: str, found: set[tuple[int, int]]) -> list[tuple[int, int]]:
        """Names listed beside found ones ("Eklund, Michael and Hodge"), found or not."""
        added: list[tuple[int, int]] = []
        queue = list(found)
        while queue:
            start, end = queue.pop()
            for match in (LIST_AFTER.match(text, end), _last(LIST_BEFORE.finditer(text, max(0, start - 80), start))):
                if match is None:
                    continue
                span = self._leading_names(text, *match.span("name"))
                if span is None or span in found:
                    continue
                if any(s < span[1] and span[0] < e for s, e in found):
                    continue
                found.add(span)
                added.append(span)
                queue.append(span)
        return added
