"""The providers as the running gateway reaches them: the one upstream client and each provider's base URL.

Built at start-up (built-in mock providers are started then, on a free loopback port) and closed at
clean-up, by `provider_links` in the app's cleanup context.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import aiohttp
from aiohttp import web

from gateway.config import GatewayConfig
from gateway.upstream.client import UpstreamClient


@dataclass(frozen=True)
class ProviderLinks:
    client: UpstreamClient
    base_urls: dict[str, str]     # provider name -> base URL


async def open_links(config: GatewayConfig,
                     on_retry: Callable[[str, str], None]) -> AsyncIterator[ProviderLinks]:
    """Start the mock providers and the pooled session; yield the links; close everything after."""
    from gateway.mock.server import start_mock
    from gateway.mock.settings import MockSettings

    runners: list[web.AppRunner] = []
    base_urls: dict[str, str] = {}
    connector = aiohttp.TCPConnector(limit=512, limit_per_host=256, keepalive_timeout=30)
    # no cookie jar: a cookie one provider sets must never go out with another tenant's request
    session = aiohttp.ClientSession(connector=connector, auto_decompress=True, cookie_jar=aiohttp.DummyCookieJar())
    try:
        for provider in config.providers:
            if provider.kind == "mock" and not provider.base_url:
                runner, port = await start_mock(MockSettings.from_mapping(provider.mock))
                runners.append(runner)
                base_urls[provider.name] = f"http://127.0.0.1:{port}/v1"
            else:
                base_urls[provider.name] = (provider.base_url or "").rstrip("/")
        client = UpstreamClient(session, config.timeouts, config.retries, on_retry=on_retry)
        yield ProviderLinks(client=client, base_urls=base_urls)
    finally:
        await session.close()
        for runner in runners:
            await runner.cleanup()
