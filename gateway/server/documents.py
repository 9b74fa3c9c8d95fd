"""PDF documents read as text before the adapter parses the body, so that their text is screened like
any other: Anthropic `document` blocks (messages and count_tokens), OpenAI chat `file` parts and
Responses `input_file` parts that carry the file inline (`file_data`, a base64 data URL).

`read_documents` (before `parse`) replaces each PDF that has a text layer with text the adapter reads
(an Anthropic text document, title, context, citations and cache_control kept; an OpenAI text part,
headed by the file's name) and remembers the original. The decision treats that text like any other,
plus `attachments.pdf` (refuse a PDF that holds findings, or send it as text with the values masked).
`restore_documents` (after `rewrite`) carries out what it decided: a PDF whose text needed no edit goes
out as it came. PDFs without a text layer, and files given by id, are left as they are: an unreadable
attachment, refused by the policy.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from filters.documents import pdf_text
from gateway.server.call import Call, need

Path = tuple[Any, ...]
PDF_APIS = ("anthropic.messages", "anthropic.count_tokens", "openai.chat", "openai.responses")
PDF_DATA_URL = "data:application/pdf;base64"


@dataclass(frozen=True)
class ReadDocument:
    path: Path                 # the block's place in the body
    original: dict[str, Any]   # the PDF block as the client sent it
    text: str                  # the text put in its place
    text_key: Path = ("source", "data")   # where that text is inside the block that replaced it

    @property
    def text_path(self) -> Path:
        return self.path + self.text_key


@dataclass(frozen=True)
class _Found:
    path: Path
    block: dict[str, Any]
    data: str                                       # base64
    as_text: Callable[[str], dict[str, Any]]        # the block that replaces it, given the PDF's text
    text_key: Path


def _anthropic_text(block: dict[str, Any]) -> Callable[[str], dict[str, Any]]:
    return lambda text: {**{k: v for k, v in block.items() if k != "source"},
                         "source": {"type": "text", "media_type": "text/plain", "data": text}}


def _openai_text(kind: str, filename: Any) -> Callable[[str], dict[str, Any]]:
    head = f"{filename}\n\n" if isinstance(filename, str) and filename else ""
    return lambda text: {"type": kind, "text": head + text}


def _inline_pdf(value: Any) -> str | None:
    """The base64 of an inline PDF: a PDF data URL, or bare base64 (read if it decodes to a PDF)."""
    if not isinstance(value, str):
        return None
    if value.startswith("data:"):
        head, _, data = value.partition(",")
        return data if head.lower() == PDF_DATA_URL else None
    return value


def _found(block: dict[str, Any], path: Path, api: str) -> _Found | None:
    kind, source = block.get("type"), block.get("source")
    if api.startswith("anthropic."):
        if kind == "document" and isinstance(source, dict) and source.get("type") == "base64" \
                and source.get("media_type") == "application/pdf" and isinstance(source.get("data"), str):
            return _Found(path, block, source["data"], _anthropic_text(block), ("source", "data"))
        return None
    if kind == "file" and isinstance(block.get("file"), dict):           # chat completions
        data = _inline_pdf(block["file"].get("file_data"))
        name = block["file"].get("filename")
        return _Found(path, block, data, _openai_text("text", name), ("text",)) if data else None
    if kind == "input_file":                                             # Responses
        data = _inline_pdf(block.get("file_data"))
        name = block.get("filename")
        return _Found(path, block, data, _openai_text("input_text", name), ("text",)) if data else None
    return None


def _pdf_blocks(body: dict[str, Any], api: str) -> list[_Found]:
    found: list[_Found] = []

    def walk(blocks: Any, path: Path) -> None:
        if not isinstance(blocks, list):
            return
        for index, block in enumerate(blocks):
            if not isinstance(block, dict):
                continue
            hit = _found(block, path + (index,), api)
            if hit is not None:
                found.append(hit)
            elif block.get("type") == "tool_result":
                walk(block.get("content"), path + (index, "content"))

    key = "input" if api == "openai.responses" else "messages"
    items = body.get(key)
    if not isinstance(items, list):
        return found
    for index, item in enumerate(items):
        if isinstance(item, dict):
            inner = "output" if item.get("type") == "function_call_output" else "content"
            walk(item.get(inner), (key, index, inner))
    return found


def _at(body: Any, path: Path) -> Any:
    for key in path:
        body = body[key]
    return body


def _put(body: Any, path: Path, value: Any) -> None:
    _at(body, path[:-1])[path[-1]] = value


async def read_documents(call: Call) -> None:
    if call.adapter.api not in PDF_APIS or call.remembered is not None:
        return   # a remembered body held no document (gateway.server.request_memo)
    body = need(call.body, "the body")
    blocks = _pdf_blocks(body, call.adapter.api)
    if not blocks:
        return
    body = copy.deepcopy(body)
    for found in blocks:
        try:
            data = base64.b64decode(found.data, validate=True)
        except (binascii.Error, ValueError):
            continue   # not base64: an unreadable document, refused by the policy
        text = await asyncio.to_thread(pdf_text, data)   # pypdf is CPU work: off the event loop
        if text is None:
            continue
        replacement = found.as_text(text)
        _put(body, found.path, replacement)
        call.documents.append(ReadDocument(found.path, found.block, _at(replacement, found.text_key),
                                           found.text_key))
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
