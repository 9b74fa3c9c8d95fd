"""A mock provider started with `start_mock` on a free loopback port (port 0), in a thread of its own so that
sync and async SDK clients can both talk to it."""

from __future__ import annotations

import asyncio
import json
import threading
import urllib.request
from typing import Any

import anthropic
import openai

from gateway.mock import MOCK_RECORDER, MockSettings, RecordedRequest, start_mock

OPENAI_KEY = "sk-test-openai"
ANTHROPIC_KEY = "sk-ant-test"


class RunningMock:
    """A mock provider started with `start_mock` in a background event loop."""

    def __init__(self, settings: MockSettings) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._runner, self.port = self._call(start_mock(settings, port=0))

    def _call(self, coroutine):  # type: ignore[no-untyped-def]
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(30)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def recorded(self) -> list[RecordedRequest]:
        """The request log, read from the app itself."""
        return self._runner.app[MOCK_RECORDER].requests

    def log(self) -> list[dict[str, Any]]:
        """The request log as served at GET /_mock/requests."""
        with urllib.request.urlopen(self.url + "/_mock/requests", timeout=5) as response:
            return json.loads(response.read())

    def openai(self, **options: Any) -> openai.OpenAI:
        return openai.OpenAI(base_url=self.url + "/v1", api_key=OPENAI_KEY, max_retries=0, **options)

    def async_openai(self, **options: Any) -> openai.AsyncOpenAI:
        return openai.AsyncOpenAI(base_url=self.url + "/v1", api_key=OPENAI_KEY, max_retries=0, **options)

    def anthropic(self, **options: Any) -> anthropic.Anthropic:
        return anthropic.Anthropic(base_url=self.url, api_key=ANTHROPIC_KEY, max_retries=0, **options)

    def async_anthropic(self, **options: Any) -> anthropic.AsyncAnthropic:
        return anthropic.AsyncAnthropic(base_url=self.url, api_key=ANTHROPIC_KEY, max_retries=0, **options)

    def stop(self) -> None:
        self._call(self._runner.cleanup())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
