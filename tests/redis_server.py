"""A real `redis-server` on a free loopback port, for the tests of the shared state (installed by
`deploy/install-system-deps.sh`), started with nothing written to disk and stopped afterwards."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time

from serving import free_port


class RedisServer:
    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed: run deploy/install-system-deps.sh (make test does)")
        self.port = free_port()
        self._dir = tempfile.mkdtemp(prefix="mg-redis-")
        self._process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", self._dir],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server did not start")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
        shutil.rmtree(self._dir, ignore_errors=True)


class RedisClusterServers:
    """A Redis Cluster of three masters (no replicas) on free loopback ports, each `redis-server` in
    cluster mode with its bus on a port of its own, the slots spread by `redis-cli --cluster create`."""

    def __init__(self, masters: int = 3) -> None:
        server, cli = shutil.which("redis-server"), shutil.which("redis-cli")
        if server is None or cli is None:
            raise RuntimeError("redis-server is not installed: run deploy/install-system-deps.sh (make test does)")
        self._dir = tempfile.mkdtemp(prefix="mg-redis-cluster-")
        self.ports = [free_port() for _ in range(masters)]
        self._processes = [subprocess.Popen(
            [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", self._dir, "--cluster-enabled", "yes", "--cluster-config-file", f"nodes-{port}.conf",
             "--cluster-port", str(free_port()), "--cluster-node-timeout", "5000"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for port in self.ports]
        try:
            for port in self.ports:
                self._wait(cli, port, "PING", "PONG")
            subprocess.run([cli, "--cluster", "create", *(f"127.0.0.1:{p}" for p in self.ports),
                            "--cluster-replicas", "0", "--cluster-yes"], check=True, capture_output=True, timeout=60)
            for port in self.ports:
                self._wait(cli, port, "CLUSTER INFO", "cluster_state:ok")
        except BaseException:
            self.stop()
            raise

    @staticmethod
    def _wait(cli: str, port: int, command: str, expected: str) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            answer = subprocess.run([cli, "-p", str(port), *command.split()], capture_output=True, text=True)
            if expected in answer.stdout:
                return
            time.sleep(0.1)
        raise RuntimeError(f"redis-server on port {port} never answered {expected!r} to {command}")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.ports[0]}"

    def stop(self) -> None:
        for process in self._processes:
            process.terminate()
        for process in self._processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(self._dir, ignore_errors=True)
