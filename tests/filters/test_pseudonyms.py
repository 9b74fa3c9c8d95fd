import json
import re

import pytest

from filters.redact.pseudonyms import (
    TOKEN_MAX_LEN,
    TOKEN_PARTIAL_RE,
    TOKEN_PREFIX,
    TOKEN_RE,
    TenantKeys,
    drop_marker,
    entity_label,
    mask_placeholder,
)

ACME = b"acme-secret-0123456789abcdef"
GLOBEX = b"globex-secret-0123456789abcdef"


def test_same_value_gets_the_same_token_across_calls_and_instances():
    first = TenantKeys(ACME).pseudonym("PERSON", "Jane Doe")
    assert TenantKeys(ACME).pseudonym("PERSON", "Jane Doe") == first
    assert TenantKeys(bytearray(ACME)).pseudonym("PERSON", "Jane Doe") == first


def test_token_shape():
    token = TenantKeys(ACME).pseudonym("PERSON", "Jane Doe")
    assert re.fullmatch(r"<PERSON_[0-9a-f]{16}>", token)
    assert TOKEN_RE.fullmatch(token)
    assert token.startswith(TOKEN_PREFIX) and len(token) <= TOKEN_MAX_LEN
    assert json.dumps(token) == f'"{token}"'  # nothing in it needs escaping


def test_other_tenants_and_entities_get_other_tokens():
    acme, globex = TenantKeys(ACME), TenantKeys(GLOBEX)
    assert acme.pseudonym("PERSON", "Jane Doe") != globex.pseudonym("PERSON", "Jane Doe")
    digest = acme.pseudonym("PERSON", "Jane Doe")[-17:]
    assert acme.pseudonym("ORGANIZATION", "Jane Doe")[-17:] != digest


def test_hash_digest_cannot_be_matched_to_the_pseudonym():
    keys = TenantKeys(ACME)
    token = keys.pseudonym("EMAIL_ADDRESS", "jane@acme.example")
    hashed = keys.hashed("EMAIL_ADDRESS", "jane@acme.example")
    assert re.fullmatch(r"\[EMAIL_ADDRESS:h:[0-9a-f]{16}\]", hashed)
    assert hashed.split(":")[-1].rstrip("]") not in token
    assert not TOKEN_RE.search(hashed)
    assert keys.hashed("EMAIL_ADDRESS", "JANE@acme.example") == hashed
    assert TenantKeys(GLOBEX).hashed("EMAIL_ADDRESS", "jane@acme.example") != hashed


def test_distinct_values_get_distinct_tokens():
    keys = TenantKeys(ACME)
    tokens = {keys.pseudonym("PERSON", f"Person {i}") for i in range(20_000)}
    assert len(tokens) == 20_000


@pytest.mark.parametrize(("entity", "a", "b"), [
    ("EMAIL_ADDRESS", "Jane.Doe@ACME.example", "jane.doe@acme.example"),
    ("EMAIL_ADDRESS", " jane@acme.example\n", "jane@acme.example"),
    ("PERSON", "Jane   Doe", "Jane Doe"),
    ("PERSON", "Jane\nDoe", "Jane Doe"),
    ("PHONE_NUMBER", "(555) 123-4567", "555.123.4567"),
    ("CREDIT_CARD", "4111 1111 1111 1111", "4111-1111-1111-1111"),
    ("IP_ADDRESS", "FE80::1", "fe80::1"),
    ("PERSON", "Zoe\u0301", "Zo\u00e9"),  # the same letter, decomposed and composed
])
def test_spellings_of_one_value_share_a_token(entity, a, b):
    keys = TenantKeys(ACME)
    assert keys.pseudonym(entity, a) == keys.pseudonym(entity, b)


@pytest.mark.parametrize(("entity", "a", "b"), [
    ("PERSON", "Jane Doe", "Jane Dow"),
    ("PHONE_NUMBER", "+1 555 123 4567", "555 123 4567"),
    ("API_KEY", "sk-AbCdEf", "sk-abcdef"),       # case matters in a secret
    ("URL", "https://x.example/A", "https://x.example/a"),
])
def test_different_values_stay_apart(entity, a, b):
    keys = TenantKeys(ACME)
    assert keys.pseudonym(entity, a) != keys.pseudonym(entity, b)


def test_short_or_missing_secret_is_refused():
    with pytest.raises(ValueError, match="at least 16 bytes"):
        TenantKeys(b"short")
    with pytest.raises(TypeError):
        TenantKeys("a string secret, not bytes")  # type: ignore[arg-type]


def test_repr_does_not_show_the_secret():
    assert "acme" not in repr(TenantKeys(ACME))


def test_placeholders():
    assert mask_placeholder("EMAIL_ADDRESS") == "[EMAIL_ADDRESS]"
    assert drop_marker("DATASET_DATA") == "[DATASET_DATA removed]"
    assert entity_label("us-ssn") == "US_SSN"
    assert entity_label("3D_CODE") == "X3D_CODE"
    token = TenantKeys(ACME).pseudonym("crypto wallet", "0xabc")
    assert token.startswith("<CRYPTO_WALLET_") and TOKEN_RE.fullmatch(token)


def test_partial_pattern_matches_exactly_the_proper_prefixes_of_a_token():
    token = TenantKeys(ACME).pseudonym("EMAIL_ADDRESS", "jane@acme.example")
    for end in range(1, len(token)):
        assert TOKEN_PARTIAL_RE.fullmatch(token[:end]), token[:end]
    assert not TOKEN_PARTIAL_RE.fullmatch(token)
    for text in ("<person", "<PERSON_0123456789abcdef0", "<PERSON_01x", "<PERSON_0a_", "PERSON", "<_A", "< P"):
        assert not TOKEN_PARTIAL_RE.fullmatch(text), text
