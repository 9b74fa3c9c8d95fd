"""Fixtures: the mock provider on a free loopback port, default or with given settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from running_mock import RunningMock

from gateway.mock import MockSettings


@pytest.fixture
def start_provider() -> Iterator[Callable[..., RunningMock]]:
    """Start a mock with the given settings (as in a config's `mock:` mapping); stopped after the test."""
    started: list[RunningMock] = []

    def start(**settings: Any) -> RunningMock:
        running = RunningMock(MockSettings.from_mapping(settings))
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()


@pytest.fixture
def provider(start_provider: Callable[..., RunningMock]) -> RunningMock:
    """A mock with the default settings: echo on, 3 characters per streamed piece."""
    return start_provider()
