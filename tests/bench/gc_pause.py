"""How long a full garbage collection holds the server process's event loop, with start-up's objects frozen
(`gateway/server/heap.py`) and without.

    .venv/bin/python tests/bench/gc_pause.py

Builds the app as `serve` does (the test config, one analysis process, not started) and times `gc.collect()`
in CPU, the fastest of five, before and after `gc.freeze()`.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from serving import base_config  # noqa: E402

from gateway.server.app import build_app  # noqa: E402
from gateway.server.checks import check_files  # noqa: E402


def full_collection_ms() -> float:
    started = time.process_time()
    gc.collect()
    return (time.process_time() - started) * 1000


def main() -> int:
    path = Path(tempfile.mkdtemp(prefix="magic-gateway-gc-")) / "gateway.yaml"
    path.write_text(yaml.safe_dump(base_config("http://127.0.0.1:9", analysis={"workers": 1})))
    app = build_app(check_files(str(path)))
    print(f"{len(gc.get_objects()):,} objects the collector tracks after start-up ({len(app.router.routes())} routes)")
    print(f"full collection, nothing frozen: {min(full_collection_ms() for _ in range(5)):.1f} ms of CPU")
    gc.freeze()
    print(f"full collection, start-up frozen: {min(full_collection_ms() for _ in range(5)):.1f} ms of CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
