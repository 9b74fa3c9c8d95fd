"""A gateway whose routes reach one-format stand-ins, the shared mock, and routes over several deployments."""

from __future__ import annotations

import json
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from serving import ThreadServer, base_config, free_port, start_gateway
from standin import StandIn


@dataclass
class Rig:
    gateway: ThreadServer
    claude: StandIn          # answers only Anthropic Messages
    gpt: StandIn             # answers only OpenAI chat completions
    broken: StandIn          # OpenAI chat completions, failing on demand
    flaky: StandIn           # OpenAI chat completions, failing on demand (cool-down tests)
    slow: StandIn            # Anthropic Messages, slow on demand (timeout tests)
    audit: Path
    servers: list[ThreadServer]
    retrying: ThreadServer   # the same routes with `retries.on_status: retry` (the gateway falls back on 429/5xx)
    retrying_audit: Path

    def reset(self) -> None:
        """Stand-ins healthy and their logs empty; and no deployment cooled down by an earlier test."""
        if any(s.fail_status for s in (self.claude, self.gpt, self.broken, self.flaky, self.slow)):
            time.sleep(1.1)   # a deployment whose failure was relayed stays demoted for routing.cooldown_s
        for standin in (self.claude, self.gpt, self.broken, self.flaky, self.slow):
            standin.requests.clear()
            standin.fail_status = None
            standin.delay_s = 0.0
            standin.cut_after = None
        deadline = time.monotonic() + 10
        for gateway in (self.gateway, self.retrying):
            while not self._settled(gateway):
                if time.monotonic() > deadline:
                    raise TimeoutError("a deployment stayed cooled down")
                time.sleep(0.1)

    @staticmethod
    def _settled(gateway: ThreadServer) -> bool:
        with urllib.request.urlopen(gateway.url + "/readyz", timeout=5) as response:
            return not json.loads(response.read())["cooled_down_deployments"]


def start_rig(mock_url: str, tmp: Path) -> Rig:
    stand = {name: StandIn(api) for name, api in (("claude", "anthropic"), ("gpt", "openai"), ("broken", "openai"),
                                                  ("flaky", "openai"), ("slow", "anthropic"))}
    servers = {name: ThreadServer(s.app).start() for name, s in stand.items()}
    config = base_config(mock_url)

    def provider(name: str) -> dict:
        kind = stand[name].api
        url = servers[name].url + ("/v1" if kind == "openai" else "")
        return {"name": f"{name}-standin", "kind": kind, "base_url": url, "zero_retention": True,
                "api_key_env": "TEST_ANTHROPIC_KEY" if kind == "anthropic" else "TEST_OPENAI_KEY"}
    config["providers"] += [provider(name) for name in stand]
    # nothing listens there: a connection that is never made (the provider cannot have received anything)
    config["providers"].append({"name": "nowhere", "kind": "openai", "base_url": f"http://127.0.0.1:{free_port()}/v1",
                                "zero_retention": True, "api_key_env": "TEST_OPENAI_KEY"})
    config["models"] = [
        {"match": "claude-standin", "provider": "claude-standin", "upstream_model": "claude-sonnet-4-6"},
        {"match": "gpt-standin", "provider": "gpt-standin", "upstream_model": "gpt-4o"},
        # tried first (least in flight, then the heavier weight): a broken OpenAI deployment, then a Claude one
        {"match": "resilient", "balance": "least_in_flight", "deployments": [
            {"provider": "broken-standin", "upstream_model": "gpt-broken", "weight": 5},
            {"provider": "claude-standin", "upstream_model": "claude-ok", "weight": 1}]},
        {"match": "unreachable-first", "balance": "least_in_flight", "deployments": [
            {"provider": "nowhere", "upstream_model": "gone", "weight": 5},
            {"provider": "gpt-standin", "upstream_model": "gpt-4o", "weight": 1}]},
        {"match": "weighted", "deployments": [
            {"provider": "openai", "upstream_model": "heavy", "weight": 3},
            {"provider": "openai", "upstream_model": "light", "weight": 1}]},
        {"match": "cooling", "deployments": [
            {"provider": "flaky-standin", "upstream_model": "flaky", "weight": 1000},
            {"provider": "gpt-standin", "upstream_model": "steady", "weight": 1}]},
        {"match": "slow-strict", "balance": "least_in_flight", "deployments": [
            {"provider": "slow-standin", "upstream_model": "slow", "weight": 2},
            {"provider": "gpt-standin", "upstream_model": "quick", "weight": 1}]},
        {"match": "slow-lenient", "balance": "least_in_flight", "fallback_on_timeout": True, "deployments": [
            {"provider": "slow-standin", "upstream_model": "slow", "weight": 2},
            {"provider": "gpt-standin", "upstream_model": "quick", "weight": 1}]},
        *config["models"],
    ]
    config["routing"] = {"cooldown_after_failures": 2, "cooldown_s": 1.0}
    config["timeouts"] = {**config["timeouts"], "total_s": 1.5}
    audit = tmp / "audit.jsonl"
    config["audit"] = {"path": str(audit)}
    gateway = start_gateway(config, tmp)
    retrying_audit = tmp / "audit-retrying.jsonl"
    retrying = start_gateway({**config, "audit": {"path": str(retrying_audit)},
                              "retries": {**config["retries"], "on_status": "retry"}}, tmp)
    return Rig(gateway, stand["claude"], stand["gpt"], stand["broken"], stand["flaky"], stand["slow"], audit,
               [gateway, retrying, *servers.values()], retrying, retrying_audit)
