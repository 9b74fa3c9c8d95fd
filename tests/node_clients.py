"""Runs a Node client script of `tests/node/` against a gateway and returns the JSON line it prints.

The packages are pinned in `tests/node/package-lock.json` and installed by `make test` (`npm ci`);
nothing is fetched at run time. A missing install fails the test with what to run, never skips it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

NODE_DIR = Path(__file__).resolve().parent / "node"
TIMEOUT_S = 120


def run_node(script: str, scenario: str, gateway_url: str, key: str, **env: str) -> dict[str, Any]:
    if not (NODE_DIR / "node_modules" / ".package-lock.json").exists():
        raise AssertionError(f"the Node clients are not installed: run `npm ci` in {NODE_DIR} (make test does)")
    completed = subprocess.run(
        ["node", script, scenario], cwd=NODE_DIR, capture_output=True, text=True, timeout=TIMEOUT_S,
        env={**os.environ, "GATEWAY_URL": gateway_url, "GATEWAY_KEY": key, "NO_COLOR": "1", **env})
    assert completed.returncode == 0, f"node {script} {scenario} failed:\n{completed.stderr[-3000:]}"
    return json.loads(completed.stdout.strip().splitlines()[-1])
