"""OpenAI's chat completions, completions, embeddings and models list, plain and streamed."""

from __future__ import annotations

import base64
import hashlib
import math
import struct
import time
from collections.abc import Iterator
from typing import Any

from aiohttp import web

from gateway.mock.call import MOCK_CALL, MockCall
from gateway.mock.errors import MockError
from gateway.mock.replies import Reply, count_tokens, dumps, make_reply, new_id, pieces, prompt_tokens, text_parts
from gateway.mock.streaming import send_events
from gateway.upstream.sse import SSEEvent

MODELS = ("gpt-4o", "gpt-4o-mini", "gpt-4.1", "o3-mini", "gpt-3.5-turbo-instruct", "text-embedding-3-small")
FINGERPRINT = "fp_magic_mock"
DONE = SSEEvent("[DONE]")


def json_reply(body: dict[str, Any]) -> web.Response:
    return web.Response(body=dumps(body).encode("utf-8"), content_type="application/json",
                        headers={"x-request-id": new_id("req_")})


def chat_usage(prompt: int, completion: int) -> dict[str, Any]:
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                          "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}}


def _include_usage(body: dict[str, Any]) -> bool:
    options = body.get("stream_options")
    return isinstance(options, dict) and options.get("include_usage") is True


# Chat completions ------------------------------------------------------------------------------------------

async def chat_completions(request: web.Request) -> web.StreamResponse:
    call = request[MOCK_CALL]
    messages = call.required("messages", list)
    text, tool = _chat_turn(call.body, messages)
    reply = make_reply(call.settings, text, tool)
    usage = chat_usage(prompt_tokens(messages), count_tokens(reply.output_text))
    head = {"id": new_id("chatcmpl-"), "created": int(time.time()), "model": call.model,
            "service_tier": "default", "system_fingerprint": FINGERPRINT}
    if call.stream:
        return await send_events(request, call, _chat_chunks(call, head, reply, usage),
                                 {"x-request-id": new_id("req_")})
    if reply.tool:
        message: dict[str, Any] = {"role": "assistant", "content": None, "refusal": None, "annotations": [],
                                   "tool_calls": [{"id": new_id("call_"), "type": "function", "function": {
                                       "name": reply.tool.name, "arguments": reply.tool.arguments}}]}
    else:
        message = {"role": "assistant", "content": reply.text, "refusal": None, "annotations": []}
    choice = {"index": 0, "message": message, "logprobs": None,
              "finish_reason": "tool_calls" if reply.tool else "stop"}
    return json_reply({**head, "object": "chat.completion", "choices": [choice], "usage": usage})


def _chat_turn(body: dict[str, Any], messages: list[Any]) -> tuple[str, str | None]:
    """The text to answer and the tool to call: a tool result is answered in text, a user turn may get a call."""
    last = messages[-1] if messages and isinstance(messages[-1], dict) else {}
    if last.get("role") in ("tool", "function"):
        return text_parts(last.get("content")), None
    user = next((m for m in reversed(messages) if isinstance(m, dict) and m.get("role") == "user"), {})
    return text_parts(user.get("content")), _chat_tool(body)


def _chat_tool(body: dict[str, Any]) -> str | None:
    tools = [t for t in body.get("tools") or [] if isinstance(t, dict) and t.get("type") == "function"]
    choice = body.get("tool_choice")
    if not tools or choice == "none":
        return None
    if isinstance(choice, dict) and isinstance(choice.get("function"), dict):
        name = choice["function"].get("name")
        return name if isinstance(name, str) else None
    first = tools[0].get("function", {}).get("name")
    return first if isinstance(first, str) else None


def _chat_chunks(call: MockCall, head: dict[str, Any], reply: Reply, usage: dict[str, Any]) -> Iterator[SSEEvent]:
    with_usage = _include_usage(call.body)
    size = call.settings.chunk_chars

    def chunk(delta: dict[str, Any], finish: str | None = None) -> SSEEvent:
        body = {**head, "object": "chat.completion.chunk",
                "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]}
        if with_usage:
            body["usage"] = None
        return SSEEvent(dumps(body))

    if reply.tool:
        yield chunk({"role": "assistant", "content": None, "refusal": None, "tool_calls": [
            {"index": 0, "id": new_id("call_"), "type": "function",
             "function": {"name": reply.tool.name, "arguments": ""}}]})
        for piece in pieces(reply.tool.arguments, size):
            yield chunk({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]})
        yield chunk({}, "tool_calls")
    else:
        yield chunk({"role": "assistant", "content": "", "refusal": None})
        for piece in pieces(reply.text, size):
            yield chunk({"content": piece})
        yield chunk({}, "stop")
    if with_usage:
        yield SSEEvent(dumps({**head, "object": "chat.completion.chunk", "choices": [], "usage": usage}))
    yield DONE


