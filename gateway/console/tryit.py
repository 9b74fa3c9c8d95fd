"""Try it: a text screened for a chosen tenant exactly as `magic-gateway scan` screens an input line.

The line is built and read by scan's own functions and screened by the running gateway's Screener,
so what the page shows is what scan prints and what the provider would receive (a value the policy
lets through as typed, in shadow mode or by an `allow` action, is named instead of shown). The input is never
stored or logged: it lives in this request's memory only (the analysis cache keys on a digest of it)
and no record, counter or log line is written for it. The answer never echoes it: it carries the
forwarded text (edits applied) cut into pieces by data class and edit, and offsets into the input.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from filters.redact.render import resolve
from filters.segments import DataClass, Span
from gateway.cli.scan import _refused as scan_refused
from gateway.cli.scan import _request as scan_request
from gateway.cli.scan import _result as scan_result
from gateway.config import FEATURES

if TYPE_CHECKING:
    from gateway.server.state import GatewayState

MAX_CHARS = 100_000
# What an edit leaves in the forwarded text (filters.pseudonyms): a pseudonym, a keyed hash, a typed
# mask, or a drop marker (with its line end when the dropped stretch had one).
_REPLACEMENT = re.compile(r"<[A-Z][A-Z0-9_]*_[0-9a-f]+>|\[[A-Z][A-Z0-9_]*(?::h:[0-9a-f]+| removed)?\]\n?")


class TryItError(ValueError):
    pass


@dataclass(frozen=True)
class TryItInput:
    text: str
    tenant: str
    data_class: str | None = None
    feature: str = "assistant"

    @classmethod
    def parse(cls, form: Any, tenants: list[str]) -> TryItInput:
        text = form.get("text")
        if not isinstance(text, str) or not text.strip():
            raise TryItError("type a text to screen")
        if len(text) > MAX_CHARS:
            raise TryItError(f"the text is longer than {MAX_CHARS} characters")
        tenant = form.get("tenant") or (tenants[0] if tenants else "")
        if tenant not in tenants:
            raise TryItError("choose one of the configured tenants")
        data_class = form.get("data_class") or None
        if data_class is not None and data_class not in {c.value for c in DataClass}:
            raise TryItError("choose a data class from the list, or none")
        feature = form.get("feature") or "assistant"
        if feature not in FEATURES:
            raise TryItError("choose a feature from the list")
        return cls(text, tenant, data_class, feature)


def tenants_of(state: GatewayState) -> list[str]:
    config = state.config
    return sorted({k.tenant for k in config.keys} | set(config.tenants))


def _class_at(spans: list[Span], offset: int) -> str:
    for span in spans:
        if span.start <= offset < span.end:
            return span.data_class.value
    return spans[-1].data_class.value if spans else "input"


def pieces(text: str, spans: list[Span], edits: list[Any], findings: list[Any],
           forwarded: str) -> list[dict[str, Any]] | None:
    """The forwarded text cut where the data class changes and around each edit; None if it cannot be
    lined up with the input (then the page shows no text). A finding the policy lets through as typed
    (shadow mode, an `allow` action) is shown as a placeholder naming it, never as its value."""
    out: list[dict[str, Any]] = []
    applied = resolve(text, edits)
    as_typed = [f for f in findings
                if f.start < f.end and not any(e.start < f.end and f.start < e.end for e in applied)]
    cursor_in = cursor_out = 0

    def plain(start: int, end: int) -> None:
        nonlocal cursor_out
        bounds = [(s.start, s.end) for s in spans] + [(f.start, f.end) for f in as_typed]
        cuts = sorted({start, end, *(b for a, z in bounds for b in (a, z) if start < b < end)})
        for a, b in itertools.pairwise(cuts):
            piece = forwarded[cursor_out:cursor_out + b - a]
            cursor_out += b - a
            finding = next((f for f in as_typed if f.start <= a < f.end), None)
            if finding is None:
                out.append({"text": piece, "data_class": _class_at(spans, a), "edit": None})
            elif not out or out[-1]["edit"] is None or out[-1]["edit"].get("start") != finding.start:
                out.append({"text": f"[{finding.entity} as typed]", "data_class": _class_at(spans, a),
                            "edit": {"entity": finding.entity, "action": "as typed", "start": finding.start}})

    for edit in applied:
        plain(cursor_in, edit.start)
        match = _REPLACEMENT.match(forwarded, cursor_out)
        if match is None:
            return None
        out.append({"text": match.group(), "data_class": _class_at(spans, edit.start),
                    "edit": {"entity": edit.entity, "action": edit.action}})
        cursor_out = match.end()
        cursor_in = edit.end
    plain(cursor_in, len(text))
    if cursor_out != len(forwarded):
        return None
    for piece in out:
        if piece["edit"]:
            piece["edit"].pop("start", None)
    return out


async def try_it(state: GatewayState, item: TryItInput) -> dict[str, Any]:
    line = json.dumps({"text": item.text, "tenant": item.tenant, "data_class": item.data_class,
                       "feature": item.feature})
    try:
        segment, tenant, context = scan_request(line, state.config, set(tenants_of(state)))
    except ValueError as error:
        raise TryItError(str(error)) from None
    answer: dict[str, Any] = {"tenant": tenant, "mode": context.mode, "feature": item.feature,
                              "data_class": item.data_class, "input_chars": len(item.text), "pieces": None}
    refusal = state.screener.admit(context)
    if refusal is not None:   # refused before analysis (a feature switched off), as scan reports it
        return {**answer, **scan_refused(refusal)}
    screened = await state.screener.screen(tenant, [segment], [], context)
    result = scan_result(screened)
    answer.update(action=result["action"], spans=result["spans"], findings=result["findings"],
                  violations=result["violations"], text=None)
    if result["text"] is not None:
        verdict = screened.verdict.segments[0]
        cut = pieces(segment.text, verdict.spans, verdict.forwarded_edits, verdict.findings, result["text"])
        answer["pieces"] = cut
        # Exactly scan's text when every finding is edited; values forwarded as typed are named, not shown.
        answer["text"] = "".join(p["text"] for p in cut) if cut is not None else None
        answer["values_as_typed"] = sum(1 for p in cut or [] if p["edit"] and p["edit"]["action"] == "as typed")
    return answer
