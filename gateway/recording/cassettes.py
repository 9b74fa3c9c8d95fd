"""Cassettes: a request as it was forwarded (already redacted), the gateway's decision, and the response
as it came back (streams event by event, with timing). The original request is kept only when the config
gives an encryption key, and then only encrypted (Fernet: AES-128-CBC with HMAC-SHA256)."""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gateway.upstream.sse import SSEEvent

CASSETTE_VERSION = 1
CAPTURED_HEADERS = ("x-data-class", "x-human-reviewer", "x-agent-name", "anthropic-version", "anthropic-beta")


class CassetteError(Exception):
    pass


def fernet(key_env: str | None):  # type: ignore[no-untyped-def]
    """The Fernet cipher for the key in the named environment variable, or None."""
    if not key_env or not os.environ.get(key_env):
        return None
    from cryptography.fernet import Fernet

    try:
        return Fernet(os.environ[key_env].encode())
    except ValueError:
        raise CassetteError(f"{key_env} is not a Fernet key (32 url-safe base64-encoded bytes); make one with "
                            "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'") from None


@dataclass
class Recording:
    api: str
    path: str
    tenant: str
    headers: dict[str, str]
    original: dict[str, Any] | None
    started: float = field(default_factory=time.monotonic)
    stream: bool = False
    decision: dict[str, Any] = field(default_factory=dict)
    forwarded: dict[str, Any] | None = None
    response: dict[str, Any] | None = None
    events: list[dict[str, Any]] = field(default_factory=list)

    def add_event(self, event: SSEEvent) -> None:
        self.events.append({"t": round(time.monotonic() - self.started, 4), "event": event.event, "data": event.data})


class CassetteRecorder:
    def __init__(self, directory: Path, key_env: str | None) -> None:
        self.directory = directory
        self._cipher = fernet(key_env)
        directory.mkdir(parents=True, exist_ok=True)

    def start(self, api: str, path: str, tenant: str, headers: dict[str, str], body: dict[str, Any]) -> Recording:
        captured = {k: v for k, v in headers.items() if k.lower() in CAPTURED_HEADERS}
        return Recording(api=api, path=path, tenant=tenant, headers=captured,
                         original=body if self._cipher is not None else None)

    def save(self, recording: Recording, request_id: str, status: int) -> Path:
        cassette: dict[str, Any] = {
            "version": CASSETTE_VERSION,
            "recorded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "request_id": request_id,
            "api": recording.api,
            "path": recording.path,
            "tenant": recording.tenant,
            "headers": recording.headers,
            "stream": recording.stream,
            "decision": {**recording.decision, "status": status},
            "forwarded": recording.forwarded,
            "response": recording.response,
        }
        if recording.events:
            cassette["response"] = {**(recording.response or {}), "events": recording.events}
        if recording.original is not None and self._cipher is not None:
            token = self._cipher.encrypt(json.dumps(recording.original).encode())
            cassette["original"] = {"encrypted": token.decode()}
        text = json.dumps(cassette, indent=1, ensure_ascii=True)
        stamp = time.strftime('%Y%m%dT%H%M%S')
        path = self.directory / f"{stamp}-{request_id}.json"
        try:   # never over another cassette: a client may send the same X-Request-Id again (or another tenant's)
            with path.open("x", encoding="utf-8") as out:
                out.write(text)
        except FileExistsError:
            path = self.directory / f"{stamp}-{request_id}-{uuid.uuid4().hex[:12]}.json"
            with path.open("x", encoding="utf-8") as out:
                out.write(text)
        return path


def load_cassette(path: Path) -> dict[str, Any]:
    try:
        cassette = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CassetteError(f"{path}: not a readable cassette ({type(error).__name__})") from None
    if not isinstance(cassette, dict) or cassette.get("version") != CASSETTE_VERSION:
        raise CassetteError(f"{path}: not a cassette of version {CASSETTE_VERSION}")
    return cassette


def original_request(cassette: dict[str, Any], key_env: str | None) -> tuple[dict[str, Any], bool]:
    """The request to replay: the encrypted original when the key is there, else the forwarded one."""
    sealed = (cassette.get("original") or {}).get("encrypted")
    cipher = fernet(key_env)
    if sealed and cipher is not None:
        from cryptography.fernet import InvalidToken

        try:
            return json.loads(cipher.decrypt(sealed.encode())), True
        except InvalidToken:
            raise CassetteError("the cassette's original request does not decrypt with this key") from None
    if cassette.get("forwarded") is None:
        raise CassetteError("the cassette holds no forwarded request and no original one could be decrypted")
    return cassette["forwarded"], False
