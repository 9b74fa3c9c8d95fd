"""A streamed answer relayed event by event through the response chain.

Each upstream event goes through the adapter's stream rewriter (the same `ResponseText` as a plain
reply), is read for refused content every `CHECK_EVERY_CHARS` characters the client was sent, and is
written at once. Events that arrive together holding more than `OFF_LOOP_BYTES` (a provider's event of
a megabyte) are translated, recorded and rewritten in a thread, so the event loop keeps serving others. After the first byte an upstream failure ends the stream with a well-formed error
event in the caller's shape.
"""

from __future__ import annotations

import asyncio
import json
import re
import time

import aiohttp
from aiohttp import web

from gateway.adapters.coverage import opaque_blobs
from gateway.adapters.openai_chat import ChatStream, usage_asked
from gateway.errors import GatewayError, stream_error_event
from gateway.server.answer import client_headers, response_refusal
from gateway.server.call import Call, need
from gateway.upstream.sse import SSEEvent, SSEParser

OPAQUE_MARKERS = ('"signature"', '"encrypted_content"', '"redacted_thinking"')
# The events that end a stream as complete, in the caller's format (anything else at the end: cut short).
FINAL_EVENTS = ("message_stop", "response.completed", "response.incomplete", "response.failed", "error")
_FINAL_TYPE = re.compile(r'"type"\s*:\s*"(?:%s)"' % "|".join(re.escape(e) for e in FINAL_EVENTS))
CHECK_EVERY_CHARS = 160      # a stream is read for refused content every this many characters
OFF_LOOP_BYTES = 256 * 1024  # events arriving together bigger than this are rewritten in a thread (as plain answers)


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
    if translator is None and isinstance(events, ChatStream) and not usage_asked(need(call.envelope, "envelope").body):
        events.hide_usage = True   # the usage chunk was the gateway's request (forward.finish_body), not the client's

    tenant = need(call.principal, "the principal").tenant
    # the cassette keeps the answer as the response filters leave it, before pseudonyms are restored:
    # new restricted values masked, no value of the request put back
    recorded = call.adapter.stream_rewriter(call.recorded_reader()) \
        if exchange.recording is not None else None
    ended = False

    def rewrite(arrived: list[SSEEvent]) -> tuple[list[SSEEvent], list[SSEEvent]]:
        """The provider's events in the caller's format, recorded, and what the client is sent of them."""
        if translated is not None:
            arrived = [e for event in arrived for e in translated.on_event(event)]
        if recorded is not None:
            for event in arrived:
                for kept in recorded.on_event(SSEEvent(data=event.data, event=event.event, id=event.id)):
                    exchange.recording.add_event(kept)
        return arrived, [e for event in arrived for e in events.on_event(event)]

    def check(outgoing: list[SSEEvent]) -> GatewayError | None:
        """Whether the stream ended as complete; an event that is not this API's is an error."""
        nonlocal ended
        for event in outgoing:
            data = event.data.strip()
            if data == "[DONE]" or event.event in FINAL_EVENTS or _final_type(data):
                ended = True
            elif data and not data.startswith("{"):
                exchange.error_code = "upstream_invalid"
                return GatewayError(502, "upstream_invalid", "the provider's stream held an event that is not JSON")
        return None

    async def remember_blobs(outgoing: list[SSEEvent]) -> None:
        """Opaque blobs (signatures, encrypted reasoning) the client may send back later."""
        for event in outgoing:
            if any(marker in event.data for marker in OPAQUE_MARKERS):
                try:
                    found = opaque_blobs(json.loads(event.data))
                except ValueError:
                    continue
                await call.state.blobs.remember(tenant, found)

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
            if sum(len(event.data) for event in arrived) > OFF_LOOP_BYTES:
                arrived, outgoing = await asyncio.to_thread(rewrite, arrived)
            else:
                arrived, outgoing = rewrite(arrived)
            if call.turn is not None:
                for event in arrived:
                    call.turn.observe_event(event)
            if call.turn is not None:
                outgoing = [call.turn.relabel_event(e) for e in outgoing]
            refusal = refused(outgoing, final=False) or check(outgoing)
            if refusal is not None:
                await response.write(stream_error_event(family, refusal))
                await response.write_eof()
                return response
            if outgoing:
                await remember_blobs(outgoing)
                if ended and call.turn is not None:
                    await call.turn.save()   # before the final event: a client may send its next turn at once
                await response.write(b"".join(e.encode() for e in outgoing))
        closing = parser.close()
        if translated is not None:
            closing = [e for event in closing for e in translated.on_event(event)] + translated.close()
        if call.turn is not None:
            for event in closing:
                call.turn.observe_event(event)
        tail = [e for event in closing for e in events.on_event(event)] + events.close()
        if call.turn is not None:
            tail = [call.turn.relabel_event(e) for e in tail]
        refusal = refused(tail or [SSEEvent(data="")], final=True) or check(tail)
        if refusal is None and not ended:
            exchange.error_code = "upstream_stream_incomplete"
            refusal = GatewayError(502, "upstream_stream_incomplete", "the provider's stream ended without its "
                                   "final event; the answer may be incomplete")
            if tail:
                await response.write(b"".join(e.encode() for e in tail))
        if refusal is not None:
            await response.write(stream_error_event(family, refusal))
        elif tail:
            await remember_blobs(tail)
            if call.turn is not None:
                await call.turn.save()   # before the final event, as above
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
    if call.turn is not None:
        await call.turn.save()
    settling = call.settle() if call.settle is not None else None
    if settling is not None:
        await settling   # the stream's usage counted against its limits before the client sees its end
    await response.write_eof()
    return response


def _final_type(data: str) -> bool:
    """A JSON event whose type is one that ends a stream (Responses and Messages put it in the data)."""
    return data.startswith("{") and _FINAL_TYPE.search(data, 0, 300) is not None
