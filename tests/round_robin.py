"""A round-robin TCP load balancer on a loopback port, for the tests of several replicas: each new client
connection goes to the next backend in turn; a backend that refuses the connection (a replica draining
after SIGTERM has closed its port, or one that has exited) is skipped for the next one, as haproxy's
`redispatch` or nginx's `proxy_next_upstream` do. It runs in a thread with its own event loop."""

from __future__ import annotations

import asyncio
import contextlib
import threading

from serving import free_port


class RoundRobin:
    def __init__(self, backends: list[int]) -> None:
        self.backends = list(backends)
        self.port = free_port()
        self.chosen: list[int] = []        # the backend port of each client connection, in order
        self.skipped: list[int] = []       # backend ports that refused a connection
        self._next = 0
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)

    async def _connect(self) -> tuple[int, asyncio.StreamReader, asyncio.StreamWriter] | None:
        for _ in range(len(self.backends)):
            port = self.backends[self._next % len(self.backends)]
            self._next += 1
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                self.skipped.append(port)
                continue
            return port, reader, writer
        return None

    async def _serve(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        backend = await self._connect()
        if backend is None:
            client_writer.close()
            return
        port, reader, writer = backend
        self.chosen.append(port)

        async def pipe(source: asyncio.StreamReader, target: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError):
                while data := await source.read(65536):
                    target.write(data)
                    await target.drain()
            with contextlib.suppress(OSError):
                if target.can_write_eof():
                    target.write_eof()

        await asyncio.gather(pipe(client_reader, writer), pipe(reader, client_writer))
        for each in (writer, client_writer):
            each.close()

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
