"""Shapes of records and code a user pastes, through the gateway with the openai SDK: what the provider
receives. Passwords as a call's second argument or a flag's quoted value, a surname alone in a delimited
table under a prose line, a clinician after `Attending:`, a one-word name in an SQL `IN` list, and product
names beside names and identifiers, which stay whole. Every value here was written for this file."""

from __future__ import annotations

import pytest
from serving import mock_requests


def forwarded(openai_client, upstream, prompt: str) -> str:
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    return mock_requests(upstream)[-1]["json"]["messages"][0]["content"]


MASKED = [
    ("a password as a call's second argument",
     'props.put("mail.smtp.password", "Quartz-4419&"); // set at boot', ["Quartz-4419"]),
    ("a password as a flag's quoted value", './deploy.sh --retry=100-2000 --db-pass="azure kettle#55" --region=eu',
     ["azure kettle", "kettle#55"]),
    ("a docker login password in quotes", "  41  docker login -u ci -p 'Tundra_7710!' registry.example.com",
     ["Tundra_7710"]),
    ("a surname alone in a pipe table under a prose line",
     "Find rows with a bad phone:\ncustomer|contact|tel\nIngrid Halvorsen|ih@example.org|+33605825138\n"
     "Kowalczyk|kw@example.com|+55 75 7284-5337", ["Ingrid", "Kowalczyk"]),
    ("a surname alone in a TSV table under a prose line",
     "Find rows:\nName\tEmail\tPhone\nIngrid Halvorsen\tih@example.org\t+33605825138\n"
     "Kowalczyk\tkw@example.com\t+351930467927", ["Ingrid", "Kowalczyk"]),
    ("a clinician after Attending:", "Member Identifier 3EW5VW7TV29\nAttending: Lindqvist, NPI: 1487502597\n",
     ["Lindqvist"]),
    ("a one-word name in an SQL IN list",
     "SELECT * FROM users u WHERE u.name IN ('Ingrid Halvorsen', 'Tomasz') AND u.id > 3", ["Ingrid", "Tomasz"]),
]


@pytest.mark.parametrize("how, prompt, parts", MASKED, ids=[c[0] for c in MASKED])
def test_the_value_does_not_reach_the_provider(openai_client, upstream, how: str, prompt: str, parts: list[str]):
    sent = forwarded(openai_client, upstream, prompt)
    assert not [p for p in parts if p in sent], sent


KEPT = [
    ("a product after a product word mid-sentence", "Write the minutes: the Zenbook Air launch slipped, "
     "Ingrid Halvorsen owns the follow-up.", "Zenbook Air launch", ["Halvorsen"]),
    ("a product beside a card on its line", "both my cards 4111 1111 1111 1111 were billed for Gamebox Pro Ultra, "
     "ref PO46939-B", "Gamebox Pro Ultra", ["4111 1111"]),
    ("a job title after a name", "Quick one: I'm Ingrid Halvorsen, Solutions Architect at a Lego reseller.",
     "Solutions Architect", ["Halvorsen"]),
]


@pytest.mark.parametrize("how, prompt, keep, masked", KEPT, ids=[c[0] for c in KEPT])
def test_the_product_reaches_the_provider_whole(openai_client, upstream, how: str, prompt: str, keep: str,
                                                 masked: list[str]):
    sent = forwarded(openai_client, upstream, prompt)
    assert keep in sent, sent
    assert not [p for p in masked if p in sent], sent
