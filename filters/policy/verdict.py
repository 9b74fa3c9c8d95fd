"""What the decision takes in and gives out: plain dataclasses, no behaviour beyond reading them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from filters.segments import DataClass, Span

OUTCOMES = ("allow", "redact", "review", "block")


@dataclass(frozen=True)
class ProviderTraits:
    name: str
    zero_retention: bool
    trains_on_data: bool
    baa: bool


@dataclass(frozen=True)
class RequestContext:
    """Everything about a request that the decision needs besides its analysed segments."""

    tenant: str
    feature: str
    provider: ProviderTraits
    mode: str = "enforce"                   # enforce | shadow
    reviewer: str | None = None             # X-Human-Reviewer, as sent
    # the tenant's users who may review: each username or email (lower case) -> the username audited
    reviewers: Mapping[str, str] = field(default_factory=dict)
    key_features: frozenset[str] = frozenset({"assistant", "typeahead", "embeddings"})
    features_off: frozenset[str] = frozenset()   # switched off for the tenant
    stores_state: bool = False              # the API keeps state at the provider unless told not to
    stored_reference: str | None = None     # a field that needs provider-side state (previous_response_id)
    provider_conversation: bool = False     # the body names a provider-side `conversation` object
    reasoning: bool = False                 # the request asks for reasoning (a reasoning model, `reasoning`)
    include: tuple[str, ...] = ()           # what the client asked the provider to include
    documents: tuple[tuple[object, ...], ...] = ()   # paths of segments that are a PDF's extracted text


@dataclass(frozen=True)
class Finding:
    entity: str
    start: int
    end: int
    score: float
    action: str
    data_class: DataClass
    category: str


@dataclass(frozen=True)
class Violation:
    clause: str
    category: str
    action: str        # block | review | flag
    reason: str        # never the request's text
    stage: str = "rule"  # rule | classifier | guard | policy: which part of the check decided
    score: float = field(default=1.0, compare=False)  # the signal's strength: the strongest is cited


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    entity: str
    action: str        # pseudonymize | hash | mask | drop


@dataclass
class SegmentVerdict:
    spans: list[Span]
    findings: list[Finding]
    edits: list[Edit]                      # what enforcing the policy does to the segment
    forwarded_edits: list[Edit] = field(default_factory=list)  # what is applied (shadow: the II.k floor only)


@dataclass(frozen=True)
class Refusal:
    """A request the gateway does not forward: the status and error code the client gets, with the clause."""

    status: int
    code: str
    message: str       # never the request's text
    clause: str | None = None
    category: str | None = None
    param: str | None = None
    stage: str | None = None   # the use check's stage that decided (rule | classifier | guard | policy)


@dataclass
class Verdict:
    """The one decision about a request: what the server and `scan` carry out, never re-decide."""

    outcome: str                                   # allow | redact | review | block (as if enforced)
    segments: list[SegmentVerdict]
    violations: list[Violation] = field(default_factory=list)
    mode: str = "enforce"
    refusal: Refusal | None = None                 # set: the request is refused with it
    review_marked: bool = False                    # served, and the response says a person must review it
    reviewer: str | None = None                    # who reviews (audited)
    provider_fields: dict[str, object] = field(default_factory=dict)  # set on the forwarded body
    mask_new_findings: bool = True                 # responses: restricted values the model writes are masked
    refuse_categories: tuple[str, ...] = ()        # responses: content kinds withheld (AUP II.n)
    refuse_cite: str = "AUP II.n"
    restore_link_hosts: tuple[str, ...] = ()       # hosts whose URLs may get a pseudonym restored

    def first(self, action: str) -> Violation | None:
        return next((v for v in self.violations if v.action == action), None)

    @property
    def forwarded(self) -> bool:
        return self.refusal is None


def strongest_first(violations: list[Violation]) -> list[Violation]:
    """The violations in the order the refusal cites them: by the evidence for their clause, then by their
    own score (stable: policy violations, scored 1.0, stay first). A clause's evidence combines every
    signal that cites it (1 - the product of 1 - score), so a rule and the classifier agreeing on a
    clause outweigh one signal alone for another: each is read as independent evidence."""
    doubt: dict[str, float] = {}
    for violation in violations:
        doubt[violation.clause] = doubt.get(violation.clause, 1.0) * (1.0 - min(max(violation.score, 0.0), 1.0))
    return sorted(violations, key=lambda v: (doubt[v.clause], -v.score))

