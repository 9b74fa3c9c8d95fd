"""The line reader: the kind of every line of unfenced text, from the patterns of config/classify.yaml."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import Any

from filters.classify.config import ClassifyConfig, compile_group, key_regex

_SEPARATOR_CHARS = frozenset("|-:+= ")
_STRIP = ",.?!:;()[]'\"*`"
_AFTER_BRACE = frozenset("\"'}")
_AFTER_BRACKET = frozenset("\"'{[]()-0123456789tfnN")


def _separator(s: str) -> bool:
    return len(s) >= 3 and set(s) <= _SEPARATOR_CHARS and ("-" in s or "=" in s)


def _cells(header: str) -> set[str]:
    """A table header's column names, lower-cased, spaces as underscores."""
    cells = header.replace("\t", "|").replace(",", "|").replace(";", "|").split("|")
    return {c.strip().strip("`*\"'").lower().replace(" ", "_") for c in cells}


def _opens(stripped: str, lines: list[str], i: int, hi: int) -> bool:
    """Whether the character after a leading `{` or `[` can continue a JSON value or Python literal."""
    rest = stripped[1:].lstrip() or (lines[i + 1].lstrip()[:1] if i + 1 < hi else "")
    return bool(rest) and rest[0] in (_AFTER_BRACE if stripped[0] == "{" else _AFTER_BRACKET)


