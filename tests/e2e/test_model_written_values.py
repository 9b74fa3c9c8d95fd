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


# a group of the card on its own: not four digits inside a request id or a timestamp ("d41469411190")
CARD_GROUP = re.compile(r"(?<![0-9A-Za-z.])(?:4111|1111 1111)(?![0-9A-Za-z])")


def no_card(text: str) -> bool:
    return CARD_GROUP.search(text) is None


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


# Alternatives (top_logprobs) and values across two fields ------------------------------------------------
# The chosen tokens write "4111 1111 1111 111." (fifteen digits: no card); the alternative "1" to the "."
# would have completed the card, so it is masked; an alternative that is the request's pseudonym stays one.

CHOSEN = ["Card", " 4111", " 1111", " 1111", " 111", ".", " Mail "]


def entry(token: str, alternatives: list[str]) -> dict:
    return {"token": token, "logprob": -0.1, "bytes": list(token.encode()),
            "top_logprobs": [{"token": a, "logprob": -0.2, "bytes": list(a.encode())} for a in alternatives]}


def alternatives_of(chosen: str, token: str) -> list[str]:
    return {".": [".", "1"], " Mail ": [" Mail ", token]}.get(chosen, [chosen])


def check_alternatives(entries: list, token: str) -> None:
    """`entries`: the client's (chosen token, [alternatives]) pairs, in order (a stream moves held-back
    chosen text to a later entry: the alternatives stay where they were)."""
    assert "".join(t for t, _ in entries).startswith("Card 4111 1111 1111 111. Mail ")
    alternatives = [alts for _, alts in entries if alts]
    assert alternatives[:5] == [[p] for p in CHOSEN[:5]]
    assert alternatives[5][0] == "." and "CREDIT_CARD" in alternatives[5][1], alternatives[5]
    assert alternatives[6] == [" Mail ", token]   # nothing restored into an alternative
    assert not any(EMAIL in a for alts in alternatives for a in alts)


def test_top_logprobs_alternatives_are_read_after_the_chosen_tokens(gateway):
    sent = {}

    def reply(body):
        sent["token"] = token = token_of(body)
        entries = [entry(p, alternatives_of(p, token)) for p in CHOSEN]
        return chat_reply({"content": "".join(CHOSEN)}, {"content": entries, "refusal": None})
    gateway.gpt.reply = reply
    answer = oai(gateway).chat.completions.create(
        model="gpt-standin", logprobs=True, top_logprobs=2, messages=[{"role": "user", "content": f"Mail {EMAIL}"}])
    entries = [(t.token, [a.token for a in t.top_logprobs]) for t in answer.choices[0].logprobs.content]
    check_alternatives(entries, sent["token"])
    assert all(bytes(a.bytes).decode() == a.token for t in answer.choices[0].logprobs.content for a in t.top_logprobs)


def test_streamed_top_logprobs_alternatives_are_read_after_the_chosen_tokens(gateway):
    sent = {}

    def chunk(delta: dict, logprobs: dict | None = None, finish: str | None = None) -> dict:
        return {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o",
                "choices": [{"index": 0, "delta": delta, "logprobs": logprobs, "finish_reason": finish}]}

    def events(body):
        sent["token"] = token = token_of(body)
        return [chunk({"role": "assistant", "content": ""})] + [
            chunk({"content": p}, {"content": [entry(p, alternatives_of(p, token))]}) for p in CHOSEN] + [
            chunk({}, None, "stop"), "[DONE]"]
    gateway.gpt.events = events
    chunks = [c for c in oai(gateway).chat.completions.create(
        model="gpt-standin", stream=True, logprobs=True, top_logprobs=2,
        messages=[{"role": "user", "content": f"Mail {EMAIL}"}]) if c.choices and c.choices[0].logprobs]
    entries = [(t.token, [a.token for a in t.top_logprobs]) for c in chunks for t in c.choices[0].logprobs.content or []]
    check_alternatives(entries, sent["token"])


