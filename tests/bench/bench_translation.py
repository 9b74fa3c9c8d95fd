"""Added latency of wire-format translation on a cached passthrough.

The same conversation through the gateway to the mock provider, once to a deployment of the caller's
own format and once to one of the other format (translated both ways), plain and streamed, for both
SDK shapes. The mock's own time for each format is measured directly and taken off, so the figure is
what translation adds to the gateway's overhead. After the warm-up every segment is cached.
Run: .venv/bin/python -m tests.bench.bench_translation
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
from typing import Any

import aiohttp
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from serving import KEY, base_config, free_port, wait_until_ready  # noqa: E402

TURNS = [{"role": "user", "content": "Which columns of orders are nullable?\n```sql\nSELECT * FROM orders LIMIT 5\n```"},
         {"role": "assistant", "content": "customer_email and shipped_at are nullable."},
         {"role": "user", "content": "Email maria.lopez@northwind-health.com the list of nullable columns."}]
SYSTEM = "You are a data assistant."


def chat_body(model: str, stream: bool) -> dict[str, Any]:
    return {"model": model, "stream": stream, "messages": [{"role": "system", "content": SYSTEM}, *TURNS]}


def messages_body(model: str, stream: bool) -> dict[str, Any]:
    return {"model": model, "stream": stream, "max_tokens": 256, "system": SYSTEM, "messages": TURNS}


async def interleaved(series: dict[str, tuple[str, dict[str, Any], dict[str, str]]],
                      count: int) -> dict[str, list[float]]:
    """One request of each series per round, so the shared machine's noise falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in series}
    async with aiohttp.ClientSession() as session:
        for _ in range(count):
            for name, (url, body, headers) in series.items():
                started = time.perf_counter()
                async with session.post(url, json=body, headers=headers) as response:
                    await response.read()
                    assert response.status == 200, (response.status, await response.text())
                times[name].append(time.perf_counter() - started)
    return times


def translation_cpu_us(count: int = 2000) -> dict[str, float]:
    """CPU time of the translators alone, per request: the body there and the answer back."""
    from gateway.translate import pick

    chat, messages = pick("openai.chat", "anthropic"), pick("anthropic.messages", "openai")
    assert chat is not None and messages is not None
    reply_anthropic = {"id": "msg_1", "type": "message", "role": "assistant", "model": "m", "stop_reason": "end_turn",
                       "content": [{"type": "text", "text": TURNS[-1]["content"]}],
                       "usage": {"input_tokens": 40, "output_tokens": 12}}
    reply_chat = {"id": "c", "object": "chat.completion", "created": 1, "model": "m", "choices": [
        {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": TURNS[-1]["content"]}}],
        "usage": {"prompt_tokens": 40, "completion_tokens": 12, "total_tokens": 52}}
    out = {}
    for name, translator, body, reply in (("openai_sdk_to_anthropic_format", chat, chat_body("m", False),
                                           reply_anthropic),
                                          ("anthropic_sdk_to_openai_format", messages, messages_body("m", False),
                                           reply_chat)):
        started = time.process_time()
        for _ in range(count):
            translator.response(reply, translator.request(body))
        out[name] = round((time.process_time() - started) / count * 1e6, 1)
    return out


def median_ms(times: list[float]) -> float:
    return round(statistics.median(times) * 1000, 3)


def main(count: int = 600) -> None:
    mock_port, gateway_port = free_port(), free_port()
    mock = subprocess.Popen([sys.executable, "-m", "gateway.cli", "mock", "--port", str(mock_port)], cwd=ROOT,
                            stderr=subprocess.DEVNULL)
    config_path = Path("/tmp/bench-translation.yaml")
    config_path.write_text(yaml.safe_dump(base_config(f"http://127.0.0.1:{mock_port}", analysis={"workers": 1})))
    gateway = subprocess.Popen([sys.executable, "-m", "gateway.cli", "serve", "--config", str(config_path),
                                "--port", str(gateway_port)], cwd=ROOT, stderr=subprocess.DEVNULL,
                               env={**os.environ, "TEST_OPENAI_KEY": "x", "TEST_ANTHROPIC_KEY": "x"})
    mock_url, gw_url = f"http://127.0.0.1:{mock_port}/v1", f"http://127.0.0.1:{gateway_port}/v1"
    auth = {"Authorization": f"Bearer {KEY}"}
    anthropic_headers = {"anthropic-version": "2023-06-01"}
    results: dict[str, Any] = {"requests_per_series": count}
    try:
        wait_until_ready(f"http://127.0.0.1:{gateway_port}")
        for stream in (False, True):
            kind = "stream" if stream else "plain"
            series = {
                # (url, body, headers): the mock directly in each format, then the gateway native and translated
                "mock_chat": (mock_url + "/chat/completions", chat_body("gpt-4o", stream), {}),
                "mock_messages": (mock_url + "/messages", messages_body("claude-sonnet-4-6", stream),
                                  anthropic_headers),
                "openai_native": (gw_url + "/chat/completions", chat_body("gpt-4o", stream), auth),
                "openai_to_anthropic": (gw_url + "/chat/completions", chat_body("claude-sonnet-4-6", stream), auth),
                "anthropic_native": (gw_url + "/messages", messages_body("claude-sonnet-4-6", stream),
                                     {**auth, **anthropic_headers}),
                "anthropic_to_openai": (gw_url + "/messages", messages_body("gpt-4o", stream),
                                        {**auth, **anthropic_headers}),
            }
            asyncio.run(interleaved(series, 5))   # warm: analysed once, then cached
            ms = {name: median_ms(times) for name, times in asyncio.run(interleaved(series, count)).items()}
            # gateway overhead = gateway median - the mock's own median for the format the mock answered in
            overhead = {
                "openai_native": ms["openai_native"] - ms["mock_chat"],
                "openai_to_anthropic": ms["openai_to_anthropic"] - ms["mock_messages"],
                "anthropic_native": ms["anthropic_native"] - ms["mock_messages"],
                "anthropic_to_openai": ms["anthropic_to_openai"] - ms["mock_chat"],
            }
            results[kind] = {"median_ms": ms, "gateway_overhead_ms": {k: round(v, 3) for k, v in overhead.items()},
                             "added_by_translation_ms": {
                                 "openai_sdk_to_anthropic_format": round(
                                     overhead["openai_to_anthropic"] - overhead["openai_native"], 3),
                                 "anthropic_sdk_to_openai_format": round(
                                     overhead["anthropic_to_openai"] - overhead["anthropic_native"], 3)}}
        results["translator_cpu_us_per_request"] = translation_cpu_us()
        print(json.dumps(results, indent=1))
    finally:
        gateway.terminate()
        mock.terminate()
        gateway.wait(10)
        mock.wait(10)


if __name__ == "__main__":
    main()
