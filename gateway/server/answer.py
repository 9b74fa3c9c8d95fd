"""What the client's answer is made of besides the model's text: relayed headers, a withheld answer's refusal."""

from __future__ import annotations

import aiohttp

from filters.segments import RuleHit
from gateway.errors import GatewayError

RELAYED_RESPONSE_HEADERS = ("retry-after", "retry-after-ms", "openai-processing-ms", "x-ai-generated")
RELAYED_PREFIXES = ("x-ratelimit-", "anthropic-ratelimit-")


def client_headers(upstream: aiohttp.ClientResponse, extra: dict[str, str]) -> dict[str, str]:
    headers = {k: v for k, v in upstream.headers.items()
               if k.lower() in RELAYED_RESPONSE_HEADERS or k.lower().startswith(RELAYED_PREFIXES)}
    provider_id = upstream.headers.get("request-id") or upstream.headers.get("x-request-id")
    if provider_id:
        # Under both names, so that either SDK's `_request_id` finds the provider's id.
        headers["request-id"] = headers["x-request-id"] = provider_id
    headers.update(extra)
    return headers


def response_refusal(hit: RuleHit) -> GatewayError:
    return GatewayError(400, "response_refused",
                        f"the provider's answer was withheld by policy ({hit.clause}, {hit.category}): {hit.reason}",
                        clause=hit.clause, category=hit.category)
