"""Responses conversations kept by the gateway: references expanded before forwarding, each answer
remembered under the gateway's own ids, and `GET`/`DELETE /v1/responses/{id}` served from the store.

The step `expand` runs after `rewrite`, on the body as it will be forwarded (already screened and
redacted): `previous_response_id` becomes the stored input and output items, an `item_reference`
becomes the stored item, and an item the client sends back under a gateway id goes out under the
provider's id with the opaque content the provider gave (only a blob relayed to this tenant goes
back). A reference the store does not hold is a 400 that says why.

The stored turns hold the texts as forwarded, pseudonyms included, and each the map of its pseudonyms
to the client's values (encrypted with it): an answer that quotes an earlier turn, and what
`GET /v1/responses/{id}` serves, show the client's own values, as the first answer did.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from filters.response.restore import ResponseText
from gateway.adapters import ADAPTERS
from gateway.errors import GatewayError
from gateway.server.call import Call, need
from gateway.server.state import CONVERSATIONS, LIVE
from gateway.state.conversations import ConversationStore, StoredResponse, item_id_for, mint_id, pseudonyms_in
from gateway.upstream.sse import SSEEvent

_MINTED = "_mg"   # every gateway-minted id holds this after its prefix


def _is_minted(value: Any) -> bool:
    return isinstance(value, str) and _MINTED in value[:8]


async def expand(call: Call) -> None:
    """previous_response_id and item references replaced by the stored items (Responses only)."""
    if not getattr(call.adapter, "keeps_conversation", False):
        return
    forwarded, principal = need(call.forwarded, "the forwarded body"), need(call.principal, "the principal")
    if forwarded.get("store") is not False:
        return   # the provider keeps state itself: nothing for the gateway to keep
    store, tenant = call.request.app[CONVERSATIONS], principal.tenant
    ttl = int(call.state.config.state.conversation_ttl_s)
    history: list[dict[str, Any]] = []
    learned: dict[str, str] = {}    # pseudonyms of the stored turns brought in, token -> the client's value
    previous = forwarded.pop("previous_response_id", None)
    if previous is not None:
        stored = await store.response(tenant, str(previous))
        if stored is None:
            raise GatewayError(400, "previous_response_not_found",
                               f"previous_response_id {previous!r} is not held by this gateway: it expired (kept "
                               f"{ttl} s), was deleted, or belongs to another workspace; send the whole "
                               "conversation in input", param="previous_response_id")
        history = stored.input + stored.output
        learned.update(stored.pseudonyms)
    value = forwarded.get("input")
    items: list[Any] = [{"role": "user", "content": value}] if isinstance(value, str) else list(value or [])
    expanded = [await _expanded(store, tenant, item, index, ttl, learned) for index, item in enumerate(items)]
    if history or isinstance(value, list):   # a lone string input goes as it came
        forwarded["input"] = history + expanded
    if learned:   # the answer may quote an earlier turn: its tokens are restored too
        need(call.replies, "the response chain").learn(learned)
    screened = need(call.screened, "the screening").pseudonyms
    call.turn = Turn(store=store, tenant=tenant, input=copy.deepcopy(history + expanded), previous=previous,
                     pseudonyms={**learned, **screened})


async def _expanded(store: ConversationStore, tenant: str, item: Any, index: int, ttl: int,
                    learned: dict[str, str]) -> Any:
    if not isinstance(item, dict):
        return item
    kind, item_id = item.get("type"), item.get("id")
    if kind == "item_reference" or _is_minted(item_id):
        entry = await store.item_entry(tenant, str(item_id)) if _is_minted(item_id) else None
        if entry is not None:
            stored, pseudonyms = entry
            if kind == "item_reference":
                learned.update(pseudonyms)
                return stored
            # The client's copy (screened like any input) under the provider's id, with the provider's blob.
            sent = {**item, "id": stored.get("id")}
            if "encrypted_content" in stored:
                sent["encrypted_content"] = stored["encrypted_content"]
            return sent
        if kind == "item_reference" or kind == "reasoning":
            raise GatewayError(400, "item_not_found",
                               f"input[{index}] refers to item {item_id!r}, which this gateway does not hold: it "
                               f"expired (kept {ttl} s), was deleted, or belongs to another workspace",
                               param=f"input[{index}].id")
        return {k: v for k, v in item.items() if k != "id"}
    if kind == "reasoning" and not item.get("encrypted_content"):
        raise GatewayError(400, "item_not_found",
                           f"input[{index}] is a reasoning item without encrypted_content that this gateway did not "
                           "relay; send back the items of a response it answered", param=f"input[{index}]")
    return item


@dataclass
class Turn:
    """One Responses answer being relayed: the provider's ids mapped to the gateway's, then stored."""

    store: ConversationStore
    tenant: str
    input: list[Any]
    previous: str | None
    pseudonyms: dict[str, str] = field(default_factory=dict)   # token -> the client's value
    id: str = field(default_factory=lambda: mint_id("resp"))
    ids: dict[str, str] = field(default_factory=dict)          # provider item id -> gateway item id
    output: list[dict[str, Any]] = field(default_factory=list)  # the provider's items, as it sent them
    response: dict[str, Any] | None = None
    saved: dict[str, Any] | None = field(default=None, repr=False)   # the response object last written

    def _item_id(self, provider_id: Any, item: dict[str, Any] | None = None) -> Any:
        if not isinstance(provider_id, str):
            return provider_id
        if provider_id not in self.ids:
            self.ids[provider_id] = item_id_for(item or {})
        return self.ids[provider_id]

    def observe(self, response: dict[str, Any]) -> None:
        """The provider's own response object (before pseudonyms are restored): what is stored."""
        self.output = [copy.deepcopy(i) for i in response.get("output") or [] if isinstance(i, dict)]
        for item in self.output:
            self._item_id(item.get("id"), item)
        self.response = self.relabel(copy.deepcopy(response))

    def relabel(self, response: dict[str, Any]) -> dict[str, Any]:
        """A response object under the gateway's ids (in place)."""
        if "id" in response:
            response["id"] = self.id
        response["previous_response_id"] = self.previous
        for item in response.get("output") or []:
            if isinstance(item, dict) and "id" in item:
                item["id"] = self._item_id(item["id"], item)
        return response

    def relabel_event(self, event: SSEEvent) -> SSEEvent:
        """A streamed event under the gateway's ids."""
        try:
            payload = json.loads(event.data)
        except ValueError:
            return event
        if not isinstance(payload, dict):
            return event
        if isinstance(payload.get("response"), dict):
            self.relabel(payload["response"])
        if isinstance(payload.get("item"), dict) and "id" in payload["item"]:
            payload["item"]["id"] = self._item_id(payload["item"]["id"], payload["item"])
        if "item_id" in payload:
            payload["item_id"] = self._item_id(payload["item_id"])
        return SSEEvent(data=json.dumps(payload, ensure_ascii=False, separators=(",", ":")), event=event.event,
                        id=getattr(event, "id", None))

    def observe_event(self, event: SSEEvent) -> None:
        """An upstream event before it is rewritten: the final response is what is stored."""
        if '"response.' not in event.data:
            return
        try:
            payload = json.loads(event.data)
        except ValueError:
            return
        if isinstance(payload, dict) and payload.get("type") in ("response.completed", "response.incomplete") \
                and isinstance(payload.get("response"), dict):
            self.observe(payload["response"])

    async def save(self) -> None:
        """Stores the answer; once per response object, however often a stream's end asks."""
        if self.response is None or self.response is self.saved:
            return
        output_ids = [self.ids.get(str(i.get("id")), item_id_for(i)) for i in self.output]
        kept = pseudonyms_in([self.input, self.output], self.pseudonyms)
        await self.store.save(self.tenant, StoredResponse(self.id, self.input, self.output, output_ids,
                                                          self.response, kept))
        self.saved = self.response


