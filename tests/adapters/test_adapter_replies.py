"""Non-streamed answers: every text a model wrote goes through the rewriter, usage is read, and
the body says it is AI-generated."""

from __future__ import annotations

import json

import pytest
from token_rewriter import JANE, MAIL, ZOE, RecordingRewriter

from gateway.adapters import ADAPTERS
from gateway.adapters.base import Usage

CHAT_REPLY = {
    "id": "chatcmpl-9fJ2kQ", "object": "chat.completion", "created": 1718000000, "model": "gpt-4o-2024-08-06",
    "choices": [
        {"index": 0, "finish_reason": "tool_calls", "logprobs": None, "message": {
            "role": "assistant", "content": f"I will email {JANE} at {MAIL}.", "refusal": None, "annotations": [],
            "tool_calls": [{"id": "call_1", "type": "function", "function": {
                "name": "send_report", "arguments": json.dumps({"to": ZOE, "cc": [MAIL]})}}]}},
        {"index": 1, "finish_reason": "stop", "logprobs": None, "message": {
            "role": "assistant", "content": None, "refusal": f"I can't share {JANE}'s data.",
            "function_call": {"name": "lookup", "arguments": json.dumps({"who": JANE})}}},
    ],
    "usage": {"prompt_tokens": 211, "completion_tokens": 37, "total_tokens": 248,
              "prompt_tokens_details": {"cached_tokens": 0}},
    "system_fingerprint": "fp_9a1b",
}

ANTHROPIC_REPLY = {
    "id": "msg_01XF", "type": "message", "role": "assistant", "model": "claude-sonnet-4-6-20250929",
    "content": [
        {"type": "thinking", "thinking": f"{JANE} owns the account.", "signature": "EqQBCgIYAhIM"},
        {"type": "text", "text": f"Hello {JANE}!", "citations": None},
        {"type": "tool_use", "id": "toolu_01", "name": "send_report",
         "input": {"to": ZOE, "copies": [{"email": MAIL, "count": 2}], "urgent": True}},
    ],
    "stop_reason": "tool_use", "stop_sequence": None,
    "usage": {"input_tokens": 412, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0,
              "output_tokens": 89},
}

RESPONSES_REPLY = {
    "id": "resp_68b1", "object": "response", "created_at": 1718000002, "status": "completed", "model": "gpt-4.1",
    "output": [
        {"type": "reasoning", "id": "rs_1", "summary": [{"type": "summary_text", "text": f"Find {JANE}."}]},
        {"type": "message", "id": "msg_1", "status": "completed", "role": "assistant",
         "content": [{"type": "output_text", "text": f"Owner: {JANE}", "annotations": []},
                     {"type": "refusal", "refusal": f"Not {MAIL}."}]},
        {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "lookup", "status": "completed",
         "arguments": json.dumps({"owner": ZOE})},
        {"type": "web_search_call", "id": "ws_1", "status": "completed", "action": {"type": "search", "query": JANE}},
    ],
    "output_text": f"Owner: {JANE}",
    "usage": {"input_tokens": 120, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 48,
              "output_tokens_details": {"reasoning_tokens": 12}, "total_tokens": 168},
}

