"""Disguised values: read as a model reads them, masked whole in the original text, requests and responses."""

from __future__ import annotations

import pytest

from filters.recognizers.detector import Detector
from filters.recognizers.disguise import Disguises
from filters.redact.pseudonyms import TenantKeys
from filters.response.checks import NewFindingMasker
from filters.response.restore import ResponseText
from filters.segments import DataClass, Span

ZWSP, SOFT_HYPHEN, WORD_JOINER, NUL = "\u200b", "\u00ad", "\u2060", "\x00"


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def found(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(d.entity, text[d.start:d.end]) for d in detector.detect(text, [Span(0, len(text), DataClass.INPUT, False, "prose")])]


DISGUISED = [
    ("zero-width spaces", f"My card is 4111{ZWSP}1111{ZWSP}1111{ZWSP}1111, thanks", "CREDIT_CARD",
     f"4111{ZWSP}1111{ZWSP}1111{ZWSP}1111"),
    ("soft hyphens and a word joiner", f"ssn 536-22{SOFT_HYPHEN}-81{WORD_JOINER}07 on file", "US_SSN",
     f"536-22{SOFT_HYPHEN}-81{WORD_JOINER}07"),
    ("a NUL inside", f"key AKIA2QWERTY7{NUL}ZXCVBNMA in the env", "AWS_ACCESS_KEY", f"AKIA2QWERTY7{NUL}ZXCVBNMA"),
    ("fullwidth digits", f"card {fullwidth('4556 7375 8689 9855')} on the invoice", "CREDIT_CARD",
     fullwidth("4556 7375 8689 9855")),
    ("fullwidth email", f"write to {fullwidth('jane.doe@example.com')} soon", "EMAIL_ADDRESS",
     fullwidth("jane.doe@example.com")),
    ("Cyrillic look-alikes", "mail j\u0430ne.d\u043ee@ex\u0430mple.com today", "EMAIL_ADDRESS",
     "j\u0430ne.d\u043ee@ex\u0430mple.com"),
    ("Greek look-alikes in a key", "token ghp_\u039116C7e42F292c6912E7710c838347Ae178B4a here", "GITHUB_TOKEN",
     "ghp_\u039116C7e42F292c6912E7710c838347Ae178B4a"),
    ("URL-encoding", "reset link went to jane.doe%40example.com yesterday", "EMAIL_ADDRESS",
     "jane.doe%40example.com"),
    ("an email over a line break", "reach me at jane.doe@exam\nple.com after lunch", "EMAIL_ADDRESS",
     "jane.doe@exam\nple.com"),
    ("a card over a line break", "card 4556 7375\n8689 9855 expires soon", "CREDIT_CARD", "4556 7375\n8689 9855"),
    ("a quoted token over a line break", 'export DISCORD_TOKEN="OTA2NTI3MDQzNzI1MjY4NzI1NQ.3CDJxg.exRn6kIbxQXm\r\n'
     '613r6zpNrbWq5OfFCV9nwTzhj6"', "API_KEY", "OTA2NTI3MDQzNzI1MjY4NzI1NQ.3CDJxg.exRn6kIbxQXm\r\n613r6zpNrbWq5OfFCV9nwTzhj6"),
    ("an npm token over a line break", "//registry.npmjs.org/:_authToken=npm_sF\niRIetgx6nmfpMaUMS2MurgoWIKuv1LYfiU",
     "API_KEY", "npm_sF\niRIetgx6nmfpMaUMS2MurgoWIKuv1LYfiU"),
    ("a phone over a line break", "event=decline phone=+9021257374\n44 code=14", "PHONE_NUMBER", "+9021257374\n44"),
    ("a phone's groups over a line break", "'+7 912 745-2\n6-22', '22/01/1999'", "PHONE_NUMBER", "+7 912 745-2\n6-22"),
    ("a birth date over a line break", "Born 21/05/1\r\n948. My social is on file", "DATE_OF_BIRTH", "21/05/1\r\n948"),
    ("a phone's spaced groups over a line break", "call back on 312 327 07\n76. can you draft a reply?",
     "PHONE_NUMBER", "312 327 07\n76"),
    ("an IBAN's groups over a line break", '--payout-iban "DK61 7595 49\n00 8614 04" --batch-size 500', "IBAN_CODE",
     "DK61 7595 49\n00 8614 04"),
    ("an SSN's groups over a line break", "these SSNs: 505-60-7660; 567 57 1\n355. The column is ssn_raw", "US_SSN",
     "567 57 1\n355"),
    ("a cookie's token over a line break", "set-cookie: remember_token=live_nNOOQ\neYcIl6CPTPLfmVeyuTuffOZWK; Path=/",
     "SECRET", "live_nNOOQ\neYcIl6CPTPLfmVeyuTuffOZWK"),
    ("a password with symbols over a line break", '"redis_password":"rYu9$ZFyyn!etL\n9","service":"api"', "PASSWORD",
     "rYu9$ZFyyn!etL\n9"),
    ("a street percent-encoded", "Astrid Berg\nSj%C3%B6gatan%2014\n41103 Göteborg", "STREET_ADDRESS",
     "Sj%C3%B6gatan%2014"),
]


