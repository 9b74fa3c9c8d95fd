"""The servers a load benchmark compares, each started here on a loopback port: the mock provider,
the bare relay, the gateway (`--workers N`) and LiteLLM's proxy; their process trees' memory and CPU."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.bench.load.bodies import REPLY
from tests.bench.load.litellm_proxy import MASTER_KEY, start_litellm, start_presidio
from tests.bench.load.processes import (
    HOST,
    Processes,
    Started,
    command_line,
    cpu_seconds,
    free_port,
    process_tree,
    rss_mb,
    wait_http,
)

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tests"))
from serving import KEY, base_config  # noqa: E402

CHAT = "/v1/chat/completions"
ENV = {"PYTHONPATH": str(ROOT), "TEST_OPENAI_KEY": "sk-mock", "TEST_ANTHROPIC_KEY": "sk-mock"}


@dataclass
class Target:
    """One server under load: where to send a chat completion, with which key, and its processes."""

    name: str
    url: str
    key: str = ""
    started: Started | None = None
    extra: dict[str, str] = field(default_factory=dict)
    helpers: list[Started] = field(default_factory=list)   # processes it needs besides its own tree

    @property
    def chat_url(self) -> str:
        return self.url + CHAT

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"} if self.key else {}

    def pids(self) -> list[int]:
        own = process_tree(self.started.pid) if self.started else []
        return own + [pid for helper in self.helpers for pid in process_tree(helper.pid)]

    def cpu_s(self) -> float:
        return cpu_seconds(self.pids())

    def memory(self) -> list[tuple[str, float]]:
        """(role, resident MB) of each process of the tree (multiprocessing's resource tracker left out)."""
        out = []
        for pid in self.pids():
            line = command_line(pid)
            if "resource_tracker" in line:
                continue
            role = "analysis" if "multiprocessing" in line or "spawn_main" in line else "server"
            out.append((role, rss_mb(pid)))
        return out


def _python(*args: str) -> list[str]:
    return [sys.executable, *args]


def start_mock(processes: Processes) -> Target:
    port = free_port()
    started = processes.start("mock", _python("-m", "gateway.cli", "mock", "--host", HOST, "--port", str(port),
                                              "--reply", REPLY), env=ENV, cwd=ROOT)
    target = Target("direct", f"http://{HOST}:{port}", started=started)
    wait_http(target.url + "/v1/models", started)
    return target


def start_relay(processes: Processes, upstream: Target, uvloop: bool) -> Target:
    port = free_port()
    argv = _python(str(ROOT / "tests" / "bench" / "bare_relay.py"), "--port", str(port), "--upstream", upstream.url)
    started = processes.start("bare-relay", argv + (["--uvloop"] if uvloop else []), env=ENV, cwd=ROOT)
    target = Target("bare relay", f"http://{HOST}:{port}", started=started)
    wait_http(f"{target.url}/_ready", started)
    return target


def gateway_config(folder: Path, upstream: Target, workers: int) -> Path:
    config = base_config(upstream.url, analysis={"workers": 1}, logging={"level": "info"})  # the shipped default: an access line per request
    config["server"]["host"] = HOST
    path = folder / f"gateway-{workers}.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


def start_gateway(processes: Processes, folder: Path, upstream: Target, workers: int = 1) -> Target:
    port = free_port()
    argv = _python("-m", "gateway.cli", "serve", "--config", str(gateway_config(folder, upstream, workers)),
                   "--host", HOST, "--port", str(port), "--workers", str(workers))
    started = processes.start(f"gateway-{workers}", argv, env=ENV, cwd=ROOT)
    target = Target("magic-gateway", f"http://{HOST}:{port}", key=KEY, started=started)
    # every server process must be up: with several, each answer comes from whichever one accepted
    wait_http(target.url + "/readyz", started, timeout_s=300, ok_in_a_row=8 * workers)
    return target


def start_litellm_target(processes: Processes, folder: Path, upstream: Target) -> Target:
    started, url = start_litellm(processes, folder, upstream.url, "gpt-4o")
    return Target("LiteLLM", url, key=MASTER_KEY, started=started)


def start_litellm_presidio_target(processes: Processes, folder: Path, upstream: Target) -> Target:
    """LiteLLM's proxy with its Presidio guardrail; its memory counts the Presidio services too."""
    presidio, presidio_url = start_presidio(processes)
    started, url = start_litellm(processes, folder, upstream.url, "gpt-4o", presidio_url=presidio_url)
    return Target("LiteLLM + Presidio", url, key=MASTER_KEY, started=started, helpers=[presidio])

