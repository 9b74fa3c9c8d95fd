"""The aiohttp application: state in typed AppKeys, one ClientSession, the route table."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from pathlib import Path
from dataclasses import dataclass, field

import aiohttp
from aiohttp import web

from filters.policy.model import Policy, load_policy
from filters.response.checks import NewFindingMasker
from filters.use_rules.rules import UseRules
from gateway.analysis.pool import AnalysisService
from gateway.observability.audit import AuditTrail
from gateway.server.auth import KeyRing
from gateway.recording.cassettes import CassetteRecorder
from gateway.config import GatewayConfig
from gateway.server.errors import GatewayError, error_response
from gateway.observability.metrics import Metrics
from gateway.upstream.routing import Router
from gateway.analysis.screener import Screener, analyzer_spec
from gateway.upstream.client import UpstreamClient

log = logging.getLogger("magic_gateway")


@dataclass
class GatewayState:
    config: GatewayConfig
    keyring: KeyRing
    router: Router
    metrics: Metrics
    service: AnalysisService
    screener: Screener
    audit: AuditTrail | None = None
    masker: NewFindingMasker | None = None
    use_rules: UseRules | None = None
    recorder: CassetteRecorder | None = None
    upstream: UpstreamClient | None = None
    session: aiohttp.ClientSession | None = None
    base_urls: dict[str, str] = field(default_factory=dict)   # provider name -> base URL (mocks: started here)
    mock_runners: list[web.AppRunner] = field(default_factory=list)
    started: float = field(default_factory=time.time)


STATE = web.AppKey("gateway_state", GatewayState)
REQUEST_ID = "request_id"


def api_family(path: str) -> str:
    return "anthropic" if path.startswith("/v1/messages") else "openai"


@web.middleware
async def errors_middleware(request: web.Request, handler):  # type: ignore[no-untyped-def]
    """Every error in the calling API's own shape; never a traceback."""
    request_id = request.headers.get("X-Request-Id")
    if not request_id or len(request_id) > 64 or not request_id.replace("-", "").isalnum():
        request_id = uuid.uuid4().hex
    request[REQUEST_ID] = request_id
    family = api_family(request.path)
    try:
        response = await handler(request)
    except GatewayError as error:
        return error_response(family, error, request_id)
    except web.HTTPRequestEntityTooLarge:
        return error_response(family, GatewayError(413, "request_too_large",
                                                   "the request body is larger than this gateway accepts"),
                              request_id)
    except web.HTTPMethodNotAllowed as error:
        return error_response(family, GatewayError(405, "method_not_allowed",
                                                   f"{request.method} is not allowed on {request.path}",
                                                   headers={"Allow": ", ".join(sorted(error.allowed_methods))}),
                              request_id)
    except web.HTTPNotFound:
        return error_response(family, GatewayError(404, "not_found", f"no route {request.path}"), request_id)
    except web.HTTPException as error:
        return error_response(family, GatewayError(error.status, "http_error", error.reason), request_id)
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("internal error", extra={"request_id": request_id})
        return error_response(family, GatewayError(500, "internal_error",
                                                   "the gateway failed on this request; it was not forwarded"),
                              request_id)
    response.headers.setdefault("X-Request-Id", request_id)
    return response


async def _on_startup(app: web.Application) -> None:
    from gateway.mock.server import start_mock
    from gateway.mock.settings import MockSettings

    state = app[STATE]
    for provider in state.config.providers:
        if provider.kind == "mock" and not provider.base_url:
            runner, port = await start_mock(MockSettings.from_mapping(provider.mock))
            state.mock_runners.append(runner)
            state.base_urls[provider.name] = f"http://127.0.0.1:{port}/v1"
        else:
            state.base_urls[provider.name] = (provider.base_url or "").rstrip("/")
    connector = aiohttp.TCPConnector(limit=512, limit_per_host=256, keepalive_timeout=30)
    state.session = aiohttp.ClientSession(connector=connector, auto_decompress=True)
    metrics = state.metrics
    state.upstream = UpstreamClient(state.session, state.config.timeouts, state.config.retries,
                                    on_retry=lambda p, reason: metrics.retries.labels(p, reason).inc())
    app["analysis_start"] = asyncio.create_task(_start_analysis(state))


async def _start_analysis(state: GatewayState) -> None:
    try:
        await state.service.start()
        log.info("analysis engine ready")
    except Exception:
        log.exception("the analysis engine failed to start; requests are refused (503)")


async def _on_cleanup(app: web.Application) -> None:
    state = app[STATE]
    task = app.get("analysis_start")
    if task is not None and not task.done():
        task.cancel()
    state.service.close()
    if state.audit is not None:
        state.audit.close()
    if state.session is not None:
        await state.session.close()
    for runner in state.mock_runners:
        await runner.cleanup()


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    state = request.app[STATE]
    ready = state.service.ready and state.session is not None
    return web.json_response({"status": "ready" if ready else "starting",
                              "analysis": state.service.ready,
                              "policy": state.screener.policy.digest},
                             status=200 if ready else 503)


async def metrics_endpoint(request: web.Request) -> web.Response:
    body = request.app[STATE].metrics.render()
    return web.Response(body=body, headers={"Content-Type": "text/plain; version=0.0.4; charset=utf-8"})


def build_app(config: GatewayConfig, policy: Policy | None = None) -> web.Application:
    from gateway.server import proxy

    metrics = Metrics()
    base_policy = policy or load_policy(config.policy_path())
    service = AnalysisService(analyzer_spec(config, base_policy), workers=config.analysis.workers,
                              cache_entries=config.analysis.cache_entries,
                              timeout_s=config.timeouts.analysis_s)
    state = GatewayState(config=config, keyring=KeyRing(config), router=Router(config), metrics=metrics,
                         service=service, screener=Screener(config, service, base_policy))
    state.masker = NewFindingMasker()
    state.use_rules = UseRules.from_file(base_policy.use_rules_path())
    base = Path(config.source).resolve().parent if config.source != "<memory>" else None
    if config.audit.path:
        state.audit = AuditTrail(config.audit, base)
    if config.recording.dir:
        state.recorder = CassetteRecorder(config.resolve(config.recording.dir), config.recording.encryption_key_env)
    app = web.Application(middlewares=[errors_middleware], client_max_size=config.server.max_body_bytes)
    app[STATE] = state
    app.on_startup.append(_on_startup)
    app.on_cleanup.append(_on_cleanup)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics_endpoint)
    app.router.add_get("/v1/models", proxy.list_models)
    for path, api in proxy.API_ROUTES.items():
        app.router.add_post(path, proxy.handler(api))
    return app

