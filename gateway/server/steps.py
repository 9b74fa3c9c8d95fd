"""The steps of the request chain, in the order `chain.REQUEST_STEPS` lists them.

Every step has the same signature: it takes the request's `Call`, adds what it learns, and returns
None to go on, or the response that ends the chain. A refusal is a GatewayError. No step decides
policy: `admit` and `screen` ask the one decision (`filters.policy.decision`) and `enforce` carries
its verdict out.
"""

from __future__ import annotations

import asyncio
import fnmatch
import functools
import re
import time
from typing import Any

from aiohttp import web

from filters.policy.decision import HEADER, IDENTIFIER
from filters.policy.verdict import Refusal, RequestContext
from filters.response.checks import ResponseUseGuard
from filters.response.restore import ResponseText
from filters.segments import DataClass, Segment
from gateway.adapters.base import BadRequest
from gateway.adapters.coverage import cover, may_hold_opaque, opaque_blobs
from gateway.analysis.screener import Screened
from gateway.errors import GatewayError
from gateway.observability.audit import AuditUnavailable
from gateway.server.body import parse_body
from gateway.server.call import Call, need
from gateway.upstream.client import BASE_FORWARDED_HEADERS


def refused(refusal: Refusal) -> GatewayError:
    return GatewayError(refusal.status, refusal.code, refusal.message, param=refusal.param,
                        clause=refusal.clause, category=refusal.category, stage=refusal.stage)


# Headers the gateway reads or forwards: printable ASCII only, or the request is refused before anything
# is forwarded (a non-UTF-8 byte there once broke the audit record after the answer had gone out).
READ_HEADERS = ("x-human-reviewer", "x-agent-name", "x-data-class") + BASE_FORWARDED_HEADERS
_PRINTABLE = re.compile(r"[\x20-\x7e\t]*")


async def authenticate(call: Call) -> None:
    principal = call.state.keyring.authenticate(call.request.headers)
    call.principal = principal
    # the agent's name is client-chosen: recorded once screening has read it (see `enforce`)
    call.exchange.tenant, call.exchange.user, call.exchange.key_id = principal.tenant, principal.user, principal.key_id
    read = _read_headers(tuple(call.state.config.server.forward_headers))
    for name, value in call.request.headers.items():   # one pass over the few headers a request has
        if not _PRINTABLE.fullmatch(value):
            lower = name.lower()
            if lower in read:
                raise GatewayError(400, "invalid_header", f"the header {lower} must hold printable ASCII only",
                                   param=lower)


@functools.lru_cache(maxsize=8)
def _read_headers(forwarded: tuple[str, ...]) -> frozenset[str]:
    """The headers the gateway reads or forwards, lower-case: those of every request and the config's."""
    return frozenset(READ_HEADERS + tuple(h.lower() for h in forwarded))


async def read_body(call: Call) -> None:
    limit = call.state.config.timeouts.body_s
    if call.request.content.is_eof():
        # the whole body came with the headers (most do): nothing to wait for, so no deadline to set
        raw = await call.request.read()
    else:
        try:
            # a deadline for the whole body, not between bytes: a body sent a byte at a time holds nothing open
            async with asyncio.timeout(limit):
                raw = await call.request.read()
        except TimeoutError:
            raise GatewayError(408, "request_timeout",
                               f"the request body did not arrive within {limit:g} s") from None
    # a body sent back with opaque blobs depends on what was relayed before: never remembered
    memo = call.state.requests
    call.names_opaque = may_hold_opaque(raw)
    if not call.names_opaque:
        call.memo_key = memo.key(call.adapter, need(call.principal, "the principal"), call.request, raw)
        call.remembered = memo.get(call.memo_key) if call.memo_key is not None else None
        if call.remembered is not None:   # the same bytes parsed and screened before (gateway.server.request_memo)
            call.body = call.remembered.envelope.body
            return
    call.body = parse_body(raw)


async def parse(call: Call) -> None:
    if call.remembered is not None:
        call.envelope = call.remembered.envelope
        call.exchange.stream = call.envelope.stream
        return
    tenant = need(call.principal, "the principal").tenant
    # opaque blobs sent back: known to this process, or to another one through the shared store
    body = need(call.body, "the body")
    sent_back = opaque_blobs(body) if call.names_opaque else []
    relayed = await call.state.blobs.known(tenant, sent_back) if sent_back else frozenset()
    try:
        envelope = call.adapter.parse(body, _header_class(call.request))
        # every string the adapter did not read: screened, checked as not text, or refused
        envelope = cover(envelope, lambda blob: _relayed_blob(call, relayed, blob))
        agent = need(call.principal, "the principal").agent
        if agent:   # read like an id: a value in it refuses the request
            envelope.segments.append(Segment(path=(HEADER, "X-Agent-Name"), text=agent, role=IDENTIFIER))
    except BadRequest as error:
        raise GatewayError(400, "invalid_request", error.message, param=error.param) from None
    limits = call.state.config.analysis
    if len(envelope.segments) > limits.max_segments:
        raise GatewayError(413, "too_many_segments", f"the request has more than {limits.max_segments} text segments")
    if sum(len(s.text) for s in envelope.segments) > limits.max_text_chars:
        raise GatewayError(413, "too_much_text",
                           f"the request holds more than {limits.max_text_chars} characters of text")
    if not envelope.model:
        raise GatewayError(400, "invalid_request", "the request has no model", param="model")
    call.envelope = envelope
    call.exchange.stream = envelope.stream


