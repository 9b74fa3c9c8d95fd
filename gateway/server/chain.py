"""The request path, in one place: the steps every proxied request goes through, in order.

    authenticate -> check_client -> read_body -> read_documents -> parse -> record -> route -> take_limits -> admit -> screen -> guard -> enforce
    -> rewrite -> restore_documents -> expand -> forward

Each step is `async def step(call: Call) -> web.StreamResponse | None` (see `gateway.server.steps`);
the first one to return a response ends the chain. Whatever happens, the request's record is
counted, logged and audited once at the end (`gateway.observability.finish`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

from aiohttp import web

from gateway.adapters.base import Adapter
from gateway.errors import GatewayError
from gateway.limits.step import take_limits
from gateway.observability.exchange import Exchange
from gateway.observability.finish import finish_exchange
from gateway.server import clients, conversation, documents, steps
from gateway.server.call import Call
from gateway.server.forward import forward
from gateway.server.state import LINKS, LIVE, REQUEST_ID

Step = Callable[[Call], Awaitable[web.StreamResponse | None]]

REQUEST_STEPS: tuple[Step, ...] = (
    steps.authenticate,   # gateway key -> Principal (tenant, user, agent)
    clients.check_client,  # the client's location (AUP I.A.e) and a key shared between clients (AUP I.B.a)
    steps.read_body,      # strict JSON
    documents.read_documents,   # PDF documents read as text, to be screened like any text
    steps.parse,          # adapter: body -> Envelope of Segments; size limits
    steps.record,         # cassette started, when recorded
    steps.route,          # model -> Route (provider, upstream model, feature); the tenant's policy
    take_limits,          # requests, tokens (estimated) and money per key, user, tenant; settled after the answer
    steps.admit,          # audit writable; the decision's admit (feature, stored state)
    steps.screen,         # analysis (cached, in workers) and the decision -> Verdict
    steps.guard,          # the guard model, when the policy names one and the local score is unsure
    steps.enforce,        # the verdict carried out: refusal, review, mode headers
    steps.rewrite,        # screened texts written back; provider fields; the response chain
    documents.restore_documents,  # a PDF whose text needed no edit goes out as it came
    conversation.expand,  # Responses: stored turns and item references expanded from the gateway's store
    forward,              # upstream, and the answer through the response chain
)


async def run_chain(call: Call) -> web.StreamResponse:
    for step in REQUEST_STEPS:
        response = await step(call)
        if response is not None:
            return response
    raise RuntimeError("the request chain ended without a response")


def handler(adapter: Adapter) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def handle(request: web.Request) -> web.StreamResponse:
        state = request.app[LIVE].current
        exchange = Exchange(request_id=request[REQUEST_ID], route=adapter.api)
        call = Call(request=request, state=state, links=request.app[LINKS], adapter=adapter, exchange=exchange)
        state.metrics.in_flight.inc()
        response: web.StreamResponse | None = None
        try:
            response = await run_chain(call)
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
            # the spend noted before the audit record, which holds it; limits' counters settled
            settling = call.settle() if call.settle is not None else None
            if settling is not None:
                with contextlib.suppress(asyncio.CancelledError):   # it goes on in its own task; the record
                    await asyncio.shield(settling)                  # below is written whatever happens
            finish_exchange(state.metrics, state.audit, state.recorder, exchange, state.finish_hooks)
    return handle
