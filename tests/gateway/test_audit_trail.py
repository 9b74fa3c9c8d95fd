"""The audit trail rotates by size and keeps only the configured number of old files."""

from __future__ import annotations

import json

from gateway.config import AuditConfig
from gateway.observability.audit import AuditTrail
from gateway.observability.exchange import Exchange


def test_rotation_by_size_with_retention(tmp_path):
    trail = AuditTrail(AuditConfig(path=str(tmp_path / "audit.jsonl"), max_bytes=2000, keep_files=2))
    for index in range(40):
        exchange = Exchange(request_id=f"req-{index:03d}", route="openai.chat", tenant="acme", status=200)
        exchange.findings[("EMAIL_ADDRESS", "input", "pseudonymize")] += 1
        assert trail.write(exchange, "policy-v1")
    trail.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["audit.jsonl", "audit.jsonl.1", "audit.jsonl.2"]
    newest = [json.loads(line) for line in (tmp_path / "audit.jsonl").read_text().splitlines()]
    assert newest[-1]["request_id"] == "req-039" and newest[-1]["findings"] == {"EMAIL_ADDRESS": 1}
    kept = sum(len(p.read_text().splitlines()) for p in tmp_path.iterdir())
    assert kept < 40   # the oldest files were dropped
    for path in tmp_path.iterdir():
        assert path.stat().st_size < 2000 + 1000


def test_a_directory_gets_one_file_per_process(tmp_path):
    trail = AuditTrail(AuditConfig(path=str(tmp_path) + "/"))
    trail.write(Exchange(request_id="r1", route="anthropic.messages"), "v")
    trail.close()
    files = list(tmp_path.glob("audit-*.jsonl"))
    assert len(files) == 1 and json.loads(files[0].read_text())["request_id"] == "r1"
