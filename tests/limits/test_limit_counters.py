"""The limits' counters: the same all-or-nothing contract in memory, in the host's SQLite file and in a
real redis-server, and one count across processes (the SQLite file of `serve --workers N`)."""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.synchronize
import time
from pathlib import Path

import pytest

from gateway.limits.counters import MemoryCounters, Take
from gateway.limits.redis_counters import RedisCounters
from gateway.limits.sqlite_counters import SqliteCounters


@pytest.fixture(params=["memory", "sqlite", "redis"])
async def counters(request, redis_server, tmp_path: Path):  # type: ignore[no-untyped-def]
    made = {"memory": lambda: MemoryCounters(), "sqlite": lambda: SqliteCounters(str(tmp_path / "c.sqlite3")),
            "redis": lambda: RedisCounters(redis_server.url)}[request.param]()
    yield made
    await made.close()


async def test_take_is_all_or_nothing(counters) -> None:  # type: ignore[no-untyped-def]
    a, b = f"t{time.monotonic_ns()}:a", f"t{time.monotonic_ns()}:b"
    assert await counters.take([Take(a, 3, 5, 60), Take(b, 1, 2, 60)]) is None
    assert await counters.take([Take(a, 2, 5, 60), Take(b, 1, 2, 60)]) is None     # exactly at both ceilings
    assert await counters.take([Take(a, 0, 5, 60), Take(b, 1, 2, 60)]) == 1        # b would pass its ceiling
    assert await counters.take([Take(a, 1, 5, 60)]) == 0                             # a is full: nothing was added
    await counters.adjust([(a, -4)])                                                 # settled below the estimate
    assert await counters.take([Take(a, 4, 5, 60)]) is None
    assert await counters.take([Take(a, 1, 5, 60)]) == 0


async def test_an_ended_window_starts_again_and_is_not_settled(counters) -> None:  # type: ignore[no-untyped-def]
    key = f"t{time.monotonic_ns()}:w"
    assert await counters.take([Take(key, 2, 2, 0.3)]) is None
    assert await counters.take([Take(key, 1, 2, 0.3)]) == 0
    await asyncio.sleep(0.5)
    await counters.adjust([(key, 5)])          # the window is over: its settlement goes nowhere
    assert await counters.take([Take(key, 2, 2, 60)]) is None


async def test_concurrent_takes_never_pass_the_ceiling(counters) -> None:  # type: ignore[no-untyped-def]
    key = f"t{time.monotonic_ns()}:c"
    results = await asyncio.gather(*(counters.take([Take(key, 1, 25, 60)]) for _ in range(60)))
    assert results.count(None) == 25 and results.count(0) == 35


def _take_many(path: str, key: str, times: int, out: "multiprocessing.Queue[int]") -> None:
    async def run() -> int:
        counters = SqliteCounters(path)
        taken = 0
        for _ in range(times):
            taken += await counters.take([Take(key, 1, 150, 60)]) is None
        await counters.close()
        return taken
    out.put(asyncio.run(run()))


def test_processes_of_one_host_share_one_count(tmp_path: Path) -> None:
    """Three processes take 100 each from one ceiling of 150: 150 in all, however they interleave."""
    context = multiprocessing.get_context("spawn")
    out: multiprocessing.Queue[int] = context.Queue()
    path = str(tmp_path / "shared.sqlite3")
    workers = [context.Process(target=_take_many, args=(path, "host:key", 100, out)) for _ in range(3)]
    for worker in workers:
        worker.start()
    taken = [out.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(30)
    assert sum(taken) == 150


def _open_at_once(folder: str, rounds: int, barrier: "multiprocessing.synchronize.Barrier",
                  out: "multiprocessing.Queue[list[str]]") -> None:
    async def run() -> list[str]:
        failures = []
        for round_ in range(rounds):
            counters = SqliteCounters(str(Path(folder) / f"new-{round_}.sqlite3"))
            barrier.wait()
            try:
                await counters.take([Take("host:key", 1, 1000, 60)])
            except Exception as error:   # what a process starting at once would see
                failures.append(f"round {round_}: {error}")
            await counters.close()
        return failures
    out.put(asyncio.run(run()))


def test_processes_starting_at_once_all_open_a_new_file(tmp_path: Path) -> None:
    """`serve --workers N` starts its processes together: each opening a file none has made yet (switching
    it to WAL, creating its tables) found it locked about once in 35 openings before they were retried."""
    context = multiprocessing.get_context("spawn")
    out: multiprocessing.Queue[list[str]] = context.Queue()
    barrier = context.Barrier(6)
    workers = [context.Process(target=_open_at_once, args=(str(tmp_path), 25, barrier, out)) for _ in range(6)]
    for worker in workers:
        worker.start()
    failures = [failure for _ in workers for failure in out.get(timeout=120)]
    for worker in workers:
        worker.join(30)
    assert failures == []


async def test_sums_add_up_and_expire(counters) -> None:  # type: ignore[no-untyped-def]
    a, b = f"t{time.monotonic_ns()}:sa", f"t{time.monotonic_ns()}:sb"
    await counters.add_sums({a: {"x|requests": 2, "x|micro_usd": 150}, b: {"y|requests": 1}}, 60)
    await counters.add_sums({a: {"x|requests": 3, "z|requests": 1}}, 60)
    assert await counters.read_sums([a, b, "nothing-here"]) == [
        {"x|requests": 5, "x|micro_usd": 150, "z|requests": 1}, {"y|requests": 1}, {}]
    await counters.add_sums({b: {"y|requests": 1}}, 0.3)   # b keeps the expiry it was created with
    short = f"t{time.monotonic_ns()}:sc"
    await counters.add_sums({short: {"y|requests": 4}}, 0.3)
    await asyncio.sleep(0.5)
    assert await counters.read_sums([b, short]) == [{"y|requests": 2}, {}]
