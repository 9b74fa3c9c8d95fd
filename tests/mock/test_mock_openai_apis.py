"""Completions, embeddings, the Responses API and the models list from the mock, through the real OpenAI SDK."""

from __future__ import annotations

import json
import math

import httpx
from running_mock import OPENAI_KEY

PROMPT = "Summarise the weekly revenue table for the finance review."
FUNCTION = {"type": "function", "name": "run_sql", "description": "Run a query",
            "parameters": {"type": "object", "properties": {"text": {"type": "string"}}}}


def test_completions_plain_and_streamed(provider):
    client = provider.openai()
    reply = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="SELECT count(*) FROM orders WHERE")
    assert reply.object == "text_completion"
    assert reply.choices[0].text == "SELECT count(*) FROM orders WHERE" and reply.choices[0].finish_reason == "stop"
    assert reply.usage.prompt_tokens == reply.usage.completion_tokens == 8   # words, ( * ) marks
    chunks = list(client.completions.create(model="gpt-3.5-turbo-instruct", prompt="def total(rows):", stream=True,
                                            stream_options={"include_usage": True}))
    pieces = [c.choices[0].text for c in chunks if c.choices and c.choices[0].text]
    assert "".join(pieces) == "def total(rows):" and len(pieces) == 6
    assert [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason] == ["stop"]
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens == 6


def test_completions_with_several_prompts_answer_each(provider):
    reply = provider.openai().completions.create(model="gpt-3.5-turbo-instruct", prompt=["first one", "second"])
    assert [(c.index, c.text) for c in reply.choices] == [(0, "first one"), (1, "second")]


def test_embeddings_are_deterministic_unit_vectors(provider):
    client = provider.openai()
    first = client.embeddings.create(model="text-embedding-3-small", input=["orders.created_at", "customers"])
    again = client.embeddings.create(model="text-embedding-3-small", input="orders.created_at",
                                     encoding_format="float")
    assert first.object == "list" and [d.index for d in first.data] == [0, 1]
    assert len(first.data[0].embedding) == 64
    assert math.isclose(sum(v * v for v in first.data[0].embedding), 1.0, rel_tol=1e-5)
    # The SDK asked for base64 the first time and float the second: the same vector either way.
    assert all(math.isclose(a, b, abs_tol=1e-6) for a, b in zip(first.data[0].embedding, again.data[0].embedding))
    assert first.data[0].embedding != first.data[1].embedding
    assert first.usage.prompt_tokens == first.usage.total_tokens == 4   # orders . created_at, customers


def test_embeddings_dimensions(provider):
    reply = provider.openai().embeddings.create(model="text-embedding-3-small", input="x", dimensions=12)
    assert len(reply.data[0].embedding) == 12


def test_models_list(provider):
    names = [m.id for m in provider.openai().models.list()]
    assert "gpt-4o" in names and "text-embedding-3-small" in names


def test_responses_plain(provider):
    reply = provider.openai().responses.create(model="gpt-4o", instructions="Be brief.", input=PROMPT)
    assert reply.object == "response" and reply.status == "completed"
    assert reply.output_text == PROMPT
    message = reply.output[0]
    assert message.type == "message" and message.role == "assistant" and message.id.startswith("msg_")
    assert reply.instructions == "Be brief."
    assert reply.usage.input_tokens == 3 + 10 and reply.usage.output_tokens == 10
    assert reply.usage.total_tokens == 23


def test_responses_last_user_input_item_is_echoed(provider):
    reply = provider.openai().responses.create(model="gpt-4o", input=[
        {"role": "user", "content": "first"},
        {"role": "assistant", "content": "ok"},
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": PROMPT}]}])
    assert reply.output_text == PROMPT


def test_responses_stream_event_sequence(provider):
    client = provider.openai()
    plain = client.responses.create(model="gpt-4o", input=PROMPT)
    with client.responses.stream(model="gpt-4o", input=PROMPT) as stream:
        events = list(stream)
        final = stream.get_final_response()
    kinds = [e.type for e in events]
    deltas = [e.delta for e in events if e.type == "response.output_text.delta"]
    assert kinds == ["response.created", "response.in_progress", "response.output_item.added",
                     "response.content_part.added", *["response.output_text.delta"] * len(deltas),
                     "response.output_text.done", "response.content_part.done", "response.output_item.done",
                     "response.completed"]
    assert [e.sequence_number for e in events] == list(range(len(events)))
    assert "".join(deltas) == PROMPT and all(len(d) <= 3 for d in deltas)
    assert events[0].response.status == "in_progress" and events[0].response.output == []
    assert final.output_text == PROMPT and final.status == "completed"
    assert final.usage.model_dump() == plain.usage.model_dump()


def test_responses_stream_names_events_on_the_wire(provider):
    response = httpx.post(provider.url + "/v1/responses", headers={"Authorization": f"Bearer {OPENAI_KEY}"},
                          json={"model": "gpt-4o", "stream": True, "input": "hi"})
    events = [e for e in response.text.split("\n\n") if e]
    first_line, data_line = events[0].split("\n")
    assert first_line == "event: response.created"
    assert json.loads(data_line.removeprefix("data: "))["type"] == "response.created"
    assert "[DONE]" not in response.text


def test_responses_function_call(provider):
    client = provider.openai()
    reply = client.responses.create(model="gpt-4o", input="Count orders per day", tools=[FUNCTION])
    call = reply.output[0]
    assert call.type == "function_call" and call.name == "run_sql" and call.call_id.startswith("call_")
    assert json.loads(call.arguments) == {"text": "Count orders per day"}
    answer = client.responses.create(model="gpt-4o", tools=[FUNCTION], input=[
        {"role": "user", "content": "Count orders per day"},
        {"type": "function_call", "call_id": call.call_id, "name": call.name, "arguments": call.arguments},
        {"type": "function_call_output", "call_id": call.call_id, "output": "day,orders\n2024-01-01,17"}])
    assert answer.output_text == "day,orders\n2024-01-01,17"


def test_responses_function_call_streamed(provider):
    with provider.openai().responses.stream(model="gpt-4o", input="Count orders per day", tools=[FUNCTION]) as stream:
        events = list(stream)
        final = stream.get_final_response()
    added = next(e for e in events if e.type == "response.output_item.added")
    assert added.item.type == "function_call" and added.item.name == "run_sql" and added.item.arguments == ""
    deltas = [e.delta for e in events if e.type == "response.function_call_arguments.delta"]
    assert len(deltas) > 3 and json.loads("".join(deltas)) == {"text": "Count orders per day"}
    done = next(e for e in events if e.type == "response.function_call_arguments.done")
    assert done.arguments == "".join(deltas) and done.item_id == added.item.id
    assert final.output[0].type == "function_call" and final.output[0].status == "completed"