@pytest.mark.parametrize("how, text, entity, value", DISGUISED, ids=[c[0] for c in DISGUISED])
def test_a_disguised_value_is_found_whole_at_its_original_offsets(detector: Detector, how: str, text: str,
                                                                  entity: str, value: str) -> None:
    assert (entity, value) in found(detector, text)


def test_a_wholly_cyrillic_word_is_not_read_as_latin() -> None:
    reading = Disguises.default().read("Заказ оформлен, спасибо")
    assert reading.text == "Заказ оформлен, спасибо"


def test_plain_text_is_not_rewritten() -> None:
    text = "SELECT name FROM users WHERE id = 42 -- 100% of rows\nCafé Zürich"
    reading = Disguises.default().read(text)
    assert not reading.changed and reading.text is text


def test_an_escape_that_is_not_utf8_or_decodes_to_a_control_stays_as_written() -> None:
    for text in ("growth of 12%FF overall", "a%00b", "50% off"):
        assert Disguises.default().read(text).text == text


def test_split_lines_do_not_join_ordinary_rows(detector: Detector) -> None:
    text = "id,amount\n1,250\n2,300\n3,4111\n1111,1111\n"
    assert not [f for f in found(detector, text) if f[0] == "CREDIT_CARD"]
    numbers = "total\n12500\n30000\n2024\n0115\nports 8080\n443 and 5432\n6379\n"
    assert found(detector, numbers) == []
    prose = "The documentation\nImplementation notes follow; see section 12 34\n56 of the guide."
    assert found(detector, prose) == []


def test_redaction_masks_the_disguise_with_the_value(detector: Detector) -> None:
    text = f"pay with 4111{ZWSP}1111{ZWSP}1111{ZWSP}1111 please"
    [detection] = [d for d in detector.detect(text, []) if d.entity == "CREDIT_CARD"]
    assert text[:detection.start] == "pay with " and text[detection.end:] == " please"


RESPONSES = [
    (f"Sure: the card is 4111{ZWSP}1111{ZWSP}1111{ZWSP}1111.", "Sure: the card is [CREDIT_CARD]."),
    (f"Sure: the card is {fullwidth('4111 1111 1111 1111')}.", "Sure: the card is [CREDIT_CARD]."),
    ("Your key: AKIA\u0417QWERTY7ZXCV\u0412NMA", "Your key: [AWS_ACCESS_KEY]"),   # Cyrillic З for 3, В for B
    (f"Use AKIA2QWE{SOFT_HYPHEN}RTY7ZXCVBNMA as the key id", "Use [AWS_ACCESS_KEY] as the key id"),
    ("Card number 4556 7375\n8689 9855 is on file", "Card number [CREDIT_CARD] is on file"),
]


