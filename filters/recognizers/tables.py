"""The columns of a table span: which header a cell sits under.

Markdown, psql, CSV, TSV and semicolon tables are split on their delimiter; printed DataFrames and
other whitespace-aligned output are split on runs of two or more spaces and matched to the header
word they sit under (pandas right-aligns both).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

ALIGNED_CELL = re.compile(r"\S{1,200}(?: \S{1,200}){0,20}")
HEADER_WORD = re.compile(r"[A-Za-z_][\w.#-]{0,60}")
WORD = re.compile(r"\S{1,200}")
RULE_LINE = re.compile(r"^[\s|:+=-]{0,400}$")
FENCE = "```"
INSERT = re.compile(r"(?i:insert\s{1,4}into)\s{1,4}[\w.\"`\[\]]{1,120}\s{0,4}\(([^()]{1,2000})\)\s{0,4}(?i:values)\s{0,4}")
# a value of VALUES (...): a quoted literal (a line break inside it too, "'Kami" / "l Novák'": each break one
# way only, so a literal that never closes is given up in linear time) or a bare one
SQL_VALUE = re.compile(r"\s{0,8}('(?:[^'\r\n]|''|\r?\n|\r(?!\n)){0,500}'|[^,()'\n]{1,200})\s{0,8}(,|\))")


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of text[start:end], without its line break."""
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        yield pos, stop
        pos = stop + 1


def _is_rule(text: str, start: int, end: int) -> bool:
    line = text[start:end]
    return not line.strip() or line.lstrip().startswith(FENCE) or (
        "-" in line and RULE_LINE.match(line) is not None)