def responses_events(parts: list[list[tuple[str, dict | None]]]) -> list[dict]:
    """A streamed Responses answer: one message whose output_text parts are streamed as given, each
    delta with its logprobs entry (or none)."""
    head = {"id": "resp_1", "object": "response", "created_at": 1, "model": "gpt-4o", "output": [],
            "status": "in_progress", "parallel_tool_calls": True, "tool_choice": "auto", "tools": []}
    events: list[dict] = [{"type": "response.created", "response": head}]
    item = {"id": "msg_1", "type": "message", "role": "assistant", "status": "in_progress", "content": []}
    events.append({"type": "response.output_item.added", "output_index": 0, "item": item})
    done_parts = []
    for index, deltas in enumerate(parts):
        where = {"item_id": "msg_1", "output_index": 0, "content_index": index}
        events.append({"type": "response.content_part.added", **where,
                       "part": {"type": "output_text", "text": "", "annotations": [], "logprobs": []}})
        for text, logprob in deltas:
            events.append({"type": "response.output_text.delta", **where, "delta": text,
                           "logprobs": [logprob] if logprob else []})
        text = "".join(t for t, _ in deltas)
        logprobs = [lp for _, lp in deltas if lp]
        events.append({"type": "response.output_text.done", **where, "text": text, "logprobs": logprobs})
        part = {"type": "output_text", "text": text, "annotations": [], "logprobs": logprobs}
        events.append({"type": "response.content_part.done", **where, "part": part})
        done_parts.append(part)
    item = {**item, "status": "completed", "content": done_parts}
    events.append({"type": "response.output_item.done", "output_index": 0, "item": item})
    events.append({"type": "response.completed", "response": {
        **head, "status": "completed", "output": [item],
        "usage": {"input_tokens": 1, "output_tokens": 1, "total_tokens": 2,
                  "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}}}})
    for number, event in enumerate(events):
        event["sequence_number"] = number
    return events


def test_streamed_responses_top_logprobs_alternatives_are_read(gateway):
    sent = {}

    def events(body):
        sent["token"] = token = token_of(body)
        return responses_events([[(p, entry(p, alternatives_of(p, token))) for p in CHOSEN]])
    gateway.gpt.events = events
    seen = list(oai(gateway).responses.create(model="gpt-standin", input=f"Mail {EMAIL}", stream=True,
                                              top_logprobs=2, include=["message.output_text.logprobs"]))
    deltas = [(lp.token, [a.token for a in lp.top_logprobs]) for e in seen if e.type == "response.output_text.delta"
              for lp in e.logprobs]
    check_alternatives(deltas, sent["token"])
    (done,) = [e for e in seen if e.type == "response.output_text.done"]
    check_alternatives([(lp.token, [a.token for a in lp.top_logprobs]) for lp in done.logprobs], sent["token"])
    (part,) = [e.part for e in seen if e.type == "response.content_part.done"]
    check_alternatives([(lp.token, [a.token for a in lp.top_logprobs]) for lp in part.logprobs], sent["token"])
    assert part.text == "Card 4111 1111 1111 111. Mail "
    (final,) = [e for e in seen if e.type == "response.completed"]
    check_alternatives([(lp.token, [a.token for a in lp.top_logprobs])
                        for lp in final.response.output[0].content[0].logprobs], sent["token"])


# A card the model writes half in one content block (or part) and half in the next: read where they meet,
# so the second half is masked; the first half (eight digits) is no value on its own.
HALVES = ("Card 4111 1111 ", "1111 1111 on file.")


def joined_card(text: str) -> bool:
    return "4111 1111 1111 1111" in text or "1111 1111 1111 1111" in text.replace("4111", "1111")


def test_a_card_split_across_two_anthropic_text_blocks_is_masked(gateway):
    gateway.claude.reply = {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-6",
                            "content": [{"type": "text", "text": half} for half in HALVES],
                            "stop_reason": "end_turn", "stop_sequence": None,
                            "usage": {"input_tokens": 1, "output_tokens": 1}}
    message = claude(gateway).messages.create(model="claude-standin", max_tokens=50,
                                              messages=[{"role": "user", "content": "Hi"}])
    plain = "".join(block.text for block in message.content)
    assert not joined_card(plain) and "CREDIT_CARD" in plain and plain.endswith("on file."), plain
    start = {"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant",
                                                  "model": "claude-sonnet-4-6", "content": [], "stop_reason": None,
                                                  "stop_sequence": None, "usage": {"input_tokens": 1, "output_tokens": 1}}}
    blocks = []
    for index, half in enumerate(HALVES):
        blocks += [{"type": "content_block_start", "index": index, "content_block": {"type": "text", "text": ""}}]
        blocks += [{"type": "content_block_delta", "index": index, "delta": {"type": "text_delta", "text": half[i:i + 3]}}
                   for i in range(0, len(half), 3)]
        blocks += [{"type": "content_block_stop", "index": index}]
    gateway.claude.events = [start, *blocks, {"type": "message_delta", "usage": {"output_tokens": 3},
                                              "delta": {"stop_reason": "end_turn", "stop_sequence": None}},
                             {"type": "message_stop"}]
    with claude(gateway).messages.stream(model="claude-standin", max_tokens=50,
                                         messages=[{"role": "user", "content": "Hi"}]) as stream:
        streamed = "".join(stream.text_stream)
        final = "".join(block.text for block in stream.get_final_message().content)
    for text in (streamed, final):
        assert not joined_card(text) and "CREDIT_CARD" in text and text.endswith("on file."), text


def test_a_card_split_across_two_streamed_responses_parts_is_masked(gateway):
    gateway.gpt.events = responses_events([[(half[i:i + 3], None) for i in range(0, len(half), 3)] for half in HALVES])
    seen = list(oai(gateway).responses.create(model="gpt-standin", input="Hi", stream=True))
    deltas = "".join(e.delta for e in seen if e.type == "response.output_text.delta")
    done = "".join(e.text for e in seen if e.type == "response.output_text.done")
    parts = "".join(e.part.text for e in seen if e.type == "response.content_part.done")
    (final,) = [e.response for e in seen if e.type == "response.completed"]
    for text in (deltas, done, parts, final.output_text):
        assert not joined_card(text) and "CREDIT_CARD" in text and text.endswith("on file."), text
    assert not joined_card(newest_cassette(gateway))
