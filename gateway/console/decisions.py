"""The latest audit records, newest first, filtered and paged straight from the audit files.

Nothing is loaded whole: each file is read backwards in blocks, the files of one trail (a file and
its rotations `.1`, `.2`..., or a directory's one file per process) are merged by time, and a page
keeps at most `limit` records. A request reads at most `scan_bytes` of the trail; past that the page
says so (narrow the time range). The records are the audit trail's own, which never hold raw values.
"""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BLOCK_BYTES = 64 * 1024
MAX_LIMIT = 100
SCAN_BYTES = 256 * 1024 * 1024
OUTCOMES = ("allow", "redact", "review", "block", "error")
_ROTATED = re.compile(r"^(?P<base>.+\.jsonl)(?:\.(?P<n>\d+))?$")


@dataclass(frozen=True)
class DecisionFilter:
    tenant: str | None = None
    outcome: str | None = None        # allow | redact | review | block | error (no outcome recorded)
    clause: str | None = None
    since: str | None = None          # ISO time, UTC, compared as text like `magic-gateway audit`
    until: str | None = None

    def matches(self, record: dict[str, Any]) -> bool:
        if self.tenant and record.get("tenant") != self.tenant:
            return False
        if self.outcome and (record.get("outcome") or "error") != self.outcome:
            return False
        if self.clause and not any(v.get("clause") == self.clause for v in record.get("violations") or []):
            return False
        stamp = record.get("time") or ""
        if self.since and stamp < self.since:
            return False
        return not (self.until and stamp >= self.until)


@dataclass
class DecisionPage:
    records: list[dict[str, Any]]
    page: int
    limit: int
    has_more: bool
    scan_limit_reached: bool = False
    files: list[str] = field(default_factory=list)


class _Budget:
    def __init__(self, limit: int) -> None:
        self.left = limit

    def spend(self, size: int) -> bool:
        self.left -= size
        return self.left >= 0


def _lines_backwards(path: Path, budget: _Budget) -> Iterator[bytes]:
    """The file's complete lines, last first; a half-written last line is left out."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 - a generator: closed by the `with` below, not leaked on OSError
    except OSError:
        return
    with stream:
        position = stream.seek(0, 2)
        tail = b""
        first_block = True
        while position > 0:
            size = min(BLOCK_BYTES, position)
            if not budget.spend(size):
                return
            position -= size
            stream.seek(position)
            block = stream.read(size) + tail
            lines = block.split(b"\n")
            tail = lines.pop(0)
            if first_block and lines:
                # After the final newline comes nothing, or a record still being written: not a record.
                first_block = False
                lines.pop()
            yield from reversed(lines)
        if tail:
            yield tail


def _records(paths: list[Path], budget: _Budget) -> Iterator[dict[str, Any]]:
    for path in paths:
        for line in _lines_backwards(path, budget):
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                yield record


class AuditReader:
    """Reads the trail named by `audit.path` (a file, a directory, or nothing when it goes to stdout)."""

    def __init__(self, target: Path | None, scan_bytes: int = SCAN_BYTES) -> None:
        self.target = target
        self.scan_bytes = scan_bytes

    def trails(self) -> list[list[Path]]:
        """Each trail's files, newest first: [audit.jsonl, audit.jsonl.1, ...] per base file."""
        if self.target is None:
            return []
        if self.target.is_dir():
            candidates = [p for p in self.target.iterdir() if p.name.startswith("audit") and ".jsonl" in p.name]
        else:
            parent = self.target.parent
            prefix = self.target.name
            candidates = [p for p in parent.iterdir() if p.name == prefix or p.name.startswith(prefix + ".")] \
                if parent.is_dir() else []
        groups: dict[str, list[tuple[int, Path]]] = {}
        for path in candidates:
            match = _ROTATED.match(path.name)
            if match:
                groups.setdefault(match["base"], []).append((int(match["n"] or 0), path))
        return [[p for _, p in sorted(files)] for _, files in sorted(groups.items())]

    def _merged(self, budget: _Budget) -> Iterator[dict[str, Any]]:
        streams = [_records(files, budget) for files in self.trails()]
        # Each file holds records in the order requests finished: close enough to time order to merge.
        return heapq.merge(*streams, key=lambda r: str(r.get("time") or ""), reverse=True)

    def page(self, where: DecisionFilter, page: int = 0, limit: int = 25) -> DecisionPage:
        limit = max(1, min(limit, MAX_LIMIT))
        page = max(page, 0)
        budget = _Budget(self.scan_bytes)
        skip = page * limit
        kept: list[dict[str, Any]] = []
        has_more = False
        for record in self._merged(budget):
            if not where.matches(record):
                continue
            if skip:
                skip -= 1
                continue
            if len(kept) == limit:
                has_more = True
                break
            kept.append(record)
        return DecisionPage(records=kept, page=page, limit=limit, has_more=has_more,
                            scan_limit_reached=budget.left < 0,
                            files=[p.name for files in self.trails() for p in files])

    def find(self, request_id: str) -> dict[str, Any] | None:
        """The newest record of this request id."""
        budget = _Budget(self.scan_bytes)
        return next((r for r in self._merged(budget) if r.get("request_id") == request_id), None)

    def choices(self, sample: int = 2000) -> dict[str, list[str]]:
        """Tenants and clauses seen in the latest records, for the filter's lists."""
        tenants: set[str] = set()
        clauses: set[str] = set()
        budget = _Budget(min(self.scan_bytes, 16 * 1024 * 1024))
        for index, record in enumerate(self._merged(budget)):
            if index >= sample:
                break
            if record.get("tenant"):
                tenants.add(str(record["tenant"]))
            clauses.update(str(v.get("clause")) for v in record.get("violations") or [] if v.get("clause"))
        return {"tenants": sorted(tenants), "clauses": sorted(clauses)}
