"""The Kubernetes manifests, the image's Dockerfile and its scripts, checked without a cluster or a
Docker engine: schemas of real Kubernetes versions, hadolint, shellcheck, and the real CLI."""

from __future__ import annotations

import fnmatch
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import dockerfile
import pytest
import yaml
from kubernetes_validate.utils import ValidationError, latest_version, validate

from filters.policy.model import load_policy
from gateway.config import parse_config

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
K8S = DEPLOY / "kubernetes"
BIN = Path(sys.executable).parent
# The oldest Kubernetes the manifests are meant for, and the newest whose schemas the validator ships.
K8S_VERSIONS = ["1.29", latest_version()]
DEV_KEY_SHA256 = "e5b1e0fc2c93ce5dd90283110905834fea0f6a11657f3a294ed3db1af525910c"  # mg-dev-key


def manifests() -> dict[str, dict[str, Any]]:
    """Every object under deploy/kubernetes, by "Kind/name"."""
    objects = {}
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc and doc["kind"] != "Kustomization":
                objects[f"{doc['kind']}/{doc['metadata']['name']}"] = doc
    return objects


OBJECTS = manifests()
DEPLOYMENT = OBJECTS["Deployment/magic-gateway"]
POD = DEPLOYMENT["spec"]["template"]
CONTAINER = POD["spec"]["containers"][0]
SECRET = OBJECTS["Secret/magic-gateway-secrets"]


def tool(name: str) -> str:
    found = shutil.which(name, path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if found is None:
        pytest.fail(f"{name} is not installed: install the test extras (pip install -e '.[test]')")
    return found


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, env=env, input=stdin, timeout=300, cwd=REPO)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection attempt fails the test: validation must use the bundled schemas only."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access during validation: {args}")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# Kubernetes objects


@pytest.mark.parametrize("version", K8S_VERSIONS)
@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_every_object_validates_against_the_kubernetes_schema(name: str, version: str, no_network: None) -> None:
    validate(OBJECTS[name], version, strict=True)


def test_the_validator_rejects_a_misspelled_field(no_network: None) -> None:
    broken = yaml.safe_load(yaml.safe_dump(DEPLOYMENT))
    broken["spec"]["template"]["spec"]["containers"][0]["readinessprobe"] = CONTAINER["readinessProbe"]
    with pytest.raises(ValidationError, match="readinessprobe"):
        validate(broken, K8S_VERSIONS[0], strict=True)


def test_kustomization_applies_every_object_but_the_placeholder_secret() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    files = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml", "secret.yaml"}
    assert sorted(kustomization["resources"]) == sorted(files)


def test_every_object_lives_in_the_gateway_namespace() -> None:
    namespace = OBJECTS["Namespace/magic-gateway"]["metadata"]["name"]
    for name, obj in OBJECTS.items():
        if obj["kind"] != "Namespace":
            assert obj["metadata"]["namespace"] == namespace, name


