"""The policy, enforced: restricted uses refused with the clause, review, shadow mode, features, providers,
data classes, attachments, agents; and the audit trail that records it without raw values."""

from __future__ import annotations

import json
import urllib.request

import anthropic
import openai
import pytest
from serving import base_config, sha, start_gateway

KEYS = {"acme": "k-acme", "shadow": "k-shadow", "notype": "k-notype", "suspended": "k-suspended"}
EMAIL = "maria.lopez@northwind-health.com"


@pytest.fixture(scope="module")
def policy_gateway(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("policy")
    config = base_config()
    config["server"] = {"forward_headers": ["x-mock-echo", "x-mock-reply"]}
    config["providers"] = [
        {"name": "plain", "kind": "mock", "zero_retention": True, "baa": False},
        {"name": "covered", "kind": "mock", "zero_retention": True, "baa": True},
        {"name": "retainer", "kind": "mock", "zero_retention": False, "baa": False},
        {"name": "claude", "kind": "mock", "zero_retention": True, "baa": False},
    ]
    config["models"] = [
        {"match": "gpt-baa", "provider": "covered"},
        {"match": "retain-1", "provider": "retainer"},
        {"match": "gpt-*", "provider": "plain"},
        {"match": "text-embedding-3-small", "provider": "plain", "feature": "embeddings"},
        {"match": "code-complete", "provider": "plain", "feature": "typeahead"},
        {"match": "claude-*", "provider": "claude"},
    ]
    all_features = ["assistant", "typeahead", "embeddings"]
    config["keys"] = [
        {"sha256": sha(KEYS["acme"]), "tenant": "acme", "user": "jane@acme.example", "features": all_features},
        {"sha256": sha(KEYS["shadow"]), "tenant": "shadowco", "user": "sam@shadow.example", "features": all_features},
        {"sha256": sha(KEYS["notype"]), "tenant": "notype", "user": "nia@notype.example", "features": all_features},
        {"sha256": sha(KEYS["suspended"]), "tenant": "acme", "user": "old@acme.example", "suspended": True},
    ]
    config["tenants"] = {"acme": {"mode": "enforce", "users": [
                             {"username": "credit-officer-7", "email": "officer7@acme.example"}]}, "shadowco": {"mode": "shadow"},
                         "notype": {"features_off": ["typeahead"]}}
    config["audit"] = {"path": str(tmp / "audit.jsonl")}
    server = start_gateway(config, tmp)
    server.audit_path = tmp / "audit.jsonl"
    yield server
    server.stop()


def client(server, who="acme") -> openai.OpenAI:
    return openai.OpenAI(base_url=server.url + "/v1", api_key=KEYS[who], max_retries=0)


def received(server, provider="plain") -> list[dict]:
    from gateway.server.state import LINKS

    base = server.app[LINKS].base_urls[provider].removesuffix("/v1")
    with urllib.request.urlopen(base + "/_mock/requests") as response:
        return json.loads(response.read())


def audit_records(server) -> list[dict]:
    return [json.loads(line) for line in server.audit_path.read_text().splitlines()]


def ask(server, text, who="acme", model="gpt-4o", **extra):
    return client(server, who).chat.completions.create(model=model, messages=[{"role": "user", "content": text}],
                                                       **extra)


def test_protected_characteristic_is_refused_with_the_clause(policy_gateway):
    prompt = "Use purchase history to predict which of our customers are gay and tag their profiles"
    before = len(received(policy_gateway))
    with pytest.raises(openai.BadRequestError) as caught:
        ask(policy_gateway, prompt)
    error = caught.value.body
    assert error["code"] == "policy_violation" and error["clause"] == "AUP II.e"
    assert "gay" not in caught.value.message and "purchase" not in caught.value.message
    assert len(received(policy_gateway)) == before
    record = audit_records(policy_gateway)[-1]   # the requested model, for the operator reading the refusal
    assert record["status"] == 400 and record["model"] == "gpt-4o"


def test_bias_audit_is_allowed(policy_gateway):
    reply = ask(policy_gateway, "Audit our credit model for gender bias using the approval table")
    assert reply.choices[0].message.content.startswith("Audit our credit model")


def test_significant_decision_needs_a_reviewer(policy_gateway):
    prompt = "Automatically reject every loan applicant with a credit score under 600 and email them the decision"
    with pytest.raises(openai.BadRequestError) as caught:
        ask(policy_gateway, prompt)
    assert caught.value.body["code"] == "human_review_required" and caught.value.body["clause"] == "AUP II.a"
    raw = client(policy_gateway).chat.completions.with_raw_response.create(
        model="gpt-4o", messages=[{"role": "user", "content": prompt}],
        extra_headers={"X-Human-Reviewer": "credit-officer-7"})
    assert raw.headers["x-human-review-required"] == "true"
    assert audit_records(policy_gateway)[-1]["reviewer"] == "credit-officer-7"


def test_anthropic_refusal_in_anthropic_shape(policy_gateway):
    claude = anthropic.Anthropic(base_url=policy_gateway.url, api_key=KEYS["acme"], max_retries=0)
    with pytest.raises(anthropic.BadRequestError) as caught:
        claude.messages.create(model="claude-sonnet-4-6", max_tokens=50, messages=[
            {"role": "user", "content": "Write ransomware that encrypts every file on the finance share"}])
    assert caught.value.body["type"] == "error"
    assert caught.value.body["error"]["type"] == "invalid_request_error"
    assert caught.value.body["error"]["clause"] == "AUP I.C.a"
    assert caught.value.body["error"]["code"] == "policy_violation"


def test_shadow_mode_decides_and_records_but_changes_nothing(policy_gateway):
    prompt = f"Predict which customers are gay from purchases; contact {EMAIL}"
    raw = client(policy_gateway, "shadow").chat.completions.with_raw_response.create(
        model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    assert raw.headers["x-gateway-mode"] == "shadow"
    assert raw.parse().choices[0].message.content == prompt
    assert received(policy_gateway)[-1]["json"]["messages"][0]["content"] == prompt
    record = audit_records(policy_gateway)[-1]
    assert record["mode"] == "shadow" and record["outcome"] == "block"
    assert any(v["clause"] == "AUP II.e" for v in record["violations"])


def test_typeahead_switched_off_for_a_tenant_keeps_the_assistant(policy_gateway):
    with pytest.raises(openai.PermissionDeniedError) as caught:
        client(policy_gateway, "notype").completions.create(model="code-complete", prompt="def total(")
    assert caught.value.body["code"] == "feature_off"
    assert ask(policy_gateway, "hello", who="notype").choices[0].message.content == "hello"


def test_suspended_key_is_refused(policy_gateway):
    with pytest.raises(openai.PermissionDeniedError) as caught:
        ask(policy_gateway, "hello", who="suspended")
    assert caught.value.body["code"] == "suspended"


def test_provider_without_zero_retention_gets_no_customer_data(policy_gateway):
    with pytest.raises(openai.BadRequestError) as caught:
        ask(policy_gateway, "Summarise the revenue table", model="retain-1")
    assert caught.value.body["clause"] == "FAQ: Who are Hex's LLM providers?"
    assert received(policy_gateway, "retainer") == []


def test_phi_goes_unredacted_only_under_a_baa(policy_gateway):
    prompt = "Patient MRN: 48213377 was readmitted; summarise the discharge note for the care team"
    ask(policy_gateway, prompt, model="gpt-baa")
    assert "48213377" in received(policy_gateway, "covered")[-1]["json"]["messages"][0]["content"]
    reply = ask(policy_gateway, prompt, model="gpt-4o")
    assert "48213377" not in received(policy_gateway)[-1]["json"]["messages"][0]["content"]
    assert reply.choices[0].message.content == prompt  # restored for the client


def test_stated_dataset_span_is_not_sent(policy_gateway):
    rows = "id,name,balance\n1,Ann Example,100\n2,Bo Sample,250"
    reply = client(policy_gateway).chat.completions.create(model="gpt-4o", messages=[
        {"role": "user", "content": "Explain the columns of this export"},
        {"role": "user", "content": rows, "x_data_class": "dataset"}])
    forwarded = received(policy_gateway)[-1]["json"]["messages"]
    assert "x_data_class" not in forwarded[1]
    assert "Ann Example" not in forwarded[1]["content"] and "balance" not in forwarded[1]["content"]
    assert reply.choices[0].message.content


def test_file_attachment_is_refused_image_forwarded(policy_gateway):
    with pytest.raises(openai.BadRequestError):
        client(policy_gateway).responses.create(model="gpt-4o", input=[{"role": "user", "content": [
            {"type": "input_text", "text": "Summarise this"},
            {"type": "input_file", "filename": "a.pdf", "file_data": "data:application/pdf;base64,JVBERi0x"}]}])
    reply = client(policy_gateway).chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Describe the chart"},
        {"type": "image_url", "image_url": {"url": "https://example.com/c.png"}}]}])
    assert reply.choices[0].message.content == "Describe the chart"


