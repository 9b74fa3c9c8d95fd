"""Detection: each entity in the contexts an analytics assistant sees it in, and checksums' near misses."""

from __future__ import annotations

import base64
import json

import pytest

from filters.recognizers.detector import ENTITY_CATEGORIES, RESTRICTED_ENTITIES, Detector
from filters.segments import DataClass, Span

KIND_CLASS = {"prose": "input", "code": "input", "sql": "input", "table": "output", "record": "output",
              "traceback": "output", "log": "output", "schema": "metadata", "profile": "account"}
B64_88 = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
JWT = ".".join([base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()).decode().rstrip("="),
                base64.urlsafe_b64encode(b'{"sub":"48213","iat":1716000000}').decode().rstrip("="),
                "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"])


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def found(detector: Detector, text: str, kind: str = "prose") -> list[tuple[str, str]]:
    spans = [Span(0, len(text), DataClass(KIND_CLASS[kind]), False, kind)]
    return [(d.entity, text[d.start:d.end]) for d in detector.detect(text, spans)]


PERSONAL = [
    ("prose", "Can you email the churn summary to Sarah Johnson before Friday?", "PERSON", "Sarah Johnson"),
    ("prose", "Ask Dr. Okonkwo whether the cohort excludes minors.", "PERSON", "Okonkwo"),
    ("table", "customer_name,plan,mrr\nTomasz Kowalski,pro,420\n", "PERSON", "Tomasz Kowalski"),
    ("record", '{"id": 48213, "name": "Kenji Watanabe", "plan": "enterprise"}', "PERSON", "Kenji Watanabe"),
    ("sql", "SELECT * FROM tickets WHERE requester_name = 'Aoife Brennan';", "PERSON", "Aoife Brennan"),
    ("prose", "Send it to maria.lopez@initech.co and cc the team.", "EMAIL_ADDRESS", "maria.lopez@initech.co"),
    ("prose", "Her mobile is +44 20 7946 0958, call after 5pm.", "PHONE_NUMBER", "+44 20 7946 0958"),
    ("record", '{"phone": "(212) 555-0147", "status": "active"}', "PHONE_NUMBER", "(212) 555-0147"),
    ("prose", "Her cell is 4155550132 if the form fails.", "PHONE_NUMBER", "4155550132"),
    ("prose", "Ship the replacement to 1600 Pennsylvania Avenue, Washington, DC 20500 please.", "STREET_ADDRESS",
     "1600 Pennsylvania Avenue, Washington, DC 20500"),
    ("prose", "The office moved to Hauptstraße 12 last year.", "STREET_ADDRESS", "Hauptstraße 12"),
    ("table", "name\taddress\nAnna Berg\t4844 Søndergade 52, Apt. 656\n", "STREET_ADDRESS", "4844 Søndergade 52, Apt. 656"),
    ("prose", "The patient was born on March 2, 1984 in Lyon.", "DATE_OF_BIRTH", "March 2, 1984"),
    ("table", "name,dob,plan\nAna Silva,1984-03-02,pro\n", "DATE_OF_BIRTH", "1984-03-02"),
    ("prose", "My SSN is 536-22-8147, is that stored anywhere?", "US_SSN", "536-22-8147"),
    ("prose", "Her ITIN is 912-78-1234.", "US_ITIN", "912-78-1234"),
    ("prose", "His passport number is 533380006.", "US_PASSPORT", "533380006"),
    ("prose", "Driver's license: D1234567, issued in Ohio.", "US_DRIVER_LICENSE", "D1234567"),
    ("prose", "Refund to account number 000123456789 at the same bank.", "US_BANK_NUMBER", "000123456789"),
    ("prose", "Use routing number 021000021 for the wire.", "ABA_ROUTING_NUMBER", "021000021"),
    ("prose", "The card 4111 1111 1111 1111 was charged twice.", "CREDIT_CARD", "4111 1111 1111 1111"),
    ("record", '{"card": "378282246310005", "cvv": "4321"}', "CREDIT_CARD", "378282246310005"),
    ("record", '{"card": "378282246310005", "cvv": "4321"}', "CARD_SECURITY_CODE", "4321"),
    ("prose", "Wire it to IBAN GB82 WEST 1234 5698 7654 32 today.", "IBAN_CODE", "GB82 WEST 1234 5698 7654 32"),
    ("log", "203.0.113.42 - - [05/Mar/2024:14:22:01 +0000] \"GET /api HTTP/1.1\" 200", "IP_ADDRESS", "203.0.113.42"),
    ("prose", "Blocked client 2001:db8:85a3::8a2e:370:7334 again.", "IP_ADDRESS", "2001:db8:85a3::8a2e:370:7334"),
]
PHI = [
    ("prose", "Pull the labs for MRN: 00482913 from last week.", "MEDICAL_RECORD_NUMBER", "00482913"),
    ("prose", "The prescriber's NPI is 1234567893.", "NPI", "1234567893"),
    ("prose", "Prescriber DEA number AB1234563 is on the claim.", "DEA_NUMBER", "AB1234563"),
    ("prose", "Her member ID XGH123456789 was rejected.", "HEALTH_PLAN_ID", "XGH123456789"),
    ("prose", "Maria Lopez was diagnosed with type 2 diabetes in 2021.", "MEDICAL_CONDITION", "type 2 diabetes"),
    ("prose", "Omar Haddad has been taking metformin since March.", "MEDICAL_CONDITION", "metformin"),
    ("table", "patient_name,diagnosis,admitted\nLeila Haddad,asthma,2024-02-01\n", "MEDICAL_CONDITION", "asthma"),
]
SECRETS = [
    ("code", 'aws_access_key_id = "AKIAQ7XG4MZTN2VJ5BWE"', "AWS_ACCESS_KEY", "AKIAQ7XG4MZTN2VJ5BWE"),
    ("code", "export AWS_SECRET_ACCESS_KEY=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", "AWS_SECRET_KEY",
     "kT8vXq2LmN4pR7sWz1YbC6dF9gH3jK5nP0rS2uVw"),
    ("code", 'genai.configure(api_key="AIzaSyD8f3kJ2mN5pQ7rS9tU1vW3xY5zA7bC9dE")', "GOOGLE_API_KEY",
     "AIzaSyD8f3kJ2mN5pQ7rS9tU1vW3xY5zA7bC9dE"),
    ("code", f'conn = "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={B64_88};EndpointSuffix=core.windows.net"',
     "AZURE_STORAGE_KEY", B64_88),
    ("prose", "This is the key: sk-proj-4fGh7Jk9Lm2Np5Qr8St1Uv4Wx7Yz0Ab3Cd6Ef9Gh2Ij5Kl8", "OPENAI_API_KEY",
     "sk-proj-4fGh7Jk9Lm2Np5Qr8St1Uv4Wx7Yz0Ab3Cd6Ef9Gh2Ij5Kl8"),
    ("code", 'client = anthropic.Anthropic(api_key="sk-ant-api03-Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Ji0Hg9Fe8Dc7Ba6")',
     "ANTHROPIC_API_KEY", "sk-ant-api03-Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Ji0Hg9Fe8Dc7Ba6"),
    ("code", 'stripe.api_key = "sk_live_51HxYzAbCdEfGhIjKlMnOpQr"', "STRIPE_SECRET_KEY", "sk_live_51HxYzAbCdEfGhIjKlMnOpQr"),
    ("prose", "The CI uses ghp_16C7e42F292c6912E7710c838347Ae178B4a for pushes.", "GITHUB_TOKEN",
     "ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
    ("code", 'GITLAB_TOKEN = "glpat-9xYz8WvU7tS6rQ5pO4nM"', "GITLAB_TOKEN", "glpat-9xYz8WvU7tS6rQ5pO4nM"),
    ("code", 'SLACK_BOT_TOKEN = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"', "SLACK_TOKEN",
     "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"),
    ("code", 'sg = SendGridAPIClient("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")',
     "SENDGRID_API_KEY", "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"),
    ("code", '# twilio api key\nclient = Client("SK2f8e9d7c6b5a49382716f5e4d3c2b1a0", secret)', "TWILIO_CREDENTIAL",
     "SK2f8e9d7c6b5a49382716f5e4d3c2b1a0"),
    ("code", f'headers = {{"Authorization": "Bearer {JWT}"}}', "JWT", JWT),
    ("code", "key = '''-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq9\nYl0kq2Jx\n-----END RSA PRIVATE KEY-----'''",
     "PRIVATE_KEY", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq9\nYl0kq2Jx\n-----END RSA PRIVATE KEY-----"),
    ("record", '{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\\n"}',
     "PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----"),
    ("code", 'engine = create_engine("postgresql://etl:Tr0ub4dor&3@db.internal:5432/prod")', "PASSWORD", "Tr0ub4dor&3"),
    ("code", "Server=tcp:db.example.net;Database=sales;User Id=etl;Password=Pa55w0rd!x;", "PASSWORD", "Pa55w0rd!x"),
    ("code", 'config = {"password": "hunter2!", "user": "etl"}', "PASSWORD", "hunter2!"),
    ("code", "database:\n  user: etl\n  passwd: W1nter#77\n", "PASSWORD", "W1nter#77"),
    ("sql", "CREATE USER loader WITH PASSWORD 'S3cure!Pass';", "PASSWORD", "S3cure!Pass"),
    ("code", 'SECRET_KEY = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"', "SECRET", "9f8e7d6c5b4a39281706f5e4d3c2b1a0"),
    ("code", "apiKey: 'Qk7zT2mW9xR4vB8nL3pY6sD1'", "SECRET", "Qk7zT2mW9xR4vB8nL3pY6sD1"),
]


@pytest.mark.parametrize("kind, text, entity, value", PERSONAL + PHI + SECRETS)
def test_entity_found_in_context(detector: Detector, kind: str, text: str, entity: str, value: str) -> None:
    assert (entity, value) in found(detector, text, kind)


def test_every_entity_has_a_category_and_restricted_ones_are_listed() -> None:
    tested = {entity for _, _, entity, _ in PERSONAL + PHI + SECRETS}
    assert tested <= set(ENTITY_CATEGORIES)
    assert set(ENTITY_CATEGORIES.values()) == {"personal", "phi", "secret", "account"}
    assert {"US_SSN", "CREDIT_CARD", "CARD_SECURITY_CODE", "PASSWORD", "AWS_SECRET_KEY"} <= RESTRICTED_ENTITIES
    assert "PERSON" not in RESTRICTED_ENTITIES and "EMAIL_ADDRESS" not in RESTRICTED_ENTITIES


NEAR_MISSES = [
    ("The card 4111 1111 1111 1112 was charged twice.", "CREDIT_CARD"),          # Luhn fails
    ("Wire it to IBAN GB82 WEST 1234 5698 7654 33 today.", "IBAN_CODE"),         # mod 97 fails
    ("Use routing number 021000022 for the wire.", "ABA_ROUTING_NUMBER"),        # weighted sum fails
    ("Prescriber DEA number AB1234564 is on the claim.", "DEA_NUMBER"),          # check digit fails
    ("The prescriber's NPI is 1234567894.", "NPI"),                               # Luhn with 80840 fails
    ("My SSN is 666-22-8147, is that stored anywhere?", "US_SSN"),               # area 666 never issued
    ("My SSN is 536-00-8147, is that stored anywhere?", "US_SSN"),               # group 00 never issued
    ("Her ITIN is 912-45-1234.", "US_ITIN"),                                      # 45 is no ITIN group
    ("Token eyJub3QiOiJhIGp3dCJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl here", "JWT"),  # header has no alg
    ("Blocked client 999.12.4.1 again.", "IP_ADDRESS"),                          # octet above 255
]


@pytest.mark.parametrize("text, entity", NEAR_MISSES)
def test_checksum_near_misses_are_not_reported(detector: Detector, text: str, entity: str) -> None:
    assert entity not in {e for e, _ in found(detector, text)}


def test_context_dependent_numbers_need_their_context(detector: Detector) -> None:
    assert found(detector, "Batch 533380006 finished in 4s.") == []
    assert found(detector, "Order 000123456789 shipped.") == []
    assert found(detector, "Retry 00482913 succeeded.") == []


def test_security_code_only_next_to_a_card(detector: Detector) -> None:
    assert ("CARD_SECURITY_CODE", "123") in found(detector, "card 4111 1111 1111 1111, cvv 123")
    assert found(detector, "The cvv: 123 field is optional in the form schema.") == []


def test_condition_tied_to_a_person_only(detector: Detector) -> None:
    aggregate = "How many patients with HbA1c above 9 were diagnosed with type 2 diabetes in 2024?"
    assert found(detector, aggregate) == []
    followed = "Maria Lopez came in on Tuesday. She was diagnosed with asthma."
    assert ("MEDICAL_CONDITION", "asthma") in found(detector, followed)
    table = "diagnosis,patient_count\nasthma,120\nhypertension,98\n"
    assert found(detector, table, "table") == []


def test_detections_are_sorted_without_overlaps(detector: Detector) -> None:
    text = ("Customer Sarah Johnson (sarah.johnson@initech.co, +1 415-555-0132) paid with 4111-1111-1111-1111; "
            "the URL was postgres://etl:Tr0ub4dor&3@db.internal/prod.")
    detections = detector.detect(text, [Span(0, len(text), DataClass.INPUT, False, "prose")])
    assert [d.entity for d in detections] == ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "PASSWORD"]
    assert all(a.end <= b.start for a, b in zip(detections, detections[1:]))
    assert all(0.5 <= d.score <= 1 and d.recognizer for d in detections)


def test_words_read_once_are_not_kept_in_the_models_vocabulary(detector: Detector) -> None:
    """spaCy keeps every new word it reads for good, so an analysis process fed unique texts (ticket
    numbers, a client's digit runs) grew without end; its memory zone forgets them (make soak: flat)."""
    vocab = detector.names.engine.nlp_engine.get_nlp("en").vocab
    text = "Ask Sarah Johnson about tickets " + " ".join(f"TK{n}x{n * 7919}" for n in range(300))
    found(detector, text)
    before = len(vocab.strings)
    found(detector, text.replace("TK", "QZ"))
    assert "Sarah Johnson" in {value for _, value in found(detector, text)}
    assert len(vocab.strings) == before
