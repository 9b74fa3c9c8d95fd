"""What the 20th turn of a conversation costs against its new message sent alone, A/B against another tree.

    .venv/bin/python -m tests.bench.load.turns [--turns 20] [--samples 30] [--baseline DIR] [--relay]

Starts the mock and the gateway as `make bench` does (with `--baseline DIR`, a second gateway from the
source tree DIR against the same mock), sends the conversation's first `--turns - 1` turns once (their
messages then cached), then `--samples` times, the gateways taking turns: the conversation's last turn
(the whole history and a new message with an email address, new every time) and a new message of the
same shape sent alone (`--relay`: also through the bare aiohttp relay, the floor for forwarding the bigger
body). Prints the median latency of each and the CPU per request of the server process
and of its analysis process (the median; CPU time as the scheduler counts it, `processes.run_seconds`).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

from tests.bench.load.clients import _post, conversation_turn
from tests.bench.load.cpu import ROOT, start_gateway_from
from tests.bench.load.processes import Processes, run_seconds
from tests.bench.load.targets import Target, start_mock, start_relay

SETTLE_S = 0.005


async def timed(session: aiohttp.ClientSession, target: Target,
                body: dict[str, Any]) -> tuple[float, float, float]:
    """Latency, and CPU milliseconds of the server process and of its analysis process."""
    server = [target.started.pid]  # type: ignore[union-attr]
    analysis = [pid for pid in target.pids() if pid not in server]
    before = run_seconds(server), run_seconds(analysis)
    wall = await _post(session, target.chat_url, body, target.headers)
    await asyncio.sleep(SETTLE_S)   # what the server does after answering (its access log) counted here
    return wall, (run_seconds(server) - before[0]) * 1000, (run_seconds(analysis) - before[1]) * 1000


async def measure(gateways: list[Target], turns: int, samples: int) -> dict[str, dict[str, list[float]]]:
    salt = f"t{int(time.time())}"
    history: list[dict[str, str]] = []
    for turn in range(1, turns):
        history.append(conversation_turn(turn, salt))
        history.append({"role": "assistant", "content": f"Region {turn} revenue is in the weekly table."})
    out: dict[str, dict[str, list[float]]] = {g.name: {k: [] for k in ("last", "alone", "last_cpu", "alone_cpu",
                                                                    "last_analysis", "alone_analysis")}
                                              for g in gateways}
    async with aiohttp.ClientSession() as session:
        for gateway in gateways:   # the history analysed once (it is what a conversation's earlier turns did)
            await _post(session, gateway.chat_url, {"model": "gpt-4o", "messages": history}, gateway.headers)
        for sample in range(samples):
            for gateway in gateways:
                new = conversation_turn(turns, f"{salt}x{sample}{gateway.name[:1]}")
                wall, cpu, analysis = await timed(session, gateway, {"model": "gpt-4o", "messages": [*history, new]})
                out[gateway.name]["last"].append(wall)
                out[gateway.name]["last_cpu"].append(cpu)
                out[gateway.name]["last_analysis"].append(analysis)
                alone = conversation_turn(turns, f"{salt}y{sample}{gateway.name[:1]}")
                wall, cpu, analysis = await timed(session, gateway, {"model": "gpt-4o", "messages": [alone]})
                out[gateway.name]["alone"].append(wall)
                out[gateway.name]["alone_cpu"].append(cpu)
                out[gateway.name]["alone_analysis"].append(analysis)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--baseline", type=Path, help="a source tree to run a second gateway from, A/B")
    parser.add_argument("--relay", action="store_true", help="also the bare aiohttp relay (uvloop), the floor")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="magic-gateway-turns-"))
    with Processes(folder) as processes:
        mock = start_mock(processes)
        gateways = [start_gateway_from(processes, folder, mock, ROOT, "this tree")]
        if args.baseline:
            gateways.append(start_gateway_from(processes, folder, mock, args.baseline.resolve(), "baseline"))
        if args.relay:
            gateways.append(start_relay(processes, mock, uvloop=True))
        results = asyncio.run(measure(gateways, args.turns, args.samples))
        for name, r in results.items():
            last, alone = statistics.median(r["last"]), statistics.median(r["alone"])
            cpu = {k: statistics.median(v) for k, v in r.items() if k.endswith(("_cpu", "_analysis"))}
            print(f"{name}: turn {args.turns} {last:.2f} ms, its new message alone {alone:.2f} ms "
                  f"({last / alone:.2f}x; median of {args.samples}); CPU per request: server process "
                  f"{cpu['last_cpu']:.2f} ms against {cpu['alone_cpu']:.2f} ms, analysis process "
                  f"{cpu['last_analysis']:.2f} ms against {cpu['alone_analysis']:.2f} ms")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