@dataclass
class TableLayout:
    """One table's header and how its rows split into cells."""

    text: str
    header_start: int
    header_end: int
    end: int
    delimiter: str | None                      # None: whitespace-aligned
    headers: list[str]                          # lowercase header cells
    header_cols: list[tuple[int, int]]          # aligned tables: each header word's columns

    @classmethod
    def parse(cls, text: str, start: int, end: int) -> TableLayout | None:
        """The layout of the table in text[start:end], or None when it has no recognisable header."""
        for line_start, line_end in _lines(text, start, end):
            if _is_rule(text, line_start, line_end):
                continue
            line = text[line_start:line_end]
            delimiter = next((d for d in ("|", "\t", ",", ";") if d in line), None)
            if delimiter is not None:
                headers = [cell.strip().strip("\"'`").lower() for cell in line.split(delimiter)]
                return cls(text, line_start, line_end, end, delimiter, headers, [])
            words = list(WORD.finditer(line))
            if len(words) < 2 or not all(HEADER_WORD.fullmatch(w.group()) for w in words):
                return None
            headers = [w.group().lower() for w in words]
            return cls(text, line_start, line_end, end, None, headers, [(w.start(), w.end()) for w in words])
        return None

    def header_fits(self) -> bool:
        """Whether the header line splits as the first row under it does: a prose line over a TSV
        ("Sort by name, keep the header:" / `Name<TAB>Email`) holds a comma, but no row holds one there."""
        if self.delimiter is None:
            return True
        row = next(((s, e) for s, e in _lines(self.text, self.header_end + 1, self.end) if not _is_rule(self.text, s, e)),
                   None)
        if row is None:
            return True
        return abs(self.text.count(self.delimiter, *row) - (len(self.headers) - 1)) <= 1 and \
            self.text.count(self.delimiter, *row) > 0

    def header_at(self, pos: int) -> str:
        """The header of the column holding position `pos` ("" outside the table's rows)."""
        if pos <= self.header_end or pos >= self.end:
            return ""
        line_start = self.text.rfind("\n", 0, pos) + 1
        if self.delimiter is not None:
            index = self.text.count(self.delimiter, line_start, pos)
            return self.headers[index] if index < len(self.headers) else ""
        line_end = self.text.find("\n", pos, self.end)
        line = self.text[line_start:self.end if line_end < 0 else line_end]
        for cell in ALIGNED_CELL.finditer(line):
            if cell.start() <= pos - line_start < cell.end():
                return self._aligned_header(cell.start(), cell.end())
        return ""

    def _aligned_header(self, col_start: int, col_end: int) -> str:
        best, best_overlap, best_gap = "", 0, 10**9
        for header, (h_start, h_end) in zip(self.headers, self.header_cols):
            overlap = min(col_end, h_end) - max(col_start, h_start)
            gap = abs(col_end - h_end)
            if overlap > best_overlap or (best_overlap <= 0 and overlap <= 0 and gap < best_gap):
                best, best_overlap, best_gap = header, overlap, gap
        return best

    def cells(self) -> Iterator[tuple[str, int, int]]:
        """(header, start, end) of every data cell, trimmed of spaces and quotes."""
        for line_start, line_end in _lines(self.text, self.header_end + 1, self.end):
            if _is_rule(self.text, line_start, line_end):
                continue
            if self.delimiter is not None:
                pos, index = line_start, 0
                while pos <= line_end:
                    stop = self.text.find(self.delimiter, pos, line_end)
                    stop = line_end if stop < 0 else stop
                    if index < len(self.headers):
                        yield from self._trimmed(self.headers[index], pos, stop)
                    pos, index = stop + 1, index + 1
            else:
                line = self.text[line_start:line_end]
                for cell in ALIGNED_CELL.finditer(line):
                    yield self._aligned_header(cell.start(), cell.end()), line_start + cell.start(), \
                        line_start + cell.end()

    def _trimmed(self, header: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
        while start < end and self.text[start] in " \t\"'`":
            start += 1
        while end > start and self.text[end - 1] in " \t\"'`\r":
            end -= 1
        if end > start:
            yield header, start, end


def table_blocks(text: str, start: int, end: int) -> list[TableLayout]:
    """The tables of text[start:end]: blocks separated by blank lines or fences, each with its header."""
    blocks: list[TableLayout] = []
    block_start = start
    for line_start, line_end in [*_lines(text, start, end), (end, end)]:
        line = text[line_start:line_end]
        if line_start == end or not line.strip() or line.lstrip().startswith(FENCE):
            if line_start > block_start:
                layout = TableLayout.parse(text, block_start, max(block_start, line_start - 1))
                if layout is not None:
                    blocks.append(layout)
            block_start = line_end + 1
    return blocks


def continued(layout: TableLayout, limit: int) -> TableLayout:
    """A delimited table whose span ended early (the classifier took a row holding a spaced IBAN, or cut
    by a line break, for prose) goes on over the lines right after it that still hold most of its
    delimiters, up to a blank line or `limit`."""
    if layout.delimiter is None:
        return layout
    columns = len(layout.headers) - 1
    end = layout.end
    for line_start, line_end in _lines(layout.text, end + 1, limit):
        count = layout.text.count(layout.delimiter, line_start, line_end)
        if not columns - 2 <= count <= columns or count < 1:
            break
        end = line_end
    layout.end = end
    return layout


# A line of three or more identifier-like cells: the header of a CSV, TSV or pipe table pasted into prose.
DELIMITED_HEADER = re.compile(r"^[ \t|]{0,3}[A-Za-z_][\w.#-]{0,60}(?:[ \t]{0,2}[,\t;|][ \t]{0,2}[A-Za-z_][\w.#-]{0,60}){2,}"
                              r"[ \t|]{0,3}\r?$", re.MULTILINE)


def pasted_tables(text: str, start: int, end: int) -> list[TableLayout]:
    """The delimited tables pasted into a prose span: a header of identifiers, then rows of its delimiter,
    up to a blank line or a fence (the header may follow a line of prose: "Find rows with…:" / `name|email`)."""
    layouts: list[TableLayout] = []
    pos = start
    while (header := DELIMITED_HEADER.search(text, pos, end)) is not None:
        block_end = _block_end(text, header.end(), end)
        layout = TableLayout.parse(text, header.start(), block_end)
        if layout is not None and layout.delimiter is not None and layout.header_start == header.start() \
                and text.count(layout.delimiter, layout.header_end, layout.end) >= len(layout.headers) - 1:
            layouts.append(layout)
        pos = max(block_end, header.end() + 1)
    return layouts


def _block_end(text: str, pos: int, end: int) -> int:
    """Where the block holding `pos` ends: before a blank line or a fence, or at `end`."""
    for line_start, line_end in _lines(text, pos + 1, end):
        line = text[line_start:line_end]
        if not line.strip() or line.lstrip().startswith(FENCE):
            return max(pos, line_start - 1)
    return end


def insert_values(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, column) of each value of the INSERT statements in text[start:end]."""
    found: list[tuple[int, int, str]] = []
    for statement in INSERT.finditer(text, start, end):
        columns = [c.strip().strip("\"`[]").lower() for c in statement.group(1).split(",")]
        pos = statement.end()
        while pos < end and text[pos] == "(":
            pos += 1
            for column in columns:
                value = SQL_VALUE.match(text, pos, end)
                if value is None:
                    break
                found.append((value.start(1), value.end(1), column))
                pos = value.end()
                if value.group(2) == ")":
                    break
            while pos < end and text[pos] in ", \n\t":
                pos += 1
    return found
