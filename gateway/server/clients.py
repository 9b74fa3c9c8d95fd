"""The chain's step that looks at the client itself: where it is (AUP I.A.e) and whether its key is
shared with other clients (AUP I.B.a). Refusals are 403 in the API's shape, citing the clause."""

from __future__ import annotations

from gateway.clients import embargo, shared_keys
from gateway.errors import GatewayError
from gateway.server.call import Call, need
from gateway.server.state import SHARED

USER_AGENT = "User-Agent"


async def check_client(call: Call) -> None:
    state, exchange, principal = call.state, call.exchange, need(call.principal, "the principal")
    checks, headers = state.clients, call.request.headers
    address = checks.address.of(call.request.remote, headers.getall("X-Forwarded-For", ()))
    located = checks.embargo.locate(address)
    if located.unknown:
        state.metrics.country_unknown.inc()
    if located.embargoed:
        exchange.client_violations.append({"clause": embargo.CLAUSE, "category": "embargoed_location",
                                           "action": "block", "stage": "client"})
        raise GatewayError(403, "embargoed_location",
                           f"this service is not available from the client's location ({located.country}): "
                           f"{embargo.CLAUSE}", clause=embargo.CLAUSE, category="embargoed_location",
                           stage="client")
    watch = checks.shared_keys
    if not watch.limits:
        return
    clients = {"addresses": str(address) if address is not None else None,
               "user_agents": headers.get(USER_AGENT)}
    excess = await watch.observe(call.request.app[SHARED], principal.tenant, principal.key_id, clients)
    if not excess:
        return
    action = "block" if watch.refuses else "flag"
    for over in excess:
        state.metrics.child(state.metrics.shared_keys, principal.tenant, principal.key_id, over.kind,
                            action).inc()
    exchange.client_violations.append({"clause": shared_keys.CLAUSE, "category": "shared_credentials",
                                       "action": action, "stage": "client"})
    if watch.refuses:
        over = excess[0]
        what = "client addresses" if over.kind == "addresses" else "user agents"
        raise GatewayError(403, "shared_credentials",
                           f"this key was used from more than {over.limit} {what} within {over.window_s:g} s; "
                           f"keys are not to be shared ({shared_keys.CLAUSE})", clause=shared_keys.CLAUSE,
                           category="shared_credentials", stage="client")
