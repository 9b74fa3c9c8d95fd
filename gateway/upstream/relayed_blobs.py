"""Opaque blobs the gateway relayed from a provider to a tenant, remembered by a keyed digest.

Reasoning `encrypted_content`, thinking `signature` and `redacted_thinking.data` cannot be read, so
a client may send one back only byte for byte as the gateway relayed it: anything else could carry
a value past the screening. Only a digest (HMAC with the tenant's secret) is kept: in this process's
memory, bounded (the oldest are forgotten first, and a forgotten blob is refused like an unknown
one), and, once `share` has given it the shared state store (`state.redis_url`), there too, in the
tenant's namespace with the conversation store's time to live: a client's next turn may land on
another replica or another server process, which must know the blob as well. Without Redis, the
server processes of one host (`serve --workers N`) share a private directory (HOST_DIRECTORY, made by
`serve`) where each digest is an empty file, expired by its age.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from gateway.state.store import KeyValueStore, StateUnavailable, for_tenant

log = logging.getLogger("magic_gateway")
KIND = "relayed-blob"
HOST_DIRECTORY = "MAGIC_GATEWAY_RELAYED_BLOBS"
SWEEP_EVERY = 10_000   # digests written between two sweeps of expired files


class DigestDirectory:
    """Digests as empty files named by their hex, in a directory only this host's server processes use."""

    def __init__(self, path: Path, ttl_s: float) -> None:
        self._path = path
        self._ttl_s = ttl_s
        self._written = 0

    def add(self, digest: bytes) -> None:
        (self._path / digest.hex()).touch()
        self._written += 1
        if self._written % SWEEP_EVERY == 0:
            self._sweep()

    def has(self, digest: bytes) -> bool:
        try:
            return time.time() - (self._path / digest.hex()).stat().st_mtime < self._ttl_s
        except OSError:
            return False

    def _sweep(self) -> None:
        oldest = time.time() - self._ttl_s
        with os.scandir(self._path) as entries:
            for entry in entries:
                try:
                    if entry.stat().st_mtime < oldest:
                        os.unlink(entry.path)
                except OSError:
                    pass   # another process swept it first


class RelayedBlobs:
    def __init__(self, secret_of: Callable[[str], bytes], max_entries: int = 200_000) -> None:
        self._secret_of = secret_of
        self._keys: dict[str, bytes] = {}
        self._seen: OrderedDict[bytes, None] = OrderedDict()
        self._max = max_entries
        self._lock = threading.Lock()
        self._shared: KeyValueStore | None = None
        self._host: DigestDirectory | None = None
        self._ttl_s: float | None = None
        self._warned = False   # one warning while the store stays unreachable

    def share(self, store: KeyValueStore, ttl_s: float) -> None:
        """Keep digests in `store` too (a Redis store: every replica) or, with the memory store, in the
        host's directory when `serve --workers N` made one."""
        self._shared = None if store.name == "memory" else store
        self._ttl_s = ttl_s
        directory = os.environ.get(HOST_DIRECTORY)
        self._host = DigestDirectory(Path(directory), ttl_s) if self._shared is None and directory else None

    def _digest(self, tenant: str, blob: str) -> bytes:
        key = self._keys.get(tenant)
        if key is None:
            key = self._keys[tenant] = hmac.new(self._secret_of(tenant), b"relayed-blob", hashlib.sha256).digest()
        return hmac.new(key, blob.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()

    def _keep(self, digests: Iterable[bytes]) -> None:
        with self._lock:
            for digest in digests:
                self._seen[digest] = None
                self._seen.move_to_end(digest)
            while len(self._seen) > self._max:
                self._seen.popitem(last=False)

    async def remember(self, tenant: str, blobs: Iterable[str]) -> None:
        digests = [self._digest(tenant, blob) for blob in blobs]
        self._keep(digests)
        if self._host is not None:
            try:
                for digest in digests:
                    self._host.add(digest)
            except OSError as error:
                log.warning("the host's relayed-blob directory cannot be written (%s); a relayed blob is known "
                            "to this process only", error.strerror)
        if self._shared is None or not digests:
            return
        space = for_tenant(self._shared, tenant)
        try:
            for digest in digests:
                await space.set(KIND, digest.hex(), b"1", self._ttl_s)
        except StateUnavailable as error:
            # The answer is on its way to the client: it is not refused for this. This process still
            # knows the blob; another one will refuse it until the store is back.
            if not self._warned:
                log.warning("%s; relayed blobs are known to this process only meanwhile", error)
                self._warned = True
            return
        self._warned = False

    def relayed(self, tenant: str, blob: str) -> bool:
        """Whether this process knows the blob (no I/O: see `known` for the shared store)."""
        with self._lock:
            return self._digest(tenant, blob) in self._seen

    async def known(self, tenant: str, blobs: Iterable[str]) -> frozenset[str]:
        """The blobs of `blobs` relayed to `tenant` by this process or, with a shared store, by any.
        StateUnavailable when the store must be asked and cannot be reached."""
        found: set[str] = set()
        missing: dict[str, bytes] = {}
        for blob in blobs:
            digest = self._digest(tenant, blob)
            with self._lock:
                local = digest in self._seen
            if local or (self._host is not None and self._host.has(digest)):
                found.add(blob)
            else:
                missing[blob] = digest
        if self._shared is not None and missing:
            space = for_tenant(self._shared, tenant)
            for blob, digest in missing.items():
                if await space.get(KIND, digest.hex()) is not None:
                    found.add(blob)
                    self._keep([digest])
        return frozenset(found)