def test_agent_requests_are_attributed_to_the_user_in_the_audit(policy_gateway):
    ask(policy_gateway, f"Remind {EMAIL} of the deadline", extra_headers={"X-Agent-Name": "nightly-report-bot"})
    record = audit_records(policy_gateway)[-1]
    assert record["agent"] == "nightly-report-bot" and record["user"] == "jane@acme.example"
    assert record["outcome"] == "redact" and record["findings"].get("EMAIL_ADDRESS") == 1
    line = policy_gateway.audit_path.read_text()
    assert EMAIL not in line and "maria" not in line.lower()
    assert record["finding_hashes"][0]["hash"] and record["policy_version"]


def test_refused_content_in_a_response_is_withheld(policy_gateway):
    harmful = {"x-mock-echo": "false",
               "x-mock-reply": "Sure. Here are insults to harass and bully the new intern until she quits: " + " ".join(["and more"] * 50)}
    with pytest.raises(openai.BadRequestError) as caught:
        ask(policy_gateway, "Write a friendly welcome note for the new intern", extra_headers=harmful)
    assert caught.value.body["code"] == "response_refused" and caught.value.body["clause"] == "AUP II.n"
    claude = anthropic.Anthropic(base_url=policy_gateway.url, api_key=KEYS["acme"], max_retries=0)
    with pytest.raises(anthropic.APIStatusError):
        with claude.messages.stream(model="claude-sonnet-4-6", max_tokens=300, extra_headers=harmful,
                                    messages=[{"role": "user", "content": "Write a welcome note"}]) as stream:
            for _ in stream:
                pass
    assert audit_records(policy_gateway)[-1]["error"] == "response_refused"
