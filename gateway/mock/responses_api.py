"""OpenAI's Responses API: a message or function call item, plain or as the typed event sequence."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from typing import Any

from aiohttp import web

from gateway.mock.call import MOCK_CALL, MockCall
from gateway.mock.errors import MockError
from gateway.mock.openai_api import json_reply
from gateway.mock.replies import Reply, count_tokens, dumps, make_reply, new_id, pieces, prompt_tokens, text_parts
from gateway.mock.stateless import check_stateless, encrypted_content, is_reasoning
from gateway.mock.streaming import send_events
from gateway.upstream.sse import SSEEvent

_INPUT_PARTS = ("input_text", "output_text", "text")


async def responses(request: web.Request) -> web.StreamResponse:
    call = request[MOCK_CALL]
    if call.settings.store_nothing or call.body.get("store") is False:
        check_stateless(call.body)
    items = _input_items(call.body.get("input"))
    text, tool = _turn(call.body, items)
    reply = make_reply(call.settings, text, tool)
    used = prompt_tokens(call.body.get("instructions"), items)
    usage = {"input_tokens": used, "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
             "output_tokens": count_tokens(reply.output_text), "output_tokens_details": {"reasoning_tokens": 0},
             "total_tokens": used + count_tokens(reply.output_text)}
    shell = _shell(call, new_id("resp_"), time.time())
    item = _output_item(reply, new_id("fc_" if reply.tool else "msg_"), new_id("call_"))
    reasoning = _reasoning_item(call.body) if is_reasoning(call.body) else None
    if call.stream:
        return await send_events(request, call, _events(call, shell, reply, item, usage, reasoning),
                                 {"x-request-id": new_id("req_")})
    output = ([reasoning] if reasoning else []) + [item]
    return json_reply({**shell, "status": "completed", "completed_at": time.time(), "output": output, "usage": usage})


def _reasoning_item(body: dict[str, Any]) -> dict[str, Any]:
    """A reasoning item with a summary; its encrypted content only when the request includes it."""
    item_id = new_id("rs_")
    item: dict[str, Any] = {"id": item_id, "type": "reasoning",
                            "summary": [{"type": "summary_text", "text": "Considered the question."}]}
    if "reasoning.encrypted_content" in (body.get("include") or []):
        item["encrypted_content"] = encrypted_content(item_id)
    return item


def _input_items(value: Any) -> list[Any]:
    if isinstance(value, str):
        return [{"role": "user", "content": value}]
    if isinstance(value, list):
        return value
    if value is None:
        return []
    raise MockError(400, "Invalid 'input': expected a string or an array of input items.", param="input")


def _turn(body: dict[str, Any], items: list[Any]) -> tuple[str, str | None]:
    """The text to answer and the tool to call: a function call's output is answered in text."""
    last = items[-1] if items and isinstance(items[-1], dict) else {}
    if last.get("type") == "function_call_output":
        output = last.get("output")
        return (output if isinstance(output, str) else text_parts(output, _INPUT_PARTS)), None
    user = next((i for i in reversed(items) if isinstance(i, dict) and i.get("role") == "user"), {})
    return text_parts(user.get("content"), _INPUT_PARTS), _tool(body)


def _tool(body: dict[str, Any]) -> str | None:
    tools = [t for t in body.get("tools") or [] if isinstance(t, dict) and t.get("type") == "function"]
    choice = body.get("tool_choice")
    if not tools or choice == "none":
        return None
    if isinstance(choice, dict) and choice.get("type") == "function" and choice.get("name"):
        return str(choice["name"])
    name = tools[0].get("name")
    return name if isinstance(name, str) else None


def _shell(call: MockCall, response_id: str, created: float) -> dict[str, Any]:
    """The response object without its output: as sent in response.created, then completed."""
    body = call.body
    return {
        "id": response_id, "object": "response", "created_at": created, "status": "in_progress",
        "background": False, "error": None, "incomplete_details": None,
        "instructions": body.get("instructions"), "max_output_tokens": body.get("max_output_tokens"),
        "model": call.model, "output": [], "parallel_tool_calls": body.get("parallel_tool_calls", True),
        "previous_response_id": body.get("previous_response_id"),
        "reasoning": {"effort": None, "summary": None}, "service_tier": "default",
        "store": body.get("store", True), "temperature": body.get("temperature", 1.0),
        "text": body.get("text") or {"format": {"type": "text"}}, "tool_choice": body.get("tool_choice", "auto"),
        "tools": body.get("tools") or [], "top_p": body.get("top_p", 1.0), "truncation": "disabled",
        "usage": None, "user": None, "metadata": body.get("metadata") or {},
    }


def _output_item(reply: Reply, item_id: str, call_id: str, done: bool = True) -> dict[str, Any]:
    status = "completed" if done else "in_progress"
    if reply.tool:
        return {"id": item_id, "type": "function_call", "status": status,
                "arguments": reply.tool.arguments if done else "", "call_id": call_id, "name": reply.tool.name}
    content = [_text_part(reply.text)] if done else []
    return {"id": item_id, "type": "message", "status": status, "role": "assistant", "content": content}


def _text_part(text: str) -> dict[str, Any]:
    return {"type": "output_text", "text": text, "annotations": [], "logprobs": []}


def _events(call: MockCall, shell: dict[str, Any], reply: Reply, item: dict[str, Any],
            usage: dict[str, Any], reasoning: dict[str, Any] | None) -> Iterator[SSEEvent]:
    sequence = itertools.count()
    size = call.settings.chunk_chars
    index = 1 if reasoning else 0
    where = {"item_id": item["id"], "output_index": index}

    def event(kind: str, **fields: Any) -> SSEEvent:
        return SSEEvent(dumps({"type": kind, "sequence_number": next(sequence), **fields}), event=kind)

    yield event("response.created", response=shell)
    yield event("response.in_progress", response=shell)
    if reasoning:
        yield event("response.output_item.added", output_index=0, item={**reasoning, "summary": []})
        yield event("response.output_item.done", output_index=0, item=reasoning)
    yield event("response.output_item.added", output_index=index,
                item=_output_item(reply, item["id"], item.get("call_id", ""), done=False))
    if reply.tool:
        for piece in pieces(reply.tool.arguments, size):
            yield event("response.function_call_arguments.delta", **where, delta=piece)
        yield event("response.function_call_arguments.done", **where, arguments=reply.tool.arguments)
    else:
        part = {**where, "content_index": 0}
        yield event("response.content_part.added", **part, part=_text_part(""))
        for piece in pieces(reply.text, size):
            yield event("response.output_text.delta", **part, delta=piece, logprobs=[])
        yield event("response.output_text.done", **part, text=reply.text, logprobs=[])
        yield event("response.content_part.done", **part, part=_text_part(reply.text))
    yield event("response.output_item.done", output_index=index, item=item)
    yield event("response.completed", response={**shell, "status": "completed", "completed_at": time.time(),
                                                "output": ([reasoning] if reasoning else []) + [item],
                                                "usage": usage})
