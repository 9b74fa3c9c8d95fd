"""Who is asking: a gateway key, looked up by its sha256, gives a Principal."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from gateway.config import GatewayConfig, KeyConfig
from gateway.errors import GatewayError

_AGENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._:/@+-]{0,99}")


@dataclass(frozen=True)
class Principal:
    """The tenant and authorized user a request is made for (AUP I.F), and the agent acting for them (AUP II.m)."""

    tenant: str
    user: str
    features: frozenset[str]
    key_id: str          # the key's configured name, else the first 12 hex digits of its hash: names it safely
    agent: str | None = None


class KeyRing:
    """The configured gateway keys, by hash."""

    def __init__(self, config: GatewayConfig) -> None:
        self._keys: dict[str, KeyConfig] = {k.sha256: k for k in config.keys}
        self._config = config

    def authenticate(self, headers: Mapping[str, str]) -> Principal:
        key = presented_key(headers)
        if not key:
            raise GatewayError(401, "missing_api_key",
                               "no gateway key: send it as 'Authorization: Bearer <key>' or 'x-api-key'")
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
        entry = None
        for known, candidate in self._keys.items():
            if hmac.compare_digest(known, digest):
                entry = candidate
        if entry is None:
            raise GatewayError(401, "invalid_api_key", "the gateway key is not valid")
        if entry.expires_at is not None and entry.expires_at <= datetime.now(UTC):
            raise GatewayError(401, "expired_api_key", "the gateway key has expired; ask for a new one")
        tenant = self._config.tenant(entry.tenant)
        if entry.suspended or tenant.suspended:
            raise GatewayError(403, "suspended", "this key or its tenant is suspended (AUP II.l, AUP V)",
                               clause="AUP II.l", category="suspended")
        agent = headers.get("x-agent-name") or headers.get("X-Agent-Name")
        if agent is not None and not _AGENT_NAME.fullmatch(agent):
            raise GatewayError(400, "invalid_agent_name",
                               "X-Agent-Name must be 1-100 letters, digits, spaces or ._:/@+-")
        return Principal(tenant=entry.tenant, user=entry.user, features=frozenset(entry.features),
                         key_id=entry.name or digest[:12], agent=agent)


def presented_key(headers: Mapping[str, str]) -> str | None:
    authorization = headers.get("Authorization")
    if authorization:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
    key = headers.get("x-api-key")
    return key.strip() if key and key.strip() else None

