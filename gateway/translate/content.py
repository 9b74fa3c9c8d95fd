"""Shared pieces of the OpenAI <-> Anthropic translations: images, documents, reasons, usage, sampling."""

from __future__ import annotations

import re
from typing import Any

from gateway.translate.base import Untranslatable

# Anthropic caps nothing by default, but `max_tokens` is required there; OpenAI callers often omit it.
DEFAULT_MAX_TOKENS = 4096
OPENAI_MAX_STOP = 4               # chat completions take at most four stop sequences

_DATA_URL = re.compile(r"data:(?P<type>[\w.+-]+/[\w.+-]+);base64,(?P<data>.*)", re.DOTALL)

# Anthropic stop_reason -> OpenAI finish_reason
FINISH_REASON = {
    "end_turn": "stop", "stop_sequence": "stop", "pause_turn": "stop", "max_tokens": "length",
    "model_context_window_exceeded": "length", "tool_use": "tool_calls", "refusal": "content_filter",
}
# OpenAI finish_reason -> Anthropic stop_reason
STOP_REASON = {
    "stop": "end_turn", "length": "max_tokens", "tool_calls": "tool_use", "function_call": "tool_use",
    "content_filter": "refusal",
}


def anthropic_image(url: Any, param: str) -> dict[str, Any]:
    """An OpenAI image URL (a data: URL or a web address) as an Anthropic image block."""
    if not isinstance(url, str) or not url:
        raise Untranslatable(param, f"{param} must be an image URL")
    match = _DATA_URL.fullmatch(url)
    if match:
        return {"type": "image", "source": {"type": "base64", "media_type": match["type"], "data": match["data"]}}
    if url.startswith(("https://", "http://")):
        return {"type": "image", "source": {"type": "url", "url": url}}
    raise Untranslatable(param, f"{param} must be a data: URL or an http(s) address")


def anthropic_pdf(file_data: Any, param: str) -> dict[str, Any]:
    """An OpenAI inline file (a PDF data URL) as an Anthropic document block."""
    match = _DATA_URL.fullmatch(file_data) if isinstance(file_data, str) else None
    if match is None or match["type"] != "application/pdf":
        raise Untranslatable(param, f"{param}: only inline PDF files (data:application/pdf;base64,...) translate "
                             "to Anthropic documents")
    return {"type": "document", "source": {"type": "base64", "media_type": "application/pdf",
                                           "data": match["data"]}}


def openai_image_url(source: Any, param: str) -> str:
    """An Anthropic image source as the URL an OpenAI image part carries."""
    if isinstance(source, dict) and source.get("type") == "base64":
        return f"data:{source.get('media_type')};base64,{source.get('data')}"
    if isinstance(source, dict) and source.get("type") == "url" and isinstance(source.get("url"), str):
        return str(source["url"])
    raise Untranslatable(param, f"{param}: only base64 and url image sources translate to OpenAI image parts")


def anthropic_to_openai_usage(usage: Any) -> dict[str, Any]:
    """Anthropic counts cached input apart from `input_tokens`; OpenAI's prompt tokens include it."""
    usage = usage if isinstance(usage, dict) else {}
    cached = int(usage.get("cache_read_input_tokens") or 0)
    written = int(usage.get("cache_creation_input_tokens") or 0)
    prompt = int(usage.get("input_tokens") or 0) + cached + written
    completion = int(usage.get("output_tokens") or 0)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion,
            "prompt_tokens_details": {"cached_tokens": cached, "cache_write_tokens": written}}


def openai_to_anthropic_usage(usage: Any) -> dict[str, Any]:
    usage = usage if isinstance(usage, dict) else {}
    details = usage.get("prompt_tokens_details") or usage.get("input_tokens_details") or {}
    cached = int(details.get("cached_tokens") or 0) if isinstance(details, dict) else 0
    prompt = int(usage.get("prompt_tokens", usage.get("input_tokens")) or 0)
    return {"input_tokens": max(prompt - cached, 0), "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": cached,
            "output_tokens": int(usage.get("completion_tokens", usage.get("output_tokens")) or 0)}


def text_of(content: Any, param: str, kinds: tuple[str, ...] = ("text",)) -> str:
    """A content given as a string or as text parts, as one string (for places that take only text)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if not isinstance(content, list):
        raise Untranslatable(param, f"{param} must be a string or an array of text parts")
    texts = []
    for index, part in enumerate(content):
        if not isinstance(part, dict) or part.get("type") not in kinds or not isinstance(part.get("text"), str):
            raise Untranslatable(f"{param}[{index}]", f"{param}[{index}]: only text parts translate here")
        texts.append(part["text"])
    return "\n".join(texts)
