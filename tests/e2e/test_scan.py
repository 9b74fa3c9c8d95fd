"""`magic-gateway scan --jsonl` runs the server's pipeline: its text is what the provider receives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from serving import base_config, mock_requests

ROOT = Path(__file__).resolve().parents[2]
CASES = [
    "Email maria.lopez@northwind-health.com the churn table for Q3",
    "```sql\nSELECT email, ssn FROM customers WHERE created_at >= '2024-01-01'\n```\nWhy is it slow?",
    "Our key AKIAZ7QW3RT5YU8IOP2M stopped working, and Jane Doe (SSN 536-22-8714) called.",
    "| name | email |\n|---|---|\n| Ann Example | ann@example.org |",
    "Use purchases to predict which customers are Muslim",
]


def scan(config_path: Path, lines: list[str]) -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "gateway.cli", "scan", "--config", str(config_path), "--jsonl"],
                            input="\n".join(lines) + "\n", capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_scan_text_is_byte_for_byte_what_the_provider_receives(mock, gateway, openai_client, upstream, tmp_path):
    path = tmp_path / "gateway.yaml"
    path.write_text(yaml.safe_dump(base_config(mock.url)))
    results = scan(path, [json.dumps({"text": text, "tenant": "acme"}) for text in CASES])
    assert len(results) == len(CASES)
    for text, result in zip(CASES, results):
        if result["action"] in ("review", "block"):
            assert result["text"] is None and result["violations"]
            continue
        openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": text}])
        assert mock_requests(upstream)[-1]["json"]["messages"][0]["content"] == result["text"]
    assert results[0]["action"] == "redact" and "northwind" not in results[0]["text"]
    assert results[1]["action"] == "allow" and results[1]["text"] == CASES[1]
    assert results[4]["action"] == "block" and results[4]["violations"][0]["clause"] == "AUP II.e"


def test_scan_reports_spans_findings_and_errors_in_order(tmp_path):
    path = tmp_path / "gateway.yaml"
    path.write_text(yaml.safe_dump(base_config()))
    text = "Contact ann@example.org\n```python\nprint(df.head())\n```"
    results = scan(path, [json.dumps({"text": text}), "{not json", json.dumps({"text": 5}),
                          json.dumps({"text": "schema", "data_class": "secret"}),
                          json.dumps({"text": text, "data_class": "metadata"})])
    first = results[0]
    assert [r.keys() >= {"error"} for r in results[1:4]] == [True, True, True]
    spans = first["spans"]
    assert spans[0]["start"] == 0 and spans[-1]["end"] == len(text)
    assert all(a["end"] == b["start"] for a, b in zip(spans, spans[1:]))
    assert {s["data_class"] for s in spans} == {"input"} and not any(s["stated"] for s in spans)
    email = next(f for f in first["findings"] if f["entity"] == "EMAIL_ADDRESS")
    assert text[email["start"]:email["end"]] == "ann@example.org"
    stated = results[4]
    assert all(s["stated"] and s["data_class"] == "metadata" for s in stated["spans"])
    assert any(f["entity"] == "EMAIL_ADDRESS" for f in stated["findings"])  # a stated class never hides a value
