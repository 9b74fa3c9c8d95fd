"""`magic-gateway replay CASSETTE... --config PATH`: recorded requests through the gateway under a policy,
against a provider that answers from the cassette; prints what changed and exits 1 if anything did."""

from __future__ import annotations

import asyncio
import difflib
import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any, TextIO

import aiohttp
from aiohttp import web

from gateway.config import GatewayConfig, KeyConfig, ProviderConfig, RecordingConfig
from gateway.recording.cassettes import CassetteError, load_cassette, original_request
from gateway.upstream.sse import SSEEvent

REPLAY_KEY_PREFIX = "magic-gateway-replay-"
CURRENT = web.AppKey("current_cassette", dict)


def replay_provider_app() -> web.Application:
    """A provider that answers every request with the current cassette's recorded response."""
    app = web.Application(client_max_size=64 * 1024 * 1024)
    app[CURRENT] = {}

    async def answer(request: web.Request) -> web.StreamResponse:
        cassette = request.app[CURRENT]
        response = cassette.get("response") or {}
        if "events" in response:
            stream = web.StreamResponse(status=200, headers={"Content-Type": "text/event-stream"})
            await stream.prepare(request)
            for event in response["events"]:
                await stream.write(SSEEvent(data=event["data"], event=event.get("event")).encode())
            await stream.write_eof()
            return stream
        body = response.get("body")
        return web.Response(status=response.get("status", 200),
                            body=json.dumps(body).encode() if not isinstance(body, str) else body.encode(),
                            content_type="application/json")

    app.router.add_post("/{tail:.*}", answer)
    return app


def replay_config(config: GatewayConfig, provider_url: str, record_dir: str) -> GatewayConfig:
    # Every provider becomes the replay provider; a mock (which speaks both formats) stays a mock.
    providers = [ProviderConfig(name=p.name, kind=p.kind, base_url=provider_url + "/v1",
                                zero_retention=p.zero_retention, zero_training=p.zero_training, baa=p.baa)
                 for p in config.providers]
    tenants = sorted({k.tenant for k in config.keys} | set(config.tenants))
    keys = [KeyConfig(sha256=hashlib.sha256((REPLAY_KEY_PREFIX + t).encode()).hexdigest(), tenant=t,
                      user=f"replay@{t}", features=["assistant", "typeahead", "embeddings"]) for t in tenants]
    recording = RecordingConfig(dir=record_dir, all_tenants=True,
                                encryption_key_env=config.recording.encryption_key_env)
    return config.model_copy(update={"providers": providers, "keys": keys, "recording": recording,
                                     "audit": config.audit.model_copy(update={"path": None, "required": False})})


def _diff(old: dict[str, Any], new: dict[str, Any], replayed_original: bool) -> list[str]:
    changes: list[str] = []
    old_decision, new_decision = old.get("decision", {}), new.get("decision", {})
    # A redacted request screened again cannot reproduce its redaction: outcomes compare on originals.
    for field in ("status", "outcome") if replayed_original else ("status",):
        if old_decision.get(field) != new_decision.get(field):
            changes.append(f"{field}: {old_decision.get(field)} -> {new_decision.get(field)}")
    old_v = {(v["clause"], v["category"], v["action"]) for v in old_decision.get("violations", [])}
    new_v = {(v["clause"], v["category"], v["action"]) for v in new_decision.get("violations", [])}
    changes += [f"violation no longer raised: {' '.join(v)}" for v in sorted(old_v - new_v)]
    changes += [f"new violation: {' '.join(v)}" for v in sorted(new_v - old_v)]
    if replayed_original:  # offsets only compare when the same original text was screened
        def key(f: dict[str, Any]) -> tuple[Any, ...]:
            return (f["segment"], f["entity"], f["start"], f["end"], f["action"])
        old_f = {key(f) for f in old_decision.get("findings", [])}
        new_f = {key(f) for f in new_decision.get("findings", [])}
        changes += [f"finding gone: segment {s} {e} [{a}:{b}] ({act})" for s, e, a, b, act in sorted(old_f - new_f)]
        changes += [f"new finding: segment {s} {e} [{a}:{b}] ({act})" for s, e, a, b, act in sorted(new_f - old_f)]
        if old.get("forwarded") != new.get("forwarded"):
            before = json.dumps(old.get("forwarded"), indent=1, sort_keys=True).splitlines()
            after = json.dumps(new.get("forwarded"), indent=1, sort_keys=True).splitlines()
            changes.append("forwarded request changed:")
            changes += ["  " + line for line in difflib.unified_diff(before, after, "recorded", "replayed", lineterm="", n=1)]
    return changes


async def _send(session: aiohttp.ClientSession, url: str, cassette: dict[str, Any], body: dict[str, Any]) -> tuple[str, int, bytes]:
    headers = dict(cassette.get("headers") or {})
    headers["Authorization"] = f"Bearer {REPLAY_KEY_PREFIX}{cassette['tenant']}"
    async with session.post(url + cassette["path"], json=body, headers=headers) as response:
        raw = await response.read()
        return response.headers.get("X-Gateway-Request-Id", ""), response.status, raw[:300]


async def replay(config: GatewayConfig, paths: list[Path], out: TextIO) -> int:
    """Replays each cassette; returns 0 when nothing changed, 1 when something did, 2 on unusable input."""
    from gateway.server.app import build_app

    cassettes = []
    for path in paths:
        try:
            cassettes.append((path, load_cassette(path)))
        except CassetteError as error:
            out.write(f"{error}\n")
            return 2
    provider = web.AppRunner(replay_provider_app())
    await provider.setup()
    provider_site = web.TCPSite(provider, "127.0.0.1", 0)
    await provider_site.start()
    provider_port = provider_site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    changed = 0
    with tempfile.TemporaryDirectory(prefix="magic-gateway-replay-") as record_dir:
        gateway_app = build_app(replay_config(config, f"http://127.0.0.1:{provider_port}", record_dir))
        runner = web.AppRunner(gateway_app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
        from gateway.server.state import STATE

        while not gateway_app[STATE].service.ready:
            await asyncio.sleep(0.05)
        try:
            async with aiohttp.ClientSession() as session:
                for path, cassette in cassettes:
                    try:
                        body, is_original = original_request(cassette, config.recording.encryption_key_env)
                    except CassetteError as error:
                        out.write(f"{path}: {error}\n")
                        return 2
                    provider.app[CURRENT].clear()
                    provider.app[CURRENT].update(cassette)
                    request_id, status, raw = await _send(session, url, cassette, body)
                    found: list[Path] = []
                    for _ in range(100):   # a stream's record is written just after its last byte
                        found = sorted(Path(record_dir).glob(f"*-{request_id}.json"))
                        if found:
                            break
                        await asyncio.sleep(0.05)
                    if not found:
                        out.write(f"{path}: the replay left no record (HTTP {status})\n")
                        return 2
                    changes = _diff(cassette, load_cassette(found[-1]), is_original)
                    source = "original request" if is_original else "forwarded request (no key for the original)"
                    if changes:
                        changed += 1
                        out.write(f"{path}: CHANGED (replayed the {source})\n")
                        out.writelines(f"  {line}\n" for line in changes)
                    else:
                        out.write(f"{path}: unchanged (replayed the {source})\n")
        finally:
            await runner.cleanup()
            await provider.cleanup()
    out.write(f"{len(cassettes)} cassette(s), {changed} changed\n")
    return 1 if changed else 0
