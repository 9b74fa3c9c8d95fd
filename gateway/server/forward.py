"""The chain's last step: the screened body sent to the route's deployments, and the answer through the
response chain.

The route's deployments are tried in the balancer's order (`gateway.upstream.fallback`); one that
speaks the other wire format gets the screened body through its translator, and its answer, plain or
streamed, is translated back into the caller's format before anything reads it. The response chain is
then the same for every answer: the adapter's rewriter walks every text the model wrote through the
request's one `ResponseText` (pseudonyms restored, new restricted values masked, the text kept for the
use check), the use check reads that text for refused content, and the adapter marks the reply as
AI-generated.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import json
import time
from typing import Any

import aiohttp
from aiohttp import web

from gateway import jsoncodec
from gateway.adapters.coverage import may_hold_opaque, opaque_blobs
from gateway.adapters.openai_chat import usage_asked
from gateway.errors import GatewayError
from gateway.server.answer import client_headers, response_refusal
from gateway.server.call import Call, need
from gateway.server.relay import relay_stream
from gateway.translate import UntranslatableReply
from gateway.upstream.client import BASE_FORWARDED_HEADERS, failed_after_sending
from gateway.upstream.deployments import Deployment
from gateway.upstream.fallback import Attempted, RouteSender

STORES_STATE = ("openai.chat", "openai.responses")   # OpenAI APIs that keep state unless told `store: false`
OFF_LOOP_BYTES = 256 * 1024   # answers bigger than this are read through the response chain in a thread



async def forward(call: Call) -> web.StreamResponse:
    state, found, exchange = call.state, need(call.route, "the route"), call.exchange
    metrics = state.metrics
    sender = RouteSender(call.links.client, state.health, call.links.base_urls,
                         on_fallback=lambda d, reason: metrics.fallbacks.labels(d.route, d.label, reason).inc(),
                         on_error=lambda d, kind: metrics.upstream_errors.labels(d.provider.name, kind).inc())
    allow = _forwarded_headers(tuple(state.config.server.forward_headers))
    incoming = {k.lower(): v for k, v in call.request.headers.items()}
    store_false = need(call.policy, "the policy").providers.openai_store_false

    def finish_body(body: dict[str, Any], target_api: str, deployment: Deployment) -> dict[str, Any]:
        """The fields the gateway sets on what a deployment receives, in that deployment's API."""
        body = {**body, "model": deployment.upstream_model}
        if store_false and target_api in STORES_STATE:
            body["store"] = False   # FAQ: providers retain nothing
        if (target_api == "openai.chat" and body.get("stream") is True and deployment.provider.stream_usage
                and not usage_asked(body)):
            # the provider's usage settles limits and spend, not an estimate; the relay hides it from a
            # client that did not ask (ChatStream.hide_usage)
            options = body.get("stream_options")
            body["stream_options"] = {**(options if isinstance(options, dict) else {}), "include_usage": True}
        return body

    sent = time.monotonic()
    try:
        attempt = await sender.send(found, call.adapter.api, need(call.forwarded, "the forwarded body"), incoming,
                                    allow, finish_body)
    finally:
        exchange.upstream_s += time.monotonic() - sent
    call.attempt = attempt
    _note_attempt(call, attempt)
    deployment, upstream = attempt.deployment, attempt.response
    metrics.child(metrics.upstream_latency, deployment.provider.name).observe(time.monotonic() - sent)
    try:
        return await _answer(call, attempt, sent)
    except aiohttp.ClientError:
        # the provider dropped the connection inside its answer's body (a stream's own cuts are handled
        # in the relay): it had the request, so it is a 502 that is not sent again
        metrics.upstream_errors.labels(deployment.provider.name, "body_cut").inc()
        call.exchange.error_code = "upstream_failed"
        raise failed_after_sending(deployment.provider) from None
    finally:
        upstream.close()
        sender.done(attempt)


