"""Where the gateway's server process spends its time on the cached passthrough: py-spy under wrk load.

    .venv/bin/pip install py-spy       # not a dependency: a profiling tool
    .venv/bin/python -m tests.bench.load.profile [--seconds 20] [--connections 10] [--top 25]

Starts the mock and the gateway as `make bench` does, warms the cache, runs wrk on the cached body and
samples the server process with py-spy meanwhile (`--gil`: only the thread running Python code). Prints the
functions with the most samples, by self time and by total time (the function or anything it called).
"""

from __future__ import annotations

import argparse
import collections
import shutil
import sys
import tempfile
from pathlib import Path

from tests.bench.load.bodies import write_all
from tests.bench.load.processes import Processes
from tests.bench.load.targets import start_gateway, start_mock
from tests.bench.load.wrk import run_wrk


def py_spy() -> str:
    found = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(found).exists():
        raise SystemExit("py-spy is not installed: .venv/bin/pip install py-spy")
    return found


def top(collapsed: Path, count: int) -> str:
    """The `count` frames with most samples, by self and by total, from py-spy's collapsed stacks."""
    own: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    samples = 0
    for line in collapsed.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        frames = [_short(f) for f in stack.split(";")]
        weight = int(n)
        samples += weight
        own[frames[-1]] += weight
        for frame in set(frames):
            total[frame] += weight
    lines = [f"{samples} samples", "", "self %  frame"]
    lines += [f"{100 * n / samples:6.1f}  {frame}" for frame, n in own.most_common(count)]
    lines += ["", "total % frame"]
    lines += [f"{100 * n / samples:6.1f}  {frame}" for frame, n in total.most_common(count)]
    return "\n".join(lines)


def _short(frame: str) -> str:
    """`function (path/to/module.py:line)` as `function (module.py)`, without the line number."""
    name, _, where = frame.partition(" (")
    path = where.rstrip(")").rsplit(":", 1)[0]
    for marker in ("site-packages/", "/gateway/", "/filters/", "/lib/python3"):
        if marker in path:
            path = (marker.strip("/") + "/" if marker in ("/gateway/", "/filters/") else "") + \
                path.split(marker, 1)[1]
            break
    return f"{name} ({path})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--keep", type=Path, help="also copy py-spy's collapsed stacks to this file")
    args = parser.parse_args()
    spy = py_spy()
    folder = Path(tempfile.mkdtemp(prefix="magic-gateway-profile-"))
    with Processes(folder) as processes:
        bodies, _ = write_all(folder)
        mock = start_mock(processes)
        gateway = start_gateway(processes, folder, mock)
        run_wrk(processes, gateway.chat_url, bodies["cached"], args.connections, 2, key=gateway.key)
        out = folder / "profile.txt"
        sampler = processes.start("py-spy", [spy, "record", "--gil", "--format", "raw", "--rate", "250", "--duration",
                                             str(round(args.seconds)), "--output", str(out), "--pid",
                                             str(gateway.started.pid)])  # type: ignore[union-attr]
        result = run_wrk(processes, gateway.chat_url, bodies["cached"], args.connections, args.seconds,
                         key=gateway.key)
        sampler.process.wait(args.seconds + 30)
        print(f"cached passthrough, {args.connections} connections: {result.per_second:,.0f} req/s\n")
        print(top(out, args.top))
        if args.keep:
            shutil.copyfile(out, args.keep)
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
