"""What the mock received: every request, exactly as it arrived, in a bounded log."""

from __future__ import annotations

import base64
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Literal

StreamOutcome = Literal["completed", "cut", "cancelled"]


@dataclass
class RecordedRequest:
    """One request as the mock received it, and how the mock answered it."""

    seq: int
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    json: Any = None                    # the parsed body; None when it was not JSON
    received_at: float = field(default_factory=time.time)
    status: int | None = None           # the status the mock answered
    stream: bool = False
    stream_outcome: StreamOutcome | None = None

    def header(self, name: str) -> str | None:
        """A request header by case-insensitive name."""
        lowered = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == lowered), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "method": self.method, "path": self.path, "query": self.query,
            "headers": self.headers, "body": self.body.decode("utf-8", errors="replace"),
            "body_base64": base64.b64encode(self.body).decode("ascii"), "json": self.json,
            "received_at": self.received_at, "status": self.status, "stream": self.stream,
            "stream_outcome": self.stream_outcome,
        }


class MockRecorder:
    """The mock's request log, newest last, keeping at most `limit` requests."""

    def __init__(self, limit: int = 1000) -> None:
        self._log: deque[RecordedRequest] = deque(maxlen=limit)
        self._seq = 0

    def add(self, method: str, path: str, query: str, headers: dict[str, str], body: bytes) -> RecordedRequest:
        self._seq += 1
        record = RecordedRequest(self._seq, method, path, query, headers, body)
        self._log.append(record)
        return record

    @property
    def requests(self) -> list[RecordedRequest]:
        return list(self._log)

    def last(self) -> RecordedRequest | None:
        return self._log[-1] if self._log else None

    def clear(self) -> None:
        self._log.clear()

    def __len__(self) -> int:
        return len(self._log)
