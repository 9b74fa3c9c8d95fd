"""Shadow mode (issue 13, item 6): nothing is refused or edited, except the AUP II.k floor (credentials,
cards, government ids are masked in every mode); and no cassette holds a raw value unencrypted."""

from __future__ import annotations

import json
import time

import openai
import pytest
from cryptography.fernet import Fernet
from serving import KEY, base_config, mock_requests, start_gateway

EMAIL = "maria.lopez@northwind-health.com"
CARD = "4111 1111 1111 1111"
AWS_KEY = "AKIAZ7QW3RT5YU8IOP2M"
SSN = "SSN 536-90-4399"
PROMPT = f"Write to {EMAIL} that card {CARD} and key {AWS_KEY} are on file ({SSN})."


def start(mock, tmp, encryption: bool):
    recording = {"dir": str(tmp / "cassettes"), "all_tenants": True}
    if encryption:
        recording["encryption_key_env"] = "TEST_CASSETTE_KEY"
    config = base_config(mock.url, recording=recording)
    config["tenants"]["acme"]["mode"] = "shadow"
    server = start_gateway(config, tmp)
    server.cassettes = tmp / "cassettes"
    return server


@pytest.fixture(scope="module")
def shadow(mock, tmp_path_factory):
    server = start(mock, tmp_path_factory.mktemp("shadow"), encryption=False)
    yield server
    server.stop()


def cassette_of(server, request_id: str) -> str:
    deadline = time.monotonic() + 10
    while not (found := [p.read_text() for p in server.cassettes.glob("*.json") if request_id in p.read_text()]) \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    (cassette,) = found
    return cassette


def ask(server, stream: bool) -> tuple[str, str]:
    client = openai.OpenAI(base_url=server.url + "/v1", api_key=KEY, max_retries=0)
    raw = client.chat.completions.with_raw_response.create(
        model="gpt-4o", stream=stream, messages=[{"role": "user", "content": PROMPT}])
    assert raw.headers["x-gateway-mode"] == "shadow"
    reply = raw.parse()
    text = "".join(c.choices[0].delta.content or "" for c in reply if c.choices) if stream \
        else reply.choices[0].message.content
    return text, raw.headers["x-gateway-request-id"]


@pytest.mark.parametrize("stream", [False, True])
def test_shadow_mode_keeps_the_floor_and_cassettes_hold_no_raw_value(shadow, upstream, stream):
    text, request_id = ask(shadow, stream)
    sent = json.dumps(mock_requests(upstream)[-1]["json"])
    assert EMAIL in sent                                          # shadow: not edited...
    assert CARD not in sent and AWS_KEY not in sent and "536-90-4399" not in sent   # ...but the floor holds
    assert EMAIL in text                                          # the client gets the echo as it came
    cassette = cassette_of(shadow, request_id)
    for value in (EMAIL, CARD, AWS_KEY, "536-90-4399", "maria.lopez"):
        assert value not in cassette
    assert "EMAIL_ADDRESS" in cassette


def test_with_a_key_the_shadow_original_is_kept_encrypted(mock, upstream, tmp_path, monkeypatch):
    key = Fernet.generate_key()
    monkeypatch.setenv("TEST_CASSETTE_KEY", key.decode())
    server = start(mock, tmp_path, encryption=True)
    try:
        _, request_id = ask(server, stream=False)
        cassette = json.loads(cassette_of(server, request_id))
    finally:
        server.stop()
    assert EMAIL not in json.dumps(cassette)
    original = json.loads(Fernet(key).decrypt(cassette["original"]["encrypted"].encode()))
    assert original["messages"][0]["content"] == PROMPT
