"""OpenAI Responses called, an Anthropic Messages deployment answering: text, tools and streams.

Requests go responses -> messages; answers come back messages -> a Response object. What maps where:

- `instructions` and system / developer message items -> `system`; `input` as a string -> one user
  turn; message items -> turns (input_text / output_text / refusal parts -> text, input_image ->
  image, inline PDF input_file -> document); `function_call` items -> `tool_use` blocks of the
  assistant turn; `function_call_output` items -> `tool_result` blocks of one user turn.
- function `tools` -> custom tools; `tool_choice` none / auto / required / a function;
  `parallel_tool_calls: false` -> `disable_parallel_tool_use`; `text.format` json_schema ->
  `output_config.format`; `max_output_tokens` -> `max_tokens` (4096 when absent); `user` /
  `safety_identifier` -> `metadata.user_id`.
- Refused (400 naming the field): `previous_response_id` and `conversation` (state kept at OpenAI),
  `background`, `prompt` templates, `max_tool_calls`, built-in tools (web search, file search,
  computer use, code interpreter, MCP...), `text.format` json_object, item types other than messages
  and function calls (reasoning items excepted), uploaded `file_id`s, and any field not listed here.
- Ignored: `temperature` and `top_p` (the Messages API takes no sampling parameters), `store`
  (nothing is stored at Anthropic), `include`, `metadata`, `reasoning`, `service_tier`,
  `prompt_cache_key` and its options, `top_logprobs`, `truncation`, `stream_options`, `text.verbosity`,
  and reasoning items of earlier turns (another provider's reasoning).
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from gateway.translate.base import Untranslatable, anthropic_tool_choice, check_fields, dumps, parse_arguments
from gateway.translate.content import (
    DEFAULT_MAX_TOKENS,
    anthropic_image,
    anthropic_pdf,
    text_of,
)

TARGET = "Anthropic Messages"
TRANSLATED = {"model", "input", "instructions", "max_output_tokens", "stream", "tools",
              "tool_choice", "parallel_tool_calls", "text", "user", "safety_identifier", "previous_response_id",
              "conversation", "background", "prompt", "max_tool_calls"}
IGNORED = {"temperature", "top_p", "store", "include", "metadata", "reasoning", "service_tier", "prompt_cache_key",
           "prompt_cache_retention", "prompt_cache_options", "top_logprobs", "truncation", "stream_options"}
SYSTEM_ROLES = ("system", "developer")


def request(body: dict[str, Any]) -> dict[str, Any]:
    check_fields(body, TRANSLATED, IGNORED, "", TARGET)
    for name in ("previous_response_id", "conversation", "background", "prompt", "max_tool_calls"):
        if body.get(name) not in (None, False):
            raise Untranslatable(name, f"{name} has no equivalent in {TARGET}; send the whole conversation "
                                 "in input" if name in ("previous_response_id", "conversation") else
                                 f"{name} has no equivalent in {TARGET}")
    system: list[dict[str, Any]] = []
    if body.get("instructions"):
        system.append({"type": "text", "text": text_of(body["instructions"], "instructions")})
    turns = _turns(body.get("input"), system)
    out: dict[str, Any] = {"model": body.get("model"), "messages": turns}
    if system:
        out["system"] = system
    limit = body.get("max_output_tokens")
    out["max_tokens"] = DEFAULT_MAX_TOKENS if limit is None else limit
    if body.get("stream"):
        out["stream"] = True
    identity = body.get("user") or body.get("safety_identifier")
    if isinstance(identity, str) and identity:
        out["metadata"] = {"user_id": identity}
    if body.get("tools"):
        out["tools"] = [_tool(tool, f"tools[{i}]") for i, tool in enumerate(body["tools"])]
        choice = _tool_choice(body.get("tool_choice"), body.get("parallel_tool_calls"))
        if choice is not None:
            out["tool_choice"] = choice
    schema = _output_format(body.get("text"))
    if schema is not None:
        out["output_config"] = {"format": schema}
    return out


def _turns(value: Any, system: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if isinstance(value, str):
        return [{"role": "user", "content": [{"type": "text", "text": value}]}]
    if not isinstance(value, list) or not value:
        raise Untranslatable("input", "input must be a string or a non-empty array of items")
    turns: list[dict[str, Any]] = []
    for index, item in enumerate(value):
        where = f"input[{index}]"
        if not isinstance(item, dict):
            raise Untranslatable(where, f"{where} must be an object")
        kind = item.get("type") or ("message" if "role" in item else None)
        if kind == "message":
            role = item.get("role")
            if role in SYSTEM_ROLES:
                system.append({"type": "text", "text": _text(item.get("content"), f"{where}.content")})
                continue
            if role not in ("user", "assistant"):
                raise Untranslatable(f"{where}.role", f"{where}.role {role!r} has no equivalent in {TARGET}")
            blocks = _blocks(item.get("content"), f"{where}.content")
        elif kind == "function_call":
            role = "assistant"
            blocks = [{"type": "tool_use", "id": item.get("call_id"), "name": item.get("name"),
                       "input": parse_arguments(item.get("arguments"), f"{where}.arguments")}]
        elif kind == "function_call_output":
            role = "user"
            output = item.get("output")
            blocks = [{"type": "tool_result", "tool_use_id": item.get("call_id"),
                       "content": output if isinstance(output, str) else _text(output, f"{where}.output")}]
        elif kind == "reasoning":
            continue  # another provider's reasoning: neither readable nor verifiable by Anthropic
        else:
            raise Untranslatable(f"{where}.type", f"{where}.type {kind!r} has no equivalent in {TARGET}")
        if turns and turns[-1]["role"] == role:
            turns[-1]["content"].extend(blocks)
        elif blocks:
            turns.append({"role": role, "content": blocks})
    if not turns:
        raise Untranslatable("input", f"input: {TARGET} needs at least one user turn besides the instructions")
    return turns


def _text(content: Any, where: str) -> str:
    return text_of(content, where, ("input_text", "output_text", "text"))


def _blocks(content: Any, where: str) -> list[dict[str, Any]]:
    if isinstance(content, str):
        return [{"type": "text", "text": content}] if content else []
    if not isinstance(content, list):
        raise Untranslatable(where, f"{where} must be a string or an array of content parts")
    blocks = []
    for index, part in enumerate(content):
        param = f"{where}[{index}]"
        kind = part.get("type") if isinstance(part, dict) else None
        if kind in ("input_text", "output_text"):
            blocks.append({"type": "text", "text": part.get("text", "")})
        elif kind == "refusal":
            blocks.append({"type": "text", "text": part.get("refusal", "")})
        elif kind == "input_image":
            if part.get("file_id"):
                raise Untranslatable(f"{param}.file_id", f"{param}.file_id: a file uploaded to OpenAI cannot be "
                                     f"read by {TARGET}; send the image as image_url")
            blocks.append(anthropic_image(part.get("image_url"), f"{param}.image_url"))
        elif kind == "input_file":
            if part.get("file_id") or part.get("file_url"):
                name = "file_id" if part.get("file_id") else "file_url"
                raise Untranslatable(f"{param}.{name}", f"{param}.{name}: only inline file_data translates to "
                                     f"{TARGET}")
            blocks.append(anthropic_pdf(part.get("file_data"), f"{param}.file_data"))
        else:
            raise Untranslatable(f"{param}.type", f"{param}.type {kind!r} has no equivalent in {TARGET}")
    return blocks


def _tool(tool: Any, where: str) -> dict[str, Any]:
    if not isinstance(tool, dict) or tool.get("type") != "function":
        kind = tool.get("type") if isinstance(tool, dict) else None
        raise Untranslatable(f"{where}.type", f"{where}.type {kind!r}: only function tools translate to {TARGET}")
    out: dict[str, Any] = {"name": tool.get("name"),
                           "input_schema": tool.get("parameters") or {"type": "object", "properties": {}}}
    if tool.get("description"):
        out["description"] = tool["description"]
    if tool.get("strict") is not None:
        out["strict"] = tool["strict"]
    return out


def _tool_choice(choice: Any, parallel: Any) -> dict[str, Any] | None:
    named = choice.get("name") if isinstance(choice, dict) and choice.get("type") == "function" else None
    return anthropic_tool_choice(choice, named if isinstance(named, str) else None, parallel, TARGET)


def _output_format(text: Any) -> dict[str, Any] | None:
    if text is None:
        return None
    if not isinstance(text, dict):
        raise Untranslatable("text", "text must be an object")
    check_fields(text, {"format"}, {"verbosity"}, "text.", TARGET)
    fmt = text.get("format")
    kind = fmt.get("type") if isinstance(fmt, dict) else None
    if fmt is None or kind == "text":
        return None
    if kind == "json_schema" and isinstance(fmt.get("schema"), dict):
        return {"type": "json_schema", "schema": fmt["schema"]}
    raise Untranslatable("text.format", f"text.format {kind!r} cannot be enforced by {TARGET}; send a "
                         "json_schema format instead")


# Answers ---------------------------------------------------------------------------------------------------

INCOMPLETE = {"max_tokens": "max_output_tokens", "model_context_window_exceeded": "max_output_tokens",
              "refusal": "content_filter"}


def output_items(content: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A Message's content blocks as Responses output items: one message item, one item per tool call."""
    items: list[dict[str, Any]] = []
    texts = [b.get("text", "") for b in content if b.get("type") == "text"]
    if texts:
        items.append(message_item("".join(texts), new_item_id("msg_")))
    for block in content:
        if block.get("type") == "tool_use":
            items.append(function_item(new_item_id("fc_"), block.get("id"), block.get("name"),
                                       dumps(block.get("input") or {})))
    return items


