"""OpenAI Chat Completions (POST /v1/chat/completions): requests, answers and chunk streams.

Segments: every message's content (a string, or `text` / `refusal` parts), a message's `name`
(identity, except a legacy `function` message, where it names the function), an assistant's
`refusal`, its tool calls' `arguments` (one segment each: the raw JSON text) and custom tool
calls' `input`, the legacy `function_call.arguments`; every `description` in `tools`, `functions`
and `response_format`; `prediction.content`; `user`, `safety_identifier` and `metadata` values.
Attachments: image_url, input_audio and file parts (a file part's `filename` is also a segment).
"""

from __future__ import annotations

from typing import Any

from filters.segments import DataClass, Path
from gateway.adapters.base import BadRequest, Envelope, ResponseRewriter, Usage
from gateway.adapters.jsonpath import param
from gateway.adapters.logprobs import feed_tokens, read_alternatives, rewrite_logprobs, tail_entry
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
)
from gateway.upstream.sse import SSEEvent

ROLES = {"system": "system", "developer": "system", "user": "user", "assistant": "assistant",
         "tool": "tool", "function": "tool"}
ATTACHMENT_PARTS = {"image_url": "image", "input_audio": "audio", "file": "file"}


def content(reader: RequestReader, holder: dict[str, Any], path: Path, role: str,
            data_class: DataClass | None) -> None:
    """`holder["content"]`: null, a string, or an array of content parts."""
    value = holder.get("content")
    where = path + ("content",)
    if value is None:
        return
    if isinstance(value, str):
        reader.text(where, value, role, data_class)
        return
    if not isinstance(value, list):
        raise BadRequest(f"{param(where)} must be a string or an array of content parts", param(where))
    for index, part in enumerate(value):
        part_path = where + (index,)
        part = obj_at(part, part_path)
        part_class = reader.stated(part, part_path, data_class)
        kind = kind_of(part, part_path)
        if kind == "text":
            reader.field(part, "text", part_path, role, part_class, required=True)
        elif kind == "refusal":
            reader.field(part, "refusal", part_path, role, part_class)
        elif kind in ATTACHMENT_PARTS:
            reader.attach(part_path, ATTACHMENT_PARTS[kind])
            if kind == "file" and isinstance(part.get("file"), dict):
                reader.field(part["file"], "filename", part_path + ("file",), role, part_class)
        elif isinstance(part.get("text"), str):
            reader.text(part_path + ("text",), part["text"], role, part_class)


def _message(reader: RequestReader, message: Any, path: Path) -> None:
    message = obj_at(message, path)
    data_class = reader.stated(message, path, reader.header_class)
    role_name = message.get("role")
    if not isinstance(role_name, str):
        raise BadRequest(f"{param(path + ('role',))} must be a string", param(path + ("role",)))
    role = ROLES.get(role_name, "user")
    content(reader, message, path, role, data_class)
    if role_name != "function":
        reader.field(message, "name", path, "identity", data_class)
    reader.field(message, "refusal", path, "assistant", data_class)
    calls = message.get("tool_calls")
    if calls is not None:
        for index, call in enumerate(list_at(calls, path + ("tool_calls",))):
            _tool_call(reader, call, path + ("tool_calls", index), data_class)
    legacy = message.get("function_call")
    if legacy is not None:
        legacy_path = path + ("function_call",)
        reader.field(obj_at(legacy, legacy_path), "arguments", legacy_path, "tool_call", data_class)


def _tool_call(reader: RequestReader, call: Any, path: Path, data_class: DataClass | None) -> None:
    call = obj_at(call, path)
    if call.get("function") is not None:
        function = obj_at(call["function"], path + ("function",))
        reader.field(function, "arguments", path + ("function",), "tool_call", data_class)
    elif call.get("custom") is not None:
        custom = obj_at(call["custom"], path + ("custom",))
        reader.field(custom, "input", path + ("custom",), "tool_call", data_class)
    else:
        reader.leaves(call, path, "tool_call", data_class, OPAQUE_KEYS)


