"""Data-class inference per span: which stretches of a text are input, output, metadata or account data."""

from __future__ import annotations

import json
import re
from pathlib import Path

from filters.classify.config import DEFAULT_CLASSIFY, ClassifyConfig, load_classify_config
from filters.classify.lines import LineReader
from filters.segments import DataClass, Span

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*([^\s`{}]*)")


class SpanClassifier:
    """Splits a text into spans of one data class each, by lines and blocks.

    Fenced blocks are read by their info string, other lines by the patterns of the config file.
    The spans cover the whole text, in order; adjacent spans of the same class and kind are merged.
    """

    def __init__(self, config: ClassifyConfig) -> None:
        self.config = config
        self.reader = LineReader(config)
        fences = config.fences
        self.fence_groups = {lang: group for group in ("sql", "code", "record", "table", "traceback", "log", "prose")
                             for lang in getattr(fences, group)}

    @classmethod
    def from_file(cls, path: str | Path) -> "SpanClassifier":
        """The classifier configured by the YAML file at `path`; ClassifyConfigError if it is invalid."""
        return cls(load_classify_config(path))

    @classmethod
    def default(cls) -> "SpanClassifier":
        """The classifier configured by the shipped config/classify.yaml."""
        return cls.from_file(DEFAULT_CLASSIFY)

    def classify(self, text: str, stated: DataClass | None = None, role: str = "user") -> list[Span]:
        """Contiguous spans covering `text`; with `stated`, every span has that class (kinds still inferred)."""
        if not text:
            return []
        hint = self.config.roles.get(role)
        starts, lines = _split(text)
        if hint is not None and hint.kind is not None:
            kinds: list[str] = [hint.kind] * len(lines)
        else:
            kinds = _filled(self._kinds(text, starts, lines))
        is_stated = stated is not None
        classes: dict[str, DataClass] = {}
        spans: list[Span] = []
        i = 0
        while i < len(kinds):
            kind, j = kinds[i], i + 1
            while j < len(kinds) and kinds[j] == kind:
                j += 1
            data_class = classes.get(kind) or classes.setdefault(kind, stated or self._class(kind, role))
            end = starts[j] if j < len(starts) else len(text)
            spans.append(Span(starts[i], end, data_class, is_stated, kind))
            i = j
        return spans

    def _class(self, kind: str, role: str) -> DataClass:
        """The class of a kind, as the role's hint (if any) or the config's kinds map it."""
        hint = self.config.roles.get(role)
        if hint is not None:
            chosen = hint.classes.get(kind) or hint.classes.get("*")
            if chosen is not None:
                return chosen
        return self.config.kinds[kind]

    def _kinds(self, text: str, starts: list[int], lines: list[str]) -> list[str | None]:
        """Each line's kind (None for blank lines): fences by their language, the rest by the reader."""
        kinds: list[str | None] = [None] * len(lines)
        i, plain = 0, 0
        while i < len(lines):
            opening = _FENCE.match(lines[i]) if "`" in lines[i][:8] or "~" in lines[i][:8] else None
            if opening is None:
                i += 1
                continue
            if plain < i:
                kinds[plain:i] = self.reader.read(text, starts, lines, plain, i)
            marker = opening.group(1)
            close = i + 1
            while close < len(lines) and not _closes(lines[close], marker):
                close += 1
            inner = self._fence(opening.group(2).lower(), text, starts, lines, i + 1, close)
            present = [k for k in inner if k is not None] or [self.config.fences.fallback_kind]
            kinds[i + 1:close] = inner
            kinds[i] = present[0]
            if close < len(lines):
                kinds[close] = present[-1]
            i = plain = close + 1
        if plain < len(lines):
            kinds[plain:] = self.reader.read(text, starts, lines, plain, len(lines))
        return kinds

    def _fence(self, lang: str, text: str, starts: list[int], lines: list[str], lo: int, hi: int) -> list[str | None]:
        """Kinds of a fence's lines, from its language, or from its content for bare and unknown ones."""
        group = self.fence_groups.get(lang)
        blank = [not line.strip() for line in lines[lo:hi]]
        cap = self.config.max_line_chars
        filled = [line[:cap] for line, empty in zip(lines[lo:hi], blank) if not empty][:2]
        first = filled[0] if filled else ""
        if group in ("code", "traceback", "table", "record"):
            kind = group
            if group == "code" and any(self.reader.tb_start.match(x) or self.reader.exception.match(x) for x in filled):
                kind = "traceback"
            elif group == "table":
                kind = self.reader.header_kind(first, "table")
            elif group == "record":
                end = starts[hi] if hi < len(starts) else len(text)
                kind = self._json_kind(text[starts[lo]:end] if lo < hi else "")
            return [None if empty else kind for empty in blank]
        if group == "sql":
            return self._sql(lines, lo, hi)
        kinds = self.reader.read(text, starts, lines, lo, hi) if lo < hi else []
        if group == "prose":
            return kinds
        fill = "log" if group == "log" else _dominant(kinds, lines, lo) or self.config.fences.fallback_kind
        return [fill if kind == "prose" else kind for kind in kinds]

    def _json_kind(self, body: str) -> str:
        """The kind of a JSON fence's body; record when it does not parse."""
        try:
            return self.reader.json_kind(json.loads(body))
        except (ValueError, RecursionError):
            return "record"

    def _sql(self, lines: list[str], lo: int, hi: int) -> list[str | None]:
        """SQL statements are sql, DDL statements schema (up to the `;` that ends them)."""
        kinds: list[str | None] = []
        in_ddl = False
        for line in lines[lo:hi]:
            capped = line[: self.config.max_line_chars]
            if not capped.strip():
                kinds.append(None)
                continue
            if not in_ddl and self.reader.ddl_start.match(capped):
                in_ddl = True
            kinds.append("schema" if in_ddl else "sql")
            if in_ddl and capped.rstrip().endswith(";"):
                in_ddl = False
        return kinds


def _split(text: str) -> tuple[list[int], list[str]]:
    """Line start offsets and lines (without their line endings)."""
    lines = text.split("\n")
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    if lines[-1] == "" and len(lines) > 1:  # the text ends with a newline: no empty last line
        lines.pop()
        starts.pop()
    return starts, [line[:-1] if line.endswith("\r") else line for line in lines]


def _closes(line: str, marker: str) -> bool:
    s = line.strip()
    return s.startswith(marker) and not s.strip(marker[0])


def _filled(kinds: list[str | None]) -> list[str]:
    """Blank lines join the block above them (the first block when they lead the text)."""
    first = next((k for k in kinds if k is not None), "prose")
    out, last = [], first
    for kind in kinds:
        last = kind or last
        out.append(last)
    return out


def _dominant(kinds: list[str | None], lines: list[str], lo: int) -> str | None:
    """The non-prose kind covering the most characters, if any."""
    size: dict[str, int] = {}
    for offset, kind in enumerate(kinds):
        if kind is not None and kind != "prose":
            size[kind] = size.get(kind, 0) + len(lines[lo + offset]) + 1
    return max(size, key=size.__getitem__) if size else None
