"""PDF document blocks read as text before the adapter parses the body, so that their text is
screened like any other (Anthropic messages and count_tokens).

`read_documents` (before `parse`) replaces each base64 PDF block that has a text layer with a text
document of that text (title, context, citations and cache_control kept) and remembers the original.
The decision treats that text like any other, plus `attachments.pdf` (refuse a PDF that holds
findings, or send it as a text document with the values masked). `restore_documents` (after
`rewrite`) carries out what it decided: a PDF whose text needed no edit goes out as it came.
PDFs without a text layer are left as they are: an unreadable document, refused by the policy.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import copy
from dataclasses import dataclass
from typing import Any

from filters.documents import pdf_text
from gateway.server.call import Call, need

Path = tuple[Any, ...]
PDF_APIS = ("anthropic.messages", "anthropic.count_tokens")


@dataclass(frozen=True)
class ReadDocument:
    path: Path                 # the block's place in the body
    original: dict[str, Any]   # the PDF block as the client sent it
    text: str                  # its extracted text

    @property
    def text_path(self) -> Path:
        return self.path + ("source", "data")


def _pdf_blocks(body: dict[str, Any]) -> list[tuple[Path, dict[str, Any]]]:
    found: list[tuple[Path, dict[str, Any]]] = []
    messages = body.get("messages")
    if not isinstance(messages, list):
        return found

    def walk(blocks: Any, path: Path) -> None:
        if not isinstance(blocks, list):
            return
        for index, block in enumerate(blocks):
            if not isinstance(block, dict):
                continue
            source = block.get("source")
            if block.get("type") == "document" and isinstance(source, dict) and source.get("type") == "base64" \
                    and source.get("media_type") == "application/pdf" and isinstance(source.get("data"), str):
                found.append((path + (index,), block))
            elif block.get("type") == "tool_result":
                walk(block.get("content"), path + (index, "content"))

    for index, message in enumerate(messages):
        if isinstance(message, dict):
            walk(message.get("content"), ("messages", index, "content"))
    return found


def _at(body: Any, path: Path) -> Any:
    for key in path:
        body = body[key]
    return body


def _put(body: Any, path: Path, value: Any) -> None:
    _at(body, path[:-1])[path[-1]] = value


async def read_documents(call: Call) -> None:
    if call.adapter.api not in PDF_APIS:
        return
    body = need(call.body, "the body")
    blocks = _pdf_blocks(body)
    if not blocks:
        return
    body = copy.deepcopy(body)
    for path, block in blocks:
        try:
            data = base64.b64decode(block["source"]["data"], validate=True)
        except (binascii.Error, ValueError):
            continue   # not base64: an unreadable document, refused by the policy
        text = await asyncio.to_thread(pdf_text, data)   # pypdf is CPU work: off the event loop
        if text is None:
            continue
        as_text = {k: v for k, v in block.items() if k != "source"}
        as_text["source"] = {"type": "text", "media_type": "text/plain", "data": text}
        _put(body, path, as_text)
        call.documents.append(ReadDocument(path, block, text))
    call.body = body


async def restore_documents(call: Call) -> None:
    """PDFs whose text goes out unedited are forwarded as the client sent them."""
    if not call.documents:
        return
    forwarded = need(call.forwarded, "the forwarded body")
    restored = copy.deepcopy(forwarded)
    for document in call.documents:
        try:
            sent = _at(restored, document.text_path)
        except (KeyError, IndexError, TypeError):
            continue
        if sent == document.text:
            _put(restored, document.path, document.original)
    call.forwarded = restored
    if call.exchange.recording is not None:
        call.exchange.recording.forwarded = restored
