"""The mock provider's settings: how it answers and which failures it injects."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DEFAULT_REPLY = "This is the magic-gateway mock provider answering."
HEADER_PREFIX = "x-mock-"
SCENARIO_HEADER = "x-mock-scenario"


@dataclass(frozen=True)
class MockSettings:
    """How the mock answers. Built from a provider entry's `mock:` mapping with `from_mapping`.

    Every field but `record_limit` can also be set for one request with a header `x-mock-<field>`
    (underscores as dashes), for example `x-mock-fail-status: 503`.
    """

    echo: bool = True                   # reply with the last user turn's text, else with `reply`
    reply: str = DEFAULT_REPLY
    chunk_chars: int = 3                # characters per streamed text or argument piece
    latency_ms: int = 0                 # wait before the first byte of every answer
    event_delay_ms: int = 0             # wait between two stream events
    fail_status: int | None = None      # answer this status, in the provider's error shape...
    fail_times: int | None = None       # ...for the first N requests of a scenario (unset: every request)
    retry_after: float | None = None    # seconds, sent as `retry-after` with injected failures
    cut_after_events: int | None = None  # streams: drop the connection after N events
    embedding_dimensions: int = 64      # when the request does not ask for `dimensions`
    record_limit: int = 1000            # requests kept in the log, oldest dropped first
    store_nothing: bool = False         # Responses: refuse whatever depends on provider-side storage

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> "MockSettings":
        """Settings from a plain mapping; ValueError names unknown keys and invalid values."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown mock setting(s): {', '.join(unknown)} (known: {', '.join(sorted(known))})")
        checked = {name: _check(name, value) for name, value in values.items()}
        return cls(**checked)

    def with_headers(self, headers: Mapping[str, str]) -> "MockSettings":
        """These settings with the request's `x-mock-*` overrides applied; ValueError names a bad header."""
        overrides: dict[str, Any] = {}
        for name in _HEADER_FIELDS:
            raw = headers.get(HEADER_PREFIX + name.replace("_", "-"))
            if raw is not None:
                try:
                    overrides[name] = _check(name, _parse_header(name, raw.strip()))
                except ValueError as error:
                    raise ValueError(f"header {HEADER_PREFIX}{name.replace('_', '-')}: {error}") from None
        return dataclasses.replace(self, **overrides) if overrides else self


_KINDS: dict[str, type] = {
    "echo": bool, "reply": str, "chunk_chars": int, "latency_ms": int, "event_delay_ms": int,
    "fail_status": int, "fail_times": int, "retry_after": float, "cut_after_events": int,
    "embedding_dimensions": int, "record_limit": int, "store_nothing": bool,
}
_OPTIONAL = {"fail_status", "fail_times", "retry_after", "cut_after_events"}
_MINIMUM = {"chunk_chars": 1, "embedding_dimensions": 1, "latency_ms": 0, "event_delay_ms": 0,
            "fail_times": 0, "retry_after": 0, "cut_after_events": 0, "record_limit": 0}
_HEADER_FIELDS = tuple(name for name in _KINDS if name != "record_limit")


def _check(name: str, value: Any) -> Any:
    kind = _KINDS[name]
    if value is None:
        if name in _OPTIONAL:
            return None
        raise ValueError(f"mock setting {name!r} may not be null")
    # bool is an int in Python; a YAML `true` is no latency.
    if kind is bool and not isinstance(value, bool) or kind is not bool and isinstance(value, bool):
        raise ValueError(f"mock setting {name!r} must be {kind.__name__}, got {value!r}")
    if kind is float and isinstance(value, int):
        value = float(value)
    if not isinstance(value, kind):
        raise ValueError(f"mock setting {name!r} must be {kind.__name__}, got {value!r}")
    if name in _MINIMUM and value < _MINIMUM[name]:  # type: ignore[operator]  # checked numeric above
        raise ValueError(f"mock setting {name!r} must be at least {_MINIMUM[name]}, got {value!r}")
    if name == "fail_status" and not 400 <= value <= 599:  # type: ignore[operator]  # an int, checked above
        raise ValueError(f"mock setting 'fail_status' must be an HTTP error status (400-599), got {value!r}")
    return value


def _parse_header(name: str, raw: str) -> Any:
    kind = _KINDS[name]
    if kind is bool:
        lowered = raw.lower()
        if lowered not in ("true", "false", "1", "0"):
            raise ValueError(f"expected true or false, got {raw!r}")
        return lowered in ("true", "1")
    if kind is str:
        return raw
    try:
        return kind(raw)
    except ValueError:
        raise ValueError(f"expected {kind.__name__}, got {raw!r}") from None
