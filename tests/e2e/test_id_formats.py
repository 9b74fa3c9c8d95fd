"""Identifier formats of other countries, phone extensions, a patient's ids in a bare list, a card's
look-alike, and values split across a line break or percent-encoded, through the gateway with the openai
SDK: what the provider receives. Every value here was written for this file (valid check digits where the
format has one)."""

from __future__ import annotations

import json

import pytest
from serving import mock_requests

STEUER_ID = "36045182738"                 # ISO 7064 mod 11,10, one digit twice
AUSWEIS = "LK7X09RT33"                    # Personalausweis with its ICAO 7-3-1 check digit
CODICE_FISCALE = "RSSMRA85T10A562S"
KOREAN_RRN = "880512-1234568"
CHINESE_ID = "330106198509237614"
PHILSYS = "4821-0937-5516-2048"           # fails Luhn: a card it is not
PERSONNUMMER = "850709-9425"
NPI = "1748293051"                        # Luhn over 80840 + the number
MBI = "5KR7-PM2-HW41"

CASES = [
    ("Steuer-ID after its long German name",
     f"Meine steuerliche Identifikationsnummer ist {STEUER_ID}, bitte eintragen.", [STEUER_ID]),
    ("Personalausweis", f"Personalausweis Nr. {AUSWEIS} liegt bei.", [AUSWEIS]),
    ("codice fiscale in lower case", f"Il mio codice fiscale è {CODICE_FISCALE.lower()}.", [CODICE_FISCALE.lower()]),
    ("Korean RRN after its native label", f"주민등록번호: {KOREAN_RRN}", [KOREAN_RRN]),
    ("Chinese resident id after 身份证号码 with no space", f"我的身份证号码是{CHINESE_ID}", [CHINESE_ID]),
    ("PhilSys number", f"My PhilSys number: {PHILSYS}", [PHILSYS]),
    ("a national id before 'a valid <label>'", f"Is {PERSONNUMMER} a valid Personnummer?", [PERSONNUMMER]),
    ("phone with x extension", "Reach me at +1-415-728-3391x2204 after lunch.", ["415-728-3391", "2204"]),
    ("phone with ext.", "Call me on +44 20 7946 0958 ext. 45 tomorrow.", ["7946 0958", "45 tomorrow"]),
    ("a UK number starting 0118 is no call abroad", "My phone is 0118 496 0732 if that's easier.", ["496 0732"]),
    ("a phone under PHONENUMBER in an env file", 'PHONENUMBER="4157283391"', ["4157283391"]),
    ("a patient's ids in a bare list", f"eligibility check -> Jorunn Vik, {MBI}, {NPI}, H518203774",
     [MBI, NPI, "H518203774"]),
    ("a bank account after a routing number", "Ola changed payroll to RTN 021000021 / 4417-309152-22",
     ["021000021", "4417-309152-22"]),
    ("a password of symbols split across a line break", "I set the db password to Qv#8>:r*\nw+T4k&,)Zp today.",
     ["Qv#8", "w+T4k"]),
    ("a phone whose line ends with a space", "Call me on +61 2 9374 \n4000 please.", ["9374", "4000"]),
    ("an email percent-encoded twice", "forward it to maria.kovacs%2540example.org", ["maria.kovacs"]),
    ("a URL's password with an encoded '>'", "postgres://svc:Wq7%3Ez%21Rm@db.local:5432/app", ["Wq7"]),
]


def forwarded(openai_client, upstream, prompt: str) -> str:
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    return mock_requests(upstream)[-1]["json"]["messages"][0]["content"]


@pytest.mark.parametrize("how, prompt, parts", CASES, ids=[c[0] for c in CASES])
def test_the_value_does_not_reach_the_provider(openai_client, upstream, how: str, prompt: str, parts: list[str]):
    sent = forwarded(openai_client, upstream, prompt)
    assert not [p for p in parts if p in sent], sent


KEPT = [
    ("a card's look-alike failing Luhn, after a zip key", "GET /lookup?zip_code=4532 8812 0967 3311 HTTP/1.1",
     "4532 8812 0967 3311"),
    ("a card's look-alike in prose", "The serial on the box reads 5291 0447 1826 3307.", "5291 0447 1826 3307"),
    ("an 18-digit order number without an id word", "Order 330106198509237614 shipped today.", "330106198509237614"),
    ("a case number before an access log's date", "pipeline case 35672225 18/Oct/2025:17:14:07 +0000",
     "case 35672225 18/Oct/2025"),
    ("the verb 'chart' before a range", "Can you chart revenue for the accounts, 1000-5000?", "1000-5000"),
    ("a percentage percent-encoded", "growth of 12%25 in Q3", "12%25"),
]


@pytest.mark.parametrize("how, prompt, keep", KEPT, ids=[c[0] for c in KEPT])
def test_the_look_alike_reaches_the_provider_whole(openai_client, upstream, how: str, prompt: str, keep: str):
    sent = forwarded(openai_client, upstream, prompt)
    assert keep in sent, json.dumps(sent)
