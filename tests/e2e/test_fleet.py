"""Two `magic-gateway serve` processes sharing one real redis-server, as two replicas behind a load
balancer on loopback (the load balancer being a trusted proxy that sets X-Forwarded-For):

- AUP I.A.e: an embargoed address behind the trusted proxy is refused (403 citing the clause), the
  right-most untrusted hop is the client, an unknown country is served and counted; the same header
  from a peer that is not a trusted proxy is ignored (a third gateway, in this process);
- AUP I.B.a: one key from more addresses than allowed, spread over both processes, is flagged in the
  metrics and the audit record, then refused once a reload makes the policy refuse;
- a thinking signature relayed by one process is accepted by the other, an altered one refused.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import anthropic
import openai
import pytest
import redis
import yaml
from serving import (
    KEY,
    NO_TYPEAHEAD_KEY,
    OTHER_KEY,
    base_config,
    free_port,
    start_gateway,
    stop_processes,
    wait_until_ready,
)

ROOT = Path(__file__).resolve().parents[2]
EMBARGOED = "175.45.176.1"   # allocated to KP by its Regional Internet Registry
US = "8.8.8.8"
NO_COUNTRY = "4000::1"       # global, allocated to no one


@dataclass
class Replica:
    process: subprocess.Popen[bytes]
    url: str
    audit: Path


def fleet_config(tmp_path: Path, redis_url: str, action: str = "flag") -> dict:
    config = base_config(analysis={"workers": 0})
    config["state"] = {"redis_url": redis_url}
    config["clients"] = {"trusted_proxies": ["127.0.0.1/32"], "embargo": {"countries": ["KP", "CU"]},
                         "shared_keys": {"max_addresses": 3, "window_s": 3600, "action": action}}
    return config


def write(path: Path, config: dict, audit: Path) -> None:
    path.write_text(yaml.safe_dump({**config, "audit": {"path": str(audit)}}))


@pytest.fixture(scope="module")
def fleet(redis_server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Replica]]:
    tmp = tmp_path_factory.mktemp("fleet")
    # the session's redis-server: keys other modules' gateways counted this hour (a key's client
    # addresses among them) must not count here
    redis.Redis.from_url(redis_server.url).flushdb()
    replicas: list[Replica] = []
    try:
        for index in range(2):
            path, audit = tmp / f"gateway-{index}.yaml", tmp / f"audit-{index}.jsonl"
            write(path, fleet_config(tmp, redis_server.url), audit)
            port = free_port()
            with (tmp / f"gateway-{index}.log").open("wb") as log:
                process = subprocess.Popen([sys.executable, "-m", "gateway.cli", "serve", "--config", str(path),
                                            "--port", str(port)], cwd=ROOT, stderr=log, stdout=subprocess.DEVNULL)
            replicas.append(Replica(process, f"http://127.0.0.1:{port}", audit))
        for replica in replicas:
            wait_until_ready(replica.url)
        yield replicas
    finally:
        stop_processes(replica.process for replica in replicas)


def chat(url: str, key: str, forwarded_for: str | None = None):  # type: ignore[no-untyped-def]
    client = openai.OpenAI(base_url=url + "/v1", api_key=key, max_retries=0)
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hello"}],
                                          extra_headers=headers)


def metric(url: str, name: str, **labels: str) -> float:
    with urllib.request.urlopen(url + "/metrics", timeout=10) as response:
        text = response.read().decode()
    total = 0.0
    for line in text.splitlines():
        match = re.fullmatch(rf"{name}(?:\{{(.*)\}})? (\S+)", line)
        if match and all(f'{k}="{v}"' in (match.group(1) or "") for k, v in labels.items()):
            total += float(match.group(2))
    return total


def audit_records(replicas: list[Replica]) -> list[dict]:
    return [json.loads(line) for r in replicas if r.audit.exists() for line in r.audit.read_text().splitlines()]


def test_an_embargoed_address_behind_the_trusted_proxy_is_refused(fleet: list[Replica]) -> None:
    url = fleet[0].url
    with pytest.raises(openai.PermissionDeniedError) as refused:
        chat(url, OTHER_KEY, EMBARGOED)
    assert refused.value.status_code == 403
    assert refused.value.body["code"] == "embargoed_location" and "AUP I.A.e" in refused.value.body["message"]
    messages = anthropic.Anthropic(base_url=fleet[1].url, api_key=OTHER_KEY, max_retries=0)
    with pytest.raises(anthropic.PermissionDeniedError) as in_its_shape:
        messages.messages.create(model="claude-sonnet-4-6", max_tokens=50, extra_headers={"X-Forwarded-For": EMBARGOED},
                                 messages=[{"role": "user", "content": "hello"}])
    assert in_its_shape.value.body["error"]["clause"] == "AUP I.A.e"
    # The right-most hop that is not a trusted proxy is the client: what the client wrote further left
    # is not believed, and a private address is never embargoed.
    assert chat(url, OTHER_KEY, f"{EMBARGOED}, {US}").choices[0].message.content == "hello"
    assert chat(url, OTHER_KEY, f"{EMBARGOED}, 10.1.2.3").choices[0].message.content == "hello"
    # An address whose country is not known is served, and counted.
    before = metric(url, "magic_gateway_client_country_unknown_total")
    assert chat(url, OTHER_KEY, NO_COUNTRY).choices[0].message.content == "hello"
    assert metric(url, "magic_gateway_client_country_unknown_total") == before + 1
    blocked = [r for r in audit_records(fleet) if r["error"] == "embargoed_location"]
    assert len(blocked) == 2 and all(r["violations"][0]["clause"] == "AUP I.A.e" for r in blocked)
    assert EMBARGOED not in "".join(r.audit.read_text() for r in fleet)


def test_the_same_header_from_a_peer_that_is_not_a_trusted_proxy_is_ignored(tmp_path: Path) -> None:
    config = base_config(analysis={"workers": 0})
    config["clients"] = {"trusted_proxies": ["192.0.2.0/24"], "embargo": {"countries": ["KP"]}}
    gateway = start_gateway(config, tmp_path)
    try:
        assert chat(gateway.url, KEY, EMBARGOED).choices[0].message.content == "hello"
    finally:
        gateway.stop()


def test_one_key_from_many_addresses_is_flagged_then_refused_across_replicas(
        fleet: list[Replica], redis_server, tmp_path: Path) -> None:
    addresses = [f"203.0.113.{n}" for n in range(1, 7)]
    flags = {"kind": "addresses", "action": "flag"}
    before = sum(metric(r.url, "magic_gateway_shared_key_requests_total", **flags) for r in fleet)
    before_second = metric(fleet[1].url, "magic_gateway_shared_key_requests_total", **flags)
    # Three addresses, spread over the two replicas: within the allowance of 3.
    for index, address in enumerate(addresses[:3]):
        assert chat(fleet[index % 2].url, NO_TYPEAHEAD_KEY, address).choices[0].message.content == "hello"
    assert sum(metric(r.url, "magic_gateway_shared_key_requests_total", **flags) for r in fleet) == before
    # The fourth, on the other replica than the third: past the allowance both count together. Served, flagged.
    assert chat(fleet[1].url, NO_TYPEAHEAD_KEY, addresses[3]).choices[0].message.content == "hello"
    assert metric(fleet[1].url, "magic_gateway_shared_key_requests_total", **flags) == before_second + 1
    flagged = [r for r in audit_records(fleet)
               if any(v["clause"] == "AUP I.B.a" and v["action"] == "flag" for v in r["violations"])]
    assert len(flagged) == 1 and flagged[0]["status"] == 200 and addresses[3] not in json.dumps(flagged)
    # The policy made to refuse, on both replicas, by a reload.
    for index, replica in enumerate(fleet):
        path = Path(replica.process.args[5])
        write(path, fleet_config(tmp_path, redis_server.url, action="refuse"), replica.audit)
        applied = metric(replica.url, "magic_gateway_config_reloads_total", result="applied")
        replica.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 60
        while metric(replica.url, "magic_gateway_config_reloads_total", result="applied") == applied:
            assert time.monotonic() < deadline, f"replica {index} did not reload"
            time.sleep(0.2)
    with pytest.raises(openai.PermissionDeniedError) as refused:
        chat(fleet[0].url, NO_TYPEAHEAD_KEY, addresses[4])
    assert refused.value.body["code"] == "shared_credentials" and "AUP I.B.a" in refused.value.body["message"]
    with pytest.raises(openai.PermissionDeniedError):
        chat(fleet[1].url, NO_TYPEAHEAD_KEY, addresses[3])   # the fourth address, counted by the other replica
    # The key's first clients are still served, on either replica.
    assert chat(fleet[1].url, NO_TYPEAHEAD_KEY, addresses[0]).choices[0].message.content == "hello"
    assert chat(fleet[0].url, NO_TYPEAHEAD_KEY, addresses[2]).choices[0].message.content == "hello"


def test_a_thinking_signature_relayed_by_one_replica_is_accepted_by_the_other(fleet: list[Replica]) -> None:
    first, second = (anthropic.Anthropic(base_url=r.url, api_key=KEY, max_retries=0) for r in fleet)
    answer = first.messages.create(model="claude-sonnet-4-6", max_tokens=200,
                                   thinking={"type": "enabled", "budget_tokens": 1024},
                                   messages=[{"role": "user", "content": "Hello"}])
    thinking = next(b for b in answer.content if b.type == "thinking")
    history = [{"role": "user", "content": "Hello"},
               {"role": "assistant", "content": [{"type": "thinking", "thinking": thinking.thinking,
                                                  "signature": thinking.signature}]},
               {"role": "user", "content": "Go on"}]
    assert second.messages.create(model="claude-sonnet-4-6", max_tokens=200, messages=history).content
    history[1]["content"][0]["signature"] = thinking.signature + "A"
    with pytest.raises(anthropic.BadRequestError):
        second.messages.create(model="claude-sonnet-4-6", max_tokens=200, messages=history)


def test_a_reasoning_item_relayed_by_one_replica_is_accepted_by_the_other(fleet: list[Replica]) -> None:
    first, second = (openai.OpenAI(base_url=r.url + "/v1", api_key=KEY, max_retries=0) for r in fleet)
    options = {"model": "gpt-4o", "reasoning": {"effort": "low"}, "include": ["reasoning.encrypted_content"]}
    answer = first.responses.create(input="Hello", **options)
    reasoning = next(item for item in answer.output if item.type == "reasoning")
    assert reasoning.encrypted_content
    turn = [item.model_dump(exclude_none=True) for item in answer.output]
    follow_up = second.responses.create(input=[*turn, {"role": "user", "content": "Go on"}], **options)
    assert follow_up.output_text
    turn[0]["encrypted_content"] = reasoning.encrypted_content[:-2] + "AA"
    with pytest.raises(openai.BadRequestError) as refused:
        second.responses.create(input=[*turn, {"role": "user", "content": "Go on"}], **options)
    assert "encrypted_content" in refused.value.response.text
