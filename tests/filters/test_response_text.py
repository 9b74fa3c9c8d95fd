import json
import random
import re

import pytest

from filters.redact.pseudonyms import TenantKeys
from filters.response.restore import WORD_CAP, ResponseText

ACME = TenantKeys(b"acme-secret-0123456789abcdef")
GLOBEX = TenantKeys(b"globex-secret-0123456789abcdef")
JANE = ACME.pseudonym("PERSON", "Jane Doe")
MAIL = ACME.pseudonym("EMAIL_ADDRESS", "jane@acme.example")
TRICKY = ACME.pseudonym("PERSON", 'Zoë "Z" O\'Neil\\\n\t\u2028😀')
VALUES = {JANE: "Jane Doe", MAIL: "jane@acme.example", TRICKY: 'Zoë "Z" O\'Neil\\\n\t\u2028😀'}
UNMINTED = ACME.pseudonym("PERSON", "John Roe")  # right shape and tenant, not in this request


def json_inside(value: str) -> str:
    """What a string literal holds between its quotes, as a JSON encoder writes it."""
    return json.dumps(value)[1:-1]


def unicode_escaped(text: str) -> str:
    return text.replace("<", "\\u003c").replace(">", "\\u003e")


def streamed(rewriter: ResponseText, chunks: list[str], in_json: bool = False) -> str:
    stream = rewriter.stream(in_json=in_json)
    return "".join(stream.feed(chunk) for chunk in chunks) + stream.flush()


def splits(text: str, parts: int):
    """Every way to cut `text` into `parts` chunks (empty chunks included)."""
    if parts == 1:
        yield [text]
        return
    for cut in range(len(text) + 1):
        for rest in splits(text[cut:], parts - 1):
            yield [text[:cut], *rest]


def mask_emails(text: str) -> str:
    return re.sub(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "[EMAIL_ADDRESS]", text)


# Complete texts


def test_known_tokens_are_restored():
    rewriter = ResponseText(VALUES)
    assert rewriter.text(f"Hello {JANE}, I wrote to {MAIL}; {JANE} agreed.") == \
        "Hello Jane Doe, I wrote to jane@acme.example; Jane Doe agreed."


def test_token_shaped_strings_that_were_not_minted_here_stay():
    rewriter = ResponseText(VALUES)
    other_tenant = GLOBEX.pseudonym("PERSON", "Jane Doe")
    typed = "<PERSON_0123456789abcdef>"
    text = f"{other_tenant} {UNMINTED} {typed} <PERSON_{JANE[8:-1].upper()}> <EMAIL_ADDRESS{JANE[7:]}"
    assert rewriter.text(text) == text
    assert rewriter.text(text, in_json=True) == text


def test_nothing_to_restore_leaves_text_untouched():
    text = f"<<{JANE}>> a < b > c"
    assert ResponseText({}).text(text) == text
    assert ResponseText({}).text(text, in_json=True) == text


def test_in_json_values_are_escaped_and_the_result_parses():
    for value_token, value in VALUES.items():
        body = json.dumps({"args": f"to {value_token}: \"hi\"\n"})
        restored = ResponseText(VALUES).text(body[10:-2], in_json=True)
        assert json.loads('{"args": "' + restored + '"}') == {"args": f"to {value}: \"hi\"\n"}


def test_in_json_unicode_escaped_angle_brackets_are_restored():
    rewriter = ResponseText(VALUES)
    for written in (unicode_escaped(TRICKY), "\\u003C" + TRICKY[1:-1] + "\\u003E",
                    "\\u003c" + TRICKY[1:], TRICKY[:-1] + "\\u003e"):
        restored = rewriter.text(f"name: {written}!", in_json=True)
        assert json.loads(f'"{restored}"') == f"name: {VALUES[TRICKY]}!"


def test_in_json_an_escaped_backslash_before_u003c_is_not_a_token():
    raw = "\\\\" + unicode_escaped(JANE)[1:]  # the text \u003cPERSON_...\u003e, written literally
    assert ResponseText(VALUES).text(raw, in_json=True) == raw
    assert streamed(ResponseText(VALUES), [raw[:1], raw[1:]], in_json=True) == raw


def test_unicode_escaped_form_outside_json_is_plain_text():
    text = unicode_escaped(JANE)
    assert ResponseText(VALUES).text(text) == text


# Streams


