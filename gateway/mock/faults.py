"""Injected failures: the first N requests of a scenario answer an error status."""

from __future__ import annotations

from aiohttp import web

from gateway.mock.errors import Family, error_response
from gateway.mock.settings import MockSettings

_MAX_SCENARIOS = 10_000


class FailureCounter:
    """How many requests each scenario (the `x-mock-scenario` header's value) has had failures injected into."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def count(self, scenario: str) -> int:
        """Count one more request for the scenario; returns its number, from 1."""
        seen = self._seen.pop(scenario, 0) + 1
        self._seen[scenario] = seen   # re-inserted: the least recently used scenario is dropped first
        if len(self._seen) > _MAX_SCENARIOS:
            del self._seen[next(iter(self._seen))]
        return seen

    def reset(self) -> None:
        self._seen.clear()


def injected_failure(settings: MockSettings, counter: FailureCounter, scenario: str,
                     family: Family, presented_key: str = "") -> web.Response | None:
    """The error to answer instead of a reply, or None when this request is to be served."""
    if settings.fail_status is None:
        return None
    number = counter.count(scenario)
    if settings.fail_times is not None and number > settings.fail_times:
        return None
    headers = None
    if settings.retry_after is not None:
        seconds = settings.retry_after
        headers = {"retry-after": str(int(seconds)) if seconds == int(seconds) else str(seconds)}
    of = f" of {settings.fail_times}" if settings.fail_times is not None else ""
    message = f"Injected failure {number}{of} (HTTP {settings.fail_status}) by the mock provider."
    if settings.fail_status == 401:   # as a real provider does, the key it was given is quoted
        message = f"Incorrect API key provided: {presented_key}. {message}"
    return error_response(family, settings.fail_status, message, headers=headers)
