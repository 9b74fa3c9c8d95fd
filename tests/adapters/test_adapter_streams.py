"""Streamed answers: tokens cut across events are restored, held-back text comes out before the
event that ends its channel, usage is read, unknown events pass untouched."""

from __future__ import annotations

import json

from stream_events import (
    ANTHROPIC,
    ANTHROPIC_TEXT_CLIENT,
    CHAT_TEXT,
    CHAT_TEXT_CLIENT,
    CHAT_TOOLS,
    COMPLETIONS,
    COMPLETIONS_CLIENT,
    RESPONSE_TEXT_CLIENT,
    RESPONSES,
    chat_chunk,
    payloads,
    play,
    tool_delta,
    wire,
)
from token_rewriter import JANE, RecordingRewriter

from gateway.adapters import ADAPTERS
from gateway.adapters.base import Usage
from gateway.upstream.sse import SSEEvent

ZOE_VALUE = 'Zoë "Z" O\'Neil'


def run(api: str, events: list, **options) -> tuple[list[SSEEvent], object]:
    stream = ADAPTERS[api].stream_rewriter(RecordingRewriter())
    return play(stream, wire(events), **options), stream


def chat_view(events: list[SSEEvent]) -> dict:
    """What a chat client puts together: text and tool arguments per choice, as of each finish."""
    content: dict = {}
    arguments: dict = {}
    at_finish: dict = {}
    for chunk in payloads(events):
        if not isinstance(chunk, dict):
            continue
        for choice in chunk.get("choices", []):
            index, delta = choice["index"], choice.get("delta", {})
            content[index] = content.get(index, "") + (delta.get("content") or "")
            for call in delta.get("tool_calls") or []:
                key = (index, call["index"])
                arguments[key] = arguments.get(key, "") + (call.get("function", {}).get("arguments") or "")
            if choice.get("finish_reason"):
                at_finish[index] = (content[index], {k: v for k, v in arguments.items() if k[0] == index})
    return {"content": content, "arguments": arguments, "at_finish": at_finish}


def test_chat_text_token_cut_across_chunks():
    events, stream = run("openai.chat", CHAT_TEXT)
    view = chat_view(events)
    assert view["content"] == {0: CHAT_TEXT_CLIENT}
    assert view["at_finish"][0][0] == CHAT_TEXT_CLIENT   # the held-back "<PERS" came before the finish
    assert len(events) == len(CHAT_TEXT) + 1              # one extra chunk for it
    assert events[-1].data == "[DONE]"
    assert stream.usage == Usage(42, 17)


def test_chat_first_chunk_alone_is_marked():
    events, _ = run("openai.chat", CHAT_TEXT)
    chunks = [p for p in payloads(events) if isinstance(p, dict)]
    assert chunks[0]["ai_generated"] is True
    assert not any("ai_generated" in chunk for chunk in chunks[1:])
    extra = chunks[5]
    assert extra["id"] == "chatcmpl-9fJ2kQ" and extra["choices"] == [
        {"index": 0, "delta": {"content": "<PERS"}, "finish_reason": None}]


def test_chat_tool_call_arguments_restored_as_json():
    events, _ = run("openai.chat", CHAT_TOOLS)
    arguments = chat_view(events)["arguments"]
    assert json.loads(arguments[(0, 0)]) == {"to": ZOE_VALUE, "cc": "jane.doe@acme.example"}
    assert json.loads(arguments[(0, 1)]) == {"query": "SELECT * FROM deals WHERE owner = 'Jane Doe'"}


def test_chat_held_tool_arguments_come_before_the_finish():
    events = [chat_chunk(tool_delta(0, "", id="call_1", name="f")),
              chat_chunk(tool_delta(0, '{"note": "cc <PERSON_3f')),
              chat_chunk({}, "tool_calls"), "[DONE]"]
    out, _ = run("openai.chat", events)
    view = chat_view(out)
    assert view["at_finish"][0][1] == {(0, 0): '{"note": "cc <PERSON_3f'}


