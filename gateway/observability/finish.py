"""After each request: metrics, one structured log line, the audit record. Never raw text or keys."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from gateway.observability.audit import AuditTrail
from gateway.observability.exchange import Exchange
from gateway.observability.metrics import Metrics
from gateway.recording.cassettes import CassetteRecorder

log = logging.getLogger("magic_gateway.access")


def finish_exchange(metrics: Metrics, audit: AuditTrail | None, recorder: CassetteRecorder | None,
                    exchange: Exchange, hooks: Sequence[Callable[[Exchange], None]] = ()) -> None:
    if not exchange.status:   # an unexpected failure answered 500: the log and audit say so, never 0
        exchange.status = 500
    status = str(exchange.status)
    metrics.child(metrics.requests, exchange.route, exchange.provider, exchange.model_family, status).inc()
    metrics.child(metrics.duration, exchange.route).observe(exchange.elapsed())
    metrics.child(metrics.overhead, exchange.route).observe(exchange.overhead())
    if exchange.segments:
        metrics.analysis.observe(exchange.analysis_s)
        metrics.child(metrics.cache, "hit").inc(exchange.cached_segments)
        metrics.child(metrics.cache, "miss").inc(exchange.segments - exchange.cached_segments)
    if exchange.first_token_s is not None:
        metrics.child(metrics.first_token, exchange.provider).observe(exchange.first_token_s)
    for (entity, data_class, action), count in exchange.findings.items():
        metrics.child(metrics.findings, entity, data_class).inc(count)
        metrics.child(metrics.actions, action).inc(count)
    if exchange.outcome:
        metrics.child(metrics.actions, f"request_{exchange.outcome}").inc()
    for violation in exchange.violations + exchange.client_violations:
        if violation["action"] in ("block", "review"):
            metrics.child(metrics.blocks, violation["clause"], violation["action"]).inc()
    if exchange.tenant and (exchange.input_tokens or exchange.output_tokens):
        metrics.child(metrics.tokens, exchange.tenant, "in").inc(exchange.input_tokens)
        metrics.child(metrics.tokens, exchange.tenant, "out").inc(exchange.output_tokens)
    log.info("request", extra={"fields": {
        "request_id": exchange.request_id, "route": exchange.route, "tenant": exchange.tenant,
        "key_id": exchange.key_id, "agent": exchange.agent, "provider": exchange.provider,
        "model": (exchange.model or "")[:100] or None, "model_family": exchange.model_family, "status": exchange.status, "outcome": exchange.outcome,
        "error": exchange.error_code, "mode": exchange.mode,
        "duration_ms": round(exchange.elapsed() * 1000, 1),
        "overhead_ms": round(exchange.overhead() * 1000, 1),
    }})
    if exchange.recording is not None and recorder is not None:
        # free-text headers only as screening let them through (the reviewer as the user it names)
        for name, screened in (("x-agent-name", exchange.agent), ("x-human-reviewer", exchange.reviewer)):
            headers = exchange.recording.headers
            for key in [k for k in headers if k.lower() == name]:
                del headers[key]
            if screened:
                headers[name] = screened
        try:
            recorder.save(exchange.recording, exchange.request_id, exchange.status)
        except OSError:
            log.error("cassette write failed", extra={"fields": {"request_id": exchange.request_id}})
    if audit is not None and not audit.write(exchange, exchange.policy_version):
        metrics.child(metrics.upstream_errors, "audit", "write_failed").inc()
    for hook in hooks:   # e.g. the console's traffic counters (GatewayState.finish_hooks)
        hook(exchange)
