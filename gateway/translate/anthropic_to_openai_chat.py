"""Anthropic Messages called, an OpenAI chat completions deployment answering.

Requests go messages -> chat; answers come back chat -> messages. What maps where:

- `system` -> a first system message; user turns -> user messages, their `tool_result` blocks ->
  `tool` messages placed first (OpenAI wants them right after the assistant's calls), in block order,
  so parallel calls' results all come back; assistant `tool_use` blocks -> `tool_calls`.
- text, image (base64 and url sources) and PDF document blocks -> text, image_url and file parts;
  plain-text documents -> text parts; a `tool_result` with `is_error` gets its text prefixed "Error: ".
- `tools` (custom tools) -> function tools; `tool_choice` auto / any / tool / none -> auto / required /
  a function / none; `disable_parallel_tool_use` -> `parallel_tool_calls: false`.
- `max_tokens` -> `max_completion_tokens`; `stop_sequences` -> `stop` (at most 4);
  `output_config.format` -> a strict json_schema `response_format`; `metadata.user_id` -> `user`;
  `stream` -> `stream` with `stream_options.include_usage`, so usage comes back at the end.
- Refused (400 naming the field): `top_k`, enabled `thinking`, server tools (web search, code
  execution, bash, text editor...), `mcp_servers`, `container`, `context_management`, more than 4 stop
  sequences, images in tool results, file-id and other document sources, and any field not listed here.
- `temperature` and `top_p`, from callers of the older Messages API, pass unchanged (0..1 fits in
  OpenAI's 0..2).
- Ignored: `cache_control` marks, `service_tier`, `output_config.effort`, `inference_geo`, `speed`,
  `diagnostics`, `user_profile_id`, `workspace_id`, disabled and adaptive `thinking` (the target
  model decides), tool definitions' `input_examples`, `defer_loading` and `eager_input_streaming`,
  and thinking blocks of earlier assistant turns (their signatures mean nothing to another provider).
"""

from __future__ import annotations

import json
from typing import Any

from gateway.translate.base import Untranslatable, UntranslatableReply, check_fields, dumps
from gateway.translate.content import (
    OPENAI_MAX_STOP,
    STOP_REASON,
    openai_image_url,
    openai_to_anthropic_usage,
    text_of,
)

TARGET = "OpenAI chat completions"
TRANSLATED = {"model", "messages", "system", "max_tokens", "temperature", "top_p", "top_k", "stop_sequences",
              "stream", "tools", "tool_choice", "metadata", "output_config", "thinking"}
IGNORED = {"service_tier", "inference_geo", "speed", "cache_control", "diagnostics", "user_profile_id",
           "workspace_id"}
SKIPPED_BLOCKS = {"thinking", "redacted_thinking"}


def request(body: dict[str, Any]) -> dict[str, Any]:
    check_fields(body, TRANSLATED, IGNORED, "", TARGET)
    if body.get("top_k") is not None:
        raise Untranslatable("top_k", f"top_k: {TARGET} has no top-k sampling; leave it out")
    thinking = body.get("thinking")
    if isinstance(thinking, dict) and thinking.get("type") not in (None, "disabled", "adaptive"):
        raise Untranslatable("thinking", f"thinking: {TARGET} cannot be asked for extended thinking")
    messages: list[dict[str, Any]] = []
    system = body.get("system")
    if system:
        messages.append({"role": "system", "content": text_of(system, "system")})
    turns = body.get("messages")
    if not isinstance(turns, list) or not turns:
        raise Untranslatable("messages", "messages must be a non-empty array")
    for index, turn in enumerate(turns):
        messages.extend(_turn(turn, f"messages[{index}]"))
    out: dict[str, Any] = {"model": body.get("model"), "messages": messages}
    if body.get("max_tokens") is not None:
        out["max_completion_tokens"] = body["max_tokens"]
    for name in ("temperature", "top_p"):
        if body.get(name) is not None:
            out[name] = body[name]
    stops = body.get("stop_sequences")
    if stops:
        if len(stops) > OPENAI_MAX_STOP:
            raise Untranslatable("stop_sequences", f"stop_sequences: {TARGET} takes at most {OPENAI_MAX_STOP}")
        out["stop"] = list(stops)
    if body.get("stream"):
        out["stream"] = True
        out["stream_options"] = {"include_usage": True}
    metadata = body.get("metadata")
    if isinstance(metadata, dict) and isinstance(metadata.get("user_id"), str):
        out["user"] = metadata["user_id"]
    if body.get("tools"):
        out["tools"] = [_tool(tool, f"tools[{i}]") for i, tool in enumerate(body["tools"])]
        choice = body.get("tool_choice")
        if choice is not None:
            out.update(_tool_choice(choice))
    config = body.get("output_config")
    if isinstance(config, dict):
        check_fields(config, {"format"}, {"effort"}, "output_config.", TARGET)
        if isinstance(config.get("format"), dict):
            out["response_format"] = {"type": "json_schema", "json_schema": {
                "name": "output", "schema": config["format"].get("schema"), "strict": True}}
    return out