def test_a_token_split_at_every_position_over_two_and_three_chunks_is_restored():
    rewriter = ResponseText(VALUES)
    text = f"Hi {JANE}, {MAIL}!"
    expected = "Hi Jane Doe, jane@acme.example!"
    for parts in (2, 3):
        for chunks in splits(text, parts):
            assert streamed(rewriter, chunks) == expected, chunks


def test_in_json_a_token_split_at_every_position_is_restored():
    rewriter = ResponseText(VALUES)
    for written in (TRICKY, unicode_escaped(TRICKY)):
        raw = json_inside("say ") + written + json_inside(' "ok"\n')
        expected = f'say {VALUES[TRICKY]} "ok"\n'
        for parts in (2, 3):
            for chunks in splits(raw, parts):
                assert json.loads(f'"{streamed(rewriter, chunks, in_json=True)}"') == expected, chunks


def test_a_token_fed_one_character_at_a_time_is_restored():
    rewriter = ResponseText(VALUES)
    text = f"{JANE}{MAIL} {UNMINTED} <<{JANE}"
    assert streamed(rewriter, list(text)) == f"Jane Doejane@acme.example {UNMINTED} <<Jane Doe"


SHAPE = re.compile(r"<[A-Z][A-Z0-9_]{0,39}_[0-9a-f]{16}>")
JSON_SHAPE = re.compile(r"(?:<|\\u003c)[A-Z][A-Z0-9_]{0,39}_[0-9a-f]{16}(?:>|\\u003e)")


def _possible_prefix(suffix: str, in_json: bool) -> bool:
    """Whether some completion turns `suffix` into a token (the definition, tried by brute force)."""
    hex16 = "0" * 16
    tails = ["0" * n for n in range(17)] + ["_" + hex16, "A_" + hex16]
    closes = [">", "\\u003e"] if in_json else [">"]
    completions = [tail + close for tail in tails for close in closes]
    if in_json:
        completions += ["\\u003e"[n:] for n in range(1, 6)]
        completions += ["\\u003c"[n:] + "A_" + hex16 + ">" for n in range(1, 6)]
    shape = JSON_SHAPE if in_json else SHAPE
    return any(shape.fullmatch(suffix + c) for c in completions)


@pytest.mark.parametrize("in_json", [False, True])
def test_holds_back_only_the_longest_possible_token_prefix(in_json):
    # Nothing here is a minted token, so whatever is not sent yet is what is held back.
    rewriter = ResponseText({UNMINTED[:-2] + "0>": "x"})
    text = (f"a <b> <PERSON <PER_ {JANE[:-1]}x {JANE} c<A <ORG_12 <AB_0123456789abcdef "
            "\\u003cPERSON_0 \\u003 \\\\u003cP \\u003cEMAIL_ADDRESS_0123456789abcdef\\u00 z <")
    stream = rewriter.stream(in_json=in_json)
    sent = ""
    for end in range(1, len(text) + 1):
        sent += stream.feed(text[end - 1])
        prefix = text[:end]
        held = len(prefix) - len(sent)
        assert prefix.startswith(sent)
        longest = max((n for n in range(1, 80) if n <= end and _possible_prefix(prefix[-n:], in_json)),
                      default=0)
        if in_json and re.search(r"\\\\(u(0(0(3(c(P)?)?)?)?)?)?\Z", prefix):
            longest = 0  # an escaped backslash, then letters: no token can start there
        assert held == longest, (prefix, held, longest)
    assert sent + stream.flush() == text


def test_flush_sends_an_unfinished_prefix_as_it_is():
    rewriter = ResponseText(VALUES)
    stream = rewriter.stream()
    assert stream.feed("see " + JANE[:10]) == "see "
    assert stream.flush() == JANE[:10]
    json_stream = rewriter.stream(in_json=True)
    assert json_stream.feed("a\\u00") == "a"
    assert json_stream.flush() == "\\u00"


def test_other_tenants_tokens_pass_through_streams():
    rewriter = ResponseText(VALUES)
    other = GLOBEX.pseudonym("PERSON", "Jane Doe")
    text = f"{other} and {UNMINTED} and {JANE}"
    for chunks in splits(text, 2):
        assert streamed(rewriter, chunks) == f"{other} and {UNMINTED} and Jane Doe"


def test_without_pseudonyms_a_stream_holds_nothing_back():
    stream = ResponseText({}).stream()
    assert stream.feed("a <PERSON_01") == "a <PERSON_01"
    assert stream.flush() == ""


