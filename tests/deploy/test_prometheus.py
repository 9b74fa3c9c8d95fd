"""Prometheus scrape config, alert rules and the Grafana dashboard, checked with promtool and against
the metrics the gateway really exports (gateway/metrics.py)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from gateway.observability.metrics import Metrics

REPO = Path(__file__).resolve().parents[2]
PROMETHEUS = REPO / "deploy" / "prometheus"
DASHBOARD = REPO / "deploy" / "grafana" / "magic-gateway.json"
# Series Prometheus makes itself, which alert rules may use besides the gateway's.
PROMETHEUS_OWN = {"up"}

SUFFIXES = {"counter": ("_total", "_created"), "gauge": ("",),
            "histogram": ("_bucket", "_sum", "_count", "_created")}
KEYWORDS = {"and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left",
            "group_right", "inf", "nan"}


def exported() -> dict[str, str]:
    """Every series name the gateway exposes on /metrics, mapped to its metric family."""
    names = {}
    for family in Metrics().registry.collect():
        for suffix in SUFFIXES[family.type]:
            names[family.name + suffix] = family.name
    return names


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression selects (not functions, labels, keywords or variables)."""
    expr = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    expr = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", expr)
    expr = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", expr)
    expr = re.sub(r"\boffset\s+\S+", " ", expr)
    names = set()
    for match in re.finditer(r"(?<![\w.$])[A-Za-z_:][A-Za-z0-9_:]*", expr):
        rest = expr[match.end():].lstrip()
        if match.group() not in KEYWORDS and not rest.startswith("("):
            names.add(match.group())
    return names


def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        pytest.fail("promtool is not installed: run `sudo deploy/install-system-deps.sh` "
                    "(Debian: apt-get install prometheus), or `make test`, which does")
    return found


