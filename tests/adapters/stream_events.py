"""Event streams as the providers send them (shapes from the SDKs' chunk and event types), with
pseudonym tokens cut across events, and helpers to play them through an adapter."""

from __future__ import annotations

import json
from typing import Any

from token_rewriter import JANE, MAIL, ZOE

from gateway.upstream.sse import SSEEvent, SSEParser

CHAT_ID = {"id": "chatcmpl-9fJ2kQ", "object": "chat.completion.chunk", "created": 1718000000,
           "model": "gpt-4o-2024-08-06", "system_fingerprint": "fp_9a1b", "service_tier": "default"}


def chat_chunk(delta: dict[str, Any] | None = None, finish: str | None = None, *, index: int = 0,
               usage: dict[str, int] | None = None) -> dict[str, Any]:
    choices = [] if delta is None else [{"index": index, "delta": delta, "logprobs": None, "finish_reason": finish}]
    return {**CHAT_ID, "choices": choices, "usage": usage}


def tool_delta(index: int, arguments: str, **first: Any) -> dict[str, Any]:
    call: dict[str, Any] = {"index": index, **first, "function": {"arguments": arguments}}
    if "name" in first:
        call = {"index": index, "id": first["id"], "type": "function",
                "function": {"name": first["name"], "arguments": arguments}}
    return {"tool_calls": [call]}


CHAT_TEXT = [
    chat_chunk({"role": "assistant", "content": "", "refusal": None}),
    chat_chunk({"content": "The owner is <PER"}),
    chat_chunk({"content": JANE[4:14]}),
    chat_chunk({"content": JANE[14:] + ", reach her at <EMA"}),
    chat_chunk({"content": MAIL[4:] + ". Ask <PERS"}),
    chat_chunk({}, "stop"),
    chat_chunk(usage={"prompt_tokens": 42, "completion_tokens": 17, "total_tokens": 59}),
    "[DONE]",
]
CHAT_TEXT_UPSTREAM = "The owner is " + JANE + ", reach her at " + MAIL + ". Ask <PERS"
CHAT_TEXT_CLIENT = "The owner is Jane Doe, reach her at jane.doe@acme.example. Ask <PERS"

REPORT_ARGS = json.dumps({"to": ZOE, "cc": MAIL})
SQL_ARGS = json.dumps({"query": f"SELECT * FROM deals WHERE owner = '{JANE}'"})
CHAT_TOOLS = [
    chat_chunk({"role": "assistant", "content": None, **tool_delta(0, "", id="call_R1", name="send_report")}),
    chat_chunk(tool_delta(0, REPORT_ARGS[:14])),
    chat_chunk(tool_delta(0, REPORT_ARGS[14:40])),
    chat_chunk(tool_delta(0, REPORT_ARGS[40:])),
    chat_chunk(tool_delta(1, "", id="call_R2", name="run_sql")),
    chat_chunk(tool_delta(1, SQL_ARGS[:-2])),
    chat_chunk(tool_delta(1, SQL_ARGS[-2:])),
    chat_chunk({}, "tool_calls"),
    "[DONE]",
]

COMPLETION_ID = {"id": "cmpl-9fJ3", "object": "text_completion", "created": 1718000001,
                 "model": "gpt-3.5-turbo-instruct"}


def completion_chunk(text: str | None, finish: str | None = None,
                     usage: dict[str, int] | None = None) -> dict[str, Any]:
    choices = [] if text is None else [{"index": 0, "text": text, "logprobs": None, "finish_reason": finish}]
    return {**COMPLETION_ID, "choices": choices, **({"usage": usage} if usage else {})}


COMPLETIONS = [
    completion_chunk("# owner: <PERSON_3f9a"),
    completion_chunk(JANE[12:] + "\nSELECT * FROM deals -- <EMAIL_"),
    completion_chunk("", "stop"),
    completion_chunk(None, usage={"prompt_tokens": 12, "completion_tokens": 9, "total_tokens": 21}),
    "[DONE]",
]
COMPLETIONS_CLIENT = "# owner: Jane Doe\nSELECT * FROM deals -- <EMAIL_"

RESPONSE_TEXT = f"Owner: {JANE}, email {MAIL}. Cc <PERSON_0b7e"
RESPONSE_ARGS = json.dumps({"owner": ZOE})
MESSAGE_ITEM = {"id": "msg_68b1", "type": "message", "status": "completed", "role": "assistant",
                "content": [{"type": "output_text", "text": RESPONSE_TEXT, "annotations": [], "logprobs": []}]}
CALL_ITEM = {"id": "fc_68b1", "type": "function_call", "status": "completed", "call_id": "call_S1",
             "name": "lookup", "arguments": RESPONSE_ARGS}


def response_object(status: str, output: list[dict[str, Any]], usage: dict[str, Any] | None) -> dict[str, Any]:
    return {"id": "resp_68b1", "object": "response", "created_at": 1718000002, "status": status,
            "model": "gpt-4.1-2025-04-14", "output": output, "instructions": None, "tools": [],
            "parallel_tool_calls": True, "usage": usage, "metadata": {}}


def _event(kind: str, **fields: Any) -> tuple[str, dict[str, Any]]:
    return kind, {"type": kind, **fields}


