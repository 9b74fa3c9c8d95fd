import pytest

from filters.policy.decision import Edit
from filters.redact.pseudonyms import TOKEN_RE, TenantKeys
from filters.redact.render import Rendered, render
from filters.response.restore import ResponseText

KEYS = TenantKeys(b"acme-secret-0123456789abcdef")


def edit(text: str, value: str, entity: str, action: str, occurrence: int = 0) -> Edit:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(value, start + 1)
    return Edit(start, start + len(value), entity, action)


def test_each_action_is_rendered_and_the_rest_of_the_text_kept():
    text = "Mail jane@acme.example about Jane Doe; key AKIAABCDEFGHIJKLMNOP, ssn 123-45-6789."
    rendered = render(text, [
        edit(text, "jane@acme.example", "EMAIL_ADDRESS", "hash"),
        edit(text, "Jane Doe", "PERSON", "pseudonymize"),
        edit(text, "AKIAABCDEFGHIJKLMNOP", "AWS_ACCESS_KEY", "mask"),
        edit(text, "123-45-6789", "US_SSN", "mask"),
    ], KEYS)
    person = KEYS.pseudonym("PERSON", "Jane Doe")
    hashed = KEYS.hashed("EMAIL_ADDRESS", "jane@acme.example")
    assert rendered == Rendered(
        f"Mail {hashed} about {person}; key [AWS_ACCESS_KEY], ssn [US_SSN].", {person: "Jane Doe"})


def test_no_edits_leaves_the_text_as_it_is():
    assert render("nothing here", [], KEYS) == Rendered("nothing here", {})


def test_drop_removes_the_span_and_keeps_lines_apart():
    text = "Summarise this:\nid,name\n1,Jane Doe\nThanks"
    start = text.index("id,name")
    end = text.index("Thanks")
    rendered = render(text, [Edit(start, end, "DATASET_DATA", "drop")], KEYS)
    assert rendered.text == "Summarise this:\n[DATASET_DATA removed]\nThanks"


def test_drop_wins_over_findings_inside_it_and_overlapping_it():
    text = "Hi Jane Doe. rows: jane@acme.example,42 end"
    drop = Edit(text.index("rows"), text.index(" end"), "DATASET_DATA", "drop")
    rendered = render(text, [
        edit(text, "jane@acme.example", "EMAIL_ADDRESS", "pseudonymize"),   # inside the drop
        Edit(text.index("Doe"), text.index("rows") + 2, "PERSON", "pseudonymize"),  # across its start
        drop,
    ], KEYS)
    assert rendered.text == "Hi Jane [DATASET_DATA removed] end"
    assert rendered.pseudonyms == {}


def test_the_outer_edit_wins_over_one_inside_it():
    text = "see https://x.example/u/jane@acme.example/profile now"
    url = edit(text, "https://x.example/u/jane@acme.example/profile", "URL", "pseudonymize")
    email = edit(text, "jane@acme.example", "EMAIL_ADDRESS", "mask")
    rendered = render(text, [email, url], KEYS)
    token = KEYS.pseudonym("URL", text[url.start:url.end])
    assert rendered == Rendered(f"see {token} now", {token: text[url.start:url.end]})


def test_partly_overlapping_edits_cover_both_under_the_longer_one():
    text = "call Jane Doe-Smith at home"
    person = edit(text, "Jane Doe", "PERSON", "pseudonymize")
    longer = edit(text, "Doe-Smith at", "LOCATION", "hash")
    rendered = render(text, [person, longer], KEYS)
    assert rendered.text == f"call {KEYS.hashed('LOCATION', 'Jane Doe-Smith at')} home"
    assert "Jane" not in rendered.text and "Smith" not in rendered.text


def test_equal_stretches_take_the_stricter_action():
    text = "id 123-45-6789."
    same = [edit(text, "123-45-6789", "US_SSN", "pseudonymize"), edit(text, "123-45-6789", "US_SSN", "mask"),
            edit(text, "123-45-6789", "US_SSN", "hash")]
    assert render(text, same, KEYS) == Rendered("id [US_SSN].", {})


def test_touching_edits_stay_separate_and_order_does_not_matter():
    text = "JaneDoe"
    edits = [Edit(4, 7, "PERSON", "pseudonymize"), Edit(0, 4, "PERSON", "pseudonymize")]
    rendered = render(text, edits, KEYS)
    assert rendered.text == KEYS.pseudonym("PERSON", "Jane") + KEYS.pseudonym("PERSON", "Doe")
    assert render(text, edits[::-1], KEYS) == rendered


def test_one_value_twice_is_one_token_and_the_first_spelling_is_kept():
    text = "From Jane@Acme.example to jane@acme.example and jane@acme.example"
    edits = [edit(text, "Jane@Acme.example", "EMAIL_ADDRESS", "pseudonymize")] + [
        edit(text, "jane@acme.example", "EMAIL_ADDRESS", "pseudonymize", n) for n in (0, 1)]
    rendered = render(text, edits, KEYS)
    token = KEYS.pseudonym("EMAIL_ADDRESS", "jane@acme.example")
    assert rendered == Rendered(f"From {token} to {token} and {token}", {token: "Jane@Acme.example"})


def test_pseudonyms_come_back_in_the_response():
    text = "Dear Jane Doe (jane@acme.example), your order ships Monday."
    rendered = render(text, [edit(text, "Jane Doe", "PERSON", "pseudonymize"),
                             edit(text, "jane@acme.example", "EMAIL_ADDRESS", "pseudonymize")], KEYS)
    assert len(TOKEN_RE.findall(rendered.text)) == 2
    assert ResponseText(rendered.pseudonyms).text(rendered.text) == text


def test_empty_edits_are_ignored():
    assert render("abc", [Edit(1, 1, "PERSON", "mask")], KEYS) == Rendered("abc", {})


@pytest.mark.parametrize("bad", [Edit(0, 2, "PERSON", "block"), Edit(0, 2, "PERSON", "allow"),
                                 Edit(0, 2, "PERSON", "redact")])
def test_actions_that_are_not_rendered_are_refused(bad):
    with pytest.raises(ValueError, match="cannot render"):
        render("abcdef", [bad], KEYS)


@pytest.mark.parametrize("bad", [Edit(-1, 2, "PERSON", "mask"), Edit(2, 9, "PERSON", "mask"),
                                 Edit(3, 2, "PERSON", "mask")])
def test_edits_outside_the_text_are_refused(bad):
    with pytest.raises(ValueError, match="outside"):
        render("abcdef", [bad], KEYS)


def test_many_edits_render_in_order():
    text = " ".join(f"user{i}@acme.example" for i in range(2000))
    edits = [edit(text, f"user{i}@acme.example", "EMAIL_ADDRESS", "pseudonymize") for i in range(2000)]
    rendered = render(text, edits[::-1], KEYS)
    assert len(rendered.pseudonyms) == 2000
    assert ResponseText(rendered.pseudonyms).text(rendered.text) == text
