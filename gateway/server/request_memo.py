"""A request body seen before and found to hold nothing: its parse and its screening not done again.

The same request is often sent many times (a fixed system prompt and a canned question, a health probe
through the model, a client's retry). When a body's bytes were parsed and screened once and the verdict
found nothing at all (no finding, no violation, no edit, no pseudonym, no attachment, no document, no
opaque blob sent back), then the same bytes, from the same key, to the same API and path, with the same
headers the decision reads, give the same envelope and the same verdict every time: parsing, the
segment walk, the analysis cache's lookups, the decision and its rendering are pure functions of those
and of this state's config and policy. This memo keeps that envelope and verdict under a keyed digest of
all of it, so such a request goes from its key check to its limits without them.

Nothing that depends on the request itself is skipped: authentication, the client's location and the
shared-key watch, limits and budgets, the admit step (features, stored state), the audit check, the
verdict noted in the request's record (metrics, log line, audit record), recording and forwarding run as
for any request. Only bodies in which the screening found nothing are kept, so the memo holds no text
the analysis found sensitive. It is bounded by bytes (each entry's size estimated from its body), the
least recently used going first; the digest's key is drawn per process. It belongs to one state: a reload
(a changed config, policy or filter file) starts with an empty one. A remembered envelope and verdict are
shared by the requests that hit them and are never edited (the steps after `screen` copy what they change).
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from dataclasses import dataclass

from aiohttp import web

from gateway.adapters.base import Adapter, Envelope
from gateway.analysis.screener import Screened
from gateway.server.auth import Principal

MEMO_BYTES = 16 << 20      # the memo's bound: estimated bytes of what it keeps
MAX_BODY = 64 * 1024       # bodies larger than this are not kept (their parse is not what they cost)
ENTRY_BYTES = 4096         # an entry's own objects (envelope, segments, verdict), rounded up
BODY_FACTOR = 4            # a parsed body and its segments' texts against the body's bytes
# The request headers the decision reads (besides the key): the reviewer, the stated data class, the agent.
DECISION_HEADERS = ("x-human-reviewer", "x-data-class", "x-agent-name")


@dataclass(frozen=True)
class Remembered:
    envelope: Envelope
    screened: Screened


class RequestMemo:
    def __init__(self, max_bytes: int = MEMO_BYTES, max_body: int = MAX_BODY) -> None:
        self._key = os.urandom(32)
        self._entries: OrderedDict[bytes, tuple[Remembered, int]] = OrderedDict()
        self._max_bytes = max_bytes
        self._max_body = max_body
        self.bytes = 0

    def key(self, adapter: Adapter, principal: Principal, request: web.Request, raw: bytes) -> bytes | None:
        """The digest a body is remembered under, or None for one that is never remembered."""
        if len(raw) > self._max_body or getattr(adapter, "keeps_conversation", False):
            return None   # a Responses body is expanded from the conversation store: never shared
        digest = hashlib.blake2b(digest_size=16, key=self._key)
        headers = request.headers
        for part in (adapter.api, request.path_qs, principal.key_id, principal.tenant, principal.user,
                     ",".join(sorted(principal.features)), *(headers.get(name, "\0") for name in DECISION_HEADERS)):
            digest.update(part.encode("utf-8", "surrogateescape"))
            digest.update(b"\0\1")
        digest.update(raw)
        return digest.digest()

    def get(self, key: bytes) -> Remembered | None:
        found = self._entries.get(key)
        if found is None:
            return None
        self._entries.move_to_end(key)
        return found[0]

    def put(self, key: bytes, envelope: Envelope, screened: Screened, body_bytes: int) -> None:
        """Keep this request's envelope and verdict, if the screening found nothing at all in it."""
        if not found_nothing(envelope, screened) or key in self._entries:
            return
        size = ENTRY_BYTES + BODY_FACTOR * body_bytes
        self._entries[key] = (Remembered(envelope, screened), size)
        self.bytes += size
        while self.bytes > self._max_bytes and self._entries:
            _, (_, dropped) = self._entries.popitem(last=False)
            self.bytes -= dropped

    def __len__(self) -> int:
        return len(self._entries)


def found_nothing(envelope: Envelope, screened: Screened) -> bool:
    verdict = screened.verdict
    return (verdict.outcome == "allow" and verdict.refusal is None and not verdict.review_marked
            and not verdict.violations and not screened.pseudonyms and not screened.uncertain
            and not envelope.attachments
            and all(not s.findings and not s.edits and not s.forwarded_edits for s in verdict.segments))
