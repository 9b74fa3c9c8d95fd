"""The limits' counters of one host in a SQLite file (WAL mode), shared by the server processes of
`serve --workers N` so that nobody gets N times a limit.

Each `take` is one `BEGIN IMMEDIATE` transaction: SQLite's write lock makes the check and the
additions one atomic step across processes. The file holds counts, not records: it is written without
fsync (`synchronous=OFF`), so a host crash loses at most the current windows' counts. Calls run in one
thread of this process, so that a process waiting for another's lock never blocks the event loop.
The file is opened on first use: a gateway without limits never touches it.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor

from gateway.limits.counters import Take
from gateway.state.store import StateUnavailable

_UPSERT = """
INSERT INTO counters (key, value, expires) VALUES (?, ?, ?)
ON CONFLICT (key) DO UPDATE SET
  value = CASE WHEN expires > ? THEN value + excluded.value ELSE excluded.value END,
  expires = CASE WHEN expires > ? THEN expires ELSE excluded.expires END
"""
_ADD_SUM = """
INSERT INTO sums (key, field, value, expires) VALUES (?, ?, ?, ?)
ON CONFLICT (key, field) DO UPDATE SET
  value = CASE WHEN expires > ? THEN value + excluded.value ELSE excluded.value END,
  expires = CASE WHEN expires > ? THEN expires ELSE excluded.expires END
"""
SWEEP_EVERY = 2000   # takes between two deletions of ended windows


class SqliteCounters:
    name = "sqlite"

    def __init__(self, path: str, lock_timeout_s: float = 5.0) -> None:
        self._path, self._timeout = path, lock_timeout_s
        self._db: sqlite3.Connection | None = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mg-limits")
        self._taken = 0

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            # The processes of `serve --workers N` open the file at once: switching a new file to WAL and
            # creating its tables can find it locked without SQLite's busy wait, so the opening is tried
            # again (a new connection each time) until the lock timeout is over.
            deadline = time.monotonic() + self._timeout
            while True:
                try:
                    self._db = self._connect()
                    break
                except sqlite3.OperationalError:
                    if time.monotonic() >= deadline:
                        raise
                    time.sleep(0.02)
        return self._db

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self._path, timeout=self._timeout, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")
            db.execute("CREATE TABLE IF NOT EXISTS counters "
                       "(key TEXT PRIMARY KEY, value INTEGER NOT NULL, expires REAL NOT NULL)")
            db.execute("CREATE TABLE IF NOT EXISTS sums (key TEXT NOT NULL, field TEXT NOT NULL, "
                       "value INTEGER NOT NULL, expires REAL NOT NULL, PRIMARY KEY (key, field))")
        except BaseException:
            db.close()
            raise
        return db

    def _take(self, takes: Sequence[Take]) -> int | None:
        db, now = self._open(), time.time()
        db.execute("BEGIN IMMEDIATE")
        try:
            for index, take in enumerate(takes):
                row = db.execute("SELECT value FROM counters WHERE key = ? AND expires > ?", (take.key, now)).fetchone()
                if take.amount > 0 and (row[0] if row else 0) + take.amount > take.ceiling:
                    db.execute("ROLLBACK")
                    return index
            for take in takes:
                db.execute(_UPSERT, (take.key, take.amount, now + take.ttl_s, now, now))
            self._taken += 1
            if self._taken % SWEEP_EVERY == 0:
                db.execute("DELETE FROM counters WHERE expires <= ?", (now,))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return None

    def _adjust(self, changes: Sequence[tuple[str, int]]) -> None:
        db, now = self._open(), time.time()
        db.execute("BEGIN IMMEDIATE")
        try:
            for key, change in changes:
                db.execute("UPDATE counters SET value = value + ? WHERE key = ? AND expires > ?", (change, key, now))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def _add_sums(self, sums: Mapping[str, Mapping[str, int]], ttl_s: float) -> None:
        db, now = self._open(), time.time()
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM sums WHERE expires <= ?", (now,))
            for key, fields in sums.items():
                for name, value in fields.items():
                    db.execute(_ADD_SUM, (key, name, value, now + ttl_s, now, now))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def _read_sums(self, keys: Sequence[str]) -> list[dict[str, int]]:
        db, now = self._open(), time.time()
        return [dict(db.execute("SELECT field, value FROM sums WHERE key = ? AND expires > ?", (key, now)).fetchall())
                for key in keys]

    async def add_sums(self, sums: Mapping[str, Mapping[str, int]], ttl_s: float) -> None:
        try:
            await asyncio.get_running_loop().run_in_executor(self._thread, self._add_sums, sums, ttl_s)
        except sqlite3.Error as error:
            raise _unavailable(error) from None

    async def read_sums(self, keys: Sequence[str]) -> list[dict[str, int]]:
        try:
            return await asyncio.get_running_loop().run_in_executor(self._thread, self._read_sums, keys)
        except sqlite3.Error as error:
            raise _unavailable(error) from None

    async def take(self, takes: Sequence[Take]) -> int | None:
        try:
            return await asyncio.get_running_loop().run_in_executor(self._thread, self._take, takes)
        except sqlite3.Error as error:
            raise StateUnavailable(f"the host's limit counters (sqlite) are unavailable: {type(error).__name__}") \
                from None

    async def adjust(self, changes: Sequence[tuple[str, int]]) -> None:
        changes = [c for c in changes if c[1]]
        if not changes:
            return
        try:
            await asyncio.get_running_loop().run_in_executor(self._thread, self._adjust, changes)
        except sqlite3.Error as error:
            raise StateUnavailable(f"the host's limit counters (sqlite) are unavailable: {type(error).__name__}") \
                from None

    async def close(self) -> None:
        def shut() -> None:
            if self._db is not None:
                self._db.close()
                self._db = None
        await asyncio.get_running_loop().run_in_executor(self._thread, shut)
        self._thread.shutdown(wait=False)


def _unavailable(error: Exception) -> StateUnavailable:
    return StateUnavailable(f"the host's limit counters (sqlite) are unavailable: {type(error).__name__}")
