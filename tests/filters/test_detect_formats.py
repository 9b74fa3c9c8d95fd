"""Values after `=` and in structured text, formats validated by their check digits or number plans,
and numbers that are none of these left alone."""

from __future__ import annotations

import pytest

from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span

CLASS = {"prose": DataClass.INPUT, "code": DataClass.INPUT, "log": DataClass.OUTPUT, "record": DataClass.OUTPUT,
         "table": DataClass.OUTPUT}


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def found(detector: Detector, text: str, kind: str = "prose") -> list[tuple[str, str]]:
    spans = [Span(0, len(text), CLASS[kind], False, kind)]
    return [(d.entity, text[d.start:d.end]) for d in detector.detect(text, spans)]


# ---- key=value and structured text: the value is read whatever the separator ----

KEY_VALUE = [
    ("log", "ssn=536-22-8147 status=active", "US_SSN", "536-22-8147"),
    ("log", "user_ssn=536228147 status=active", "US_SSN", "536228147"),
    ("log", "event=charge card=4556 7375 8689 9855 amount=12.00", "CREDIT_CARD", "4556 7375 8689 9855"),
    ("log", "GET /pay?card=4111111111111111&exp=12%2F29 HTTP/1.1", "CREDIT_CARD", "4111111111111111"),
    ("code", "./export --npi=1234567893 --out claims.csv", "NPI", "1234567893"),
    ("code", "ROUTING=021000021\nACCOUNT=000123456789", "ABA_ROUTING_NUMBER", "021000021"),
    ("log", "holder=Mendes cvv=1706 ip=24.6.109.42 code=51", "IP_ADDRESS", "24.6.109.42"),
    ("log", "holder=Mendes cvv=1706 ip=24.6.109.42 code=51", "CARD_SECURITY_CODE", "1706"),
    ("code", '[payment]\ncvv = "445"\nretries = 3', "CARD_SECURITY_CODE", "445"),
    ("record", '{"level":"warn","cvv":"366","service":"gateway"}', "CARD_SECURITY_CODE", "366"),
    ("code", "export TAX_ID=536-22-8147", "US_SSN", "536-22-8147"),
    ("record", 'ssn: "536.22.8147"', "US_SSN", "536.22.8147"),
    ("prose", "Normalise these SSNs: 536 22 8147; 078-05-1121; 219-09-9998; 536.22.8147.", "US_SSN", "536.22.8147"),
    ("code", 'export SMTP_PASS="Battery velvet staple!"\npython -m pipeline.run', "PASSWORD", "Battery velvet staple!"),
    ("record", '{"msg":"login","SMTP_PASS":"Fx1}Od8uP!S5","service":"api"}', "PASSWORD", "Fx1}Od8uP!S5"),
    ("code", "./bin/pay --env prod --cvv 790 --batch-size 500", "CARD_SECURITY_CODE", "790"),
    ("code", "./bin/pay --security-code 722 --retry 3", "CARD_SECURITY_CODE", "722"),
    ("record", '{"msg":"webhook","nin":"30014028257","service":"gateway"}', "NATIONAL_ID", "30014028257"),
]


@pytest.mark.parametrize("kind, text, entity, value", KEY_VALUE)
def test_value_after_a_key(detector: Detector, kind: str, text: str, entity: str, value: str) -> None:
    assert (entity, value) in found(detector, text, kind)


@pytest.mark.parametrize("kind, text", [
    ("log", "ssn=none status=active retries=3"),
    ("log", "event=charge card=declined amount=12.00"),
    ("code", "./export --npi=$NPI --out claims.csv"),
    ("code", '[alerts]\nmrn = "redacted"\nretry_backoff = "250-30000"'),
    ("code", "./bin/sync --cvv2 $CVV --batch-size 500"),
    ("prose", "The cvv: 123 field is optional in the form schema."),
    ("log", 'SMTP_PASS="" pass_rate=0.95 bypass=true'),
])
def test_the_same_keys_without_a_value_are_kept(detector: Detector, kind: str, text: str) -> None:
    assert found(detector, text, kind) == []


def test_a_key_names_its_own_value_not_the_next_lines(detector: Detector) -> None:
    text = '[alerts]\nmrn = "80123456"\nretry_backoff = "250-30000"\nport = 5432'
    hits = found(detector, text, "code")
    assert ("MEDICAL_RECORD_NUMBER", "80123456") in hits
    assert all("250-30000" not in hit and "5432" not in hit for _, hit in hits)


# ---- formats ----

