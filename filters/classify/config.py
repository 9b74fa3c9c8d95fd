"""The classifier's patterns and cues (config/classify.yaml), validated and compiled at load time."""

from __future__ import annotations

import re
from pathlib import Path
from re import _parser as sre  # why: the nested-repeat check needs the parse tree; `re` exposes no public one
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from filters.configfile import ConfigFileError, load_model
from filters.segments import DataClass

DEFAULT_CLASSIFY = Path(__file__).resolve().parents[2] / "config" / "classify.yaml"
KINDS = ("prose", "code", "sql", "table", "record", "traceback", "log", "schema", "profile")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


class ClassifyConfigError(ConfigFileError):
    """A classifier config that cannot be used; the message names the file and the field."""


def _nested_repeat(items: Any, inside: bool = False) -> bool:
    """True when an unbounded repeat sits inside another repeat: the shape that backtracks exponentially."""
    for op, av in items:
        if op in _REPEATS:
            low, high, sub = av
            if inside and high == sre.MAXREPEAT:
                return True
            if _nested_repeat(sub, inside or high > 1):
                return True
        elif op == sre.SUBPATTERN and _nested_repeat(av[-1], inside) or op == sre.ATOMIC_GROUP and _nested_repeat(av, inside) or op == sre.BRANCH and any(_nested_repeat(branch, inside) for branch in av[1]) or op in (sre.ASSERT, sre.ASSERT_NOT) and _nested_repeat(av[1], inside):
            return True
    return False


def _scoped(pattern: str) -> str:
    """`(?i)rest` as `(?i:rest)`, so patterns with their own flags can share one alternation."""
    return f"(?i:{pattern[4:]})" if pattern.startswith("(?i)") else f"(?:{pattern})"


def _check_patterns(patterns: list[str]) -> list[str]:
    for index, pattern in enumerate(patterns):
        try:
            tree = sre.parse(pattern)
        except re.error as error:
            raise ValueError(f"[{index}] {pattern!r} is not a valid regex: {error}") from None
        if _nested_repeat(tree):
            raise ValueError(f"[{index}] {pattern!r} nests an unbounded repeat inside a repeat (backtracks)")
    return patterns


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Patterns(_Strict):
    """Regexes matched at the start of a line (re.match on its first `max_line_chars` characters)."""

    traceback_start: list[str]
    traceback_line: list[str]
    traceback_resume: list[str]
    exception: list[str]
    log_start: list[str]
    log_line: list[str]
    table_line: list[str]
    ddl_start: list[str]
    sql_start: list[str]
    sql_continue: list[str]
    code_line: list[str]
    repl_prompt: list[str]
    code_continue: list[str]
    code_comment: list[str]
    schema_line: list[str]
    schema_item: list[str]
    profile_line: list[str]

    @field_validator("*")
    @classmethod
    def _valid(cls, value: list[str]) -> list[str]:
        return _check_patterns(value)


class Fences(_Strict):
    """Which fence info strings (lower-cased) say what; any other language is read by its content."""

    sql: list[str]
    code: list[str]
    record: list[str]
    table: list[str]
    traceback: list[str]
    log: list[str]
    prose: list[str]
    fallback_kind: str = "code"


class RoleHint(_Strict):
    kind: str | None = None                         # every span of the role gets this kind
    classes: dict[str, DataClass] = Field(default_factory=dict)  # kind (or "*") -> class


class Prose(_Strict):
    min_words: int = Field(default=5, ge=1)
    stopwords: list[str]


class Profile(_Strict):
    strong_keys: list[str]        # one of these alone makes a "key: value" line a profile field
    keys: list[str]               # two of these on a line (or one next to another profile line)
    table_identity_columns: list[str]
    table_role_columns: list[str]


class Schema(_Strict):
    table_name_columns: list[str]
    table_detail_columns: list[str]
    json_key_sets: list[list[str]]  # a JSON object holding all keys of one set is a schema, not data


class ClassifyConfig(_Strict):
    version: int
    max_line_chars: int = Field(default=1000, ge=80)
    table_delimiters: list[str] = Field(default_factory=lambda: ["\t", ","])
    kinds: dict[str, DataClass]
    roles: dict[str, RoleHint] = Field(default_factory=dict)
    fences: Fences
    prose: Prose
    profile: Profile
    schema_cues: Schema = Field(alias="schema")
    patterns: Patterns

    @field_validator("kinds")
    @classmethod
    def _kinds(cls, value: dict[str, DataClass]) -> dict[str, DataClass]:
        missing = [k for k in KINDS if k not in value]
        unknown = [k for k in value if k not in KINDS]
        if missing or unknown:
            raise ValueError(f"expected exactly the kinds {', '.join(KINDS)}; missing {missing}, unknown {unknown}")
        if DataClass.DATASET in value.values():
            raise ValueError("dataset is never inferred, only stated")
        return value

    @field_validator("table_delimiters")
    @classmethod
    def _delimiters(cls, value: list[str]) -> list[str]:
        for index, delim in enumerate(value):
            if len(delim) != 1 or delim.isalnum() or delim in " \"":
                raise ValueError(f"[{index}] {delim!r}: a delimiter is one character, not a letter, digit, space or quote")
        return value

    @model_validator(mode="after")
    def _known_kinds(self) -> "ClassifyConfig":
        if self.fences.fallback_kind not in KINDS:
            raise ValueError(f"fences.fallback_kind: unknown kind {self.fences.fallback_kind!r}")
        for role, hint in self.roles.items():
            if hint.kind is not None and hint.kind not in KINDS:
                raise ValueError(f"roles.{role}.kind: unknown kind {hint.kind!r}")
            for kind, data_class in hint.classes.items():
                if kind != "*" and kind not in KINDS:
                    raise ValueError(f"roles.{role}.classes: unknown kind {kind!r}")
                if data_class is DataClass.DATASET:
                    raise ValueError(f"roles.{role}.classes.{kind}: dataset is never inferred, only stated")
        return self


def compile_group(patterns: list[str]) -> re.Pattern[str]:
    """One regex matching where any of `patterns` matches (never matches when the list is empty)."""
    return re.compile("|".join(_scoped(p) for p in patterns) or r"(?!)")


def key_regex(keys: list[str]) -> re.Pattern[str]:
    """`key: value` pairs of the given keys, at a line start or after a separator, case-insensitive."""
    names = "|".join(r"\s".join(re.escape(word) for word in key.split()) for key in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?i)(?:^\s{{0,8}}|[,;|(] ?)(?:[-*] )?(?:{names}) ?: ?\S")


def load_classify_config(path: str | Path = DEFAULT_CLASSIFY) -> ClassifyConfig:
    """The validated config at `path`; ClassifyConfigError naming the file and field otherwise."""
    return load_model(path, ClassifyConfig, error=ClassifyConfigError, what="classifier config")
