"""Shared fixtures: a mock provider and a gateway in front of it, on loopback ports, for the session."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serving import KEY, ThreadServer, base_config, clear_mock, start_gateway, start_mock_server

PROVIDER_KEYS = {"TEST_OPENAI_KEY": "sk-test-openai-provider-key", "TEST_ANTHROPIC_KEY": "sk-ant-test-provider-key"}
os.environ.update(PROVIDER_KEYS)


@pytest.fixture(scope="session")
def mock() -> Iterator[ThreadServer]:
    server = start_mock_server({"echo": True, "chunk_chars": 3})
    yield server
    server.stop()


@pytest.fixture(scope="session")
def gateway(mock: ThreadServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadServer]:
    """The gateway with analysis in a worker process, as in production, in front of the shared mock."""
    config = base_config(mock.url, analysis={"workers": 1})
    server = start_gateway(config, tmp_path_factory.mktemp("gateway"))
    yield server
    server.stop()


@pytest.fixture
def upstream(mock: ThreadServer) -> ThreadServer:
    """The shared mock, its request log emptied for this test."""
    clear_mock(mock)
    return mock


@pytest.fixture
def openai_client(gateway: ThreadServer):  # type: ignore[no-untyped-def]
    import openai

    return openai.OpenAI(base_url=gateway.url + "/v1", api_key=KEY, max_retries=0)


@pytest.fixture
def async_openai_client(gateway: ThreadServer):  # type: ignore[no-untyped-def]
    import openai

    return openai.AsyncOpenAI(base_url=gateway.url + "/v1", api_key=KEY, max_retries=0)


@pytest.fixture
def anthropic_client(gateway: ThreadServer):  # type: ignore[no-untyped-def]
    import anthropic

    return anthropic.Anthropic(base_url=gateway.url, api_key=KEY, max_retries=0)


@pytest.fixture
def async_anthropic_client(gateway: ThreadServer):  # type: ignore[no-untyped-def]
    import anthropic

    return anthropic.AsyncAnthropic(base_url=gateway.url, api_key=KEY, max_retries=0)


@pytest.fixture(scope="session")
def redis_server() -> Iterator["RedisServer"]:  # noqa: F821  (imported inside: it needs the binary)
    """A real redis-server on a free loopback port for the session."""
    from redis_server import RedisServer

    server = RedisServer()
    yield server
    server.stop()
