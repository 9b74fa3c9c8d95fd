"""Who may use the console: the admin key, server-side sessions, CSRF tokens, login throttling.

The admin key is compared by its sha256 in constant time, like gateway keys, and a client gateway key
is never accepted. A session is a random id in an HttpOnly, SameSite=Strict cookie; everything about
it (expiry, its CSRF token) stays on the server (session_store.py: memory, or a directory the server
processes share), so a restart logs everyone out.
The login form's CSRF token is bound to a random nonce cookie (double submit, HMAC-signed), so no
session has to exist before the admin key is given.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import os
import secrets
import time
from collections import deque

from gateway.config import ConfigError, GatewayConfig
from gateway.console.session_store import MemorySessions, Session, SessionStore

log = logging.getLogger("magic_gateway.console")
# The embedded config's development admin key (mg-dev-admin-key): everyone knows it, so it only opens
# the console to clients on this machine; anywhere else the operator sets a key of their own.
DEV_ADMIN_KEY_SHA256 = "4e728aaa45d791a5652c23510d8405a336dd310a5d3b12fc50f3032e512bf42f"
SESSION_COOKIE = "mg_console_session"
LOGIN_COOKIE = "mg_console_login"
MAX_SESSIONS = 256               # oldest evicted beyond this: memory stays bounded
LOGIN_FAILURES_PER_MINUTE = 5    # per remote address; then 429 until the minute has passed
_MAX_TRACKED_REMOTES = 1024


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


class AdminGate:
    """Checks the admin key and keeps the console's sessions."""

    def __init__(self, config: GatewayConfig, store: SessionStore | None = None) -> None:
        console = config.console
        if console.admin_key_env:
            value = os.environ.get(console.admin_key_env, "")
            if not value:
                raise ConfigError(f"{config.source}: console.admin_key_env: the variable "
                                  f"{console.admin_key_env} is not set")
            self._admin_digest = _digest(value)
        else:
            assert console.admin_key_sha256 is not None
            self._admin_digest = console.admin_key_sha256
        self._client_digests = [k.sha256 for k in config.keys]
        if self._admin_digest in self._client_digests:
            raise ConfigError(f"{config.source}: console: the admin key must not be a client gateway key")
        self._ttl = float(console.session_ttl_s)
        self._sessions: SessionStore = store or MemorySessions()
        self._login_secret = self._sessions.login_secret()
        self._failures: dict[str, deque[float]] = {}
        self.development_key = hmac.compare_digest(self._admin_digest, DEV_ADMIN_KEY_SHA256)
        if self.development_key:
            log.warning("console: the development admin key is configured; it is accepted from loopback "
                        "clients only (set console.admin_key_sha256 or console.admin_key_env)")

    # -- the admin key ------------------------------------------------------------------------------------
    def is_admin_key(self, presented: str | None) -> bool:
        if not presented:
            return False
        return hmac.compare_digest(_digest(presented), self._admin_digest)

    def accepts_from(self, remote: str | None) -> bool:
        """Whether the admin key may be used by a client at `remote` (the development key: loopback only)."""
        if not self.development_key:
            return True
        try:
            return remote is not None and ipaddress.ip_address(remote.split("%")[0]).is_loopback
        except ValueError:
            return False

    def is_client_key(self, presented: str | None) -> bool:
        if not presented:
            return False
        digest = _digest(presented)
        found = False
        for known in self._client_digests:   # every entry compared: no early exit to time
            found |= hmac.compare_digest(known, digest)
        return found

    # -- login throttling ---------------------------------------------------------------------------------
    def throttled(self, remote: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        failures = self._failures.get(remote)
        if not failures:
            return False
        while failures and failures[0] < now - 60:
            failures.popleft()
        return len(failures) >= LOGIN_FAILURES_PER_MINUTE

    def note_failure(self, remote: str) -> None:
        if remote not in self._failures and len(self._failures) >= _MAX_TRACKED_REMOTES:
            self._failures.pop(next(iter(self._failures)))
        self._failures.setdefault(remote, deque(maxlen=LOGIN_FAILURES_PER_MINUTE)).append(time.monotonic())

    # -- the login form's CSRF token ----------------------------------------------------------------------
    @staticmethod
    def new_login_nonce() -> str:
        return secrets.token_urlsafe(24)

    def login_token(self, nonce: str) -> str:
        return hmac.new(self._login_secret, b"login\0" + nonce.encode(), hashlib.sha256).hexdigest()

    def login_token_valid(self, nonce: str | None, token: str | None) -> bool:
        if not nonce or not token:
            return False
        return hmac.compare_digest(self.login_token(nonce), token)

    # -- sessions -----------------------------------------------------------------------------------------
    def open_session(self) -> Session:
        now = time.time()
        session = Session(id=secrets.token_urlsafe(32), csrf=secrets.token_urlsafe(32), created=now,
                          expires=now + self._ttl)
        self._sessions.put(session, MAX_SESSIONS)
        return session

    def session(self, session_id: str | None) -> Session | None:
        if not session_id or len(session_id) > 128:
            return None
        return self._sessions.get(session_id, time.time())

    def close_session(self, session_id: str | None) -> None:
        if session_id and len(session_id) <= 128:
            self._sessions.delete(session_id)

    @staticmethod
    def csrf_valid(session: Session, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(session.csrf, token or "")

    @property
    def ttl_s(self) -> float:
        return self._ttl