_TEXT_AT = {"item_id": "msg_68b1", "output_index": 0, "content_index": 0}
RESPONSES = [
    _event("response.created", sequence_number=0, response=response_object("in_progress", [], None)),
    _event("response.in_progress", sequence_number=1, response=response_object("in_progress", [], None)),
    _event("response.output_item.added", sequence_number=2, output_index=0,
           item={**MESSAGE_ITEM, "status": "in_progress", "content": []}),
    _event("response.content_part.added", sequence_number=3, **_TEXT_AT,
           part={"type": "output_text", "text": "", "annotations": []}),
    _event("response.output_text.delta", sequence_number=4, **_TEXT_AT, delta="Owner: <PERS", logprobs=[]),
    _event("response.output_text.delta", sequence_number=5, **_TEXT_AT,
           delta=JANE[5:] + ", email <EM", logprobs=[]),
    _event("response.output_text.delta", sequence_number=6, **_TEXT_AT,
           delta=MAIL[3:] + ". Cc <PERSON_0b7e", logprobs=[]),
    _event("response.output_text.done", sequence_number=7, **_TEXT_AT, text=RESPONSE_TEXT, logprobs=[]),
    _event("response.content_part.done", sequence_number=8, **_TEXT_AT,
           part={"type": "output_text", "text": RESPONSE_TEXT, "annotations": []}),
    _event("response.output_item.done", sequence_number=9, output_index=0, item=MESSAGE_ITEM),
    _event("response.output_item.added", sequence_number=10, output_index=1, item={**CALL_ITEM, "arguments": ""}),
    _event("response.function_call_arguments.delta", sequence_number=11, item_id="fc_68b1", output_index=1,
           delta=RESPONSE_ARGS[:20]),
    _event("response.function_call_arguments.delta", sequence_number=12, item_id="fc_68b1", output_index=1,
           delta=RESPONSE_ARGS[20:]),
    _event("response.function_call_arguments.done", sequence_number=13, item_id="fc_68b1", output_index=1,
           arguments=RESPONSE_ARGS),
    _event("response.output_item.done", sequence_number=14, output_index=1, item=CALL_ITEM),
    _event("response.completed", sequence_number=15, response=response_object(
        "completed", [MESSAGE_ITEM, CALL_ITEM],
        {"input_tokens": 120, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 48,
         "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 168})),
]
RESPONSE_TEXT_CLIENT = "Owner: Jane Doe, email jane.doe@acme.example. Cc <PERSON_0b7e"

THINKING = f"Look up {JANE} first."
ANTHROPIC_TEXT = f"Hello {JANE}! I'll email {MAIL}. Cc <PER"
TOOL_INPUT = json.dumps({"to": ZOE})
ANTHROPIC = [
    _event("message_start", message={
        "id": "msg_01XFDUDYJgAACzvnptvVoYEL", "type": "message", "role": "assistant", "content": [],
        "model": "claude-sonnet-4-6-20250929", "stop_reason": None, "stop_sequence": None,
        "usage": {"input_tokens": 412, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0,
                  "output_tokens": 1}}),
    _event("ping"),
    _event("content_block_start", index=0, content_block={"type": "thinking", "thinking": "", "signature": ""}),
    _event("content_block_delta", index=0, delta={"type": "thinking_delta", "thinking": THINKING[:20]}),
    _event("content_block_delta", index=0, delta={"type": "thinking_delta", "thinking": THINKING[20:]}),
    _event("content_block_delta", index=0, delta={"type": "signature_delta", "signature": "EqQBCgIYAhIM1gbc"}),
    _event("content_block_stop", index=0),
    _event("content_block_start", index=1, content_block={"type": "text", "text": ""}),
    _event("content_block_delta", index=1, delta={"type": "text_delta", "text": "Hello <PER"}),
    _event("content_block_delta", index=1, delta={"type": "text_delta", "text": JANE[4:] + "! I'll email <EMAIL_ADD"}),
    _event("content_block_delta", index=1, delta={"type": "text_delta", "text": MAIL[10:] + ". Cc <PER"}),
    _event("content_block_stop", index=1),
    _event("content_block_start", index=2, content_block={"type": "tool_use", "id": "toolu_01T1x1fJ34qAmk2tNTrN7Up6",
                                                          "name": "send_report", "input": {}}),
    _event("content_block_delta", index=2, delta={"type": "input_json_delta", "partial_json": ""}),
    _event("content_block_delta", index=2, delta={"type": "input_json_delta", "partial_json": TOOL_INPUT[:15]}),
    _event("content_block_delta", index=2, delta={"type": "input_json_delta", "partial_json": TOOL_INPUT[15:]}),
    _event("content_block_stop", index=2),
    _event("message_delta", delta={"stop_reason": "tool_use", "stop_sequence": None}, usage={"output_tokens": 89}),
    _event("message_stop"),
]
ANTHROPIC_TEXT_CLIENT = "Hello Jane Doe! I'll email jane.doe@acme.example. Cc <PER"


def wire(events: list[Any]) -> bytes:
    """The bytes a provider sends: named events as (name, payload), bare chunks as dicts, or raw data."""
    out = b""
    for item in events:
        if isinstance(item, tuple):
            name, payload = item
            out += SSEEvent(data=json.dumps(payload), event=name).encode()
        elif isinstance(item, dict):
            out += SSEEvent(data=json.dumps(item)).encode()
        else:
            out += SSEEvent(data=item).encode()
    return out


def play(rewriter_of_stream: Any, raw: bytes, *, piece: int = 7, close: bool = True) -> list[SSEEvent]:
    """Feed `raw` to a parser in small pieces, pass each event through the stream rewriter."""
    parser = SSEParser()
    out: list[SSEEvent] = []
    for start in range(0, len(raw), piece):
        for event in parser.feed(raw[start:start + piece]):
            out.extend(rewriter_of_stream.on_event(event))
    for event in parser.close():
        out.extend(rewriter_of_stream.on_event(event))
    if close:
        out.extend(rewriter_of_stream.close())
    return out


def payloads(events: list[SSEEvent]) -> list[Any]:
    """Each event's data as JSON where it is JSON, else as it is."""
    out = []
    for event in events:
        try:
            out.append(json.loads(event.data))
        except ValueError:
            out.append(event.data)
    return out
