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
    """Incremental parser: feed bytes as they arrive, get back the events they complete.

    Linear in the bytes fed: each chunk is searched once for line ends, and a line longer than a
    chunk (a provider's event of megabytes) waits in pieces, joined once when it ends, so a big event
    costs its size, not its size times its number of chunks, on the event loop."""

    def __init__(self) -> None:
        self._pending: list[bytes] = []   # the start of a line not yet ended
        self._after_cr = False            # the last chunk ended with \r: a \n starting the next is its end
        self._data: list[str] = []
        self._event: str | None = None
        self._id: str | None = None

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        events: list[SSEEvent] = []
        pos = 0
        if self._after_cr and chunk:
            self._after_cr = False
            pos = 1 if chunk[:1] == b"\n" else 0
        size = len(chunk)
        while pos < size:
            newline = chunk.find(b"\n", pos)
            carriage = chunk.find(b"\r", pos, newline if newline >= 0 else size)
            if carriage >= 0:
                end, after = carriage, carriage + 1
                if after == size:
                    self._after_cr = True
                elif chunk[after] == 0x0A:
                    after += 1
            elif newline >= 0:
                end, after = newline, newline + 1
            else:
                break
            raw = chunk[pos:end]
            if self._pending:
                raw, self._pending = b"".join(self._pending) + raw, []
            event = self._line(raw.decode("utf-8", errors="replace"))
            if event is not None:
                events.append(event)
            pos = after
        if pos < size:
            self._pending.append(chunk[pos:])
        return events

    def close(self) -> list[SSEEvent]:
        """Events still pending when the stream ends without a final blank line."""
        events = []
        if self._pending:
            event = self._line(b"".join(self._pending).decode("utf-8", errors="replace"))
            self._pending = []
            if event is not None:
                events.append(event)
        event = self._line("")
        if event is not None:
            events.append(event)
        return events

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
