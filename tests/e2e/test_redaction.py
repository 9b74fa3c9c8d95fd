"""What leaves for the provider is redacted; what comes back has its pseudonyms restored, streams included."""

from __future__ import annotations

import json
import re

import openai
from serving import OTHER_KEY, mock_requests

EMAIL = "maria.lopez@northwind-health.com"
AWS_KEY = "AKIAZ7QW3RT5YU8IOP2M"
TOKEN = re.compile(r"<[A-Z_]+_[0-9a-f]{16}>")


def forwarded_text(upstream) -> str:
    return json.dumps(mock_requests(upstream)[-1]["json"])


def test_email_is_pseudonymized_upstream_and_restored_for_the_client(openai_client, upstream):
    prompt = f"Draft a reminder to {EMAIL} about the overdue invoice."
    reply = openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    sent = mock_requests(upstream)[-1]["json"]["messages"][0]["content"]
    assert EMAIL not in sent and TOKEN.search(sent)
    assert reply.choices[0].message.content == prompt


def test_same_value_same_token_across_turns(openai_client, upstream):
    for _ in range(2):
        openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Who is {EMAIL}?"}])
    first, second = (r["json"]["messages"][0]["content"] for r in mock_requests(upstream)[-2:])
    assert first == second and TOKEN.search(first)


def test_secret_is_masked_and_never_restored(openai_client, upstream):
    prompt = f"Why does boto3 reject aws_access_key_id={AWS_KEY}?"
    reply = openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    assert AWS_KEY not in forwarded_text(upstream)
    assert AWS_KEY not in reply.choices[0].message.content


def test_restored_in_a_stream_with_tokens_split_across_events(openai_client, upstream):
    prompt = f"Forward this to {EMAIL} today"
    stream = openai_client.chat.completions.create(model="gpt-4o", stream=True,
                                                   messages=[{"role": "user", "content": prompt}])
    assert "".join(c.choices[0].delta.content or "" for c in stream if c.choices) == prompt
    assert EMAIL not in forwarded_text(upstream)


def test_restored_inside_tool_call_arguments(openai_client, upstream):
    tools = [{"type": "function", "function": {"name": "send_mail", "parameters": {"type": "object"}}}]
    prompt = f"Mail {EMAIL} the report"
    reply = openai_client.chat.completions.create(model="gpt-4o", tools=tools,
                                                  messages=[{"role": "user", "content": prompt}])
    assert json.loads(reply.choices[0].message.tool_calls[0].function.arguments) == {"text": prompt}
    stream = openai_client.chat.completions.create(model="gpt-4o", tools=tools, stream=True,
                                                   messages=[{"role": "user", "content": prompt}])
    arguments = "".join(call.function.arguments or "" for chunk in stream for choice in chunk.choices
                        for call in choice.delta.tool_calls or [])
    assert json.loads(arguments) == {"text": prompt}
    assert EMAIL not in forwarded_text(upstream)


def test_restored_in_responses_stream_and_final_response(openai_client, upstream):
    prompt = f"Summarise the thread with {EMAIL}"
    with openai_client.responses.stream(model="gpt-4o", input=prompt) as stream:
        deltas = "".join(e.delta for e in stream if e.type == "response.output_text.delta")
        final = stream.get_final_response()
    assert deltas == prompt and final.output_text == prompt
    assert EMAIL not in forwarded_text(upstream)


def test_restored_in_anthropic_text_and_tool_use_streams(anthropic_client, upstream):
    prompt = f"Write to {EMAIL}"
    with anthropic_client.messages.stream(model="claude-sonnet-4-6", max_tokens=100,
                                          messages=[{"role": "user", "content": prompt}]) as stream:
        assert "".join(stream.text_stream) == prompt
    assert EMAIL not in forwarded_text(upstream)
    tools = [{"name": "send_mail", "input_schema": {"type": "object"}}]
    with anthropic_client.messages.stream(model="claude-sonnet-4-6", max_tokens=100, tools=tools,
                                          messages=[{"role": "user", "content": prompt}]) as stream:
        final = stream.get_final_message()
    assert next(b for b in final.content if b.type == "tool_use").input == {"text": prompt}
    assert EMAIL not in forwarded_text(upstream)


def test_another_tenants_token_and_a_typed_token_do_not_resolve(gateway, openai_client, upstream):
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Ask {EMAIL}"}])
    token = TOKEN.search(mock_requests(upstream)[-1]["json"]["messages"][0]["content"]).group(0)
    other = openai.OpenAI(base_url=gateway.url + "/v1", api_key=OTHER_KEY, max_retries=0)
    reply = other.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Echo {token}"}])
    assert reply.choices[0].message.content == f"Echo {token}"
    typed = "<EMAIL_ADDRESS_0123456789abcdef>"
    reply = openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Echo {typed}"}])
    assert reply.choices[0].message.content == f"Echo {typed}"


def test_code_sql_and_schema_come_through_intact(openai_client, upstream):
    prompt = ("Why is this slow?\n```sql\nSELECT email, ssn, created_at FROM customers "
              "WHERE created_at >= '2024-01-01' AND status = 'active'\n```\n"
              "```python\nimport datetime as dt\nm = self.re.match(row)\nd = dt.date(2024, 1, 1)\n```")
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    assert mock_requests(upstream)[-1]["json"]["messages"][0]["content"] == prompt


def test_restricted_data_the_model_writes_is_masked(openai_client, anthropic_client, upstream):
    card = "4111-1111-1111-1111"  # streams are checked word by word: see README
    fixed = {"x-mock-echo": "false", "x-mock-reply": f"Sure, charge card {card} for the order"}
    reply = openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "charge it"}],
                                                  extra_headers=fixed)
    assert card not in reply.choices[0].message.content and "[CREDIT_CARD]" in reply.choices[0].message.content
    with anthropic_client.messages.stream(model="claude-sonnet-4-6", max_tokens=64, extra_headers=fixed,
                                          messages=[{"role": "user", "content": "charge it"}]) as stream:
        text = "".join(stream.text_stream)
    assert card not in text and "[CREDIT_CARD]" in text


def test_names_in_other_scripts_lists_and_logs_leave_as_tokens_and_come_back(openai_client, upstream):
    people = ["سلمى الخطيب", "สมชาย ใจดี", "Okonkwo, Adaeze", "Ilkka"]
    prompt = (f"Dear {people[0]}, your refund is approved; {people[1]} in finance has the receipt.\n"
              f"Attendees:\n- {people[2]}, finance\n"
              f"log: ts=1717 level=warn user={people[3]} ip=10.2.0.7 msg=retry\nWhy did the retry fail?")
    reply = openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    sent = mock_requests(upstream)[-1]["json"]["messages"][0]["content"]
    assert not [p for p in people if p in sent] and len(TOKEN.findall(sent)) >= len(people)
    assert reply.choices[0].message.content == prompt
