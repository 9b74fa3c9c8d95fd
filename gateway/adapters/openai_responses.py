"""OpenAI Responses (POST /v1/responses): requests, answers and semantic event streams.

Segments: `instructions`; `input` as a string or as items: message items (a string, or
input_text / output_text / refusal parts), function_call `arguments` and custom_tool_call `input`
(tool_call), function_call_output and custom_tool_call_output `output` (tool), reasoning
summaries and reasoning text; other item types (shell, apply_patch, MCP, computer and search
calls...) are scanned string leaf by string leaf, identifiers and opaque payloads left out. Also
every `description` in `tools` and `text.format`, `prompt.variables`, and `user`,
`safety_identifier`, `metadata` values (identity). Attachments: input_image, input_file,
input_audio parts, image generation calls and computer call screenshots.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from filters.segments import DataClass, Path
from gateway.adapters.base import BadRequest, Envelope, ResponseRewriter, Usage
from gateway.adapters.jsonpath import param
from gateway.adapters.logprobs import feed_tokens, read_alternatives, rewrite_entries, tail_entry
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
    openai_usage,
    rewrite_key,
    rewrite_leaves,
    text_of,
)
from gateway.upstream.sse import SSEEvent

ROLES = {"system": "system", "developer": "system", "user": "user", "assistant": "assistant"}
TEXT_PARTS = {"input_text": "text", "output_text": "text", "refusal": "refusal"}
ATTACHMENT_PARTS = {"input_image": "image", "input_file": "file", "input_audio": "audio"}
OPAQUE_ITEMS = {"item_reference", "compaction", "compaction_trigger"}
ATTACHMENT_ITEMS = {"image_generation_call": "image", "computer_call_output": "image"}


def _parts(reader: RequestReader, holder: dict[str, Any], key: str, path: Path, role: str,
           data_class: DataClass | None, *, required: bool) -> None:
    """`holder[key]`: a string or an array of content parts."""
    value = holder.get(key)
    where = path + (key,)
    if value is None:
        if required:
            raise BadRequest(f"{param(where)} is required", param(where))
        return
    if isinstance(value, str):
        reader.text(where, value, role, data_class)
        return
    if not isinstance(value, list):
        raise BadRequest(f"{param(where)} must be a string or an array of content parts", param(where))
    for index, part in enumerate(value):
        _part(reader, part, where + (index,), role, data_class)


def _part(reader: RequestReader, part: Any, path: Path, role: str, data_class: DataClass | None) -> None:
    part = obj_at(part, path)
    data_class = reader.stated(part, path, data_class)
    kind = kind_of(part, path)
    if kind in TEXT_PARTS:
        reader.field(part, TEXT_PARTS[kind], path, role, data_class, required=True)
    elif kind in ATTACHMENT_PARTS:
        reader.attach(path, ATTACHMENT_PARTS[kind])
        if kind == "input_file":
            reader.field(part, "filename", path, role, data_class)
    elif isinstance(part.get("text"), str):
        reader.text(path + ("text",), part["text"], role, data_class)


def _item(reader: RequestReader, item: Any, path: Path) -> None:
    item = obj_at(item, path)
    data_class = reader.stated(item, path, reader.header_class)
    kind = kind_of(item, path)
    if kind is None and "role" in item:
        kind = "message"  # an easy input message may leave its type out
    if kind == "message":
        role_name = item.get("role")
        if not isinstance(role_name, str):
            raise BadRequest(f"{param(path + ('role',))} must be a string", param(path + ("role",)))
        _parts(reader, item, "content", path, ROLES.get(role_name, "user"), data_class, required=True)
    elif kind in ("function_call", "custom_tool_call"):
        reader.field(item, "arguments" if kind == "function_call" else "input", path, "tool_call", data_class,
                     required=True)
    elif kind in ("function_call_output", "custom_tool_call_output"):
        _parts(reader, item, "output", path, "tool", data_class, required=True)
    elif kind == "reasoning":
        for key in ("summary", "content"):
            if item.get(key) is not None:
                for index, part in enumerate(list_at(item[key], path + (key,))):
                    part_path = path + (key, index)
                    reader.field(obj_at(part, part_path), "text", part_path, "assistant", data_class)
    elif kind == "additional_tools":
        reader.descriptions(item.get("tools"), path + ("tools",), data_class)
    elif kind in ATTACHMENT_ITEMS:
        reader.attach(path, ATTACHMENT_ITEMS[kind])
    elif kind not in OPAQUE_ITEMS:
        # Known tool items of many shapes (shell, apply_patch, MCP, search...) and unknown ones:
        # whatever strings they hold, the model reads.
        role = "tool" if isinstance(kind, str) and kind.endswith("_output") else "tool_call"
        reader.leaves(item, path, role, data_class, OPAQUE_KEYS)


def _prompt_variables(reader: RequestReader, body: dict[str, Any]) -> None:
    prompt = body.get("prompt")
    if prompt is None:
        return
    variables = obj_at(prompt, ("prompt",)).get("variables")
    if variables is None:
        return
    path: Path = ("prompt", "variables")
    for name, value in obj_at(variables, path).items():
        if isinstance(value, str):
            reader.text(path + (name,), value, "user", reader.header_class)
        elif isinstance(value, dict):
            _part(reader, value, path + (name,), "user", reader.header_class)


def rewrite_item(item: dict[str, Any], rewriter: ResponseRewriter) -> bool:
    """Every text a model wrote in one output item, rewritten in place; whether anything changed."""
    kind = text_of(item.get("type"))  # a provider's odd type is no type
    changed = False
    if kind == "message":
        for part in dicts(item.get("content")):
            changed |= rewrite_key(part, "text", rewriter)
            changed |= rewrite_key(part, "refusal", rewriter)
            changed |= rewrite_leaves(part.get("annotations"), rewriter)
            changed |= rewrite_entries(part.get("logprobs"), rewriter)
    elif kind in ("function_call", "mcp_call", "mcp_approval_request"):
        changed |= rewrite_key(item, "arguments", rewriter, in_json=True)
    elif kind == "custom_tool_call":
        changed |= rewrite_key(item, "input", rewriter)
    elif kind == "reasoning":
        for part in dicts(item.get("summary")) + dicts(item.get("content")):
            changed |= rewrite_key(part, "text", rewriter)
    return changed


def rewrite_body(response: dict[str, Any], rewriter: ResponseRewriter) -> bool:
    changed = False
    for item in dicts(response.get("output")):
        changed |= rewrite_item(item, rewriter)
    changed |= rewrite_key(response, "output_text", rewriter)
    return changed


class OpenAIResponses:
    api = "openai.responses"
    path = "/v1/responses"  # where clients call it
    upstream_path = "/responses"  # after the provider's base URL
    wire_format = "openai"
    default_feature = "assistant"
    stores_state = True  # the provider keeps state unless told `store: false`
    stored_reference: str | None = "previous_response_id"
    keeps_conversation = True  # the gateway's conversation store expands references (gateway.server.conversation)

    def parse(self, body: dict[str, Any], header_class: DataClass | None) -> Envelope:
        body = start(body)
        model, stream = model_of(body), stream_of(body)
        reader = RequestReader(body, header_class)
        reader.field(body, "instructions", (), "system", header_class)
        value = body.get("input")
        if isinstance(value, str):
            reader.text(("input",), value, "user", header_class)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                _item(reader, item, ("input", index))
        elif value is not None:
            raise BadRequest("input must be a string or an array of input items", "input")
        if body.get("tools") is not None:
            for index, tool in enumerate(list_at(body["tools"], ("tools",))):
                reader.descriptions(obj_at(tool, ("tools", index)), ("tools", index), header_class)
        if isinstance(body.get("text"), dict):
            reader.descriptions(body["text"], ("text",), header_class)
        _prompt_variables(reader, body)
        reader.identity(("user",))
        reader.identity(("safety_identifier",))
        reader.metadata()
        return reader.envelope(self.api, model, stream)

    def write(self, envelope: Envelope, texts: list[str]) -> dict[str, Any]:
        return write_body(envelope, texts)

    def rewrite_response(self, body: dict[str, Any], rewriter: ResponseRewriter) -> Usage:
        rewrite_body(body, rewriter)
        return openai_usage(body.get("usage")) or Usage()

    def stream_rewriter(self, rewriter: ResponseRewriter) -> ResponsesStream:
        return ResponsesStream(rewriter)

    def mark_ai_generated(self, body: dict[str, Any]) -> None:
        mark_ai_generated(body)


@dataclass(frozen=True)
class TextStream:
    """One kind of streamed text: its delta and done events, what tells its channels apart."""

    delta: str
    done: str
    keys: tuple[str, ...]
    done_field: str
    in_json: bool = False


TEXT_STREAMS = [
    TextStream("response.output_text.delta", "response.output_text.done", ("item_id", "content_index"), "text"),
    TextStream("response.refusal.delta", "response.refusal.done", ("item_id", "content_index"), "refusal"),
    TextStream("response.function_call_arguments.delta", "response.function_call_arguments.done", ("item_id",),
               "arguments", in_json=True),
    TextStream("response.custom_tool_call_input.delta", "response.custom_tool_call_input.done", ("item_id",),
               "input"),
    TextStream("response.mcp_call_arguments.delta", "response.mcp_call_arguments.done", ("item_id",),
               "arguments", in_json=True),
    TextStream("response.reasoning_summary_text.delta", "response.reasoning_summary_text.done",
               ("item_id", "summary_index"), "text"),
    TextStream("response.reasoning_text.delta", "response.reasoning_text.done", ("item_id", "content_index"), "text"),
]
BY_DELTA = {s.delta: s for s in TEXT_STREAMS}
BY_DONE = {s.done: s for s in TEXT_STREAMS}
WHOLE_RESPONSE = {"response.created", "response.queued", "response.in_progress", "response.completed",
                  "response.incomplete", "response.failed"}
FINAL = {"response.completed", "response.incomplete", "response.failed"}
PART_EVENTS = {"response.content_part.added", "response.content_part.done",
               "response.reasoning_summary_part.added", "response.reasoning_summary_part.done"}


class ResponsesStream:
    """Semantic events of a streamed response, one channel per output text, argument string..."""

    def __init__(self, rewriter: ResponseRewriter) -> None:
        self.usage = Usage()
        self._rewriter = rewriter
        self._channels = Channels(rewriter)
        self._opened: dict[tuple[Any, ...], tuple[TextStream, dict[str, Any]]] = {}
        self._chosen: dict[tuple[Any, ...], str] = {}   # each text's chosen tokens' end, as the provider sent it
        # The carry (see ResponseRewriter) each text and each output item began with: their done events
        # repeat the text, which is read again as it was the first time.
        self._began: dict[Any, str] = {}
        self._last: SSEEvent | None = None
        self._sequence: Any = None

    def on_event(self, event: SSEEvent) -> list[SSEEvent]:
        payload = load_json(event)
        if payload is None:
            return [event]
        self._last = event
        self._sequence = payload.get("sequence_number", self._sequence)
        kind = text_of(payload.get("type"))  # a provider's odd type is no type
        out: list[SSEEvent] = []
        changed = False
        if kind in BY_DELTA:
            changed = self._delta(BY_DELTA[kind], payload)
        elif kind in BY_DONE:
            stream = BY_DONE[kind]
            out.extend(self._flush(self._key(stream, payload), event))
            self._again(self._key(stream, payload))
            changed = rewrite_key(payload, stream.done_field, self._rewriter, in_json=stream.in_json)
            changed |= self._done_alternatives(self._key(stream, payload), payload)
        elif kind in ("response.output_item.added", "response.output_item.done"):
            if isinstance(payload.get("item"), dict):
                self._again(("item", payload["item"].get("id")))
                changed = rewrite_item(payload["item"], self._rewriter)
        elif kind == "response.output_text.annotation.added":
            changed = rewrite_leaves(payload.get("annotation"), self._rewriter)
        elif kind in PART_EVENTS:
            if isinstance(payload.get("part"), dict):
                self._again(("response.output_text.delta", payload.get("item_id"), payload.get("content_index")))
                changed = rewrite_key(payload["part"], "text", self._rewriter)
                changed |= rewrite_key(payload["part"], "refusal", self._rewriter)
                changed |= rewrite_entries(payload["part"].get("logprobs"), self._rewriter)
        elif kind in WHOLE_RESPONSE and isinstance(payload.get("response"), dict):
            response = payload["response"]
            if kind in FINAL:
                out.extend(self.close())
                usage = openai_usage(response.get("usage"))
                if usage is not None:
                    self.usage = usage
            self._rewriter.carry = ""   # the whole response again, from its first text
            changed = rewrite_body(response, self._rewriter)
            if kind in ("response.created", "response.completed"):
                # the created response opens the stream; the completed one is what SDKs return as final
                response[AI_GENERATED] = changed = True
        out.append(json_event(payload, event) if changed else event)
        return out

    def close(self) -> list[SSEEvent]:
        out: list[SSEEvent] = []
        for key in list(self._opened):
            out.extend(self._flush(key, self._last))
        return out

    def _key(self, stream: TextStream, payload: dict[str, Any]) -> tuple[Any, ...]:
        return (stream.delta,) + tuple(payload.get(k) for k in stream.keys)

    def _delta(self, stream: TextStream, payload: dict[str, Any]) -> bool:
        text = payload.get("delta")
        if not isinstance(text, str):
            return False
        key = self._key(stream, payload)
        if key not in self._opened:
            self._opened[key] = (stream, payload)
            self._began.setdefault(key, self._rewriter.carry)
            self._began.setdefault(("item", payload.get("item_id")), self._rewriter.carry)
        new = self._channels.feed(key, text, in_json=stream.in_json)
        payload["delta"] = new
        tokens = False
        if isinstance(payload.get("logprobs"), list):
            tokens, self._chosen[key] = read_alternatives(payload["logprobs"], self._rewriter,
                                                          self._chosen.get(key, ""))
            tokens |= feed_tokens(self._channels, key + ("logprobs",), payload["logprobs"], False)[0]
        return new != text or tokens

    def _done_alternatives(self, key: tuple[Any, ...], payload: dict[str, Any]) -> bool:
        """A done event's token list: the chosen tokens rewritten as one text, the alternatives read."""
        if not isinstance(payload.get("logprobs"), list):
            return False
        self._again(key)
        return rewrite_entries(payload["logprobs"], self._rewriter)

    def _again(self, key: Any) -> None:
        """Before a text already streamed is rewritten again (its done events): the carry it began with."""
        if key in self._began:
            self._rewriter.carry = self._began[key]

    def _flush(self, key: tuple[Any, ...], like: SSEEvent | None) -> list[SSEEvent]:
        """An extra delta event with what the channel held back, to go before its done event."""
        opened = self._opened.pop(key, None)
        text = self._channels.close(key)
        tokens = self._channels.close(key + ("logprobs",))
        if opened is None or not (text or tokens) or like is None:
            return []
        stream, first = opened
        extra: dict[str, Any] = {"type": stream.delta}
        extra.update((name, first[name]) for name in stream.keys + ("output_index",) if name in first)
        extra["delta"] = text
        if stream.delta == "response.output_text.delta":
            extra["logprobs"] = [tail_entry(tokens)] if tokens else []
        if self._sequence is not None:
            # The SDKs do not check the numbers; repeating the next (or last) event's keeps them in order.
            extra["sequence_number"] = self._sequence
        return [extra_event(extra, like, stream.delta)]
