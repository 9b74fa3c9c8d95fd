"""The aiohttp application: the typed state, the route table built from the adapters, the resources'
start-up and clean-up in pairs (`cleanup_ctx`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from aiohttp import web
from aiohttp.typedefs import Middleware

from filters.policy.model import Policy, load_policy
from filters.response.checks import NewFindingMasker
from filters.response.clean_memo import MemoMasker, MemoRules
from filters.use_rules.rules import UseRules
from gateway.adapters import ADAPTERS
from gateway.analysis.pool import AnalysisService
from gateway.analysis.screener import Screener, analyzer_spec, tenant_secret
from gateway.clients.checks import client_checks
from gateway.config import GatewayConfig
from gateway.limits.config import load_prices
from gateway.limits.meters import LimitRules
from gateway.limits.opening import open_counters
from gateway.limits.prices import PriceBook
from gateway.limits.spend import SpendLedger
from gateway.observability.audit import AuditTrail
from gateway.observability.metrics import Metrics
from gateway.recording.cassettes import CassetteRecorder
from gateway.server import conversation, endpoints
from gateway.server.auth import KeyRing
from gateway.server.chain import handler
from gateway.server.cors import cors_headers, cors_middleware
from gateway.server.middleware import errors_middleware
from gateway.server.state import CONVERSATIONS, COUNTERS, LINKS, LIVE, SHARED, SPEND, STATE, GatewayState, LiveState
from gateway.state import open_state
from gateway.state.conversations import ConversationStore
from gateway.upstream.deployments import Deployment, DeploymentHealth
from gateway.upstream.providers import open_links
from gateway.upstream.relayed_blobs import RelayedBlobs
from gateway.upstream.routing import Router
from gateway.upstream.shared_health import SharedHealth

log = logging.getLogger("magic_gateway")


def build_state(config: GatewayConfig, policy: Policy | None = None,
                previous: GatewayState | None = None) -> GatewayState:
    """Everything the gateway builds from its config before it starts (no I/O but reading files).

    `previous`: the state a reload replaces. What outlives a reload is carried over: the metrics, the
    deployments' health, the relayed blobs, the finish hooks, and the analysis processes when they
    would be built the same (same spec and worker count); everything else is built anew from `config`.
    """
    metrics = previous.metrics if previous is not None else Metrics()

    def cooled(deployment: Deployment, is_cooled: bool) -> None:
        metrics.deployment_cooled.labels(deployment.route, deployment.label).set(1 if is_cooled else 0)
    base_policy = policy or load_policy(config.policy_path())
    spec = analyzer_spec(config, base_policy)
    if previous is not None and previous.service.same_as(spec, config.analysis.workers):
        service = previous.service
    else:
        service = AnalysisService(spec, workers=config.analysis.workers,
                                  cache_entries=config.analysis.cache_entries, timeout_s=config.timeouts.analysis_s,
                                  cache_bytes=int(config.analysis.cache_mb * (1 << 20)),
                                  tenant_queue_chars=config.analysis.tenant_queue_chars, stuck_s=config.analysis.stuck_s)
    base = Path(config.source).resolve().parent if config.source != "<memory>" else None
    return GatewayState(
        config=config, keyring=KeyRing(config), router=Router(config), metrics=metrics, service=service,
        screener=Screener(config, service, base_policy), masker=_memo_masker(),
        use_rules=MemoRules(UseRules.from_file(base_policy.use_rules_path())),
        audit=AuditTrail(config.audit, base) if config.audit.path else None,
        recorder=(CassetteRecorder(config.resolve(config.recording.dir), config.recording.encryption_key_env)
                  if config.recording.dir else None),
        health=previous.health if previous is not None else DeploymentHealth(config.routing, on_change=cooled),
        blobs=previous.blobs if previous is not None else RelayedBlobs(lambda tenant: tenant_secret(config, tenant)),
        clients=client_checks(config.clients, base),
        limits=LimitRules(config.limits),
        prices=PriceBook(load_prices(config.resolve(config.limits.prices) if config.limits.prices else None)),
        finish_hooks=previous.finish_hooks if previous is not None else [])


async def provider_links(app: web.Application) -> AsyncIterator[None]:
    state = app[STATE]
    retries = state.metrics.retries
    async for links in open_links(state.config, on_retry=lambda p, reason: retries.labels(p, reason).inc()):
        app[LINKS] = links
        yield


async def analysis_engine(app: web.Application) -> AsyncIterator[None]:
    """The analysis processes load in the background: /healthz answers meanwhile, /readyz once loaded."""
    service = app[STATE].service

    async def start() -> None:
        try:
            from gateway.adapters.token_text import warm

            await asyncio.to_thread(warm)   # token-id embedding inputs are read with it
        except Exception:
            log.exception("the offline token encodings failed to load; token-id inputs will be refused")
        try:
            await service.start()
            log.info("analysis engine ready")
        except Exception:
            log.exception("the analysis engine failed to start; requests are refused (503)")

    task = asyncio.create_task(start())
    yield
    task.cancel()
    service.close()
    app[LIVE].current.service.close()   # a reload may have started others


async def shared_state(app: web.Application) -> AsyncIterator[None]:
    config = app[STATE].config.state
    store = open_state(config)
    app[SHARED] = store
    app[CONVERSATIONS] = ConversationStore(store, config.conversation_ttl_s)
    app[STATE].blobs.share(store, config.conversation_ttl_s)   # a reload carries the same object over
    sharing = None
    if store.name != "memory":   # every replica's cool-downs and demotions (the health outlives a reload)
        shared = SharedHealth(app[STATE].health, store, lambda: app[LIVE].current.router.known_deployments())
        sharing = asyncio.create_task(shared.run())
    yield
    if sharing is not None:
        sharing.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await sharing
    await store.close()


async def limit_counters(app: web.Application) -> AsyncIterator[None]:
    metrics = app[STATE].metrics
    counters = open_counters(app[STATE].config.state,
                             lambda action: metrics.child(metrics.limit_state_unavailable, action).inc())
    app[COUNTERS] = counters
    ledger = app[SPEND] = SpendLedger(counters)
    # The spend goes where the console of another process or replica reads it, or to this one's console.
    if counters.name != "memory" or app[STATE].config.console.enabled:
        app[STATE].finish_hooks.append(ledger.record)
    flushing = asyncio.create_task(ledger.run())
    yield
    flushing.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await flushing
    try:
        await ledger.flush()   # what this process counted last
    except Exception:
        log.exception("spend: writing this process's spend at exit failed")
    await counters.close()


async def audit_trail(app: web.Application) -> AsyncIterator[None]:
    yield
    audit = app[LIVE].current.audit
    if audit is not None:
        audit.close()


def build_app(config: GatewayConfig, policy: Policy | None = None) -> web.Application:
    origins = frozenset(config.server.cors_origins)
    middlewares: list[Middleware] = [cors_middleware(origins), errors_middleware] if origins else [errors_middleware]
    app = web.Application(middlewares=middlewares, client_max_size=config.server.max_body_bytes)
    if origins:
        app.on_response_prepare.append(cors_headers(origins))
    app[STATE] = build_state(config, policy)
    app[LIVE] = LiveState(app[STATE])
    app.cleanup_ctx.extend([shared_state, limit_counters, provider_links, analysis_engine, audit_trail])
    app.router.add_get("/healthz", endpoints.healthz)
    app.router.add_get("/readyz", endpoints.readyz)
    app.router.add_get("/metrics", endpoints.metrics)
    app.router.add_get("/v1/models", endpoints.list_models)
    app.router.add_get("/v1/models/{model_id}", endpoints.get_model)
    for adapter in ADAPTERS.values():
        app.router.add_post(adapter.path, handler(adapter))
    app.router.add_get("/v1/responses/{response_id}", conversation.get_response)
    app.router.add_delete("/v1/responses/{response_id}", conversation.delete_response)
    app.router.add_get("/v1/responses/{response_id}/input_items", conversation.get_input_items)
    if config.console.enabled:
        from gateway.console import setup_console

        setup_console(app, app[STATE])
    app.router.add_route("*", "/v1/{tail:.*}", endpoints.not_served)   # last: only what nothing else serves
    return app


def _memo_masker() -> MemoMasker:
    masker = NewFindingMasker()
    return MemoMasker(masker, after=masker.after, words_before=masker.words_before)
