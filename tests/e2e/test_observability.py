"""Metrics valid under promtool, summed over worker processes; the audit summary command."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import openai
import yaml
from serving import KEY, base_config, free_port, wait_until_ready

ROOT = Path(__file__).resolve().parents[2]


def scrape(url: str) -> str:
    with urllib.request.urlopen(url + "/metrics") as response:
        return response.read().decode()


def test_metrics_pass_promtool_and_carry_no_user_text(gateway, openai_client):
    secret_prompt = "Tell maria.lopez@northwind-health.com about zebra-unicorn-77"
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": secret_prompt}])
    text = scrape(gateway.url)
    result = subprocess.run(["promtool", "check", "metrics"], input=text, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("magic_gateway_overhead_seconds_bucket", "magic_gateway_analysis_cache_total",
                 'magic_gateway_findings_total{data_class="input",entity="EMAIL_ADDRESS"}',
                 'magic_gateway_tokens_total{direction="in",tenant="acme"}', "magic_gateway_in_flight_requests"):
        assert name in text
    assert "northwind" not in text and "zebra" not in text and KEY not in text


def test_metrics_are_summed_over_worker_processes(mock, tmp_path):
    port = free_port()
    path = tmp_path / "gateway.yaml"
    path.write_text(yaml.safe_dump(base_config(mock.url)))
    process = subprocess.Popen([sys.executable, "-m", "gateway.cli", "serve", "--config", str(path), "--port",
                                str(port), "--workers", "2"], cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_ready(url)
        client = openai.OpenAI(base_url=url + "/v1", api_key=KEY, max_retries=0)
        for _ in range(20):   # new connections: the kernel spreads them over both processes
            client.with_options(http_client=None).chat.completions.create(
                model="gpt-4o", messages=[{"role": "user", "content": "hello"}])
            client.close()
            client = openai.OpenAI(base_url=url + "/v1", api_key=KEY, max_retries=0)
        text = scrape(url)
        counts = [float(m) for m in re.findall(
            r'^magic_gateway_requests_total\{[^}]*route="openai.chat"[^}]*status="200"\} (\S+)', text, re.M)]
        assert sum(counts) == 20
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)


def test_audit_summary_by_tenant_clause_and_entity(tmp_path):
    lines = [
        {"time": "2026-11-01T10:00:00.000Z", "tenant": "acme", "outcome": "redact", "violations": [],
         "findings": {"EMAIL_ADDRESS": 2}, "usage": {"input_tokens": 10, "output_tokens": 5}},
        {"time": "2026-11-02T10:00:00.000Z", "tenant": "acme", "outcome": "block",
         "violations": [{"clause": "AUP II.e", "category": "protected_characteristic", "action": "block"}],
         "findings": {}, "usage": {"input_tokens": 0, "output_tokens": 0}},
        {"time": "2026-12-01T10:00:00.000Z", "tenant": "globex", "outcome": "allow", "violations": [],
         "findings": {}, "usage": {}},
    ]
    trail = tmp_path / "audit.jsonl"
    trail.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = subprocess.run([sys.executable, "-m", "gateway.cli", "audit", str(trail), "--since", "2026-11-01",
                             "--until", "2026-11-30", "--json"], capture_output=True, text=True, cwd=ROOT)
    summary = json.loads(result.stdout)
    assert summary["requests"] == 2
    assert summary["by_tenant"]["acme"]["outcome:block"] == 1
    assert summary["by_clause"] == {"AUP II.e (protected_characteristic, block)": 1}
    assert summary["by_entity"] == {"EMAIL_ADDRESS": 2}
    text = subprocess.run([sys.executable, "-m", "gateway.cli", "audit", str(trail)], capture_output=True,
                          text=True, cwd=ROOT).stdout
    assert "3 requests" in text and "AUP II.e" in text


def test_required_audit_that_cannot_be_written_refuses_requests(tmp_path):
    from serving import start_gateway

    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    config = base_config(audit={"path": str(blocker / "audit.jsonl"), "required": True})
    server = start_gateway(config, tmp_path)
    try:
        client = openai.OpenAI(base_url=server.url + "/v1", api_key=KEY, max_retries=0)
        try:
            client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hello"}])
            raise AssertionError("served unaudited")
        except openai.APIStatusError as error:
            assert error.status_code == 503 and error.body["code"] == "audit_unavailable"
    finally:
        server.stop()