def rewrite_message(message: dict[str, Any], rewriter: ResponseRewriter) -> None:
    """Every text a model wrote in one choice's message, rewritten in place."""
    if isinstance(message.get("content"), list):
        for part in dicts(message["content"]):
            rewrite_key(part, "text", rewriter)
            rewrite_key(part, "refusal", rewriter)
    else:
        rewrite_key(message, "content", rewriter)
    rewrite_key(message, "refusal", rewriter)
    for call in dicts(message.get("tool_calls")):
        if isinstance(call.get("function"), dict):
            rewrite_key(call["function"], "arguments", rewriter, in_json=True)
        if isinstance(call.get("custom"), dict):
            rewrite_key(call["custom"], "input", rewriter)
    if isinstance(message.get("function_call"), dict):
        rewrite_key(message["function_call"], "arguments", rewriter, in_json=True)
    rewrite_leaves(message.get("annotations"), rewriter)   # url citations' titles: the model's words too
    if isinstance(message.get("audio"), dict):
        rewrite_key(message["audio"], "transcript", rewriter)


class OpenAIChat:
    api = "openai.chat"
    path = "/v1/chat/completions"  # where clients call it
    upstream_path = "/chat/completions"  # after the provider's base URL
    wire_format = "openai"
    default_feature = "assistant"
    stores_state = True  # the provider keeps state unless told `store: false`
    stored_reference: str | None = None

    def parse(self, body: dict[str, Any], header_class: DataClass | None) -> Envelope:
        body = start(body)
        model, stream = model_of(body), stream_of(body)
        reader = RequestReader(body, header_class)
        if body.get("messages") is None:
            raise BadRequest("messages is required", "messages")
        for index, message in enumerate(list_at(body["messages"], ("messages",))):
            _message(reader, message, ("messages", index))
        for key in ("tools", "functions"):
            if body.get(key) is not None:
                for index, tool in enumerate(list_at(body[key], (key,))):
                    reader.descriptions(obj_at(tool, (key, index)), (key, index), header_class)
        if isinstance(body.get("response_format"), dict):
            reader.descriptions(body["response_format"], ("response_format",), header_class)
        if body.get("prediction") is not None:
            content(reader, obj_at(body["prediction"], ("prediction",)), ("prediction",), "user", header_class)
        reader.identity(("user",))
        reader.identity(("safety_identifier",))
        reader.metadata()
        return reader.envelope(self.api, model, stream)

    def write(self, envelope: Envelope, texts: list[str]) -> dict[str, Any]:
        return write_body(envelope, texts)

    def rewrite_response(self, body: dict[str, Any], rewriter: ResponseRewriter) -> Usage:
        for choice in dicts(body.get("choices")):
            if isinstance(choice.get("message"), dict):
                rewrite_message(choice["message"], rewriter)
            rewrite_logprobs(choice.get("logprobs"), rewriter)
        return openai_usage(body.get("usage")) or Usage()

    def stream_rewriter(self, rewriter: ResponseRewriter) -> ChatStream:
        return ChatStream(rewriter)

    def mark_ai_generated(self, body: dict[str, Any]) -> None:
        mark_ai_generated(body)


def usage_asked(body: dict[str, Any]) -> bool:
    """Whether a chat request asks for the stream's usage chunk (`stream_options.include_usage`)."""
    options = body.get("stream_options")
    return isinstance(options, dict) and options.get("include_usage") is True


# A channel: (choice index, "content" | "refusal" | "function_call") or (choice index, "tool", call index).
Key = tuple[Any, ...]


