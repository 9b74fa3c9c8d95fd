"""Where the 20th turn of a conversation spends its time: py-spy on the server process and on its analysis
process while the conversation's last turn is sent again and again, each time with a new message.

    .venv/bin/pip install py-spy       # not a dependency: a profiling tool
    .venv/bin/python -m tests.bench.load.turns_profile [--turns 20] [--seconds 20] [--top 25] [--alone]

Starts the mock and the gateway as `make bench` does, sends the conversation's first `--turns - 1` turns
once (as `tests.bench.load.turns` does), then for `--seconds` one request after another: the whole history
and a new message with an email address (`--alone`: the new message on its own, the comparison). Prints
the functions with the most samples in each process, by self time and by total time.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

from tests.bench.load.clients import _post, conversation_turn
from tests.bench.load.cpu import ROOT, start_gateway_from
from tests.bench.load.processes import Processes, cpu_seconds
from tests.bench.load.profile import py_spy, top
from tests.bench.load.targets import Target, start_mock


async def load(gateway: Target, turns: int, seconds: float, alone: bool) -> int:
    salt = f"p{int(time.time())}"
    history: list[dict[str, Any]] = []
    for turn in range(1, turns):
        history.append(conversation_turn(turn, salt))
        history.append({"role": "assistant", "content": f"Region {turn} revenue is in the weekly table."})
    sent = 0
    async with aiohttp.ClientSession() as session:
        await _post(session, gateway.chat_url, {"model": "gpt-4o", "messages": history}, gateway.headers)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            new = conversation_turn(turns, f"{salt}x{sent}")
            await _post(session, gateway.chat_url, {"model": "gpt-4o", "messages": [new] if alone else [*history, new]},
                        gateway.headers)
            sent += 1
    return sent


def _worker(pids: list[int]) -> int:
    """The analysis worker among the server's children (not multiprocessing's resource tracker)."""
    for pid in pids:
        if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace"):
            return pid
    raise SystemExit(f"no analysis process among {pids}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--alone", action="store_true", help="send the new message alone instead")
    parser.add_argument("--keep", help="also copy py-spy's collapsed stacks to KEEP.server and KEEP.analysis")
    args = parser.parse_args()
    spy = py_spy()
    folder = Path(tempfile.mkdtemp(prefix="magic-gateway-turns-profile-"))
    with Processes(folder) as processes:
        mock = start_mock(processes)
        gateway = start_gateway_from(processes, folder, mock, ROOT, "gateway")
        server = gateway.started.pid  # type: ignore[union-attr]
        analysis = [pid for pid in gateway.pids() if pid != server]
        outs = {"server process": folder / "server.txt", "analysis process": folder / "analysis.txt"}
        samplers = [processes.start(f"py-spy-{i}", [spy, "record", "--gil", "--format", "raw", "--rate", "250",
                                                   "--duration", str(round(args.seconds)), "--output", str(out),
                                                   "--pid", str(pid)])
                    for i, (out, pid) in enumerate(zip(outs.values(), [server, _worker(analysis)]))]
        before = cpu_seconds([server]), cpu_seconds(analysis)
        sent = asyncio.run(load(gateway, args.turns, args.seconds, args.alone))
        used = (cpu_seconds([server]) - before[0]) * 1000 / sent, (cpu_seconds(analysis) - before[1]) * 1000 / sent
        for sampler in samplers:
            sampler.process.wait(args.seconds + 30)
        what = "the new message alone" if args.alone else f"turn {args.turns}"
        print(f"{what}: {sent} requests; CPU per request: server process {used[0]:.2f} ms, "
              f"analysis process {used[1]:.2f} ms\n")
        for name, out in outs.items():
            print(f"== {name}")
            print(top(out, args.top) if out.exists() else "(no samples)")
            print()
            if args.keep:
                shutil.copyfile(out, f"{args.keep}.{name.split()[0]}")
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
