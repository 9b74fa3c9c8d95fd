"""Server-sent events: parsing a byte stream into events and writing them back."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SSEEvent:
    """One server-sent event. `data` is the raw data field (lines joined with newlines)."""

    data: str
    event: str | None = None
    id: str | None = None

    def encode(self) -> bytes:
        lines = []
        if self.event is not None:
            lines.append(f"event: {self.event}")
        if self.id is not None:
            lines.append(f"id: {self.id}")
        for line in self.data.split("\n"):
            lines.append(f"data: {line}")
        return ("\n".join(lines) + "\n\n").encode("utf-8")


class SSEParser:
    """Incremental parser: feed bytes as they arrive, get back the events they complete."""

    def __init__(self) -> None:
        self._buffer = b""
        self._data: list[str] = []
        self._event: str | None = None
        self._id: str | None = None

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        self._buffer += chunk
        events: list[SSEEvent] = []
        while True:
            cut = self._next_line_end()
            if cut is None:
                return events
            line_end, sep_len = cut
            raw = self._buffer[:line_end]
            self._buffer = self._buffer[line_end + sep_len:]
            event = self._line(raw.decode("utf-8", errors="replace"))
            if event is not None:
                events.append(event)

    def close(self) -> list[SSEEvent]:
        """Events still pending when the stream ends without a final blank line."""
        events = []
        if self._buffer:
            event = self._line(self._buffer.decode("utf-8", errors="replace"))
            self._buffer = b""
            if event is not None:
                events.append(event)
        event = self._line("")
        if event is not None:
            events.append(event)
        return events

    def _next_line_end(self) -> tuple[int, int] | None:
        newline = self._buffer.find(b"\n")
        carriage = self._buffer.find(b"\r", 0, newline if newline >= 0 else len(self._buffer))
        if carriage < 0:
            return (newline, 1) if newline >= 0 else None
        if carriage + 1 == len(self._buffer):
            return None  # wait: \r may be followed by \n
        return carriage, 2 if self._buffer[carriage + 1] == 0x0A else 1

    def _line(self, line: str) -> SSEEvent | None:
        if line == "":
            if not self._data and self._event is None:
                return None
            event = SSEEvent(data="\n".join(self._data), event=self._event, id=self._id)
            self._data, self._event, self._id = [], None, None
            return event
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            self._id = value
        return None
