"""Recorded cassettes of every API replay through the gateway; a policy change shows up as a diff."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from serving import base_config

ROOT = Path(__file__).resolve().parents[2]
CASSETTES = sorted((ROOT / "tests" / "cassettes").glob("*.json"))
sys.path.insert(0, str(ROOT / "tests" / "cassettes"))
from record import CASSETTE_KEY, EMAIL  # noqa: E402


def replay(config: dict, tmp_path: Path, key: bool = True) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "replay.yaml"
    config["recording"] = {"encryption_key_env": "TEST_CASSETTE_KEY"}
    path.write_text(yaml.safe_dump(config))
    env = {k: v for k, v in os.environ.items() if k != "TEST_CASSETTE_KEY"}
    if key:
        env["TEST_CASSETTE_KEY"] = CASSETTE_KEY
    return subprocess.run([sys.executable, "-m", "gateway.cli", "replay", *map(str, CASSETTES), "--config", str(path)],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)


def test_the_cassettes_cover_every_api_streamed_and_not():
    import json

    seen = {(c["api"], c["stream"]) for c in (json.loads(p.read_text()) for p in CASSETTES)}
    assert {("openai.chat", False), ("openai.chat", True), ("openai.completions", False),
            ("openai.embeddings", False), ("openai.responses", False), ("openai.responses", True),
            ("anthropic.messages", False), ("anthropic.messages", True)} <= seen
    for path in CASSETTES:
        assert EMAIL not in path.read_text()   # the original is only there encrypted


def test_replay_under_the_same_policy_changes_nothing(tmp_path):
    result = replay(base_config(), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(CASSETTES)} cassette(s), 0 changed" in result.stdout
    assert "replayed the original request" in result.stdout


def test_a_policy_change_is_reported_and_fails_the_run(tmp_path):
    config = base_config()
    config["tenants"]["acme"]["policy"] = {"findings": {"categories": {
        "personal": {"action": "mask", "cite": "tightened for the test"}}}}
    result = replay(config, tmp_path)
    assert result.returncode == 1
    assert "CHANGED" in result.stdout and "EMAIL_ADDRESS" in result.stdout and "(mask)" in result.stdout
    assert "forwarded request changed" in result.stdout
    assert EMAIL not in result.stdout


def test_without_the_key_the_forwarded_request_is_replayed(tmp_path):
    result = replay(base_config(), tmp_path, key=False)
    assert result.returncode == 0, result.stdout
    assert "no key for the original" in result.stdout
