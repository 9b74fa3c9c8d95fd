"""The chain's limits step, before anything is screened or forwarded, and the settlement after the answer.

`take_limits` counts the request against every limit of its key, user and tenant at once (the store's
all-or-nothing `take`): one request, and its tokens and cost estimated up front. A limit it would pass
refuses it with 429 in the caller's API shape, `Retry-After` (seconds until the window ends) and the
limit and scope named (`X-Gateway-Limit`, `X-Gateway-Limit-Scope`; a key by its name or hash prefix, a
user never by address). After the answer, plain or streamed, `Settlement` prices the provider's usage
figures (the spend in metrics and the audit record) and moves each counter by the difference from the
estimate; a request that was never answered gives its tokens and money back (its request stays counted).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Awaitable
from dataclasses import dataclass, field

from gateway.errors import GatewayError
from gateway.limits import estimate
from gateway.limits.counters import Take
from gateway.limits.meters import Meter
from gateway.server.call import Call, need
from gateway.server.state import COUNTERS
from gateway.state.store import StateUnavailable

log = logging.getLogger("magic_gateway")
UNCOUNTED_APIS = ("anthropic.count_tokens",)   # counting tokens generates none: no limit, no spend
_NAMES = {"requests_per_minute": "requests per minute", "tokens_per_minute": "tokens per minute"}


@dataclass
class Settlement:
    call: Call
    meters: list[Meter] = field(default_factory=list)
    input_estimate: int = 0
    output_estimate: int = 0
    micro_estimate: int = 0
    done: bool = False

    def __call__(self) -> Awaitable[None] | None:
        """Spend noted at once and, when a counter must move, the awaitable that moves it; once per request,
        whatever ended it. Nothing to await when no limit applies: the request's end is not delayed."""
        if self.done:
            return None
        self.done = True
        call = self.call
        exchange, attempt, metrics = call.exchange, call.attempt, call.state.metrics
        answered = attempt is not None and attempt.response.status == 200
        used_in, used_out = (exchange.input_tokens, exchange.output_tokens) if answered else (0, 0)
        if answered and not (used_in or used_out):
            # an answer without usage figures (an OpenAI chat stream without include_usage): the estimate stands
            used_in, used_out, exchange.usage_estimated = self.input_estimate, self.output_estimate, True
        micro = 0
        if answered and attempt is not None:
            price = call.state.prices.price(attempt.deployment.upstream_model)
            micro = price.micro_usd(used_in, used_out) if price is not None else 0
            exchange.spend_micro_usd, exchange.price = micro, price.entry if price is not None else "unpriced"
            labels = (exchange.tenant or "none", exchange.key_id or "none", exchange.price)
            metrics.child(metrics.spend_usd, *labels).inc(micro / 1_000_000)
            metrics.child(metrics.spend_tokens, *labels, "in").inc(used_in)
            metrics.child(metrics.spend_tokens, *labels, "out").inc(used_out)
        changes = [(m.key, (used_in + used_out - self.input_estimate - self.output_estimate) if m.unit == "tokens"
                    else micro - self.micro_estimate) for m in self.meters if m.unit != "requests"]
        changes = [c for c in changes if c[1]]
        return self._adjust(changes) if changes else None

    async def _adjust(self, changes: list[tuple[str, int]]) -> None:
        try:
            await self.call.request.app[COUNTERS].adjust(changes)
        except Exception:   # the answer has gone out; the estimate stands
            log.exception("limits: settling a request's usage failed",
                          extra={"fields": {"request_id": self.call.exchange.request_id}})


async def take_limits(call: Call) -> None:
    if call.adapter.api in UNCOUNTED_APIS:
        return
    settlement = Settlement(call)
    call.settle = settlement
    state, principal = call.state, need(call.principal, "the principal")
    meters = state.limits.meters(principal.tenant, principal.user, principal.key_id)
    if not meters:
        return   # no limit applies: nothing is counted, no store is touched
    found, envelope = need(call.route, "the route"), need(call.envelope, "the envelope")
    units = {m.unit for m in meters}
    if units != {"requests"}:
        settlement.input_estimate = estimate.input_tokens(s.text for s in envelope.segments)
        settlement.output_estimate = estimate.output_tokens(envelope.body, state.limits.config.output_estimate_tokens,
                                                            found.feature)
    if "micro_usd" in units:
        price = state.prices.price(found.upstream_model)
        if price is None:
            raise GatewayError(403, "model_not_priced",
                               f"a budget in money applies and the price file has no price for the model "
                               f"{found.upstream_model[:100]!r}; an operator must add one (limits.prices)")
        settlement.micro_estimate = price.micro_usd(settlement.input_estimate, settlement.output_estimate)
    tokens = settlement.input_estimate + settlement.output_estimate
    amounts = {"requests": 1, "tokens": tokens, "micro_usd": settlement.micro_estimate}
    try:
        refused = await call.request.app[COUNTERS].take(
            [Take(m.key, amounts[m.unit], m.ceiling, m.ttl_s) for m in meters])
    except StateUnavailable as error:
        raise GatewayError(503, "limits_unavailable",
                           f"{error}; requests under a limit are refused until it answers "
                           "(state.on_unavailable: refuse)") from None
    if refused is None:
        settlement.meters = meters
        return
    meter = meters[refused]
    state.metrics.child(state.metrics.limit_refusals, principal.tenant, meter.scope, meter.limit).inc()
    call.exchange.limit = f"{meter.scope}:{meter.limit}"
    raise refusal(meter, amounts[meter.unit])


def refusal(meter: Meter, amount: int) -> GatewayError:
    retry_after = max(math.ceil(meter.ends - time.time()), 1)
    whose = {"key": f"the key {meter.shown!r}", "user": "this user", "tenant": f"the tenant {meter.shown!r}"}[meter.scope]
    if meter.limit in _NAMES:
        what, code = f"limit of {meter.ceiling} {_NAMES[meter.limit]}", "rate_limit_exceeded"
    else:
        _, unit, period = meter.limit.split("_")
        ceiling = f"{meter.ceiling / 1_000_000:.2f} USD" if unit == "usd" else f"{meter.ceiling} tokens"
        what, code = f"budget of {ceiling} per {period}", "budget_exceeded"
    alone = " (this request alone is more than that)" if amount > meter.ceiling else ""
    return GatewayError(429, code, f"{whose} has reached its {what}{alone}; retry after {retry_after} s "
                        f"(limit {meter.limit}, scope {meter.scope})",
                        headers={"Retry-After": str(retry_after), "X-Gateway-Limit": meter.limit,
                                 "X-Gateway-Limit-Scope": meter.scope})
