"""Long texts are analysed in overlapping chunks (`gateway.analysis.chunks`), through the real service:
a value lying across a cut between two chunks is found whole, as it is in a short text."""

from __future__ import annotations

import asyncio
from pathlib import Path

from filters.text_analyzer import AnalyzerSpec
from gateway.analysis.chunks import JOB_CHARS, OVERLAP_CHARS, jobs_of, pieces_of
from gateway.analysis.pool import AnalysisItem, AnalysisService

FILLER = "The quarterly report shows that revenue grew in the northern region while costs fell. "
VALUES = ["maria.lopez@example.org", "4111 1111 1111 1111", "AKIAQ7XG4MZTN2VJ5BWE"]


def test_pieces_overlap_and_jobs_stay_small():
    pieces = pieces_of(0, 50_000)
    assert pieces[0].offset == 0 and pieces[-1].end == 50_000
    assert all(b.offset == a.end - OVERLAP_CHARS for a, b in zip(pieces, pieces[1:]))
    assert all(p.end - p.offset <= JOB_CHARS for p in pieces)
    jobs = jobs_of([100, 200, 50_000, 300])
    assert all(sum(p.end - p.offset for p in job) <= JOB_CHARS for job in jobs)
    assert sorted((p.item, p.offset) for job in jobs for p in job)[:2] == [(0, 0), (1, 0)]
    assert jobs_of([0, 0]) == [[pieces_of(0, 0)[0], pieces_of(1, 0)[0]]]   # empty texts are analysed too


def test_a_value_across_every_cut_is_found_whole():
    cuts = [p.end for p in pieces_of(0, 40_000)][:-1]
    text, placed = "", []
    for number, cut in enumerate(cuts):
        value = VALUES[number % len(VALUES)]
        # the value starts a few characters before the cut, so each chunk's edge falls inside it
        while len(text) < cut - len(value) // 2 - 1:
            text += FILLER[: max(1, min(len(FILLER), cut - len(value) // 2 - 1 - len(text)))]
        text += " "
        placed.append((len(text), len(text) + len(value), value))
        text += value + " "
    text += FILLER * 10

    async def analyse() -> list:
        service = AnalysisService(AnalyzerSpec(), workers=0, cache_entries=0, timeout_s=120)
        await service.start()
        try:
            analyses, _ = await service.analyse("acme", [AnalysisItem(text, None, "user", False)])
            return analyses
        finally:
            service.close()

    analysis = asyncio.run(analyse())[0]
    assert len(text) > 30_000 and len(placed) >= 5
    for start, end, value in placed:
        assert any(d.start <= start and d.end >= end for d in analysis.detections), value
    assert analysis.spans[0].start == 0 and analysis.spans[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(analysis.spans, analysis.spans[1:]))


def test_a_long_documents_use_check_reads_it_whole():
    """The use check judges a document as a whole (a request inside a long document counts for less):
    chunking for the detectors leaves its hits as they are on the whole text."""
    from filters.text_analyzer import TextAnalyzer
    from gateway.analysis.chunks import USE_CHARS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")[:USE_CHARS]
    spec = AnalyzerSpec()

    async def analyse() -> list:
        service = AnalysisService(spec, workers=0, cache_entries=0, timeout_s=300)
        await service.start()
        try:
            analyses, _ = await service.analyse("acme", [AnalysisItem(readme, None, "system", True)])
            return analyses
        finally:
            service.close()

    chunked = asyncio.run(analyse())[0]
    whole = TextAnalyzer(spec).analyse(readme, None, "system", "acme", True)
    assert len(readme) > JOB_CHARS * 10
    assert {(h.rule, h.start, round(h.score, 6)) for h in chunked.rule_hits} == \
        {(h.rule, h.start, round(h.score, 6)) for h in whole.rule_hits}
    assert {(d.entity, d.start, d.end) for d in whole.detections} <= \
        {(d.entity, d.start, d.end) for d in chunked.detections} | {(d.entity, d.start, d.end) for d in whole.detections
                                                                    if d.entity == "PERSON"}
