"""The one place that talks to providers: a pooled session, a deadline, and retries that do not multiply.

By default only a connection that failed before the request was sent (nothing reached the provider)
is tried again; a provider's 429 or 5xx goes back to the client with its status and Retry-After, so
that the SDK's own retries are the only ones (`retries.on_status: retry` retries those here too).
"""

from __future__ import annotations

import asyncio
import email.utils
import os
import random
import time
from collections.abc import Callable, Mapping

import aiohttp

from gateway.config import ProviderConfig, RetryConfig, TimeoutConfig
from gateway.errors import GatewayError

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504, 529})
BASE_FORWARDED_HEADERS = ("content-type", "anthropic-version", "anthropic-beta")


def provider_key(provider: ProviderConfig) -> str | None:
    """The provider's API key from the environment variable the config names (never logged)."""
    if not provider.api_key_env:
        return None
    key = os.environ.get(provider.api_key_env)
    if not key:
        raise GatewayError(503, "provider_key_missing",
                           f"the provider {provider.name!r} has no API key: set the environment variable "
                           f"{provider.api_key_env}")
    return key


def upstream_headers(provider: ProviderConfig, incoming: Mapping[str, str],
                     allowlist: tuple[str, ...]) -> dict[str, str]:
    """Only allowlisted client headers, plus the provider's own auth: the gateway key never leaves."""
    headers = {name: incoming[name] for name in allowlist if name in incoming}
    headers["content-type"] = "application/json"
    if provider.kind == "anthropic" and "anthropic-version" not in headers:
        headers["anthropic-version"] = "2023-06-01"
    headers.update(provider.headers)
    key = provider_key(provider)
    if key is not None:
        if provider.kind == "anthropic":
            headers["x-api-key"] = key
        else:
            headers["authorization"] = f"Bearer {key}"
    return headers


def retry_after_seconds(headers: Mapping[str, str], limit: float) -> float | None:
    value = headers.get("retry-after-ms")
    if value:
        try:
            return min(float(value) / 1000, limit)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return min(max(float(value), 0.0), limit)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None   # neither seconds nor an HTTP date: as if the provider had said nothing
    return min(max(when.timestamp() - time.time(), 0.0), limit)


def failed_after_sending(provider: ProviderConfig) -> GatewayError:
    """The connection broke once the provider may have the request: a 502 the SDKs do not retry
    (`x-should-retry: false`, which the OpenAI and Anthropic SDKs obey), so it is never delivered twice."""
    return GatewayError(502, "upstream_failed",
                        f"the connection to the provider {provider.name!r} failed after the request was sent; "
                        "it may have been received, so it is not sent again", headers={"x-should-retry": "false"})


class UpstreamClient:
    """Sends a forwarded request; retries failed connects (and, with on_status: retry, 429 and 5xx)."""

    def __init__(self, session: aiohttp.ClientSession, timeouts: TimeoutConfig, retries: RetryConfig,
                 on_retry: Callable[[str, str], None] | None = None) -> None:
        self._session = session
        self._timeouts = timeouts
        self._retries = retries
        self._on_retry = on_retry or (lambda provider, reason: None)
        self._timeout = aiohttp.ClientTimeout(total=None, connect=timeouts.connect_s, sock_read=timeouts.read_s)

    @property
    def relays_status(self) -> bool:
        """Whether a provider's 429 or 5xx goes back to the client as it came (`retries.on_status: relay`)."""
        return self._retries.on_status == "relay"

    async def send(self, provider: ProviderConfig, url: str, body: bytes,
                   headers: dict[str, str], attempts: int | None = None) -> aiohttp.ClientResponse:
        """The upstream response with its headers read and its body still open (the caller releases it).

        `attempts` overrides the configured retries: a route with other deployments to fall back to
        sends once (never the same deployment twice for one request).
        """
        attempts = attempts or self._retries.attempts
        deadline = time.monotonic() + self._timeouts.total_s
        timeout = self._timeout
        attempt = 0
        while True:
            attempt += 1
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self._timed_out(provider)
            try:
                async with asyncio.timeout(remaining):
                    response = await self._session.post(url, data=body, headers=headers, timeout=timeout,
                                                        allow_redirects=False)
            except TimeoutError:
                raise self._timed_out(provider) from None
            except aiohttp.ClientConnectorError:
                # The connection was never made: the provider cannot have received the request.
                unreachable = GatewayError(502, "upstream_unreachable",
                                           f"the provider {provider.name!r} could not be reached")
                pause = self._backoff(attempt)
                if attempt >= attempts or time.monotonic() + pause >= deadline:
                    raise unreachable from None
                self._on_retry(provider.name, "connect")
                await asyncio.sleep(pause)
                continue
            except aiohttp.ClientError:
                # The request may have reached the provider (a dropped connection after sending): trying
                # again could run it twice, so neither the gateway nor the SDK tries it again.
                raise failed_after_sending(provider) from None
            if response.status in RETRYABLE_STATUS and self._retries.on_status == "retry" and attempt < attempts:
                asked = retry_after_seconds(response.headers, self._retries.retry_after_max_s)
                pause = self._backoff(attempt) if asked is None else asked
                if time.monotonic() + pause < deadline:
                    response.release()
                    self._on_retry(provider.name, str(response.status))
                    await asyncio.sleep(pause)
                    continue
            return response

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self._retries.backoff_max_s, self._retries.backoff_s * 2 ** (attempt - 1))
        return random.uniform(ceiling / 2, ceiling)  # jitter: replicas don't retry in lockstep

    @staticmethod
    def _timed_out(provider: ProviderConfig) -> GatewayError:
        return GatewayError(504, "upstream_timeout",
                            f"the provider {provider.name!r} did not answer within the deadline")
