"""What the detectors' findings become: values a line break cuts in two, findings that need a neighbour,
and the non-overlapping detections that are masked.

Apart from the detector (it holds the spaCy model), so that the server process, which checks what a
model writes with the pattern recognizers only, never imports Presidio or spaCy.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import replace

from filters.recognizers.base import Finding
from filters.recognizers.context import TextContext
from filters.recognizers.disguise import Disguises
from filters.recognizers.phi import IDENTIFYING
from filters.recognizers.scanner import Scanner
from filters.segments import DataClass, Detection, Span


def split_values(scanner: Scanner, disguises: Disguises, ctx: TextContext) -> list[Finding]:
    """Values a line break cuts in two, found in the joined reading of each such break.

    Only the entities of `split_lines` and only findings across the break count: the rest of each
    window was read already."""
    entities = frozenset(disguises.config.split_lines.entities)
    spaced = frozenset(disguises.config.split_lines.spaced)
    found: list[Finding] = []
    config = ctx.window, ctx.window_after
    for start, at, after, joiner, joined in disguises.split_windows(ctx.text):
        join = at - start
        gap = after - at - len(joiner)
        window = TextContext(joined, [Span(0, len(joined), DataClass.INPUT, False, ctx.kind_at(at) or "prose")],
                             *config)
        for finding in scanner.scan(window):
            if finding.entity not in (spaced if joiner else entities) or \
                    not finding.start < join + len(joiner) <= finding.end - 1:
                continue
            if not joiner and _whole_before(scanner, joined[finding.start:join], finding.entity, config):
                continue   # a value ending its line (a cookie file's JWT), not cut by the break
            found.append(replace(finding, start=start + finding.start, end=start + finding.end + gap))
    return found


def _whole_before(scanner: Scanner, head: str, entity: str, config: tuple[int, int]) -> bool:
    """Whether the part before the break is a whole value of `entity` on its own."""
    window = TextContext(head, [Span(0, len(head), DataClass.INPUT, False, "prose")], *config)
    return any(f.entity == entity and f.start == 0 and f.end == len(head) for f in scanner.scan(window))


def _unit(ctx: TextContext, pos: int) -> tuple[int, int]:
    """The record a value belongs to: its table when it sits in one, else its span (else the text)."""
    index = ctx.span_index(pos)
    if index is None:
        return 0, len(ctx.text)
    table = next((t for t in ctx.tables(index) if t.header_start <= pos < t.end), None)
    return (table.header_start, table.end) if table is not None else (ctx.spans[index].start, ctx.spans[index].end)


def _supported(findings: list[Finding], ctx: TextContext, near_chars: int) -> list[Finding]:
    """Drops a security code with no card nearby, a field's condition with no person in its record."""
    needy = [f for f in findings if f.requires_near or f.requires_person]
    if not needy:
        return findings
    dropped: set[int] = set()
    people = sorted(f.start for f in findings if f.entity in IDENTIFYING)
    for _ in range(2):   # twice: a record number beside an NPI that is itself dropped goes too
        for finding in needy:
            if finding.requires_near and id(finding) not in dropped and not any(
                    other.entity in finding.requires_near and id(other) not in dropped
                    and other.start - near_chars <= finding.end and finding.start <= other.end + near_chars
                    for other in findings):
                dropped.add(id(finding))
    for finding in needy:
        if finding.requires_person:
            low, high = _unit(ctx, finding.start)
            at = bisect_left(people, low)
            if at == len(people) or people[at] >= high:
                dropped.add(id(finding))
    return [f for f in findings if id(f) not in dropped]


def _merge_same(findings: list[Finding]) -> list[Finding]:
    """Overlapping findings of one entity become one finding covering both."""
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.entity, f.start, -f.end)):
        last = merged[-1] if merged else None
        if last is not None and last.entity == finding.entity and finding.start < last.end:
            if finding.end > last.end or finding.priority > last.priority or finding.score > last.score:
                merged[-1] = Finding(last.entity, last.start, max(last.end, finding.end),
                                     max(last.score, finding.score), last.recognizer,
                                     max(last.priority, finding.priority))
            continue
        merged.append(finding)
    return merged


def _resolve(findings: list[Finding], threshold: float) -> list[Detection]:
    """Non-overlapping detections: higher priority first, then longer, then higher score."""
    candidates = [f for f in _merge_same([f for f in findings if f.score >= threshold]) if f.end > f.start]
    candidates.sort(key=lambda f: (-f.priority, -(f.end - f.start), -f.score, f.start))
    starts: list[int] = []
    ends: dict[int, int] = {}
    kept: list[Finding] = []
    for finding in candidates:
        index = bisect_left(starts, finding.start)
        if index < len(starts) and starts[index] < finding.end:
            continue
        if index > 0 and ends[starts[index - 1]] > finding.start:
            continue
        insort(starts, finding.start)
        ends[finding.start] = finding.end
        kept.append(finding)
    kept.sort(key=lambda f: (f.start, f.end))
    return [Detection(f.entity, f.start, f.end, round(f.score, 3), f.recognizer) for f in kept]
