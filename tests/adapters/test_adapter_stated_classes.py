"""Data classes a client states with `x_data_class`: innermost wins, the field beats the header,
and the field never reaches the provider."""

from __future__ import annotations

import json

import pytest

from filters.segments import DataClass
from gateway.adapters import ADAPTERS
from gateway.adapters.base import BadRequest

ROWS = "id,name,email\n1,Jane Doe,jane@acme.example"

CHAT = {
    "model": "gpt-4o",
    "messages": [
        {"role": "system", "content": "You analyse data."},
        {"role": "user", "x_data_class": "dataset", "content": [
            {"type": "text", "text": ROWS},
            {"type": "text", "text": "columns: id, name, email", "x_data_class": "metadata"},
        ]},
        {"role": "user", "content": "Who churned?", "x_data_class": "input"},
    ],
}

ANTHROPIC = {
    "model": "claude-sonnet-4-6", "max_tokens": 100,
    "system": [{"type": "text", "text": "Workspace owner: Jane Doe", "x_data_class": "account"}],
    "messages": [
        {"role": "user", "x_data_class": "output", "content": [
            {"type": "tool_result", "tool_use_id": "toolu_1", "content": [
                {"type": "text", "text": ROWS, "x_data_class": "dataset"},
                {"type": "text", "text": "Traceback (most recent call last): ..."}]},
            {"type": "text", "text": "Explain this.", "x_data_class": "input"},
        ]},
    ],
}

RESPONSES = {
    "model": "gpt-4.1",
    "input": [
        {"type": "message", "role": "user", "x_data_class": "dataset",
         "content": [{"type": "input_text", "text": ROWS},
                     {"type": "input_text", "text": "-- row count: 2", "x_data_class": "metadata"}]},
        {"type": "function_call_output", "call_id": "c1", "output": "1 row", "x_data_class": "output"},
        {"role": "user", "content": "Summarise."},
    ],
}


def classes(envelope):
    return [(s.path, s.stated_class) for s in envelope.segments]


def test_chat_innermost_wins_and_field_beats_header():
    envelope = ADAPTERS["openai.chat"].parse(json.loads(json.dumps(CHAT)), DataClass.INPUT)
    assert classes(envelope) == [
        (("messages", 0, "content"), DataClass.INPUT),                     # the header
        (("messages", 1, "content", 0, "text"), DataClass.DATASET),        # the message
        (("messages", 1, "content", 1, "text"), DataClass.METADATA),       # the part, inside the message
        (("messages", 2, "content"), DataClass.INPUT),
    ]


def test_chat_field_is_removed_from_the_forwarded_body_only():
    original = json.loads(json.dumps(CHAT))
    envelope = ADAPTERS["openai.chat"].parse(original, None)
    forwarded = json.dumps(ADAPTERS["openai.chat"].write(envelope, [s.text for s in envelope.segments]))
    assert "x_data_class" not in forwarded
    assert "x_data_class" not in json.dumps(envelope.body)
    assert original == CHAT   # the caller's body is untouched
    assert envelope.body["messages"][1]["content"][0] == {"type": "text", "text": ROWS}
    assert envelope.body["messages"][0] is original["messages"][0]   # untouched parts are shared, not copied


def test_anthropic_blocks_inside_tool_results():
    envelope = ADAPTERS["anthropic.messages"].parse(json.loads(json.dumps(ANTHROPIC)), None)
    assert classes(envelope) == [
        (("system", 0, "text"), DataClass.ACCOUNT),
        (("messages", 0, "content", 0, "content", 0, "text"), DataClass.DATASET),
        (("messages", 0, "content", 0, "content", 1, "text"), DataClass.OUTPUT),
        (("messages", 0, "content", 1, "text"), DataClass.INPUT),
    ]
    assert "x_data_class" not in json.dumps(envelope.body)


def test_responses_items_and_parts():
    envelope = ADAPTERS["openai.responses"].parse(json.loads(json.dumps(RESPONSES)), DataClass.INPUT)
    assert classes(envelope) == [
        (("input", 0, "content", 0, "text"), DataClass.DATASET),
        (("input", 0, "content", 1, "text"), DataClass.METADATA),
        (("input", 1, "output"), DataClass.OUTPUT),
        (("input", 2, "content"), DataClass.INPUT),
    ]
    assert "x_data_class" not in json.dumps(envelope.body)


def test_class_names_are_read_case_blind():
    body = {"model": "gpt-4o", "messages": [{"role": "user", "content": "x", "x_data_class": " Dataset "}]}
    assert ADAPTERS["openai.chat"].parse(body, None).segments[0].stated_class is DataClass.DATASET


@pytest.mark.parametrize("api,body,param", [
    ("openai.chat", {"model": "gpt-4o", "messages": [
        {"role": "user", "content": [{"type": "text", "text": "x", "x_data_class": "secret"}]}]},
     "messages[0].content[0].x_data_class"),
    ("openai.chat", {"model": "gpt-4o", "messages": [{"role": "user", "content": "x", "x_data_class": 3}]},
     "messages[0].x_data_class"),
    ("anthropic.messages", {"model": "c", "max_tokens": 1, "messages": [
        {"role": "user", "content": [{"type": "text", "text": "x", "x_data_class": "public"}]}]},
     "messages[0].content[0].x_data_class"),
    ("openai.responses", {"model": "g", "input": [{"role": "user", "content": "x", "x_data_class": "pii"}]},
     "input[0].x_data_class"),
])
def test_unknown_class_is_a_bad_request_naming_the_field(api, body, param):
    with pytest.raises(BadRequest) as caught:
        ADAPTERS[api].parse(body, None)
    assert caught.value.param == param
    assert param in caught.value.message
