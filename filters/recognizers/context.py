"""One text under analysis: its spans, and the words around a value that recognizers score with."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from filters.recognizers.tables import (
    TableLayout,
    continued,
    insert_values,
    pasted_tables,
    table_blocks,
)
from filters.segments import Span

TABLE_KINDS = frozenset({"table", "log", "profile"})   # profile: a table of accounts and their credentials
PROSE_KINDS = frozenset({"prose", ""})   # a table pasted into prose is read as one too
NEGATIVE_BEFORE = 24
CODE_KINDS = frozenset({"code", "sql"})
CODE_WINDOW = 64
# `key = ` / `"key": ` / `--key ` right before a value on its line: the value's context is that key alone
LISTED_MAILBOX = re.compile(r"@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}[ \t]{0,2}(?:,|;|/|\||·|and|or|&)[ \t]{0,2}\Z")
MAILBOX = re.compile(r"[\w.%+-]{0,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
OWN_KEY = re.compile(r"(?:^|[\s,;{(&?])(?:[\"']?[\w.\[\]-]{1,60}(?: [\w.-]{1,30}){0,3}[\"']?\s{0,3}[:=]|--?[\w-]{1,60}\s)"
                     r"\s{0,3}[\"']?$",
                     re.MULTILINE)


class TextContext:
    """A text with its spans; gives the lowercase surroundings of a value and its column's header."""

    def __init__(self, text: str, spans: Sequence[Span], window: int, window_after: int) -> None:
        self.text = text
        self.lower = text.lower()
        self.spans = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in self.spans]
        self.window = window
        self.window_after = window_after
        self._layouts: dict[int, list[TableLayout]] = {}
        self._inserts: dict[int, list[tuple[int, int, str]]] = {}

    def span_index(self, pos: int) -> int | None:
        """The index of the span holding `pos`, or None."""
        index = bisect_right(self._starts, pos) - 1
        if index >= 0 and pos < self.spans[index].end:
            return index
        return None

    def span_at(self, pos: int) -> Span | None:
        index = self.span_index(pos)
        return None if index is None else self.spans[index]

    def kind_at(self, pos: int) -> str:
        span = self.span_at(pos)
        return span.kind if span is not None else ""

    def tables(self, index: int) -> list[TableLayout]:
        """The tables of span `index` when it is a table or aligned output (parsed once)."""
        if index not in self._layouts:
            span = self.spans[index]
            if span.kind in TABLE_KINDS:
                # a table whose header line was taken for prose (the span before it) still has that header
                block_start = self.text.rfind("\n\n", 0, span.start) + 2 if "\n\n" in self.text[:span.start] else 0
                start = block_start if index > 0 and self.spans[index - 1].end >= block_start else span.start
                layouts = [t for t in table_blocks(self.text, max(start, 0), span.end) if t.end > span.start]
                if layouts and layouts[0].header_start < span.start and not layouts[0].header_fits():
                    # that line was prose after all (its comma is no delimiter of the rows): the next one heads the table
                    below = layouts[0].header_end + 1
                    layouts = [t for t in table_blocks(self.text, below, span.end) if t.end > span.start]
                if not layouts and start < span.start:
                    # the prose before it ("Find rows:") is no header: the delimited header under it is
                    layouts = [t for t in pasted_tables(self.text, start, span.end) if t.end > span.start]
                if layouts and layouts[-1].end >= span.end - 1:
                    layouts[-1] = continued(layouts[-1], len(self.text))
                self._layouts[index] = layouts
            elif span.kind in PROSE_KINDS:
                self._layouts[index] = pasted_tables(self.text, span.start, span.end)
            else:
                self._layouts[index] = []
        return self._layouts[index]

    def inserted(self, index: int) -> list[tuple[int, int, str]]:
        """(start, end, column) of the values of span `index`'s SQL INSERT statements (parsed once)."""
        if index not in self._inserts:
            span = self.spans[index]
            self._inserts[index] = (insert_values(self.text, span.start, span.end)
                                    if span.kind == "sql" and "nsert" in self.lower[span.start:span.end] else [])
        return self._inserts[index]

    def header_at(self, pos: int) -> str:
        """The header of the table column, or the INSERT statement's column, holding `pos`, or ""."""
        index = self.span_index(pos)
        if index is None:
            return ""
        if self.spans[index].kind == "sql":
            return next((column for start, end, column in self.inserted(index) if start <= pos < end), "")
        table = next((t for t in self.tables(index) if t.header_start <= pos < t.end), None)
        return table.header_at(pos) if table is not None else ""

    def near(self, start: int, end: int, window: int | None = None, window_after: int | None = None) -> str:
        """Lowercase words around [start, end) and its column header, where context words are sought.

        In code and SQL only the value's own line and the one before count (a comment above it): a
        `dob` column named further up says nothing about a date literal in a WHERE clause."""
        own_line = self.lower.rfind("\n", 0, start) + 1
        after_chars = self.window_after if window_after is None else window_after   # 0 means none
        key = OWN_KEY.search(self.lower, max(own_line, start - 80), start)
        if key is not None:
            # `retry_backoff = "250-30000"` under `mrn = ...`: a value written after its own key is
            # read with that key alone, not with the line above, which names another value
            line_end = self.lower.find("\n", end, end + after_chars)
            before = self.lower[key.start():start]
            after = self.lower[end:line_end if line_end >= 0 else end + after_chars]
        elif self.kind_at(start) in CODE_KINDS:
            line_start = self.lower.rfind("\n", 0, own_line - 1 if own_line else 0) + 1 if own_line else 0
            before = self.lower[max(line_start, start - CODE_WINDOW):start]
            after = ""
        else:
            before = self.lower[max(0, start - (self.window if window is None else window)):start]
            after = self.lower[end:end + after_chars]
            if "@" in before and LISTED_MAILBOX.search(before):
                before += " contact"   # "put jane@example.pl and 033752725 at the end": listed with a mailbox
        return f"{before} | {after} | {self.header_at(start)}"

    def negative_near(self, start: int, end: int) -> str:
        """The closer words before a value, on its line, in which a negative context word rules it out."""
        line_start = self.lower.rfind("\n", max(0, start - NEGATIVE_BEFORE), start) + 1
        key = OWN_KEY.search(self.lower, max(line_start, start - 80), start)
        if key is not None:
            # `/api/v2/users?client_ip=...`: a value after its own key is ruled out by that key alone, not
            # by the "v2" of the path before it
            return f"{self.lower[key.start():start]} | {self.header_at(start)}"
        first = max(line_start, start - NEGATIVE_BEFORE)
        while first < start and first > line_start and self.lower[first - 1].isalnum():
            first += 1   # not the tail of a cut word: "cvv=" read from its last "v" is no "v" of a version
        before = self.lower[first:start]
        if "@" in before:
            # an address's labels are no words: "ha@cv.ac.id" holds no "id" that rules out the phone after it
            before = MAILBOX.sub(lambda m: " " * len(m.group()), before)
        return f"{before} | {self.header_at(start)}"
