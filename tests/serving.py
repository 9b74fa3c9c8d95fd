"""Real servers on loopback ports for tests: the gateway and the mock provider, each in a thread of its own
so that both the sync and the async SDK clients can talk to them."""

from __future__ import annotations

import asyncio
import hashlib
import json
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from aiohttp import web

KEY = "test-key-acme"
OTHER_KEY = "test-key-globex"
NO_TYPEAHEAD_KEY = "test-key-acme-assistant-only"
MOCK_HEADERS = ["x-mock-fail-status", "x-mock-fail-times", "x-mock-latency-ms", "x-mock-cut-after-events",
                "x-mock-event-delay-ms", "x-mock-echo", "x-mock-reply",
                "x-mock-retry-after", "x-mock-scenario"]


def sha(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_config(mock_url: str | None = None, **overrides: Any) -> dict[str, Any]:
    """A test config: models routed to the in-process mock, or to a mock already running at mock_url."""
    if mock_url:
        providers = [
            {"name": "openai", "kind": "openai", "base_url": mock_url + "/v1", "api_key_env": "TEST_OPENAI_KEY",
             "zero_retention": True, "baa": False},
            {"name": "anthropic", "kind": "anthropic", "base_url": mock_url, "api_key_env": "TEST_ANTHROPIC_KEY",
             "zero_retention": True, "baa": False},
        ]
    else:
        providers = [
            {"name": "openai", "kind": "mock", "zero_retention": True, "baa": False},
            {"name": "anthropic", "kind": "mock", "zero_retention": True, "baa": False},
        ]
    config: dict[str, Any] = {
        "server": {"forward_headers": MOCK_HEADERS},
        "providers": providers,
        "models": [
            {"match": "gpt-*", "provider": "openai", "names": ["gpt-4o", "gpt-4o-mini"]},
            {"match": "text-embedding-3-small", "provider": "openai", "feature": "embeddings"},
            {"match": "code-complete", "provider": "openai", "feature": "typeahead",
             "upstream_model": "gpt-3.5-turbo-instruct"},
            {"match": "claude-*", "provider": "anthropic", "names": ["claude-sonnet-4-6"]},
        ],
        "keys": [
            {"sha256": sha(KEY), "tenant": "acme", "user": "jane@acme.example",
             "features": ["assistant", "typeahead", "embeddings"]},
            {"sha256": sha(OTHER_KEY), "tenant": "globex", "user": "bob@globex.example",
             "features": ["assistant", "typeahead", "embeddings"]},
            {"sha256": sha(NO_TYPEAHEAD_KEY), "tenant": "acme", "user": "joe@acme.example",
             "features": ["assistant"]},
        ],
        "tenants": {"acme": {"mode": "enforce"}, "globex": {"mode": "enforce"}},
        "retries": {"attempts": 3, "backoff_s": 0.01, "backoff_max_s": 0.05},
        "timeouts": {"connect_s": 2, "total_s": 10, "read_s": 10, "analysis_s": 20},
        "analysis": {"workers": 0},
        "logging": {"level": "warning"},
    }
    for key, value in overrides.items():
        config[key] = value
    return config


class ThreadServer:
    """Runs an aiohttp app in its own thread and event loop, on a free loopback port."""

    def __init__(self, app_factory, port: int | None = None, runner=web.AppRunner) -> None:
        self._factory = app_factory
        self._runner_class = runner
        self.port = port or free_port()
        self.loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self.app: web.Application | None = None
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "ThreadServer":
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(60)
        return self

    async def _start(self) -> None:
        self.app = self._factory()
        self._runner = self._runner_class(self.app, handler_cancellation=True, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)

    def call(self, coroutine):  # type: ignore[no-untyped-def]
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(30)


def start_gateway(config: dict[str, Any], tmp_dir: Path, wait_ready: bool = True) -> ThreadServer:
    from gateway.config import load_config
    from gateway.server.app import build_app
    from gateway.server.connection import GatewayRunner

    path = tmp_dir / f"gateway-{time.monotonic_ns()}.yaml"
    path.write_text(yaml.safe_dump(config))
    loaded = load_config(path)
    server = ThreadServer(lambda: build_app(loaded),
                          runner=lambda app, **kw: GatewayRunner(app, loaded.timeouts, **kw)).start()
    if wait_ready:
        wait_until_ready(server.url)
    return server


def wait_for(condition: Any, seconds: float = 60) -> None:
    """Polls until condition() is true: for what a server does after the client has its answer (the audit
    record of a stream is written once its last event is sent, a reload, a drain)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def wait_until_ready(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except Exception:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{url} not ready after {timeout}s")


def stop_processes(processes: Iterable[subprocess.Popen[bytes]], timeout: float = 60) -> None:
    """SIGTERM to every process still running (each drains, as on a rollout), then each waited for;
    killed past `timeout`."""
    processes = list(processes)
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()


def start_mock_server(settings: dict[str, Any] | None = None) -> ThreadServer:
    from gateway.mock.server import build_mock_app
    from gateway.mock.settings import MockSettings

    return ThreadServer(lambda: build_mock_app(MockSettings.from_mapping(settings or {}))).start()


def mock_requests(mock: ThreadServer) -> list[dict[str, Any]]:
    with urllib.request.urlopen(mock.url + "/_mock/requests", timeout=5) as response:
        return json.loads(response.read())


def clear_mock(mock: ThreadServer) -> None:
    request = urllib.request.Request(mock.url + "/_mock/requests", method="DELETE")
    urllib.request.urlopen(request, timeout=5).read()
