"""Anthropic Messages (POST /v1/messages): requests, answers and event streams.

Segments: `system` (a string or text blocks); every message's content as a string or blocks:
text, thinking (the thinking text: a provider checks it against its signature, so an edit there
makes the provider refuse the turn, which is the safe way to fail), tool_use and server_tool_use
`input` (each string leaf, role tool_call), tool_result content (a string or blocks, role tool),
document blocks with a text source or a content source (and their `title` and `context`),
search_result blocks, and server tool results (string leaves, identifiers and opaque payloads
left out); every `description` in `tools` and `output_config` and the tools' `input_examples`;
`metadata.user_id` (identity). redacted_thinking goes as it came. Attachments: image blocks and
document blocks with a base64, url or file source.
"""

from __future__ import annotations

from typing import Any

from filters.segments import DataClass, Path
from gateway.adapters.base import BadRequest, Envelope, ResponseRewriter, Usage
from gateway.adapters.jsonpath import param
from gateway.adapters.request_walk import (
    OPAQUE_KEYS,
    RequestReader,
    kind_of,
    list_at,
    model_of,
    obj_at,
    start,
    stream_of,
    write_body,
)
from gateway.adapters.response_walk import (
    AI_GENERATED,
    Channels,
    dicts,
    extra_event,
    json_event,
    load_json,
    mark_ai_generated,
    rewrite_key,
    rewrite_leaves,
    text_of,
)
from gateway.upstream.sse import SSEEvent

ROLES = {"user": "user", "assistant": "assistant", "system": "system"}
TOOL_USES = ("tool_use", "server_tool_use")


def _blocks(reader: RequestReader, value: Any, path: Path, role: str, data_class: DataClass | None) -> None:
    """A string or an array of content blocks."""
    if isinstance(value, str):
        reader.text(path, value, role, data_class)
        return
    for index, block in enumerate(list_at(value, path)):
        _block(reader, block, path + (index,), role, data_class)


def _block(reader: RequestReader, block: Any, path: Path, role: str, data_class: DataClass | None) -> None:
    block = obj_at(block, path)
    data_class = reader.stated(block, path, data_class)
    kind = kind_of(block, path)
    if kind == "text":
        reader.field(block, "text", path, role, data_class, required=True)
    elif kind == "image":
        reader.attach(path, "image")
    elif kind == "document":
        _document(reader, block, path, role, data_class)
    elif kind == "search_result":
        if block.get("content") is not None:
            _blocks(reader, block["content"], path + ("content",), role, data_class)
        reader.field(block, "title", path, role, data_class)
    elif kind == "thinking":
        reader.field(block, "thinking", path, "assistant", data_class, required=True)
    elif kind in TOOL_USES:
        reader.leaves(block.get("input"), path + ("input",), "tool_call", data_class)
    elif kind == "tool_result":
        if block.get("content") is not None:
            _blocks(reader, block["content"], path + ("content",), "tool", data_class)
    elif isinstance(kind, str) and kind.endswith("_tool_result"):
        # server tool results (web search, web fetch, code execution...): what the model read then
        reader.leaves(block.get("content"), path + ("content",), "tool", data_class, OPAQUE_KEYS)
    elif kind not in ("redacted_thinking", "container_upload") and isinstance(block.get("text"), str):
        reader.text(path + ("text",), block["text"], role, data_class)


def _document(reader: RequestReader, block: dict[str, Any], path: Path, role: str,
              data_class: DataClass | None) -> None:
    source = block.get("source")
    source_path = path + ("source",)
    if isinstance(source, dict) and source.get("type") == "text":
        reader.field(source, "data", source_path, role, data_class, required=True)
    elif isinstance(source, dict) and source.get("type") == "content":
        _blocks(reader, source.get("content"), source_path + ("content",), role, data_class)
    else:
        reader.attach(path, "document")
    reader.field(block, "title", path, role, data_class)
    reader.field(block, "context", path, role, data_class)


def _message(reader: RequestReader, message: Any, path: Path) -> None:
    message = obj_at(message, path)
    data_class = reader.stated(message, path, reader.header_class)
    role_name = message.get("role")
    if not isinstance(role_name, str):
        raise BadRequest(f"{param(path + ('role',))} must be a string", param(path + ("role",)))
    value = message.get("content")
    where = path + ("content",)
    if not isinstance(value, (str, list)):
        raise BadRequest(f"{param(where)} must be a string or an array of content blocks", param(where))
    _blocks(reader, value, where, ROLES.get(role_name, "user"), data_class)


def rewrite_block(block: dict[str, Any], rewriter: ResponseRewriter) -> bool:
    """Every text a model wrote in one content block, rewritten in place; whether anything changed."""
    kind = text_of(block.get("type"))  # a provider's odd type is no type
    if kind == "text":
        # citations quote the documents sent (their pseudonyms restored) in the model's own answer
        return rewrite_key(block, "text", rewriter) | rewrite_leaves(block.get("citations"), rewriter)
    if kind == "thinking":
        return rewrite_key(block, "thinking", rewriter)
    if kind in TOOL_USES:
        if isinstance(block.get("input"), str):
            return rewrite_key(block, "input", rewriter)
        return rewrite_leaves(block.get("input"), rewriter)
    return False


