"""Property-based tests over every route (issue 13): random and mutated bodies never give a 500 or a
traceback, every error is in the API's shape, and no string reaches the provider unread.

The bodies start from each API's reference shapes (`tests/adapters/request_bodies.py`, as the SDKs send
them) and are mutated: a value replaced by any JSON value, a key removed or added, a value or a key name
replaced by (or given) a canary, an email address. Whatever the mutation, either the gateway refuses
the request (4xx, and its error does not echo the canary) or the provider (the mock, which records what
it received) gets no raw canary: a string that was not analysed, nor checked as not text, would carry
it there. Examples are bounded and derandomized so that the suite stays fast and repeatable.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
import pytest
from adapters.request_bodies import BODIES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from serving import KEY, clear_mock, mock_requests

CANARY = "zq.canary@northwind-health.com"
ROUTES = {   # api: (path, model, body)
    "openai.chat": ("/v1/chat/completions", "gpt-4o", BODIES["openai.chat"][0]),
    "anthropic.messages": ("/v1/messages", "claude-sonnet-4-6", BODIES["anthropic.messages"][0]),
    "anthropic.count_tokens": ("/v1/messages/count_tokens", "claude-sonnet-4-6", BODIES["anthropic.messages"][0]),
    "openai.responses": ("/v1/responses", "gpt-4o", BODIES["openai.responses"][0]),
    "openai.completions": ("/v1/completions", "code-complete", BODIES["openai.completions"][0]),
    "openai.embeddings": ("/v1/embeddings", "text-embedding-3-small", BODIES["openai.embeddings"][0]),
}
STREAMED = ("openai.chat", "anthropic.messages", "openai.responses", "openai.completions")
EXAMPLES = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

leaf = st.none() | st.booleans() | st.integers(-2**53, 2**53) | st.floats(allow_nan=False, allow_infinity=False) \
    | st.text(max_size=24) | st.just(CANARY)
json_values = st.recursive(leaf, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


@pytest.fixture(scope="module")
def http(gateway):
    with httpx.Client(base_url=gateway.url, timeout=60,
                      headers={"Authorization": f"Bearer {KEY}", "x-api-key": KEY}) as client:
        yield client


def reference(api: str) -> dict[str, Any]:
    path, model, body = ROUTES[api]
    body = copy.deepcopy(body)
    body["model"] = model
    body.pop("stream", None)
    body.pop("stream_options", None)
    if api == "anthropic.count_tokens":
        body.pop("max_tokens", None)
    # what the gateway refuses by design (opaque blobs it did not relay, a text file as a data: URI, an
    # item it does not keep) and attachments it cannot read (audio, binary documents and files) are left
    # out, so that mutations start from a body that is served
    refused = ("thinking", "redacted_thinking", "web_search_tool_result", "file", "reasoning", "item_reference",
               "input_audio", "input_file")

    def kept(part: dict[str, Any]) -> bool:
        binary = part.get("type") == "document" and (part.get("source") or {}).get("type") == "base64"
        return part.get("type") not in refused and not binary
    if api in ("anthropic.messages", "anthropic.count_tokens", "openai.chat"):
        for message in body["messages"]:
            if isinstance(message["content"], list):
                message["content"] = [b for b in message["content"] if kept(b)]
    if api == "openai.responses":
        body["input"] = [item for item in body["input"] if kept(item)]
        for item in body["input"]:
            if isinstance(item.get("content"), list):
                item["content"] = [p for p in item["content"] if kept(p)]
    if api == "openai.completions":
        body["prompt"] = [p for p in body["prompt"] if isinstance(p, str)]
    return body


def containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every object and array inside `value` (itself included)."""
    found = [path] if isinstance(value, (dict, list)) else []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, item in items:
        found.extend(containers(item, path + (key,)))
    return found


def at(value: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        value = value[key]
    return value


@st.composite
def mutated(draw: st.DrawFn, api: str) -> dict[str, Any]:
    body = reference(api)
    if api in STREAMED and draw(st.booleans()):
        body["stream"] = True
    for _ in range(draw(st.integers(1, 3))):
        holder = at(body, draw(st.sampled_from(containers(body))))
        keys = list(holder) if isinstance(holder, dict) else list(range(len(holder)))
        how = draw(st.sampled_from(["replace", "canary", "append", "remove", "add", "key"]))
        if not keys or how == "add":
            if isinstance(holder, dict):
                holder[draw(st.text(max_size=8) | st.just(CANARY))] = draw(json_values)
            else:
                holder.append(draw(json_values))
            continue
        key = draw(st.sampled_from(keys))
        if how == "replace":
            holder[key] = draw(json_values)
        elif how == "canary":
            holder[key] = CANARY
        elif how == "append":
            holder[key] = f"{holder[key]} {CANARY}" if isinstance(holder[key], str) else [holder[key], CANARY]
        elif how == "remove":
            del holder[key]
        elif isinstance(holder, dict):   # a key name given the canary
            holder[f"{key}{CANARY}"] = holder.pop(key)
    return body


def check(http: httpx.Client, mock: Any, api: str, raw: bytes) -> None:
    clear_mock(mock)
    answer = http.post(ROUTES[api][0], content=raw, headers={"Content-Type": "application/json"})
    text = answer.text
    assert answer.status_code != 500 and "Traceback" not in text, text[:300]
    if answer.status_code >= 400:
        error = answer.json()
        assert isinstance(error.get("error"), dict) and error["error"].get("message"), text[:300]
        assert CANARY not in text
    for received in mock_requests(mock):
        assert CANARY not in json.dumps(received.get("json"), ensure_ascii=False), (api, raw[:300])


@pytest.mark.parametrize("api", sorted(ROUTES))
def test_mutated_reference_bodies(http, mock, api):
    @EXAMPLES
    @given(body=mutated(api))
    def run(body: dict[str, Any]) -> None:
        check(http, mock, api, json.dumps(body).encode())
    run()


@pytest.mark.parametrize("api", sorted(ROUTES))
def test_random_bodies(http, mock, api):
    @settings(EXAMPLES, max_examples=10)
    @given(body=json_values | st.dictionaries(st.sampled_from(["model", "messages", "input", "prompt", "x"]),
                                              json_values, max_size=4),
           garbage=st.binary(max_size=64))
    def run(body: Any, garbage: bytes) -> None:
        check(http, mock, api, json.dumps(body).encode())
        check(http, mock, api, garbage)
    run()



@pytest.mark.parametrize("api", sorted(ROUTES))
def test_the_reference_bodies_are_served(http, upstream, api):
    """The mutations start from a body the gateway serves (else every mutation would be a mere 400)."""
    assert http.post(ROUTES[api][0], json=reference(api)).status_code == 200
    assert mock_requests(upstream)
