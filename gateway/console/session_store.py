"""Where console sessions are kept: this process's memory, or a directory the server processes share.

`serve --workers N` runs N processes on one port; a session opened in one must be known to the others,
so they keep sessions as files in one private directory (MAGIC_GATEWAY_CONSOLE_SESSIONS, made by
`serve`, or `console.sessions_dir`). A file is named by the sha256 of the session id, so the directory
never holds a usable id; it holds the CSRF token and the expiry. The login form's signing secret lives
there too, so a form served by one process can be posted to another.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol


@dataclass
class Session:
    id: str
    csrf: str
    created: float
    expires: float


class SessionStore(Protocol):
    def put(self, session: Session, keep: int) -> None: ...
    def get(self, session_id: str, now: float) -> Session | None: ...
    def delete(self, session_id: str) -> None: ...
    def login_secret(self) -> bytes: ...


class MemorySessions:
    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}
        self._secret = secrets.token_bytes(32)

    def put(self, session: Session, keep: int) -> None:
        now = session.created
        for key in [k for k, s in self._sessions.items() if s.expires <= now]:
            del self._sessions[key]
        while len(self._sessions) >= keep:
            self._sessions.pop(next(iter(self._sessions)))   # dicts keep insertion order: the oldest
        self._sessions[session.id] = session

    def get(self, session_id: str, now: float) -> Session | None:
        found = self._sessions.get(session_id)
        if found is not None and found.expires <= now:
            self._sessions.pop(session_id, None)
            return None
        return found

    def delete(self, session_id: str) -> None:
        self._sessions.pop(session_id, None)

    def login_secret(self) -> bytes:
        return self._secret


class DirectorySessions:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(directory, 0o700)
        self._dir = directory
        self._secret = self._shared_secret()

    def _path(self, session_id: str) -> Path:
        return self._dir / (hashlib.sha256(session_id.encode()).hexdigest() + ".session")

    def _shared_secret(self) -> bytes:
        path = self._dir / "login.secret"
        try:   # the first process creates it; the others read the same one
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            for _ in range(100):   # another process may be between creating and writing it
                value = path.read_bytes()
                if len(value) == 32:
                    return value
                time.sleep(0.01)
            raise OSError(f"{path}: not a console login secret") from None
        value = secrets.token_bytes(32)
        with os.fdopen(fd, "wb") as stream:
            stream.write(value)
        return value

    def put(self, session: Session, keep: int) -> None:
        files = sorted(self._dir.glob("*.session"), key=lambda p: p.stat().st_mtime)
        for path in files[:max(len(files) - keep + 1, 0)]:
            path.unlink(missing_ok=True)
        record = {k: v for k, v in asdict(session).items() if k != "id"}
        temporary = self._dir / f".{secrets.token_hex(8)}.tmp"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(record, stream)
        temporary.replace(self._path(session.id))

    def get(self, session_id: str, now: float) -> Session | None:
        path = self._path(session_id)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if record.get("expires", 0) <= now:
            path.unlink(missing_ok=True)
            return None
        return Session(id=session_id, csrf=record["csrf"], created=record["created"], expires=record["expires"])

    def delete(self, session_id: str) -> None:
        self._path(session_id).unlink(missing_ok=True)

    def login_secret(self) -> bytes:
        return self._secret