@pytest.mark.parametrize("text, expected", RESPONSES)
def test_a_model_writing_a_restricted_value_in_disguise_is_masked(text: str, expected: str) -> None:
    assert NewFindingMasker()(text) == expected


def test_a_stream_masks_a_disguised_card_whatever_the_chunking() -> None:
    value = f"4111{ZWSP}1111{SOFT_HYPHEN}1111{ZWSP}1111"
    text = f"Charge card {value} for the order"
    rewriter = ResponseText({}, mask_new=NewFindingMasker())
    for size in (1, 2, 3, 7):
        stream = rewriter.stream()
        out = "".join(stream.feed(text[i:i + size]) for i in range(0, len(text), size)) + stream.flush()
        assert out == "Charge card [CREDIT_CARD] for the order", size


def test_a_restored_pseudonym_is_not_taken_for_a_disguise() -> None:
    token = TenantKeys(b"acme-secret-0123456789abcdef").pseudonym("EMAIL_ADDRESS", "jane@acme.example")
    rewriter = ResponseText({token: "jane@acme.example"}, mask_new=NewFindingMasker())
    assert rewriter.text(f"Mail {token} today") == "Mail jane@acme.example today"


GROUPED = [
    ("Card number 4556 7375 8689 9855 is on file", "Card number [CREDIT_CARD] is on file"),
    ("Amex 3782 822463 10005 on file", "Amex [CREDIT_CARD] on file"),
    ("Card number 4556 7375\n8689 9855 is on file", "Card number [CREDIT_CARD] is on file"),
    ("Two cards: 4111 1111 1111 1111 and 5500 0000 0000 0004.", "Two cards: [CREDIT_CARD] and [CREDIT_CARD]."),
    ("key AKIA2QWERTY7\nZXCVBNMA in the env", "key [AWS_ACCESS_KEY] in the env"),
    (f"Card 4012 88{SOFT_HYPHEN}88 8888 1881 on file", "Card [CREDIT_CARD] on file"),
    (f"Card 5555 55{ZWSP}55 5555 44{ZWSP}44 on file", "Card [CREDIT_CARD] on file"),
]


@pytest.mark.parametrize("text, expected", GROUPED)
def test_a_stream_masks_a_value_written_in_groups_or_over_a_line_break_whatever_the_chunking(
        text: str, expected: str) -> None:
    rewriter = ResponseText({}, mask_new=NewFindingMasker())
    assert rewriter.text(text) == expected
    for size in (1, 2, 3, 5, 8):
        stream = rewriter.stream()
        out = "".join(stream.feed(text[i:i + size]) for i in range(0, len(text), size)) + stream.flush()
        assert out == expected, size


def test_a_stream_holds_back_digit_groups_only_within_their_cap() -> None:
    rewriter = ResponseText({}, mask_new=NewFindingMasker())
    stream = rewriter.stream()
    sent = "".join(stream.feed(f"{n} ") for n in range(1000, 1100))
    assert len(stream.held) <= 64 and sent + stream.held == "".join(f"{n} " for n in range(1000, 1100))
    held = stream.held
    assert stream.feed("words follow") == held + "words "


def test_a_stream_of_prose_holds_back_only_the_unfinished_word() -> None:
    rewriter = ResponseText({}, mask_new=NewFindingMasker())
    stream = rewriter.stream()
    assert stream.feed("The quarter closed with 12 new accounts and ") == \
        "The quarter closed with 12 new accounts and "
    assert stream.feed("revenue") == "" and stream.held == "revenue"


def test_a_json_stream_masks_a_card_written_in_groups_over_an_escaped_line_break() -> None:
    rewriter = ResponseText({}, mask_new=NewFindingMasker())
    raw = "card 4556 7375\\n8689 9855 ok"
    for size in (1, 3, 4):
        stream = rewriter.stream(in_json=True)
        out = "".join(stream.feed(raw[i:i + size]) for i in range(0, len(raw), size)) + stream.flush()
        assert out == "card [CREDIT_CARD] ok", size
