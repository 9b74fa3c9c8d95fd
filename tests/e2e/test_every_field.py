"""Every string a provider may read is screened or refused, never forwarded unread (issue 13, item 1).

Each field family is sent twice through the real SDKs: with a value to find (an email, a card number,
a GitHub token), which must not reach the mock provider, and with a clean value, which must reach it
unchanged (refusing ordinary SDK traffic is not a fix).
"""

from __future__ import annotations

import json

import anthropic
import openai
import pytest
from serving import mock_requests

EMAIL = "maria.lopez@northwind-health.com"
CARD = "4111 1111 1111 1111"
TOKEN = "ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ12"
RAW = (EMAIL, CARD, TOKEN, "4111111111111111")


def sent(upstream) -> dict:
    return mock_requests(upstream)[-1]["json"]


def assert_clean(upstream) -> str:
    text = json.dumps(sent(upstream), ensure_ascii=False)
    for value in RAW:
        assert value not in text
    return text


def chat(client, **kwargs):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hello there"}],
                                          **kwargs)


def test_chat_stop_sequences(openai_client, upstream):
    chat(openai_client, stop=[EMAIL, CARD])
    assert_clean(upstream)
    chat(openai_client, stop=["\n\n", "END"])
    assert sent(upstream)["stop"] == ["\n\n", "END"]


def tool_with(schema_extra: dict) -> list[dict]:
    return [{"type": "function", "function": {
        "name": "lookup", "description": "Looks a customer up",
        "parameters": {"type": "object", "properties": {"who": {"type": "string", **schema_extra}}}}}]


@pytest.mark.parametrize("keyword", ["enum", "default", "examples", "title", "const"])
def test_tool_schema_values(openai_client, upstream, keyword):
    value = [EMAIL, CARD] if keyword in ("enum", "examples") else f"{EMAIL} {CARD}"
    chat(openai_client, tools=tool_with({keyword: value}))
    assert_clean(upstream)
    clean = ["gold", "silver"] if keyword in ("enum", "examples") else "gold tier"
    chat(openai_client, tools=tool_with({keyword: clean}))
    assert sent(upstream)["tools"][0]["function"]["parameters"]["properties"]["who"][keyword] == clean


def test_custom_tool_grammar(openai_client, upstream):
    def custom(definition: str) -> list[dict]:
        return [{"type": "custom", "custom": {"name": "sql", "format": {
            "type": "grammar", "grammar": {"syntax": "lark", "definition": definition}}}}]
    chat(openai_client, tools=custom(f'start: "{EMAIL}" | "x"'))
    assert_clean(upstream)
    chat(openai_client, tools=custom('start: "select" NAME'))
    assert sent(upstream)["tools"][0]["custom"]["format"]["grammar"]["definition"] == 'start: "select" NAME'


def test_key_names_of_tool_properties_are_refused_when_they_hold_a_value(openai_client, upstream):
    before = len(mock_requests(upstream))
    tools = [{"type": "function", "function": {"name": "lookup", "parameters": {
        "type": "object", "properties": {EMAIL: {"type": "string"}}}}}]
    with pytest.raises(openai.BadRequestError) as raised:
        chat(openai_client, tools=tools)
    assert EMAIL not in raised.value.response.text
    assert "properties" in raised.value.response.text
    assert len(mock_requests(upstream)) == before
    tools[0]["function"]["parameters"]["properties"] = {"customer_tier": {"type": "string"}}
    chat(openai_client, tools=tools)
    assert sent(upstream)["tools"] == tools


def test_nested_metadata_keys_and_values(openai_client, upstream):
    chat(openai_client, extra_body={"metadata": {"ticket": {"owner": EMAIL}}})
    assert_clean(upstream)
    with pytest.raises(openai.BadRequestError):
        chat(openai_client, extra_body={"metadata": {"4111111111111111": "paid"}})
    chat(openai_client, extra_body={"metadata": {"ticket": {"owner": "support"}}})
    assert sent(upstream)["metadata"] == {"ticket": {"owner": "support"}}


