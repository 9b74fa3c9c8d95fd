"""One request being answered: the settings in effect for it, its parsed body, its log entry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiohttp import web

from gateway.mock.errors import MockError
from gateway.mock.recorder import RecordedRequest
from gateway.mock.settings import MockSettings


@dataclass
class MockCall:
    """What a handler needs to answer one request."""

    settings: MockSettings              # the app's settings with this request's x-mock-* overrides
    body: dict[str, Any]                # the parsed JSON body ({} for GET)
    record: RecordedRequest

    @property
    def model(self) -> str:
        return str(self.body["model"])

    @property
    def stream(self) -> bool:
        return self.body.get("stream") is True

    def required(self, name: str, kind: type) -> Any:
        """A body field that must be present with the given JSON type; 400 otherwise."""
        value = self.body.get(name)
        if value is None:
            raise MockError(400, f"Missing required parameter: '{name}'.", param=name)
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            raise MockError(400, f"Invalid type for '{name}': expected {kind.__name__}.", param=name)
        return value


MOCK_CALL = web.RequestKey("mock_call", MockCall)
