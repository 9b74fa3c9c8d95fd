"""Person names wherever they occur, from any country, and the words and brands that are not names."""

from __future__ import annotations

import pytest

from filters.classify.spans import SpanClassifier
from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span
from tests.filters.person_names import names


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


NAMED = [
    ("greeting", "Hi Pekka, can you rerun the job?", "prose", "Pekka"),
    ("greeting with two words", "Dear Tereza Dvořáková, thank you for the report.", "prose", "Tereza Dvořáková"),
    ("greeting in Hungarian", "Szia Eszter! The export is ready.", "prose", "Eszter"),
    ("introduction", "My name is Nguyễn Thị Lan and I cannot log in.", "prose", "Nguyễn Thị Lan"),
    ("I am", "I am Kateřina Horáková, the account owner.", "prose", "Kateřina Horáková"),
    ("this is", "This is Aleksi from the finance team.", "prose", "Aleksi"),
    ("signature", "Thanks for the quick fix.\n\nKind regards,\nZsófia Kertész", "prose", "Zsófia Kertész"),
    ("signature after a dash", "Let me know.\n— Agnieszka", "prose", "Agnieszka"),
    ("signature in Finnish", "Kiitos!\n\nYstävällisin terveisin,\nMatti Hämäläinen", "prose", "Matti Hämäläinen"),
    ("hand-off", "Please ask Kowalczyk about the Q3 numbers.", "prose", "Kowalczyk"),
    ("hand-off with words between", "Send the revised quote to Ilse de Vries today.", "prose", "Ilse de Vries"),
    ("surname alone before a verb", "Rautio approved the change yesterday.", "prose", "Rautio"),
    ("given name alone before a verb", "Lina wants the chart in blue.", "prose", "Lina"),
    ("possessive", "Hämäläinen's phone number is in the CRM.", "prose", "Hämäläinen"),
    ("title", "Ms Nakamura needs access to the dashboard.", "prose", "Nakamura"),
    ("Russian", "The ticket from Svetlana Kuznetsova mentions a double charge.", "prose", "Svetlana Kuznetsova"),
    ("Spanish", "The account owner is Javier Ruiz Morales.", "prose", "Javier Ruiz Morales"),
    ("Name field", "Name: Ekaterina Smirnova\nPlan: pro", "prose", "Ekaterina Smirnova"),
    ("name column", "customer_name,plan,mrr\nLê Văn Thành,pro,420\n", "table", "Lê Văn Thành"),
    ("markdown table", "| full_name | plan |\n|---|---|\n| Bálint Kovács | free |\n", "table", "Bálint Kovács"),
    ("JSON record", '{"id": 7, "name": "Orsolya Farkas", "plan": "pro"}', "record", "Orsolya Farkas"),
    # no cue: the model tags half of the name, its look adds the other half
    ("uncued Hungarian", "We should loop in Eszter Kovács before changing the schema.", "prose", "Eszter Kovács"),
    ("uncued Vietnamese", "Last week Nguyễn Văn Hùng ran the migration twice.", "prose", "Nguyễn Văn Hùng"),
    ("uncued Swedish surname alone", "Please add Lindqvist to the reviewers of the notebook.", "prose", "Lindqvist"),
    ("Cyrillic names in a CSV row", "id,first_name,last_name,signup\n4154,Спартак,Зуев,2024-10-25\n", "table", "Зуев"),
    ("hyphenated given name in a nested record", '{"billing": {"name": "Heinz-Jürgen Jäkel", "iban": "DE89"}}',
     "record", "Heinz-Jürgen Jäkel"),
    ("double-barrelled surname", "We should loop in Anna Nowak-Kowalska before the run.", "prose", "Anna Nowak-Kowalska"),
    ("lower-case after my name is", "my name is jan novak and my card was charged twice", "prose", "jan novak"),
    # no cue but a person's slot: the model calls these a place or an organisation, or nothing
    ("waiting for", "We are still waiting for Korhonen to sign the form.", "prose", "Korhonen"),
    ("and I", "Magnus and I will take the late shift.", "prose", "Magnus"),
    ("possessive of anything", "Margaux's badge stopped working this morning.", "prose", "Margaux"),
    ("the verb opening the sentence", "Call Eero back after the stand-up.", "prose", "Eero"),
    ("the person spoken to", "Dorota, could you check the totals?", "prose", "Dorota"),
]


