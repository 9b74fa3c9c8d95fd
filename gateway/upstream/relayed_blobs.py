"""Opaque blobs the gateway relayed from a provider to a tenant, remembered by a keyed digest.

Reasoning `encrypted_content`, thinking `signature` and `redacted_thinking.data` cannot be read, so
a client may send one back only byte for byte as the gateway relayed it: anything else could carry
a value past the screening. Only a digest (HMAC with the tenant's secret) is kept, in a bounded
store: the oldest are forgotten first, and a forgotten blob is refused like an unknown one.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable


class RelayedBlobs:
    def __init__(self, secret_of: Callable[[str], bytes], max_entries: int = 200_000) -> None:
        self._secret_of = secret_of
        self._keys: dict[str, bytes] = {}
        self._seen: OrderedDict[bytes, None] = OrderedDict()
        self._max = max_entries
        self._lock = threading.Lock()

    def _digest(self, tenant: str, blob: str) -> bytes:
        key = self._keys.get(tenant)
        if key is None:
            key = self._keys[tenant] = hmac.new(self._secret_of(tenant), b"relayed-blob", hashlib.sha256).digest()
        return hmac.new(key, blob.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()

    def remember(self, tenant: str, blobs: Iterable[str]) -> None:
        with self._lock:
            for blob in blobs:
                digest = self._digest(tenant, blob)
                self._seen[digest] = None
                self._seen.move_to_end(digest)
            while len(self._seen) > self._max:
                self._seen.popitem(last=False)

    def relayed(self, tenant: str, blob: str) -> bool:
        with self._lock:
            return self._digest(tenant, blob) in self._seen