def _relayed_blob(call: Call, relayed: frozenset[str], blob: str) -> bool:
    """Whether an opaque blob is one relayed to this tenant; such a body depends on what was relayed before,
    so it is never remembered."""
    call.memo_key = None
    return blob in relayed or call.state.blobs.relayed(need(call.principal, "the principal").tenant, blob)


async def record(call: Call) -> None:
    """Start the cassette when this tenant's requests are recorded."""
    recorder, config, principal = call.state.recorder, call.state.config, need(call.principal, "the principal")
    if recorder is None or not (config.recording.all_tenants or config.tenant(principal.tenant).record):
        return
    envelope = need(call.envelope, "the envelope")
    call.exchange.recording = recorder.start(call.adapter.api, call.request.path, principal.tenant,
                                             dict(call.request.headers), need(call.body, "the body"))
    call.exchange.recording.stream = envelope.stream


async def route(call: Call) -> None:
    envelope, principal = need(call.envelope, "the envelope"), need(call.principal, "the principal")
    found = call.state.router.resolve(need(envelope.model, "the model"), call.adapter.default_feature)
    call.route = found
    call.policy = call.state.screener.policy_for(principal.tenant)
    exchange = call.exchange
    # the model name the client sent is recorded once screening has read it (see `enforce`)
    exchange.provider, exchange.feature = found.provider.name, found.feature
    exchange.model_family = found.pattern
    exchange.mode = call.state.config.tenant(principal.tenant).mode
    exchange.policy_version = call.policy.digest


async def admit(call: Call) -> None:
    """What can be refused before any analysis: an audit trail that cannot be written, the decision's admit."""
    state, policy, principal = call.state, need(call.policy, "the policy"), need(call.principal, "the principal")
    if state.audit is not None and (policy.audit.required or state.config.audit.required):
        try:
            state.audit.check()
        except AuditUnavailable as error:
            raise GatewayError(503, "audit_unavailable",
                               f"the audit trail cannot be written ({error}); the policy requires it") from None
    found, envelope, adapter = need(call.route, "the route"), need(call.envelope, "the envelope"), call.adapter
    tenant = state.config.tenant(principal.tenant)
    reference = adapter.stored_reference
    call.context = RequestContext(
        tenant=principal.tenant, feature=found.feature, provider=found.traits(),
        mode=tenant.mode, reviewer=call.request.headers.get("X-Human-Reviewer"),
        reviewers={alias.lower(): user.username or user.email or ""
                   for user in tenant.users for alias in (user.username, user.email) if alias},
        key_features=principal.features, features_off=frozenset(tenant.features_off),
        stores_state=adapter.stores_state,
        stored_reference=reference if reference and envelope.body.get(reference) is not None else None,
        provider_conversation=adapter.stores_state and envelope.body.get("conversation") is not None,
        reasoning=adapter.stores_state and (isinstance(envelope.body.get("reasoning"), dict)
                                            or any(fnmatch.fnmatchcase(found.upstream_model, glob)
                                                   for glob in policy.providers.reasoning_models)),
        include=tuple(i for i in envelope.body.get("include") or () if isinstance(i, str)),
        documents=tuple(d.text_path for d in call.documents))
    refusal = state.screener.admit(call.context)
    if refusal is not None:
        raise refused(refusal)


async def screen(call: Call) -> None:
    envelope, context = need(call.envelope, "the envelope"), need(call.context, "the request context")
    if call.remembered is not None:
        screened = call.remembered.screened
        cached = len(envelope.segments)
    else:
        started = time.monotonic()
        screened = await call.state.screener.screen(context.tenant, envelope.segments,
                                                    [a.kind for a in envelope.attachments], context)
        call.exchange.analysis_s = time.monotonic() - started
        cached = screened.cached
        if call.memo_key is not None and not call.documents and call.exchange.recording is None:
            call.state.requests.put(call.memo_key, envelope, screened, len(await call.request.read()))
    call.screened = screened
    call.exchange.note_verdict(screened.verdict, envelope.segments, cached,
                               lambda entity, value: call.state.screener.audit_digest(context.tenant, entity, value))
    if call.exchange.recording is not None:
        call.exchange.recording.decision = _decision_record(screened)


