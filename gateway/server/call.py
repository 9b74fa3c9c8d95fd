"""One request on its way through the step chain: what each step has learned so far.

Each field is filled in by the step named beside it and read by the steps after it; `need` turns a
step run out of order into a clear error rather than an AttributeError on None.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import web

from filters.policy.model import Policy
from filters.policy.verdict import RequestContext
from filters.redact.pseudonyms import mask_placeholder
from filters.response.checks import ResponseUseGuard
from filters.response.restore import ResponseText
from gateway.adapters.base import Adapter, Envelope
from gateway.analysis.screener import Screened
from gateway.observability.exchange import Exchange
from gateway.server.auth import Principal
from gateway.server.request_memo import Remembered
from gateway.server.state import GatewayState
from gateway.upstream.fallback import Attempted
from gateway.upstream.providers import ProviderLinks
from gateway.upstream.routing import Route

T = TypeVar("T")


def need(value: T | None, what: str) -> T:
    if value is None:
        raise RuntimeError(f"the request chain reached a step that needs {what} before it was set")
    return value


@dataclass
class Call:
    request: web.Request
    state: GatewayState
    links: ProviderLinks
    adapter: Adapter
    exchange: Exchange
    principal: Principal | None = None        # authenticate
    body: dict[str, Any] | None = None        # read_body
    envelope: Envelope | None = None          # parse
    route: Route | None = None                # route
    policy: Policy | None = None              # route (the tenant's policy)
    context: RequestContext | None = None     # admit
    screened: Screened | None = None          # screen
    forwarded: dict[str, Any] | None = None   # rewrite: the body that goes to the provider
    replies: ResponseText | None = None       # rewrite: the response chain's one reader of model text
    guard: ResponseUseGuard | None = None     # rewrite: reads that text for refused content
    headers: dict[str, str] = field(default_factory=dict)  # added to the client's response
    attempt: Attempted | None = None          # forward: the deployment that answered, its translator
    turn: Any = None                          # expand: a Responses turn the conversation store keeps
    documents: list[Any] = field(default_factory=list)  # read_documents: PDFs read as text (server.documents)
    # take_limits: the spend noted and the limits settled from the usage, once the answer is over (gateway.limits)
    settle: Callable[[], Awaitable[None] | None] | None = None
    hidden: list[tuple[str, str]] = field(default_factory=list)  # rewrite (shadow): values a cassette never holds
    names_opaque: bool = True                 # read_body: whether the body's bytes name an opaque key at all
    memo_key: bytes | None = None             # read_body: the body's digest in the request memo (None: not kept)
    remembered: Remembered | None = None      # read_body: this body's envelope and verdict, seen before

    def recorded_reader(self) -> ResponseText:
        """How a cassette keeps the answer: new restricted values masked, no pseudonym restored, and (shadow
        mode, where the provider saw them) the request's values hidden again."""
        masker = self.state.masker
        if not self.hidden:
            return ResponseText({}, mask_new=masker, mask_after=masker.after, words_before=masker.words_before)
        hide = hiding(self.hidden)
        return ResponseText({}, mask_new=lambda text: masker(hide(text)),
                            mask_after=lambda before, text: masker.after(hide(before), hide(text)),
                            words_before=masker.words_before)


def hiding(values: list[tuple[str, str]]) -> Callable[[str], str]:
    """Replaces each value (and each longer word of a value of several words, which a stream may cut
    apart) by its entity's placeholder, longest first."""
    pairs: dict[str, str] = {}
    for entity, value in values:
        pairs.setdefault(value, mask_placeholder(entity))
        for word in value.split():
            if len(word) >= 4 and word != value:
                pairs.setdefault(word, mask_placeholder(entity))
    ordered = sorted(pairs, key=len, reverse=True)

    def hide(text: str) -> str:
        for value in ordered:
            if value in text:
                text = text.replace(value, pairs[value])
        return text
    return hide