async def _answer(call: Call, attempt: Attempted, sent: float) -> web.StreamResponse:
    """The deployment's answer (its status line and headers read) as the client gets it."""
    exchange, metrics = call.exchange, call.state.metrics
    deployment, upstream = attempt.deployment, attempt.response
    if 300 <= upstream.status < 400:
        metrics.upstream_errors.labels(deployment.provider.name, f"http_{upstream.status}").inc()
        raise GatewayError(502, "upstream_redirect",
                           f"the provider {deployment.provider.name!r} answered with a redirect, which is not followed")
    if upstream.status in (401, 407):
        # the provider refused the gateway's own key: its body may quote that key, so it goes nowhere
        await upstream.read()
        metrics.upstream_errors.labels(deployment.provider.name, f"http_{upstream.status}").inc()
        if exchange.recording is not None:
            exchange.recording.response = {"status": upstream.status, "body": None, "replaced": True}
        raise GatewayError(502, "upstream_auth_failed",
                           f"the provider {deployment.provider.name!r} refused this gateway's credentials; "
                           "an operator must check its API key")
    if upstream.status != 200:
        # The provider's own error (429 and 5xx included) with its status and Retry-After: the
        # client's SDK knows how to wait and retry, and its retries are the only ones.
        if upstream.status >= 500 or upstream.status == 429:
            metrics.upstream_errors.labels(deployment.provider.name, f"http_{upstream.status}").inc()
        raw = await upstream.read()
        body = _json_or_text(raw)
        if exchange.recording is not None:
            exchange.recording.response = {"status": upstream.status, "body": body}
        if not isinstance(body, dict):   # not the API's error shape (a proxy's page): put it in ours
            raise GatewayError(upstream.status, "upstream_error",
                               f"the provider {deployment.provider.name!r} answered HTTP {upstream.status}",
                               headers=client_headers(upstream, {}))
        if attempt.translator is not None:
            raw = json.dumps(attempt.translator.error(upstream.status, body)).encode("utf-8")
        return web.Response(status=upstream.status, body=raw, headers=client_headers(upstream, call.headers),
                            content_type="application/json")
    if need(call.envelope, "the envelope").stream:
        if upstream.content_type != "text/event-stream":
            raise GatewayError(502, "upstream_invalid", "the provider answered a stream request without a stream")
        return await relay_stream(call, upstream, sent)
    return await _reply(call, upstream, attempt)


@functools.lru_cache(maxsize=8)
def _forwarded_headers(configured: tuple[str, ...]) -> tuple[str, ...]:
    """The client headers a provider gets: those of every request and the config's, lower-case."""
    return BASE_FORWARDED_HEADERS + tuple(h.lower() for h in configured)


def _note_attempt(call: Call, attempt: Attempted) -> None:
    exchange = call.exchange
    exchange.provider = attempt.deployment.provider.name
    exchange.deployment = attempt.deployment.label
    exchange.fallbacks = attempt.fallbacks
    if attempt.translator is not None:
        exchange.translated = f"{attempt.translator.caller_api}->{attempt.translator.target_api}"
        call.state.metrics.translations.labels(attempt.translator.caller_api, attempt.translator.target_api).inc()


async def _reply(call: Call, upstream: aiohttp.ClientResponse, attempt: Attempted) -> web.Response:
    exchange = call.exchange
    waited = time.monotonic()
    raw = await upstream.read()
    exchange.upstream_s += time.monotonic() - waited
    if len(raw) > OFF_LOOP_BYTES:
        # a big answer takes seconds to read through: on the loop it would stall every other request
        # (and /healthz); in a thread the loop keeps serving meanwhile
        reply, body = await asyncio.to_thread(_checked_reply, call, raw, attempt)
    else:
        reply, body = _checked_reply(call, raw, attempt)
    # opaque blobs the client may send back: an untranslated answer whose bytes name no opaque key holds none
    if attempt.translator is not None or may_hold_opaque(raw):
        await call.state.blobs.remember(need(call.principal, "the principal").tenant, opaque_blobs(reply))
    if call.turn is not None:
        call.turn.relabel(reply)
        await call.turn.save()
        body = jsoncodec.dumps(reply)
    return web.Response(status=200, body=body, headers=client_headers(upstream, call.headers),
                        content_type="application/json")


def _checked_reply(call: Call, raw: bytes, attempt: Attempted) -> tuple[dict[str, Any], bytes]:
    """The answer through the response chain (no I/O: it may run in a thread), and its bytes."""
    exchange, replies = call.exchange, need(call.replies, "the response chain")
    try:
        reply = json.loads(raw)
    except ValueError:
        raise GatewayError(502, "upstream_invalid", "the provider's answer was not JSON") from None
    if not isinstance(reply, dict) or reply.get("type") == "error" or (
            "error" in reply and not any(reply.get(k) for k in ("choices", "content", "output", "data"))):
        raise GatewayError(502, "upstream_invalid", "the provider answered 200 with an error or an unknown body")
    if attempt.translator is not None:
        try:
            reply = attempt.translator.response(reply, need(call.envelope, "the envelope").body)
        except UntranslatableReply as error:
            raise GatewayError(502, "upstream_invalid",
                               f"the provider's answer could not be translated: {error}") from None
    if exchange.recording is not None:
        # kept as the response filters leave it before pseudonyms are restored: never raw, never restored
        kept = json.loads(json.dumps(reply))
        call.adapter.rewrite_response(kept, call.recorded_reader())
        exchange.recording.response = {"status": 200, "body": kept}
    if call.turn is not None:
        call.turn.observe(copy.deepcopy(reply))   # the provider's own text: what the conversation store keeps
    usage = call.adapter.rewrite_response(reply, replies)
    if call.guard is not None:
        hit = call.guard.violation(replies.transcript())
        if hit is not None:
            exchange.violations.append({"clause": hit.clause, "category": hit.category, "action": "block",
                                        "stage": hit.stage})
            raise response_refusal(hit)
    call.adapter.mark_ai_generated(reply)
    exchange.input_tokens, exchange.output_tokens = usage.input_tokens, usage.output_tokens
    return reply, jsoncodec.dumps(reply) if call.turn is None else b""


def _json_or_text(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")
