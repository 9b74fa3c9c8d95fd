"""One analysis worker: a process of its own (killed and replaced when it dies or sticks), or a thread.

A process worker talks to the server over a pipe: a job is sent, and the server waits for the answer or
for the process to end, whichever comes first, in a thread (`multiprocessing.connection.wait`), so the
event loop never blocks on it. A job that runs past `stuck_s` gets its process killed: only a job that
runs does, never a process that is still loading its models (so a deadline shorter than the loading time
cannot make the pool restart in a loop).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from filters.segments import DataClass, TextAnalysis
from filters.text_analyzer import AnalyzerSpec, TextAnalyzer

log = logging.getLogger("magic_gateway")
LOAD_TIMEOUT_S = 300.0   # loading the models: longer than this and the process is given up on


@dataclass(frozen=True)
class AnalysisItem:
    text: str
    stated: DataClass | None
    role: str
    read_uses: bool
    detect: bool = True   # False: only the use check (a chunk of a long text's, see gateway.analysis.chunks)


class WorkerLost(Exception):
    """The worker died or was killed (stuck): its job's request is refused; the worker is replaced."""


class JobFailed(Exception):
    """The analysis raised (the worker lives on): its request is refused."""


def analyse_items(analyzer: TextAnalyzer, tenant: str, items: Sequence[AnalysisItem]) -> list[TextAnalysis]:
    return [analyzer.analyse(i.text, i.stated, i.role, tenant, i.read_uses) if i.detect
            else TextAnalysis(spans=(), detections=(), rule_hits=tuple(analyzer.use_hits(i.text, i.role))) for i in items]


def _process_main(conn: Connection, spec: AnalyzerSpec) -> None:
    # Ctrl-C reaches the whole process group; the server stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    analyzer = TextAnalyzer(spec)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return   # the server is gone
        if message is None:
            return
        tenant, items = message
        try:
            answer: tuple[str, Any] = ("ok", analyse_items(analyzer, tenant, items))
        except Exception as error:  # reported, and the request refused: fail closed
            answer = ("error", type(error).__name__)
        conn.send(answer)


class ProcessWorker:
    """An analysis process and the server's end of its pipe."""

    def __init__(self, spec: AnalyzerSpec, io: ThreadPoolExecutor) -> None:
        self._spec = spec
        self._io = io
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self.loaded = False

    async def start(self) -> None:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(target=_process_main, args=(theirs, self._spec), daemon=True,
                                  name="magic-gateway-analysis")
        process.start()
        theirs.close()
        self._process, self._conn = process, ours
        loop = asyncio.get_running_loop()
        answer = await loop.run_in_executor(self._io, self._await_answer, LOAD_TIMEOUT_S)
        if answer is None or answer[0] != "ready":
            self.stop()
            raise WorkerLost("the analysis process did not load")
        self.loaded = True

    def _await_answer(self, timeout: float) -> Any:
        conn, process = self._conn, self._process
        if conn is None or process is None:
            return None
        ready = wait([conn, process.sentinel], timeout)
        if conn in ready:
            try:
                return conn.recv()
            except (EOFError, OSError):
                return None
        return None

    def _round_trip(self, message: Any, timeout: float) -> Any:
        conn = self._conn
        if conn is None:
            return None
        try:
            conn.send(message)
        except OSError:
            return None
        return self._await_answer(timeout)

    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    async def run(self, tenant: str, items: Sequence[AnalysisItem], stuck_s: float) -> list[TextAnalysis]:
        loop = asyncio.get_running_loop()
        answer = await loop.run_in_executor(self._io, self._round_trip, (tenant, list(items)), stuck_s)
        if answer is None:
            died = not self.alive()
            self.stop()
            raise WorkerLost("an analysis process died" if died else "an analysis process was stuck and was replaced")
        kind, value = answer
        if kind == "error":
            raise JobFailed(str(value))
        result: list[TextAnalysis] = value
        return result

    def stop(self) -> None:
        self.loaded = False
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is not None and process.is_alive():
            process.kill()
        if process is not None:
            process.join(timeout=2)
        if conn is not None:
            conn.close()


class ThreadWorker:
    """`analysis.workers: 0`: the analysis in one thread of the server process. It cannot be killed:
    a stuck job holds its thread; the jobs' bounded size is what keeps that short."""

    def __init__(self, spec: AnalyzerSpec) -> None:
        self._spec = spec
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="analysis")
        self._analyzer: TextAnalyzer | None = None
        self.loaded = False

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._analyzer = await loop.run_in_executor(self._thread, TextAnalyzer, self._spec)
        self.loaded = True

    def alive(self) -> bool:
        return self._analyzer is not None

    async def run(self, tenant: str, items: Sequence[AnalysisItem], stuck_s: float) -> list[TextAnalysis]:
        analyzer = self._analyzer
        if analyzer is None:
            raise WorkerLost("the analysis engine is not loaded")
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._thread, analyse_items, analyzer, tenant, items)
        except Exception as error:
            raise JobFailed(type(error).__name__) from None

    def stop(self) -> None:
        self.loaded = False
        self._analyzer = None
        self._thread.shutdown(wait=False, cancel_futures=True)
