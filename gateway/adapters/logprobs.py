"""Log probabilities: the model's text again, one token string at a time, read like the text itself.

A value the model writes (a card, a pseudonym of the request) is spread over several tokens, so the
tokens are read joined: in a complete answer the joined text is rewritten whole and the new text is
given back to the tokens it came from (a replaced span to the first of its tokens, the others left
empty; their `bytes` follow, and their alternatives in `top_logprobs`, which could hold the same
value's pieces, are dropped); in a stream they go through a channel of their own, as the text does.

The alternatives in `top_logprobs` are what the model could have written instead, so each is read after
the chosen text before it (`ResponseRewriter.alternative`: the last characters of the chosen tokens, as
the provider sent them): one that would complete a restricted value (the card's last digit) is masked.
Nothing is restored into an alternative: it is never the text the client is given.
"""

from __future__ import annotations

from collections.abc import Hashable
from difflib import SequenceMatcher
from typing import Any

from gateway.adapters.base import ResponseRewriter
from gateway.adapters.response_walk import Channels, dicts


def _set_token(entry: dict[str, Any], token: str, *, replaced: bool) -> None:
    entry["token"] = token
    if entry.get("bytes") is not None:
        entry["bytes"] = list(token.encode("utf-8"))
    if replaced and entry.get("top_logprobs"):
        entry["top_logprobs"] = []


KEEP_EQUAL = 8   # a shorter run the texts share between two changes is part of the change ("a" in both)


def _spans(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """How `new` differs from `old`: equal runs and whole replaced spans, as difflib's opcodes, with the
    few characters a replaced value happens to share with what replaced it counted as replaced."""
    codes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    merged: list[tuple[str, int, int, int, int]] = []
    for position, (tag, i1, i2, j1, j2) in enumerate(codes):
        inner = 0 < position < len(codes) - 1
        if tag == "equal" and (not inner or i2 - i1 >= KEEP_EQUAL):
            merged.append((tag, i1, i2, j1, j2))
        elif merged and merged[-1][0] == "replace":
            _, first_i, _, first_j, _ = merged[-1]
            merged[-1] = ("replace", first_i, i2, first_j, j2)
        else:
            merged.append(("replace", i1, i2, j1, j2))
    return merged


def rewrite_tokens(value: Any, rewriter: ResponseRewriter) -> bool:
    """A complete answer's list of token entries (`{"token", "logprob", "bytes", "top_logprobs"}`),
    rewritten in place as one text; whether anything changed."""
    entries = [e for e in dicts(value) if isinstance(e.get("token"), str)]
    tokens = [e["token"] for e in entries]
    joined = "".join(tokens)
    if not joined:
        return False
    new = rewriter.text(joined)
    if new == joined:
        return False
    owner: list[int] = []   # the entry each character of `joined` belongs to
    for index, token in enumerate(tokens):
        owner.extend([index] * len(token))
    pieces = [""] * len(entries)
    replaced = [False] * len(entries)
    for tag, i1, i2, j1, j2 in _spans(joined, new):
        if tag == "equal":
            for k in range(i2 - i1):
                pieces[owner[i1 + k]] += new[j1 + k]
            continue
        first = owner[min(i1, len(owner) - 1)]
        pieces[first] += new[j1:j2]
        for index in {owner[k] for k in range(i1, i2)} | {first}:
            replaced[index] = True
    for entry, piece, was_replaced in zip(entries, pieces, replaced):
        if piece != entry["token"] or was_replaced:
            _set_token(entry, piece, replaced=was_replaced)
    return True


ALTERNATIVE_CONTEXT = 64   # chosen characters an alternative is read after (a stream's VALUE_CAP)


def read_alternatives(value: Any, rewriter: ResponseRewriter, before: str = "") -> tuple[bool, str]:
    """The `top_logprobs` of a list of token entries, each alternative read after the chosen text before
    it (`before`: the chosen text of earlier events of a stream), in place; whether anything changed,
    and the chosen text's end for the next list."""
    changed = False
    for entry in dicts(value):
        for alternative in dicts(entry.get("top_logprobs")):
            token = alternative.get("token")
            if isinstance(token, str) and token:
                new = rewriter.alternative(before, token)
                if new != token:
                    alternative["token"] = new
                    if alternative.get("bytes") is not None:
                        alternative["bytes"] = list(new.encode("utf-8"))
                    changed = True
        chosen = entry.get("token")
        if isinstance(chosen, str):
            before = (before + chosen)[-ALTERNATIVE_CONTEXT:]
    return changed, before


def rewrite_entries(value: Any, rewriter: ResponseRewriter) -> bool:
    """A complete answer's token entries: the alternatives read (against the chosen tokens as the
    provider sent them), then the chosen tokens rewritten as one text."""
    changed, _ = read_alternatives(value, rewriter)
    return rewrite_tokens(value, rewriter) | changed


def rewrite_logprobs(logprobs: Any, rewriter: ResponseRewriter) -> bool:
    """A chat choice's `logprobs` (`content` and `refusal` token lists) rewritten in place."""
    if not isinstance(logprobs, dict):
        return False
    changed = rewrite_entries(logprobs.get("content"), rewriter)
    return rewrite_entries(logprobs.get("refusal"), rewriter) | changed


def feed_tokens(channels: Channels, key: Hashable, value: Any, ending: bool) -> tuple[bool, str]:
    """A streamed list of token entries through its channel; whether it changed, and (when `ending`)
    the channel's held-back text, which the caller sends as one more entry."""
    changed = False
    for entry in dicts(value):
        token = entry.get("token")
        if isinstance(token, str):
            new = channels.feed(key, token)
            if new != token:
                _set_token(entry, new, replaced=False)
                changed = True
    return changed, channels.close(key) if ending else ""


def tail_entry(text: str) -> dict[str, Any]:
    """The entry that carries a token channel's held-back text at the end of a stream."""
    return {"token": text, "logprob": 0.0, "bytes": list(text.encode("utf-8")), "top_logprobs": []}