def test_unknown_top_level_fields_and_parts(openai_client, upstream):
    content = [{"type": "text", "text": "Hi"}, {"type": "x_future_part", "payload": {"note": EMAIL}}]
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": content}],
                                          extra_body={"x_future": f"card {CARD}"})
    assert_clean(upstream)
    content[1]["payload"]["note"] = "nothing here"
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": content}],
                                          extra_body={"x_future": "plain"})
    body = sent(upstream)
    assert body["messages"][0]["content"][1] == content[1] and body["x_future"] == "plain"


def test_model_name_under_a_glob_route(openai_client, upstream):
    before = len(mock_requests(upstream))
    with pytest.raises(openai.BadRequestError) as raised:
        openai_client.chat.completions.create(model="gpt-4111111111111111",
                                              messages=[{"role": "user", "content": "Hi"}])
    assert "4111111111111111" not in raised.value.response.text
    assert len(mock_requests(upstream)) == before


def test_completions_stop(openai_client, upstream):
    openai_client.completions.create(model="code-complete", prompt="def add(a, b):", stop=[EMAIL])
    assert_clean(upstream)
    openai_client.completions.create(model="code-complete", prompt="def add(a, b):", stop=["\ndef"])
    assert sent(upstream)["stop"] == ["\ndef"]


def test_responses_tools_filters_location_and_schema(openai_client, upstream):
    tools = [
        {"type": "file_search", "vector_store_ids": ["vs_abc123"],
         "filters": {"type": "eq", "key": "owner", "value": EMAIL}},
        {"type": "mcp", "server_label": "crm", "server_url": f"https://mcp.example/{EMAIL}",
         "headers": {"Authorization": f"Bearer {TOKEN}"}, "server_description": f"CRM of {EMAIL}",
         "require_approval": "never"},
        {"type": "web_search", "user_location": {"type": "approximate", "city": f"{CARD}"}},
    ]
    schema = {"type": "json_schema", "name": "answer", "schema": {
        "type": "object", "properties": {"who": {"type": "string", "const": EMAIL}}}}
    openai_client.responses.create(model="gpt-4o", input="Hello", tools=tools, text={"format": schema})
    assert_clean(upstream)
    tools[0]["filters"]["value"], tools[1]["server_url"] = "support", "https://mcp.example/sse"
    tools[1]["headers"], tools[1]["server_description"] = {"X-Team": "crm"}, "The CRM"
    tools[2]["user_location"]["city"] = "Lisbon"
    schema["schema"]["properties"]["who"]["const"] = "anyone"
    openai_client.responses.create(model="gpt-4o", input="Hello", tools=tools, text={"format": schema})
    body = sent(upstream)
    assert body["tools"] == tools and body["text"]["format"] == schema


def test_responses_output_items_sent_back(openai_client, upstream):
    items = [{"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Search it"}]},
             {"type": "web_search_call", "id": "ws_abc123", "status": "completed",
              "action": {"type": "search", "query": f"who is {EMAIL}"}}]
    openai_client.responses.create(model="gpt-4o", input=items)
    assert_clean(upstream)
    items[1]["action"]["query"] = "opening hours"
    openai_client.responses.create(model="gpt-4o", input=items)
    assert sent(upstream)["input"][1] == items[1]


def messages(client, **kwargs):
    return client.messages.create(model="claude-sonnet-4-6", max_tokens=64,
                                  messages=kwargs.pop("messages", [{"role": "user", "content": "Hello"}]), **kwargs)


def test_anthropic_stop_sequences_mcp_servers_and_container(anthropic_client, upstream):
    servers = [{"type": "url", "url": f"https://mcp.example/{EMAIL}", "name": "crm",
                "authorization_token": TOKEN}]
    messages(anthropic_client, stop_sequences=[CARD], extra_body={"mcp_servers": servers, "container": EMAIL})
    assert_clean(upstream)
    servers = [{"type": "url", "url": "https://mcp.example/sse", "name": "crm"}]
    messages(anthropic_client, stop_sequences=["###"], extra_body={"mcp_servers": servers, "container": "cntr_01abc"})
    body = sent(upstream)
    assert body["stop_sequences"] == ["###"] and body["mcp_servers"] == servers and body["container"] == "cntr_01abc"


