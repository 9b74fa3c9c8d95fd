"""What a model writes goes through the response chain in every field (issue 13, item 5): a restricted value
it writes is masked, even streamed a few characters at a time with spaces between its groups, and in
logprobs token strings, annotations, audio transcripts and Anthropic citations; a pseudonym of the request
is restored there too. Cassettes keep the answer after the response filters."""

from __future__ import annotations

import json
import re
import time

import anthropic
import openai
import pytest
from serving import KEY, ThreadServer, base_config, start_gateway
from standin import StandIn

CARD = "4111 1111 1111 1111"
EMAIL = "maria.lopez@northwind-health.com"
TOKEN = re.compile(r"<EMAIL_ADDRESS_[0-9a-f]+>")


@pytest.fixture(scope="module")
def rig(mock, tmp_path_factory):
    gpt, claude = StandIn("openai"), StandIn("anthropic")
    servers = [ThreadServer(gpt.app).start(), ThreadServer(claude.app).start()]
    tmp = tmp_path_factory.mktemp("model-written")
    config = base_config(mock.url, recording={"dir": str(tmp / "cassettes"), "all_tenants": True})
    config["providers"] += [
        {"name": "gpt-standin", "kind": "openai", "base_url": servers[0].url + "/v1", "zero_retention": True,
         "api_key_env": "TEST_OPENAI_KEY"},
        {"name": "claude-standin", "kind": "anthropic", "base_url": servers[1].url, "zero_retention": True,
         "api_key_env": "TEST_ANTHROPIC_KEY"}]
    config["models"][:0] = [{"match": "gpt-standin", "provider": "gpt-standin"},
                            {"match": "claude-standin", "provider": "claude-standin"}]
    gateway = start_gateway(config, tmp)
    gateway.gpt, gateway.claude, gateway.cassettes = gpt, claude, tmp / "cassettes"
    yield gateway
    gateway.stop()
    for server in servers:
        server.stop()


@pytest.fixture
def gateway(rig):
    for standin in (rig.gpt, rig.claude):
        standin.requests.clear()
        standin.reply = standin.events = None
    return rig


def oai(gateway):
    return openai.OpenAI(base_url=gateway.url + "/v1", api_key=KEY, max_retries=0)


def claude(gateway):
    return anthropic.Anthropic(base_url=gateway.url, api_key=KEY, max_retries=0)


def no_card(text: str) -> bool:
    return "4111" not in text and "1111 1111" not in text


def token_of(body: dict) -> str:
    """The pseudonym the provider was sent for EMAIL."""
    return TOKEN.search(json.dumps(body)).group(0)


def newest_cassette(gateway) -> str:
    deadline = time.monotonic() + 10
    while not list(gateway.cassettes.glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    return max(gateway.cassettes.glob("*.json"), key=lambda p: p.stat().st_mtime_ns).read_text()


# Streams: the built-in mock streams three characters per event ----------------------------------------

def test_a_card_with_spaces_streamed_in_pieces_is_masked_in_chat(gateway):
    text = "".join(c.choices[0].delta.content or "" for c in oai(gateway).chat.completions.create(
        model="gpt-4o", stream=True, messages=[{"role": "user", "content": "Hi"}],
        extra_headers={"x-mock-echo": "false", "x-mock-reply": f"The card is {CARD} and it expires soon."}) if c.choices)
    assert no_card(text) and "CREDIT_CARD" in text and text.endswith("expires soon.")


def test_a_card_with_spaces_streamed_in_pieces_is_masked_in_messages_and_responses(gateway):
    with claude(gateway).messages.stream(model="claude-sonnet-4-6", max_tokens=50,
                                         messages=[{"role": "user", "content": "Hi"}],
                                         extra_headers={"x-mock-echo": "false", "x-mock-reply": f"Card {CARD} on file."}) as stream:
        text = "".join(stream.text_stream)
    assert no_card(text) and "CREDIT_CARD" in text
    with oai(gateway).responses.stream(model="gpt-4o", input="Hi",
                                       extra_headers={"x-mock-echo": "false", "x-mock-reply": f"Card {CARD} on file."}) as stream:
        deltas = "".join(e.delta for e in stream if e.type == "response.output_text.delta")
        final = stream.get_final_response().output_text
    assert no_card(deltas) and no_card(final) and "CREDIT_CARD" in deltas
    assert no_card(newest_cassette(gateway))


# The same answer again: a clean answer is remembered as clean (by its digest), a masked one never is ------

def test_an_answer_repeated_is_masked_every_time_and_a_clean_one_passes_every_time(gateway):
    clean = "The nullable columns of the orders table are customer_email and shipped_at."
    dirty = f"The nullable columns are customer_email and shipped_at; the test card is {CARD}."
    for _ in range(3):
        for reply, masked in ((clean, False), (dirty, True)):
            text = oai(gateway).chat.completions.create(
                model="gpt-4o", messages=[{"role": "user", "content": "Which columns are nullable?"}],
                extra_headers={"x-mock-echo": "false", "x-mock-reply": reply}).choices[0].message.content
            if masked:
                assert no_card(text) and "CREDIT_CARD" in text and text.startswith("The nullable columns are")
            else:
                assert text == clean


# Fields beside the text ---------------------------------------------------------------------------------

def chat_reply(message: dict, logprobs: dict | None = None) -> dict:
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4o",
            "choices": [{"index": 0, "message": {"role": "assistant", "refusal": None, **message},
                         "logprobs": logprobs, "finish_reason": "stop"}]}


