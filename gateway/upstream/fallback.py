"""One request sent to a route: its deployments tried in the balancer's order until one answers.

A request moves to the next deployment only when the one tried cannot have received it (the
connection was never made), or on a timeout where the route says `fallback_on_timeout` (else the
provider may still be working on it, and the client gets the 504). A provider's 429 or 5xx is relayed
to the client (`retries.on_status: relay`, the default), so that one SDK call with its retries hits the
providers 1 + retries times, never that times the route's deployments; the deployment that answered it
is tried after the others for a while (`DeploymentHealth.demote`), so the SDK's retry goes elsewhere.
With `on_status: retry` a 429, a 5xx or a broken connection moves on at once, as the gateway's own
retry. Each deployment is tried at most once per request. A deployment of the other wire format gets
the request through its translator; a request field that deployment cannot honour skips it, and when
no deployment can take the request the client gets a 400 naming the field. The last deployment's
answer, whatever it is, is the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from gateway import jsoncodec
from gateway.adapters import ADAPTERS
from gateway.errors import GatewayError
from gateway.translate import API_FORMAT, Translator, Untranslatable, pick
from gateway.upstream.client import UpstreamClient, upstream_headers
from gateway.upstream.deployments import Deployment, DeploymentHealth
from gateway.upstream.routing import Route

# Headers of one wire format that mean nothing to the other.
FORMAT_HEADERS = {"anthropic": ("anthropic-version", "anthropic-beta")}


@dataclass
class Attempted:
    """The deployment that answered, how its request was translated, and its open response."""

    deployment: Deployment
    translator: Translator | None
    target_api: str
    response: aiohttp.ClientResponse
    fallbacks: list[str] = field(default_factory=list)   # deployments tried before, as provider:model


def deployment_format(deployment: Deployment, api: str) -> str:
    """The wire format a deployment speaks; the built-in mock speaks both, so it gets the caller's."""
    if deployment.provider.kind == "mock":
        return API_FORMAT[api]
    return deployment.provider.wire_format


class RouteSender:
    def __init__(self, client: UpstreamClient, health: DeploymentHealth, base_urls: Mapping[str, str],
                 on_fallback: Callable[[Deployment, str], None] = lambda deployment, reason: None,
                 on_error: Callable[[Deployment, str], None] = lambda deployment, kind: None) -> None:
        self._client = client
        self._health = health
        self._base_urls = base_urls
        self._on_fallback = on_fallback
        self._on_error = on_error

    def url(self, deployment: Deployment, target_api: str) -> str:
        base = self._base_urls[deployment.provider.name]
        if deployment.provider.kind == "anthropic" and not base.endswith("/v1"):
            base += "/v1"
        return base + ADAPTERS[target_api].upstream_path   # the API's own fact

    async def send(self, route: Route, api: str, body: dict[str, Any], incoming: Mapping[str, str],
                   allow: tuple[str, ...],
                   finish_body: Callable[[dict[str, Any], str, Deployment], dict[str, Any]]) -> Attempted:
        """The first usable answer; the caller must call `done` with it when the response is finished."""
        candidates = self._health.order(route.deployments, route.balance)
        single = len(route.deployments) == 1
        relay = self._client.relays_status
        refused: Untranslatable | None = None
        failure: GatewayError | None = None
        fallbacks: list[str] = []
        for position, deployment in enumerate(candidates):
            last = position == len(candidates) - 1
            try:
                translator = pick(api, deployment_format(deployment, api))
                target_body = translator.request(body) if translator is not None else body
            except Untranslatable as error:
                refused = refused or error
                continue
            target_api = translator.target_api if translator is not None else api
            payload = jsoncodec.dumps(finish_body(target_body, target_api, deployment))
            headers = upstream_headers(deployment.provider, self._headers_for(incoming, api, target_api), allow)
            sent_at = self._health.started(deployment)
            try:
                response = await self._client.send(deployment.provider, self.url(deployment, target_api), payload,
                                                    headers, attempts=None if single else 1)
            except GatewayError as error:
                self._health.ended(deployment)
                self._health.failed(deployment)
                self._on_error(deployment, error.code)
                timed_out = error.code == "upstream_timeout"
                # relaying: only a request that cannot have reached the provider goes elsewhere
                received = relay and error.code != "upstream_unreachable" and not timed_out
                if last or received or (timed_out and not route.fallback_on_timeout):
                    raise
                failure = error
                fallbacks.append(deployment.label)
                self._on_fallback(deployment, error.code)
                continue
            if response.status == 429 or response.status >= 500:
                self._health.failed(deployment)
                if relay and not single:
                    self._health.demote(deployment)
                if not last and not relay:
                    response.release()
                    self._health.ended(deployment)
                    self._on_error(deployment, f"http_{response.status}")
                    fallbacks.append(deployment.label)
                    self._on_fallback(deployment, f"http_{response.status}")
                    continue
            else:
                self._health.succeeded(deployment, sent_at)
            return Attempted(deployment, translator, target_api, response, fallbacks)
        if failure is not None:
            raise failure
        assert refused is not None
        raise GatewayError(400, "field_not_translatable", refused.message, param=refused.param)

    def done(self, attempted: Attempted) -> None:
        self._health.ended(attempted.deployment)

    @staticmethod
    def _headers_for(incoming: Mapping[str, str], api: str, target_api: str) -> dict[str, str]:
        caller, target = API_FORMAT[api], API_FORMAT[target_api]
        if caller == target:
            return dict(incoming)
        dropped = FORMAT_HEADERS.get(caller, ())
        return {k: v for k, v in incoming.items() if k not in dropped}
