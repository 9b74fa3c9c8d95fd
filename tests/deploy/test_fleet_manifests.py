"""Several replicas on Kubernetes: the in-cluster Redis they share, the overlay for a managed one, the drain
deadline in step with the pod's grace period, and an image whose audit directory its user can write."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from kubernetes_validate.utils import validate
from test_manifests import (
    CONTAINER,
    DEPLOYMENT,
    K8S,
    K8S_VERSIONS,
    OBJECTS,
    POD,
    REPO,
    SECRET,
    configmap_config,
    container_env,
    dockerfile_commands,
)

from gateway.config import parse_config
from gateway.state import open_state

OVERLAY = REPO / "deploy" / "overlays" / "managed-redis"
REDIS = OBJECTS["Deployment/magic-gateway-redis"]
REDIS_POD = REDIS["spec"]["template"]
REDIS_SERVICE = OBJECTS["Service/magic-gateway-redis"]
EXIT_S = 5   # at least this long left for the process to exit once the drain deadline has passed


def test_the_drain_deadline_fits_in_the_grace_period() -> None:
    config = parse_config(configmap_config(), "configmap.yaml")
    pre_stop = CONTAINER["lifecycle"]["preStop"]["exec"]["command"]
    assert pre_stop[0] == "sleep"
    grace = POD["spec"]["terminationGracePeriodSeconds"]
    assert config.server.drain_s >= 30   # long streams get to finish
    assert int(pre_stop[1]) + config.server.drain_s + EXIT_S <= grace
    assert f"drain_s: {config.server.drain_s:g}" in OBJECTS["ConfigMap/magic-gateway-config"]["data"]["gateway.yaml"]


def test_the_replicas_share_the_in_cluster_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    config = parse_config(configmap_config(), "configmap.yaml")
    assert DEPLOYMENT["spec"]["replicas"] > 1 and config.state.on_unavailable == "refuse"
    url = container_env()[config.state.redis_url_env or ""]["value"]
    service, namespace = REDIS_SERVICE["metadata"]["name"], REDIS_SERVICE["metadata"]["namespace"]
    port = REDIS_SERVICE["spec"]["ports"][0]["port"]
    assert re.fullmatch(rf"redis://{service}\.{namespace}\.svc:{port}/\d+", url)
    monkeypatch.setenv(config.state.redis_url_env or "", url)
    assert config.state.url() == url
    assert open_state(config.state).name == "redis"   # the gateway opens Redis, not its own memory
    assert not config.missing_keys() or all("api_key_env" in m for m in config.missing_keys())


def test_the_redis_objects_fit_together_and_only_the_gateway_reaches_redis() -> None:
    labels = REDIS_POD["metadata"]["labels"]
    assert REDIS["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert REDIS_SERVICE["spec"]["selector"].items() <= labels.items()
    container = REDIS_POD["spec"]["containers"][0]
    assert [p["name"] for p in container["ports"]] == [REDIS_SERVICE["spec"]["ports"][0]["targetPort"]]
    # The gateway's own selectors must not pick the Redis pod up.
    assert not DEPLOYMENT["spec"]["selector"]["matchLabels"].items() <= labels.items()
    policy = OBJECTS["NetworkPolicy/magic-gateway-redis"]["spec"]
    assert policy["podSelector"]["matchLabels"].items() <= labels.items()
    assert [rule["from"][0]["podSelector"]["matchLabels"] for rule in policy["ingress"]] == [
        DEPLOYMENT["spec"]["selector"]["matchLabels"]]
    args = container["args"]
    assert args[args.index("--save") + 1] == "" and args[args.index("--appendonly") + 1] == "no"


def test_the_redis_pod_meets_the_restricted_pod_security_standard() -> None:
    pod = REDIS_POD["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True and pod["securityContext"]["runAsUser"] != 0
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    assert pod["automountServiceAccountToken"] is False
    container = pod["containers"][0]
    assert container["securityContext"] == {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
                                            "runAsNonRoot": True, "capabilities": {"drop": ["ALL"]}}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert [(m["mountPath"], "emptyDir" in volumes[m["name"]]) for m in container["volumeMounts"]] == [("/data", True)]


def overlay() -> dict[str, Any]:
    return yaml.safe_load((OVERLAY / "kustomization.yaml").read_text())


def overlay_patches() -> list[dict[str, Any]]:
    patches = []
    for entry in overlay()["patches"]:
        text = (OVERLAY / entry["path"]).read_text() if "path" in entry else entry["patch"]
        patches.append(yaml.safe_load(text))
    return patches


def test_the_managed_redis_overlay_builds_on_the_base() -> None:
    assert [(OVERLAY / r).resolve() for r in overlay()["resources"]] == [K8S.resolve()]
    # kustomize refuses an overlay inside its base's directory (a cycle)
    assert K8S.resolve() not in OVERLAY.resolve().parents


def test_the_managed_redis_overlay_removes_the_in_cluster_redis_and_reads_the_url_from_the_secret() -> None:
    patches = overlay_patches()
    deleted = {f"{p['kind']}/{p['metadata']['name']}" for p in patches if p.get("$patch") == "delete"}
    in_redis_yaml = {f"{d['kind']}/{d['metadata']['name']}" for d in yaml.safe_load_all((K8S / "redis.yaml").read_text())}
    assert deleted == in_redis_yaml
    (env_patch,) = [p for p in patches if p.get("$patch") != "delete"]
    assert env_patch["kind"] == "Deployment" and env_patch["metadata"]["name"] == DEPLOYMENT["metadata"]["name"]
    (container,) = env_patch["spec"]["template"]["spec"]["containers"]
    assert container["name"] == CONTAINER["name"]
    (variable,) = container["env"]
    config = parse_config(configmap_config(), "configmap.yaml")
    assert variable["name"] == config.state.redis_url_env
    assert "value" in variable and variable["value"] is None   # the base's in-cluster URL removed, not kept beside
    ref = variable["valueFrom"]["secretKeyRef"]
    assert ref["name"] == SECRET["metadata"]["name"] and ref["key"] in SECRET["stringData"]


@pytest.mark.parametrize("version", K8S_VERSIONS)
def test_the_overlays_env_patch_is_a_valid_deployment_once_merged(version: str) -> None:
    (env_patch,) = [p for p in overlay_patches() if p.get("$patch") != "delete"]
    merged = yaml.safe_load(yaml.safe_dump(DEPLOYMENT))
    env = merged["spec"]["template"]["spec"]["containers"][0]["env"]
    patched = env_patch["spec"]["template"]["spec"]["containers"][0]["env"][0]
    index = next(i for i, e in enumerate(env) if e["name"] == patched["name"])
    env[index] = {k: v for k, v in patched.items() if v is not None}
    validate(merged, version, strict=True)


def dockerfile_runs() -> list[str]:
    return [c.value[0] for c in dockerfile_commands() if c.cmd == "RUN"]


def test_the_images_default_config_writes_its_audit_trail_where_the_runtime_user_can() -> None:
    run = next(r for r in dockerfile_runs() if "/var/lib/magic-gateway/audit" in r)
    steps = [shlex.split(step) for step in run.split("&&")]
    made = next(s for s in steps if s[0] == "install" and "-d" in s)
    assert made[made.index("-o") + 1] == made[made.index("-g") + 1] == str(POD["spec"]["securityContext"]["runAsUser"])
    directory = Path(made[-1])
    # The Dockerfile's sed applied to the shipped default config, as the build does.
    sed = next(s for s in steps if s[0] == "sed")
    _, pattern, replacement, _ = sed[2].split("#")
    config_text = (REPO / "config" / "gateway.yaml").read_text()
    edited = re.sub(pattern.replace("^", "(?m)^", 1), replacement, config_text)
    assert edited != config_text, "the Dockerfile's sed no longer matches config/gateway.yaml"
    audit = Path(yaml.safe_load(edited)["audit"]["path"])
    assert audit.is_absolute() and audit.parent == directory
