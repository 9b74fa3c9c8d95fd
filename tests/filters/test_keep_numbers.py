"""Numbers of tool manuals, configs and logs that are no personal data: ranges, versions, ids, hashes,
ports, limits, a hex value that is no wallet, a failing IBAN's digit groups. Kept whole in a developer's
instructions and in a user's text alike."""

from __future__ import annotations

import pytest

from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span

KEEP = [
    "timeout: optional, in milliseconds (250-30000); defaults to 120000 (2 minutes).",
    "Limit output to 30000 characters; lines longer than 2000 characters are truncated.",
    "Requires Python >= 3.10, <3.13; tested with numpy 1.26.4 and pandas 2.2.2.",
    "Use version 2024.10.1 of the SDK, build 20241015.3, commit 3f9a2c71d04e8b65.",
    "Retry with backoff 500-8000 ms, at most 5 attempts, jitter 0.1-0.3.",
    "The run id is 1700000000123 and the job 4823-1193-7788 finished.",
    "Port range 49152-65535, MTU 1500, VLAN 4094.",
    "The test fixture GB82 WEST 1234 5698 7654 33 fails mod 97.",
    "Timestamps: 1712345678, 1712345679, 1712349999 (epoch seconds).",
    "The matrix is 1024 x 768, batch 64, lr 0.0003, 3 epochs, seed 1234567.",
    "Error code 0x80070005 and HRESULT 0x8007000E; PID 48213 exited with 137.",
    "The commit 0xcacc13b118770e5f3c799abe93b7b2f1116e6274 is a hash here.",
    "The UUID 123e4567-e89b-12d3-a456-426614174000 names the run.",
    "Set max_tokens between 1 and 8192; temperature 0-2; top_p 0.0-1.0.",
    "Table 5 has 12 rows; see section 3.2.1 and figure 4b; HTTP 404 and ISO 9001 apply.",
    "Listen on 0.0.0.0:8080; the MAC of the example is 00:00:00:00:00:00.",
    "Page 1 of 12, lines 100-250, offset 4096, limit 500.",
]


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


@pytest.mark.parametrize("role", ["system", "user"])
@pytest.mark.parametrize("text", KEEP)
def test_numbers_that_are_no_personal_data_are_kept(detector: Detector, text: str, role: str) -> None:
    spans = [Span(0, len(text), DataClass.INPUT, False, "prose")]
    assert [(d.entity, text[d.start:d.end]) for d in detector.detect(text, spans, role=role)] == []
