"""MockSettings: built from a config's `mock:` mapping, strict about names and values; per-request headers."""

from __future__ import annotations

import pytest

from gateway.mock import MockSettings


def test_defaults_and_a_config_mapping():
    assert MockSettings.from_mapping({}) == MockSettings()
    settings = MockSettings.from_mapping({"echo": True, "chunk_chars": 5, "fail_status": 503, "retry_after": 2})
    assert settings.chunk_chars == 5 and settings.fail_status == 503 and settings.retry_after == 2.0
    assert MockSettings().echo is True and MockSettings().chunk_chars == 3


def test_unknown_keys_are_named():
    with pytest.raises(ValueError, match="chunk_size.*latency"):
        MockSettings.from_mapping({"chunk_size": 3, "latency": 10, "echo": False})


@pytest.mark.parametrize("values, name", [
    ({"echo": "yes"}, "echo"),
    ({"chunk_chars": 0}, "chunk_chars"),
    ({"latency_ms": True}, "latency_ms"),
    ({"latency_ms": -1}, "latency_ms"),
    ({"fail_status": 200}, "fail_status"),
    ({"fail_times": 1.5}, "fail_times"),
    ({"echo": None}, "echo"),
])
def test_invalid_values_are_named(values, name):
    with pytest.raises(ValueError, match=name):
        MockSettings.from_mapping(values)


def test_headers_override_for_one_request():
    base = MockSettings(fail_status=500)
    settings = base.with_headers({"x-mock-fail-status": "429", "x-mock-retry-after": "1.5", "x-mock-echo": "false",
                                  "x-mock-cut-after-events": "4", "content-type": "application/json"})
    assert (settings.fail_status, settings.retry_after, settings.echo, settings.cut_after_events) == \
        (429, 1.5, False, 4)
    assert base.with_headers({}) is base


def test_bad_header_is_named():
    with pytest.raises(ValueError, match="x-mock-latency-ms"):
        MockSettings().with_headers({"x-mock-latency-ms": "-5"})
