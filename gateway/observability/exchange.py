"""What one request did: filled in as it goes, then counted in metrics, logged and audited."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from filters.policy.verdict import Verdict
    from filters.segments import Segment


@dataclass
class Exchange:
    request_id: str
    route: str                       # api name: openai.chat, anthropic.messages, ...
    started: float = field(default_factory=time.monotonic)
    wall_started: float = field(default_factory=time.time)
    tenant: str | None = None
    user: str | None = None
    agent: str | None = None
    key_id: str | None = None
    provider: str = "none"
    deployment: str | None = None    # provider:upstream model that answered
    translated: str | None = None    # caller api -> deployment api, when the route translated
    fallbacks: list[str] = field(default_factory=list)   # deployments that failed before it
    model: str | None = None
    model_family: str = "none"
    feature: str | None = None
    mode: str = "enforce"
    policy_version: str = ""
    stream: bool = False
    outcome: str | None = None       # allow | redact | review | block
    status: int = 0
    error_code: str | None = None
    reviewer: str | None = None
    data_classes: set[str] = field(default_factory=set)
    findings: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (entity, class, action) -> n
    finding_digests: list[dict[str, str]] = field(default_factory=list)      # entity, class, keyed hash
    violations: list[dict[str, str]] = field(default_factory=list)
    client_violations: list[dict[str, str]] = field(default_factory=list)  # AUP I.A.e, I.B.a: who asks, from where
    segments: int = 0
    cached_segments: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    analysis_s: float = 0.0
    guard_s: float = 0.0             # time spent asking the guard model (0: not asked)
    guard: str | None = None         # asked | failed, when the guard model was asked
    upstream_s: float = 0.0          # time spent waiting on the provider
    first_token_s: float | None = None
    spend_micro_usd: int = 0         # the answer's usage priced (gateway.limits), in µUSD
    price: str | None = None         # the price file's entry that priced it ("unpriced": none did)
    usage_estimated: bool = False    # no usage figures came back: the up-front estimate was counted
    limit: str | None = None         # scope:limit that refused the request (429)
    recording: Any = None            # a cassettes.Recording when this request is recorded

    def note_verdict(self, verdict: "Verdict", segments: "Sequence[Segment]", cached: int,
                     digest: Callable[[str, str], str]) -> None:
        """The decision as metrics and the audit record count it: types, classes, keyed hashes, never values."""
        self.outcome = verdict.outcome
        self.segments, self.cached_segments = len(segments), cached
        self.findings.clear()   # noted again when the guard model's answer changes the decision
        self.finding_digests = []
        for segment, segment_verdict in zip(segments, verdict.segments):
            self.data_classes.update(span.data_class.value for span in segment_verdict.spans)
            for finding in segment_verdict.findings:
                self.findings[(finding.entity, finding.data_class.value, finding.action)] += 1
                self.finding_digests.append({
                    "entity": finding.entity, "data_class": finding.data_class.value, "action": finding.action,
                    "hash": digest(finding.entity, segment.text[finding.start:finding.end])})
        self.violations = [{"clause": v.clause, "category": v.category, "action": v.action, "stage": v.stage}
                           for v in verdict.violations]

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def overhead(self) -> float:
        return max(self.elapsed() - self.upstream_s, 0.0)
