"""The analysis result cache is bounded by bytes as well as entries (`analysis.cache_mb`): a server that
sees ever new texts (ticket numbers, fresh prompts) keeps at most that much, the least recently used
going first, so its memory levels off (make soak); what was analysed lately is still served cached."""

from __future__ import annotations

import asyncio

from filters.text_analyzer import AnalyzerSpec
from gateway.analysis.pool import AnalysisItem, AnalysisService

BOUND = 40_000   # bytes: room for a few dozen of these analyses


def item(number: int) -> AnalysisItem:
    return AnalysisItem(f"Ticket TK-{number}: mail maria.lopez@example.org about the refund.", None, "user", True)


def test_the_cache_keeps_at_most_its_bytes_and_the_latest_texts():
    async def run() -> tuple[list[int], int, int]:
        service = AnalysisService(AnalyzerSpec(), workers=0, cache_entries=100_000, timeout_s=120, cache_bytes=BOUND)
        await service.start()
        try:
            held = []
            for number in range(300):
                await service.analyse("acme", [item(number)])
                held.append(service.cache_bytes)
            _, latest_cached = await service.analyse("acme", [item(299)])
            _, first_cached = await service.analyse("acme", [item(0)])
            return held, latest_cached, first_cached
        finally:
            service.close()

    held, latest_cached, first_cached = asyncio.run(run())
    assert max(held) <= BOUND and held[-1] > BOUND // 2   # it fills, then stays within its bound
    assert latest_cached == 1 and first_cached == 0
