"""Every process the load benchmark starts, each in its own process group, and how they are ended.

A server started here may start children of its own (the gateway's analysis workers, `--workers N`
server processes, LiteLLM's workers); killing the group ends them all. `Processes` is a context
manager and also ends everything on SIGTERM and Ctrl-C, so a benchmark never leaves a server behind.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

HOST = "127.0.0.1"   # the benchmark only ever talks to loopback


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass
class Started:
    name: str
    process: subprocess.Popen[bytes]
    log_path: Path
    log: IO[bytes]

    @property
    def pid(self) -> int:
        return self.process.pid

    def tail(self, lines: int = 15) -> str:
        self.log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


class Processes:
    """Starts processes into their own groups and ends every group it started, whatever happens."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.started: list[Started] = []
        self._previous: dict[int, object] = {}

    def __enter__(self) -> "Processes":
        for sig in (signal.SIGTERM, signal.SIGHUP):
            self._previous[sig] = signal.signal(sig, _raise_interrupt)
        return self

    def __exit__(self, *_: object) -> None:
        self.stop_all()
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)  # type: ignore[arg-type]

    def start(self, name: str, argv: list[str], env: dict[str, str] | None = None,
              cwd: Path | None = None) -> Started:
        log_path = self.log_dir / f"{name}.log"
        log = log_path.open("ab")
        process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env={**os.environ, **(env or {})}, cwd=cwd, start_new_session=True)
        started = Started(name, process, log_path, log)
        self.started.append(started)
        return started

    def stop(self, started: Started, grace_s: float = 10.0) -> None:
        """SIGTERM to the whole group, SIGKILL to what is left after `grace_s`."""
        if started not in self.started:
            return
        self.started.remove(started)
        _signal_group(started.pid, signal.SIGTERM)
        try:
            started.process.wait(grace_s)
        except subprocess.TimeoutExpired:
            pass
        _signal_group(started.pid, signal.SIGKILL)   # children that outlived their parent
        try:
            started.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        started.log.close()

    def stop_all(self) -> None:
        for started in reversed(list(self.started)):
            self.stop(started)


def _signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def wait_http(url: str, started: Started, timeout_s: float = 180.0, ok_in_a_row: int = 1) -> None:
    """Until `url` answers 200 `ok_in_a_row` times in a row (several server processes: each must be up)."""
    deadline = time.monotonic() + timeout_s
    streak = 0
    while time.monotonic() < deadline:
        if started.process.poll() is not None:
            raise RuntimeError(f"{started.name} exited ({started.process.returncode}):\n{started.tail()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                streak = streak + 1 if response.status == 200 else 0
        except Exception:
            streak = 0
        if streak >= ok_in_a_row:
            return
        time.sleep(0.05 if streak else 0.2)
    raise TimeoutError(f"{started.name}: {url} not ready after {timeout_s:.0f}s:\n{started.tail()}")


def process_tree(root: int) -> list[int]:
    """`root` and every descendant, parents first."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    tree, queue = [], [root]
    while queue:
        pid = queue.pop(0)
        tree.append(pid)
        queue.extend(sorted(children.get(pid, [])))
    return tree


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time of these processes so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])   # utime, stime
    return total / ticks


def run_seconds(pids: list[int]) -> float:
    """CPU time these processes' live threads have run so far, in nanoseconds' resolution (the scheduler's
    own count, /proc/PID/task/TID/schedstat), where `cpu_seconds` counts clock ticks of 10 ms: a figure for
    one request. A thread that has ended is no longer counted (the server's threads live as long as it)."""
    total = 0
    for pid in pids:
        for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
            try:
                total += int(stat.read_text().split()[0])
            except (OSError, IndexError, ValueError):
                continue
    return total / 1e9


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""
