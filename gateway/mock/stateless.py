"""The mock as a provider that stores nothing (setting `store_nothing`): any request that depends on
provider-side storage is refused with the real API's error, and reasoning items are minted so that
only their encrypted content lets them be sent back.

A reasoning item's `encrypted_content` is tied to its id (an HMAC), so an item sent back under
another id, or with content the provider did not mint, is refused as the real API refuses it.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import hmac
from typing import Any

from gateway.mock.errors import MockError

_KEY = b"magic-gateway mock provider reasoning"
REASONING_MODELS = ("o1*", "o3*", "o4*", "gpt-5*", "codex-*")
NOT_PERSISTED = ("Item with id '{id}' not found. Items are not persisted when `store` is set to false. "
                 "Try again with `store` set to true, or remove this item from your input.")


def is_reasoning(body: dict[str, Any]) -> bool:
    model = str(body.get("model", ""))
    return isinstance(body.get("reasoning"), dict) or any(fnmatch.fnmatchcase(model, g) for g in REASONING_MODELS)


def encrypted_content(item_id: str) -> str:
    return "gAAAA" + base64.urlsafe_b64encode(hmac.new(_KEY, item_id.encode(), hashlib.sha256).digest()).decode()


def check_stateless(body: dict[str, Any]) -> None:
    """Refuse what a provider that keeps nothing cannot serve, in the Responses API's own words."""
    if body.get("conversation") is not None:
        raise MockError(400, "Conversations are not persisted when `store` is set to false.", param="conversation")
    previous = body.get("previous_response_id")
    if previous is not None:
        raise MockError(400, f"Previous response with id '{previous}' not found.", param="previous_response_id")
    items = body.get("input")
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        kind, item_id = item.get("type"), str(item.get("id", ""))
        if kind == "item_reference":
            raise MockError(404, NOT_PERSISTED.format(id=item_id), param="input")
        if kind == "reasoning":
            content = item.get("encrypted_content")
            if not content:
                raise MockError(404, NOT_PERSISTED.format(id=item_id), param="input")
            if not hmac.compare_digest(str(content), encrypted_content(item_id)):
                raise MockError(400, f"The encrypted content for item {item_id} could not be verified.",
                                param=f"input[{index}].encrypted_content")
