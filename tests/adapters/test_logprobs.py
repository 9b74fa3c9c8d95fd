"""Log probability tokens read joined: a value over several tokens is restored or masked whole, and every
token keeps the text it now carries (its bytes follow)."""

from __future__ import annotations

from filters.response.checks import NewFindingMasker
from filters.response.restore import ResponseText
from gateway.adapters.logprobs import rewrite_tokens

TOKEN = "<EMAIL_ADDRESS_0123456789abcdef>"
EMAIL = "maria.lopez@northwind-health.com"


def entries(*tokens: str) -> list[dict]:
    return [{"token": t, "logprob": -0.5, "bytes": list(t.encode()),
             "top_logprobs": [{"token": t, "logprob": -0.5, "bytes": list(t.encode())}]} for t in tokens]


def test_a_pseudonym_over_three_tokens_is_restored_in_the_first():
    tokens = entries("Mail ", TOKEN[:9], TOKEN[9:20], TOKEN[20:], " today")
    assert rewrite_tokens(tokens, ResponseText({TOKEN: EMAIL}))
    assert [t["token"] for t in tokens] == ["Mail ", EMAIL, "", "", " today"]
    assert all(bytes(t["bytes"]).decode() == t["token"] for t in tokens)
    assert tokens[0]["top_logprobs"] and tokens[4]["top_logprobs"]        # untouched tokens keep theirs
    assert not tokens[1]["top_logprobs"] and not tokens[2]["top_logprobs"]  # a value's pieces are dropped


def test_a_card_over_tokens_is_masked_and_clean_tokens_are_left_alone():
    reader = ResponseText({}, mask_new=NewFindingMasker())
    tokens = entries("Card", " 4111", " 1111", " 1111", " 1111", ".")
    assert rewrite_tokens(tokens, reader)
    joined = "".join(t["token"] for t in tokens)
    assert "4111" not in joined and "1111" not in joined and joined.startswith("Card ") and joined.endswith(".")
    clean = entries("Hello", " world")
    assert not rewrite_tokens(clean, reader) and clean == entries("Hello", " world")
