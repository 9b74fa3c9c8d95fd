"""A provider stand-in that speaks exactly one API, in that API's real shapes, for translation tests.

Unlike the built-in mock (which speaks both formats and forgives), the stand-in checks every request
against the official SDK's own request type and refuses fields the API does not have, as the real
provider does; it answers a user turn with tools by calling the first tool twice in parallel, a turn
of tool results with their texts, and anything else by echoing the last user text (with the number of
images it was shown). Streams are event by event, arguments as input_json_delta or argument deltas.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable
from typing import Any

from aiohttp import web
from anthropic.types.message_create_params import MessageCreateParamsNonStreaming
from openai.types.chat.completion_create_params import CompletionCreateParamsNonStreaming
from pydantic import TypeAdapter, ValidationError

ANTHROPIC_FIELDS = set(MessageCreateParamsNonStreaming.__annotations__) | {"stream"}
CHAT_FIELDS = set(CompletionCreateParamsNonStreaming.__annotations__) | {"stream"}
_ANTHROPIC = TypeAdapter(MessageCreateParamsNonStreaming)
_CHAT = TypeAdapter(CompletionCreateParamsNonStreaming)
PIECE = 4   # characters per streamed piece


def _force(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _force(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ValidatorIterator":
        return [_force(v) for v in value]
    return value


def _pieces(text: str) -> list[str]:
    return [text[i:i + PIECE] for i in range(0, len(text), PIECE)] or [""]


def _sse(data: Any, event: str | None = None) -> bytes:
    head = f"event: {event}\n" if event else ""
    return (head + "data: " + (data if isinstance(data, str) else json.dumps(data)) + "\n\n").encode()


class StandIn:
    """State of one stand-in: its format, the requests it received, an injected failure."""

    def __init__(self, api: str) -> None:
        assert api in ("anthropic", "openai")
        self.api = api
        self.requests: list[dict[str, Any]] = []
        self.fail_status: int | None = None
        self.delay_s = 0.0          # wait this long before answering
        self.cut_after: int | None = None   # streams: drop the connection after this many events
        # "reset_after_body": the request is read (and counted), then the connection dropped unanswered;
        # "reset_mid_body": the answer's headers and half its body are sent, then the connection dropped
        self.fault: str | None = None
        # answer this body (a plain answer) instead, or what this function makes of the request received
        self.reply: dict[str, Any] | Callable[[dict[str, Any]], dict[str, Any]] | None = None
        # or stream these events exactly (objects, or raw data strings), or those this function makes
        self.events: list[Any] | Callable[[dict[str, Any]], list[Any]] | None = None

    def app(self) -> web.Application:
        app = web.Application()
        if self.api == "anthropic":
            app.router.add_post("/v1/messages", self._messages)
        else:
            app.router.add_post("/v1/chat/completions", self._chat)
            app.router.add_post("/v1/responses", self._responses)
        app.router.add_route("*", "/{tail:.*}", self._elsewhere)
        return app

    def _error(self, status: int, message: str) -> web.Response:
        if self.api == "anthropic":
            kind = {400: "invalid_request_error", 404: "not_found_error", 429: "rate_limit_error",
                    529: "overloaded_error"}.get(status, "api_error")
            return web.json_response({"type": "error", "error": {"type": kind, "message": message}}, status=status)
        kind = {400: "invalid_request_error", 404: "invalid_request_error", 429: "rate_limit_error"}.get(
            status, "server_error")
        return web.json_response({"error": {"message": message, "type": kind, "param": None, "code": None}},
                                 status=status)

    async def _cut_if_due(self, request: web.Request, sent: list[int]) -> None:
        if self.cut_after is not None and sent[0] >= self.cut_after:
            await asyncio.sleep(0.05)     # let what was written reach the gateway first
            assert request.transport is not None
            request.transport.close()
            raise asyncio.CancelledError()
        sent[0] += 1

    async def _elsewhere(self, request: web.Request) -> web.Response:
        return self._error(404, f"this stand-in speaks only the {self.api} API, not {request.path}")

    async def _read(self, request: web.Request, fields: set[str], adapter: TypeAdapter[Any]) -> Any:
        body = await request.json()
        self.requests.append({"path": request.path, "headers": dict(request.headers), "json": body})
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        if self.fail_status:
            return self._error(self.fail_status, "injected failure")
        if self.fault is not None or self.reply is not None or self.events is not None:
            return await self._scripted(request, body)
        unknown = sorted(set(body) - fields)
        if unknown:
            return self._error(400, f"{unknown[0]}: Extra inputs are not permitted")
        try:
            _force(adapter.validate_python({k: v for k, v in body.items() if k not in ("stream", "stream_options")}))
        except ValidationError as error:
            return self._error(400, f"invalid request: {error.errors()[0]['loc']}")
        return body

    async def _scripted(self, request: web.Request, body: dict[str, Any]) -> web.StreamResponse:
        """A fault or a fixed answer, whatever the request asked."""
        assert request.transport is not None
        if self.fault == "reset_after_body":
            request.transport.abort()
            raise asyncio.CancelledError()
        if self.fault == "reset_mid_body":
            half = web.StreamResponse(headers={"Content-Type": "application/json", "Content-Length": "400"})
            await half.prepare(request)
            await half.write(b'{"id": "chatcmpl-1", "object": "chat.completion", "choices": [')
            await asyncio.sleep(0.05)
            request.transport.abort()
            raise asyncio.CancelledError()
        if self.events is None or not body.get("stream"):
            return web.json_response(self.reply(body) if callable(self.reply) else self.reply or {})
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        for event in self.events(body) if callable(self.events) else self.events:
            named = (self.api == "anthropic" or request.path == "/v1/responses") and isinstance(event, dict)
            await response.write(_sse(event, event["type"] if named else None))
        await response.write_eof()
        return response

    # Anthropic Messages -------------------------------------------------------------------------------

    async def _messages(self, request: web.Request) -> web.StreamResponse:
        body = await self._read(request, ANTHROPIC_FIELDS, _ANTHROPIC)
        if isinstance(body, web.StreamResponse):
            return body
        text, calls = _answer_anthropic(body)
        message_id = "msg_" + uuid.uuid4().hex[:24]
        usage = {"input_tokens": 25, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0,
                 "output_tokens": 9}
        blocks: list[dict[str, Any]] = ([{"type": "text", "text": text}] if text else []) + [
            {"type": "tool_use", "id": "toolu_" + uuid.uuid4().hex[:20], "name": name, "input": args}
            for name, args in calls]
        reason = "tool_use" if calls else "end_turn"
        message = {"id": message_id, "type": "message", "role": "assistant", "model": body["model"],
                   "content": blocks, "stop_reason": reason, "stop_sequence": None, "usage": usage}
        if not body.get("stream"):
            return web.json_response(message, headers={"request-id": "req_standin"})
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "request-id": "req_standin"})
        await response.prepare(request)

        sent = [0]

        async def send(kind: str, **fields: Any) -> None:
            await self._cut_if_due(request, sent)
            await response.write(_sse({"type": kind, **fields}, kind))
        await send("message_start", message={**message, "content": [], "stop_reason": None,
                                             "usage": {**usage, "output_tokens": 1}})
        await send("ping")
        for index, block in enumerate(blocks):
            if block["type"] == "text":
                await send("content_block_start", index=index, content_block={"type": "text", "text": ""})
                for piece in _pieces(block["text"]):
                    await send("content_block_delta", index=index, delta={"type": "text_delta", "text": piece})
            else:
                await send("content_block_start", index=index, content_block={**block, "input": {}})
                for piece in _pieces(json.dumps(block["input"])):
                    await send("content_block_delta", index=index,
                               delta={"type": "input_json_delta", "partial_json": piece})
            await send("content_block_stop", index=index)
        await send("message_delta", delta={"stop_reason": reason, "stop_sequence": None},
                   usage={"output_tokens": usage["output_tokens"]})
        await send("message_stop")
        await response.write_eof()
        return response

    # OpenAI Responses: scripted answers only (`reply`, `events`), for tests of the response chain ----------

    async def _responses(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.requests.append({"path": request.path, "headers": dict(request.headers), "json": body})
        if self.reply is None and self.events is None:
            return self._error(404, "this stand-in answers the Responses API only with a scripted reply")
        return await self._scripted(request, body)

    # OpenAI chat completions --------------------------------------------------------------------------

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        body = await self._read(request, CHAT_FIELDS, _CHAT)
        if isinstance(body, web.StreamResponse):
            return body
        text, calls = _answer_chat(body)
        head = {"id": "chatcmpl-" + uuid.uuid4().hex[:20], "created": 1718000000, "model": body["model"],
                "system_fingerprint": "fp_standin"}
        usage = {"prompt_tokens": 25, "completion_tokens": 9, "total_tokens": 34,
                 "prompt_tokens_details": {"cached_tokens": 0}}
        tool_calls = [{"id": "call_" + uuid.uuid4().hex[:20], "type": "function",
                       "function": {"name": name, "arguments": json.dumps(args)}} for name, args in calls]
        finish = "tool_calls" if calls else "stop"
        if not body.get("stream"):
            message: dict[str, Any] = {"role": "assistant", "content": text or None, "refusal": None}
            if tool_calls:
                message["tool_calls"] = tool_calls
            return web.json_response({**head, "object": "chat.completion", "choices": [
                {"index": 0, "message": message, "logprobs": None, "finish_reason": finish}], "usage": usage},
                headers={"x-request-id": "req_standin"})
        with_usage = (body.get("stream_options") or {}).get("include_usage") is True
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)

        sent = [0]

        async def chunk(delta: dict[str, Any] | None, finish_reason: str | None = None, **extra: Any) -> None:
            await self._cut_if_due(request, sent)
            choices = [] if delta is None else [{"index": 0, "delta": delta, "logprobs": None,
                                                 "finish_reason": finish_reason}]
            await response.write(_sse({**head, "object": "chat.completion.chunk", "choices": choices, **extra}))
        await chunk({"role": "assistant", "content": "" if text else None, "refusal": None})
        for piece in _pieces(text) if text else []:
            await chunk({"content": piece})
        for index, call in enumerate(tool_calls):
            await chunk({"tool_calls": [{"index": index, "id": call["id"], "type": "function",
                                         "function": {"name": call["function"]["name"], "arguments": ""}}]})
            for piece in _pieces(call["function"]["arguments"]):
                await chunk({"tool_calls": [{"index": index, "function": {"arguments": piece}}]})
        await chunk({}, finish)
        if with_usage:
            await chunk(None, usage=usage)
        await response.write(_sse("[DONE]"))
        await response.write_eof()
        return response


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    return "\n".join(p.get("text", "") for p in content or [] if isinstance(p, dict) and p.get("type") == "text")


def _images(content: Any) -> int:
    return sum(1 for p in content or [] if isinstance(p, dict) and p.get("type") in ("image", "image_url")) \
        if isinstance(content, list) else 0


def _answer_anthropic(body: dict[str, Any]) -> tuple[str, list[tuple[str, dict[str, Any]]]]:
    last = body["messages"][-1]
    content = last.get("content")
    results = [b for b in content if isinstance(b, dict) and b.get("type") == "tool_result"] \
        if isinstance(content, list) else []
    if results:
        return "results: " + "; ".join(_text_of(r.get("content")) for r in results), []
    text = _text_of(content)
    images = _images(content)
    tools = [t for t in body.get("tools") or [] if t.get("type") in (None, "custom")]
    if tools and (body.get("tool_choice") or {}).get("type") != "none":
        return "", [(tools[0]["name"], {"query": text, "part": part}) for part in (1, 2)]
    return text + (f" [images: {images}]" if images else ""), []


def _answer_chat(body: dict[str, Any]) -> tuple[str, list[tuple[str, dict[str, Any]]]]:
    messages = body["messages"]
    results = []
    for message in reversed(messages):
        if message.get("role") != "tool":
            break
        results.insert(0, _text_of(message.get("content")))
    if results:
        return "results: " + "; ".join(results), []
    user = next(m for m in reversed(messages) if m.get("role") == "user")
    text, images = _text_of(user.get("content")), _images(user.get("content"))
    tools = body.get("tools") or []
    if tools and body.get("tool_choice") != "none":
        return "", [(tools[0]["function"]["name"], {"query": text, "part": part}) for part in (1, 2)]
    return text + (f" [images: {images}]" if images else ""), []
