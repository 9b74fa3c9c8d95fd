"""A real `magic-gateway serve` process: SIGHUP reloads keys and policy (a bad file is refused and the old
state stays), SIGTERM drains a stream in flight, keys expire and are named in the audit trail."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import anthropic
import openai
import pytest
import yaml
from serving import KEY, OTHER_KEY, base_config, free_port, sha, wait_for, wait_until_ready

ROOT = Path(__file__).resolve().parents[2]
NEW_KEY = "test-key-acme-rotated"


def start(tmp_path: Path, config: dict, workers: int = 1) -> tuple[subprocess.Popen[bytes], str, Path, Path]:
    path, log = tmp_path / "gateway.yaml", tmp_path / "gateway.log"
    config["audit"] = {"path": str(tmp_path / "audit.jsonl")}
    path.write_text(yaml.safe_dump(config))
    port = free_port()
    with log.open("wb") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "gateway.cli", "serve", "--config", str(path),
                                    "--port", str(port), "--workers", str(workers)], cwd=ROOT, stderr=stderr,
                                   start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    wait_until_ready(url)
    return process, url, path, log


def ask(url: str, key: str) -> openai.types.chat.ChatCompletion:
    client = openai.OpenAI(base_url=url + "/v1", api_key=key, max_retries=0)
    return client.chat.completions.with_raw_response.create(
        model="gpt-4o", messages=[{"role": "user", "content": "hello"}])



@pytest.fixture
def gateway_process(tmp_path: Path):
    config = base_config(analysis={"workers": 0})
    process, url, path, log = start(tmp_path, config)
    yield process, url, path, log, config
    if process.poll() is None:
        process.kill()
        process.wait(30)


def test_sighup_swaps_keys_and_policy_and_refuses_a_bad_file(gateway_process) -> None:
    process, url, path, log, config = gateway_process
    before = ask(url, KEY).headers["x-policy-version"]
    errors: list[BaseException] = []
    served = [0]
    stop = threading.Event()

    def traffic() -> None:
        while not stop.is_set():
            try:
                ask(url, OTHER_KEY)
                served[0] += 1
            except BaseException as error:  # every request during the reloads must be served
                errors.append(error)

    thread = threading.Thread(target=traffic)
    thread.start()
    try:
        # A good file: the acme key rotated, acme's policy tightened.
        config["keys"][0] = {**config["keys"][0], "sha256": sha(NEW_KEY), "name": "acme-rotated"}
        config["tenants"]["acme"]["policy"] = {"findings": {"categories": {"personal": {
            "action": "mask", "cite": "AUP I.A.c"}}}}
        path.write_text(yaml.safe_dump(config))
        process.send_signal(signal.SIGHUP)

        def rotated() -> bool:
            try:
                ask(url, NEW_KEY)
                return True
            except openai.AuthenticationError:
                return False

        wait_for(rotated)
        with pytest.raises(openai.AuthenticationError):
            ask(url, KEY)   # the removed key stops working at the reload
        assert ask(url, NEW_KEY).headers["x-policy-version"] != before
        # A bad file: refused with the field named; the running state stays.
        path.write_text(path.read_text().replace("zero_retention", "zero_retension", 1))
        process.send_signal(signal.SIGHUP)
        wait_for(lambda: "zero_retension" in log.read_text())
        assert "unknown field" in log.read_text() and "Traceback" not in log.read_text()
        assert ask(url, NEW_KEY).parse().choices[0].message.content == "hello"
    finally:
        stop.set()
        thread.join(30)
    assert errors == [] and served[0] > 0
    records = [json.loads(line) for line in (path.parent / "audit.jsonl").read_text().splitlines()]
    assert any(r.get("key_id") == "acme-rotated" for r in records)
    assert NEW_KEY not in (path.parent / "audit.jsonl").read_text()


def test_sigterm_lets_a_stream_in_flight_finish_then_exits_0(gateway_process) -> None:
    process, url, _path, _log, _config = gateway_process
    client = openai.OpenAI(base_url=url + "/v1", api_key=KEY, max_retries=0)
    text = "a stream that is still being written when the gateway is told to stop"
    stream = client.chat.completions.create(
        model="gpt-4o", stream=True, messages=[{"role": "user", "content": text}],
        extra_headers={"x-mock-event-delay-ms": "60"})
    first = next(iter(stream))
    process.send_signal(signal.SIGTERM)
    rest = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
    assert (first.choices[0].delta.content or "") + rest == text
    assert process.wait(60) == 0


def descendants(pid: int) -> set[int]:
    """Every live process below `pid` (server processes, their analysis processes)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_sigterm_with_two_server_processes_drains_the_stream_and_the_whole_group_exits_0(tmp_path: Path) -> None:
    """Issue 13, item 17: the stream finished, then the process group never exited."""
    config = base_config(analysis={"workers": 1})
    process, url, _path, log = start(tmp_path, config, workers=2)
    try:
        wait_for(lambda: len(descendants(process.pid)) >= 4)   # two server processes, each with its analysis one
        processes = descendants(process.pid)
        # Without Redis too, a thinking signature one process relayed is known to the other: each follow-up
        # comes on a new connection, which the kernel gives to either process.
        answer = anthropic.Anthropic(base_url=url, api_key=KEY, max_retries=0).messages.create(
            model="claude-sonnet-4-6", max_tokens=100, thinking={"type": "enabled", "budget_tokens": 1024},
            messages=[{"role": "user", "content": "Hello"}])
        thinking = next(b for b in answer.content if b.type == "thinking")
        history = [{"role": "user", "content": "Hello"},
                   {"role": "assistant", "content": [{"type": "thinking", "thinking": thinking.thinking,
                                                      "signature": thinking.signature}]},
                   {"role": "user", "content": "Go on"}]
        for _ in range(8):
            follow_up = anthropic.Anthropic(base_url=url, api_key=KEY, max_retries=0)
            assert follow_up.messages.create(model="claude-sonnet-4-6", max_tokens=100, messages=history).content
            follow_up.close()
        client = openai.OpenAI(base_url=url + "/v1", api_key=KEY, max_retries=0)
        text = "a stream that two server processes are told to stop in the middle of"
        stream = client.chat.completions.create(
            model="gpt-4o", stream=True, messages=[{"role": "user", "content": text}],
            extra_headers={"x-mock-event-delay-ms": "60"})
        first = next(iter(stream))
        process.send_signal(signal.SIGTERM)   # as Kubernetes does: to the parent only
        rest = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
        assert (first.choices[0].delta.content or "") + rest == text
        assert process.wait(90) == 0
        wait_for(lambda: not any(alive(pid) for pid in processes))
        assert "Traceback" not in log.read_text()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(30)


def test_an_expired_key_is_refused_and_a_live_one_served(tmp_path: Path) -> None:
    config = base_config(analysis={"workers": 0})
    past, future = datetime.now(UTC) - timedelta(minutes=1), datetime.now(UTC) + timedelta(days=1)
    config["keys"][0]["expires_at"] = past.isoformat()
    config["keys"][1]["expires_at"] = future.isoformat()
    process, url, _path, _log = start(tmp_path, config)
    try:
        with pytest.raises(openai.AuthenticationError) as caught:
            ask(url, KEY)
        assert caught.value.body["code"] == "expired_api_key"
        assert ask(url, OTHER_KEY).status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(60)