def test_logprobs_token_strings_are_masked_and_restored(gateway):
    def reply(body):
        token = token_of(body)
        pieces = ["Card", " 4111", " 1111", " 1111", " 1111", " for ", token[:6], token[6:]]
        entries = [{"token": p, "logprob": -0.1, "bytes": list(p.encode()),
                    "top_logprobs": [{"token": p, "logprob": -0.1, "bytes": list(p.encode())}]} for p in pieces]
        return chat_reply({"content": "".join(pieces)}, {"content": entries, "refusal": None})
    gateway.gpt.reply = reply
    answer = oai(gateway).chat.completions.create(
        model="gpt-standin", logprobs=True, top_logprobs=1, messages=[{"role": "user", "content": f"Mail {EMAIL}"}])
    choice = answer.choices[0]
    tokens = "".join(t.token for t in choice.logprobs.content)
    assert no_card(choice.message.content) and choice.message.content.endswith(EMAIL)
    assert no_card(tokens) and tokens.endswith(EMAIL) and not TOKEN.search(tokens)
    assert all(bytes(t.bytes).decode() == t.token for t in choice.logprobs.content)
    assert no_card(json.dumps([t.model_dump() for t in choice.logprobs.content]))


def test_annotations_and_audio_transcripts_are_masked_and_restored(gateway):
    def reply(body):
        token = token_of(body)
        return chat_reply({
            "content": "See the source.",
            "annotations": [{"type": "url_citation", "url_citation": {
                "url": "https://example.org/page", "title": f"Card {CARD} of {token}", "start_index": 0,
                "end_index": 3}}],
            "audio": {"id": "audio_1", "data": "", "expires_at": 1, "transcript": f"Card {CARD} of {token}"}})
    gateway.gpt.reply = reply
    answer = oai(gateway).chat.completions.create(model="gpt-standin",
                                                  messages=[{"role": "user", "content": f"Mail {EMAIL}"}])
    message = answer.choices[0].message
    title = message.annotations[0].url_citation.title
    assert no_card(title) and title.endswith(EMAIL)
    assert no_card(message.audio.transcript) and message.audio.transcript.endswith(EMAIL)
    assert no_card(newest_cassette(gateway))


def test_anthropic_citations_are_masked_and_restored(gateway):
    def reply(body):
        token = token_of(body)
        citation = {"type": "char_location", "cited_text": f"Card {CARD} of {token}", "document_index": 0,
                    "document_title": "notes", "start_char_index": 0, "end_char_index": 10}
        return {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-6",
                "content": [{"type": "text", "text": "Per the notes.", "citations": [citation]}],
                "stop_reason": "end_turn", "stop_sequence": None, "usage": {"input_tokens": 1, "output_tokens": 1}}
    gateway.claude.reply = reply
    message = claude(gateway).messages.create(model="claude-standin", max_tokens=50,
                                              messages=[{"role": "user", "content": f"Mail {EMAIL}"}])
    cited = message.content[0].citations[0].cited_text
    assert no_card(cited) and cited.endswith(EMAIL)


def test_anthropic_citations_delta_is_masked_and_restored(gateway):
    def events(token: str) -> list:
        citation = {"type": "char_location", "cited_text": f"Card {CARD} of {token}", "document_index": 0,
                    "document_title": "notes", "start_char_index": 0, "end_char_index": 10}
        return [
            {"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant",
                                                  "model": "claude-sonnet-4-6", "content": [], "stop_reason": None,
                                                  "stop_sequence": None,
                                                  "usage": {"input_tokens": 1, "output_tokens": 1}}},
            {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": "",
                                                                          "citations": []}},
            {"type": "content_block_delta", "index": 0, "delta": {"type": "citations_delta", "citation": citation}},
            {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Per the notes."}},
            {"type": "content_block_stop", "index": 0},
            {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None},
             "usage": {"output_tokens": 3}},
            {"type": "message_stop"}]

    gateway.claude.events = lambda body: events(token_of(body))
    with claude(gateway).messages.stream(model="claude-standin", max_tokens=50,
                                         messages=[{"role": "user", "content": f"Mail {EMAIL}"}]) as stream:
        message = stream.get_final_message()
    cited = message.content[0].citations[0].cited_text
    assert no_card(cited) and cited.endswith(EMAIL)


def test_streamed_logprobs_and_transcripts_are_masked(gateway):
    pieces = ["Card", " 4111", " 1111", " 1111", " 1111", " done."]

    def chunk(delta: dict, logprobs: dict | None = None, finish: str | None = None) -> dict:
        return {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
                "choices": [{"index": 0, "delta": delta, "logprobs": logprobs, "finish_reason": finish}]}
    gateway.gpt.events = [chunk({"role": "assistant", "content": ""})] + [
        chunk({"content": p, "audio": {"transcript": p}},
              {"content": [{"token": p, "logprob": -0.1, "bytes": list(p.encode()), "top_logprobs": []}]})
        for p in pieces] + [chunk({}, None, "stop"), "[DONE]"]
    chunks = [c for c in oai(gateway).chat.completions.create(
        model="gpt-standin", stream=True, logprobs=True, messages=[{"role": "user", "content": "Hi"}]) if c.choices]
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    tokens = "".join(t.token for c in chunks if c.choices[0].logprobs for t in c.choices[0].logprobs.content or [])
    transcript = "".join((c.choices[0].delta.model_dump().get("audio") or {}).get("transcript", "") for c in chunks)
    for seen in (text, tokens, transcript):
        assert no_card(seen) and "CREDIT_CARD" in seen and seen.endswith("done.")
