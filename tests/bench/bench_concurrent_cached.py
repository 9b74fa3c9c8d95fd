"""While one request's analysis runs, a request with nothing new to analyse is not delayed; and the 20th turn
of a conversation costs about what its new message costs.

Run: .venv/bin/python -m tests.bench.bench_concurrent_cached
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from serving import KEY, base_config, free_port, wait_until_ready  # noqa: E402

HEADERS = {"Authorization": f"Bearer {KEY}"}
SMALL = {"model": "gpt-4o", "messages": [{"role": "user", "content": "Which columns of orders are nullable?"}]}


def heavy(seed: int) -> dict:
    text = " ".join(f"Customer Anna Berg{seed}x{i} wrote from anna{i}.{seed}@example.org about order {i}, "
                    f"asking Maria Lopez for a refund." for i in range(250))
    return {"model": "gpt-4o", "messages": [{"role": "user", "content": text}]}


async def post(session: aiohttp.ClientSession, url: str, body: dict) -> float:
    started = time.perf_counter()
    async with session.post(url, json=body, headers=HEADERS) as response:
        await response.read()
    return time.perf_counter() - started


async def run(url: str) -> dict:
    async with aiohttp.ClientSession() as session:
        for _ in range(5):
            await post(session, url, SMALL)
        alone = [await post(session, url, SMALL) for _ in range(50)]
        during = []
        heavy_times = []
        for seed in range(5):
            task = asyncio.create_task(post(session, url, heavy(seed)))
            await asyncio.sleep(0.005)
            while not task.done():
                during.append(await post(session, url, SMALL))
            heavy_times.append(task.result())
        history: list[dict] = []
        turns = []
        for turn in range(20):
            history.append({"role": "user", "content": f"Turn {turn}: revenue for region {turn} by week? "
                            f"Ask sam{turn}@example.org. " + "Context sentence about churn cohorts. " * 20})
            turns.append(await post(session, url, {"model": "gpt-4o", "messages": list(history)}))
            history.append({"role": "assistant", "content": f"Region {turn} revenue is in the weekly table."})
        return {"cached_alone_median_ms": round(statistics.median(alone) * 1000, 2),
                "cached_during_heavy_median_ms": round(statistics.median(during) * 1000, 2),
                "cached_requests_during_heavy": len(during),
                "heavy_uncached_median_ms": round(statistics.median(heavy_times) * 1000, 1),
                "turn_1_ms": round(turns[0] * 1000, 2), "turn_20_ms": round(turns[-1] * 1000, 2),
                "turns_2_to_20_median_ms": round(statistics.median(turns[1:]) * 1000, 2)}


def main() -> None:
    mock_port, port = free_port(), free_port()
    mock = subprocess.Popen([sys.executable, "-m", "gateway.cli", "mock", "--port", str(mock_port)], cwd=ROOT,
                            stderr=subprocess.DEVNULL)
    path = Path("/tmp/bench-concurrent.yaml")
    path.write_text(yaml.safe_dump(base_config(f"http://127.0.0.1:{mock_port}", analysis={"workers": 1})))
    gateway = subprocess.Popen([sys.executable, "-m", "gateway.cli", "serve", "--config", str(path), "--port",
                                str(port)], cwd=ROOT, stderr=subprocess.DEVNULL,
                               env={**os.environ, "TEST_OPENAI_KEY": "x", "TEST_ANTHROPIC_KEY": "x"})
    try:
        wait_until_ready(f"http://127.0.0.1:{port}")
        print(json.dumps(asyncio.run(run(f"http://127.0.0.1:{port}/v1/chat/completions")), indent=1))
    finally:
        gateway.terminate()
        mock.terminate()
        gateway.wait(10)
        mock.wait(10)


if __name__ == "__main__":
    main()
