"""CPU per request of the gateway's server process on the cached passthrough: a figure the machine's load
barely moves (wall-clock throughput on shared cores is noise; the CPU a process spends per request is not).

    .venv/bin/python -m tests.bench.load.cpu [--seconds 5] [--rounds 3] [--connections 10] [--streams 60]
    .venv/bin/python -m tests.bench.load.cpu --baseline /path/to/other/checkout    # A/B, rounds interleaved

Starts the mock and the gateway as `make bench` does, warms the cache, then runs wrk on the cached body
`--rounds` times and prints, for each round and as the median, the user plus system CPU time of the server
process (its analysis process apart) per answered request; the same for the mock, the floor. With
`--streams N`, also N streamed completions one after another: the median time to the first byte through
the gateway and directly, and the gateway's CPU per stream. With `--baseline DIR`, a second gateway runs
from the source tree DIR (another worktree, say main) against the same mock, the rounds of the two taking
turns, so that whatever else loads the machine falls on both alike.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from tests.bench.load.bodies import write_all
from tests.bench.load.clients import stream_timing
from tests.bench.load.processes import HOST, Processes, cpu_seconds, free_port, wait_http
from tests.bench.load.targets import ENV, KEY, Target, gateway_config, start_mock
from tests.bench.load.wrk import run_wrk

ROOT = Path(__file__).resolve().parents[3]


def server_cpu_s(target: Target) -> float:
    """CPU seconds of the server process alone (not its analysis process, idle on cached bodies)."""
    return cpu_seconds([target.started.pid])  # type: ignore[union-attr]


def start_gateway_from(processes: Processes, folder: Path, upstream: Target, root: Path, name: str) -> Target:
    """`magic-gateway serve` (one server process) run from the source tree `root`."""
    port = free_port()
    config = gateway_config(folder, upstream, 1)
    argv = [sys.executable, "-m", "gateway.cli", "serve", "--config", str(config), "--host", HOST,
            "--port", str(port), "--workers", "1"]
    started = processes.start(name, argv, env={**ENV, "PYTHONPATH": str(root)}, cwd=root)
    target = Target(name, f"http://{HOST}:{port}", key=KEY, started=started)
    wait_http(target.url + "/readyz", started, timeout_s=300)
    return target


def cpu_round(processes: Processes, target: Target, body: Path, args: argparse.Namespace) -> float:
    """One wrk run on `body`: the server process's CPU milliseconds per answered request."""
    before = server_cpu_s(target)
    result = run_wrk(processes, target.chat_url, body, args.connections, args.seconds, key=target.key)
    used = server_cpu_s(target) - before
    if result.errors or not result.requests:
        raise SystemExit(f"{target.name}: {result.errors} errors in {result.requests} requests")
    return used / result.requests * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--streams", type=int, default=0, help="also time this many streams (0: none)")
    parser.add_argument("--baseline", type=Path, help="a source tree to run a second gateway from, A/B")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="magic-gateway-cpu-"))
    with Processes(folder) as processes:
        bodies, _ = write_all(folder)
        mock = start_mock(processes)
        gateways = [start_gateway_from(processes, folder, mock, ROOT, "this tree")]
        if args.baseline:
            gateways.append(start_gateway_from(processes, folder, mock, args.baseline.resolve(), "baseline"))
        for gateway in gateways:
            run_wrk(processes, gateway.chat_url, bodies["cached"], args.connections, 2, key=gateway.key)
        rounds: dict[str, list[float]] = {g.name: [] for g in gateways}
        for round_ in range(args.rounds):
            for gateway in gateways:
                rounds[gateway.name].append(cpu_round(processes, gateway, bodies["cached"], args))
            print(f"round {round_ + 1}: " + ", ".join(f"{n} {r[-1]:.3f} ms" for n, r in rounds.items()))
        print(f"cached passthrough, {args.connections} connections, CPU per request of the server process "
              f"(median of {args.rounds} rounds of {args.seconds:g} s): "
              + ", ".join(f"{n} {statistics.median(r):.3f} ms" for n, r in rounds.items()))
        if args.streams:
            direct = stream_timing(mock.chat_url, {}, args.streams)
            print(f"streams: first byte direct {direct.first_byte_ms:.2f} ms (median of {args.streams})")
            for gateway in gateways:
                before = server_cpu_s(gateway)
                through = stream_timing(gateway.chat_url, gateway.headers, args.streams)
                used = server_cpu_s(gateway) - before
                print(f"streams, {gateway.name}: first byte {through.first_byte_ms:.2f} ms "
                      f"(+{through.first_byte_ms - direct.first_byte_ms:.2f} ms over direct), "
                      f"{used / (args.streams + 3) * 1000:.3f} ms CPU per stream")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
