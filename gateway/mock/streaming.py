"""Writing a stream of server-sent events, with the configured pacing and cut."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from aiohttp import web

from gateway.mock.call import MockCall
from gateway.upstream.sse import SSEEvent


async def send_events(request: web.Request, call: MockCall, events: Iterable[SSEEvent],
                      headers: dict[str, str] | None = None) -> web.StreamResponse:
    """Stream the events; record whether the stream completed, was cut, or the client went away."""
    settings, record = call.settings, call.record
    response = web.StreamResponse(status=200, headers={
        "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache", **(headers or {})})
    record.stream, record.status = True, 200
    delay = settings.event_delay_ms / 1000
    cut = settings.cut_after_events
    sent = 0
    try:
        await response.prepare(request)
        for event in events:
            if cut is not None and sent >= cut:
                record.stream_outcome = "cut"
                # Closing the socket before the final empty chunk: the client sees an incomplete body.
                if request.transport is not None:
                    request.transport.close()
                return response
            if delay and sent:
                await asyncio.sleep(delay)
            await response.write(event.encode())
            sent += 1
        # Every event is written: noted before the final chunk, which the client may finish reading (and a
        # test may look at this record) before this coroutine runs again.
        record.stream_outcome = "completed"
        await response.write_eof()
    except asyncio.CancelledError:
        record.stream_outcome = "cancelled"
        raise
    except ConnectionResetError:
        record.stream_outcome = "cancelled"
    return response