FORMATS = [
    ("prose", "Allow 10.20.0.0/16 and 192.168.1.0/24 through the firewall.", "IP_ADDRESS", "10.20.0.0/16"),
    ("prose", "The VPC uses 2001:db8:85a3::/48 for the new subnet.", "IP_ADDRESS", "2001:db8:85a3::/48"),
    ("prose", "IBAN: DE89-3704-0044-0532-0130-00 for the refund.", "IBAN_CODE", "DE89-3704-0044-0532-0130-00"),
    ("prose", "Pay to IBAN FI21 1234 5600 0007 85 please.", "IBAN_CODE", "FI21 1234 5600 0007 85"),
    ("prose", "Please wire the refund to MN447750674965771322 today.", "IBAN_CODE", "MN447750674965771322"),
    ("prose", "Please wire the refund to KZ04 7225 8441 6680 7747 today.", "IBAN_CODE", "KZ04 7225 8441 6680 7747"),
    ("prose", "Beneficiary NI36-UKCS-4889-3418-3448-2357-6220 (Nicaragua).", "IBAN_CODE",
     "NI36-UKCS-4889-3418-3448-2357-6220"),
    ("prose", "Cards on file: 4111111111111111, 5500 0000 0000 0004 and 378282246310005.", "CREDIT_CARD", "5500 0000 0000 0004"),
    ("prose", "Cards on file: 4111111111111111, 5500 0000 0000 0004 and 378282246310005.", "CREDIT_CARD", "378282246310005"),
    ("prose", "cards 4111111111111111 4012888888881881 5555555555554444", "CREDIT_CARD", "5555555555554444"),
    ("log", "dump: 4111111111111111|12/26|123", "CARD_SECURITY_CODE", "123"),
    ("prose", "pay with 5500 0000 0000 0004 (exp 01/28, code 552)", "CARD_SECURITY_CODE", "552"),
    ("prose", "My driving licence number is MORGA753116SM9IJ", "US_DRIVER_LICENSE", "MORGA753116SM9IJ"),
    ("prose", "Write to jane.doe [at] example [dot] com for access.", "EMAIL_ADDRESS", "jane.doe [at] example [dot] com"),
    ("prose", "Reach me at jdoe(at)example.org after five.", "EMAIL_ADDRESS", "jdoe(at)example.org"),
    ("prose", "my address is jane at example dot com, not the old one", "EMAIL_ADDRESS", "jane at example dot com"),
    ("prose", "Her Medicare number is 1EG4-TE5-MK73.", "HEALTH_PLAN_ID", "1EG4-TE5-MK73"),
    ("prose", "Beneficiary 1EG4TE5MK73 was re-enrolled.", "HEALTH_PLAN_ID", "1EG4TE5MK73"),
    ("prose", "Referring NPI 1234567893 on the claim.", "NPI", "1234567893"),
    ("prose", "ACH to 021000021 / 000123456789", "ABA_ROUTING_NUMBER", "021000021"),
    ("prose", "Call me on 8 (912) 309-37-62 tonight.", "PHONE_NUMBER", "8 (912) 309-37-62"),
    ("prose", "Tel. 40 22 09 06", "PHONE_NUMBER", "40 22 09 06"),
    ("prose", "Phone: 12 324 32 15", "PHONE_NUMBER", "12 324 32 15"),
    ("prose", "Her number: +7 912 992-93-96", "PHONE_NUMBER", "+7 912 992-93-96"),
    ("table", "id,name,national_id\n1,Ana,12345678Z\n", "NATIONAL_ID", "12345678Z"),
    ("prose", "NINO QQ 12 34 56 C on the P60? no: AB 12 34 56 C", "NATIONAL_ID", "AB 12 34 56 C"),
    ("prose", "Mein Steuer-ID ist 36574261809.", "NATIONAL_ID", "36574261809"),
    ("prose", "PESEL 44051401359 is on the form.", "NATIONAL_ID", "44051401359"),
    ("prose", "My national id (NIR) is 271085746352196.", "NATIONAL_ID", "271085746352196"),
    ("prose", "Személyi szám / personal id: 28808158931", "NATIONAL_ID", "28808158931"),
    ("prose", "Member ID: H9999-924-88886", "HEALTH_PLAN_ID", "H9999-924-88886"),
    ("prose", "MRN: 79T622983 arrived", "MEDICAL_RECORD_NUMBER", "79T622983"),
    ("prose", "His licence (New York) is 195 480 288.", "US_DRIVER_LICENSE", "195 480 288"),
    ("prose", "Her driver's license (Washington) is WDL9RNA8E5ZI.", "US_DRIVER_LICENSE", "WDL9RNA8E5ZI"),
    ("prose", "Driver license (Missouri): A123456R", "US_DRIVER_LICENSE", "A123456R"),
    ("prose", "DL# 12345678AB (Missouri)", "US_DRIVER_LICENSE", "12345678AB"),
    ("code", '[patient]\nchart_no = "E661161983"\nretries = 3', "MEDICAL_RECORD_NUMBER", "E661161983"),
    ("record", '{"msg":"login failed","phone_number":"8 (301) 128-06-81","service":"kyc"}', "PHONE_NUMBER",
     "8 (301) 128-06-81"),
    ("prose", "account: Sipos Éva, (06 1) 231 3835, ask for her.", "PHONE_NUMBER", "(06 1) 231 3835"),
    ("code", "export ACCOUNTKEY='ZjqBnx37+gnZ2m6IrVmv1TO5VvGbSvdcqg+yVGmyMG4ikWHXO8Q9vgtQIg1geZU8I3IhFpIn9iiZk03wrcyUpJ=='",
     "AZURE_STORAGE_KEY", "ZjqBnx37+gnZ2m6IrVmv1TO5VvGbSvdcqg+yVGmyMG4ikWHXO8Q9vgtQIg1geZU8I3IhFpIn9iiZk03wrcyUpJ=="),
]


