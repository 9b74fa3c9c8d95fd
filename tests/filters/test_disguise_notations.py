"""Disguises in the notations a client pastes (JSON escapes, HTML entities, form encoding, fullwidth forms
percent-encoded, other dashes, a line break with indentation), and the look-alikes that stay: what `scan`
forwards holds neither the value nor its plain form, and every look-alike byte for byte."""

from __future__ import annotations

import asyncio
import io
import json

import pytest
import yaml

from gateway.cli.scan import run_scan
from gateway.config import DEFAULT_CONFIG, parse_config


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def forwarded(texts: list[str]) -> list[str]:
    """What `magic-gateway scan` forwards for each text, the tenant enforcing the shipped policy."""
    data = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    data.setdefault("tenants", {})["acme"] = {"mode": "enforce"}
    config = parse_config(data, str(DEFAULT_CONFIG))
    source = io.StringIO("".join(json.dumps({"text": t, "tenant": "acme"}) + "\n" for t in texts))
    sink = io.StringIO()
    asyncio.run(run_scan(config, source, sink))
    return [json.loads(line)["text"] for line in sink.getvalue().splitlines()]


PCT_FULLWIDTH = "".join(f"%{b:02X}" for b in fullwidth("4556 7375 8689 9855").encode())
# (text as written, pieces of the value that must not be forwarded in any form)
DISGUISED = [
    (r'{"email": "jane.doe\u0040example.com", "active": true}', ["jane.doe", "example.com"]),
    (r'{"ssn": "536\u002d22\u002d8107"}', ["8107", "536"]),
    ('log: user="jane\\u00ad.doe@exa\\u00admple.com" ok', ["doe@exa", "mple.com"]),
    ("<td>jane.doe&#64;example&period;com</td>", ["jane.doe", "example"]),
    ("<td>SSN</td><td>536&hyphen;22&#45;8107</td>", ["8107"]),
    ("IBAN DE89&shy;3704&nbsp;0044 0532 0130 00 on file", ["0532 0130", "3704"]),
    ("GET /pay?card=4556+7375+8689+9855&plan=pro 200", ["8689", "7375"]),
    ("GET /signup?tel=%2B49+30+12345678&plan=pro 200", ["12345678"]),
    (f"Please charge {PCT_FULLWIDTH} today", [PCT_FULLWIDTH[:27], "9855"]),
    ("card 4556\u20117375\u20118689\u20119855 on file, SSN 536\u221222\u22128107", ["8689", "8107"]),
    ("IBAN DE89 3704 00\x1b44 0532\x00 0130 00 please", ["0532", "3704"]),
    ('{"iban": "GB82 WEST 1234 5698 7654 3\r\n2"}', ["5698 7654"]),
    ("GET /api/v2/users?client_ip=221.147.94.248&plan=pro 200", ["221.147.94.248"]),
]
# text with nothing to find: must be forwarded whole
LOOK_ALIKES = [
    "Status: 859 731 623 rows scanned; a total of 6.648.801 EUR; 22 770 934 99 bytes.",
    "Ops log: ref 9526 3344 1051 7841 and items 4916-4818-7800-3894 in stock.",
    "Status: timeout range 250-30000 ms; epoch 1777597686 took 9427257 ns.",
    "Release notes: part no. 929-7919-44; ISBN 978-3-16-148410-0; invoice INV-2024-000123.",
    "Call me about it; the job ran 1698813 ns and moved 540 634 394 rows.",
    "The pages 10\u201320 of the spec, and AT&amp;T &copy; 2024, a &lt;b&gt; tag, x+y+z.",
    "export AWS_REGION=eu-west-1 && echo a+b+c && curl 'https://x.test/?q=a+b'",
]


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    texts = [t for t, _ in DISGUISED] + LOOK_ALIKES
    return dict(zip(texts, forwarded(texts)))


@pytest.mark.parametrize(("text", "hidden"), DISGUISED, ids=[t[:32] for t, _ in DISGUISED])
def test_a_value_disguised_in_a_notation_is_not_forwarded(outputs: dict[str, str], text: str,
                                                          hidden: list[str]) -> None:
    out = outputs[text]
    assert not [piece for piece in hidden if piece in out], out
    assert "<" in out or "[" in out, out   # a placeholder stands where the value was


@pytest.mark.parametrize("text", LOOK_ALIKES, ids=[t[:32] for t in LOOK_ALIKES])
def test_a_look_alike_is_forwarded_whole(outputs: dict[str, str], text: str) -> None:
    assert outputs[text] == text
