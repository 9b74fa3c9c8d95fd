"""OpenAI chat completions called, an Anthropic Messages deployment answering.

Requests go chat -> messages; answers come back messages -> chat. What maps where:

- system and developer messages -> `system` (in order, wherever they stood); user and assistant turns
  as turns, consecutive turns of one role merged (Anthropic wants them alternating); `tool` messages
  -> `tool_result` blocks of one user turn, so parallel calls' results travel together.
- text, image_url (data: URLs and web addresses) and inline PDF `file` parts -> text, image and document
  blocks; assistant `tool_calls` -> `tool_use` blocks; `tools` -> custom tools; `tool_choice` none /
  auto / required / a function -> none / auto / any / tool; `parallel_tool_calls: false` ->
  `disable_parallel_tool_use`.
- `response_format` json_schema -> `output_config.format`; `max_completion_tokens` / `max_tokens`
  -> `max_tokens` (4096 when absent: Anthropic requires it); `stop` -> `stop_sequences`;
  `user` / `safety_identifier` -> `metadata.user_id`.
- Refused (400 naming the field): `n` above 1, `logit_bias`, non-zero penalties, `audio` or audio
  modality, `response_format` json_object (no schema, and Anthropic has no schemaless JSON mode),
  `web_search_options`, legacy `functions`, audio parts, uploaded `file_id`s, custom (grammar) tools,
  `allowed_tools` choices, and any field not listed here.
- Ignored: `temperature` and `top_p` (the current Messages API takes no sampling parameters: the
  anthropic SDK's MessageCreateParams has none, and its models refuse them), `logprobs` / `top_logprobs` (answers carry
  `logprobs: null`), `store`, `metadata`, `seed`, `service_tier`, `prompt_cache_key` and its options,
  `reasoning_effort`, `verbosity`, `prediction`, a message's `name` and `annotations`, an image's
  `detail`, and any field sent as null.
"""

from __future__ import annotations

import time
from typing import Any

from gateway.translate.base import Untranslatable, anthropic_tool_choice, check_fields, dumps, parse_arguments
from gateway.translate.content import (
    DEFAULT_MAX_TOKENS,
    FINISH_REASON,
    anthropic_image,
    anthropic_pdf,
    anthropic_to_openai_usage,
    text_of,
)

TARGET = "Anthropic Messages"
TRANSLATED = {"model", "messages", "max_tokens", "max_completion_tokens", "stop",
              "stream", "stream_options", "tools", "tool_choice", "parallel_tool_calls", "response_format",
              "user", "safety_identifier", "n", "frequency_penalty", "presence_penalty", "modalities"}
IGNORED = {"temperature", "top_p", "logprobs", "top_logprobs", "store", "metadata", "seed", "service_tier",
           "prompt_cache_key", "prompt_cache_retention", "prompt_cache_options", "reasoning_effort", "verbosity",
           "prediction"}
MESSAGE_FIELDS = {"role", "content", "name", "tool_calls", "tool_call_id", "refusal", "function_call", "audio"}
# An assistant message sent back as the SDK returned it carries its citations: they are the model's
# own earlier output, not instructions, so they are left out.
MESSAGE_IGNORED = {"annotations"}


def request(body: dict[str, Any]) -> dict[str, Any]:
    check_fields(body, TRANSLATED, IGNORED, "", TARGET)
    _refuse_sampling(body)
    system, turns = _messages(body.get("messages"))
    out: dict[str, Any] = {"model": body.get("model"), "messages": turns}
    if system:
        out["system"] = system
    limit = body.get("max_completion_tokens", body.get("max_tokens"))
    out["max_tokens"] = DEFAULT_MAX_TOKENS if limit is None else limit
    stop = body.get("stop")
    if stop is not None:
        out["stop_sequences"] = [stop] if isinstance(stop, str) else list(stop)
    if body.get("stream"):
        out["stream"] = True
    identity = body.get("user") or body.get("safety_identifier")
    if isinstance(identity, str) and identity:
        out["metadata"] = {"user_id": identity}
    if body.get("tools"):
        out["tools"] = [_tool(tool, f"tools[{i}]") for i, tool in enumerate(body["tools"])]
    choice = _tool_choice(body.get("tool_choice"), body.get("parallel_tool_calls"), bool(body.get("tools")))
    if choice is not None:
        out["tool_choice"] = choice
    schema = _output_format(body.get("response_format"))
    if schema is not None:
        out["output_config"] = {"format": schema}
    return out


