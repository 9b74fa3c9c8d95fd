"""The same request sent again is served as the first was: each one forwarded, audited and counted, refused
where its key may not make it, redacted when it holds a value, however often its bytes were seen before
(the request memo, `gateway/server/request_memo.py`, skips only the parse and screening of a body that
held nothing)."""

from __future__ import annotations

import json
import time

import openai
import pytest
from serving import KEY, NO_TYPEAHEAD_KEY, base_config, clear_mock, mock_requests, start_gateway

QUESTION = [{"role": "system", "content": "You are a terse analytics assistant."},
            {"role": "user", "content": "Which weekday has the most orders in the sales table?"}]
EMAIL = "priya.natarajan@example.org"


@pytest.fixture(scope="module")
def audited(mock, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("repeated")
    server = start_gateway(base_config(mock.url, audit={"path": str(tmp / "audit.jsonl"), "required": True}), tmp)
    server.audit_path = tmp / "audit.jsonl"
    yield server
    server.stop()


def client(server, key=KEY):
    return openai.OpenAI(base_url=server.url + "/v1", api_key=key, max_retries=0)


def records(server, at_least: int) -> list[dict]:
    deadline = time.monotonic() + 10
    while True:
        lines = server.audit_path.read_text().splitlines() if server.audit_path.exists() else []
        if len(lines) >= at_least or time.monotonic() > deadline:
            return [json.loads(line) for line in lines]
        time.sleep(0.05)


def test_a_repeated_clean_request_is_forwarded_audited_and_counted_every_time(audited, mock) -> None:
    clear_mock(mock)
    before = len(records(audited, 0))
    ids = []
    for _ in range(5):
        response = client(audited).chat.completions.with_raw_response.create(model="gpt-4o", messages=QUESTION)
        assert response.headers["x-gateway-outcome"] == "allow"
        ids.append(response.headers["x-gateway-request-id"])
    assert len(set(ids)) == 5
    sent = [r["json"] for r in mock_requests(mock) if r["path"] == "/v1/chat/completions"]
    assert [body["messages"] for body in sent] == [QUESTION] * 5
    written = records(audited, before + 5)[before:]
    assert [r["request_id"] for r in written] == ids
    assert all(r["outcome"] == "allow" and r["status"] == 200 for r in written)


def test_a_body_another_key_sent_is_refused_to_a_key_without_its_feature(audited) -> None:
    body = {"model": "code-complete", "prompt": "SELECT region, sum(amount) FROM orders GROUP BY", "max_tokens": 8}
    for _ in range(2):
        client(audited).completions.create(**body)
    with pytest.raises(openai.PermissionDeniedError) as refused:
        client(audited, NO_TYPEAHEAD_KEY).completions.create(**body)
    assert refused.value.status_code == 403


def test_a_repeated_request_with_a_value_is_redacted_every_time(audited, mock) -> None:
    messages = [{"role": "user", "content": f"Draft a short note to {EMAIL} about the churn table."}]
    for _ in range(3):
        clear_mock(mock)
        response = client(audited).chat.completions.with_raw_response.create(model="gpt-4o", messages=messages)
        assert response.headers["x-gateway-outcome"] == "redact"
        (sent,) = [r for r in mock_requests(mock) if r["path"] == "/v1/chat/completions"]
        assert EMAIL not in sent["body"] and "EMAIL_ADDRESS" in sent["body"]
        assert EMAIL in response.parse().choices[0].message.content   # its pseudonym restored in the answer
