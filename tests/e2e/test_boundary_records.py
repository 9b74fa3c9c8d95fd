"""What the gateway writes about a request (audit record, log, cassette, error) never holds a client-chosen
or provider-quoted value unchecked, and no request is forwarded without its audit record (issue 13)."""

from __future__ import annotations

import json
import logging
import socket
import time
import uuid

import anthropic
import openai
import pytest
from serving import KEY, OTHER_KEY, base_config, mock_requests, start_gateway, wait_for

CARD = "4111111111111111"
PROVIDER_KEY = "sk-test-openai-provider-key"


@pytest.fixture(scope="module")
def audited(mock, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("audited")
    config = base_config(mock.url, audit={"path": str(tmp / "audit.jsonl"), "required": True},
                         recording={"dir": str(tmp / "cassettes"), "all_tenants": True})
    config["tenants"]["acme"]["users"] = [{"username": "credit-officer-7", "email": "officer7@acme.example"}]
    server = start_gateway(config, tmp)
    server.audit_path, server.cassettes = tmp / "audit.jsonl", tmp / "cassettes"
    yield server
    server.stop()


def records(server) -> list[dict]:
    if not server.audit_path.exists():
        return []
    return [json.loads(line) for line in server.audit_path.read_text().splitlines()]


def cassettes(server) -> list[str]:
    return [p.read_text() for p in sorted(server.cassettes.glob("*.json"))]


def cassette_of(server, request_id: str) -> str:
    """The one cassette of a request; a stream's is written just after its last byte, so it is waited for."""
    deadline = time.monotonic() + 10
    while not (found := [c for c in cassettes(server) if request_id in c]) and time.monotonic() < deadline:
        time.sleep(0.05)
    (cassette,) = found
    return cassette


def client(server, key=KEY):
    return openai.OpenAI(base_url=server.url + "/v1", api_key=key, max_retries=0)


def raw_post(server, path: str, body: bytes, headers: list[bytes]) -> tuple[int, bytes]:
    """A request written byte for byte (the SDKs cannot send a header byte that is not ASCII)."""
    host, port = "127.0.0.1", server.port
    head = [b"POST " + path.encode() + b" HTTP/1.1", b"Host: " + host.encode(), b"Content-Type: application/json",
            b"Content-Length: " + str(len(body)).encode(), b"Connection: close"] + headers
    with socket.create_connection((host, port), timeout=30) as sock:
        sock.sendall(b"\r\n".join(head) + b"\r\n\r\n" + body)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    status = int(answer.split(b" ", 2)[1])
    return status, answer.partition(b"\r\n\r\n")[2]


@pytest.mark.parametrize("header", [b"X-Human-Reviewer", b"anthropic-beta", b"anthropic-version"])
def test_a_header_byte_that_is_not_utf8_is_refused_before_forwarding(audited, upstream, header):
    before, audited_before = len(mock_requests(upstream)), len(records(audited))
    body = json.dumps({"model": "claude-sonnet-4-6", "max_tokens": 20, "stream": True,
                       "messages": [{"role": "user", "content": "Hello"}]}).encode()
    status, answer = raw_post(audited, "/v1/messages", body, [b"x-api-key: " + KEY.encode(), header + b": ab\xffcd"])
    assert status == 400 and header.decode().lower() in answer.decode().lower()
    assert len(mock_requests(upstream)) == before
    assert len(records(audited)) == audited_before + 1 and records(audited)[-1]["status"] == 400


def test_every_forwarded_request_has_its_audit_record(audited, upstream):
    claude = anthropic.Anthropic(base_url=audited.url, api_key=KEY, max_retries=0)
    before, audited_before = len(mock_requests(upstream)), len(records(audited))
    with claude.messages.stream(model="claude-sonnet-4-6", max_tokens=20,
                                messages=[{"role": "user", "content": "Hello"}],
                                extra_headers={"anthropic-beta": "tools-2024-04-04"}) as stream:
        assert stream.get_final_text() == "Hello"
    assert len(mock_requests(upstream)) == before + 1
    # a stream's record is written once its last event is sent, so it may land just after the SDK returns
    wait_for(lambda: len(records(audited)) >= audited_before + 1, 10)
    assert len(records(audited)) == audited_before + 1


def test_a_provider_401_body_is_replaced(audited, upstream):
    with pytest.raises(openai.APIStatusError) as raised:
        client(audited).chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}],
                                                extra_headers={"x-mock-fail-status": "401"})
    assert raised.value.status_code == 502
    assert PROVIDER_KEY in json.dumps(mock_requests(upstream)[-1]["headers"])   # the mock did get it
    assert PROVIDER_KEY not in raised.value.response.text and "Incorrect API key" not in raised.value.response.text
    assert all(PROVIDER_KEY not in c and "Incorrect API key" not in c for c in cassettes(audited))


