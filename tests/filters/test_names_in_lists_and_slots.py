"""Names in the places the fifth round fixed (a referral, an SQL `IN` list, a TSV under a line of prose, a
people list under a heading without a colon, a lower-case name after "my name is", a hyphenated surname in
a Person column), and the things
beside them that stay (a model number, an article, a place's last word, a thing's key or column): what
`scan` forwards, the tenant enforcing the shipped policy."""

from __future__ import annotations

import asyncio
import io
import json

import pytest
import yaml

from gateway.cli.scan import run_scan
from gateway.config import DEFAULT_CONFIG, parse_config


def forwarded(texts: list[str]) -> list[str]:
    """What `magic-gateway scan` forwards for each text."""
    data = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    data.setdefault("tenants", {})["acme"] = {"mode": "enforce"}
    config = parse_config(data, str(DEFAULT_CONFIG))
    source = io.StringIO("".join(json.dumps({"text": t, "tenant": "acme"}) + "\n" for t in texts))
    sink = io.StringIO()
    asyncio.run(run_scan(config, source, sink))
    return [json.loads(line)["text"] for line in sink.getvalue().splitlines()]


# (how, text, the names that must not be forwarded, words beside them that must be)
NAMED = [
    ("a full name after an article", "I got a call from a John Smith about his refund, can you draft a reply?",
     ["John Smith"], ["I got a call from a", "about his refund"]),
    ("a full name after 'the'", "Summarise the complaint from the Peter Novak who wrote yesterday.",
     ["Peter Novak"], ["Summarise the complaint from the", "who wrote yesterday"]),
    ("a referral to a surname spaCy calls a place", "Plan: ice and rest; refer to Barrena for physiotherapy.",
     ["Barrena"], ["refer to", "physiotherapy"]),
    ("an SQL IN list on a surname column",
     "Why is this slow? SELECT id FROM staff WHERE last_name IN ('Nieminen', 'Kowalczyk') ORDER BY id",
     ["Nieminen", "Kowalczyk"], ["SELECT id FROM staff WHERE last_name IN (", "ORDER BY id"]),
    ("an SQL IN list whose first name holds particles",
     "Tune it: SELECT * FROM users u WHERE u.name IN ('Marta van der Heuvel', 'Tomasz') LIMIT 5",
     ["Heuvel", "Tomasz"], ["LIMIT 5"]),
    ("a TSV under a prose line holding a comma",
     "Dedupe these, keep the header:\nName\tEmail\nSaara\tsaara.k@example.org\nBernard\tb.roux@example.net",
     ["Saara", "Bernard"], ["Dedupe these, keep the header:", "Name\tEmail"]),
    ("a people list under a heading without a colon",
     "Attendees (from the kickoff)\n- Ilse\n- Scott\n- Dorota Wiśniewska\nPlease write up the notes.",
     ["Scott", "Ilse", "Dorota"], ["Attendees (from the kickoff)", "Please write up the notes."]),
    ("a lower-case name after my name is, though it scores low as a word",
     "hi, my name is scott woodward and my card was charged twice", ["scott", "woodward"],
     ["my name is", "and my card was charged twice"]),
    ("a given name spaCy calls a place, after birthday to", "Happy birthday to Clara, who turns 40 today!",
     ["Clara"], ["Happy birthday to", "who turns 40 today!"]),
    ("a hyphenated surname in a Person column",
     "| Person | IBAN |\n|---|---|\n| Jennifer Ramirez-Jackson | DE89 3704 0044 0532 0130 00 |",
     ["Jennifer", "Jackson"], ["| Person | IBAN |"]),
]


@pytest.mark.parametrize("how, text, names, kept", NAMED, ids=[c[0] for c in NAMED])
def test_the_name_is_masked_and_its_words_kept(how: str, text: str, names: list[str], kept: list[str]) -> None:
    [out] = forwarded([text])
    assert not [name for name in names if name in out], out
    assert all(word in out for word in kept), out


KEPT = [
    "The ThinkPad X1 Carbon launch slipped to May; the Galaxy S24 Ultra shipped.",
    "I work at a Zalando outlet and need a rota template for the weekend.",
    "so i'm a data analyst based out of Silicon Valley, could you draft a cover letter?",
    '{"integration": "Philips", "region": "EU", "retries": 3}',
    '{"person": "The Rolling Stones", "rows": 2}',
]


@pytest.mark.parametrize("text", KEPT)
def test_things_beside_names_are_forwarded_whole(text: str) -> None:
    assert forwarded([text]) == [text]
