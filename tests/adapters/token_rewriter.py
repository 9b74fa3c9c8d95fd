"""A small ResponseRewriter for the adapter tests: known tokens become their values.

It stands in for the response filters (written elsewhere) so that these tests see only what the
adapters do: which texts they hand over, with which `in_json`, and where held-back text goes.
"""

from __future__ import annotations

import json

JANE = "<PERSON_3f9a2c71d04e8b65>"
ZOE = "<PERSON_0b7e5d11c2a94f38>"
MAIL = "<EMAIL_ADDRESS_0a1b2c3d4e5f6789>"
VALUES = {JANE: "Jane Doe", ZOE: 'Zoë "Z" O\'Neil', MAIL: "jane.doe@acme.example"}


class TokenRewriter:
    """Replaces each known token by its value (JSON-escaped inside JSON text); records what it saw."""

    def __init__(self, values: dict[str, str] | None = None) -> None:
        self.values = dict(VALUES if values is None else values)
        self.seen: list[tuple[str, bool]] = []

    def text(self, text: str, *, in_json: bool = False) -> str:
        self.seen.append((text, in_json))
        return self._replace(text, in_json)

    def stream(self, *, in_json: bool = False) -> TokenStream:
        return TokenStream(self, in_json)

    def _replace(self, text: str, in_json: bool) -> str:
        for token, value in self.values.items():
            text = text.replace(token, json.dumps(value, ensure_ascii=False)[1:-1] if in_json else value)
        return text


class TokenStream:
    """Holds back the longest tail that could still become a token."""

    def __init__(self, rewriter: TokenRewriter, in_json: bool) -> None:
        self._rewriter = rewriter
        self._in_json = in_json
        self._held = ""

    def feed(self, chunk: str) -> str:
        text = self._held + chunk
        longest = max(len(t) for t in self._rewriter.values)
        cut = len(text)
        for start in range(max(0, len(text) - longest), len(text)):
            if any(token.startswith(text[start:]) for token in self._rewriter.values):
                cut = start
                break
        self._held = text[cut:]
        return self._rewriter._replace(text[:cut], self._in_json)

    def flush(self) -> str:
        text, self._held = self._held, ""
        return self._rewriter._replace(text, self._in_json)
