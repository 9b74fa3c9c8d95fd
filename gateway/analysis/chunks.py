"""Texts cut into jobs of bounded size, and the analyses of a long text's chunks joined again.

Why: one analysis process runs one job at a time, and a job cannot be interrupted without killing the
process. Jobs of at most `JOB_CHARS` characters keep what another tenant waits for short (the costliest
text measured, digit runs, takes about 90 µs a character: a job is well under a second), and let one
long text be analysed by several processes at once.

A long text is cut into chunks that overlap by `OVERLAP_CHARS`, so a value shorter than that which lies
across a cut is seen whole by one of the two chunks. A finding that touches a cut is also stretched to
the next whitespace beyond it (a long token cut in two is masked whole, not up to the cut).

The use check (rules and classifier) reads a long text in chunks of `USE_CHARS` instead: it is cheap
per character (about 5 to 9 µs), and it judges a document as a whole (a restricted request inside a
long document counts for less), which small chunks would change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from filters.segments import Detection, RuleHit, Span, TextAnalysis

JOB_CHARS = 6_000        # characters of text in one job (several short texts, or one chunk)
OVERLAP_CHARS = 1_500    # characters two neighbouring chunks share
STRETCH_CHARS = 1_500    # how far a finding at a cut is stretched to reach whitespace
USE_CHARS = 200_000      # characters of one chunk of the use check (a long text's restricted uses)


@dataclass(frozen=True)
class Piece:
    """A text to analyse (a whole item or one chunk of it): which item, where in it, and for what:
    `all` (data classes, findings and uses), `detect` (data classes and findings) or `uses`."""

    item: int
    offset: int
    end: int
    kind: str = "all"


def _cut(index: int, length: int, size: int, kind: str) -> list[Piece]:
    step = size - OVERLAP_CHARS
    pieces: list[Piece] = []
    offset = 0
    while True:
        end = min(offset + size, length)
        pieces.append(Piece(index, offset, end, kind))
        if end == length:
            return pieces
        offset += step


def pieces_of(index: int, length: int, read_uses: bool = False) -> list[Piece]:
    """The chunks of item `index` of `length` characters: one piece when it fits a job."""
    if length <= JOB_CHARS:
        return [Piece(index, 0, length)]
    return _cut(index, length, JOB_CHARS, "detect") + (_cut(index, length, USE_CHARS, "uses") if read_uses else [])


def jobs_of(lengths: Sequence[int], read_uses: Sequence[bool] = ()) -> list[list[Piece]]:
    """The pieces of texts of these lengths grouped into jobs of at most JOB_CHARS characters each (a
    chunk of the use check is a job of its own)."""
    jobs: list[list[Piece]] = []
    size = 0
    for index, length in enumerate(lengths):
        for piece in pieces_of(index, length, bool(read_uses[index]) if read_uses else False):
            width = piece.end - piece.offset
            if not jobs or piece.kind == "uses" or (size + width > JOB_CHARS and jobs[-1]):
                jobs.append([])
                size = 0
            jobs[-1].append(piece)
            size += width
    return jobs


def _stretch(text: str, start: int, end: int, cut_left: int | None, cut_right: int | None) -> tuple[int, int]:
    if cut_right is not None and end >= cut_right:
        limit = min(len(text), end + STRETCH_CHARS)
        while end < limit and not text[end].isspace():
            end += 1
    if cut_left is not None and start <= cut_left:
        limit = max(0, start - STRETCH_CHARS)
        while start > limit and not text[start - 1].isspace():
            start -= 1
    return start, end


def join(text: str, chunks: Sequence[tuple[Piece, TextAnalysis]]) -> TextAnalysis:
    """One analysis of `text` from those of its chunks (in order): spans from the chunk that owns each
    stretch (cuts in the middle of the overlaps), every finding and rule hit of every chunk, in place."""
    if len(chunks) == 1 and chunks[0][0].offset == 0 and chunks[0][0].end == len(text):
        return chunks[0][1]
    spans: list[Span] = []
    detections: dict[tuple[str, int, int], Detection] = {}
    hits: dict[tuple[str, str, int, int, bool], RuleHit] = {}
    for piece, analysis in chunks:
        for hit in analysis.rule_hits:
            moved = replace(hit, start=hit.start + piece.offset, end=hit.end + piece.offset)
            hits.setdefault((hit.rule, hit.stage, moved.start, moved.end, hit.addressed), moved)
    found = [(piece, analysis) for piece, analysis in chunks if piece.kind != "uses"]
    for number, (piece, analysis) in enumerate(found):
        first, last = number == 0, number == len(found) - 1
        owned_from = 0 if first else (piece.offset + found[number - 1][0].end) // 2
        owned_to = len(text) if last else (found[number + 1][0].offset + piece.end) // 2
        shift = piece.offset
        for span in analysis.spans:
            start, end = max(span.start + shift, owned_from), min(span.end + shift, owned_to)
            if start < end:
                spans.append(replace(span, start=start, end=end))
        for detection in analysis.detections:
            start, end = _stretch(text, detection.start + shift, detection.end + shift,
                                  None if first else piece.offset, None if last else piece.end)
            detections.setdefault((detection.entity, start, end), replace(detection, start=start, end=end))
    ordered = sorted(detections.values(), key=lambda d: (d.start, d.end, d.entity))
    return TextAnalysis(spans=tuple(spans), detections=tuple(ordered), rule_hits=tuple(hits.values()))
