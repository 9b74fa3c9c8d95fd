"""Gateway overhead: the same chat request straight to the mock provider and through the gateway.

After the first request every segment is cached, so the difference is the gateway's own cost on a
conversation turn with nothing new to analyse. Run: .venv/bin/python tests/bench/bench_gateway_overhead.py
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import aiohttp
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from serving import KEY, base_config, free_port, wait_until_ready  # noqa: E402

BODY = {"model": "gpt-4o", "messages": [
    {"role": "system", "content": "You are a data assistant."},
    {"role": "user", "content": "Which columns of orders are nullable?\n```sql\nSELECT * FROM orders LIMIT 5\n```"},
    {"role": "assistant", "content": "customer_email and shipped_at are nullable."},
    {"role": "user", "content": "Email maria.lopez@northwind-health.com the list of nullable columns."}]}


async def timed(url: str, headers: dict[str, str], count: int) -> list[float]:
    times = []
    async with aiohttp.ClientSession() as session:
        for _ in range(count):
            started = time.perf_counter()
            async with session.post(url, json=BODY, headers=headers) as response:
                await response.read()
                assert response.status == 200, response.status
            times.append(time.perf_counter() - started)
    return times


def main(count: int = 300) -> None:
    mock_port, gateway_port = free_port(), free_port()
    mock = subprocess.Popen([sys.executable, "-m", "gateway.cli", "mock", "--port", str(mock_port)], cwd=ROOT,
                            stderr=subprocess.DEVNULL)
    config_path = Path("/tmp/bench-gateway.yaml")
    config_path.write_text(yaml.safe_dump(base_config(f"http://127.0.0.1:{mock_port}", analysis={"workers": 1})))
    gateway = subprocess.Popen([sys.executable, "-m", "gateway.cli", "serve", "--config", str(config_path),
                                "--port", str(gateway_port)], cwd=ROOT, stderr=subprocess.DEVNULL,
                               env={**__import__("os").environ, "TEST_OPENAI_KEY": "x", "TEST_ANTHROPIC_KEY": "x"})
    try:
        wait_until_ready(f"http://127.0.0.1:{gateway_port}")
        direct = f"http://127.0.0.1:{mock_port}/v1/chat/completions"
        through = f"http://127.0.0.1:{gateway_port}/v1/chat/completions"
        asyncio.run(timed(through, {"Authorization": f"Bearer {KEY}"}, 5))   # warm: analyse once, then cached
        asyncio.run(timed(direct, {}, 5))
        base = asyncio.run(timed(direct, {}, count))
        gw = asyncio.run(timed(through, {"Authorization": f"Bearer {KEY}"}, count))
        b, g = statistics.median(base) * 1000, statistics.median(gw) * 1000
        print(json.dumps({"requests": count, "direct_median_ms": round(b, 3), "gateway_median_ms": round(g, 3),
                          "overhead_median_ms": round(g - b, 3), "ratio": round(g / b, 2)}, indent=1))
        with urllib.request.urlopen(f"http://127.0.0.1:{gateway_port}/metrics") as response:
            hits = [l for l in response.read().decode().splitlines() if l.startswith("magic_gateway_analysis_cache_total")]
        print("\n".join(hits))
    finally:
        gateway.terminate()
        mock.terminate()
        gateway.wait(10)
        mock.wait(10)


if __name__ == "__main__":
    main()