FORMATS += [
    ("prose", "Wire via ABA 021000021, account 4851450735 today.", "US_BANK_NUMBER", "4851450735"),
    ("prose", "Refund Jane: DDA 5568839475 before Friday.", "US_BANK_NUMBER", "5568839475"),
    ("prose", "Pay into a/c no. 1000-966571961 please.", "US_BANK_NUMBER", "1000-966571961"),
    ("prose", "Moved her payroll to RTN 011000015 / 7730-418266-05 last week.", "US_BANK_NUMBER", "7730-418266-05"),
    ("prose", "HR changed payroll to RTN 122105155 / 40-12-77 31926544.", "US_BANK_NUMBER", "40-12-77 31926544"),
    ("prose", "Please retry: 6011 9644 1361 6690|04/26|098.", "CARD_SECURITY_CODE", "098"),
    ("prose", "The card 5500 8745 9160 7041 exp 07/27 868.", "CARD_SECURITY_CODE", "868"),
    ("prose", "Pt Jane Roe (Med Rec No. 82B635367) was seen today.", "MEDICAL_RECORD_NUMBER", "82B635367"),
    ("prose", "Summary for the patient (MR# 68687782) attached.", "MEDICAL_RECORD_NUMBER", "68687782"),
]


@pytest.mark.parametrize("kind, text, entity, value", FORMATS)
def test_format_found(detector: Detector, kind: str, text: str, entity: str, value: str) -> None:
    assert (entity, value) in found(detector, text, kind)


NOT_FOUND = [
    "The fixture's bad IBAN is DE89 3704 0044 0532 0130 01 and should stay.",     # mod 97 fails
    "Digits like GB00 0000 0000 0000 0000 00 are a template.",
    "The fixture MN447750674965771323 today fails mod 97.",
    "Report for 12/26: 123 rows, 45 columns.",          # an expiry's shape and three digits, no card
    "Her personal id is 28808158934, the form says.",    # a Hungarian id's shape, the check digit wrong
    '"maxTokens": {"type": "integer", "description": "between 250-30000"}',
    "retry_backoff = \"8000-12000\" and the range 2024-0115 in the ticket",
    "Invoice 7587146117575616 has 15 lines.",
    "Medicare Part B premiums rose in 2024.",
    "Look at example.com for the docs, at least dot the i's.",
    "The id 1EG4TE5MK7 is one character short.",
    "The version string is 10.20.0.0/99 here, which is no range.",
    "Order 53123340 shipped.",
    "The WDL9RNA8E5ZI build passed.",                    # a licence's shape without a licence word
    "Meeting moved to 12-05-2024 at noon, room 4.",      # a date, not a Russian phone
    "chart 12 of the Q3 deck, 45,000 rows",
    "worker-8 picked batch 66628\ntracking number 490327466856081 left the depot",   # a parcel's, not a phone
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_numbers_that_fail_validation_are_kept(detector: Detector, text: str) -> None:
    assert found(detector, text) == []


def test_an_order_or_ticket_number_near_a_record_number_is_kept(detector: Detector) -> None:
    text = "Patient seen today (MRN 48213377). Ticket INC-99625 is open, invoice 93434 paid, order #96787 shipped."
    assert found(detector, text) == [("MEDICAL_RECORD_NUMBER", "48213377")]


def test_a_role_mailbox_is_kept_in_a_users_text_too(detector: Detector) -> None:
    text = "## Tools\nReport bugs to support@sourcegraph.com or security@npmjs.com; my own is j.kowalski@example.pl"
    assert [v for e, v in found(detector, text) if e == "EMAIL_ADDRESS"] == ["j.kowalski@example.pl"]