def test_client_chosen_request_id_and_agent_name_are_checked(audited, upstream, caplog):
    with caplog.at_level(logging.INFO, logger="magic_gateway"):
        reply = client(audited).chat.completions.with_raw_response.create(
            model="gpt-4o", messages=[{"role": "user", "content": "Hi"}], extra_headers={"X-Request-Id": CARD})
        assert CARD not in reply.headers["x-request-id"]
        with pytest.raises(openai.BadRequestError) as raised:
            client(audited).chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}],
                                                    extra_headers={"X-Agent-Name": f"bot {CARD}"})
        assert "X-Agent-Name" in raised.value.response.text and CARD not in raised.value.response.text
        client(audited).chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}],
                                                extra_headers={"X-Agent-Name": "nightly-report-bot"})
    assert records(audited)[-1]["agent"] == "nightly-report-bot"
    written = audited.audit_path.read_text() + "".join(cassettes(audited)) + caplog.text
    assert CARD not in written


def test_client_chosen_strings_are_not_echoed_in_errors(audited, upstream):
    with pytest.raises(openai.NotFoundError) as raised:
        client(audited).chat.completions.create(model=f"nope-{CARD}", messages=[{"role": "user", "content": "Hi"}])
    assert CARD not in raised.value.response.text
    status, answer = raw_post(audited, f"/v1/{CARD}", b"{}", [b"Authorization: Bearer " + KEY.encode()])
    assert status == 404 and CARD.encode() not in answer
    body = b'{"model": "gpt-4o", "messages": [], "' + CARD.encode() + b'": 1, "' + CARD.encode() + b'": 2}'
    status, answer = raw_post(audited, "/v1/chat/completions", body, [b"Authorization: Bearer " + KEY.encode()])
    assert status == 400 and CARD.encode() not in answer
    with pytest.raises(openai.BadRequestError) as raised:
        client(audited).chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}],
                                                extra_headers={"X-Data-Class": f"x{CARD}"})
    assert CARD not in raised.value.response.text
    assert CARD not in audited.audit_path.read_text()


def test_a_reused_request_id_never_overwrites_another_tenants_cassette(audited, upstream):
    shared = str(uuid.uuid4())
    for key in (KEY, OTHER_KEY):
        client(audited, key).chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}],
                                                     extra_headers={"X-Request-Id": shared})
    tenants = [json.loads(c)["tenant"] for c in cassettes(audited) if shared in c]
    assert sorted(tenants) == ["acme", "globex"]


def test_numbers_too_large_and_lone_surrogates_are_400(audited, upstream):
    before = len(mock_requests(upstream))
    for body in (b'{"model": "gpt-4o", "temperature": 1e400, "messages": [{"role": "user", "content": "Hi"}]}',
                 b'{"model": "gpt-4o", "messages": [{"role": "user", "content": "Hi \\ud800 there"}]}'):
        status, answer = raw_post(audited, "/v1/chat/completions", body, [b"Authorization: Bearer " + KEY.encode()])
        assert status == 400 and b"Traceback" not in answer
        assert json.loads(answer)["error"]["code"] == "invalid_json"
    assert len(mock_requests(upstream)) == before


DECISION = "Automatically reject every loan applicant with a credit score under 600 and email them the decision"


def test_the_reviewer_must_be_one_of_the_tenants_users(audited, upstream):
    with pytest.raises(openai.BadRequestError) as raised:
        client(audited).chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": DECISION}],
                                                extra_headers={"X-Human-Reviewer": "someone-else"})
    assert "X-Human-Reviewer" in raised.value.response.text
    reply = client(audited).chat.completions.with_raw_response.create(
        model="gpt-4o", messages=[{"role": "user", "content": DECISION}],
        extra_headers={"X-Human-Reviewer": "Officer7@acme.example"})
    assert reply.headers["x-human-review-required"] == "true"
    assert records(audited)[-1]["reviewer"] == "credit-officer-7"


def test_cassettes_hold_the_answer_after_the_response_filters(audited, upstream):
    email = "maria.lopez@northwind-health.com"
    for stream in (False, True):
        reply = client(audited).chat.completions.create(
            model="gpt-4o", stream=stream, messages=[{"role": "user", "content": f"Mail {email}"}],
            extra_headers={"X-Request-Id": (request_id := str(uuid.uuid4()))})
        if stream:
            list(reply)
        cassette = cassette_of(audited, request_id)
        assert email not in cassette and "EMAIL_ADDRESS_" in cassette
    reply = client(audited).chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "Hi"}],
        extra_headers={"x-mock-reply": "The card is 4111 1111 1111 1111.", "X-Request-Id": (rid := str(uuid.uuid4()))})
    assert "4111 1111 1111 1111" not in reply.choices[0].message.content
    cassette = cassette_of(audited, rid)
    assert "4111 1111 1111 1111" not in cassette
