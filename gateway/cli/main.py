"""The `magic-gateway` command: serve, check, scan, mock, audit, replay."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
import tempfile
from collections.abc import Sequence

from filters.configfile import ConfigFileError
from gateway.config import DEFAULT_CONFIG, GatewayConfig
from gateway.observability.logs import setup_logging
from gateway.server.checks import check_files


def _load(path: str, serving: bool = False) -> GatewayConfig:
    """`check_files` (and, for serving, the provider keys), or exit 2 with the reason: no start-up mistake
    ends in a traceback."""
    try:
        config = check_files(path)
    except ConfigFileError as error:
        print(f"magic-gateway: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    missing = config.missing_keys() if serving else []
    if missing:
        print("magic-gateway: " + "\n  ".join([f"{path}: a variable the config names is not set", *missing]), file=sys.stderr)
        raise SystemExit(2)
    return config


async def _serve(config: GatewayConfig, host: str, port: int, reuse_port: bool) -> None:
    from aiohttp import web

    from gateway.server.app import build_app
    from gateway.server.connection import GatewayRunner
    from gateway.server.reload import reload_state

    app = build_app(config)
    # cleanup() stops listening first, then waits up to drain_s for requests and streams in flight.
    runner = GatewayRunner(app, config.timeouts, handler_cancellation=True, access_log=None,
                           shutdown_timeout=config.server.drain_s)
    await runner.setup()
    site = web.TCPSite(runner, host, port, reuse_port=reuse_port or None)
    await site.start()
    from gateway.cli.banner import banner
    from gateway.server.heap import settle

    settle()   # start-up's objects out of the collector's full collections (gateway/server/heap.py)

    print(banner(config, app, f"http://{host}:{port}"), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    reloads: set[asyncio.Task[bool]] = set()

    def reload() -> None:
        task = asyncio.create_task(reload_state(app, config.source))
        reloads.add(task)
        task.add_done_callback(reloads.discard)

    loop.add_signal_handler(signal.SIGHUP, reload)
    await stop.wait()
    await runner.cleanup()


def _run_server(config: GatewayConfig, host: str, port: int, reuse_port: bool) -> None:
    """The server on uvloop's event loop: the same asyncio API, its transports and timers in C."""
    import uvloop

    uvloop.run(_serve(config, host, port, reuse_port=reuse_port))


def _with_overrides(config: GatewayConfig, record: str | None) -> GatewayConfig:
    if not record:
        return config
    recording = config.recording.model_copy(update={"dir": os.path.abspath(record), "all_tenants": True})
    return config.model_copy(update={"recording": recording})


def _serve_worker(config_path: str, host: str, port: int, record: str | None) -> None:
    config = _with_overrides(_load(config_path, serving=True), record)
    setup_logging(config.logging.level)
    _run_server(config, host, port, reuse_port=True)
    # Drained and cleaned up: nothing is left to finish, so the process ends now rather than in the
    # interpreter's exit hooks, which wait on every thread and process pool still around (issue 13,
    # item 17). Its analysis processes are stopped first, so that none outlives it.
    import multiprocessing

    for child in multiprocessing.active_children():
        child.terminate()
        child.join(5)
    logging.shutdown()
    sys.stdout.flush()
    os._exit(0)


def cmd_serve(args: argparse.Namespace) -> int:
    config = _with_overrides(_load(args.config, serving=True), args.record)
    setup_logging(config.logging.level)
    host = args.host or config.server.host
    port = args.port if args.port is not None else config.server.port
    if args.workers <= 1:
        _run_server(config, host, port, reuse_port=False)
        return 0
    import multiprocessing

    # Several processes share the port; metrics are summed over them through a shared directory.
    os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="magic-gateway-metrics-"))
    # ...and a console session opened in one process is known to the others (gateway/console/session_store.py).
    os.environ.setdefault("MAGIC_GATEWAY_CONSOLE_SESSIONS", tempfile.mkdtemp(prefix="magic-gateway-console-"))
    # ...and the limits' counts are one count for the host, not one per process (gateway/limits/opening.py).
    os.environ.setdefault("MAGIC_GATEWAY_LOCAL_STATE", tempfile.mkdtemp(prefix="magic-gateway-state-"))
    # ...and so is a reasoning or thinking blob one of them relayed, without Redis (gateway/upstream/relayed_blobs.py).
    os.environ.setdefault("MAGIC_GATEWAY_RELAYED_BLOBS", tempfile.mkdtemp(prefix="magic-gateway-blobs-"))
    from gateway.cli.workers import Supervisor

    supervisor = Supervisor(multiprocessing.get_context("spawn"), _serve_worker, (args.config, host, port, args.record),
                            args.workers, config.server.drain_s)
    return supervisor.run()


