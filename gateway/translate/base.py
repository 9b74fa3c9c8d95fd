"""What every translator is: four pure functions between a caller's API schema and a deployment's.

A translator is chosen by `pick` (in `__init__`) from the caller's API and the deployment's wire
format; it never reads or writes anything but the bodies it is given. Screening is not its business:
it runs on the caller's body, before translation, in the adapters.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from gateway.upstream.sse import SSEEvent


class Untranslatable(Exception):
    """A request field the target API has no equivalent for, where dropping it would change the meaning.

    Reported to the caller as a 400 whose `param` names the field.
    """

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


class UntranslatableReply(Exception):
    """A provider answer that cannot be put in the caller's shape (reported as a 502)."""


class StreamTranslator(Protocol):
    """Translates one streamed answer, event by event, into the caller's event format."""

    def on_event(self, event: SSEEvent) -> list[SSEEvent]:
        """The caller's events for one upstream event (often none, sometimes several)."""

    def close(self) -> list[SSEEvent]:
        """Events still owed to the caller when the upstream stream ends."""

    @property
    def tokens(self) -> tuple[int, int]:
        """(input, output) tokens the provider reported, whether or not the caller's events carry them."""


@dataclass(frozen=True)
class Translator:
    """One pair of API schemas, one direction for requests and the other for answers."""

    caller_api: str                                       # the API the client called, e.g. openai.chat
    target_api: str                                       # the API the deployment speaks
    request: Callable[[dict[str, Any]], dict[str, Any]]   # caller body -> target body (Untranslatable)
    response: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]  # (target reply, caller body)
    stream: Callable[[dict[str, Any]], StreamTranslator]  # caller body -> a fresh stream translator
    error: Callable[[int, Any], dict[str, Any]]           # (status, target error body) -> caller's body


def check_fields(body: dict[str, Any], translated: Iterable[str], ignored: Iterable[str],
                 where: str, target: str) -> None:
    """Every field is either translated or known to be harmless to ignore; anything else is refused.

    A field the translator does not know may change what the caller asked for, so it is never dropped
    silently.
    """
    known = set(translated) | set(ignored)
    for name, value in body.items():
        if name not in known and value is not None:   # null is how many clients say "not set"
            raise Untranslatable(f"{where}{name}", f"{where}{name} has no equivalent in the {target} API, "
                                 "so this request cannot be sent to a deployment that speaks it")


def parse_arguments(arguments: Any, param: str) -> dict[str, Any]:
    """A tool call's JSON arguments as the object Anthropic's `input` holds."""
    if isinstance(arguments, dict):
        return arguments
    if arguments in (None, ""):
        return {}
    try:
        value = json.loads(arguments)
    except (TypeError, ValueError):
        raise Untranslatable(param, f"{param} is not valid JSON; the target API needs the arguments as an "
                             "object") from None
    if not isinstance(value, dict):
        raise Untranslatable(param, f"{param} must be a JSON object")
    return value


def dumps(value: Any) -> str:
    """Compact JSON, as the providers send it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def json_event(value: dict[str, Any], event: str | None = None) -> SSEEvent:
    return SSEEvent(dumps(value), event=event)


def anthropic_tool_choice(choice: Any, named: str | None, parallel: Any, target: str) -> dict[str, Any] | None:
    """An OpenAI `tool_choice` (chat or Responses; `named`: the one function it names, read from its own
    shape) as Anthropic's; None when the default applies. `parallel_tool_calls: false` says so too."""
    if choice is None and parallel is not False:
        return None
    if choice in (None, "auto"):
        out: dict[str, Any] = {"type": "auto"}
    elif choice == "none":
        return {"type": "none"}
    elif choice == "required":
        out = {"type": "any"}
    elif named:
        out = {"type": "tool", "name": named}
    else:
        raise Untranslatable("tool_choice", f"tool_choice: only none, auto, required or one function translate "
                             f"to {target}")
    if parallel is False:
        out["disable_parallel_tool_use"] = True
    return out
