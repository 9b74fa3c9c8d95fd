"""The shipped response rewriter (`filters.response.restore.ResponseText`) with a few known tokens.

`RecordingRewriter` is that very class, noting which texts an adapter hands it and with which
`in_json`, so that these tests see what the adapters do with the real restoration behind them.
"""

from __future__ import annotations

from filters.response.restore import ResponseText

JANE = "<PERSON_3f9a2c71d04e8b65>"
ZOE = "<PERSON_0b7e5d11c2a94f38>"
MAIL = "<EMAIL_ADDRESS_0a1b2c3d4e5f6789>"
VALUES = {JANE: "Jane Doe", ZOE: 'Zoë "Z" O\'Neil', MAIL: "jane.doe@acme.example"}


class RecordingRewriter(ResponseText):
    def __init__(self, values: dict[str, str] | None = None) -> None:
        super().__init__(VALUES if values is None else values)
        self.seen: list[tuple[str, bool]] = []

    def text(self, text: str, *, in_json: bool = False) -> str:
        self.seen.append((text, in_json))
        return super().text(text, in_json=in_json)