def test_chat_several_choices_each_flushed_at_its_own_finish():
    events = [chat_chunk({"content": "A: <PER"}, index=0), chat_chunk({"content": "B: <PERSON_3f"}, index=1),
              chat_chunk({"content": JANE[4:]}, "stop", index=0), chat_chunk({}, "length", index=1), "[DONE]"]
    out, _ = run("openai.chat", events)
    view = chat_view(out)
    assert view["at_finish"][0][0] == "A: Jane Doe"
    assert view["at_finish"][1][0] == "B: <PERSON_3f"


def test_chat_stream_cut_short_flushes_on_close():
    events = [chat_chunk({"role": "assistant", "content": ""}), chat_chunk({"content": "Hi <PERSON_3f9a"})]
    cut, _ = run("openai.chat", events, close=False)
    assert chat_view(cut)["content"] == {0: "Hi "}
    closed, _ = run("openai.chat", events)
    assert chat_view(closed)["content"] == {0: "Hi <PERSON_3f9a"}


def test_chat_events_it_does_not_know_pass_untouched():
    stream = ADAPTERS["openai.chat"].stream_rewriter(RecordingRewriter())
    odd = [SSEEvent(data="not json at all"), SSEEvent(data='["a", "list"]'), SSEEvent(data="", event="noop")]
    for event in odd:
        assert stream.on_event(event) == [event]
    assert stream.close() == []


def test_completions_token_cut_across_chunks():
    events, stream = run("openai.completions", COMPLETIONS)
    chunks = [p for p in payloads(events) if isinstance(p, dict)]
    text = "".join(c["text"] for chunk in chunks for c in chunk["choices"])
    assert text == COMPLETIONS_CLIENT
    finish = next(c for chunk in chunks for c in chunk["choices"] if c["finish_reason"])
    assert finish["text"] == "<EMAIL_"   # held back, then given with the finishing chunk
    assert chunks[0]["ai_generated"] is True
    assert stream.usage == Usage(12, 9)
    assert events[-1].data == "[DONE]"


def test_responses_text_and_arguments():
    events, stream = run("openai.responses", RESPONSES)
    kinds = [p["type"] for p in payloads(events)]
    deltas = [p for p in payloads(events) if p["type"] == "response.output_text.delta"]
    assert "".join(d["delta"] for d in deltas) == RESPONSE_TEXT_CLIENT
    # the held-back tail is one extra delta, right before the done event
    done_at = kinds.index("response.output_text.done")
    assert kinds[done_at - 1] == "response.output_text.delta" and deltas[-1]["delta"] == "<PERSON_0b7e"
    assert events[done_at - 1].event == "response.output_text.delta" and events[done_at - 1].id is None
    assert len(events) == len(RESPONSES) + 1
    done = payloads(events)[done_at]
    assert done["text"] == RESPONSE_TEXT_CLIENT
    arguments = "".join(p["delta"] for p in payloads(events) if p["type"] == "response.function_call_arguments.delta")
    assert json.loads(arguments) == {"owner": ZOE_VALUE}
    args_done = next(p for p in payloads(events) if p["type"] == "response.function_call_arguments.done")
    assert json.loads(args_done["arguments"]) == {"owner": ZOE_VALUE}
    assert stream.usage == Usage(120, 48)


def test_responses_whole_items_and_final_response_are_rewritten_and_marked():
    events, _ = run("openai.responses", RESPONSES)
    by_type: dict = {}
    for payload in payloads(events):
        by_type.setdefault(payload["type"], []).append(payload)
    assert by_type["response.created"][0]["response"]["ai_generated"] is True
    assert by_type["response.content_part.done"][0]["part"]["text"] == RESPONSE_TEXT_CLIENT
    message_done, call_done = by_type["response.output_item.done"]
    assert message_done["item"]["content"][0]["text"] == RESPONSE_TEXT_CLIENT
    assert json.loads(call_done["item"]["arguments"]) == {"owner": ZOE_VALUE}
    final = by_type["response.completed"][0]["response"]
    assert final["output"][0]["content"][0]["text"] == RESPONSE_TEXT_CLIENT
    assert json.loads(final["output"][1]["arguments"]) == {"owner": ZOE_VALUE}
    assert final["ai_generated"] is True
    assert "ai_generated" not in by_type["response.in_progress"][0]["response"]