def _turn(turn: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(turn, dict) or turn.get("role") not in ("user", "assistant"):
        raise Untranslatable(f"{where}.role", f"{where}.role must be user or assistant")
    content = turn.get("content")
    if isinstance(content, str):
        return [{"role": turn["role"], "content": content}]
    if not isinstance(content, list):
        raise Untranslatable(f"{where}.content", f"{where}.content must be a string or an array of blocks")
    if turn["role"] == "assistant":
        return [_assistant(content, where)]
    results: list[dict[str, Any]] = []
    parts: list[dict[str, Any]] = []
    for index, block in enumerate(content):
        param = f"{where}.content[{index}]"
        kind = block.get("type") if isinstance(block, dict) else None
        if kind == "tool_result":
            results.append(_tool_result(block, param))
        elif kind in SKIPPED_BLOCKS:
            continue
        else:
            parts.append(_part(block, param))
    if parts:
        results.append({"role": "user", "content": parts})
    return results


def _part(block: Any, param: str) -> dict[str, Any]:
    kind = block.get("type") if isinstance(block, dict) else None
    if kind == "text":
        return {"type": "text", "text": block.get("text", "")}
    if kind == "image":
        return {"type": "image_url", "image_url": {"url": openai_image_url(block.get("source"), f"{param}.source")}}
    if kind == "document":
        source = block.get("source") if isinstance(block.get("source"), dict) else {}
        if source.get("type") == "base64" and source.get("media_type") == "application/pdf":
            return {"type": "file", "file": {"filename": block.get("title") or "document.pdf",
                                             "file_data": f"data:application/pdf;base64,{source.get('data')}"}}
        if source.get("type") == "text":
            return {"type": "text", "text": source.get("data", "")}
        raise Untranslatable(f"{param}.source", f"{param}.source: only base64 PDF and text documents translate "
                             f"to {TARGET}")
    raise Untranslatable(f"{param}.type", f"{param}.type {kind!r} has no equivalent in {TARGET}")


def _assistant(content: list[Any], where: str) -> dict[str, Any]:
    texts: list[str] = []
    calls: list[dict[str, Any]] = []
    for index, block in enumerate(content):
        kind = block.get("type") if isinstance(block, dict) else None
        if kind == "text":
            texts.append(block.get("text", ""))
        elif kind == "tool_use":
            calls.append({"id": block.get("id"), "type": "function",
                          "function": {"name": block.get("name"), "arguments": dumps(block.get("input") or {})}})
        elif kind not in SKIPPED_BLOCKS:
            raise Untranslatable(f"{where}.content[{index}].type",
                                 f"{where}.content[{index}].type {kind!r} has no equivalent in {TARGET}")
    message: dict[str, Any] = {"role": "assistant", "content": "".join(texts) if texts else None}
    if calls:
        message["tool_calls"] = calls
    return message


def _tool_result(block: dict[str, Any], param: str) -> dict[str, Any]:
    content = block.get("content")
    if isinstance(content, list):
        for index, part in enumerate(content):
            if isinstance(part, dict) and part.get("type") != "text":
                raise Untranslatable(f"{param}.content[{index}]", f"{param}.content[{index}]: {TARGET} tool "
                                     "results hold text only")
    text = text_of(content, f"{param}.content")
    if block.get("is_error"):
        text = f"Error: {text}"
    return {"role": "tool", "tool_call_id": block.get("tool_use_id"), "content": text}


def _tool(tool: Any, where: str) -> dict[str, Any]:
    if not isinstance(tool, dict) or tool.get("type") not in (None, "custom"):
        kind = tool.get("type") if isinstance(tool, dict) else None
        raise Untranslatable(f"{where}.type", f"{where}.type {kind!r}: server tools have no equivalent in "
                             f"{TARGET}; only custom tools translate")
    function: dict[str, Any] = {"name": tool.get("name"),
                                "parameters": tool.get("input_schema") or {"type": "object", "properties": {}}}
    if tool.get("description"):
        function["description"] = tool["description"]
    if tool.get("strict") is not None:
        function["strict"] = tool["strict"]
    return {"type": "function", "function": function}


def _tool_choice(choice: Any) -> dict[str, Any]:
    kind = choice.get("type") if isinstance(choice, dict) else None
    mapped: dict[str, Any]
    if kind == "auto":
        mapped = {"tool_choice": "auto"}
    elif kind == "any":
        mapped = {"tool_choice": "required"}
    elif kind == "none":
        return {"tool_choice": "none"}
    elif kind == "tool":
        mapped = {"tool_choice": {"type": "function", "function": {"name": choice.get("name")}}}
    else:
        raise Untranslatable("tool_choice.type", f"tool_choice.type {kind!r} has no equivalent in {TARGET}")
    if choice.get("disable_parallel_tool_use"):
        mapped["parallel_tool_calls"] = False
    return mapped


# Answers ---------------------------------------------------------------------------------------------------

def response(reply: dict[str, Any], caller: dict[str, Any]) -> dict[str, Any]:
    """An OpenAI ChatCompletion as an Anthropic Message."""
    choices = reply.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise UntranslatableReply("the provider's chat completion has no choices")
    choice = choices[0]
    message = choice.get("message") or {}
    content: list[dict[str, Any]] = []
    text = message.get("content") or message.get("refusal")
    if text:
        content.append({"type": "text", "text": text})
    for call in message.get("tool_calls") or []:
        function = call.get("function") or {}
        arguments = _arguments(function.get("arguments"))
        content.append({"type": "tool_use", "id": call.get("id"), "name": function.get("name"), "input": arguments})
    reason = STOP_REASON.get(choice.get("finish_reason") or "stop", "end_turn")
    return {"id": reply.get("id"), "type": "message", "role": "assistant",
            "model": reply.get("model") or caller.get("model"), "content": content,
            "stop_reason": reason, "stop_sequence": None, "usage": openai_to_anthropic_usage(reply.get("usage"))}


def _arguments(raw: Any) -> dict[str, Any]:
    """A tool call's arguments as the object a tool_use block's `input` is."""
    try:
        value = json.loads(raw) if raw else {}
    except (TypeError, ValueError):
        value = None
    if not isinstance(value, dict):
        raise UntranslatableReply("the provider's tool call arguments are not a JSON object")
    return value
