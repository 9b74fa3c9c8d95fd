"""Runs text analysis off the event loop, in supervised worker processes, fairly between tenants, with a
per-tenant cache in front.

A request's uncached texts are cut into short jobs (`gateway.analysis.chunks`: a long text in overlapping
chunks, analysed by several processes at once when there are several), queued per tenant
(`gateway.analysis.fair`: a free worker takes the job of the tenant with the least recent analysis time),
and joined again. The cache is bounded by entries and by bytes (`analysis.cache_entries`,
`analysis.cache_mb`, each entry's size estimated from what it holds), the least recently used going
first, so a server's memory levels off however many distinct texts it sees. Each worker slot is its own supervisor: a process that dies, idle or busy, or sticks on
one job past `analysis.stuck_s`, is killed and replaced at once, and `ready` is false while no worker is
loaded. Fail closed: a request whose analysis does not finish within `timeouts.analysis_s`, whose worker
dies, or whose tenant has too much waiting is refused with 503 and Retry-After, never forwarded unscanned.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import time
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from filters.segments import TextAnalysis
from filters.text_analyzer import AnalyzerSpec
from gateway.analysis.chunks import Piece, jobs_of, join
from gateway.analysis.fair import FairQueue, Job, QueueFull
from gateway.analysis.workers import AnalysisItem, JobFailed, ProcessWorker, ThreadWorker, WorkerLost
from gateway.errors import GatewayError

__all__ = ["AnalysisItem", "AnalysisService", "AnalysisUnavailable"]
log = logging.getLogger("magic_gateway")
IDLE_CHECK_S = 0.5   # how often an idle worker is looked at: a process killed while idle is replaced this soon
# What a cached analysis costs in memory (measured with tracemalloc on unpickled results, rounded up): the
# key, the ordered dict's node and the result object, and each span, detection and rule hit in it.
ENTRY_BYTES, SPAN_BYTES, DETECTION_BYTES, RULE_HIT_BYTES = 500, 200, 500, 500


def entry_bytes(analysis: TextAnalysis) -> int:
    """The estimated memory of one cached analysis."""
    return (ENTRY_BYTES + SPAN_BYTES * len(analysis.spans) + DETECTION_BYTES * len(analysis.detections)
            + RULE_HIT_BYTES * len(analysis.rule_hits))


class AnalysisUnavailable(GatewayError):
    def __init__(self, reason: str, retry_after_s: float = 1.0) -> None:
        super().__init__(503, "analysis_unavailable",
                         f"the request was not forwarded: its content could not be analysed ({reason})",
                         headers={"Retry-After": str(max(1, math.ceil(retry_after_s)))})


class AnalysisService:
    """Analyses texts in `workers` processes (0: one thread); caches results per tenant and text."""

    def __init__(self, spec: AnalyzerSpec, workers: int, cache_entries: int, timeout_s: float,
                 tenant_queue_chars: int = 4_000_000, stuck_s: float = 15.0, cache_bytes: int = 64 << 20) -> None:
        self._spec = spec
        self._workers = workers
        self._timeout_s = timeout_s
        self._stuck_s = stuck_s
        self._cache: OrderedDict[bytes, tuple[TextAnalysis, int]] = OrderedDict()   # (analysis, its bytes)
        self._cache_entries = cache_entries
        self._cache_max_bytes = cache_bytes
        self.cache_bytes = 0   # the estimated memory the cache holds now
        self._queue = FairQueue(tenant_queue_chars)
        self._io = ThreadPoolExecutor(max_workers=max(workers, 1), thread_name_prefix="analysis-io")
        self._current: list[ProcessWorker | ThreadWorker | None] = [None] * max(workers, 1)
        self._tasks: list[asyncio.Task[None]] = []
        self._closed = False

    @property
    def ready(self) -> bool:
        """Whether at least one worker is loaded and alive (what /readyz reports)."""
        return any(w is not None and w.loaded and w.alive() for w in self._current)

    async def start(self) -> None:
        """Start the workers and wait until each has loaded its models (each is replaced when lost)."""
        loop = asyncio.get_running_loop()
        loaded = [loop.create_future() for _ in self._current]
        self._tasks = [asyncio.create_task(self._serve(index, first)) for index, first in enumerate(loaded)]
        await asyncio.gather(*loaded)

    def _new_worker(self) -> ProcessWorker | ThreadWorker:
        return ThreadWorker(self._spec) if self._workers == 0 else ProcessWorker(self._spec, self._io)

    async def _serve(self, index: int, loaded: asyncio.Future[None]) -> None:
        """One worker slot: load a worker, run jobs on it until it is lost, replace it; until closed."""
        failures = 0
        while not self._closed:
            worker = self._new_worker()
            self._current[index] = worker
            try:
                await worker.start()
            except Exception as error:
                worker.stop()
                if not loaded.done():
                    loaded.set_exception(error)
                failures += 1
                log.error("an analysis worker failed to load; trying again", extra={"fields": {"slot": index}})
                await asyncio.sleep(min(30.0, 2.0 ** failures))
                continue
            if loaded.done():
                log.warning("analysis worker replaced", extra={"fields": {"slot": index}})
            else:
                loaded.set_result(None)
            failures = 0
            try:
                await self._run_jobs(worker)
            finally:
                worker.stop()

    async def _run_jobs(self, worker: ProcessWorker | ThreadWorker) -> None:
        while not self._closed and worker.alive():
            job = await self._queue.take(IDLE_CHECK_S)
            if job is None:
                continue
            began = time.monotonic()
            try:
                result = await worker.run(job.tenant, job.payload, self._stuck_s)
            except WorkerLost as error:
                _fail(job, AnalysisUnavailable(str(error)))
                log.error("analysis worker lost", extra={"fields": {"reason": str(error)}})
                return
            except JobFailed as error:
                _fail(job, AnalysisUnavailable(f"analysis failed: {error}"))
                continue
            finally:
                self._queue.charge(job.tenant, time.monotonic() - began)
            if not job.result.done():
                job.result.set_result(result)

    def same_as(self, spec: AnalyzerSpec, workers: int) -> bool:
        """Whether a service built from `spec` with `workers` would be this one (a reload keeps it)."""
        return self._spec == spec and self._workers == workers

    def close(self) -> None:
        self._closed = True
        for task in self._tasks:
            task.cancel()
        for worker in self._current:
            if worker is not None:
                worker.stop()
        self._io.shutdown(wait=False, cancel_futures=True)

    @staticmethod
    def _key(tenant: str, item: AnalysisItem) -> bytes:
        # one call: the parts, each ended by a NUL, then the text
        head = f"{tenant}\0{item.stated.value if item.stated else ''}\0{item.role}\0{'u' if item.read_uses else ''}\0"
        return hashlib.blake2b(head.encode() + item.text.encode("utf-8", "surrogatepass"), digest_size=20).digest()

    def cached(self, tenant: str, item: AnalysisItem) -> TextAnalysis | None:
        key = self._key(tenant, item)
        found = self._cache.get(key)
        if found is None:
            return None
        self._cache.move_to_end(key)
        return found[0]

    async def analyse(self, tenant: str, items: Sequence[AnalysisItem]) -> tuple[list[TextAnalysis], int]:
        """Analyses in the items' order, and how many came from the cache. Fails closed: AnalysisUnavailable."""
        results: list[TextAnalysis | None] = []
        missing: list[int] = []
        for index, item in enumerate(items):
            found = self.cached(tenant, item)
            results.append(found)
            if found is None:
                missing.append(index)
        if missing:
            fresh = await self._run(tenant, [items[i] for i in missing])
            for index, analysis in zip(missing, fresh):
                results[index] = analysis
                self._store(self._key(tenant, items[index]), analysis)
        return [r for r in results if r is not None], len(items) - len(missing)

    async def _run(self, tenant: str, items: list[AnalysisItem]) -> list[TextAnalysis]:
        if self._closed:
            raise AnalysisUnavailable("the analysis engine is stopped")
        loop = asyncio.get_running_loop()
        planned = jobs_of([len(item.text) for item in items], [item.read_uses for item in items])
        jobs = [Job(tenant, [_piece_item(items[p.item], p) for p in pieces], sum(p.end - p.offset for p in pieces),
                    loop.create_future()) for pieces in planned]
        try:
            self._queue.put(jobs)
        except QueueFull:
            raise AnalysisUnavailable("too much of this tenant's text is waiting for analysis",
                                      self._timeout_s) from None
        try:
            done, pending = await asyncio.wait([job.result for job in jobs], timeout=self._timeout_s)
            if pending:
                raise AnalysisUnavailable("analysis timed out", self._timeout_s)
            for job in jobs:
                error = job.result.exception()
                if error is not None:
                    raise error
        finally:
            self._queue.drop(jobs)
            for job in jobs:
                job.result.cancel()   # a job still running is let finish; its result goes nowhere
        chunks: list[list[tuple[Piece, TextAnalysis]]] = [[] for _ in items]
        for pieces, job in zip(planned, jobs):
            for piece, analysis in zip(pieces, job.result.result()):
                chunks[piece.item].append((piece, analysis))
        return [join(item.text, found) for item, found in zip(items, chunks)]

    def _store(self, key: bytes, analysis: TextAnalysis) -> None:
        size = entry_bytes(analysis)
        if self._cache_entries <= 0 or size > self._cache_max_bytes:
            return
        previous = self._cache.pop(key, None)
        if previous is not None:
            self.cache_bytes -= previous[1]
        self._cache[key] = (analysis, size)
        self.cache_bytes += size
        while len(self._cache) > self._cache_entries or self.cache_bytes > self._cache_max_bytes:
            _, (_, dropped) = self._cache.popitem(last=False)
            self.cache_bytes -= dropped


def _piece_item(item: AnalysisItem, piece: Piece) -> AnalysisItem:
    if piece.kind == "all":
        return item
    text = item.text[piece.offset:piece.end]
    if piece.kind == "uses":
        return AnalysisItem(text, item.stated, item.role, read_uses=True, detect=False)
    return AnalysisItem(text, item.stated, item.role, read_uses=False)


def _fail(job: Job, error: Exception) -> None:
    if not job.result.done():
        job.result.set_exception(error)
