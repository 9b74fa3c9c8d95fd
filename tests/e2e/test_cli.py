"""The command line: serve on the embedded config, a bad config stops with the file and field, the mock."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import openai
import pytest
import yaml
from serving import base_config, free_port, wait_until_ready

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "gateway.cli"]


def run_cli(*args: str, stdin: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def test_bad_config_names_the_file_and_field(tmp_path):
    config = base_config()
    config["providers"][0]["zero_retension"] = True       # a typo
    config["keys"][0]["sha256"] = "not-a-hash"
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(config))
    result = run_cli("serve", "--config", str(path), "--port", str(free_port()))
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert "providers[0].zero_retension: unknown field" in result.stderr
    assert "keys[0].sha256" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_config_file_and_bad_yaml(tmp_path):
    result = run_cli("serve", "--config", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2 and "nope.yaml: cannot read" in result.stderr
    (tmp_path / "broken.yaml").write_text("providers: [\n")
    result = run_cli("serve", "--config", str(tmp_path / "broken.yaml"))
    assert result.returncode == 2 and "not valid YAML" in result.stderr and "Traceback" not in result.stderr


def test_a_key_written_twice_is_named_not_silently_overridden(tmp_path):
    """The second `server:` would replace the first whole (its port and listen address gone unnoticed)."""
    text = yaml.safe_dump(base_config())
    path = tmp_path / "twice.yaml"
    path.write_text(text + "server:\n  port: 9999\n")
    result = run_cli("serve", "--config", str(path))
    line = text.splitlines().index("server:") + 1
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"key 'server' appears twice (first on line {line})" in result.stderr, result.stderr


def test_a_route_to_an_unknown_provider_is_named(tmp_path):
    config = base_config()
    config["models"].append({"match": "mistral-*", "provider": "mistral"})
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(config))
    result = run_cli("serve", "--config", str(tmp_path / "c.yaml"))
    assert result.returncode == 2 and "no provider named 'mistral'" in result.stderr


def test_a_tenant_cannot_loosen_the_policy(tmp_path):
    config = base_config()
    config["tenants"]["acme"]["policy"] = {"findings": {"entities": {"US_SSN": {"action": "allow", "cite": "x"}}}}
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(config))
    result = run_cli("serve", "--config", str(tmp_path / "c.yaml"))
    assert result.returncode == 2
    assert "tenants.acme.policy" in result.stderr and "US_SSN" in result.stderr


def test_serve_on_the_embedded_default_config_answers_a_streamed_request():
    port = free_port()
    process = subprocess.Popen([*CLI, "serve", "--config", "config/gateway.yaml", "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_ready(f"http://127.0.0.1:{port}")
        client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key="mg-dev-key", max_retries=0)
        stream = client.chat.completions.create(model="gpt-4o-mini", stream=True,
                                                messages=[{"role": "user", "content": "Hello, gateway"}])
        assert "".join(c.choices[0].delta.content or "" for c in stream if c.choices) == "Hello, gateway"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    assert process.returncode == 0


@pytest.mark.parametrize(("options", "answer"), [([], "ping"), (["--reply", "Fixed answer."], "Fixed answer.")])
def test_mock_runs_on_its_own(options, answer):
    port = free_port()
    process = subprocess.Popen([*CLI, "mock", "--port", str(port), *options], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key="anything", max_retries=0)
        reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "ping"}])
        assert reply.choices[0].message.content == answer
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_broken_use_rules_file_stops_serve_and_check_with_the_field_named(tmp_path):
    policy = yaml.safe_load((ROOT / "config" / "policy.yaml").read_text())
    rules = yaml.safe_load((ROOT / "config" / "use_rules.yaml").read_text())
    rules["rules"][0]["clause"] = "somewhere"
    (tmp_path / "use_rules.yaml").write_text(yaml.safe_dump(rules))
    (tmp_path / "policy.yaml").write_text(yaml.safe_dump(policy))
    config = base_config()
    config["policy"] = "policy.yaml"
    path = tmp_path / "gateway.yaml"
    path.write_text(yaml.safe_dump(config))
    for command in ("serve", "check"):
        result = run_cli(command, "--config", str(path))
        assert result.returncode == 2, result.stderr
        assert str(tmp_path / "use_rules.yaml") in result.stderr and "rules[0]" in result.stderr
        assert ".clause" in result.stderr and "Traceback" not in result.stderr


def test_check_validates_without_serving(tmp_path):
    path = tmp_path / "gateway.yaml"
    path.write_text(yaml.safe_dump(base_config()))
    result = run_cli("check", "--config", str(path))
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout and "tenants: acme, globex" in result.stdout
    assert run_cli("--version").stdout.startswith("magic-gateway ")


def _written(tmp_path: Path, config: dict) -> str:
    path = tmp_path / f"config-{time.monotonic_ns()}.yaml"
    path.write_text(yaml.safe_dump(config))
    return str(path)


def test_a_missing_provider_key_stops_start_up_with_the_field(tmp_path):
    config = base_config("http://127.0.0.1:9")
    config["providers"][0]["api_key_env"] = "MG_TEST_KEY_NEVER_SET"
    path = _written(tmp_path, config)
    for command in (["check"], ["serve", "--port", str(free_port())]):
        result = run_cli(*command, "--config", path)
        assert result.returncode == 2, result.stderr
        assert "providers[0].api_key_env" in result.stderr and "MG_TEST_KEY_NEVER_SET" in result.stderr
        assert "allow_missing_keys" in result.stderr and "Traceback" not in result.stderr
    allowed = _written(tmp_path, {**config, "allow_missing_keys": True})
    assert run_cli("check", "--config", allowed).returncode == 0


def test_a_malformed_model_glob_stops_start_up_with_the_field(tmp_path):
    config = base_config()
    config["models"][0]["match"] = "gpt-[4o*"
    result = run_cli("check", "--config", _written(tmp_path, config))
    assert result.returncode == 2
    assert "models[0].match" in result.stderr and "never closed" in result.stderr


def test_make_run_first_minutes_banner_provider_log_and_a_clean_ctrl_c():
    """What a newcomer sees: the URL, the key and a first request; what the provider received; Ctrl-C."""
    port = free_port()
    process = subprocess.Popen([*CLI, "serve", "--config", "config/gateway.yaml", "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        banner = [process.stdout.readline()]
        while "_mock/requests" not in banner[-1] and len(banner) < 12:
            banner.append(process.stdout.readline())
        text = "".join(banner)
        assert f"http://127.0.0.1:{port}" in text and "development key: mg-dev-key" in text
        assert "curl -s" in text and "Bearer mg-dev-key" in text
        log_url = next(line for line in banner if "_mock/requests" in line).split("curl -s ")[1].split()[0]
        wait_until_ready(f"http://127.0.0.1:{port}")
        client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key="mg-dev-key", max_retries=0)
        reply = client.chat.completions.create(model="gpt-4o-mini", messages=[
            {"role": "user", "content": "Email jane.doe@acme.com the Q3 numbers"}])
        assert reply.choices[0].message.content == "Email jane.doe@acme.com the Q3 numbers"   # restored
        with urllib.request.urlopen(log_url, timeout=10) as response:
            received = json.loads(response.read())[-1]["json"]["messages"][0]["content"]
        assert "jane.doe@acme.com" not in received and received.startswith("Email <EMAIL_ADDRESS_")
    finally:
        os.killpg(process.pid, signal.SIGINT)   # Ctrl-C reaches the whole process group
        _, errors = process.communicate(timeout=60)
    assert process.returncode == 0
    assert "Traceback" not in errors and "KeyboardInterrupt" not in errors