def _refuse_sampling(body: dict[str, Any]) -> None:
    if body.get("n") not in (None, 1):
        raise Untranslatable("n", f"n: {TARGET} writes one answer per request; send n: 1 or leave it out")
    for name in ("frequency_penalty", "presence_penalty"):
        if body.get(name) not in (None, 0, 0.0):
            raise Untranslatable(name, f"{name}: {TARGET} has no penalties; leave it out or send 0")
    modalities = body.get("modalities")
    if modalities is not None and (not isinstance(modalities, list) or set(modalities) - {"text"}):
        raise Untranslatable("modalities", f"modalities: {TARGET} answers in text only")


def _messages(messages: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    if not isinstance(messages, list) or not messages:
        raise Untranslatable("messages", "messages must be a non-empty array")
    system: list[dict[str, Any]] = []
    turns: list[dict[str, Any]] = []
    for index, message in enumerate(messages):
        where = f"messages[{index}]"
        if not isinstance(message, dict):
            raise Untranslatable(where, f"{where} must be an object")
        check_fields(message, MESSAGE_FIELDS - {"audio", "function_call"}, MESSAGE_IGNORED, f"{where}.", TARGET)
        role = message.get("role")
        if role in ("system", "developer"):
            text = text_of(message.get("content"), f"{where}.content")
            if text:
                system.append({"type": "text", "text": text})
            continue
        if role == "user":
            blocks = _user_blocks(message.get("content"), f"{where}.content")
        elif role == "assistant":
            blocks = _assistant_blocks(message, where)
        elif role == "tool":
            blocks = [_tool_result(message, where)]
            role = "user"
        else:
            raise Untranslatable(f"{where}.role", f"{where}.role {role!r} has no equivalent in {TARGET}")
        if not blocks:
            continue
        if turns and turns[-1]["role"] == role:
            # tool results must come first in a user turn: a user text after them follows them
            turns[-1]["content"].extend(blocks)
        else:
            turns.append({"role": role, "content": blocks})
    if not turns:
        raise Untranslatable("messages", f"messages: {TARGET} needs at least one user turn besides the system "
                             "prompt")
    return system, turns


def _user_blocks(content: Any, where: str) -> list[dict[str, Any]]:
    if isinstance(content, str):
        return [{"type": "text", "text": content}] if content else []
    if not isinstance(content, list):
        raise Untranslatable(where, f"{where} must be a string or an array of content parts")
    blocks = []
    for index, part in enumerate(content):
        param = f"{where}[{index}]"
        kind = part.get("type") if isinstance(part, dict) else None
        if kind == "text":
            blocks.append({"type": "text", "text": part.get("text", "")})
        elif kind == "image_url":
            image = part.get("image_url")
            blocks.append(anthropic_image(image.get("url") if isinstance(image, dict) else image,
                                          f"{param}.image_url.url"))
        elif kind == "file":
            file = part.get("file") if isinstance(part.get("file"), dict) else {}
            if file.get("file_id"):
                raise Untranslatable(f"{param}.file.file_id", f"{param}.file.file_id: a file uploaded to OpenAI "
                                     f"cannot be read by {TARGET}; send the file inline as file_data")
            blocks.append(anthropic_pdf(file.get("file_data"), f"{param}.file.file_data"))
        else:
            raise Untranslatable(f"{param}.type", f"{param}.type {kind!r} has no equivalent in {TARGET}")
    return blocks


def _assistant_blocks(message: dict[str, Any], where: str) -> list[dict[str, Any]]:
    if message.get("audio") or message.get("function_call"):
        name = "audio" if message.get("audio") else "function_call"
        raise Untranslatable(f"{where}.{name}", f"{where}.{name} has no equivalent in {TARGET}")
    blocks: list[dict[str, Any]] = []
    content = message.get("content")
    if isinstance(content, list):   # text and refusal parts
        text = "\n".join(p.get("text") or p.get("refusal") or "" for p in content if isinstance(p, dict))
    else:
        text = text_of(content, f"{where}.content")
    if message.get("refusal") and not text:
        text = message["refusal"]
    if text:
        blocks.append({"type": "text", "text": text})
    for index, call in enumerate(message.get("tool_calls") or []):
        param = f"{where}.tool_calls[{index}]"
        function = call.get("function") if isinstance(call, dict) else None
        if not isinstance(function, dict) or call.get("type", "function") != "function":
            raise Untranslatable(param, f"{param}: only function tool calls translate to {TARGET}")
        blocks.append({"type": "tool_use", "id": call.get("id"), "name": function.get("name"),
                       "input": parse_arguments(function.get("arguments"), f"{param}.function.arguments")})
    return blocks


def _tool_result(message: dict[str, Any], where: str) -> dict[str, Any]:
    content = message.get("content")
    block: dict[str, Any] = {"type": "tool_result", "tool_use_id": message.get("tool_call_id")}
    if isinstance(content, str):
        block["content"] = content
    else:
        block["content"] = [{"type": "text", "text": text_of(content, f"{where}.content")}]
    return block


def _tool(tool: Any, where: str) -> dict[str, Any]:
    if not isinstance(tool, dict) or tool.get("type") != "function" or not isinstance(tool.get("function"), dict):
        kind = tool.get("type") if isinstance(tool, dict) else None
        raise Untranslatable(f"{where}.type", f"{where}.type {kind!r}: only function tools translate to {TARGET}")
    function = tool["function"]
    out: dict[str, Any] = {"name": function.get("name"),
                           "input_schema": function.get("parameters") or {"type": "object", "properties": {}}}
    if function.get("description"):
        out["description"] = function["description"]
    if function.get("strict") is not None:
        out["strict"] = function["strict"]
    return out


def _tool_choice(choice: Any, parallel: Any, has_tools: bool) -> dict[str, Any] | None:
    if choice is None and not has_tools:
        return None
    function = choice.get("function") if isinstance(choice, dict) and choice.get("type") == "function" else None
    named = function.get("name") if isinstance(function, dict) else None
    return anthropic_tool_choice(choice, named if isinstance(named, str) else None, parallel, TARGET)


def _output_format(response_format: Any) -> dict[str, Any] | None:
    if response_format is None:
        return None
    kind = response_format.get("type") if isinstance(response_format, dict) else None
    if kind == "text":
        return None
    if kind == "json_schema" and isinstance(response_format.get("json_schema"), dict) \
            and isinstance(response_format["json_schema"].get("schema"), dict):
        return {"type": "json_schema", "schema": response_format["json_schema"]["schema"]}
    if kind == "json_object":
        raise Untranslatable("response_format", f"response_format json_object: {TARGET} has no JSON mode "
                             "without a schema; send a json_schema response_format instead")
    raise Untranslatable("response_format", f"response_format {kind!r} cannot be enforced by {TARGET}")


# Answers ---------------------------------------------------------------------------------------------------

def response(reply: dict[str, Any], caller: dict[str, Any]) -> dict[str, Any]:
    """An Anthropic Message as an OpenAI ChatCompletion."""
    texts: list[str] = []
    calls: list[dict[str, Any]] = []
    for block in reply.get("content") or []:
        if block.get("type") == "text":
            texts.append(block.get("text", ""))
        elif block.get("type") == "tool_use":
            calls.append({"id": block.get("id"), "type": "function",
                          "function": {"name": block.get("name"), "arguments": dumps(block.get("input") or {})}})
        # thinking and server-tool blocks have no place in a chat completion: the caller never asked for them
    message: dict[str, Any] = {"role": "assistant", "content": "".join(texts) if texts or not calls else None,
                               "refusal": None, "annotations": []}
    if calls:
        message["tool_calls"] = calls
    return {"id": reply.get("id"), "object": "chat.completion", "created": int(time.time()),
            "model": reply.get("model") or caller.get("model"),
            "choices": [{"index": 0, "message": message, "logprobs": None,
                         "finish_reason": FINISH_REASON.get(reply.get("stop_reason") or "end_turn", "stop")}],
            "usage": anthropic_to_openai_usage(reply.get("usage"))}
