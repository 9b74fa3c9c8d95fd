"""The Node SDKs, unchanged, through the gateway: `openai`, `@anthropic-ai/sdk` and the Vercel AI SDK
(`ai` with `@ai-sdk/openai` and `@ai-sdk/anthropic`). The provider is the built-in mock told to store
nothing: it refuses item references, `previous_response_id` and reasoning items without their encrypted
content, as the real API does under `store: false`. Each test runs one script of `tests/node/`."""

from __future__ import annotations

from typing import Any

from node_clients import run_node
from serving import KEY, mock_requests

EMAIL = "jane.doe@acme.com"


def _calls(upstream: Any, path: str) -> list[dict[str, Any]]:
    return [r for r in mock_requests(upstream) if r["path"] == path]


def test_openai_node_chat_plain_and_streamed(gateway, upstream):
    result = run_node("openai_sdk.mjs", "chat", gateway.url, KEY)
    assert result["content"] == f"Email {EMAIL} the Q3 numbers"      # the client's own value back
    assert result["streamed"] == f"Remind {EMAIL} about the churn table"
    assert result["request_id"] and result["ai_generated"] == "true"
    sent = _calls(upstream, "/v1/chat/completions")
    assert len(sent) == 2 and all(EMAIL not in r["body"] for r in sent)


def test_openai_node_responses_three_turns_under_zero_retention(gateway, upstream):
    result = run_node("openai_sdk.mjs", "responses", gateway.url, KEY)
    first = result["first"]
    assert first["kinds"] == ["reasoning", "message"] and first["encrypted"] == [True]
    assert "_mg" in first["id"] and EMAIL in first["text"]
    assert result["second"]["text"] == "Make it shorter"
    assert result["third"] == {**result["third"], "text": "And in French?", "previous": result["second"]["id"]}
    assert result["retrieved"]["id"] == first["id"]
    assert result["streamed"] == "Sign it"
    sent = _calls(upstream, "/v1/responses")
    assert len(sent) == 4                                     # one provider call per turn, nothing refused
    assert all(r["json"]["store"] is False and EMAIL not in r["body"] for r in sent)
    last = repr(sent[-1]["json"]["input"])
    assert "Q3 churn table" in last and "Make it shorter" in last and "And in French?" in last


def test_openai_node_refusal_is_a_400_with_its_clause_and_not_retried(gateway, upstream):
    result = run_node("openai_sdk.mjs", "refusal", gateway.url, KEY)
    assert result["refused"] and result["status"] == 400 and result["name"] == "BadRequestError"
    assert result["error"]["code"] == "policy_violation" and result["error"]["clause"].startswith("AUP ")
    assert "ransomware" not in result["message"]
    assert mock_requests(upstream) == []


def test_openai_node_retries_are_the_sdks_only(gateway, upstream):
    result = run_node("openai_sdk.mjs", "retries", gateway.url, KEY)
    assert result["failed"] and result["status"] == 503 and result["retry_after"] == "1"
    assert result["request_id"].startswith("req_")           # the provider's request id
    assert len(_calls(upstream, "/v1/chat/completions")) == 3   # the SDK's 1 + 2 retries, not 3 x 3


def test_anthropic_node_messages_plain_and_streamed(gateway, upstream):
    result = run_node("anthropic_sdk.mjs", "messages", gateway.url, KEY)
    assert result["text"] == f"Email {EMAIL} the Q3 numbers"
    assert result["streamed"] == result["final_text"] == f"Remind {EMAIL} about the churn table"
    assert result["request_id"] and result["request_id"].startswith("req_")   # message._request_id works
    sent = _calls(upstream, "/v1/messages")
    assert len(sent) == 2 and all(EMAIL not in r["body"] for r in sent)


def test_anthropic_node_count_tokens_with_pii(gateway, upstream):
    result = run_node("anthropic_sdk.mjs", "count_tokens", gateway.url, KEY)
    assert result["input_tokens"] > 0
    sent = _calls(upstream, "/v1/messages/count_tokens")
    assert len(sent) == 1 and EMAIL not in sent[0]["body"] and "Q3 churn table" in sent[0]["body"]