def test_responses_cut_short_flushes_on_close():
    at = {"item_id": "msg_1", "output_index": 0, "content_index": 0}
    events = [("response.output_text.delta", {"type": "response.output_text.delta", "sequence_number": 4, **at,
                                              "delta": "Bye <PERSON_3f9a2c", "logprobs": []})]
    out, _ = run("openai.responses", events)
    assert [p["delta"] for p in payloads(out)] == ["Bye ", "<PERSON_3f9a2c"]
    assert out[1].event == "response.output_text.delta"


def anthropic_view(events: list[SSEEvent]) -> dict:
    """What an Anthropic client puts together per content block, as of each block's stop."""
    blocks: dict = {}
    at_stop: dict = {}
    for payload in payloads(events):
        if payload["type"] == "content_block_delta":
            delta = payload["delta"]
            piece = delta.get("text") or delta.get("partial_json") or delta.get("thinking") or ""
            blocks[payload["index"]] = blocks.get(payload["index"], "") + piece
        elif payload["type"] == "content_block_stop":
            at_stop[payload["index"]] = blocks.get(payload["index"], "")
    return {"blocks": blocks, "at_stop": at_stop}


def test_anthropic_blocks_token_cut_across_deltas():
    events, stream = run("anthropic.messages", ANTHROPIC)
    view = anthropic_view(events)
    assert view["at_stop"][0] == "Look up Jane Doe first."
    assert view["at_stop"][1] == ANTHROPIC_TEXT_CLIENT            # "<PER" came before the stop
    assert json.loads(view["at_stop"][2]) == {"to": ZOE_VALUE}
    assert view["blocks"] == view["at_stop"]
    assert len(events) == len(ANTHROPIC) + 1
    assert stream.usage == Usage(412, 89)


def test_anthropic_extra_delta_and_marking():
    events, _ = run("anthropic.messages", ANTHROPIC)
    start = payloads(events)[0]
    assert start["type"] == "message_start" and start["message"]["ai_generated"] is True
    stop_at = next(i for i, p in enumerate(payloads(events)) if p == {"type": "content_block_stop", "index": 1})
    assert events[stop_at - 1].event == "content_block_delta"
    assert payloads(events)[stop_at - 1] == {"type": "content_block_delta", "index": 1,
                                             "delta": {"type": "text_delta", "text": "<PER"}}
    assert sum("ai_generated" in e.data for e in events) == 1


def test_anthropic_events_without_text_pass_byte_for_byte():
    stream = ADAPTERS["anthropic.messages"].stream_rewriter(RecordingRewriter())
    for raw in ['{"type": "ping"}', '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
                '{"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "Eq"}}',
                '{"type": "brand_new_event", "text": "<PERSON_3f9a2c71d04e8b65>"}', "{not json"]:
        event = SSEEvent(data=raw, event="x", id="7")
        assert stream.on_event(event) == [event]


def test_anthropic_cut_short_flushes_on_close():
    events = ANTHROPIC[:10]   # ends inside the text block, which holds "<EMAIL_ADD"
    cut, _ = run("anthropic.messages", events, close=False)
    closed, stream = run("anthropic.messages", events)
    assert anthropic_view(cut)["blocks"][1] == "Hello Jane Doe! I'll email "
    assert anthropic_view(closed)["blocks"][1] == "Hello Jane Doe! I'll email <EMAIL_ADD"
    assert stream.close() == []
