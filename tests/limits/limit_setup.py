"""Helpers of the limits tests: a fresh minute window, the metrics' samples, the SDK clients, gateway processes."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import anthropic
import openai
import yaml

ROOT = Path(__file__).resolve().parents[2]


def fresh_minute(least_s: float = 20.0) -> None:
    """Wait for the next minute when fewer than `least_s` seconds are left in this one, so that a test's
    requests fall in one per-minute window (windows are aligned on the clock, as on every replica)."""
    left = 60 - time.time() % 60
    if left < least_s:
        time.sleep(left + 0.2)


def samples(url: str, name: str) -> dict[str, float]:
    """`{labels: value}` of one metric's samples in /metrics."""
    with urllib.request.urlopen(url + "/metrics", timeout=10) as response:
        text = response.read().decode()
    return {labels: float(value) for labels, value in re.findall(rf"^{name}\{{([^}}]*)\}} (\S+)$", text, re.M)}


def chat(url: str, key: str, text: str = "hello there", **extra) -> openai.types.chat.ChatCompletion:  # type: ignore[no-untyped-def]
    client = openai.OpenAI(base_url=url + "/v1", api_key=key, max_retries=0)
    try:
        return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": text}], **extra)
    finally:
        client.close()


def served_until_refused(ask, most: int = 50) -> tuple[int, openai.RateLimitError]:  # type: ignore[no-untyped-def]
    """How many requests `ask()` gets served before the first 429, and that 429."""
    for served in range(most):
        try:
            ask()
        except openai.RateLimitError as error:
            return served, error
    raise AssertionError(f"{most} requests served and none refused")


def anthropic_client(url: str, key: str) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=url, api_key=key, max_retries=0)


class GatewayProcess:
    """`magic-gateway serve` in a process of its own (or `--workers N` of them), its log in a file."""

    def __init__(self, config: dict, tmp_dir: Path, workers: int = 1) -> None:  # type: ignore[type-arg]
        from serving import free_port, wait_until_ready

        self.config_path = tmp_dir / f"gateway-{time.monotonic_ns()}.yaml"
        self.config_path.write_text(yaml.safe_dump(config))
        self.log = self.config_path.with_suffix(".log")
        port = free_port()
        with self.log.open("wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gateway.cli", "serve", "--config", str(self.config_path), "--port", str(port),
                 "--workers", str(workers)], cwd=ROOT, stderr=stderr, stdout=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{port}"
        wait_until_ready(self.url)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
