"""Small aiohttp clients for what wrk cannot see: stream timing and a conversation turn by turn."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass
from typing import Any

import aiohttp

from tests.bench.load.bodies import chat

CONVERSATION_REPEATS = 9   # the last turn and its new message alone sent this many times more (medians of 10)


@dataclass(frozen=True)
class StreamTiming:
    first_byte_ms: float        # median from sending the request to the first byte of the body
    gap_p50_ms: float           # between two consecutive events, over every stream
    gap_p99_ms: float
    events: float               # events per stream (median)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def _streams(url: str, headers: dict[str, str], count: int) -> StreamTiming:
    first, gaps, events = [], [], []
    body = chat("Describe the weekly revenue table in one sentence.", stream=True)
    async with aiohttp.ClientSession() as session:
        for index in range(count + 3):           # three warm-up streams, not counted
            sent = time.perf_counter()
            arrivals: list[float] = []
            buffer = b""
            async with session.post(url, json=body, headers=headers) as response:
                if response.status != 200:
                    raise RuntimeError(f"{url}: HTTP {response.status}: {(await response.text())[:200]}")
                async for chunk in response.content.iter_any():
                    now = time.perf_counter()
                    if not arrivals and not buffer:
                        first_byte = now
                    buffer += chunk
                    # an event is complete at its blank line; each counts at the time its end arrived
                    while b"\n\n" in buffer:
                        _, buffer = buffer.split(b"\n\n", 1)
                        arrivals.append(now)
            if index < 3:
                continue
            first.append((first_byte - sent) * 1000)
            gaps += [(b - a) * 1000 for a, b in zip(arrivals, arrivals[1:])]
            events.append(len(arrivals))
    return StreamTiming(statistics.median(first), percentile(gaps, 50), percentile(gaps, 99),
                        statistics.median(events))


def stream_timing(url: str, headers: dict[str, str], count: int) -> StreamTiming:
    return asyncio.run(_streams(url, headers, count))


async def _post(session: aiohttp.ClientSession, url: str, body: dict[str, Any], headers: dict[str, str]) -> float:
    started = time.perf_counter()
    async with session.post(url, json=body, headers=headers) as response:
        await response.read()
        if response.status != 200:
            raise RuntimeError(f"{url}: HTTP {response.status}")
    return (time.perf_counter() - started) * 1000


def conversation_turn(turn: int, salt: str) -> dict[str, str]:
    return {"role": "user", "content": f"Turn {turn} ({salt}): what was revenue in region {turn} by week? "
            f"Ask sam.{salt}{turn}@example.org, who owns it. " + "Context about churn cohorts and retention. " * 20}


async def _conversation(url: str, headers: dict[str, str], turns: int, salt: str,
                        repeats: int = CONVERSATION_REPEATS) -> dict[str, float]:
    """A conversation where each turn adds one user message (and the mock's answer): the time of its first
    turn, and the medians of its last turn and of that turn's new message sent alone, each sent `repeats`
    times more with a new message (one request each is noise on a shared machine)."""
    history: list[dict[str, str]] = []
    times = []
    async with aiohttp.ClientSession() as session:
        await _post(session, url, chat("warm-up"), headers)
        for turn in range(1, turns + 1):
            history.append(conversation_turn(turn, salt))
            times.append(await _post(session, url, {"model": "gpt-4o", "messages": list(history)}, headers))
            history.append({"role": "assistant", "content": f"Region {turn} revenue is in the weekly table."})
        last = [times[-1]]
        alone = [await _post(session, url, {"model": "gpt-4o",
                                            "messages": [conversation_turn(turns + 1, salt)]}, headers)]
        for repeat in range(repeats):
            new = conversation_turn(turns, f"{salt}r{repeat}")
            last.append(await _post(session, url, {"model": "gpt-4o", "messages": [*history[:-2], new]}, headers))
            new = conversation_turn(turns, f"{salt}a{repeat}")
            alone.append(await _post(session, url, {"model": "gpt-4o", "messages": [new]}, headers))
    return {"first_ms": times[0], "last_ms": statistics.median(last), "alone_ms": statistics.median(alone)}


def conversation(url: str, headers: dict[str, str], turns: int, salt: str) -> dict[str, float]:
    return asyncio.run(_conversation(url, headers, turns, salt))