def test_random_chunkings_of_a_long_answer():
    rng = random.Random(7)
    words = ["the", "table", JANE, MAIL, "<b>", "x<y", "\n", UNMINTED, "😀", TRICKY]
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(40))
        cuts = sorted(rng.sample(range(len(text) + 1), rng.randint(0, 30)))
        chunks = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
        rewriter = ResponseText(VALUES)
        assert streamed(rewriter, chunks) == rewriter.text(text)


def test_random_chunkings_with_mask_new_match_the_complete_text():
    rng = random.Random(11)
    words = ["mail", "bob@other.example", JANE, MAIL, "x<y", "\n", UNMINTED, "a@b.example" + JANE]
    rewriter = ResponseText(VALUES, mask_new=mask_emails)
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(30))
        cuts = sorted(rng.sample(range(len(text) + 1), rng.randint(0, 30)))
        chunks = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
        assert streamed(rewriter, chunks) == rewriter.text(text)
        assert "bob@" not in rewriter.text(text)


# New findings the model wrote


def test_mask_new_masks_what_the_model_made_up_and_not_restored_values():
    rewriter = ResponseText(VALUES, mask_new=mask_emails)
    text = f"Write to {MAIL} or bob@other.example, cc {JANE}."
    assert rewriter.text(text) == "Write to jane@acme.example or [EMAIL_ADDRESS], cc Jane Doe."


def test_mask_new_never_sees_a_token():
    seen: list[str] = []

    def record(text: str) -> str:
        seen.append(text)
        return text

    rewriter = ResponseText(VALUES, mask_new=record)
    text = f"a {JANE} b {UNMINTED} c"
    assert rewriter.text(text) == f"a Jane Doe b {UNMINTED} c"
    assert streamed(rewriter, list(text)) == f"a Jane Doe b {UNMINTED} c"
    assert seen and not any("<" in s or "Jane" in s for s in seen)


def test_mask_new_in_a_stream_masks_a_secret_split_over_chunks():
    rewriter = ResponseText(VALUES, mask_new=mask_emails)
    text = f"Ask bob@other.example or {MAIL}\nthen carol@x.example"
    expected = "Ask [EMAIL_ADDRESS] or jane@acme.example\nthen [EMAIL_ADDRESS]"
    assert streamed(rewriter, list(text)) == expected
    for parts in (2, 3):
        for chunks in splits(text, parts):
            assert streamed(rewriter, chunks) == expected, chunks


def test_mask_new_in_json_sees_decoded_text_and_keeps_json_valid():
    rewriter = ResponseText(VALUES, mask_new=mask_emails)
    raw = json_inside('mail "bob@other.example"\nor ') + unicode_escaped(MAIL) + json_inside(" é\\")
    expected = 'mail "[EMAIL_ADDRESS]"\nor jane@acme.example é\\'
    assert json.loads(f'"{rewriter.text(raw, in_json=True)}"') == expected
    for chunks in splits(raw, 2):
        assert json.loads(f'"{streamed(rewriter, chunks, in_json=True)}"') == expected, chunks


def test_mask_new_holds_back_at_most_a_capped_word():
    rewriter = ResponseText(VALUES, mask_new=mask_emails)
    stream = rewriter.stream()
    word = "x" * 1000
    sent = "".join(stream.feed(word[i:i + 7]) for i in range(0, 700, 7))
    assert sent == word[:700 - WORD_CAP]
    assert stream.feed(" ") == word[700 - WORD_CAP:700] + " "


def test_a_long_word_cut_by_the_cap_never_splits_a_token_or_an_escape():
    seen: list[str] = []

    def record(text: str) -> str:
        seen.append(text)
        return text

    rewriter = ResponseText(VALUES, mask_new=record)
    text = "a" * 250 + JANE + "é" * 300 + MAIL + "b" * 200
    raw = json_inside("a" * 250) + JANE + "\\u00e9" * 100 + unicode_escaped(MAIL) + "\\n" * 3 + "b" * 200
    for size in range(1, 40):
        assert streamed(rewriter, [text[i:i + size] for i in range(0, len(text), size)]) == \
            rewriter.text(text)
        out = streamed(rewriter, [raw[i:i + size] for i in range(0, len(raw), size)], in_json=True)
        assert json.loads(f'"{out}"') == json.loads(f'"{raw}"').replace(JANE, "Jane Doe").replace(
            MAIL, "jane@acme.example")
    assert not any("\\" in s or "<" in s for s in seen)