def cmd_check(args: argparse.Namespace) -> int:
    config = _load(args.config, serving=True)
    tenants = sorted({k.tenant for k in config.keys} | set(config.tenants))
    print(f"{config.source}: valid ({len(config.providers)} providers, {len(config.models)} model routes, "
          f"{len(config.keys)} keys, tenants: {', '.join(tenants)})")
    return 0


def cmd_scan(args: argparse.Namespace) -> int:
    from gateway.cli.scan import run_scan

    config = _load(args.config)
    setup_logging("warning")
    return asyncio.run(run_scan(config, sys.stdin, sys.stdout))


def cmd_mock(args: argparse.Namespace) -> int:
    from gateway.mock.server import run_mock
    from gateway.mock.settings import MockSettings

    setup_logging("info")
    # --reply: a fixed answer instead of the echo, so a benchmark's answers do not grow with its prompts.
    settings = MockSettings.from_mapping({"echo": False, "reply": args.reply} if args.reply is not None else {})
    run_mock(args.host, args.port, settings)
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    import json

    from gateway.observability.audit_report import print_summary, records, summarise, trail_files

    files = trail_files(args.paths)
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        print(f"magic-gateway audit: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    summary = summarise(records(files, args.since, args.until))
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print_summary(summary, sys.stdout)
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    from pathlib import Path

    from gateway.recording.replay import replay

    config = _load(args.config)
    setup_logging("warning")
    return asyncio.run(replay(config, [Path(p) for p in args.cassettes], sys.stdout))


def main(argv: Sequence[str] | None = None) -> int:
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("magic-gateway")
    except PackageNotFoundError:
        installed = "unknown"
    parser = argparse.ArgumentParser(prog="magic-gateway", description=__doc__)
    parser.add_argument("--version", action="version", version=f"magic-gateway {installed}")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the gateway")
    serve.add_argument("--config", default=str(DEFAULT_CONFIG), help="gateway configuration file")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int, default=1, help="server processes sharing the port")
    serve.add_argument("--record", metavar="DIR", help="record every request as a cassette in DIR")
    serve.set_defaults(run=cmd_serve)

    check = commands.add_parser("check", help="validate a configuration, its policy and data files; do not serve")
    check.add_argument("--config", default=str(DEFAULT_CONFIG), help="gateway configuration file")
    check.set_defaults(run=cmd_check)

    scan = commands.add_parser("scan", help="screen JSON lines from stdin as the server would")
    scan.add_argument("--config", default=str(DEFAULT_CONFIG))
    scan.add_argument("--jsonl", action="store_true", required=True, help="read and write JSON lines")
    scan.set_defaults(run=cmd_scan)

    mock = commands.add_parser("mock", help="run the built-in mock provider on its own")
    mock.add_argument("--host", default="127.0.0.1")
    mock.add_argument("--port", type=int, default=8090)
    mock.add_argument("--reply", metavar="TEXT", help="answer every request with TEXT instead of echoing it")
    mock.set_defaults(run=cmd_mock)

    audit = commands.add_parser("audit", help="summarise an audit trail by tenant, clause and entity")
    audit.add_argument("paths", nargs="+", help="audit files or directories")
    audit.add_argument("--since", help="ISO time, e.g. 2026-11-01 or 2026-11-01T12:00")
    audit.add_argument("--until", help="ISO time (exclusive)")
    audit.add_argument("--json", action="store_true", help="print the summary as JSON")
    audit.set_defaults(run=cmd_audit)

    replay = commands.add_parser("replay", help="replay cassettes under a policy and print what changed")
    replay.add_argument("cassettes", nargs="+")
    replay.add_argument("--config", default=str(DEFAULT_CONFIG))
    replay.set_defaults(run=cmd_replay)

    args = parser.parse_args(argv)
    return int(args.run(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
