"""The audit trail: one JSON line per request, without raw values (findings as type, class and keyed hash).

The trail goes to a file (rotated by size, `keep_files` kept), to a directory (one file per process, so
that several workers never interleave), or to standard output ("-") for a cluster's log collector.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any, TextIO

from gateway.config import AuditConfig
from gateway.observability.exchange import Exchange

log = logging.getLogger("magic_gateway.audit")


class AuditUnavailable(Exception):
    pass


class AuditTrail:
    def __init__(self, config: AuditConfig, base_dir: Path | None = None) -> None:
        self._config = config
        self._lock = threading.Lock()
        self._stream: TextIO | None = None
        target = config.path
        if target is None:
            raise ValueError("no audit path")
        if target == "-":
            self.path: Path | None = None
        else:
            path = Path(target)
            if not path.is_absolute() and base_dir is not None:
                path = base_dir / path
            if path.is_dir() or target.endswith("/"):
                path.mkdir(parents=True, exist_ok=True)
                path = path / f"audit-{socket.gethostname()}-{os.getpid()}.jsonl"
            self.path = path

    def check(self) -> None:
        """Raise AuditUnavailable when a record could not be written now."""
        if self.path is None:
            return
        try:
            self._open()
        except OSError as error:
            raise AuditUnavailable(error.strerror or "cannot open the audit trail") from None

    def _open(self) -> TextIO:
        if self.path is None:
            return sys.stdout
        if self._stream is None or self._stream.closed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._stream = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - kept open across writes, closed by close()
        return self._stream

    def _rotate(self) -> None:
        assert self.path is not None
        if self._stream is not None:
            self._stream.close()
            self._stream = None
        keep = self._config.keep_files
        for index in range(keep - 1, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{index}")
            if older.exists():
                older.replace(self.path.with_name(f"{self.path.name}.{index + 1}"))
        self.path.replace(self.path.with_name(f"{self.path.name}.1"))
        surplus = self.path.with_name(f"{self.path.name}.{keep + 1}")
        if surplus.exists():
            surplus.unlink()

    def write(self, exchange: Exchange, policy_version: str) -> bool:
        # ASCII escapes: a string that is not valid UTF-8 (a lone surrogate) cannot fail the write
        line = json.dumps(record(exchange, policy_version), separators=(",", ":"), ensure_ascii=True) + "\n"
        with self._lock:
            try:
                stream = self._open()
                if self.path is not None and stream.tell() > 0 and stream.tell() + len(line) > self._config.max_bytes:
                    self._rotate()   # before the write: the current file always holds the newest record
                    stream = self._open()
                stream.write(line)
                stream.flush()
                return True
            except OSError as error:
                log.error("audit write failed", extra={"fields": {"request_id": exchange.request_id,
                                                                  "reason": error.strerror}})
                return False

    def close(self) -> None:
        with self._lock:
            if self._stream is not None and self.path is not None:
                self._stream.close()
                self._stream = None


def record(exchange: Exchange, policy_version: str) -> dict[str, Any]:
    by_type: dict[str, int] = {}
    actions: dict[str, int] = {}
    for (entity, _data_class, action), count in exchange.findings.items():
        by_type[entity] = by_type.get(entity, 0) + count
        actions[action] = actions.get(action, 0) + count
    return {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(exchange.wall_started))
                + f".{int(exchange.wall_started * 1000) % 1000:03d}Z",
        "request_id": exchange.request_id,
        "tenant": exchange.tenant,
        "user": exchange.user,
        "agent": exchange.agent,
        "key_id": exchange.key_id,
        "route": exchange.route,
        "provider": exchange.provider,
        "deployment": exchange.deployment,
        "translated": exchange.translated,
        "fallbacks": exchange.fallbacks,
        "model": exchange.model,
        "feature": exchange.feature,
        "policy_version": policy_version,
        "mode": exchange.mode,
        "data_classes": sorted(exchange.data_classes),
        "findings": by_type,
        "finding_hashes": exchange.finding_digests,
        "actions": actions,
        "violations": exchange.violations + exchange.client_violations,
        "guard": exchange.guard,
        "reviewer": exchange.reviewer,
        "outcome": exchange.outcome,
        "status": exchange.status,
        "error": exchange.error_code,
        "stream": exchange.stream,
        "usage": {"input_tokens": exchange.input_tokens, "output_tokens": exchange.output_tokens,
                  "estimated": exchange.usage_estimated},
        "spend": {"usd": exchange.spend_micro_usd / 1_000_000, "price": exchange.price},
        "limit": exchange.limit,
        "durations_ms": {
            "total": round(exchange.elapsed() * 1000, 2),
            "overhead": round(exchange.overhead() * 1000, 2),
            "analysis": round(exchange.analysis_s * 1000, 2),
            "guard": round(exchange.guard_s * 1000, 2),
            "upstream": round(exchange.upstream_s * 1000, 2),
        },
    }