class LineReader:
    """Reads lines of one text: kinds per line, None for blank lines. Linear in the text's size."""

    def __init__(self, config: ClassifyConfig) -> None:
        p = config.patterns
        self.cap = config.max_line_chars
        self.tb_start = compile_group(p.traceback_start)
        self.tb_line = compile_group(p.traceback_line)
        self.tb_resume = compile_group(p.traceback_resume)
        self.exception = compile_group(p.exception)
        self.log_start = compile_group(p.log_start)
        self.log_line = compile_group(p.log_line)
        self.table_line = compile_group(p.table_line)
        self.ddl_start = compile_group(p.ddl_start)
        self.sql_start = compile_group(p.sql_start)
        self.sql_continue = compile_group(p.sql_continue)
        self.code_line = compile_group(p.code_line)
        self.repl_prompt = compile_group(p.repl_prompt)
        self.code_continue = compile_group(p.code_continue)
        self.code_comment = compile_group(p.code_comment)
        self.schema_line = compile_group(p.schema_line)
        self.schema_item = compile_group(p.schema_item)
        self.profile_line = compile_group(p.profile_line)
        self.profile_strong = key_regex(config.profile.strong_keys)
        self.profile_key = key_regex(config.profile.strong_keys + config.profile.keys)
        self.identity_cols = frozenset(config.profile.table_identity_columns)
        self.role_cols = frozenset(config.profile.table_role_columns)
        self.schema_name_cols = frozenset(config.schema_cues.table_name_columns)
        self.schema_detail_cols = frozenset(config.schema_cues.table_detail_columns)
        self.schema_key_sets = [frozenset(keys) for keys in config.schema_cues.json_key_sets]
        self.stopwords = frozenset(config.prose.stopwords)
        self.min_words = config.prose.min_words
        self.delimiters = config.table_delimiters
        self.decoder = json.JSONDecoder()

    # ---- single-line cues ----
    def prose_like(self, line: str) -> bool:
        """A sentence: ends like one, has enough words, and enough of them are function words."""
        s = line.strip().rstrip("*_)\"'")
        if not s or s[-1] not in ".?!" or s[0] in " \t#-(":
            return False
        words = s.split()
        if len(words) < self.min_words:
            return False
        return sum(1 for w in words if w.lower().strip(_STRIP) in self.stopwords) >= 2

    def is_code(self, line: str) -> bool:
        return bool(self.code_line.match(line)) and not self.prose_like(line)

    def is_traceback(self, line: str) -> bool:
        return bool(self.tb_line.match(line) or self.exception.match(line))

    def header_kind(self, header: str, default: str) -> str:
        """A table's kind from its header: a user directory, a data dictionary, or data."""
        cells = _cells(header)
        if cells & self.identity_cols and cells & self.role_cols:
            return "profile"
        if cells & self.schema_name_cols and cells & self.schema_detail_cols:
            return "schema"
        return default

    def json_kind(self, value: Any) -> str:
        """A parsed JSON value's kind from its (first) object's keys."""
        item = value[0] if isinstance(value, list) and value else value
        if not isinstance(item, dict):
            return "record"
        keys = {str(k).lower() for k in item}
        if any(key_set <= keys for key_set in self.schema_key_sets):
            return "schema"
        if keys & self.identity_cols and keys & self.role_cols:
            return "profile"
        return "record"

    def profile_hit(self, line: str, previous: str | None, following: str) -> bool:
        """A profile field: a directory row, a strong key, two keys, or one key beside another field."""
        if self.profile_line.match(line) or self.profile_strong.search(line):
            return True
        hits = 0
        for _ in self.profile_key.finditer(line):
            hits += 1
            if hits == 2:
                return True
        return hits == 1 and (previous == "profile" or bool(self.profile_key.match(following)))

    # ---- runs of lines ----
    def delimited(self, line: str, delim: str) -> int:
        """How many fields `line` has as a CSV/TSV row; 0 when it is not one."""
        s = line.strip()
        if delim not in s or s[:2] in ("- ", "* "):  # list items are prose
            return 0
        if delim != "\t" and (s[-1] in ".?!:;{(" or self.is_code(s)):
            return 0
        try:
            fields = next(csv.reader([s], delimiter=delim)) if '"' in s else s.split(delim)
        except csv.Error:
            return 0
        if len(fields) < 2 or any(f.strip().count(" ") > 3 for f in fields):
            return 0
        return len(fields)

    def columnar(self, line: str) -> bool:
        """A row of a column-aligned print (pandas): cells apart by two or more spaces."""
        s = line.strip()
        if "  " not in s or self.is_code(s) or self.prose_like(s):
            return False
        cells = [c.strip() for c in s.split("  ") if c.strip()]
        return len(cells) >= 2 and all(len(c) <= 40 and c.count(" ") <= 3 for c in cells)

    def pipe_run(self, lines: list[str], i: int, hi: int) -> tuple[int, bool]:
        """(end of the run of pipe-table lines from i, whether it is a table)."""
        j, separator, all_bars = i, False, True
        while j < hi:
            s = lines[j][: self.cap].strip()
            if _separator(s):
                separator = True
            elif "|" in s:
                all_bars = all_bars and s.startswith("|")
            else:
                break
            j += 1
        first = lines[i].strip()
        single = j == i + 1 and first.startswith("|") and first.endswith("|") and first.count("|") >= 3
        return j, (j - i >= 2 and (separator or all_bars)) or single

    def same_count_run(self, lines: list[str], i: int, hi: int, count: Callable[[str], int]) -> int:
        """End of the run of lines from i with the same non-zero `count`; i when fewer than two lines."""
        first = count(lines[i][: self.cap])
        j = i + 1
        while first and j < hi and count(lines[j][: self.cap]) == first:
            j += 1
        return j if first and j - i >= 2 else i

    # ---- the walk ----
    def read(self, text: str, starts: list[int], lines: list[str], lo: int, hi: int) -> list[str | None]:
        """Kinds of lines[lo:hi]; `starts` are the lines' offsets in `text`."""
        kinds: list[str | None] = [None] * (hi - lo)
        state: str | None = None
        last: str | None = None
        no_json_before = no_pipe_before = 0
        region_end = starts[hi - 1] + len(lines[hi - 1]) if hi > lo else 0
        i = lo
        while i < hi:
            line = lines[i][: self.cap]
            stripped = line.strip()
            if not stripped:
                state = "traceback_gap" if state in ("traceback", "traceback_gap") else None
                last = None
                i += 1
                continue
            kind = self._continued(state, line, stripped)
            if kind is not None:
                kinds[i - lo] = last = kind
                if kind == "traceback":
                    state = "traceback"
                elif kind in ("sql", "schema") and stripped.endswith(";"):
                    state = None
                i += 1
                continue
            end = i + 1
            kind, state = self._single(line, stripped, lines, i, hi)
            if kind == "table" and last in ("profile", "schema"):
                kind = last  # a row count under a user directory or a data dictionary
            if (kind is None and stripped[0] in "{[" and starts[i] >= no_json_before
                    and _opens(stripped, lines, i, hi)):
                found = self._json(text, starts, lines, i, hi, region_end)
                if isinstance(found, int):
                    no_json_before = found
                elif found is not None:
                    end, kind = found
            if kind is None and "|" in stripped and i >= no_pipe_before:
                run_end, is_table = self.pipe_run(lines, i, hi)
                if is_table:
                    header = next((x for x in lines[i:run_end] if "|" in x and not _separator(x.strip())), "")
                    end, kind = run_end, self.header_kind(header[: self.cap], "table")
                else:
                    no_pipe_before = run_end
            if kind is None:
                end, kind = self._runs(lines, i, hi)
                if kind == "log" and last == "prose" and lines[i - 1].strip().isidentifier():
                    kinds[i - 1 - lo] = "log"  # the name line a printed Series or index starts with
            if kind is None:
                kind, state = self._late(line, stripped, lines, i, hi, last)
            for j in range(i - lo, end - lo):
                kinds[j] = kind
            last = kind
            i = end
        return kinds

    def _continued(self, state: str | None, line: str, stripped: str) -> str | None:
        """The kind of a line that continues the statement, traceback or output above it."""
        if state == "traceback":
            return "traceback" if self.is_traceback(line) or self.tb_start.match(line) else None
        if state == "traceback_gap":
            return "traceback" if self.tb_resume.match(line) or self.exception.match(line) else None
        if state == "log":
            return None if self.prose_like(line) else "log"
        if state in ("sql", "schema"):
            if self.sql_continue.match(line) and (line[0] in " \t" or not self.prose_like(line)):
                return state
            return None
        if state == "repl":
            return "code" if self.repl_prompt.match(line) else "log"
        if state == "code":
            if stripped[0] == "#" or line[0] in " \t":
                return "code"
            if (self.code_continue.match(line) or self.code_line.match(line)) and not self.prose_like(line):
                return "code"
        return None

    def _single(self, line: str, stripped: str, lines: list[str], i: int,
                hi: int) -> tuple[str | None, str | None]:
        """Lines whose own first characters say what they are; (kind, state that follows)."""
        if self.tb_start.match(line) or (stripped.startswith("-" * 20) and i + 1 < hi
                                          and self.tb_start.match(lines[i + 1][: self.cap])):
            return "traceback", "traceback"
        if self.exception.match(line):
            return "traceback", "traceback"
        if self.log_start.match(line):
            return "log", "log"
        if self.log_line.match(line):
            return "log", None
        if self.table_line.match(stripped):
            return "table", None
        if self.ddl_start.match(line):
            return "schema", None if stripped.endswith(";") else "schema"
        if self.sql_start.match(line) and not self.prose_like(line):
            return "sql", None if stripped.endswith(";") else "sql"
        return None, None

    def _runs(self, lines: list[str], i: int, hi: int) -> tuple[int, str | None]:
        """Tables as runs of same-shaped lines: TSV, CSV, column-aligned prints."""
        for delim in self.delimiters:
            end = self.same_count_run(lines, i, hi, lambda s: self.delimited(s, delim))  # noqa: B023 - called at once, inside the loop
            if end > i:
                return end, self.header_kind(lines[i][: self.cap], "table")
        end = self.same_count_run(lines, i, hi, lambda s: 1 if self.columnar(s) else 0)
        return (end, "log") if end > i else (i + 1, None)

    def _late(self, line: str, stripped: str, lines: list[str], i: int, hi: int,
              last: str | None) -> tuple[str, str | None]:
        """Schema, profile and code lines, and prose for everything else."""
        following = lines[i + 1][: self.cap] if i + 1 < hi else ""
        if self.schema_line.match(line) or (self.schema_item.match(line) and not self.prose_like(line) and (
                last == "schema" or bool(self.schema_line.match(following)))):
            return "schema", None
        if self.profile_hit(line, last, following):
            return "profile", None
        if self.repl_prompt.match(line):
            return "code", "repl"
        if self.is_code(line) or (self.code_comment.match(line) and self.is_code(following)):
            return "code", "code"
        return "prose", None

    def _json(self, text: str, starts: list[int], lines: list[str], i: int, hi: int,
              region_end: int) -> tuple[int, str] | int | None:
        """(end line, kind) of a JSON value or printed Python literal starting at line i; else the
        offset before which no value can start (so a failed parse is not retried line by line)."""
        begin = starts[i] + len(lines[i]) - len(lines[i].lstrip())
        value, stop = self._decode(text, begin, region_end)
        if value is not None and stop <= region_end and isinstance(value, (dict, list)):
            j = i
            while j + 1 < hi and starts[j + 1] <= stop - 1:
                j += 1
            if text[stop: starts[j] + len(lines[j])].strip() in ("", ","):
                return j + 1, self.json_kind(value)
        return self._literal(lines, i, hi, starts, stop)

    def _decode(self, text: str, begin: int, limit: int) -> tuple[Any, int]:
        """(value, end offset) of the JSON at `begin`, or (None, where it failed).

        It parses growing windows of the text: a decode error costs time in proportion to its
        offset in the string parsed, so parsing the whole text at every `{` would be quadratic.
        """
        size = 256
        while True:
            window = text[begin: min(limit, begin + size)]
            try:
                value, stop = self.decoder.raw_decode(window)
                return value, begin + stop
            except json.JSONDecodeError as error:
                cut = begin + size < limit
                if cut and (error.pos >= len(window) - 2 or error.msg.startswith("Unterminated string")):
                    size *= 4
                    continue
                return None, begin + max(error.pos, 1)
            except RecursionError:
                return None, begin + len(window)

    def _literal(self, lines: list[str], i: int, hi: int, starts: list[int],
                 failed_at: int) -> tuple[int, str] | int:
        """A printed Python list or dict (quotes, numbers after the brackets), balanced within the block."""
        head = lines[i].lstrip().lstrip("[{(")
        if not head or head[0] not in "'\"-0123456789":
            return max(failed_at, starts[i] + 1)
        depth, j = 0, i
        while j < hi and lines[j].strip():
            s = lines[j][: self.cap]
            depth += s.count("[") + s.count("{") + s.count("(") - s.count("]") - s.count("}") - s.count(")")
            j += 1
            if depth <= 0:
                return j, "record"
        return starts[j - 1] + len(lines[j - 1])
