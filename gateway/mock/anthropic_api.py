"""Anthropic's Messages API, plain and streamed, and its models list."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from aiohttp import web

from gateway.mock.call import MOCK_CALL, MockCall
from gateway.mock.replies import Reply, count_tokens, dumps, make_reply, new_id, pieces, prompt_tokens, text_parts
from gateway.mock.streaming import send_events
from gateway.upstream.sse import SSEEvent

MODELS = ("claude-sonnet-4-6", "claude-opus-4-7", "claude-haiku-4-5", "claude-sonnet-4-6")


def _reply(body: dict[str, Any]) -> web.Response:
    return web.Response(body=dumps(body).encode("utf-8"), content_type="application/json",
                        headers={"request-id": new_id("req_")})


async def messages(request: web.Request) -> web.StreamResponse:
    call = request[MOCK_CALL]
    turns = call.required("messages", list)
    call.required("max_tokens", int)
    text, tool = _turn(call.body, turns)
    reply = make_reply(call.settings, text, tool)
    used, written = prompt_tokens(call.body.get("system"), turns), count_tokens(reply.output_text)
    message: dict[str, Any] = {"id": new_id("msg_"), "type": "message", "role": "assistant", "model": call.model,
               "content": [], "stop_reason": None, "stop_sequence": None, "usage": _usage(used, written)}
    block = _block(reply, new_id("toolu_"))
    if call.stream:
        return await send_events(request, call, _events(call, message, reply, block, used, written),
                                 {"request-id": new_id("req_")})
    content = [block]
    thinking = call.body.get("thinking")
    if isinstance(thinking, dict) and thinking.get("type") == "enabled":
        # a thinking block with its signature, which a client sends back in the next turn
        content.insert(0, {"type": "thinking", "thinking": "Reading the request.",
                           "signature": "EqQB" + new_id("sig") * 3})
    return _reply({**message, "content": content, "stop_reason": "tool_use" if reply.tool else "end_turn"})


async def count_message_tokens(request: web.Request) -> web.Response:
    call = request[MOCK_CALL]
    turns = call.required("messages", list)
    return _reply({"input_tokens": prompt_tokens(call.body.get("system"), turns)})


def _turn(body: dict[str, Any], turns: list[Any]) -> tuple[str, str | None]:
    """The text to answer and the tool to use: tool results are answered in text, a user turn may get a call."""
    last = turns[-1] if turns and isinstance(turns[-1], dict) else {}
    content = last.get("content")
    results = [b for b in content if isinstance(b, dict) and b.get("type") == "tool_result"] \
        if last.get("role") == "user" and isinstance(content, list) else []
    if results:
        return "\n".join(text_parts(r.get("content")) for r in results), None
    user = next((t for t in reversed(turns) if isinstance(t, dict) and t.get("role") == "user"), {})
    return text_parts(user.get("content")), _tool(body)


def _tool(body: dict[str, Any]) -> str | None:
    # Client tools have no type or type "custom"; server tools (web search, ...) are not called by the mock.
    tools = [t for t in body.get("tools") or [] if isinstance(t, dict) and t.get("type") in (None, "custom")]
    choice = body.get("tool_choice")
    if not tools or isinstance(choice, dict) and choice.get("type") == "none":
        return None
    if isinstance(choice, dict) and choice.get("type") == "tool" and choice.get("name"):
        return str(choice["name"])
    name = tools[0].get("name")
    return name if isinstance(name, str) else None


def _usage(used: int, written: int) -> dict[str, Any]:
    return {"input_tokens": used, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0,
            "output_tokens": written, "service_tier": "standard"}


def _block(reply: Reply, tool_use_id: str) -> dict[str, Any]:
    if reply.tool:
        return {"type": "tool_use", "id": tool_use_id, "name": reply.tool.name,
                "input": json.loads(reply.tool.arguments)}
    return {"type": "text", "text": reply.text}


def _events(call: MockCall, message: dict[str, Any], reply: Reply, block: dict[str, Any],
            used: int, written: int) -> Iterator[SSEEvent]:
    def event(kind: str, **fields: Any) -> SSEEvent:
        return SSEEvent(dumps({"type": kind, **fields}), event=kind)

    # As the API does, message_start reports the input and only the first output tokens.
    yield event("message_start", message={**message, "usage": _usage(used, min(written, 1))})
    yield event("ping")
    size = call.settings.chunk_chars
    if reply.tool:
        yield event("content_block_start", index=0, content_block={**block, "input": {}})
        for piece in pieces(reply.tool.arguments, size):
            yield event("content_block_delta", index=0, delta={"type": "input_json_delta", "partial_json": piece})
    else:
        yield event("content_block_start", index=0, content_block={"type": "text", "text": ""})
        for piece in pieces(reply.text, size):
            yield event("content_block_delta", index=0, delta={"type": "text_delta", "text": piece})
    yield event("content_block_stop", index=0)
    usage = _usage(used, written)
    del usage["service_tier"]
    yield event("message_delta", delta={"stop_reason": "tool_use" if reply.tool else "end_turn",
                                        "stop_sequence": None}, usage=usage)
    yield event("message_stop")


def list_models() -> web.Response:
    data = [{"type": "model", "id": name, "display_name": _display_name(name),
             "created_at": "2025-09-29T00:00:00Z"} for name in MODELS]
    return _reply({"data": data, "has_more": False, "first_id": data[0]["id"], "last_id": data[-1]["id"]})


def _display_name(model: str) -> str:
    """claude-sonnet-4-6 -> Claude Sonnet 4.5"""
    words = model.split("-")
    return " ".join([w.title() for w in words if not w.isdigit()] + [".".join(w for w in words if w.isdigit())])
