"""The Responses conversation store: what the gateway keeps so that the provider keeps nothing.

For each response it answered, per tenant: the input items as forwarded (already redacted, history
included) and the provider's output items, encrypted at rest (Fernet, a key derived from
`MAGIC_GATEWAY_SECRET`), with a time to live. The gateway mints its own response and item ids (a
provider may repeat its own) and maps each back to the provider's item when it is sent again.
`previous_response_id` and `item_reference` are expanded from here before the request leaves.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

from gateway.state.store import KeyValueStore, for_tenant

DEV_SECRET = b"magic-gateway-development-secret: set MAGIC_GATEWAY_SECRET"
ITEM_PREFIXES = {"message": "msg", "reasoning": "rs", "function_call": "fc", "custom_tool_call": "ctc",
                 "web_search_call": "ws", "file_search_call": "fs", "computer_call": "cu", "mcp_call": "mcp"}


def store_key(secret: bytes | None = None) -> bytes:
    """The Fernet key of the store, derived (so it is the same on every replica with the same secret)."""
    master = secret if secret is not None else (os.environ.get("MAGIC_GATEWAY_SECRET", "").encode() or DEV_SECRET)
    derived = hmac.new(master, b"magic-gateway conversation store v1", hashlib.sha256).digest()
    return base64.urlsafe_b64encode(derived)


def mint_id(prefix: str) -> str:
    return f"{prefix}_mg{secrets.token_hex(20)}"


def item_id_for(item: dict[str, Any]) -> str:
    return mint_id(ITEM_PREFIXES.get(str(item.get("type")), "item"))


@dataclass
class StoredResponse:
    id: str                         # the gateway's id
    input: list[dict[str, Any]]     # the input items as forwarded, the conversation's history included
    output: list[dict[str, Any]]    # the provider's output items, with the provider's own ids
    output_ids: list[str]           # the gateway's id of each output item
    response: dict[str, Any]        # the response object as the client got it (gateway ids; texts as forwarded)
    # token -> the client's value, for every pseudonym in the texts above (encrypted with them): what is
    # served from here shows the client's own values, as the answer did
    pseudonyms: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "input": self.input, "output": self.output, "output_ids": self.output_ids,
                "response": self.response, "pseudonyms": self.pseudonyms}


def pseudonyms_in(value: Any, pseudonyms: dict[str, str]) -> dict[str, str]:
    """The entries of `pseudonyms` whose token occurs in `value` (any JSON value)."""
    if not pseudonyms:
        return {}
    text = json.dumps(value, ensure_ascii=False)
    return {token: original for token, original in pseudonyms.items() if token in text}


class ConversationStore:
    """Per tenant: responses by gateway id, and each output item by its gateway id."""

    def __init__(self, store: KeyValueStore, ttl_s: float, secret: bytes | None = None) -> None:
        self._store = store
        self._ttl_s = ttl_s
        self._fernet = Fernet(store_key(secret))

    def _seal(self, tenant: str, value: Any) -> bytes:
        # The tenant is sealed in: a value copied into another tenant's namespace does not open there.
        return self._fernet.encrypt(json.dumps({"tenant": tenant, "value": value}).encode())

    def _open(self, tenant: str, raw: bytes | None) -> Any:
        if raw is None:
            return None
        try:
            sealed = json.loads(self._fernet.decrypt(raw))
        except (InvalidToken, ValueError):
            return None   # another secret, or tampered with: as good as absent
        return sealed["value"] if sealed.get("tenant") == tenant else None

    async def save(self, tenant: str, stored: StoredResponse) -> None:
        space = for_tenant(self._store, tenant)
        for gateway_id, item in zip(stored.output_ids, stored.output):
            entry = {"item": item, "pseudonyms": pseudonyms_in(item, stored.pseudonyms)}
            await space.set("item", gateway_id, self._seal(tenant, entry), self._ttl_s)
        await space.set("response", stored.id, self._seal(tenant, stored.to_json()), self._ttl_s)

    async def response(self, tenant: str, response_id: str) -> StoredResponse | None:
        value = self._open(tenant, await for_tenant(self._store, tenant).get("response", response_id))
        return StoredResponse(**value) if value else None

    async def item(self, tenant: str, item_id: str) -> dict[str, Any] | None:
        entry = await self.item_entry(tenant, item_id)
        return entry[0] if entry else None

    async def item_entry(self, tenant: str, item_id: str) -> tuple[dict[str, Any], dict[str, str]] | None:
        """An output item by its gateway id, with the pseudonyms in it (token -> the client's value)."""
        value = self._open(tenant, await for_tenant(self._store, tenant).get("item", item_id))
        if not isinstance(value, dict) or not isinstance(value.get("item"), dict):
            return None
        return value["item"], dict(value.get("pseudonyms") or {})

    async def delete(self, tenant: str, response_id: str) -> bool:
        stored = await self.response(tenant, response_id)
        if stored is None:
            return False
        space = for_tenant(self._store, tenant)
        for gateway_id in stored.output_ids:
            await space.delete("item", gateway_id)
        return await space.delete("response", response_id)
