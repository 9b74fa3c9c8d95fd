"""The units the pipeline works on: segments of a request body and the spans inside them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class DataClass(str, Enum):
    """The data classes of the privacy FAQ ("How does Hex classify customer data?")."""

    ACCOUNT = "account"    # usernames, emails, names of the workspace's users
    DATASET = "dataset"    # connected databases' contents, uploaded files: only ever stated
    INPUT = "input"        # code, SQL, text cells, prompts
    OUTPUT = "output"      # results of cell runs: tables, records, tracebacks, printed output
    METADATA = "metadata"  # schema, table and column names, row counts, column descriptions

    @classmethod
    def parse(cls, value: object) -> "DataClass":
        """The data class named by `value`; ValueError naming the allowed ones otherwise."""
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(c.value for c in cls)
            raise ValueError(f"not a data class; expected one of: {allowed}") from None


Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Segment:
    """One string of a request body that a provider will read.

    `path` locates the string in the (cleaned) body: keys and list indices from the root.
    `role` says who wrote it: system, user, assistant, tool (a tool result), tool_call (arguments
    a model produced), tool_definition, identity (user / metadata.user_id fields), prompt
    (completions), embedding_input.
    """

    path: Path
    text: str
    role: str
    stated_class: DataClass | None = None


@dataclass(frozen=True)
class Span:
    """A stretch [start, end) of a segment's text with its data class."""

    start: int
    end: int
    data_class: DataClass
    stated: bool
    kind: str = ""  # what the inference saw: prose, code, sql, table, record, traceback, schema...


@dataclass(frozen=True)
class Detection:
    """A sensitive value found in a text, before the policy gives it an action."""

    entity: str          # PERSON, EMAIL_ADDRESS, AWS_ACCESS_KEY, MEDICAL_RECORD_NUMBER...
    start: int
    end: int
    score: float
    recognizer: str      # which recognizer found it (for explanations, never the value)


@dataclass(frozen=True)
class RuleHit:
    """A restricted-use rule that matched a text (AUP)."""

    rule: str            # rule id in config/use_rules.yaml
    clause: str          # e.g. "AUP II.e"
    category: str        # e.g. "protected_characteristic"
    reason: str          # explanation without the prompt's text
    start: int = 0
    end: int = 0
    stage: str = "rule"  # rule | classifier | guard: which part of the use check found it
    score: float = 1.0   # strength of the signal: a rule's explicit phrase 1.0; a model's calibrated score
    addressed: bool = False   # a classifier's score of one sentence addressed to the model as a task


@dataclass(frozen=True)
class TextAnalysis:
    """Everything the expensive part of the pipeline learns about one text; cacheable per text."""

    spans: tuple[Span, ...]
    detections: tuple[Detection, ...]
    rule_hits: tuple[RuleHit, ...] = field(default=())