@pytest.mark.parametrize("how, text, kind, name", NAMED, ids=[c[0] for c in NAMED])
def test_a_name_is_found_in_its_context(detector: Detector, how: str, text: str, kind: str, name: str) -> None:
    assert name in names(detector, text, kind)


NOT_NAMES = [
    "The United States and Canada show the biggest growth.",
    "Our Senior Product Manager wants a weekly report.",
    "Ask Marketing for the brand guidelines.",
    "Thanks, Team!",
    "The Rolling Stones catalogue sold best in March.",
    "Use Python and Pandas to compute the median per Region.",
    "We played Led Zeppelin during the offsite.",
    "The Massive Attack reunion tour sold out in minutes.",
    "Pink Floyd's new album sold well in Europe.",
    "Sales in Tampere and Győr grew fastest.",
    "Summarize the diff, then Refactor the parser with Ripgrep and Kubernetes.",
    "Deploy the chart with Helm after the review.",
    "Overall, can we trust these numbers?",
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_ordinary_words_titles_and_bands_are_not_names(detector: Detector, text: str) -> None:
    assert names(detector, text) == []


def test_a_brand_in_a_name_field_is_not_a_person(detector: Detector) -> None:
    assert names(detector, '{"name": "Github", "url": "https://github.com"}', "record") == []


TOOL_MANUAL = (
    "You are an interactive CLI tool that helps users with software engineering tasks. Use the Bash tool "
    "to run Git commands, then Grep for errors. Generate a summary when done. Validating input: keep going "
    "until a condition is met. Skill: use the Skill tool only when asked. Commits end with "
    "Co-Authored-By: Claude <noreply@anthropic.com>."
)


def test_a_coding_agents_system_prompt_loses_no_words(detector: Detector) -> None:
    spans = [Span(0, len(TOOL_MANUAL), DataClass.INPUT, False, "prose")]
    assert detector.detect(TOOL_MANUAL, spans, role="system") == []


def test_the_rows_of_a_csv_go_on_where_the_classifier_ended_its_table(detector: Detector) -> None:
    text = ("id,first_name,last_name,iban,signup_date\n4154,Miguel,Câmara,74814609493,2026-02-13\n"
            "46010,Gabriela,Lopes,092571642\n17,2025-05-12\nwhy does pandas read the id as float?")
    spans = SpanClassifier.default().classify(text)
    assert any(s.kind == "prose" and s.start < text.index("Gabriela") < s.end for s in spans)
    found = [text[d.start:d.end] for d in detector.detect(text, spans) if d.entity == "PERSON"]
    assert {"Miguel", "Câmara", "Gabriela", "Lopes"} <= set(found)


def test_a_tool_manual_pasted_into_a_user_message_keeps_its_words(detector: Detector) -> None:
    text = TOOL_MANUAL + " Keep a short plan. Mark a step completed when done, then move on."
    assert names(detector, text, role="user") == []


def test_a_tool_definition_name_is_not_a_person(detector: Detector) -> None:
    text = '{"name": "Bash", "description": "Executes a given bash command with an optional timeout."}'
    assert names(detector, text, "record", role="tool_definition") == []


def test_in_instructions_a_cued_name_is_still_found(detector: Detector) -> None:
    text = "You assist the support desk. The customer's name is Aroha Ngata; greet her as Aroha."
    found = names(detector, text, role="system")
    assert "Aroha Ngata" in found


def test_in_instructions_the_models_word_alone_is_not_enough(detector: Detector) -> None:
    text = "Summarise the open tickets. Jonathan Whitfield prefers bullet points."
    assert "Jonathan Whitfield" in names(detector, text, role="user")
    assert names(detector, text, role="system") == []


def test_a_no_reply_mailbox_is_kept_and_a_persons_address_is_not(detector: Detector) -> None:
    text = "From: noreply@github.com, reply to jane.doe@example.com instead."
    found = [text[d.start:d.end] for d in detector.detect(text, []) if d.entity == "EMAIL_ADDRESS"]
    assert found == ["jane.doe@example.com"]


def test_a_place_in_a_city_column_is_not_a_person(detector: Detector) -> None:
    table = "| id | full_name | city |\n|---|---|---|\n| 7 | Jesse Lindberg | Lyon |\n| 8 | Atte Lehtonen | Graz |\n"
    assert names(detector, table, "table") == ["Jesse Lindberg", "Atte Lehtonen"]
