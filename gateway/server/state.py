"""The application's typed state: what is built from the config (GatewayState) and what start-up opens.

Everything here is complete when it exists: resources that need the event loop (the provider links,
the analysis processes) are opened and closed by the app's cleanup context, under their own keys.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from aiohttp import web

from filters.response.clean_memo import MemoMasker, MemoRules
from gateway.analysis.pool import AnalysisService
from gateway.analysis.screener import Screener
from gateway.clients.checks import ClientChecks
from gateway.config import GatewayConfig
from gateway.limits.counters import Counters
from gateway.limits.meters import LimitRules
from gateway.limits.prices import PriceBook
from gateway.limits.spend import SpendLedger
from gateway.observability.audit import AuditTrail
from gateway.observability.exchange import Exchange
from gateway.observability.metrics import Metrics
from gateway.recording.cassettes import CassetteRecorder
from gateway.server.auth import KeyRing
from gateway.server.request_memo import RequestMemo
from gateway.state.conversations import ConversationStore
from gateway.state.store import KeyValueStore
from gateway.upstream.deployments import DeploymentHealth
from gateway.upstream.providers import ProviderLinks
from gateway.upstream.relayed_blobs import RelayedBlobs
from gateway.upstream.routing import Router


@dataclass(frozen=True)
class GatewayState:
    config: GatewayConfig
    keyring: KeyRing
    router: Router
    metrics: Metrics
    service: AnalysisService
    screener: Screener
    masker: MemoMasker                # new restricted values in answers masked (clean texts remembered)
    use_rules: MemoRules              # the answers' use check (texts no rule matched remembered)
    audit: AuditTrail | None          # None: the config names no audit trail
    recorder: CassetteRecorder | None  # None: nothing is recorded
    health: DeploymentHealth          # per deployment: consecutive failures, cool-downs, requests in flight
    blobs: RelayedBlobs               # opaque blobs relayed to each tenant (reasoning, signatures)
    clients: ClientChecks             # the client's address, embargo (AUP I.A.e), shared keys (AUP I.B.a)
    limits: LimitRules                # the config's limits (gateway.limits); their counters: COUNTERS
    prices: PriceBook                 # the price file: spend in metrics and audit, budgets in money
    requests: RequestMemo = field(default_factory=RequestMemo)  # bodies seen before that held nothing
    started: float = field(default_factory=time.time)
    # Called with each finished request's Exchange after metrics and audit (the console's traffic counters).
    finish_hooks: list[Callable[[Exchange], None]] = field(default_factory=list)


@dataclass
class LiveState:
    """The state requests are served with now: replaced whole by a reload (SIGHUP), never edited in place.

    A request reads it once, at its start, and keeps that state to its end.
    """

    current: GatewayState


STATE = web.AppKey("gateway_state", GatewayState)   # the state the app started with
LIVE = web.AppKey("live_state", LiveState)
LINKS = web.AppKey("provider_links", ProviderLinks)
SHARED = web.AppKey("shared_state", KeyValueStore)  # memory or Redis (`state:` in the config)
CONVERSATIONS = web.AppKey("conversations", ConversationStore)
COUNTERS = web.AppKey("limit_counters", Counters)  # the limits' counters: host memory or SQLite, or Redis
SPEND = web.AppKey("spend_ledger", SpendLedger)    # spend per user and key today, in the counters' store
REQUEST_ID = web.RequestKey("request_id", str)
