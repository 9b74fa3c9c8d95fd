"""Values at the edges of how a text is read, through the gateway with the openai SDK: what the provider
receives. A request line of an access log with a password in its query (masked, not refused whole), the
last query parameter before ` HTTP/1.1` and a form-encoded name (`+` between words, any script), a
recognizer whose context window after the value is zero, and a value whose label comes after it at the
cut between two chunks of a long text. Every value here was written for this file."""

from __future__ import annotations

import json

import pytest
from serving import mock_requests

FILLER = "The quarterly report shows that revenue grew in the northern region while costs fell. "


def forwarded(openai_client, upstream, prompt: str) -> str:
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    return mock_requests(upstream)[-1]["json"]["messages"][0]["content"]


MASKED = [
    ("a request line with a password in its query is masked, not refused",
     "GET /login?user=jane&password=hunter2%21 HTTP/1.1", ["hunter2"], "GET /login?user=jane&password="),
    ("a POST request line with a password", "POST /session?login=okafor&passwd=Tr4in%24Yard HTTP/2",
     ["Tr4in"], "POST /session?login=okafor&passwd="),
    ("a Cyrillic given name, the last parameter before HTTP/1.1",
     "GET /signup?lang=ru&given_name=Дмитрий HTTP/1.1", ["Дмитрий"], "GET /signup?lang=ru&given_name="),
    ("a Latin family name, the last parameter before HTTP/1.1",
     "GET /signup?family_name=Halvorsen HTTP/1.1", ["Halvorsen"], "HTTP/1.1"),
    ("a form-encoded Cyrillic name", "/api/profile?given_name=Ирина+Соколова&tier=pro",
     ["Ирина", "Соколова"], "&tier=pro"),
    ("a form-encoded Latin name", "/api/profile?full_name=Ingrid+Halvorsen&tier=pro",
     ["Ingrid", "Halvorsen"], "&tier=pro"),
]


@pytest.mark.parametrize("how, prompt, parts, kept", MASKED, ids=[c[0] for c in MASKED])
def test_the_value_is_masked_and_the_rest_forwarded(openai_client, upstream, how: str, prompt: str,
                                                    parts: list[str], kept: str):
    sent = forwarded(openai_client, upstream, prompt)
    assert not [p for p in parts if p in sent], sent
    assert kept in sent, sent


def test_a_window_after_of_zero_reads_nothing_after_the_value(openai_client, upstream):
    """`chart_number` reads the word right before its number only (`window_after: 0` in
    config/recognizers.yaml): a "chart" after the number says nothing of it."""
    sent = forwarded(openai_client, upstream, "Order 20417736 is on the chart now.")
    assert "20417736" in sent, json.dumps(sent)
    sent = forwarded(openai_client, upstream, "Her chart 20417736 was updated today.")
    assert "20417736" not in sent, json.dumps(sent)


@pytest.mark.parametrize("cut_at", [6_000, 4_500], ids=["end of the first chunk", "start of the second"])
def test_a_value_with_its_label_after_it_at_a_chunk_cut(openai_client, upstream, cut_at: int):
    """The value ends just before a cut between chunks, its label ("a valid Personnummer") after it."""
    value = "850709-9425"
    text = (FILLER * 100)[:cut_at - len(value) - 6] + ". Is "
    text += f"{value} a valid Personnummer? " + FILLER * 60
    sent = forwarded(openai_client, upstream, text)
    assert value not in sent
    assert sent.count("quarterly report") >= 100


def test_a_request_to_break_in_around_a_request_line_is_still_refused(openai_client, upstream):
    """Only a window of request lines alone is a log pasted as data (config/use_classifier/families.yaml)."""
    import openai

    with pytest.raises(openai.BadRequestError):
        forwarded(openai_client, upstream, "Brute force this: GET /login?user=admin&password=guess HTTP/1.1")


def test_a_people_lists_other_fields_stay_whole(openai_client, upstream):
    """Under a people heading an item names its person first ("Surname, Given"); a company, a shop or a
    place in its later fields is the item's data, not another name."""
    prompt = ("Attendees:\n- Nwachukwu, Adaeze, Burger King\n- Lindahl, Torvald, Arby's\n"
              "- Oyelaran, Temitope, Marks and Spencer\n")
    sent = forwarded(openai_client, upstream, prompt)
    assert not [p for p in ("Nwachukwu", "Adaeze", "Lindahl", "Torvald", "Oyelaran", "Temitope") if p in sent], sent
    assert all(k in sent for k in ("Burger King", "Arby's", "Marks and Spencer")), sent


def test_a_thing_keys_value_is_no_name(openai_client, upstream):
    """A value under a key that names a thing (`plan`, `*_brand`, `vendor`: `ner.not_person_columns`)
    is a product or a company, a title word before it included, and so is the name of a record holding a
    thing's key (`"enabled"`: `ner.not_person_record_keys`); a name key's value still is a name."""
    prompt = ('[{"name": "Oyelaran Temitope", "plan": "Dr Pepper"}, {"name": "Lindahl Torvald", '
              '"card_brand": "Zalando", "vendor": "Tim Hortons"}, {"name": "Zapier", "enabled": true}]')
    sent = forwarded(openai_client, upstream, prompt)
    assert all(k in sent for k in ('"Dr Pepper"', '"Zalando"', '"Tim Hortons"', '"Zapier"')), sent
    assert not [p for p in ("Oyelaran", "Temitope", "Lindahl", "Torvald") if p in sent], sent


@pytest.mark.parametrize("prompt, keep", [
    ("Only use WebFetch for Summer sale pages.", "Summer sale"),
    ("Only use WebFetch for Frank feedback.", "Frank feedback"),
    ("Only use Edit for Rose 12% in April.", "Rose 12%"),
], ids=["a season before a noun", "an adjective before a noun", "a word before a number"])
def test_a_capitalised_modifier_in_a_persons_slot_is_no_name(openai_client, upstream, prompt: str, keep: str):
    sent = forwarded(openai_client, upstream, prompt)
    assert keep in sent, sent


def test_a_name_in_a_persons_slot_before_a_time_word_is_masked(openai_client, upstream):
    sent = forwarded(openai_client, upstream, "The parcel is for Lindqvist tomorrow, and for Ingrid today.")
    assert "Lindqvist" not in sent and "Ingrid" not in sent, sent
