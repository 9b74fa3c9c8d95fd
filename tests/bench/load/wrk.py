"""One bounded wrk run against one target, through `post.lua`, and what it measured."""

from __future__ import annotations

import itertools
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.bench.load.processes import Processes

SCRIPT = Path(__file__).with_name("post.lua")
_salts = itertools.count(1)


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    status_errors: int
    socket_errors: int
    p50_ms: float
    p99_ms: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return self.status_errors + self.socket_errors


def wrk_path() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise SystemExit("wrk is not installed: run `make bench-deps` (apt-get install wrk) first")
    return path


def run_wrk(processes: Processes, url: str, bodies: Path, connections: int, seconds: float,
            unique: bool = False, key: str = "", timeout_s: float = 10.0) -> WrkResult:
    """`connections` connections on one wrk thread for `seconds`; every body from `bodies` in turn."""
    env = {"BENCH_BODIES": str(bodies), "BENCH_UNIQUE": "1" if unique else "0", "BENCH_AUTH": key,
           "BENCH_SALT": str(next(_salts))}
    argv = [wrk_path(), "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", f"--timeout={timeout_s:g}s",
            "-s", str(SCRIPT), url]
    started = processes.start("wrk", argv, env=env)
    try:
        started.process.wait(seconds + timeout_s + 30)
    finally:
        processes.stop(started)
    line = next((l for l in started.log_path.read_text().splitlines()[::-1] if l.startswith("BENCH ")), None)
    started.log_path.unlink()
    if line is None:
        raise RuntimeError(f"wrk printed no summary for {url}")
    data = json.loads(line.removeprefix("BENCH "))
    return WrkResult(requests=data["requests"], seconds=data["duration_us"] / 1e6,
                     status_errors=data["status_errors"], socket_errors=data["socket_errors"],
                     p50_ms=data["p50_us"] / 1000, p99_ms=data["p99_us"] / 1000)