def test_anthropic_citations_and_search_result_sources(anthropic_client, upstream):
    def turns(cited: str, source: str) -> list[dict]:
        return [{"role": "user", "content": "What does the policy say?"},
                {"role": "assistant", "content": [{"type": "text", "text": "It says so.", "citations": [
                    {"type": "char_location", "cited_text": cited, "document_index": 0,
                     "start_char_index": 0, "end_char_index": 5}]}]},
                {"role": "user", "content": [{"type": "search_result", "source": source, "title": "Policy",
                                              "content": [{"type": "text", "text": "Refunds in 30 days."}]}]}]
    messages(anthropic_client, messages=turns(f"Contact {EMAIL}", f"https://kb.example/{EMAIL}"))
    assert_clean(upstream)
    messages(anthropic_client, messages=turns("Refunds in 30 days", "https://kb.example/refunds"))
    body = sent(upstream)
    assert body["messages"][1]["content"][0]["citations"][0]["cited_text"] == "Refunds in 30 days"
    assert body["messages"][2]["content"][0]["source"] == "https://kb.example/refunds"


def test_thinking_signature_goes_back_only_as_relayed(anthropic_client, upstream):
    first = messages(anthropic_client, thinking={"type": "enabled", "budget_tokens": 1024})
    thinking = next(b for b in first.content if b.type == "thinking")
    history = [{"role": "user", "content": "Hello"},
               {"role": "assistant", "content": [{"type": "thinking", "thinking": thinking.thinking,
                                                  "signature": thinking.signature}]},
               {"role": "user", "content": "Go on"}]
    messages(anthropic_client, messages=history)
    assert sent(upstream)["messages"][1]["content"][0]["signature"] == thinking.signature
    before = len(mock_requests(upstream))
    history[1]["content"] = [{"type": "redacted_thinking", "data": f"{EMAIL}"}]
    with pytest.raises(anthropic.BadRequestError):
        messages(anthropic_client, messages=history)
    history[1]["content"] = [{"type": "thinking", "thinking": "x", "signature": thinking.signature + "A"}]
    with pytest.raises(anthropic.BadRequestError):
        messages(anthropic_client, messages=history)
    assert len(mock_requests(upstream)) == before


def test_reasoning_encrypted_content_not_relayed_is_refused(openai_client, upstream):
    items = [{"type": "reasoning", "id": "rs_abc123", "summary": [], "encrypted_content": "gAAAAB" + "x" * 40},
             {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Go on"}]}]
    before = len(mock_requests(upstream))
    with pytest.raises(openai.BadRequestError) as raised:
        openai_client.responses.create(model="gpt-4o", input=items)
    assert "encrypted_content" in raised.value.response.text
    assert len(mock_requests(upstream)) == before


def test_a_text_data_uri_is_not_an_image(openai_client, upstream):
    before = len(mock_requests(upstream))
    part = {"type": "image_url", "image_url": {"url": "data:text/plain;base64,bWFyaWEubG9wZXpAbm9ydGh3aW5kLmNvbQ=="}}
    with pytest.raises(openai.BadRequestError):
        openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [part]}])
    assert len(mock_requests(upstream)) == before


def test_a_value_split_across_two_parts_of_one_message_is_seen(openai_client, upstream):
    content = [{"type": "text", "text": "My card is 4111 1111"}, {"type": "text", "text": " 1111 1111, thanks"}]
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": content}])
    parts = sent(upstream)["messages"][0]["content"]
    assert "1111" not in json.dumps(parts)
    assert [part["text"] for part in parts] == ["My card is [CREDIT_CARD]", "[CREDIT_CARD], thanks"]
    content = [{"type": "text", "text": "Email jane.doe@exam"}, {"type": "text", "text": "ple.com the quote"}]
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": content}])
    parts = sent(upstream)["messages"][0]["content"]
    assert "jane.doe" not in json.dumps(parts) and "ple.com" not in json.dumps(parts)
    content = [{"type": "text", "text": f"Write to {EMAIL}"}, {"type": "text", "text": " about the invoice"}]
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": content}])
    parts = sent(upstream)["messages"][0]["content"]
    assert EMAIL not in json.dumps(parts) and parts[1] == content[1]