class ChatStream:
    """Chunks of a streamed chat completion, one channel per choice's content, refusal and tool call."""

    def __init__(self, rewriter: ResponseRewriter) -> None:
        self.usage = Usage()
        # The gateway asked for usage the client did not (gateway.server.forward): the usage chunk and
        # the other chunks' `usage: null` are read here and not passed on.
        self.hide_usage = False
        self._rewriter = rewriter
        self._channels = Channels(rewriter)
        self._chosen: dict[Key, str] = {}   # the end of each token list's chosen text, as the provider sent it
        self._template: dict[str, Any] = {}
        self._last: SSEEvent | None = None
        self._marked = False

    def on_event(self, event: SSEEvent) -> list[SSEEvent]:
        if event.data.strip() == "[DONE]":
            return self._close(None, event) + [event]
        chunk = load_json(event)
        if chunk is None:
            return [event]
        self._template = {k: v for k, v in chunk.items()
                          if k not in ("choices", "usage", AI_GENERATED, "obfuscation")}
        self._last = event
        usage = openai_usage(chunk.get("usage"))
        if usage is not None:
            self.usage = usage
        changed = False
        if self.hide_usage and "usage" in chunk:
            if not chunk.get("choices"):
                return []
            del chunk["usage"]
            changed = True
        out: list[SSEEvent] = []
        for choice in dicts(chunk.get("choices")):
            index = choice.get("index", 0)
            ending = choice.get("finish_reason") is not None
            if isinstance(choice.get("delta"), dict):
                changed |= self._delta(index, choice["delta"], ending)
            changed |= self._logprobs(index, choice, ending)
            if ending:
                out.extend(self._close(index, event))
        if not self._marked:
            self._marked = changed = True
            chunk[AI_GENERATED] = True
        out.append(json_event(chunk, event) if changed else event)
        return out

    def close(self) -> list[SSEEvent]:
        return self._close(None, self._last) if self._last is not None else []

    def _delta(self, index: Any, delta: dict[str, Any], ending: bool) -> bool:
        """Rewrite one choice's delta in place; an ending delta also gets its channels' held-back text."""
        changed = self._feed(delta, "content", (index, "content"), ending)
        changed |= self._feed(delta, "refusal", (index, "refusal"), ending)
        for call in dicts(delta.get("tool_calls")):
            if isinstance(call.get("function"), dict):
                changed |= self._feed(call["function"], "arguments", (index, "tool", call.get("index", 0)),
                                      ending, in_json=True)
        if isinstance(delta.get("function_call"), dict):
            changed |= self._feed(delta["function_call"], "arguments", (index, "function_call"), ending, in_json=True)
        if isinstance(delta.get("audio"), dict):
            changed |= self._feed(delta["audio"], "transcript", (index, "audio"), ending)
        return rewrite_leaves(delta.get("annotations"), self._rewriter) | changed

    def _logprobs(self, index: Any, choice: dict[str, Any], ending: bool) -> bool:
        """A chunk's token strings through their own channels; an ending chunk carries what they held."""
        logprobs = choice.get("logprobs")
        if not isinstance(logprobs, dict) and not (ending and self._held_tokens(index)):
            return False
        if not isinstance(logprobs, dict):
            logprobs = choice["logprobs"] = {"content": []}
        changed = False
        for part in ("content", "refusal"):
            key = (index, "logprobs", part)
            if key not in self._channels and not isinstance(logprobs.get(part), list):
                continue
            read, self._chosen[key] = read_alternatives(logprobs.get(part), self._rewriter, self._chosen.get(key, ""))
            fed, tail = feed_tokens(self._channels, key, logprobs.get(part), ending)
            if tail:
                logprobs[part] = [*(logprobs.get(part) or []), tail_entry(tail)]
            changed |= read or fed or bool(tail)
        return changed

    def _held_tokens(self, index: Any) -> bool:
        return any(k[0] == index and k[1] == "logprobs" for k in self._channels.keys()  # noqa: SIM118
                   if isinstance(k, tuple))

    def _feed(self, holder: dict[str, Any], field: str, key: Key, ending: bool, *, in_json: bool = False) -> bool:
        text = holder.get(field)
        if not isinstance(text, str):
            return False
        new = self._channels.feed(key, text, in_json=in_json)
        if ending:
            new += self._channels.close(key)
        holder[field] = new
        return new != text

    def _close(self, index: Any, like: SSEEvent | None) -> list[SSEEvent]:
        """Extra chunks carrying what the channels of choice `index` (None: every choice) hold back."""
        out = []
        for key in self._channels.keys():  # noqa: SIM118 - Channels is not a dict
            assert isinstance(key, tuple)  # this adapter's channels are keyed (choice, part)
            if index is not None and key[0] != index:
                continue
            text = self._channels.close(key)
            if text and like is not None:
                out.append(extra_event(self._chunk(key, text), like, "message"))
        return out

    def _chunk(self, key: Key, text: str) -> dict[str, Any]:
        logprobs = None
        if key[1] == "logprobs":
            delta: dict[str, Any] = {}
            logprobs = {key[2]: [tail_entry(text)]}
        elif key[1] == "audio":
            delta = {"audio": {"transcript": text}}
        elif key[1] == "tool":
            delta = {"tool_calls": [{"index": key[2], "function": {"arguments": text}}]}
        elif key[1] == "function_call":
            delta = {"function_call": {"arguments": text}}
        else:
            delta = {key[1]: text}
        chunk = dict(self._template)
        choice: dict[str, Any] = {"index": key[0], "delta": delta, "finish_reason": None}
        if logprobs is not None:
            choice["logprobs"] = logprobs
        chunk["choices"] = [choice]
        if not self._marked:
            self._marked = True
            chunk[AI_GENERATED] = True
        return chunk
