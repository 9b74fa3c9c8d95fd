"""`serve --workers N`: N server processes on one port, and the parent that supervises them.

The parent owns the lifecycle. SIGTERM or SIGINT: each server process is told once to drain (it stops
accepting, lets requests and streams in flight finish within `server.drain_s`, then exits 0); a
process still alive `drain_s + EXIT_GRACE_S` after that is killed, so the group always exits. SIGHUP
is passed to every server process, each reloads on its own. The exit status is 0 when every server
process ended cleanly, 1 otherwise (one died, or had to be killed).

The handlers are in place before the first process starts: a SIGTERM that arrives while they are
being spawned still stops them all, rather than killing the parent and orphaning its children.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Callable
from multiprocessing.context import SpawnContext, SpawnProcess
from types import FrameType

log = logging.getLogger("magic_gateway")
EXIT_GRACE_S = 10.0   # beyond the drain: interpreter shutdown, the analysis processes' exit
POLL_S = 0.2


class Supervisor:
    def __init__(self, context: SpawnContext, target: Callable[..., None], args: tuple[object, ...],
                 count: int, drain_s: float) -> None:
        self._workers: list[SpawnProcess] = [context.Process(target=target, args=args, daemon=False)
                                             for _ in range(count)]
        self._drain_s = drain_s
        self._deadline: float | None = None   # set by the first SIGTERM/SIGINT

    def _stop(self, signum: int, _frame: FrameType | None) -> None:
        if self._deadline is not None:
            return   # a second signal (the whole group got it too) changes nothing
        self._deadline = time.monotonic() + self._drain_s + EXIT_GRACE_S
        for worker in self._workers:
            if worker.is_alive():
                worker.terminate()   # SIGTERM: the server process drains

    def _reload(self, _signum: int, _frame: FrameType | None) -> None:
        for worker in self._workers:
            if worker.is_alive() and worker.pid is not None:
                os.kill(worker.pid, signal.SIGHUP)

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        signal.signal(signal.SIGHUP, self._reload)
        for worker in self._workers:
            if self._deadline is None:
                worker.start()
        started = [w for w in self._workers if w.pid is not None]
        killed = False
        while any(w.is_alive() for w in started):
            if self._deadline is not None and time.monotonic() > self._deadline:
                for worker in started:
                    if worker.is_alive():
                        log.error("a server process did not exit within server.drain_s; killed",
                                  extra={"fields": {"pid": worker.pid}})
                        worker.kill()
                        killed = True
            for worker in started:
                worker.join(POLL_S / max(len(started), 1))
        # A process stopped by our SIGTERM before it could install its own handler ends with -SIGTERM.
        clean = {0, -signal.SIGTERM} if self._deadline is not None else {0}
        failed = [w.exitcode for w in started if w.exitcode not in clean]
        if failed and not killed:
            log.error("server processes ended with an error", extra={"fields": {"exit_codes": failed}})
        return 1 if failed or killed else 0
