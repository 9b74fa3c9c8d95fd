"""Runs text analysis off the event loop, in worker processes, with a per-tenant cache in front."""

from __future__ import annotations

import asyncio
import hashlib
import multiprocessing
import signal
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from filters.segments import DataClass, TextAnalysis
from filters.text_analyzer import AnalyzerSpec, TextAnalyzer
from gateway.errors import GatewayError

_WORKER: TextAnalyzer | None = None
BATCH_CHARS = 32_000  # texts per task: big requests spread over the workers


@dataclass(frozen=True)
class AnalysisItem:
    text: str
    stated: DataClass | None
    role: str
    read_uses: bool


def _init_worker(spec: AnalyzerSpec) -> None:
    global _WORKER
    _WORKER = TextAnalyzer(spec)


def _init_process_worker(spec: AnalyzerSpec) -> None:
    # Ctrl-C reaches the whole process group; the server stops its workers itself, so a worker ignores
    # SIGINT rather than print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init_worker(spec)


def _analyse_batch(tenant: str, items: Sequence[AnalysisItem]) -> list[TextAnalysis]:
    assert _WORKER is not None, "analysis worker not initialised"
    return [_WORKER.analyse(i.text, i.stated, i.role, tenant, i.read_uses) for i in items]


def _ping() -> bool:
    return _WORKER is not None


class AnalysisUnavailable(GatewayError):
    def __init__(self, reason: str) -> None:
        super().__init__(503, "analysis_unavailable",
                         f"the request was not forwarded: its content could not be analysed ({reason})")


class AnalysisService:
    """Analyses texts in `workers` processes (0: one thread); caches results per tenant and text."""

    def __init__(self, spec: AnalyzerSpec, workers: int, cache_entries: int, timeout_s: float) -> None:
        self._spec = spec
        self._workers = workers
        self._timeout_s = timeout_s
        self._cache: OrderedDict[bytes, TextAnalysis] = OrderedDict()
        self._cache_entries = cache_entries
        self._executor: Executor | None = None
        self._started: asyncio.Event | None = None
        self.ready = False

    async def start(self) -> None:
        """Start the workers and wait until each has loaded its models."""
        self._started = self._started or asyncio.Event()
        self._executor = self._new_executor()
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._executor, _ping)
                               for _ in range(max(self._workers, 1))))
        self.ready = True
        self._started.set()

    def _new_executor(self) -> Executor:
        if self._workers == 0:
            return ThreadPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(self._spec,))
        return ProcessPoolExecutor(max_workers=self._workers, initializer=_init_process_worker, initargs=(self._spec,),
                                   mp_context=multiprocessing.get_context("spawn"))

    def same_as(self, spec: AnalyzerSpec, workers: int) -> bool:
        """Whether a service built from `spec` with `workers` would be this one (a reload keeps it)."""
        return self._spec == spec and self._workers == workers

    def close(self) -> None:
        self.ready = False
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    @staticmethod
    def _key(tenant: str, item: AnalysisItem) -> bytes:
        digest = hashlib.blake2b(digest_size=20)
        for part in (tenant, item.stated.value if item.stated else "", item.role, "u" if item.read_uses else ""):
            digest.update(part.encode())
            digest.update(b"\0")
        digest.update(item.text.encode("utf-8", "surrogatepass"))
        return digest.digest()

    def cached(self, tenant: str, item: AnalysisItem) -> TextAnalysis | None:
        key = self._key(tenant, item)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
        return found

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
        if not self.ready:
            # Requests that arrive while the engine loads (a new replica or worker) wait for it, within
            # the analysis deadline, rather than fail at once.
            self._started = self._started or asyncio.Event()
            try:
                async with asyncio.timeout(self._timeout_s):
                    await self._started.wait()
            except TimeoutError:
                raise AnalysisUnavailable("the analysis engine is not ready") from None
        if self._executor is None:
            raise AnalysisUnavailable("the analysis engine is not ready")
        batches: list[list[AnalysisItem]] = [[]]
        size = 0
        for item in items:
            if size > BATCH_CHARS and batches[-1]:
                batches.append([])
                size = 0
            batches[-1].append(item)
            size += len(item.text)
        loop = asyncio.get_running_loop()
        futures = [loop.run_in_executor(self._executor, _analyse_batch, tenant, batch) for batch in batches]
        try:
            async with asyncio.timeout(self._timeout_s):
                done = await asyncio.gather(*futures)
        except TimeoutError:
            for future in futures:
                future.cancel()
            self._restart()
            raise AnalysisUnavailable("analysis timed out") from None
        except BrokenProcessPool:
            self._restart()
            raise AnalysisUnavailable("an analysis worker died") from None
        except Exception as error:  # any analysis error refuses the request: fail closed
            raise AnalysisUnavailable(f"analysis failed: {type(error).__name__}") from None
        return [analysis for batch in done for analysis in batch]

    def _restart(self) -> None:
        """A worker stuck on a hostile text would delay everyone: replace the pool."""
        old = self._executor
        if isinstance(old, ProcessPoolExecutor):
            for process in list(getattr(old, "_processes", {}).values()):
                process.terminate()
            old.shutdown(wait=False, cancel_futures=True)
            self._executor = self._new_executor()

    def _store(self, key: bytes, analysis: TextAnalysis) -> None:
        if self._cache_entries <= 0:
            return
        self._cache[key] = analysis
        if len(self._cache) > self._cache_entries:
            self._cache.popitem(last=False)
