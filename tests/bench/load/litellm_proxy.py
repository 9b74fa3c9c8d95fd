"""LiteLLM's proxy in the same run: one pinned version in its own venv, pointed at the same mock.

    make bench-litellm     # creates tests/bench/.litellm-venv with litellm[proxy]==VERSION

It is started with LITELLM_LOCAL_MODEL_COST_MAP=True (its bundled model cost map, no download), one
worker, no database, a master key (so both proxies check a key), the mock as an OpenAI-compatible
provider. The benchmark skips it, and says so, when its venv is missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from tests.bench.load.processes import HOST, Processes, Started, free_port, wait_http

VERSION = "1.108.7"
VENV = Path(__file__).resolve().parents[1] / ".litellm-venv"
MASTER_KEY = "sk-bench-litellm"


def installed() -> bool:
    return (VENV / "bin" / "litellm").exists()


def install_hint() -> str:
    return (f"{sys.executable} -m venv {VENV} && {VENV}/bin/pip install 'litellm[proxy]=={VERSION}' "
            "(or make bench-litellm)")


def start_litellm(processes: Processes, folder: Path, mock_url: str, model: str) -> tuple[Started, str]:
    """LiteLLM's proxy on a free loopback port; its base URL once it answers its liveness probe."""
    config = {
        "model_list": [{"model_name": model, "litellm_params": {
            "model": f"openai/{model}", "api_base": f"{mock_url}/v1", "api_key": "sk-mock"}}],
        "general_settings": {"master_key": MASTER_KEY},
        "litellm_settings": {"telemetry": False, "drop_params": True},
    }
    path = folder / "litellm.yaml"
    path.write_text(yaml.safe_dump(config))
    port = free_port()
    env = {"LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_LOG": "ERROR", "LITELLM_TELEMETRY": "False",
           "NO_DOCS": "True", "DISABLE_ADMIN_UI": "True"}
    started = processes.start("litellm", [str(VENV / "bin" / "litellm"), "--config", str(path), "--host", HOST,
                                          "--port", str(port), "--num_workers", "1"], env=env, cwd=folder)
    url = f"http://{HOST}:{port}"
    wait_http(url + "/health/liveliness", started, timeout_s=240)
    return started, url
