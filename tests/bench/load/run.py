"""`make bench`: the gateway under load beside the mock itself, a bare aiohttp relay and LiteLLM's proxy.

    .venv/bin/python -m tests.bench.load [--seconds 6] [--long] [--no-litellm] [--workers 1 2 4]

Everything runs in this one run, on this machine, against the same mock provider (fixed short answer):
no figure is taken from another day. Each wrk run is bounded (`--seconds`); every server started here
is killed with its process group at the end, on Ctrl-C and on errors. Only 127.0.0.1 is used.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.load import litellm_proxy
from tests.bench.load.bodies import write_all
from tests.bench.load.clients import CONVERSATION_REPEATS, conversation, stream_timing
from tests.bench.load.processes import Processes
from tests.bench.load.table import Row, fmt, ratio, render
from tests.bench.load.targets import (
    Target,
    start_gateway,
    start_litellm_presidio_target,
    start_litellm_target,
    start_mock,
    start_relay,
)
from tests.bench.load.wrk import WrkResult, run_wrk, wrk_path

STREAM_EVENT_DELAY_MS = "2"   # the mock waits this long between events, so gaps are measurable


def combined(runs: list[WrkResult]) -> WrkResult:
    """The runs taken together: throughput over all of them, each latency figure the median of the runs."""
    return dataclasses.replace(runs[0], requests=sum(r.requests for r in runs), seconds=sum(r.seconds for r in runs),
                               status_errors=sum(r.status_errors for r in runs),
                               socket_errors=sum(r.socket_errors for r in runs),
                               p50_ms=statistics.median(r.p50_ms for r in runs),
                               p99_ms=statistics.median(r.p99_ms for r in runs))


class Bench:
    def __init__(self, processes: Processes, folder: Path, args: argparse.Namespace) -> None:
        self.processes, self.folder, self.args = processes, folder, args
        self.bodies, self.pii_per_text = write_all(folder)
        self.rows: list[Row] = []
        self.guarded: list[Target] = []   # LiteLLM with its Presidio guardrail: the redaction scenario only

    def log(self, message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    def wrk(self, target: Target, body: str, connections: int, seconds: float | None = None,
            unique: bool = False) -> WrkResult:
        result = run_wrk(self.processes, target.chat_url, self.bodies[body], connections,
                         seconds or self.args.seconds, unique=unique, key=target.key)
        self.log(f"{target.name:14} {body:9} c{connections:<3} {result.per_second:9,.0f} req/s  "
                 f"p50 {result.p50_ms:7.2f} ms  p99 {result.p99_ms:7.2f} ms  errors {result.errors}")
        return result

    def add(self, scenario: str, figure: str, results: dict[str, float], unit: str, note: str = "",
            errors: dict[str, int] | None = None) -> Row:
        row = Row(scenario, figure, dict(results), unit, note)
        for name, count in (errors or {}).items():
            if count:
                row.text[name] = f"{fmt(results.get(name), unit)} ({count} errors)"
        self.rows.append(row)
        return row

    def latency_rows(self, scenario: str, results: dict[str, WrkResult], target_ms: float | None) -> None:
        errors = {name: r.errors for name, r in results.items()}
        self.add(scenario, "1 connection: p50", {n: r.p50_ms for n, r in results.items()}, "ms", errors=errors)
        self.add(scenario, "1 connection: p99", {n: r.p99_ms for n, r in results.items()}, "ms")
        direct = results["direct"]
        added = {n: r.p50_ms - direct.p50_ms for n, r in results.items() if n != "direct"}
        note = ""
        if "magic-gateway" in added:
            gateway = added["magic-gateway"]
            note = f"{gateway - added['bare relay']:+.2f} ms against the bare relay"
            if target_ms is not None:
                note += f"; target < {target_ms:g} ms: {'met' if gateway < target_ms else 'missed'}"
        self.add(scenario, "1 connection: p50 added over direct", added, "ms", note)
        self.add(scenario, "1 connection: p99 added over direct",
                 {n: r.p99_ms - direct.p99_ms for n, r in results.items() if n != "direct"}, "ms")

    def throughput_row(self, scenario: str, figure: str, results: dict[str, WrkResult],
                       bare_target: float | None = None, litellm_target: float | None = None) -> None:
        rates = {n: r.per_second for n, r in results.items()}
        notes = []
        to_bare = ratio(rates.get("magic-gateway"), rates.get("bare relay"))
        to_litellm = ratio(rates.get("magic-gateway"), rates.get("LiteLLM"))
        if to_bare is not None:
            notes.append(f"{to_bare:.2f}x bare relay" + (f" (target >= {bare_target:g}x: "
                                                         f"{'met' if to_bare >= bare_target else 'missed'})"
                                                         if bare_target else ""))
        if to_litellm is not None:
            notes.append(f"{to_litellm:.1f}x LiteLLM" + (f" (target >= {litellm_target:g}x: "
                                                          f"{'met' if to_litellm >= litellm_target else 'missed'})"
                                                          if litellm_target else ""))
        self.add(scenario, figure, rates, "req/s", "; ".join(notes),
                 errors={n: r.errors for n, r in results.items()})

    def loaded(self, targets: list[Target], body: str, connections: int, unique: bool,
               cpu: dict[str, float] | None = None) -> dict[str, WrkResult]:
        """`--rounds` wrk runs per target, the targets taking turns (the machine's other load then falls on
        all of them alike), taken together. With `cpu`, its CPU ms per request goes into it."""
        rounds: dict[str, list[WrkResult]] = {t.name: [] for t in targets}
        spent: dict[str, float] = {t.name: 0.0 for t in targets}
        for _ in range(self.args.rounds):
            for target in targets:
                before = target.cpu_s()
                rounds[target.name].append(self.wrk(target, body, connections, unique=unique))
                spent[target.name] += target.cpu_s() - before
        results = {name: combined(runs) for name, runs in rounds.items()}
        if cpu is not None:
            for name, runs in rounds.items():
                requests = sum(r.requests for r in runs)
                if requests:
                    cpu[name] = spent[name] * 1000 / requests
        return results

    # 1. Every segment cached: the gateway's own cost on a turn with nothing new to analyse.
    def cached(self, targets: list[Target]) -> None:
        scenario = "1. cached passthrough"
        for target in targets:
            self.wrk(target, "cached", 10, seconds=1)          # warm-up: analysed once, then cached
        self.latency_rows(scenario, self.loaded(targets, "cached", 1, False), 0.5)
        cpu: dict[str, float] = {}
        self.throughput_row(scenario, "req/s, 10 connections", self.loaded(targets, "cached", 10, False, cpu),
                            bare_target=0.5, litellm_target=30)
        self.add(scenario, "CPU per request, 10 connections", cpu, "ms")
        self.c64 = self.loaded(targets, "cached", 64, False)
        self.throughput_row(scenario, "req/s, 64 connections", self.c64, bare_target=0.5)

    # 2. Unique short prompts: every request analysed (cold cache).
    def fresh(self, targets: list[Target]) -> None:
        scenario = "2. fresh short prompts"
        self.latency_rows(scenario, self.loaded(targets, "fresh", 1, True), 5.0)
        self.throughput_row(scenario, "req/s, 10 connections", self.loaded(targets, "fresh", 10, True))

    # 3. Streams: time to the first byte and between events, the mock pausing between events.
    def streaming(self, targets: list[Target]) -> None:
        scenario = "3. streaming (mock: 2 ms between events)"
        timings = {}
        for target in targets:
            if target.name == "LiteLLM":
                continue   # it does not forward the mock's x-mock-* header, so its stream has no pauses
            headers = {**target.headers, "x-mock-event-delay-ms": STREAM_EVENT_DELAY_MS}
            timings[target.name] = timing = stream_timing(target.chat_url, headers, self.args.streams)
            self.log(f"{target.name:14} stream    first byte {timing.first_byte_ms:.2f} ms  gap p50 "
                     f"{timing.gap_p50_ms:.2f} p99 {timing.gap_p99_ms:.2f} ms  events {timing.events:g}")
        direct = timings["direct"].first_byte_ms
        added = {n: t.first_byte_ms - direct for n, t in timings.items() if n != "direct"}
        gateway = added.get("magic-gateway")
        self.add(scenario, "time to first byte (median)", {n: t.first_byte_ms for n, t in timings.items()}, "ms")
        self.add(scenario, "first byte added over direct", added, "ms",
                 f"target < 1 ms: {'met' if gateway is not None and gateway < 1 else 'missed'}")
        self.add(scenario, "between events p50", {n: t.gap_p50_ms for n, t in timings.items()}, "ms")
        self.add(scenario, "between events p99", {n: t.gap_p99_ms for n, t in timings.items()}, "ms",
                 "the gateway holds text back to the end of a word (at most 64 characters) to restore and mask")
        self.add(scenario, "events per stream", {n: t.events for n, t in timings.items()}, "")

    # 4. Redaction: unique 2 KB prompts with PII; a conversation growing by one message a turn.
    def redaction(self, targets: list[Target]) -> None:
        scenario = f"4. redaction, unique 2 KB prompts ({self.pii_per_text:.1f} PII values each)"
        self.latency_rows(scenario, self.loaded(targets + self.guarded, "redaction", 1, True), None)
        cpu: dict[str, float] = {}
        results = self.loaded(targets + self.guarded, "redaction", 10, True, cpu)
        self.throughput_row(scenario, "req/s, 10 connections", results, litellm_target=2)
        if self.guarded:
            to_guarded = ratio(results["magic-gateway"].per_second, results["LiteLLM + Presidio"].per_second)
            if to_guarded is not None:
                self.rows[-1].note += (f"; {to_guarded:.1f}x LiteLLM with its Presidio guardrail (target >= 25x: "
                                       f"{'met' if to_guarded >= 25 else 'missed'})")
        self.add(scenario, "CPU per request, 10 connections", cpu, "ms")
        scenario = "4. 20-turn conversation (~900 characters a turn)"
        turns = {}
        for target in targets:
            if target.name in ("direct", "magic-gateway"):
                turns[target.name] = conversation(target.chat_url, target.headers, 20, f"t{int(time.time())}")
        self.add(scenario, "turn 1", {n: t["first_ms"] for n, t in turns.items()}, "ms")
        self.add(scenario, f"turn 20 (median of {CONVERSATION_REPEATS + 1})", {n: t["last_ms"] for n, t in turns.items()}, "ms")
        gateway = turns["magic-gateway"]
        self.add(scenario, f"turn 20's new message sent alone (median of {CONVERSATION_REPEATS + 1})",
                 {n: t["alone_ms"] for n, t in turns.items()}, "ms",
                 f"turn 20 costs {gateway['last_ms'] / gateway['alone_ms']:.2f}x its new message alone")

    def memory(self, gateway: Target, litellm: Target | None, label: str) -> None:
        scenario = "6. resident memory"
        parts = gateway.memory()
        server = sum(mb for role, mb in parts if role == "server")
        analysis = [mb for role, mb in parts if role == "analysis"]
        row = self.add(scenario, f"server + analysis processes, {label}", {}, "MB")
        total = server + (analysis[0] if analysis else 0)
        row.text["magic-gateway"] = f"{server:,.0f} + {' + '.join(f'{mb:,.0f}' for mb in analysis)} MB"
        row.note = (f"server and one analysis process: {total:,.0f} MB (target < 350 MB: "
                    f"{'met' if total < 350 else 'missed'})")
        if litellm is not None:
            row.values["LiteLLM"] = sum(mb for _, mb in litellm.memory())
        for guarded in self.guarded:
            row.values[guarded.name] = sum(mb for _, mb in guarded.memory())
        self.last_total = total

    def long_run(self, gateway: Target, minutes: float) -> None:
        """Alternating cached and unique redaction load for `minutes`, resident memory sampled each round."""
        samples = []
        deadline = time.monotonic() + minutes * 60
        while time.monotonic() < deadline:
            self.wrk(gateway, "redaction", 10, seconds=20, unique=True)
            self.wrk(gateway, "cached", 10, seconds=10)
            parts = gateway.memory()
            samples.append(sum(mb for _, mb in parts))
        self.add("6. resident memory", f"gateway tree, {minutes:g}-minute run (first / last round)",
                 {}, "MB", f"growth {samples[-1] - samples[0]:+,.0f} MB over {len(samples)} rounds").text[
            "magic-gateway"] = f"{samples[0]:,.0f} / {samples[-1]:,.0f} MB"

    # 5. Several server processes sharing the port, against one (same load generator, same cores).
    def workers(self, mock: Target, counts: list[int]) -> None:
        one = self.c64["magic-gateway"].per_second
        for count in counts:
            if count == 1:
                continue
            self.log(f"starting the gateway with --workers {count}")
            gateway = start_gateway(self.processes, self.folder, mock, workers=count)
            self.wrk(gateway, "cached", 64, seconds=2)   # warm every process's cache
            result = combined([self.wrk(gateway, "cached", 64) for _ in range(self.args.rounds)])
            self.processes.stop(gateway.started)  # type: ignore[arg-type]
            row = self.add("5. server processes (cached, 64 connections)", f"--workers {count}", {}, "req/s",
                           f"{result.per_second / one:.2f}x one process ({one:,.0f} req/s)")
            row.values["magic-gateway"] = result.per_second


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4, help="length of each wrk run (default 4)")
    parser.add_argument("--rounds", type=int, default=2, help="wrk runs per target and figure (default 2)")
    parser.add_argument("--long", action="store_true", help="add the ten-minute memory run")
    parser.add_argument("--long-minutes", type=float, default=10, help=argparse.SUPPRESS)
    parser.add_argument("--no-litellm", action="store_true", help="leave LiteLLM's proxy out")
    parser.add_argument("--scenarios", type=int, nargs="+", default=[1, 2, 3, 4, 5, 6],
                        help="only these scenarios (5 needs 1); memory is always measured")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4], help="server process counts")
    parser.add_argument("--streams", type=int, default=60, help="streams per target")
    parser.add_argument("--relay-uvloop", action="store_true", help="run the bare relay on uvloop")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    wrk_path()
    folder = Path(tempfile.mkdtemp(prefix="magic-gateway-bench-"))
    started_at = datetime.datetime.now(datetime.UTC)
    ok = False
    try:
        with Processes(folder) as processes:
            bench = Bench(processes, folder, args)
            bench.log(f"logs and generated files in {folder}")
            mock = start_mock(processes)
            relay = start_relay(processes, mock, args.relay_uvloop)
            gateway = start_gateway(processes, folder, mock)
            litellm = None
            if args.no_litellm:
                bench.log("LiteLLM left out (--no-litellm)")
            elif not litellm_proxy.installed():
                bench.log(f"LiteLLM left out: no venv; install it with: {litellm_proxy.install_hint()}")
            else:
                litellm = start_litellm_target(processes, folder, mock)
                if not litellm_proxy.presidio_installed():
                    bench.log("LiteLLM with its Presidio guardrail left out: presidio-anonymizer is not in its venv "
                              "(make bench-litellm installs it)")
                elif 4 in args.scenarios:
                    bench.guarded = [start_litellm_presidio_target(processes, folder, mock)]
            targets = [t for t in (mock, relay, gateway, litellm) if t is not None]
            bench.memory(gateway, litellm, "after start-up")
            for number, scenario in ((1, bench.cached), (2, bench.fresh), (3, bench.streaming),
                                     (4, bench.redaction)):
                if number in args.scenarios:
                    scenario(targets)
            if args.long:
                bench.long_run(gateway, args.long_minutes)
            bench.memory(gateway, litellm, "after the run")
            after_start = next(r for r in bench.rows if r.figure.endswith("after start-up"))
            bench.rows[-1].note += f"; {bench.last_total - _total(after_start):+,.0f} MB since start-up"
            if litellm is not None:
                processes.stop(litellm.started)  # type: ignore[arg-type]
            for guarded in bench.guarded:
                processes.stop(guarded.started)  # type: ignore[arg-type]
                for helper in guarded.helpers:
                    processes.stop(helper)
            processes.stop(gateway.started)  # type: ignore[arg-type]
            if 1 in args.scenarios and 5 in args.scenarios:
                bench.workers(mock, args.workers)
        order = ["1.", "2.", "3.", "4.", "5.", "6."]
        rows = sorted(bench.rows, key=lambda r: order.index(r.scenario[:2]))
        title = (f"magic-gateway `make bench`, {started_at:%Y-%m-%d %H:%M} UTC, {platform.node() or 'this machine'} "
                 f"({_cpus()}), wrk: {args.rounds} runs of {args.seconds:g} s per figure, LiteLLM "
                 f"{litellm_proxy.VERSION if litellm is not None else 'not run'}")
        table = render(rows, title)
        print(table)
        if args.out:
            args.out.write_text(table + "\n")
        ok = True
        return 0
    except KeyboardInterrupt:
        print("interrupted: every server started was stopped", file=sys.stderr)
        return 130
    finally:
        if ok:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"logs kept in {folder}", file=sys.stderr)


def _total(row: Row) -> float:
    text = row.text["magic-gateway"].removesuffix(" MB").replace(",", "")
    parts = [float(p) for p in text.split(" + ")]
    return parts[0] + (parts[1] if len(parts) > 1 else 0)


def _cpus() -> str:
    return f"{os.cpu_count()} CPUs"


if __name__ == "__main__":
    raise SystemExit(main())

