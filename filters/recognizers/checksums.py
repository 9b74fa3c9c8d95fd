"""Check digits of the identifiers the recognizers find: Luhn, IBAN mod 97, ABA, DEA, NPI."""

from __future__ import annotations

import math
from collections import Counter

# ISO 13616 IBAN lengths by country.
IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
    "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
    "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
    "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
    "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29,
    "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    # joined the registry from 2020 on
    "BI": 27, "DJ": 27, "FK": 18, "HN": 28, "LY": 25, "MN": 20, "NI": 28, "OM": 23, "RU": 33, "SD": 18,
    "SO": 23, "YE": 30,
}


def digits_of(text: str) -> str:
    """The digits of `text`, in order."""
    return "".join(ch for ch in text if "0" <= ch <= "9")


def luhn_ok(number: str) -> bool:
    """The Luhn check (cards, NPI): every second digit from the right doubled, the sum ends in 0."""
    total = 0
    for index, char in enumerate(reversed(number)):
        digit = ord(char) - 48
        if index % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def iban_ok(text: str) -> bool:
    """A well-formed IBAN of a known country length whose mod-97 remainder is 1."""
    iban = text.replace(" ", "").replace("-", "").upper()
    if IBAN_LENGTHS.get(iban[:2]) != len(iban) or not iban[2:4].isdigit():
        return False
    rearranged = iban[4:] + iban[:4]
    remainder = 0
    for char in rearranged:
        value = int(char, 36)
        remainder = (remainder * (100 if value > 9 else 10) + value) % 97
    return remainder == 1


def aba_ok(number: str) -> bool:
    """An ABA routing number: a Federal Reserve prefix and the 3-7-1 weighted sum divisible by 10."""
    if len(number) != 9:
        return False
    prefix = int(number[:2])
    if not (prefix <= 12 or 21 <= prefix <= 32 or 61 <= prefix <= 72 or prefix == 80):
        return False
    d = [int(c) for c in number]
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 == 0


def dea_ok(text: str) -> bool:
    """A DEA registration number: two letters, seven digits; the last is the check digit."""
    if len(text) != 9 or not text[:1].isalpha() or not text[2:].isdigit():
        return False
    d = [int(c) for c in text[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def npi_ok(number: str) -> bool:
    """A National Provider Identifier: ten digits passing Luhn with the 80840 prefix."""
    return len(number) == 10 and number[0] in "12" and luhn_ok("80840" + number)


def ssn_ok(number: str) -> bool:
    """A US SSN as issued: area not 000, 666 or 9xx; group not 00; serial not 0000; not a known fake."""
    if len(number) != 9 or number in {"123456789", "078051120", "219099999"}:
        return False
    area, group, serial = number[:3], number[3:5], number[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def entropy(text: str) -> float:
    """Shannon entropy in bits per character."""
    if not text:
        return 0.0
    counts = Counter(text)
    size = len(text)
    return -sum(n / size * math.log2(n / size) for n in counts.values())