def test_anthropic_node_refusal_is_a_400_with_its_clause_and_not_retried(gateway, upstream):
    result = run_node("anthropic_sdk.mjs", "refusal", gateway.url, KEY)
    assert result["refused"] and result["status"] == 400 and result["name"] == "BadRequestError"
    error = result["error"]["error"]
    assert (error["type"], error["code"], error["clause"]) == ("invalid_request_error", "policy_violation",
                                                               "AUP I.C.a")
    assert mock_requests(upstream) == []


def test_anthropic_node_529_is_overloaded_and_hits_the_provider_as_often_as_the_sdk_tries(gateway, upstream):
    result = run_node("anthropic_sdk.mjs", "overloaded", gateway.url, KEY)
    assert result["failed"] and result["status"] == 529 and result["retry_after"] == "1"
    assert result["error"]["error"]["type"] == "overloaded_error"
    assert result["request_id"].startswith("req_")
    assert len(_calls(upstream, "/v1/messages")) == 3          # the SDK's 1 + 2 retries, and no more


def test_vercel_ai_default_multiturn_with_item_references(gateway, upstream):
    result = run_node("vercel_ai.mjs", "multiturn", gateway.url, KEY)
    turns = result["turns"]
    assert [t["text"] for t in turns] == [f"Write to {EMAIL} about the Q3 churn table", "Make it shorter",
                                          "And in French?"]
    assert turns[0]["reasoning"] == 1 and all(t["finish"] == "stop" for t in turns)
    sent = _calls(upstream, "/v1/responses")
    assert len(sent) == 3 and all(r["json"]["store"] is False and EMAIL not in r["body"] for r in sent)
    # what the SDK sent as references reached the provider as the items themselves
    later = sent[-1]["json"]["input"]
    assert [i.get("type", "message") for i in later] == ["message", "reasoning", "message", "message",
                                                         "reasoning", "message", "message"]
    assert all(i.get("encrypted_content") for i in later if i.get("type") == "reasoning")
    assert "_mg" not in repr(later)                              # the provider's own ids


def test_vercel_ai_tool_call_over_two_steps(gateway, upstream):
    result = run_node("vercel_ai.mjs", "tools", gateway.url, KEY)
    assert result["steps"] == 2 and result["calls"] == [f"Look up the churn owner for {EMAIL}"]
    assert result["text"] == f"owner of Look up the churn owner for {EMAIL}"
    sent = _calls(upstream, "/v1/responses")
    assert len(sent) == 2 and all(EMAIL not in r["body"] for r in sent)


def test_vercel_ai_anthropic_provider(gateway, upstream):
    result = run_node("vercel_ai.mjs", "anthropic", gateway.url, KEY)
    assert result == {"text": f"Email {EMAIL} the Q3 numbers", "finish": "stop"}
    sent = _calls(upstream, "/v1/messages")
    assert len(sent) == 1 and EMAIL not in sent[0]["body"]


def test_vercel_ai_pdf_file_part_is_read_and_screened(gateway, upstream, tmp_path):
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", size=12)
    document.cell(0, 10, f"Renewal notes: contact {EMAIL} about the contract.")
    path = tmp_path / "q3-report.pdf"
    path.write_bytes(bytes(document.output()))
    result = run_node("vercel_ai.mjs", "pdf", gateway.url, KEY, PDF_PATH=str(path))
    # the mock echoes every text of the turn: the document's, with the client's own value restored
    assert result["text"] == f"q3-report.pdf\n\nRenewal notes: contact {EMAIL} about the contract.\n" \
                             "Summarise this document"
    (sent,) = _calls(upstream, "/v1/responses")
    part = sent["json"]["input"][0]["content"][0]
    assert part["type"] == "input_text" and part["text"].startswith("q3-report.pdf\n\n")
    assert "Renewal notes" in part["text"] and EMAIL not in sent["body"] and "<EMAIL_ADDRESS_" in part["text"]