class AnthropicMessages:
    api = "anthropic.messages"
    path = "/v1/messages"  # where clients call it
    upstream_path = "/messages"  # after the provider's base URL
    wire_format = "anthropic"
    default_feature = "assistant"
    stores_state = False  # the provider keeps state unless told `store: false`
    stored_reference: str | None = None

    def parse(self, body: dict[str, Any], header_class: DataClass | None) -> Envelope:
        body = start(body)
        model, stream = model_of(body), stream_of(body)
        reader = RequestReader(body, header_class)
        system = body.get("system")
        if system is not None:
            if not isinstance(system, (str, list)):
                raise BadRequest("system must be a string or an array of text blocks", "system")
            _blocks(reader, system, ("system",), "system", header_class)
        if body.get("messages") is None:
            raise BadRequest("messages is required", "messages")
        for index, message in enumerate(list_at(body["messages"], ("messages",))):
            _message(reader, message, ("messages", index))
        if body.get("tools") is not None:
            for index, tool in enumerate(list_at(body["tools"], ("tools",))):
                path = ("tools", index)
                tool = obj_at(tool, path)
                reader.descriptions(tool, path, header_class)
                if tool.get("input_examples") is not None:
                    reader.leaves(tool["input_examples"], path + ("input_examples",), "tool_definition", header_class)
        if isinstance(body.get("output_config"), dict):
            reader.descriptions(body["output_config"], ("output_config",), header_class)
        if body.get("metadata") is not None:
            obj_at(body["metadata"], ("metadata",))
            reader.identity(("metadata", "user_id"))
        return reader.envelope(self.api, model, stream)

    def write(self, envelope: Envelope, texts: list[str]) -> dict[str, Any]:
        return write_body(envelope, texts)

    def rewrite_response(self, body: dict[str, Any], rewriter: ResponseRewriter) -> Usage:
        for block in dicts(body.get("content")):
            rewrite_block(block, rewriter)
        return _usage(body.get("usage"), Usage())

    def stream_rewriter(self, rewriter: ResponseRewriter) -> MessagesStream:
        return MessagesStream(rewriter)

    def mark_ai_generated(self, body: dict[str, Any]) -> None:
        mark_ai_generated(body)


def _usage(usage: Any, known: Usage) -> Usage:
    """`known` updated with what an Anthropic usage object says (message_delta's figures are cumulative)."""
    if not isinstance(usage, dict):
        return known
    inputs, outputs = usage.get("input_tokens"), usage.get("output_tokens")
    return Usage(input_tokens=inputs if isinstance(inputs, int) and inputs else known.input_tokens,
                 output_tokens=outputs if isinstance(outputs, int) else known.output_tokens)


# Delta type -> the field holding its text, and whether that text is raw JSON.
TEXT_DELTAS = {"text_delta": ("text", False), "input_json_delta": ("partial_json", True),
               "thinking_delta": ("thinking", False)}


class MessagesStream:
    """Events of a streamed message: one channel per content block (by its index)."""

    def __init__(self, rewriter: ResponseRewriter) -> None:
        self.usage = Usage()
        self._rewriter = rewriter
        self._channels = Channels(rewriter)
        self._delta_types: dict[Any, str] = {}
        self._last: SSEEvent | None = None

    def on_event(self, event: SSEEvent) -> list[SSEEvent]:
        payload = load_json(event)
        if payload is None:
            return [event]
        self._last = event
        kind = text_of(payload.get("type"))  # a provider's odd type is no type
        out: list[SSEEvent] = []
        changed = False
        if kind == "message_start" and isinstance(payload.get("message"), dict):
            message = payload["message"]
            self.usage = _usage(message.get("usage"), self.usage)
            for block in dicts(message.get("content")):
                rewrite_block(block, self._rewriter)
            message[AI_GENERATED] = changed = True
        elif kind == "content_block_start" and isinstance(payload.get("content_block"), dict):
            changed = self._start(payload.get("index"), payload["content_block"])
        elif kind == "content_block_delta" and isinstance(payload.get("delta"), dict):
            changed = self._delta(payload.get("index"), payload["delta"])
        elif kind == "content_block_stop":
            out.extend(self._flush(payload.get("index"), event))
        elif kind == "message_delta":
            self.usage = _usage(payload.get("usage"), self.usage)
        elif kind == "message_stop":
            out.extend(self.close())
        out.append(json_event(payload, event) if changed else event)
        return out

    def close(self) -> list[SSEEvent]:
        out: list[SSEEvent] = []
        for index in list(self._delta_types):
            out.extend(self._flush(index, self._last))
        return out

    def _start(self, index: Any, block: dict[str, Any]) -> bool:
        """A block's opening: text and thinking open their channel with it; tool input is whole ({})."""
        field = block.get("type")
        if field not in ("text", "thinking"):
            return rewrite_block(block, self._rewriter)
        text = block.get(field)
        if not isinstance(text, str) or not text:
            return False
        self._delta_types[index] = f"{field}_delta"
        new = self._channels.feed(index, text)
        block[field] = new
        return new != text

    def _delta(self, index: Any, delta: dict[str, Any]) -> bool:
        kind = text_of(delta.get("type"))  # a provider's odd type is no type
        if kind == "citations_delta":
            return rewrite_leaves(delta.get("citation"), self._rewriter)   # one citation, whole
        if kind not in TEXT_DELTAS:
            return False  # signature_delta...: nothing a model wrote as text
        field, in_json = TEXT_DELTAS[kind]
        text = delta.get(field)
        if not isinstance(text, str):
            return False
        self._delta_types.setdefault(index, kind)
        new = self._channels.feed(index, text, in_json=in_json)
        delta[field] = new
        return new != text

    def _flush(self, index: Any, like: SSEEvent | None) -> list[SSEEvent]:
        """An extra content_block_delta with what the block's channel held back, before its stop."""
        kind = self._delta_types.pop(index, None)
        text = self._channels.close(index)
        if kind is None or not text or like is None:
            return []
        field = TEXT_DELTAS[kind][0]
        payload = {"type": "content_block_delta", "index": index, "delta": {"type": kind, field: text}}
        return [extra_event(payload, like, "content_block_delta")]
