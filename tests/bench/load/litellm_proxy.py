"""LiteLLM's proxy in the same run: one pinned version in its own venv, pointed at the same mock.

    make bench-litellm     # creates tests/bench/.litellm-venv with litellm[proxy]==VERSION

It is started with LITELLM_LOCAL_MODEL_COST_MAP=True (its bundled model cost map, no download), one
worker, no database, a master key (so both proxies check a key), the mock as an OpenAI-compatible
provider. The benchmark skips it, and says so, when its venv is missing.

For the redaction scenario a second one runs with LiteLLM's Presidio guardrail (`guardrail: presidio`,
`pre_call`, on for every request), which calls Presidio's analyzer and anonymizer services
(`presidio_services.py`, in the same venv, with presidio-analyzer and presidio-anonymizer).
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


PRESIDIO_SERVICES = Path(__file__).resolve().with_name("presidio_services.py")


def presidio_installed() -> bool:
    return installed() and any((VENV / "lib").glob("python3*/site-packages/presidio_anonymizer"))


def start_presidio(processes: Processes) -> tuple[Started, str]:
    """Presidio's analyzer and anonymizer endpoints on a free loopback port (both on one server)."""
    port = free_port()
    # -I: the script's folder stays off sys.path (its profile.py would hide the standard library's)
    started = processes.start("presidio", [str(VENV / "bin" / "python"), "-I", str(PRESIDIO_SERVICES),
                                           "--port", str(port)], env={}, cwd=VENV)
    url = f"http://{HOST}:{port}"
    wait_http(url + "/health", started, timeout_s=240)
    return started, url


def start_litellm(processes: Processes, folder: Path, mock_url: str, model: str,
                  presidio_url: str | None = None) -> tuple[Started, str]:
    """LiteLLM's proxy on a free loopback port; its base URL once it answers its liveness probe. With
    `presidio_url`, its Presidio guardrail masks every request before it is sent."""
    config: dict[str, object] = {
        "model_list": [{"model_name": model, "litellm_params": {
            "model": f"openai/{model}", "api_base": f"{mock_url}/v1", "api_key": "sk-mock"}}],
        "general_settings": {"master_key": MASTER_KEY},
        "litellm_settings": {"telemetry": False, "drop_params": True},
    }
    env = {"LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_LOG": "ERROR", "LITELLM_TELEMETRY": "False",
           "NO_DOCS": "True", "DISABLE_ADMIN_UI": "True"}
    name = "litellm"
    if presidio_url is not None:
        name = "litellm-presidio"
        config["guardrails"] = [{"guardrail_name": "presidio-pii", "litellm_params": {
            "guardrail": "presidio", "mode": "pre_call", "default_on": True}}]
        env.update({"PRESIDIO_ANALYZER_API_BASE": presidio_url, "PRESIDIO_ANONYMIZER_API_BASE": presidio_url})
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(config))
    port = free_port()
    started = processes.start(name, [str(VENV / "bin" / "litellm"), "--config", str(path), "--host", HOST,
                                     "--port", str(port), "--num_workers", "1"], env=env, cwd=folder)
    url = f"http://{HOST}:{port}"
    wait_http(url + "/health/liveliness", started, timeout_s=240)
    return started, url
