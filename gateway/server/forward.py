"""The chain's last step: the screened body sent upstream, and the answer through the response chain.

The response chain is the same for plain and streamed replies: the adapter's rewriter walks every
text the model wrote through the request's one `ResponseText` (pseudonyms restored, new restricted
values masked, the text kept for the use check), the use check reads that text for refused content,
and the adapter marks the reply as AI-generated.
"""

from __future__ import annotations

import json
import time
from typing import Any

import aiohttp
from aiohttp import web

from gateway.errors import GatewayError
from gateway.server.answer import client_headers, response_refusal
from gateway.server.call import Call, need
from gateway.server.relay import relay_stream
from gateway.upstream.client import BASE_FORWARDED_HEADERS, upstream_headers

async def forward(call: Call) -> web.StreamResponse:
    state, found, exchange = call.state, need(call.route, "the route"), call.exchange
    allow = BASE_FORWARDED_HEADERS + tuple(h.lower() for h in state.config.server.forward_headers)
    incoming = {k.lower(): v for k, v in call.request.headers.items()}
    headers = upstream_headers(found.provider, incoming, allow)
    payload = json.dumps(need(call.forwarded, "the forwarded body"), ensure_ascii=False).encode("utf-8")
    sent = time.monotonic()
    try:
        upstream = await call.links.client.send(found.provider, call.links.url(found, call.adapter.upstream_path),
                                                payload, headers)
    except GatewayError as error:
        exchange.upstream_s += time.monotonic() - sent
        state.metrics.upstream_errors.labels(found.provider.name, error.code).inc()
        raise
    exchange.upstream_s += time.monotonic() - sent
    state.metrics.upstream_latency.labels(found.provider.name).observe(time.monotonic() - sent)
    try:
        if upstream.status >= 500:
            state.metrics.upstream_errors.labels(found.provider.name, f"http_{upstream.status}").inc()
            raise GatewayError(502, "upstream_error",
                               f"the provider {found.provider.name!r} failed (HTTP {upstream.status})")
        if upstream.status != 200:
            raw = await upstream.read()   # the provider's own error, in this API's shape
            if exchange.recording is not None:
                exchange.recording.response = {"status": upstream.status, "body": _json_or_text(raw)}
            return web.Response(status=upstream.status, body=raw, headers=client_headers(upstream, call.headers),
                                content_type="application/json")
        if need(call.envelope, "the envelope").stream and upstream.content_type == "text/event-stream":
            return await relay_stream(call, upstream, sent)
        return await _reply(call, upstream)
    finally:
        upstream.close()


async def _reply(call: Call, upstream: aiohttp.ClientResponse) -> web.Response:
    exchange, replies = call.exchange, need(call.replies, "the response chain")
    waited = time.monotonic()
    raw = await upstream.read()
    exchange.upstream_s += time.monotonic() - waited
    try:
        reply = json.loads(raw)
    except ValueError:
        raise GatewayError(502, "upstream_invalid", "the provider's answer was not JSON") from None
    if exchange.recording is not None:
        exchange.recording.response = {"status": 200, "body": json.loads(raw)}
    usage = call.adapter.rewrite_response(reply, replies)
    if call.guard is not None:
        hit = call.guard.violation(replies.transcript())
        if hit is not None:
            exchange.violations.append({"clause": hit.clause, "category": hit.category, "action": "block",
                                        "stage": hit.stage})
            raise response_refusal(hit)
    call.adapter.mark_ai_generated(reply)
    exchange.input_tokens, exchange.output_tokens = usage.input_tokens, usage.output_tokens
    return web.Response(status=200, body=json.dumps(reply, ensure_ascii=False).encode("utf-8"),
                        headers=client_headers(upstream, call.headers), content_type="application/json")


def _json_or_text(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")
