"""A streamed answer relayed event by event through the response chain.

Each upstream event goes through the adapter's stream rewriter (the same `ResponseText` as a plain
reply), is read for refused content every `CHECK_EVERY_CHARS` characters the client was sent, and is
written at once. After the first byte an upstream failure ends the stream with a well-formed error
event in the caller's shape.
"""

from __future__ import annotations

import asyncio
import json
import time

import aiohttp
from aiohttp import web

from gateway.adapters.coverage import opaque_blobs
from gateway.errors import GatewayError, stream_error_event
from gateway.server.answer import client_headers, response_refusal
from gateway.server.call import Call, need
from gateway.upstream.sse import SSEEvent, SSEParser

OPAQUE_MARKERS = ('"signature"', '"encrypted_content"', '"redacted_thinking"')
CHECK_EVERY_CHARS = 160      # a stream is read for refused content every this many characters


async def relay_stream(call: Call, upstream: aiohttp.ClientResponse, sent: float) -> web.StreamResponse:
    exchange, replies, guard = call.exchange, need(call.replies, "the response chain"), call.guard
    family = call.adapter.wire_format
    headers = client_headers(upstream, call.headers)
    headers.update({"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
    response = web.StreamResponse(status=200, headers=headers)
    await response.prepare(call.request)
    parser = SSEParser()
    events = call.adapter.stream_rewriter(replies)
    # a translated stream is put in the caller's event format first, event by event, so the response
    # chain reads it exactly as it reads an untranslated one
    translator = need(call.attempt, "the attempt").translator
    translated = translator.stream(need(call.envelope, "the envelope").body) if translator is not None else None

    tenant = need(call.principal, "the principal").tenant

    def remember_blobs(outgoing: list[SSEEvent]) -> None:
        """Opaque blobs (signatures, encrypted reasoning) the client may send back later."""
        for event in outgoing:
            if any(marker in event.data for marker in OPAQUE_MARKERS):
                try:
                    call.state.blobs.remember(tenant, opaque_blobs(json.loads(event.data)))
                except ValueError:
                    pass

    def refused(outgoing: list[SSEEvent], final: bool) -> GatewayError | None:
        if guard is None or not outgoing or (replies.written < CHECK_EVERY_CHARS and not final):
            return None
        hit = guard.violation(replies.transcript())
        if hit is None:
            return None
        exchange.violations.append({"clause": hit.clause, "category": hit.category, "action": "block",
                                    "stage": hit.stage})
        exchange.error_code = "response_refused"
        return response_refusal(hit)

    try:
        while True:
            waited = time.monotonic()
            chunk = await upstream.content.readany()
            exchange.upstream_s += time.monotonic() - waited
            if not chunk:
                break
            if exchange.first_token_s is None:
                exchange.first_token_s = time.monotonic() - sent
            arrived = parser.feed(chunk)
            if exchange.recording is not None:
                for event in arrived:
                    exchange.recording.add_event(event)
            if translated is not None:
                arrived = [e for event in arrived for e in translated.on_event(event)]
            outgoing = [e for event in arrived for e in events.on_event(event)]
            refusal = refused(outgoing, final=False)
            if refusal is not None:
                await response.write(stream_error_event(family, refusal))
                await response.write_eof()
                return response
            if outgoing:
                remember_blobs(outgoing)
                await response.write(b"".join(e.encode() for e in outgoing))
        closing = parser.close()
        if translated is not None:
            closing = [e for event in closing for e in translated.on_event(event)] + translated.close()
        tail = [e for event in closing for e in events.on_event(event)] + events.close()
        refusal = refused(tail or [SSEEvent(data="")], final=True)
        if refusal is not None:
            await response.write(stream_error_event(family, refusal))
        elif tail:
            remember_blobs(tail)
            await response.write(b"".join(e.encode() for e in tail))
    except (aiohttp.ClientPayloadError, aiohttp.ServerDisconnectedError, aiohttp.ClientOSError,
            TimeoutError) as error:
        if isinstance(error, ConnectionResetError) and call.request.transport is None:
            raise asyncio.CancelledError() from None
        exchange.error_code = "upstream_stream_cut"
        tail = events.close()
        await response.write(b"".join(e.encode() for e in tail) + stream_error_event(
            family, GatewayError(502, "upstream_stream_cut", "the provider's stream ended early")))
    exchange.input_tokens, exchange.output_tokens = events.usage.input_tokens, events.usage.output_tokens
    if translated is not None and not (exchange.input_tokens or exchange.output_tokens):
        # the caller's events may not carry usage (no include_usage); the provider's did
        exchange.input_tokens, exchange.output_tokens = translated.tokens
    await response.write_eof()
    return response