async def get_response(request: web.Request) -> web.Response:
    stored = await _stored(request)
    response, adapter = copy.deepcopy(stored.response), ADAPTERS["openai.responses"]
    # the model's texts as the client first got them: pseudonyms restored, marked as AI-generated
    adapter.rewrite_response(response, ResponseText(stored.pseudonyms))
    adapter.mark_ai_generated(response)
    return web.json_response(response, headers={"X-AI-Generated": "true"})


async def get_input_items(request: web.Request) -> web.Response:
    stored = await _stored(request)
    restore = ResponseText(stored.pseudonyms)
    items = [_restored(item, restore) for item in stored.input]
    data = list(reversed(items)) if request.query.get("order", "desc") == "desc" else items
    return web.json_response({"object": "list", "data": data, "has_more": False,
                              "first_id": None, "last_id": None})


def _restored(value: Any, restore: ResponseText) -> Any:
    """An input item with the client's values in its texts (opaque blobs left as they are)."""
    if isinstance(value, str):
        return restore.text(value)
    if isinstance(value, list):
        return [_restored(v, restore) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "encrypted_content" else _restored(v, restore) for k, v in value.items()}
    return value


async def delete_response(request: web.Request) -> web.Response:
    state = request.app[LIVE].current
    principal = state.keyring.authenticate(request.headers)
    response_id = request.match_info["response_id"]
    if not await request.app[CONVERSATIONS].delete(principal.tenant, response_id):
        raise _not_held(response_id)
    return web.json_response({"id": response_id, "object": "response", "deleted": True})


async def _stored(request: web.Request) -> StoredResponse:
    principal = request.app[LIVE].current.keyring.authenticate(request.headers)
    response_id = request.match_info["response_id"]
    stored = await request.app[CONVERSATIONS].response(principal.tenant, response_id)
    if stored is None:
        raise _not_held(response_id)
    return stored


def _not_held(response_id: str) -> GatewayError:
    return GatewayError(404, "response_not_found",
                        f"response {response_id!r} is not held by this gateway (expired, deleted, or another "
                        "workspace's)")
