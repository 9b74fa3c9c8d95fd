"""The mock provider's web application: routes, request log, injected latency and failures, start and run."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler

from gateway.mock import anthropic_api, openai_api
from gateway.mock.call import MOCK_CALL, MockCall
from gateway.mock.errors import Family, MockError, error_response
from gateway.mock.faults import FailureCounter, injected_failure
from gateway.mock.recorder import MockRecorder, RecordedRequest
from gateway.mock.responses_api import responses
from gateway.mock.settings import SCENARIO_HEADER, MockSettings

log = logging.getLogger("magic_gateway.mock")

MOCK_SETTINGS = web.AppKey("mock_settings", MockSettings)
MOCK_RECORDER = web.AppKey("mock_recorder", MockRecorder)
MOCK_FAULTS = web.AppKey("mock_faults", FailureCounter)

API_ROUTES = {
    "/v1/chat/completions": openai_api.chat_completions,
    "/v1/completions": openai_api.completions,
    "/v1/embeddings": openai_api.embeddings,
    "/v1/responses": responses,
    "/v1/messages": anthropic_api.messages,
    "/v1/messages/count_tokens": anthropic_api.count_message_tokens,
}
MAX_BODY = 64 * 1024 * 1024


def build_mock_app(settings: MockSettings | None = None) -> web.Application:
    """The mock provider: OpenAI and Anthropic APIs under /v1, its request log under /_mock."""
    settings = settings or MockSettings()
    app = web.Application(middlewares=[_provider_middleware], client_max_size=MAX_BODY)
    app[MOCK_SETTINGS] = settings
    app[MOCK_RECORDER] = MockRecorder(settings.record_limit)
    app[MOCK_FAULTS] = FailureCounter()
    for path, handler in API_ROUTES.items():
        app.router.add_post(path, handler)
    app.router.add_get("/v1/models", list_models)
    app.router.add_get("/_mock/requests", list_requests)
    app.router.add_delete("/_mock/requests", clear_requests)
    return app


def family_of(request: web.Request) -> Family:
    """Whose error shape this request gets: Anthropic's for its paths and for callers that send its version."""
    if request.path.startswith("/v1/messages"):
        return "anthropic"
    if request.path == "/v1/models" and "anthropic-version" in request.headers:
        return "anthropic"
    return "openai"


@web.middleware
async def _provider_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.path.startswith("/_mock/"):
        return await handler(request)
    family = family_of(request)
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge as error:
        return error_response(family, error.status, f"Request too large: more than {MAX_BODY} bytes.")
    headers = {str(name): value for name, value in request.headers.items()}
    record = request.app[MOCK_RECORDER].add(request.method, request.path, request.query_string, headers, raw)
    try:
        response = await _answer(request, handler, family, record, raw)
    except MockError as error:
        response = error_response(family, error.status, error.message, error.param)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        response = error_response(family, error.status, f"{error.reason}: {request.method} {request.path}")
    except Exception as error:
        log.exception("mock provider failed on %s %s", request.method, request.path)
        response = error_response(family, 500, f"The mock provider failed: {type(error).__name__}.")
    if record.status is None:
        record.status = response.status
    return response


async def _answer(request: web.Request, handler: Handler, family: Family, record: RecordedRequest,
                  raw: bytes) -> web.StreamResponse:
    app = request.app
    try:
        settings = app[MOCK_SETTINGS].with_headers(request.headers)
    except ValueError as error:
        raise MockError(400, str(error)) from None
    if settings.latency_ms:
        await asyncio.sleep(settings.latency_ms / 1000)
    body: dict[str, Any] = {}
    if request.method == "POST":
        body = _parse_body(raw, record)
    presented = request.headers.get("x-api-key") or request.headers.get("Authorization", "").removeprefix("Bearer ")
    failure = injected_failure(settings, app[MOCK_FAULTS], request.headers.get(SCENARIO_HEADER, ""), family,
                               presented)
    if failure is not None:
        return failure
    request[MOCK_CALL] = MockCall(settings, body, record)
    return await handler(request)


def _parse_body(raw: bytes, record: RecordedRequest) -> dict[str, Any]:
    try:
        body = json.loads(raw)
    except ValueError:
        raise MockError(400, "We could not parse the JSON body of your request. (The body is not valid JSON.)") \
            from None
    record.json = body
    if not isinstance(body, dict):
        raise MockError(400, "The request body must be a JSON object.")
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise MockError(400, "you must provide a model parameter", param="model")
    return body


async def list_models(request: web.Request) -> web.Response:
    if family_of(request) == "anthropic":
        return anthropic_api.list_models()
    return openai_api.list_models()


async def list_requests(request: web.Request) -> web.Response:
    return web.json_response([r.to_json() for r in request.app[MOCK_RECORDER].requests])


async def clear_requests(request: web.Request) -> web.Response:
    recorder = request.app[MOCK_RECORDER]
    cleared = len(recorder)
    recorder.clear()
    return web.json_response({"cleared": cleared})


async def start_mock(settings: MockSettings | None = None, host: str = "127.0.0.1",
                     port: int = 0) -> tuple[web.AppRunner, int]:
    """Start the mock in this event loop; returns its runner (clean up to stop) and the port it listens on."""
    runner = web.AppRunner(build_mock_app(settings), handler_cancellation=True, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner, runner.addresses[0][1]


def run_mock(host: str, port: int, settings: MockSettings | None = None) -> None:
    """Serve the mock until interrupted (SIGINT or SIGTERM)."""
    log.info("mock provider listening on http://%s:%d", host, port)
    web.run_app(build_mock_app(settings), host=host, port=port, handler_cancellation=True,
                access_log=None, print=None)
