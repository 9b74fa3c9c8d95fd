"""Seeded makers of realistic sensitive values (valid checksums where real ones have them) and of
the harmless look-alikes that must survive: order ids, timestamps, versions, hashes, UUIDs."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
import uuid

import phonenumbers

FIRST = ["Maria", "Omar", "Priya", "Lucas", "Mei", "Tomasz", "Aisha", "Diego", "Hannah", "Kwame", "Sofia",
         "Ivan", "Fatima", "Jonas", "Yuki", "Carlos", "Elena", "Rahul", "Grace", "Mateo", "Chloe", "Samuel",
         "Leila", "Nikolai", "Amara", "Henrik", "Isabela", "Tariq", "Olivia", "Benedikt", "Zanele", "Ruth"]
LAST = ["Lopez", "Haddad", "Raman", "Moreau", "Chen", "Kowalski", "Bello", "Ortega", "Schmidt", "Mensah",
        "Rossi", "Okafor", "Nakamura", "Fernandes", "Novak", "Lindqvist", "Patel", "Murphy", "Dubois",
        "Costa", "Ibrahim", "Petrov", "Andersen", "Walsh", "Gallagher", "Yilmaz", "Hoffmann", "Nguyen"]
DOMAINS = ["initech.co", "gmail.com", "outlook.com", "globex.io", "umbrella-health.org", "acmebank.com"]
STREETS = ["Oak", "Maple", "Cedar", "Elm", "Pine", "Washington", "Lake", "Hill", "Park", "Sunset", "Mission"]
SUFFIXES = ["Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Lane", "Drive", "Court", "Way"]
CITIES = [("Springfield", "IL", "62704"), ("Austin", "TX", "78701"), ("Denver", "CO", "80203"),
          ("Portland", "OR", "97205"), ("Madison", "WI", "53703"), ("Raleigh", "NC", "27601")]
EU_STREETS = ["Hauptstraße {n}", "Bahnhofstrasse {n}", "Via Roma {n}", "Calle Mayor {n}", "Rue de Rivoli {n}",
              "Kungsgatan {n}", "Storgata {n}", "Mannerheimintie {n}"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
CONDITIONS = ["type 2 diabetes", "hypertension", "asthma", "major depressive disorder", "breast cancer",
              "atrial fibrillation", "chronic kidney disease", "rheumatoid arthritis", "epilepsy", "HIV"]
MEDICATIONS = ["metformin", "lisinopril", "sertraline", "atorvastatin", "levothyroxine", "insulin", "albuterol"]
B32 = string.ascii_uppercase + "234567"
B64 = string.ascii_letters + string.digits + "+/"
URLSAFE = string.ascii_letters + string.digits + "-_"
ALNUM = string.ascii_letters + string.digits


def _chars(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _luhn_digit(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        digit = int(char)
        if index % 2 == 0:
            digit *= 2
            digit -= 9 if digit > 9 else 0
        total += digit
    return str((10 - total % 10) % 10)


class Values:
    """Every maker draws from one seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items):
        return self.rng.choice(items)

    def digits(self, n: int) -> str:
        return "".join(self.rng.choice(string.digits) for _ in range(n))

    # ---- personal ----
    def person(self) -> tuple[str, str]:
        return self.pick(FIRST), self.pick(LAST)

    def email_for(self, first: str, last: str) -> str:
        style = self.rng.randrange(3)
        local = [f"{first}.{last}", f"{first[0]}{last}", f"{first}{self.rng.randrange(10, 99)}"][style]
        return f"{local.lower()}@{self.pick(DOMAINS)}"

    def phone(self) -> str:
        while True:
            kind = self.rng.randrange(5)
            if kind <= 1:
                area, mid, last = self.rng.choice(["415", "212", "312", "617", "206"]), self.digits(3), self.digits(4)
                if mid[0] in "01":
                    continue
                text = [f"({area}) {mid}-{last}", f"{area}-{mid}-{last}"][kind]
                region = "US"
            elif kind == 2:
                text, region = f"+1 {self.rng.choice(['415', '646', '303'])} {self.rng.randrange(200, 999)} {self.digits(4)}", None
            elif kind == 3:
                text, region = f"+44 20 7{self.digits(3)} {self.digits(4)}", None
            else:
                text, region = f"+49 30 {self.digits(4)} {self.digits(4)}", None
            if phonenumbers.is_valid_number(phonenumbers.parse(text, region)):
                return text

    def street_address(self) -> str:
        if self.rng.random() < 0.25:
            return self.pick(EU_STREETS).format(n=self.rng.randrange(1, 140))
        city, state, zip_code = self.pick(CITIES)
        street = f"{self.rng.randrange(10, 9999)} {self.pick(STREETS)} {self.pick(SUFFIXES)}"
        return self.pick([street, f"{street}, {city}, {state} {zip_code}", f"{street}, Apt {self.rng.randrange(1, 40)}"])

    def birth_date(self) -> str:
        year, month, day = self.rng.randrange(1940, 2004), self.rng.randrange(1, 13), self.rng.randrange(1, 29)
        return self.pick([f"{year}-{month:02d}-{day:02d}", f"{month:02d}/{day:02d}/{year}",
                          f"{MONTHS[month - 1]} {day}, {year}", f"{day} {MONTHS[month - 1]} {year}"])

    def ssn(self) -> str:
        area = self.rng.choice([n for n in range(1, 900) if n != 666])
        return f"{area:03d}-{self.rng.randrange(1, 100):02d}-{self.rng.randrange(1, 10000):04d}"

    def itin(self) -> str:
        return f"9{self.digits(2)}-{self.rng.choice([70, 71, 78, 83, 88, 90, 92])}-{self.digits(4)}"

    def passport(self) -> str:
        return self.pick([self.rng.choice("ACEFHX") + self.digits(8), str(self.rng.randrange(100000000, 999999999))])

    def driver_license(self) -> str:
        return self.pick([self.rng.choice("DSFW") + self.digits(7),
                          f"{self.rng.choice('SBK')}{self.digits(3)}-{self.digits(4)}-{self.digits(4)}"])

    def bank_account(self) -> str:
        return self.digits(self.rng.randrange(9, 13))

    def routing(self) -> str:
        while True:
            body = f"{self.rng.choice(['02', '03', '11', '12', '21', '26', '31', '32'])}{self.digits(6)}"
            d = [int(c) for c in body]
            check = (10 - (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])) % 10) % 10
            return body + str(check)

    def card(self) -> str:
        prefix, length = self.pick([("4", 16), ("51", 16), ("55", 16), ("37", 15), ("6011", 16), ("2221", 16)])
        body = prefix + self.digits(length - len(prefix) - 1)
        number = body + _luhn_digit(body)
        if length == 15:
            return self.pick([number, f"{number[:4]} {number[4:10]} {number[10:]}"])
        groups = [number[i:i + 4] for i in range(0, 16, 4)]
        return self.pick([number, " ".join(groups), "-".join(groups)])

    def cvv(self, length: int = 3) -> str:
        return str(self.rng.randrange(10 ** (length - 1) + 1, 10 ** length))

    def iban(self) -> str:
        country, bban = self.pick([("GB", lambda: self.pick(["WEST", "NWBK", "BARC"]) + self.digits(14)),
                                   ("DE", lambda: self.digits(18)), ("FR", lambda: self.digits(23)),
                                   ("NL", lambda: self.pick(["ABNA", "INGB", "RABO"]) + self.digits(10)),
                                   ("ES", lambda: self.digits(20))])
        body = bban()
        numeric = "".join(str(int(c, 36)) for c in body + country + "00")
        check = 98 - int(numeric) % 97
        iban = f"{country}{check:02d}{body}"
        return self.pick([iban, " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))])

    def ipv4(self) -> str:
        return self.pick([f"203.0.113.{self.rng.randrange(1, 255)}", f"10.{self.rng.randrange(0, 255)}.{self.rng.randrange(0, 255)}.{self.rng.randrange(1, 255)}",
                          f"{self._public_octet()}.{self.rng.randrange(0, 255)}.{self.rng.randrange(0, 255)}.{self.rng.randrange(1, 255)}"])

    def _public_octet(self) -> int:
        first = self.rng.randrange(11, 223)
        return 128 if first == 127 else first   # 127.0.0.0/8 is loopback, nobody's address

    def ipv6(self) -> str:
        return "2001:db8:" + ":".join(f"{self.rng.randrange(0, 65536):x}" for _ in range(6))

    # ---- PHI ----
    def mrn(self) -> str:
        return self.pick([self.digits(8), f"MRN-{self.digits(7)}", self.digits(7)])

    def npi(self) -> str:
        body = self.rng.choice("12") + self.digits(8)
        return body + _luhn_digit("80840" + body)

    def dea(self) -> str:
        letters = self.rng.choice("ABFGM") + self.rng.choice(string.ascii_uppercase)
        d = [int(c) for c in self.digits(6)]
        check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        return letters + "".join(map(str, d)) + str(check)

    def member_id(self) -> str:
        return self.pick([self.rng.choice(["XGH", "W", "ZQA", "HPN"]) + self.digits(9), self.digits(11)])

    def condition(self) -> str:
        return self.pick(CONDITIONS)

    def medication(self) -> str:
        return self.pick(MEDICATIONS)

    # ---- secrets ----
    def aws_key_id(self) -> str:
        return self.pick(["AKIA", "ASIA"]) + _chars(self.rng, B32, 16)

    def aws_secret(self) -> str:
        while True:
            value = _chars(self.rng, B64, 40)
            if any(c.isdigit() for c in value):
                return value

    def google_api_key(self) -> str:
        return "AIza" + _chars(self.rng, URLSAFE, 35)

    def openai_key(self) -> str:
        return self.pick(["sk-proj-" + _chars(self.rng, URLSAFE, 48), "sk-" + _chars(self.rng, ALNUM, 48)])

    def anthropic_key(self) -> str:
        return "sk-ant-api03-" + _chars(self.rng, URLSAFE, 86) + "AA"

    def stripe_key(self) -> str:
        return self.pick(["sk_live_", "rk_live_", "sk_test_"]) + _chars(self.rng, ALNUM, 32)

    def github_token(self) -> str:
        return self.pick(["ghp_" + _chars(self.rng, ALNUM, 36), "gho_" + _chars(self.rng, ALNUM, 36),
                          "github_pat_11" + _chars(self.rng, ALNUM, 20) + "_" + _chars(self.rng, ALNUM, 59)])

    def gitlab_token(self) -> str:
        return "glpat-" + _chars(self.rng, URLSAFE, 20)

    def slack_token(self) -> str:
        return f"xox{self.rng.choice('bpa')}-{self.digits(12)}-{self.digits(13)}-{_chars(self.rng, ALNUM, 24)}"

    def sendgrid_key(self) -> str:
        return f"SG.{_chars(self.rng, URLSAFE, 22)}.{_chars(self.rng, URLSAFE, 43)}"

    def twilio_sid(self) -> str:
        return self.rng.choice(["SK", "AC"]) + _chars(self.rng, "0123456789abcdef", 32)

    def azure_key(self) -> str:
        return _chars(self.rng, B64, 86) + "=="

    def jwt(self) -> str:
        def part(obj: dict) -> str:
            return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")
        header = part({"alg": self.pick(["HS256", "RS256"]), "typ": "JWT"})
        payload = part({"sub": self.digits(8), "iat": 1716000000 + self.rng.randrange(10 ** 6)})
        return f"{header}.{payload}.{_chars(self.rng, URLSAFE, 43)}"

    def private_key(self, escaped: bool) -> str:
        kind = self.pick(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"])
        lines = [_chars(self.rng, B64, 64) for _ in range(self.rng.randrange(3, 7))]
        newline = "\\n" if escaped else "\n"
        return newline.join([f"-----BEGIN {kind}-----", *lines, f"-----END {kind}-----"])

    def password(self) -> str:
        word = self.pick(["Tr0ub4dor", "hunter", "Winter", "Blue", "Sunset", "Falcon", "Maple"])
        return word + self.pick(["&3", "2024!", "#77", "_x9", "$42", "99"]) + self.pick(["", "Qz", "!"])

    def token(self) -> str:
        return self.pick([_chars(self.rng, "0123456789abcdef", 32), _chars(self.rng, ALNUM, 40)])

    # ---- look-alikes that must survive ----
    def order_id(self) -> str:
        return self.pick([f"ORD-2024-{self.digits(6)}", f"INV-{self.digits(5)}", f"#{self.rng.randrange(100000, 999999)}",
                          f"ord_{_chars(self.rng, string.ascii_lowercase + string.digits, 10)}"])

    def timestamp(self) -> str:
        year, month, day = 2024, self.rng.randrange(1, 13), self.rng.randrange(1, 29)
        hour, minute, second = self.rng.randrange(24), self.rng.randrange(60), self.rng.randrange(60)
        return self.pick([f"{year}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:{second:02d}",
                          f"{year}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}Z"])

    def sql_date(self) -> str:
        return f"'{self.rng.choice([2023, 2024, 2025])}-{self.rng.randrange(1, 13):02d}-01'"

    def version(self) -> str:
        return self.pick([f"3.{self.rng.randrange(8, 13)}.{self.rng.randrange(0, 12)}",
                          f"{self.rng.randrange(1, 3)}.{self.rng.randrange(0, 4)}.{self.rng.randrange(0, 9)}",
                          f"1.{self.rng.randrange(20, 27)}.{self.rng.randrange(0, 5)}.{self.rng.randrange(1, 9)}"])

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def git_hash(self, short: bool = False) -> str:
        digest = hashlib.sha1(self.digits(12).encode()).hexdigest()
        return digest[:7] if short else digest

    def sha256(self) -> str:
        return hashlib.sha256(self.digits(12).encode()).hexdigest()
