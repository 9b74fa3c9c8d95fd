"""The Decisions section reads audit files written by the real AuditTrail: newest first across
rotations and per-process files, filtered, paged, a half-written line skipped, the scan bounded; and
the clauses of the project's own policy documents."""

from __future__ import annotations

import json
import time
from pathlib import Path

from gateway.config import AuditConfig
from gateway.console.clauses import PolicyDocuments
from gateway.console.decisions import AuditReader, DecisionFilter
from gateway.observability.audit import AuditTrail
from gateway.observability.exchange import Exchange

ROOT = Path(__file__).resolve().parents[3]


def write(trail: AuditTrail, index: int, outcome: str, tenant: str = "acme", started: float | None = None) -> None:
    exchange = Exchange(request_id=f"req-{index:03d}", route="openai.chat", tenant=tenant, status=200)
    exchange.wall_started = started if started is not None else 1_700_000_000 + index
    exchange.outcome = outcome
    if outcome == "block":
        exchange.violations = [{"clause": "AUP II.h", "category": "hazardous", "action": "block", "stage": "rule"}]
    exchange.findings[("EMAIL_ADDRESS", "input", "pseudonymize")] += 1
    assert trail.write(exchange, "policy-v1")


def test_newest_first_across_rotations_filtered_and_paged(tmp_path):
    path = tmp_path / "audit.jsonl"
    trail = AuditTrail(AuditConfig(path=str(path), max_bytes=3000, keep_files=20))
    for index in range(60):
        write(trail, index, "block" if index % 5 == 0 else "redact", tenant="globex" if index % 2 else "acme")
    trail.close()
    assert len(list(tmp_path.iterdir())) > 3   # the trail was rotated
    reader = AuditReader(path)
    first = reader.page(DecisionFilter(), 0, 10)
    assert [r["request_id"] for r in first.records] == [f"req-{i:03d}" for i in range(59, 49, -1)]
    assert first.has_more
    last = reader.page(DecisionFilter(), 5, 10)
    assert [r["request_id"] for r in last.records][-1] == "req-000" and not last.has_more
    blocked = reader.page(DecisionFilter(outcome="block"), 0, 100).records
    assert [r["request_id"] for r in blocked] == [f"req-{i:03d}" for i in range(55, -1, -5)]
    assert all(r["tenant"] == "globex" for r in reader.page(DecisionFilter(tenant="globex"), 0, 100).records)
    clause = reader.page(DecisionFilter(clause="AUP II.h"), 0, 100).records
    assert len(clause) == 12
    since = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(1_700_000_050))
    assert [r["request_id"] for r in reader.page(DecisionFilter(since=since), 0, 100).records][-1] == "req-050"
    assert reader.find("req-007")["outcome"] == "redact"
    assert reader.find("req-999") is None


def test_a_directory_of_process_files_is_merged_by_time_and_a_half_line_skipped(tmp_path):
    one = AuditTrail(AuditConfig(path=str(tmp_path / "audit-host-1.jsonl")))
    two = AuditTrail(AuditConfig(path=str(tmp_path / "audit-host-2.jsonl")))
    for index in range(10):
        write(one if index % 2 else two, index, "allow")
    one.close()
    two.close()
    with open(tmp_path / "audit-host-1.jsonl", "a", encoding="utf-8") as stream:
        stream.write('{"time": "2099-01-01T00:00:00.000Z", "request_id": "half-writ')   # a write in progress
    records = AuditReader(tmp_path).page(DecisionFilter(), 0, 100).records
    assert [r["request_id"] for r in records] == [f"req-{i:03d}" for i in range(9, -1, -1)]


def test_the_scan_is_bounded(tmp_path):
    path = tmp_path / "audit.jsonl"
    trail = AuditTrail(AuditConfig(path=str(path), max_bytes=10**9))
    for index in range(400):
        write(trail, index, "allow")
    trail.close()
    size = path.stat().st_size
    page = AuditReader(path, scan_bytes=size // 4).page(DecisionFilter(outcome="block"), 0, 10)
    assert page.records == [] and page.scan_limit_reached
    whole = AuditReader(path).page(DecisionFilter(outcome="block"), 0, 10)
    assert whole.records == [] and not whole.scan_limit_reached
    assert json.loads(path.read_text().splitlines()[0])["request_id"] == "req-000"


def test_clauses_of_the_policy_documents():
    documents = PolicyDocuments.load(ROOT / "docs/policy/acceptable-use-policy.txt",
                                     ROOT / "docs/policy/data-privacy-faq.txt")
    assert "Restricted Data" in documents.find("AUP II.k").text
    assert documents.find("AUP I.A.c").text.startswith("Violating any person's privacy rights")
    faq = documents.find("FAQ: What data is sent to the LLM providers?")
    assert faq is not None and "Customer Input Data (project code)" in faq.text
    assert documents.find("AUP II.z") is None
    uncited = {c.id for c in documents.uncited({"AUP I.A", "AUP II.k", "FAQ: Who are Hex's LLM providers?"})}
    assert "AUP I.A.c" not in uncited and "AUP II.k" not in uncited and "AUP II.j" in uncited
    assert "FAQ: Who are Hex's LLM providers?" not in uncited and "AUP I" not in uncited
