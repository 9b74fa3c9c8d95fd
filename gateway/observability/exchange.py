"""What one request did: filled in as it goes, then counted in metrics, logged and audited."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


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
    segments: int = 0
    cached_segments: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    analysis_s: float = 0.0
    upstream_s: float = 0.0          # time spent waiting on the provider
    first_token_s: float | None = None
    response_masked: int = 0
    recording: Any = None            # a cassettes.Recording when this request is recorded

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def overhead(self) -> float:
        return max(self.elapsed() - self.upstream_s, 0.0)