# Completions (legacy) --------------------------------------------------------------------------------------

async def completions(request: web.Request) -> web.StreamResponse:
    call = request[MOCK_CALL]
    prompts = _prompts(call.body.get("prompt"))
    texts = [make_reply(call.settings, p if isinstance(p, str) else call.settings.reply, None).text
             for p in prompts]
    used = sum(count_tokens(p) if isinstance(p, str) else len(p) for p in prompts)
    written = sum(count_tokens(t) for t in texts)
    usage = {"prompt_tokens": used, "completion_tokens": written, "total_tokens": used + written}
    head = {"id": new_id("cmpl-"), "object": "text_completion", "created": int(time.time()),
            "model": call.model, "system_fingerprint": FINGERPRINT}
    if call.stream:
        return await send_events(request, call, _completion_chunks(call, head, texts, usage),
                                 {"x-request-id": new_id("req_")})
    choices = [{"text": text, "index": i, "logprobs": None, "finish_reason": "stop"} for i, text in enumerate(texts)]
    return json_reply({**head, "choices": choices, "usage": usage})


def _prompts(prompt: Any) -> list[Any]:
    """One entry per prompt: a string, or a list of token ids."""
    if isinstance(prompt, str):
        return [prompt]
    if isinstance(prompt, list) and prompt:
        if all(isinstance(p, str) for p in prompt):
            return prompt
        if all(isinstance(p, int) for p in prompt):
            return [prompt]
        if all(isinstance(p, list) for p in prompt):
            return prompt
    raise MockError(400, "Invalid 'prompt': expected a string, an array of strings or of token arrays.",
                    param="prompt")


def _completion_chunks(call: MockCall, head: dict[str, Any], texts: list[str],
                       usage: dict[str, Any]) -> Iterator[SSEEvent]:
    with_usage = _include_usage(call.body)

    def chunk(index: int, text: str, finish: str | None = None) -> SSEEvent:
        body = {**head, "choices": [{"text": text, "index": index, "logprobs": None, "finish_reason": finish}]}
        if with_usage:
            body["usage"] = None
        return SSEEvent(dumps(body))

    for index, text in enumerate(texts):
        for piece in pieces(text, call.settings.chunk_chars):
            yield chunk(index, piece)
        yield chunk(index, "", "stop")
    if with_usage:
        yield SSEEvent(dumps({**head, "choices": [], "usage": usage}))
    yield DONE


# Embeddings ------------------------------------------------------------------------------------------------

async def embeddings(request: web.Request) -> web.Response:
    call = request[MOCK_CALL]
    items = _embedding_inputs(call.body.get("input"))
    dimensions = call.body.get("dimensions") or call.settings.embedding_dimensions
    if not isinstance(dimensions, int) or isinstance(dimensions, bool) or not 1 <= dimensions <= 4096:
        raise MockError(400, "Invalid 'dimensions': expected an integer from 1 to 4096.", param="dimensions")
    as_base64 = call.body.get("encoding_format") == "base64"
    data = []
    for index, item in enumerate(items):
        vector = embedding_vector(item if isinstance(item, str) else dumps(item), dimensions)
        encoded: Any = base64.b64encode(struct.pack(f"<{dimensions}f", *vector)).decode("ascii") \
            if as_base64 else vector
        data.append({"object": "embedding", "index": index, "embedding": encoded})
    used = sum(count_tokens(i) if isinstance(i, str) else len(i) for i in items)
    return json_reply({"object": "list", "data": data, "model": call.model,
                       "usage": {"prompt_tokens": used, "total_tokens": used}})


def _embedding_inputs(value: Any) -> list[Any]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value:
        if all(isinstance(v, str) for v in value) or all(isinstance(v, list) for v in value):
            return value
        if all(isinstance(v, int) for v in value):
            return [value]
    raise MockError(400, "Invalid 'input': expected a string, an array of strings or of token arrays.",
                    param="input")


def embedding_vector(text: str, dimensions: int) -> list[float]:
    """A unit vector that depends only on the text and the size: the same input always embeds the same."""
    seed = text.encode("utf-8")
    raw = b""
    block = 0
    while len(raw) < dimensions * 4:
        raw += hashlib.blake2b(seed, digest_size=64, salt=block.to_bytes(8, "little") + bytes(8)).digest()
        block += 1
    values = [v / 2**31 - 1.0 for v in struct.unpack(f"<{dimensions}I", raw[:dimensions * 4])]
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return [v / norm for v in values]


# Models ----------------------------------------------------------------------------------------------------

def list_models() -> web.Response:
    created = 1_700_000_000
    return json_reply({"object": "list", "data": [
        {"id": name, "object": "model", "created": created, "owned_by": "magic-gateway-mock"} for name in MODELS]})
