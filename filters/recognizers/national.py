"""National identifiers of people outside the US, validated by their own check digits (python-stdnum).

A digit string passes some country's check far too often to be reported on its own, so the digit
forms need a context word (`national_id`, `PESEL`, `BSN`...); the forms with a letter in a fixed place
(a Spanish DNI, a British National Insurance number) are rare enough by their shape and check.
"""

from __future__ import annotations

import re
from datetime import date
from importlib import import_module
from types import ModuleType

from filters.recognizers.base import Site, Validator, Verdict
from filters.recognizers.checksums import digits_of

# The personal identifiers of each country python-stdnum validates, by country code and module.
DIGIT_IDS = ("nl.bsn", "tr.tckimlik", "br.cpf", "pl.pesel", "de.idnr", "se.personnummer", "dk.cpr",
             "no.fodselsnummer", "fr.nir", "be.nn", "cz.rc", "ro.cnp", "in_.aadhaar", "kr.rrn", "cn.ric",
             "za.idnr", "ca.sin", "ch.ssn", "at.vnr", "bg.egn", "hr.oib", "si.emso", "is_.kennitala",
             "il.idnr", "ee.ik", "lt.asmens", "gr.amka", "gb.nhs", "fi.hetu", "au.tfn", "au.abn", "au.acn",
             "th.pin", "ar.cuit")
LETTER_IDS = ("es.dni", "es.nie", "it.codicefiscale", "mx.curp", "in_.pan", "ie.pps", "fi.hetu", "pt.cc")
# NINO: two letters (not D F I Q U V; the second not O; not the unallocated pairs), six digits, A-D.
ID_LIKE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 ./-]{0,22}[A-Za-z0-9])?")
NINO = re.compile(r"(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]")


def _modules(names: tuple[str, ...]) -> tuple[ModuleType, ...]:
    return tuple(import_module(f"stdnum.{name}") for name in names)


_DIGITS = _modules(DIGIT_IDS)
_LETTERS = _modules(LETTER_IDS)


def _passes(modules: tuple[ModuleType, ...], value: str) -> bool:
    for module in modules:
        try:
            if module.is_valid(value):
                return True
        except Exception:  # a module refusing a value it was never meant for is a "no"
            continue
    return False


def national_id_number(value: str, site: Site) -> Verdict:
    """Digits (and their usual separators) passing a country's national-identifier check."""
    if len(set(digits_of(value))) < 3:
        return False
    digits = digits_of(value)
    return (_passes(_DIGITS, value) or hungarian_personal_id(digits) or korean_rrn(digits)
            or australian_medicare(digits))


def korean_rrn(digits: str) -> bool:
    """A Korean resident registration number: a birth date YYMMDD and a sex-and-century digit 1-8; those
    issued since October 2020 have no check digit (python-stdnum's kr.rrn refuses them), so none is asked."""
    if len(digits) != 13 or digits[6] not in "12345678":
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    return 1 <= month <= 12 and 1 <= day <= 31


def australian_medicare(digits: str) -> bool:
    """An Australian Medicare card number: first digit 2-6, the ninth the check of the first eight
    (weights 1 3 7 9 1 3 7 9, mod 10), then the issue digit and the optional position on the card."""
    if len(digits) not in (10, 11) or digits[0] not in "23456":
        return False
    weights = (1, 3, 7, 9, 1, 3, 7, 9)
    return sum(int(d) * w for d, w in zip(digits, weights)) % 10 == int(digits[8])


def hungarian_personal_id(digits: str) -> bool:
    """Hungary's személyi szám (python-stdnum has none): sex and century 1-8, a birth date YYMMDD, and
    the check digit: the first ten digits weighted 1..10 (born from 1997) or 10..1 (before), mod 11."""
    if len(digits) != 11 or digits[0] not in "12345678":
        return False
    month, day = int(digits[3:5]), int(digits[5:7])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    numbers = [int(c) for c in digits]
    rising = sum(n * (i + 1) for i, n in enumerate(numbers[:10])) % 11
    falling = sum(n * (10 - i) for i, n in enumerate(numbers[:10])) % 11
    return numbers[10] in (rising, falling)


def chinese_resident_id(value: str, site: Site) -> Verdict:
    """China's 居民身份证号码 by its layout: a province code 11-82 and a real birth date YYYYMMDD (its label
    stands by it: the check digit is not asked, a mistyped one is still the person's number)."""
    province, year, month, day = int(value[:2]), int(value[6:10]), int(value[10:12]), int(value[12:14])
    if not 11 <= province <= 82 or not 1900 <= year <= 2099:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


GERMAN_ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def german_id_card(value: str, site: Site) -> Verdict:
    """A Personalausweis number: two digits at least, and the ICAO 7-3-1 check when a tenth digit is written."""
    if sum(c.isdigit() for c in value) < 2:
        return False
    if len(value) == 9:
        return True
    total = sum(GERMAN_ID_ALPHABET.index(c) * (7, 3, 1)[i % 3] for i, c in enumerate(value[:9]))
    return total % 10 == int(value[9])


def national_id_token(value: str, site: Site) -> Verdict:
    """Letters and digits in a country's fixed layout, passing its check (DNI, NIE, codice fiscale...)."""
    return _passes(_LETTERS, value.upper()) or singapore_nric(value.upper())


def singapore_nric(value: str) -> bool:
    """A Singapore NRIC or FIN: S/T (citizens), F/G (foreigners), seven digits, and the check letter of
    the digits weighted 2 7 6 5 4 3 2 (plus 4 for the T and G series), mod 11."""
    if len(value) != 9 or value[0] not in "STFG" or not value[1:8].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(value[1:8], (2, 7, 6, 5, 4, 3, 2))) + (4 if value[0] in "TG" else 0)
    letters = "JZIHGFEDCBA" if value[0] in "ST" else "XWUTRQPNMLK"
    return value[8] == letters[total % 11]


def id_value(value: str, site: Site) -> Verdict:
    """A value of a national-id field or column (`national_id`, `personal_id`...): the key says what it
    is, so any identifier-like value counts, checked or not (Hungary's has no public check)."""
    text = value.strip()
    digits = sum(c.isdigit() for c in text)
    if not 6 <= len(text) <= 24 or digits < 5 or not ID_LIKE.fullmatch(text):
        return False
    start = value.find(text)
    return start, start + len(text)


def uk_nino(value: str, site: Site) -> Verdict:
    """A National Insurance number: allocated prefix letters, six digits, suffix A-D."""
    return NINO.fullmatch(value.replace(" ", "").upper()) is not None


VALIDATORS: dict[str, Validator] = {"national_id_number": national_id_number, "national_id_token": national_id_token,
                                    "uk_nino": uk_nino, "id_value": id_value, "chinese_resident_id": chinese_resident_id,
                                    "german_id_card": german_id_card}
