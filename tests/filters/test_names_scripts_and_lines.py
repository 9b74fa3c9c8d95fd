"""Names in scripts without capitals, names known by their line's shape, and names in key=value logs."""

from __future__ import annotations

import pytest

from filters.recognizers.detector import Detector
from tests.filters.person_names import names


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


SCRIPTS = [
    ("Arabic after a greeting", "Dear سلمى الخطيب, your refund was approved.", "prose", "سلمى الخطيب"),
    ("Thai after I am", "Hello, I am สมชาย ใจดี and my card was charged twice.", "prose", "สมชาย ใจดี"),
    ("Devanagari with its vowel signs", "Please send the contract to प्रिया शर्मा by Friday.", "prose", "प्रिया शर्मा"),
    ("Hangul in a JSON record", '{"id": 12, "name": "김민준", "plan": "pro"}', "record", "김민준"),
    ("Chinese in a log's key=value", "2026-01-04 ERROR refund failed name=王小明 amount=40", "log", "王小明"),
    ("Georgian in an e-mail header", "From: ნინო ბერიძე <n.beridze@example.ge>\nSubject: invoice", "prose", "ნინო ბერიძე"),
    ("Hebrew with a geresh", "The ticket from ג'ורג' לוי mentions a double charge.", "prose", "ג'ורג' לוי"),
    ("Thai before a colon mid-sentence", "Payout for อรุณี สุขใจ: 420 EUR, sent on Monday.", "prose", "อรุณี สุขใจ"),
    ("Tamil alone in a sentence", "Why is வெண்ணிலா முருகன் still on the old plan?", "prose", "வெண்ணிலா முருகன்"),
]


@pytest.mark.parametrize("how, text, kind, name", SCRIPTS, ids=[c[0] for c in SCRIPTS])
def test_a_name_in_a_caseless_script_is_found(detector: Detector, how: str, text: str, kind: str, name: str) -> None:
    assert name in names(detector, text, kind)


NOT_NAMES_IN_SCRIPTS = [
    "What does the label 確認済み mean on the invoice?",       # after an article
    "Translate this for the team: मैं आज बाज़ार जा रहा हूँ और शाम को लौटूँगा",   # a sentence, not a name
    "Form 7 of the intake\nרשימת המתנה: 14\nPassport: none",   # a label opening its line
    "尊敬的客户，您的订单已经发货，请注意查收。",                    # a text written in the script itself
]


@pytest.mark.parametrize("text", NOT_NAMES_IN_SCRIPTS)
def test_a_term_label_or_sentence_in_a_caseless_script_is_no_name(detector: Detector, text: str) -> None:
    assert names(detector, text) == []


LINES = [
    ("chat speaker", "Oskari (2026-03-02T09:14:55Z): the export is empty\nBob (2026-03-02T09:15:01Z): which one?",
     "Oskari"),
    ("chat speaker, access-log stamp", "Wanjiru (02/Mar/2026:09:14:55 +0000): still failing", "Wanjiru"),
    ("salutation line", "Subject: Re: refunds\n\nTuomas,\n\ncould you rerun the report tonight?", "Tuomas"),
    ("message's last line", "Could you rerun the report?\nCall me on +44 20 7946 0958.\n\nRadka\n", "Radka"),
    ("surname, given under a people heading", "Attendees:\n- Okonkwo, Adaeze, finance\n- Brandt, Jörg, ops\n",
     "Okonkwo, Adaeze"),
    ("user= in a log line", "ts=1717 level=warn user=Ilkka ip=10.2.0.7 msg=retry", "Ilkka"),
    ("user: in a key-value line", "kv: region: eu user: Vesna trace=ab12cd", "Vesna"),
    ("name in a query string", "GET /v1/lookup?given_name=Ingrid&tier=gold HTTP/1.1", "Ingrid"),
]


@pytest.mark.parametrize("how, text, name", LINES, ids=[c[0] for c in LINES])
def test_a_name_known_by_its_line(detector: Detector, how: str, text: str, name: str) -> None:
    assert name in names(detector, text, "log" if "=" in text else "prose")


def test_the_other_fields_of_a_people_list_item_stay(detector: Detector) -> None:
    text = "Who signed up:\n- Lindahl, Saga, Paris, Texas\n- Mwangi, Otieno, Jenkins\n"
    found = names(detector, text)
    assert {"Lindahl, Saga", "Mwangi, Otieno"} <= set(found)
    assert not {"Paris", "Texas", "Jenkins"} & set(found)


def test_a_list_under_another_heading_and_a_closing_word_are_no_names(detector: Detector) -> None:
    assert names(detector, "Cities:\n- Lyon, Graz, Tampere\n") == []
    assert names(detector, "The figures are attached.\n\nThanks\n") == []
    assert names(detector, "However,\n\nthe totals do not match.") == []


def test_a_record_typed_as_a_thing_names_no_person(detector: Detector) -> None:
    text = ('Which of these are enabled?\n[{"name": "Jaguar", "type": "vendor"}, {"name": "Alexa", "type": "integration"},'
            ' {"name": "Tove Lindqvist", "type": "employee"}]')
    assert names(detector, text, "record") == ["Tove Lindqvist"]


def test_a_company_in_a_name_field_is_not_cut_into_a_name(detector: Detector) -> None:
    assert names(detector, "customer: Global Industries Inc. address: 12 Main St, Springfield") == []
    assert names(detector, "Account name: Smith & Sons Ltd") == []
