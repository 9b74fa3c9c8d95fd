"""The request flow: auth -> adapter.parse -> screening -> adapter.write -> upstream -> response filters."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from aiohttp import web

from filters.policy.decision import RequestContext, Verdict
from filters.response.checks import ResponseUseGuard, text_leaves
from filters.response.restore import ResponseText
from filters.segments import DataClass, Segment
from gateway.adapters import ADAPTERS
from gateway.adapters.base import Adapter, BadRequest, Envelope
from gateway.observability.audit import AuditUnavailable
from gateway.server.app import REQUEST_ID, STATE, GatewayState, api_family
from gateway.server.errors import GatewayError, error_response, stream_error_event
from gateway.observability.exchange import Exchange
from gateway.server.body import parse_body
from gateway.observability.finish import finish_exchange
from gateway.upstream.routing import Route
from gateway.analysis.screener import Screened, Screener, provider_traits
from gateway.upstream.sse import SSEParser
from gateway.upstream.client import BASE_FORWARDED_HEADERS, upstream_headers

log = logging.getLogger("magic_gateway")

API_ROUTES = {
    "/v1/chat/completions": "openai.chat",
    "/v1/completions": "openai.completions",
    "/v1/embeddings": "openai.embeddings",
    "/v1/responses": "openai.responses",
    "/v1/messages": "anthropic.messages",
}
UPSTREAM_PATH = {api: path.removeprefix("/v1") for path, api in API_ROUTES.items()}
RELAYED_RESPONSE_HEADERS = ("retry-after", "retry-after-ms", "openai-processing-ms", "x-ai-generated")
RELAYED_PREFIXES = ("x-ratelimit-", "anthropic-ratelimit-")
TYPEAHEAD_OFF_CLAUSE = "FAQ: Can I turn off Hex Magic Typeahead but keep Magic turned on?"


def handler(api: str) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def handle(request: web.Request) -> web.StreamResponse:
        state = request.app[STATE]
        exchange = Exchange(request_id=request[REQUEST_ID], route=api)
        state.metrics.in_flight.inc()
        response: web.StreamResponse | None = None
        try:
            response = await _proxy(request, state, api, exchange)
            return response
        except GatewayError as error:
            exchange.status, exchange.error_code = error.status, error.code
            if error.clause and exchange.outcome is None:
                exchange.outcome = "block"
            raise
        except asyncio.CancelledError:
            exchange.status = 499  # the client went away
            raise
        finally:
            if response is not None and not exchange.status:
                exchange.status = response.status
            state.metrics.in_flight.dec()
            finish_exchange(state, exchange)
    return handle


async def _proxy(request: web.Request, state: GatewayState, api: str, exchange: Exchange) -> web.StreamResponse:
    principal = state.keyring.authenticate(request.headers)
    exchange.tenant, exchange.user, exchange.agent, exchange.key_id = (
        principal.tenant, principal.user, principal.agent, principal.key_id)
    raw = await request.read()
    body = parse_body(raw)
    adapter: Adapter = ADAPTERS[api]
    header_class = _header_class(request)
    try:
        envelope = adapter.parse(body, header_class)
    except BadRequest as error:
        raise GatewayError(400, "invalid_request", error.message, param=error.param) from None
    if state.recorder is not None and (state.config.recording.all_tenants
                                       or state.config.tenant(principal.tenant).record):
        exchange.recording = state.recorder.start(api, request.path, principal.tenant,
                                                  dict(request.headers), body)
        exchange.recording.stream = envelope.stream
    if len(envelope.segments) > state.config.analysis.max_segments:
        raise GatewayError(413, "too_many_segments",
                           f"the request has more than {state.config.analysis.max_segments} text segments")
    if sum(len(s.text) for s in envelope.segments) > state.config.analysis.max_text_chars:
        raise GatewayError(413, "too_much_text",
                           f"the request holds more than {state.config.analysis.max_text_chars} characters of text")
    if not envelope.model:
        raise GatewayError(400, "invalid_request", "the request has no model", param="model")
    route = state.router.resolve(envelope.model, api)
    exchange.provider, exchange.model, exchange.feature, exchange.stream = (
        route.provider.name, route.model, route.feature, envelope.stream)
    exchange.model_family = next(r.match for r in state.config.models if r.matches(route.model))
    _check_feature(state, principal.tenant, principal.features, route.feature)
    tenant_settings = state.config.tenant(principal.tenant)
    policy = state.screener.policy_for(principal.tenant)
    exchange.mode, exchange.policy_version = tenant_settings.mode, policy.digest
    if state.audit is not None and (policy.audit.required or state.config.audit.required):
        try:
            state.audit.check()
        except AuditUnavailable as error:
            raise GatewayError(503, "audit_unavailable",
                               f"the audit trail cannot be written ({error}); the policy requires it") from None
    if api == "openai.responses" and envelope.body.get("previous_response_id") is not None \
            and policy.providers.openai_store_false:
        raise GatewayError(400, "stored_state_refused",
                           "previous_response_id needs state stored at the provider, and this gateway sends "
                           f"store: false ({policy.providers.store_cite}); send the whole conversation in input",
                           param="previous_response_id")

    reviewer = request.headers.get("X-Human-Reviewer")
    context = RequestContext(tenant=principal.tenant, feature=route.feature,
                             provider=provider_traits(route.provider), mode=exchange.mode, reviewer=reviewer)
    started = time.monotonic()
    screened = await state.screener.screen(principal.tenant, envelope.segments,
                                           [a.kind for a in envelope.attachments], context)
    exchange.analysis_s = time.monotonic() - started
    _note_verdict(exchange, screened, envelope.segments, state.screener)
    if exchange.recording is not None:
        exchange.recording.decision = _decision_record(screened)
    review_marked = _enforce(screened.verdict, exchange, policy.review, reviewer)

    if exchange.mode == "shadow":
        forwarded = envelope.body   # decided and recorded as if enforced; nothing changed or refused
        pseudonyms: dict[str, str] = {}
    else:
        forwarded = adapter.write(envelope, screened.texts)
        pseudonyms = screened.pseudonyms
    forwarded = _provider_fields(forwarded, api, route, policy.providers.openai_store_false)
    if exchange.recording is not None:
        exchange.recording.forwarded = forwarded
    mask_new = state.masker if policy.responses.mask_new_findings and exchange.mode != "shadow" else None
    rewriter = ResponseText(pseudonyms, mask_new=mask_new)
    extra = {"X-AI-Generated": "true", "X-Policy-Version": policy.digest, "X-Request-Id": exchange.request_id,
             "X-Gateway-Outcome": screened.verdict.outcome}
    if review_marked:
        extra["X-Human-Review-Required"] = "true"
    if exchange.mode == "shadow":
        extra["X-Gateway-Mode"] = "shadow"
    guard = None
    if exchange.mode != "shadow" and state.use_rules is not None:
        guard = ResponseUseGuard(state.use_rules, policy.responses.refuse_categories)
    return await _forward(request, state, adapter, route, envelope, forwarded, rewriter, extra, exchange, guard)


def _header_class(request: web.Request) -> DataClass | None:
    value = request.headers.get("X-Data-Class")
    if value is None:
        return None
    try:
        return DataClass.parse(value.strip().lower())
    except ValueError as error:
        raise GatewayError(400, "invalid_data_class", f"X-Data-Class: {error}") from None


def _check_feature(state: GatewayState, tenant: str, features: frozenset[str], feature: str) -> None:
    if feature not in features:
        raise GatewayError(403, "feature_not_allowed", f"this key may not use the {feature} feature",
                           category="feature_not_allowed")
    if feature in state.config.tenant(tenant).features_off:
        raise GatewayError(403, "feature_off", f"the {feature} feature is switched off for this workspace "
                           f"({TYPEAHEAD_OFF_CLAUSE})", clause=TYPEAHEAD_OFF_CLAUSE, category="feature_off")


def _note_verdict(exchange: Exchange, screened: Screened, segments: list[Segment], screener: Screener) -> None:
    verdict = screened.verdict
    exchange.outcome = verdict.outcome
    exchange.segments, exchange.cached_segments = len(segments), screened.cached
    for segment, segment_verdict in zip(segments, verdict.segments):
        exchange.data_classes.update(span.data_class.value for span in segment_verdict.spans)
        for finding in segment_verdict.findings:
            exchange.findings[(finding.entity, finding.data_class.value, finding.action)] += 1
            exchange.finding_digests.append({
                "entity": finding.entity, "data_class": finding.data_class.value, "action": finding.action,
                "hash": screener.audit_digest(exchange.tenant or "", finding.entity,
                                              segment.text[finding.start:finding.end])})
    exchange.violations = [{"clause": v.clause, "category": v.category, "action": v.action}
                           for v in verdict.violations]


def _decision_record(screened: Screened) -> dict[str, Any]:
    """The decision as a cassette keeps it: offsets and types, no values."""
    verdict = screened.verdict
    return {
        "outcome": verdict.outcome,
        "violations": [{"clause": v.clause, "category": v.category, "action": v.action} for v in verdict.violations],
        "findings": [{"segment": index, "entity": f.entity, "start": f.start, "end": f.end, "action": f.action,
                      "data_class": f.data_class.value}
                     for index, segment in enumerate(verdict.segments) for f in segment.findings],
    }


def _enforce(verdict: Verdict, exchange: Exchange, review: Any, reviewer: str | None) -> bool:
    """Raise the refusal the verdict calls for; True when the response must be marked for review."""
    if exchange.mode == "shadow":
        return False
    blocking = verdict.first("block")
    if blocking is not None:
        raise GatewayError(403, "policy_violation",
                           f"refused by policy ({blocking.clause}, {blocking.category}): {blocking.reason}",
                           clause=blocking.clause, category=blocking.category)
    held = verdict.first("review")
    if held is None:
        return False
    if reviewer:
        exchange.reviewer = reviewer
        return True
    if review.without_reviewer == "serve_and_mark":
        return True
    raise GatewayError(403, "human_review_required",
                       f"this request needs a qualified person to review the outcome ({held.clause}, "
                       f"{held.category}): resend it with the header 'X-Human-Reviewer: <who reviews>'",
                       clause=held.clause, category=held.category)


def _provider_fields(body: dict[str, Any], api: str, route: Route, store_false: bool) -> dict[str, Any]:
    body = dict(body)
    body["model"] = route.upstream_model
    if store_false and api in ("openai.chat", "openai.responses"):
        body["store"] = False  # FAQ: providers retain nothing
    return body


def _upstream_url(state: GatewayState, route: Route, api: str) -> str:
    base = state.base_urls[route.provider.name]
    if route.provider.kind == "anthropic" and not base.endswith("/v1"):
        base += "/v1"
    return base + UPSTREAM_PATH[api]


def _client_headers(upstream: aiohttp.ClientResponse, extra: dict[str, str]) -> dict[str, str]:
    headers = {k: v for k, v in upstream.headers.items()
               if k.lower() in RELAYED_RESPONSE_HEADERS or k.lower().startswith(RELAYED_PREFIXES)}
    if "x-request-id" in upstream.headers:
        headers["X-Upstream-Request-Id"] = upstream.headers["x-request-id"]
    headers.update(extra)
    return headers


async def _forward(request: web.Request, state: GatewayState, adapter: Adapter, route: Route,
                   envelope: Envelope, body: dict[str, Any], rewriter: ResponseText,
                   extra: dict[str, str], exchange: Exchange,
                   guard: ResponseUseGuard | None) -> web.StreamResponse:
    assert state.upstream is not None
    allow = BASE_FORWARDED_HEADERS + tuple(h.lower() for h in state.config.server.forward_headers)
    incoming = {k.lower(): v for k, v in request.headers.items()}
    headers = upstream_headers(route.provider, incoming, allow)
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    sent = time.monotonic()
    try:
        upstream = await state.upstream.send(route.provider, _upstream_url(state, route, envelope.api),
                                             payload, headers)
    except GatewayError as error:
        exchange.upstream_s += time.monotonic() - sent
        state.metrics.upstream_errors.labels(route.provider.name, error.code).inc()
        raise
    exchange.upstream_s += time.monotonic() - sent
    state.metrics.upstream_latency.labels(route.provider.name).observe(time.monotonic() - sent)
    family = api_family(request.path)
    try:
        if upstream.status >= 500:
            state.metrics.upstream_errors.labels(route.provider.name, f"http_{upstream.status}").inc()
            raise GatewayError(502, "upstream_error",
                               f"the provider {route.provider.name!r} failed (HTTP {upstream.status})")
        if upstream.status != 200:
            raw = await upstream.read()   # the provider's own error, in this API's shape
            if exchange.recording is not None:
                exchange.recording.response = {"status": upstream.status, "body": _json_or_text(raw)}
            return web.Response(status=upstream.status, body=raw, headers=_client_headers(upstream, extra),
                                content_type="application/json")
        if envelope.stream and upstream.content_type == "text/event-stream":
            return await _relay_stream(request, adapter, rewriter, upstream, extra, exchange, family, sent, guard)
        waited = time.monotonic()
        raw = await upstream.read()
        exchange.upstream_s += time.monotonic() - waited
        try:
            reply = json.loads(raw)
        except ValueError:
            raise GatewayError(502, "upstream_invalid", "the provider's answer was not JSON") from None
        if exchange.recording is not None:
            exchange.recording.response = {"status": 200, "body": json.loads(raw)}
        usage = adapter.rewrite_response(reply, rewriter)
        hit = guard.violation(text_leaves(reply)) if guard is not None else None
        if hit is not None:
            exchange.violations.append({"clause": hit.clause, "category": hit.category, "action": "block"})
            raise _response_refusal(hit)
        adapter.mark_ai_generated(reply)
        exchange.input_tokens, exchange.output_tokens = usage.input_tokens, usage.output_tokens
        return web.Response(status=200, body=json.dumps(reply, ensure_ascii=False).encode("utf-8"),
                            headers=_client_headers(upstream, extra), content_type="application/json")
    finally:
        upstream.close()


async def _relay_stream(request: web.Request, adapter: Adapter, rewriter: ResponseText,
                        upstream: aiohttp.ClientResponse, extra: dict[str, str], exchange: Exchange,
                        family: str, sent: float, guard: ResponseUseGuard | None) -> web.StreamResponse:
    """Each event relayed as it arrives; after the first byte an upstream failure ends the stream cleanly."""
    headers = _client_headers(upstream, extra)
    headers.update({"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
    response = web.StreamResponse(status=200, headers=headers)
    await response.prepare(request)
    parser = SSEParser()
    events = adapter.stream_rewriter(rewriter)
    written: list[str] = []      # what the model wrote so far, for the response guard
    unread = 0
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
            outgoing = [e for event in arrived for e in events.on_event(event)]
            if guard is not None:
                for event in outgoing:
                    written.append(_event_text(event.data))
                    unread += len(written[-1])
                if unread >= GUARD_EVERY_CHARS:
                    unread = 0
                    hit = guard.violation("".join(written)[-GUARD_WINDOW_CHARS:])
                    if hit is not None:
                        exchange.violations.append({"clause": hit.clause, "category": hit.category,
                                                    "action": "block"})
                        exchange.error_code = "response_refused"
                        await response.write(stream_error_event(family, _response_refusal(hit)))
                        await response.write_eof()
                        return response
            out = b"".join(e.encode() for e in outgoing)
            if out:
                await response.write(out)
        tail = [e for event in parser.close() for e in events.on_event(event)] + events.close()
        hit = guard.violation("".join(written + [_event_text(e.data) for e in tail])[-GUARD_WINDOW_CHARS:]) \
            if guard is not None else None
        if hit is not None:
            exchange.violations.append({"clause": hit.clause, "category": hit.category, "action": "block"})
            exchange.error_code = "response_refused"
            tail = []
            await response.write(stream_error_event(family, _response_refusal(hit)))
        if tail:
            await response.write(b"".join(e.encode() for e in tail))
    except (aiohttp.ClientPayloadError, aiohttp.ServerDisconnectedError, aiohttp.ClientOSError,
            TimeoutError) as error:
        if isinstance(error, ConnectionResetError) and request.transport is None:
            raise asyncio.CancelledError() from None
        exchange.error_code = "upstream_stream_cut"
        tail = events.close()
        await response.write(b"".join(e.encode() for e in tail) + stream_error_event(
            family, GatewayError(502, "upstream_stream_cut", "the provider's stream ended early")))
    exchange.input_tokens, exchange.output_tokens = events.usage.input_tokens, events.usage.output_tokens
    await response.write_eof()
    return response


GUARD_EVERY_CHARS = 160      # a stream is read for refused content every this many characters
GUARD_WINDOW_CHARS = 4000    # ... over its last this many characters


def _response_refusal(hit: Any) -> GatewayError:
    return GatewayError(403, "response_refused",
                        f"the provider's answer was withheld by policy ({hit.clause}, {hit.category}): {hit.reason}",
                        clause=hit.clause, category=hit.category)


MODEL_TEXT_KEYS = frozenset({"text", "delta", "content", "arguments", "partial_json", "thinking"})


def _event_text(data: str) -> str:
    """The text a model wrote in one stream event (its deltas), without the event's own field names."""
    try:
        value = json.loads(data)
    except ValueError:
        return ""
    out: list[str] = []
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                if isinstance(child, str) and key in MODEL_TEXT_KEYS:
                    out.append(child)
                elif isinstance(child, (dict, list)):
                    stack.append(child)
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return "".join(out)


def _json_or_text(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")


async def list_models(request: web.Request) -> web.Response:
    state = request.app[STATE]
    principal = state.keyring.authenticate(request.headers)
    names = state.router.model_names(principal.features)
    if "anthropic-version" in request.headers:
        data = [{"type": "model", "id": name, "display_name": name, "created_at": "2024-01-01T00:00:00Z"}
                for name, _ in names]
        return web.json_response({"data": data, "has_more": False,
                                  "first_id": data[0]["id"] if data else None,
                                  "last_id": data[-1]["id"] if data else None})
    return web.json_response({"object": "list", "data": [
        {"id": name, "object": "model", "created": 0, "owned_by": provider} for name, provider in names]})


__all__ = ["API_ROUTES", "handler", "list_models", "error_response"]