def test_services_budget_and_autoscaler_point_at_the_gateway_pods() -> None:
    pod_labels = POD["metadata"]["labels"]
    assert DEPLOYMENT["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    for name in ("Service/magic-gateway", "Service/magic-gateway-metrics"):
        service = OBJECTS[name]["spec"]
        assert service["selector"].items() <= pod_labels.items(), name
        assert [p["targetPort"] for p in service["ports"]] == ["http"], name
    assert OBJECTS["Service/magic-gateway-metrics"]["spec"]["clusterIP"] == "None"
    assert OBJECTS["PodDisruptionBudget/magic-gateway"]["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    hpa = OBJECTS["HorizontalPodAutoscaler/magic-gateway"]["spec"]
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "magic-gateway"}
    assert hpa["minReplicas"] == DEPLOYMENT["spec"]["replicas"] == 3
    assert hpa["maxReplicas"] > hpa["minReplicas"]


def test_probes_use_the_gateway_endpoints_on_its_port() -> None:
    assert CONTAINER["ports"] == [{"name": "http", "containerPort": 8080, "protocol": "TCP"}]
    assert CONTAINER["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
    assert CONTAINER["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    assert CONTAINER["startupProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    annotations = POD["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert annotations["prometheus.io/port"] == "8080"
    assert annotations["prometheus.io/path"] == "/metrics"


def test_resources_leave_room_for_the_language_model() -> None:
    def mebibytes(quantity: str) -> float:
        units = {"Mi": 1, "Gi": 1024}
        return float(quantity[:-2]) * units[quantity[-2:]]

    resources = CONTAINER["resources"]
    assert mebibytes(resources["requests"]["memory"]) >= 1024
    assert mebibytes(resources["limits"]["memory"]) >= mebibytes(resources["requests"]["memory"])
    assert float(resources["limits"]["cpu"]) >= float(resources["requests"]["cpu"]) >= 1


def test_pods_meet_the_restricted_pod_security_standard() -> None:
    namespace_labels = OBJECTS["Namespace/magic-gateway"]["metadata"]["labels"]
    assert namespace_labels["pod-security.kubernetes.io/enforce"] == "restricted"
    pod = POD["spec"]["securityContext"]
    assert pod["runAsNonRoot"] is True and pod["runAsUser"] != 0
    assert pod["seccompProfile"] == {"type": "RuntimeDefault"}
    container = CONTAINER["securityContext"]
    assert container["allowPrivilegeEscalation"] is False
    assert container["readOnlyRootFilesystem"] is True
    assert container["capabilities"] == {"drop": ["ALL"]}
    assert POD["spec"]["automountServiceAccountToken"] is False


def test_the_only_writable_directory_is_an_empty_dir_on_tmp() -> None:
    volumes = {v["name"]: v for v in POD["spec"]["volumes"]}
    writable = [m for m in CONTAINER["volumeMounts"] if not m.get("readOnly")]
    assert [m["mountPath"] for m in writable] == ["/tmp"]
    assert "emptyDir" in volumes[writable[0]["name"]]


def container_env() -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in CONTAINER["env"]}


def configmap_config() -> dict[str, Any]:
    return yaml.safe_load(OBJECTS["ConfigMap/magic-gateway-config"]["data"]["gateway.yaml"])


def test_the_config_map_is_mounted_where_the_image_reads_its_config() -> None:
    mount = next(m for m in CONTAINER["volumeMounts"] if m["name"] == "config")
    volume = next(v for v in POD["spec"]["volumes"] if v["name"] == "config")["configMap"]
    assert volume["name"] == "magic-gateway-config"
    mounted = [f"{mount['mountPath']}/{item['path']}" for item in volume["items"]]
    assert mounted == [container_env()["MAGIC_GATEWAY_CONFIG"]["value"]] == ["/etc/magic-gateway/gateway.yaml"]
    assert dockerfile_env()["MAGIC_GATEWAY_CONFIG"] == "/etc/magic-gateway/gateway.yaml"


def test_the_config_map_holds_a_valid_gateway_config_with_the_shipped_policy() -> None:
    config = parse_config(configmap_config(), "configmap.yaml")
    assert load_policy(config.policy_path()).version >= 1
    assert config.server.host == "0.0.0.0" and config.server.port == 8080
    # The published development key must not open a deployed gateway.
    assert DEV_KEY_SHA256 not in {k.sha256 for k in config.keys}


def test_every_secret_the_config_names_comes_from_the_secret() -> None:
    config = parse_config(configmap_config(), "configmap.yaml")
    needed = {p.api_key_env for p in config.providers if p.api_key_env} | {"MAGIC_GATEWAY_SECRET"}
    env = container_env()
    for name in needed:
        ref = env[name]["valueFrom"]["secretKeyRef"]
        assert ref["name"] == SECRET["metadata"]["name"]
        assert ref["key"] in SECRET["stringData"], name
    assert env["MAGIC_GATEWAY_REQUIRE_SECRET"]["value"] == "1"
    assert set(SECRET["stringData"].values()) == {"REPLACE_ME"}


# The image


def dockerfile_commands() -> tuple[dockerfile.Command, ...]:
    return dockerfile.parse_file(str(DEPLOY / "Dockerfile"))


def dockerfile_env() -> dict[str, str]:
    env = {}
    for command in dockerfile_commands():
        if command.cmd == "ENV":
            env.update(zip(command.value[::2], command.value[1::2]))
    return env


def ignored(path: str, patterns: list[str]) -> bool:
    """Docker's ignore rules for one path: the last pattern that matches it decides."""
    excluded = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        parts = path.split("/")
        prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        if any(fnmatch.fnmatchcase(p, pattern) or fnmatch.fnmatchcase(p, pattern.removeprefix("**/"))
               for p in prefixes):
            excluded = not negated
    return excluded


def test_dockerfile_passes_hadolint() -> None:
    result = run(tool("hadolint"), str(DEPLOY / "Dockerfile"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_runs_the_gateway_as_a_non_root_user() -> None:
    commands = dockerfile_commands()
    assert commands[0].cmd == "FROM" and commands[0].value == ("python:3.11-slim",)
    users = [i for i, c in enumerate(commands) if c.cmd == "USER"]
    runs = [i for i, c in enumerate(commands) if c.cmd == "RUN"]
    assert users and users[-1] > runs[-1], "USER must come after the last RUN"
    uid, _, gid = commands[users[-1]].value[0].partition(":")
    assert int(uid) == POD["spec"]["securityContext"]["runAsUser"]
    assert int(gid) == POD["spec"]["securityContext"]["runAsGroup"]
    entrypoint = next(c for c in commands if c.cmd == "ENTRYPOINT")
    assert entrypoint.json and entrypoint.value[-1] == "/app/deploy/docker-entrypoint.sh"
    healthcheck = next(c for c in commands if c.cmd == "HEALTHCHECK")
    assert "http://127.0.0.1:8080/healthz" in " ".join(healthcheck.value)
    assert next(c for c in commands if c.cmd == "EXPOSE").value == ("8080",)
    installs = [c.value[0] for c in commands if c.cmd == "RUN"]
    assert any("install.sh deps" in r for r in installs) and any("install.sh check" in r for r in installs)


def test_everything_the_dockerfile_copies_is_in_the_build_context() -> None:
    patterns = [line.strip() for line in (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    for command in dockerfile_commands():
        if command.cmd == "COPY":
            for source in command.value[:-1]:
                assert (REPO / source).exists(), source
                assert not ignored(source.rstrip("/"), patterns), f"{source} is excluded by the dockerignore"
    for heavy in (".venv/bin/python", "tests/conftest.py", ".git/HEAD"):
        assert ignored(heavy, patterns), heavy


def test_the_scripts_pass_shellcheck_and_parse() -> None:
    scripts = [DEPLOY / n for n in ("install.sh", "docker-entrypoint.sh", "install-system-deps.sh")]
    result = run(tool("shellcheck"), *map(str, scripts))
    assert result.returncode == 0, result.stdout
    for script in scripts:
        shell = "sh" if script.read_text().startswith("#!/bin/sh") else "bash"
        assert run(shell, "-n", str(script)).returncode == 0, script


def test_the_image_installs_every_runtime_dependency_of_the_package() -> None:
    import tomllib

    result = run("bash", str(DEPLOY / "install.sh"), "requirements", str(REPO),
                 env={**os.environ, "PYTHON": sys.executable})
    assert result.returncode == 0, result.stderr
    expected = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert result.stdout.splitlines() == expected


def test_the_image_build_check_passes_with_the_installed_package() -> None:
    """The smoke test the image build runs: the model loads, the CLI parses, a scan redacts."""
    result = run("bash", str(DEPLOY / "install.sh"), "check", str(REPO),
                 env={**os.environ, "PYTHON": sys.executable})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "scan redacts" in result.stdout


# The entrypoint, with the real CLI


def entrypoint_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAGIC_GATEWAY_")}
    return {**env, "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}", **extra}


@pytest.mark.parametrize("secret", ["", "REPLACE_ME", "too-short"])
def test_the_entrypoint_refuses_a_missing_or_placeholder_secret_when_required(secret: str) -> None:
    result = run("sh", str(DEPLOY / "docker-entrypoint.sh"),
                 env=entrypoint_env(MAGIC_GATEWAY_REQUIRE_SECRET="1", MAGIC_GATEWAY_SECRET=secret))
    assert result.returncode == 78
    assert "MAGIC_GATEWAY_SECRET" in result.stderr


def test_the_entrypoint_passes_its_config_to_the_real_cli(tmp_path: Path) -> None:
    missing = tmp_path / "absent.yaml"
    result = run("sh", str(DEPLOY / "docker-entrypoint.sh"),
                 env=entrypoint_env(MAGIC_GATEWAY_CONFIG=str(missing), MAGIC_GATEWAY_REQUIRE_SECRET="1",
                                    MAGIC_GATEWAY_SECRET="x" * 64))
    assert result.returncode == 2
    assert f"magic-gateway: {missing}: cannot read" in result.stderr


def test_the_entrypoint_passes_its_workers_to_the_real_cli() -> None:
    result = run("sh", str(DEPLOY / "docker-entrypoint.sh"), env=entrypoint_env(MAGIC_GATEWAY_WORKERS="many"))
    assert result.returncode == 2
    assert "argument --workers: invalid int value: 'many'" in result.stderr


def http_status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_entrypoint_serves_the_cluster_config_and_stops_on_sigterm(tmp_path: Path, redis_server) -> None:
    """What a pod does: start on the ConfigMap's config (its Redis a real one on loopback), become ready,
    expose metrics, drain on SIGTERM."""
    config = tmp_path / "gateway.yaml"
    config.write_text(OBJECTS["ConfigMap/magic-gateway-config"]["data"]["gateway.yaml"])
    port = free_port()
    env = entrypoint_env(MAGIC_GATEWAY_CONFIG=str(config), MAGIC_GATEWAY_REQUIRE_SECRET="1",
                         MAGIC_GATEWAY_SECRET="s" * 64, OPENAI_API_KEY="sk-unused", ANTHROPIC_API_KEY="sk-unused",
                         MAGIC_GATEWAY_REDIS_URL=redis_server.url, TMPDIR=str(tmp_path))
    # Extra arguments win over the entrypoint's defaults: loopback and a free port for the test.
    log = tmp_path / "gateway.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(["sh", str(DEPLOY / "docker-entrypoint.sh"), "--host", "127.0.0.1",
                                    "--port", str(port)], env=env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                                   stderr=stderr)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while http_status(f"{base}/readyz") != 200:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "not ready within 240 s"
            time.sleep(0.5)
        assert http_status(f"{base}/healthz") == 200
        with urllib.request.urlopen(f"{base}/metrics", timeout=5) as response:
            assert "magic_gateway_in_flight_requests" in response.read().decode()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=90) == 0, log.read_text()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