COMPLETION_REPLY = {
    "id": "cmpl-1", "object": "text_completion", "created": 1718000001, "model": "gpt-3.5-turbo-instruct",
    "choices": [{"index": 0, "text": f"'{JANE}'\n", "logprobs": None, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17},
}

EMBEDDING_REPLY = {
    "object": "list", "model": "text-embedding-3-small",
    "data": [{"object": "embedding", "index": 0, "embedding": [0.0023, -0.0091, 0.0154]}],
    "usage": {"prompt_tokens": 8, "total_tokens": 8},
}


def test_chat_reply():
    body = json.loads(json.dumps(CHAT_REPLY))
    usage = ADAPTERS["openai.chat"].rewrite_response(body, RecordingRewriter())
    assert usage == Usage(211, 37)
    first, second = body["choices"][0]["message"], body["choices"][1]["message"]
    assert first["content"] == "I will email Jane Doe at jane.doe@acme.example."
    assert json.loads(first["tool_calls"][0]["function"]["arguments"]) == {
        "to": 'Zoë "Z" O\'Neil', "cc": ["jane.doe@acme.example"]}
    assert second["refusal"] == "I can't share Jane Doe's data."
    assert json.loads(second["function_call"]["arguments"]) == {"who": "Jane Doe"}
    assert body["system_fingerprint"] == "fp_9a1b"


def test_chat_arguments_are_rewritten_as_json_text():
    rewriter = RecordingRewriter()
    ADAPTERS["openai.chat"].rewrite_response(json.loads(json.dumps(CHAT_REPLY)), rewriter)
    arguments = json.dumps({"to": ZOE, "cc": [MAIL]})
    assert (arguments, True) in rewriter.seen
    assert (f"I will email {JANE} at {MAIL}.", False) in rewriter.seen


def test_chat_content_as_parts():
    body = {"choices": [{"index": 0, "message": {"role": "assistant", "content": [
        {"type": "text", "text": f"Hi {JANE}"}]}}]}
    usage = ADAPTERS["openai.chat"].rewrite_response(body, RecordingRewriter())
    assert body["choices"][0]["message"]["content"][0]["text"] == "Hi Jane Doe"
    assert usage == Usage(0, 0)


def test_anthropic_reply():
    body = json.loads(json.dumps(ANTHROPIC_REPLY))
    usage = ADAPTERS["anthropic.messages"].rewrite_response(body, RecordingRewriter())
    assert usage == Usage(412, 89)
    thinking, text, tool = body["content"]
    assert thinking["thinking"] == "Jane Doe owns the account." and thinking["signature"] == "EqQBCgIYAhIM"
    assert text["text"] == "Hello Jane Doe!"
    assert tool["input"] == {"to": 'Zoë "Z" O\'Neil', "copies": [{"email": "jane.doe@acme.example", "count": 2}],
                             "urgent": True}


def test_anthropic_tool_input_leaves_are_plain_text():
    rewriter = RecordingRewriter()
    ADAPTERS["anthropic.messages"].rewrite_response(json.loads(json.dumps(ANTHROPIC_REPLY)), rewriter)
    assert (ZOE, False) in rewriter.seen and all(not in_json for _, in_json in rewriter.seen)


def test_responses_reply():
    body = json.loads(json.dumps(RESPONSES_REPLY))
    usage = ADAPTERS["openai.responses"].rewrite_response(body, RecordingRewriter())
    assert usage == Usage(120, 48)
    reasoning, message, call, search = body["output"]
    assert reasoning["summary"][0]["text"] == "Find Jane Doe."
    assert message["content"][0]["text"] == "Owner: Jane Doe"
    assert message["content"][1]["refusal"] == "Not jane.doe@acme.example."
    assert json.loads(call["arguments"]) == {"owner": 'Zoë "Z" O\'Neil'}
    assert body["output_text"] == "Owner: Jane Doe"
    assert search == RESPONSES_REPLY["output"][3]   # not model prose: as it came


def test_completion_reply():
    body = json.loads(json.dumps(COMPLETION_REPLY))
    usage = ADAPTERS["openai.completions"].rewrite_response(body, RecordingRewriter())
    assert body["choices"][0]["text"] == "'Jane Doe'\n"
    assert usage == Usage(12, 5)


def test_embedding_reply_has_usage_only():
    body = json.loads(json.dumps(EMBEDDING_REPLY))
    rewriter = RecordingRewriter()
    assert ADAPTERS["openai.embeddings"].rewrite_response(body, rewriter) == Usage(8, 0)
    assert body == EMBEDDING_REPLY and rewriter.seen == []


@pytest.mark.parametrize("api,reply", [("openai.chat", CHAT_REPLY), ("anthropic.messages", ANTHROPIC_REPLY),
                                       ("openai.responses", RESPONSES_REPLY),
                                       ("openai.completions", COMPLETION_REPLY),
                                       ("openai.embeddings", EMBEDDING_REPLY)])
def test_mark_ai_generated_adds_and_removes_nothing_else(api, reply):
    body = json.loads(json.dumps(reply))
    ADAPTERS[api].mark_ai_generated(body)  # type: ignore[attr-defined]
    assert body.pop("ai_generated") is True
    assert body == reply


def test_a_reply_of_an_unexpected_shape_is_left_alone():
    body = {"choices": "none", "usage": {"prompt_tokens": "many"}}
    assert ADAPTERS["openai.chat"].rewrite_response(body, RecordingRewriter()) == Usage(0, 0)
    assert body == {"choices": "none", "usage": {"prompt_tokens": "many"}}