def message_item(text: str, item_id: str, status: str = "completed") -> dict[str, Any]:
    return {"type": "message", "id": item_id, "status": status, "role": "assistant",
            "content": [output_text(text)] if status == "completed" else []}


def output_text(text: str) -> dict[str, Any]:
    return {"type": "output_text", "text": text, "annotations": [], "logprobs": []}


def function_item(item_id: str, call_id: Any, name: Any, arguments: str, status: str = "completed") -> dict[str, Any]:
    return {"type": "function_call", "id": item_id, "call_id": call_id, "name": name, "arguments": arguments,
            "status": status}


def new_item_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex}"


def envelope(caller: dict[str, Any], response_id: str, model: Any, status: str,
             output: list[dict[str, Any]], usage: dict[str, Any] | None, stop_reason: str | None) -> dict[str, Any]:
    """A Response object around its output items, echoing what the caller asked for."""
    reason = INCOMPLETE.get(stop_reason or "")
    if status == "completed" and reason:
        status = "incomplete"
    asked = caller.get("text")
    text: dict[str, Any] = asked if isinstance(asked, dict) else {}
    return {
        "id": response_id, "object": "response", "created_at": int(time.time()), "status": status,
        "model": model or caller.get("model"), "output": output,
        "error": None, "incomplete_details": {"reason": reason} if status == "incomplete" else None,
        "instructions": caller.get("instructions"), "metadata": caller.get("metadata") or {},
        "parallel_tool_calls": caller.get("parallel_tool_calls", True),
        "temperature": caller.get("temperature"), "top_p": caller.get("top_p"),
        "tool_choice": caller.get("tool_choice") or "auto", "tools": caller.get("tools") or [],
        "max_output_tokens": caller.get("max_output_tokens"), "store": False,
        "text": {"format": (text or {}).get("format") or {"type": "text"}}, "truncation": "disabled",
        "usage": usage,
    }


def responses_usage(usage: Any) -> dict[str, Any]:
    usage = usage if isinstance(usage, dict) else {}
    cached = int(usage.get("cache_read_input_tokens") or 0)
    cache_write = int(usage.get("cache_creation_input_tokens") or 0)
    prompt = int(usage.get("input_tokens") or 0) + cached + cache_write
    written = int(usage.get("output_tokens") or 0)
    return {"input_tokens": prompt, "input_tokens_details": {"cached_tokens": cached, "cache_write_tokens": cache_write},
            "output_tokens": written,
            "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": prompt + written}


def response(reply: dict[str, Any], caller: dict[str, Any]) -> dict[str, Any]:
    """An Anthropic Message as a Responses API Response object."""
    return envelope(caller, "resp_" + uuid.uuid4().hex, reply.get("model"), "completed",
                    output_items(reply.get("content") or []), responses_usage(reply.get("usage")),
                    reply.get("stop_reason"))
