"""What every wire-format adapter provides: request envelopes out of bodies, and response rewriting."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from filters.segments import DataClass, Path, Segment
from gateway.upstream.sse import SSEEvent


class BadRequest(Exception):
    """The body cannot be read as this API's request: a 400 whose message names the field."""

    def __init__(self, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param


@dataclass(frozen=True)
class Attachment:
    """Binary content the gateway cannot read: the policy says whether it may be forwarded."""

    path: Path
    kind: str  # image | file | audio | document


@dataclass
class Envelope:
    """A request body taken apart: every text a provider will read, with its location."""

    api: str                      # openai.chat | openai.completions | openai.embeddings | openai.responses | anthropic.messages
    body: dict[str, Any]          # the body to forward (client-only fields such as x_data_class removed)
    segments: list[Segment]
    attachments: list[Attachment] = field(default_factory=list)
    model: str | None = None
    stream: bool = False


class StreamText(Protocol):
    """Rewrites one stream channel (one content block, one tool call's arguments...) piece by piece."""

    def feed(self, chunk: str) -> str:
        """The text that may be sent now; may hold back a possible pseudonym prefix."""

    def flush(self) -> str:
        """Whatever was held back, at the end of the channel."""


class ResponseRewriter(Protocol):
    """What the response filters do to text a model wrote (restore pseudonyms, mask new secrets)."""

    # The open end of the last field rewritten, which the next one is read as continuing (a value the
    # model writes across two fields); an adapter sets it when it rewrites a field's text a second time.
    carry: str

    def text(self, text: str, *, in_json: bool = False) -> str:
        """A complete text. `in_json`: the text is the inside of a JSON string literal (raw escapes)."""

    def stream(self, *, in_json: bool = False) -> StreamText:
        """A fresh rewriter for one streamed channel."""

    def alternative(self, before: str, token: str) -> str:
        """A token the model did not choose (`top_logprobs`) read after the chosen text `before` it."""


@dataclass
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0


class StreamRewriter(Protocol):
    """Rewrites a provider's event stream, event by event, for one response."""

    usage: Usage

    def on_event(self, event: SSEEvent) -> list[SSEEvent]:
        """The events to send the client for one upstream event (usually the same one, rewritten)."""

    def close(self) -> list[SSEEvent]:
        """Events to send when the upstream stream ends (held-back text, nothing otherwise)."""


class Adapter(Protocol):
    """One API route of one wire format, with the facts the server and the router need about it."""

    api: str                      # openai.chat, anthropic.messages, ...
    path: str                     # where clients call it: /v1/chat/completions
    upstream_path: str            # after the provider's base URL: /chat/completions
    wire_format: str              # openai | anthropic
    default_feature: str          # assistant | typeahead | embeddings, unless the model's route says
    stores_state: bool            # the provider keeps state unless the body says `store: false`
    stored_reference: str | None  # a body field that needs state kept at the provider

    def parse(self, body: dict[str, Any], header_class: DataClass | None) -> Envelope:
        """The envelope of a request body; BadRequest when it is not this API's request."""

    def write(self, envelope: Envelope, texts: list[str]) -> dict[str, Any]:
        """The body with each segment's text replaced by `texts[i]` (same order as segments)."""

    def rewrite_response(self, body: dict[str, Any], rewriter: ResponseRewriter) -> Usage:
        """Rewrite a non-streamed response body in place; return its usage figures."""

    def stream_rewriter(self, rewriter: ResponseRewriter) -> StreamRewriter:
        """A rewriter for one streamed response."""

    def mark_ai_generated(self, body: dict[str, Any]) -> None:
        """Add the AI-generated marking (AUP II.g) to a non-streamed response; never remove one."""