def run_promtool(*args: str, cwd: Path = PROMETHEUS) -> subprocess.CompletedProcess:
    return subprocess.run([promtool(), *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def alert_rules() -> list[dict[str, Any]]:
    groups = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text())["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


def dashboard() -> dict[str, Any]:
    return json.loads(DASHBOARD.read_text())


def panels() -> list[dict[str, Any]]:
    return [p for p in dashboard()["panels"] if p["type"] != "row"]


def dashboard_exprs() -> list[str]:
    return [t["expr"] for p in panels() for t in p["targets"]]


def test_the_metric_name_reader_finds_names_and_only_names() -> None:
    expr = ('histogram_quantile(0.95, sum by (le, route) (rate(magic_gateway_overhead_seconds_bucket'
            '{job=~"$job", route!="x"}[$__rate_interval]))) > 0.5 and on (route) '
            'sum(rate(magic_gateway_request_total[5m] offset 1h)) * 1e3 unless up == 0')
    assert metric_names(expr) == {"magic_gateway_overhead_seconds_bucket", "magic_gateway_request_total", "up"}
    assert "magic_gateway_request_total" not in exported()  # the misspelling a dashboard check must catch


# Prometheus


def test_the_scrape_config_is_valid() -> None:
    result = run_promtool("check", "config", "prometheus.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_alert_rules_are_valid() -> None:
    result = run_promtool("check", "rules", "alerts.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(alert_rules())} rules found" in result.stdout


def test_the_alert_unit_tests_pass() -> None:
    result = run_promtool("test", "rules", "alerts_test.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_an_alert_expected_to_fire_on_healthy_traffic_fails_the_unit_tests(tmp_path: Path) -> None:
    """The unit tests can fail: healthy traffic does not raise MagicGatewayHighErrorRate."""
    shutil.copy(PROMETHEUS / "alerts.yml", tmp_path / "alerts.yml")
    healthy = {
        "rule_files": ["alerts.yml"], "evaluation_interval": "1m",
        "tests": [{"interval": "1m",
                   "input_series": [{"series": 'magic_gateway_requests_total{job="magic-gateway", status="200"}',
                                     "values": "0+600x30"}],
                   "alert_rule_test": [{"eval_time": "25m", "alertname": "MagicGatewayHighErrorRate",
                                        "exp_alerts": [{"exp_labels": {"severity": "critical",
                                                                       "job": "magic-gateway"}}]}]}],
    }
    (tmp_path / "healthy_test.yml").write_text(yaml.safe_dump(healthy))
    result = run_promtool("test", "rules", "healthy_test.yml", cwd=tmp_path)
    assert result.returncode != 0
    assert "MagicGatewayHighErrorRate" in result.stdout + result.stderr


def test_every_alert_is_tested_firing_and_quiet() -> None:
    tests = yaml.safe_load((PROMETHEUS / "alerts_test.yml").read_text())["tests"]
    cases = [case for test in tests for case in test["alert_rule_test"]]
    for rule in alert_rules():
        own = [case for case in cases if case["alertname"] == rule["alert"]]
        assert any(case["exp_alerts"] for case in own), f"{rule['alert']} never shown firing"
        assert any(not case["exp_alerts"] for case in own), f"{rule['alert']} never shown quiet"


def test_alerts_use_only_metrics_the_gateway_exports() -> None:
    known = set(exported()) | PROMETHEUS_OWN
    for rule in alert_rules():
        unknown = metric_names(rule["expr"]) - known
        assert not unknown, f"{rule['alert']}: {sorted(unknown)} not exported by gateway/metrics.py"


def test_every_alert_says_how_bad_and_what_happened() -> None:
    for rule in alert_rules():
        assert rule["labels"]["severity"] in {"critical", "warning", "info"}, rule["alert"]
        assert rule["annotations"]["summary"] and rule["annotations"]["description"], rule["alert"]


def test_the_scrape_job_finds_the_gateway_pods_on_their_port() -> None:
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text())
    assert config["rule_files"] == ["alerts.yml"]
    job = next(j for j in config["scrape_configs"] if j["job_name"] == "magic-gateway")
    assert job["metrics_path"] == "/metrics"
    manifest = yaml.safe_load((REPO / "deploy" / "kubernetes" / "service-metrics.yaml").read_text())
    service = f"{manifest['metadata']['name']}.{manifest['metadata']['namespace']}.svc.cluster.local"
    assert job["dns_sd_configs"] == [{"names": [service], "type": "A", "port": 8080, "refresh_interval": "30s"}]
    # The alerts name the job: the scrape job must carry that name.
    assert any('job="magic-gateway"' in rule["expr"] for rule in alert_rules())


# Grafana


def test_the_dashboard_panels_are_laid_out_with_unique_ids() -> None:
    ids = [p["id"] for p in dashboard()["panels"]]
    assert len(ids) == len(set(ids))
    for panel in dashboard()["panels"]:
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24, panel["title"]


def test_every_panel_queries_the_chosen_prometheus() -> None:
    variables = {v["name"]: v for v in dashboard()["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource" and variables["datasource"]["query"] == "prometheus"
    for panel in panels():
        assert panel["targets"], panel["title"]
        assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, panel["title"]


def test_dashboard_queries_use_only_metrics_the_gateway_exports() -> None:
    known = exported()
    for panel in panels():
        for target in panel["targets"]:
            names = metric_names(target["expr"])
            assert names, f"{panel['title']}: no metric in {target['expr']}"
            assert names <= set(known), f"{panel['title']}: {sorted(names - set(known))} not in gateway/metrics.py"
    for variable in dashboard()["templating"]["list"]:
        for name in re.findall(r"label_values\((\w+)", variable.get("definition", "")):
            assert name in known, f"variable {variable['name']}: {name}"


def test_the_dashboard_shows_every_metric_the_gateway_exports() -> None:
    shown = {exported()[name] for expr in dashboard_exprs() for name in metric_names(expr)}
    missing = set(exported().values()) - shown
    assert not missing, f"no panel shows {sorted(missing)}"


def test_dashboard_queries_are_valid_promql(tmp_path: Path) -> None:
    """promtool parses every query, Grafana's variables replaced by what Grafana would put there."""
    values = {"$__rate_interval": "5m", "$job": ".*"}
    rules = []
    for index, expr in enumerate(dashboard_exprs()):
        for variable, value in values.items():
            expr = expr.replace(variable, value)
        assert "$" not in expr, f"unknown variable in {expr}"
        rules.append({"record": f"dashboard:query_{index}", "expr": expr})
    (tmp_path / "dashboard_rules.yml").write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    result = run_promtool("check", "rules", "dashboard_rules.yml", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
