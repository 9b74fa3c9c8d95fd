"""Reading a request body as JSON, strictly: one object, no duplicate keys, bounded depth."""

from __future__ import annotations

import json
import re
from typing import Any

from gateway.errors import GatewayError

MAX_DEPTH = 64


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            # the key is not named: a client-chosen key name may be the very value to keep out of errors
            raise GatewayError(400, "duplicate_key", "the JSON body has the same key twice in one object")
        out[key] = value
    return out


def _reject_constant(name: str) -> None:
    raise GatewayError(400, "invalid_json", f"the JSON body holds {name}, which is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise GatewayError(400, "invalid_json", "the JSON body holds a number too large for a double (such as 1e400)")
    return value


def _no_lone_surrogates(value: Any) -> None:
    """A \\ud800 escape without its pair decodes to a string no provider can be sent (nor UTF-8 hold)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise GatewayError(400, "invalid_json", "the JSON body holds a lone surrogate escape (\\ud800-\\udfff)") \
            from None


def _depth(value: Any, limit: int) -> int:
    """Depth of nesting (a container's members one level below it), iteratively so that a hostile body
    cannot exhaust the stack. Only containers are stacked: a member that is not one is counted where
    its container is read, so a long conversation's strings cost nothing here."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return depth
        deepest = max(deepest, depth)
        members = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        if members:
            deepest = max(deepest, depth + 1)
            stack.extend((v, depth + 1) for v in members if isinstance(v, (dict, list)))
    return deepest


# MAX_DEPTH + 1 openers in a row (each perhaps after a key): refused before the decoder recurses into
# them. The decoder would refuse it too, but only a thousand frames down, and a finalizer that the garbage
# collector runs meanwhile (a task's "destroyed but pending" report) then fails for want of stack.
_NESTED_OPENERS = re.compile(rb'(?:[\[{]\s*(?:"[^"\\]{0,256}"\s*:\s*)?){%d}' % (MAX_DEPTH + 1))


def parse_body(raw: bytes) -> dict[str, Any]:
    """The body as a JSON object; GatewayError 400 with a plain reason otherwise."""
    if not raw:
        raise GatewayError(400, "invalid_json", "the request body is empty; a JSON object is expected")
    openers = raw.count(b"[") + raw.count(b"{")
    if openers > MAX_DEPTH and _NESTED_OPENERS.search(raw):
        raise GatewayError(400, "too_deep", f"the JSON body nests deeper than {MAX_DEPTH} levels")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise GatewayError(400, "invalid_utf8", "the request body is not valid UTF-8") from None
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant,
                           parse_float=_finite)
    except GatewayError:
        raise
    except RecursionError:
        raise GatewayError(400, "too_deep", f"the JSON body nests deeper than {MAX_DEPTH} levels") from None
    except ValueError as error:
        reason = getattr(error, "msg", "malformed JSON")
        raise GatewayError(400, "invalid_json", f"the request body is not valid JSON: {reason}") from None
    if not isinstance(value, dict):
        raise GatewayError(400, "invalid_body", "the request body must be a JSON object")
    # n containers nest at most n deep, their members one below: fewer openers than MAX_DEPTH cannot be too deep
    if openers >= MAX_DEPTH and _depth(value, MAX_DEPTH) > MAX_DEPTH:
        raise GatewayError(400, "too_deep", f"the JSON body nests deeper than {MAX_DEPTH} levels")
    if "\\u" in text and re.search(r"\\u[dD][89a-fA-F]", text):
        _no_lone_surrogates(value)
    return value