async def guard(call: Call) -> None:
    """The guard model, when the policy names one, asked about the segments the local score is unsure of
    (their redacted text only); its hits go back to the one decision. Failure or deadline: the local verdict stands."""
    screened, context = need(call.screened, "the screening"), need(call.context, "the request context")
    if not screened.uncertain:
        return
    screener = call.state.screener
    model = screener.guards[context.tenant]
    started = time.monotonic()
    answers = await model.hits(call.links, context.tenant, [screened.texts[i] for i in screened.uncertain])
    call.exchange.guard_s = time.monotonic() - started
    call.exchange.guard = "failed" if answers is None else "asked"
    if not answers or not any(answers):
        return
    envelope = need(call.envelope, "the envelope")
    call.screened = screener.reconsider(context.tenant, envelope.segments, screened,
                                        dict(zip(screened.uncertain, answers)),
                                        [a.kind for a in envelope.attachments], context)
    call.screened.pseudonyms = screened.pseudonyms
    call.exchange.note_verdict(call.screened.verdict, envelope.segments, call.screened.cached,
                               lambda entity, value: screener.audit_digest(context.tenant, entity, value))
    if call.exchange.recording is not None:
        call.exchange.recording.decision = _decision_record(call.screened)


async def enforce(call: Call) -> None:
    """The verdict carried out: a refusal raised, the review and mode said in the response's headers."""
    verdict = need(call.screened, "the screening").verdict
    if verdict.refusal is not None:
        # the requested model goes in the log and the audit record, unless screening found a value in it
        segments = need(call.envelope, "the envelope").segments
        if not any(s.path[:1] == ("model",) and v.findings for s, v in zip(segments, verdict.segments)):
            call.exchange.model = need(call.route, "the route").model
        raise refused(verdict.refusal)
    call.exchange.reviewer = verdict.reviewer
    call.exchange.agent = need(call.principal, "the principal").agent
    call.exchange.model = need(call.route, "the route").model
    policy = need(call.policy, "the policy")
    call.headers.update({"X-AI-Generated": "true", "X-Policy-Version": policy.digest,
                         "X-Gateway-Request-Id": call.exchange.request_id, "X-Gateway-Outcome": verdict.outcome})
    if verdict.review_marked:
        call.headers["X-Human-Review-Required"] = "true"
    if verdict.mode == "shadow":
        call.headers["X-Gateway-Mode"] = "shadow"


async def rewrite(call: Call) -> None:
    """The body to forward (the screened texts in place, the provider fields set) and the response chain."""
    envelope, screened = need(call.envelope, "the envelope"), need(call.screened, "the screening")
    verdict, found = screened.verdict, need(call.route, "the route")
    forwarded = call.adapter.write(envelope, screened.texts) if screened.texts != [s.text for s in envelope.segments] \
        else envelope.body
    forwarded = {**forwarded, "model": found.upstream_model, **verdict.provider_fields}
    call.forwarded = forwarded
    if call.exchange.recording is not None:
        call.exchange.recording.forwarded = _recorded_body(call, forwarded)
    if verdict.refuse_categories:
        call.guard = ResponseUseGuard(call.state.use_rules, verdict.refuse_categories)
    masker = call.state.masker if verdict.mask_new_findings else None
    call.replies = ResponseText(screened.pseudonyms, mask_new=masker, mask_after=masker.after if masker else None,
                                words_before=masker.words_before if masker else None,
                                link_hosts=verdict.restore_link_hosts,
                                keep_transcript=call.guard is not None)


def _recorded_body(call: Call, forwarded: dict[str, Any]) -> dict[str, Any]:
    """What a cassette keeps as the forwarded request: in shadow mode, where values went out as they came,
    the body enforce would have sent, so that no cassette holds a raw value unencrypted."""
    verdict = need(call.screened, "the screening").verdict
    if verdict.mode != "shadow":
        return forwarded
    envelope = need(call.envelope, "the envelope")
    texts, call.hidden = call.state.screener.as_enforced(need(call.principal, "the principal").tenant,
                                                         envelope.segments, verdict)
    return {**call.adapter.write(envelope, texts), "model": forwarded["model"], **verdict.provider_fields}


def _header_class(request: web.Request) -> DataClass | None:
    value = request.headers.get("X-Data-Class")
    if value is None:
        return None
    try:
        return DataClass.parse(value.strip().lower())
    except ValueError:
        allowed = ", ".join(c.value for c in DataClass)
        raise GatewayError(400, "invalid_data_class", f"X-Data-Class must be one of: {allowed}") from None


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
