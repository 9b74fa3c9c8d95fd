"""Picks what a case plants: people of a locale, and labelled values under the key names they travel with."""

from __future__ import annotations

import random
import unicodedata

from . import secret_values as secrets
from . import values
from .case import Builder

LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "es_MX", "it_IT", "nl_NL", "fi_FI", "hu_HU", "cs_CZ",
           "pl_PL", "pt_BR", "ru_RU", "vi_VN", "sv_SE", "da_DK", "tr_TR", "ro_RO", "ja_JP", "en_IN", "no_NO",
           "pt_PT", "en_AU"]


def given(fk, locale: str) -> str:
    if locale == "ja_JP":
        return fk.first_romanized_name()
    return fk.first_name()


def surname(fk, locale: str) -> str:
    if locale == "ja_JP":
        return fk.last_romanized_name()
    return fk.last_name()


def full_name(fk, locale: str, rng: random.Random) -> str:
    if locale in ("hu_HU", "vi_VN") and rng.random() < 0.7:
        return f"{surname(fk, locale)} {given(fk, locale)}"  # family name first, as written there
    if locale == "ru_RU" and rng.random() < 0.5:
        return f"{given(fk, locale)} {fk.middle_name()} {surname(fk, locale)}"
    if locale in ("es_ES", "es_MX") and rng.random() < 0.5:
        return f"{given(fk, locale)} {surname(fk, locale)} {surname(fk, locale)}"
    return f"{given(fk, locale)} {surname(fk, locale)}"


def ascii_slug(s: str) -> str:
    out = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in out if ch.isalnum()) or "user"


def email_for(fk, locale: str, rng: random.Random, first: str | None = None, last: str | None = None) -> str:
    first = first or given(fk, locale)
    last = last or surname(fk, locale)
    local = rng.choice([f"{ascii_slug(first)}.{ascii_slug(last)}", f"{ascii_slug(first)[0]}{ascii_slug(last)}",
                        f"{ascii_slug(first)}{rng.randint(1, 99)}", f"{ascii_slug(last)}.{ascii_slug(first)[0]}"])
    if ascii_slug(first) == "user" or ascii_slug(last) == "user":
        local = fk.user_name()
    domain = rng.choice([fk.free_email_domain(), fk.domain_name(), fk.domain_name()])
    return f"{local}@{domain}"


def obfuscated_email(email: str, rng: random.Random) -> str:
    local, domain = email.split("@")
    style = rng.choice(["brackets", "words", "parens", "braces"])
    dot = {"brackets": " [dot] ", "words": " dot ", "parens": " (dot) ", "braces": " {dot} "}[style]
    at = {"brackets": " [at] ", "words": " at ", "parens": " (at) ", "braces": " {at} "}[style]
    return local + at + domain.replace(".", dot)


# (entity, key names) for personal values written as key=value, key: value, JSON fields, CSV cells.
PII_KEYS = {
    "EMAIL_ADDRESS": ["email", "user_email", "contact", "reply_to", "customer_email", "mail"],
    "PHONE_NUMBER": ["phone", "mobile", "tel", "phone_number", "msisdn", "contact_phone"],
    "US_SSN": ["ssn", "SSN", "social_security_number", "tax_id", "ssn_last_full"],
    "CREDIT_CARD": ["card", "card_number", "cc", "pan", "cardNumber", "cc_num"],
    "CARD_CVV": ["cvv", "cvc", "cvv2", "security_code"],
    "IBAN_CODE": ["iban", "IBAN", "bank_iban", "payout_iban", "account_iban"],
    "US_BANK_NUMBER": ["account_number", "acct_no", "bank_account", "checking_acct"],
    "ABA_ROUTING": ["routing_number", "aba", "routing", "rtn"],
    "IP_ADDRESS": ["ip", "client_ip", "remote_addr", "src_ip", "x_forwarded_for", "allowed_cidr"],
    "DATE_OF_BIRTH": ["dob", "date_of_birth", "birth_date", "birthdate", "born"],
    "US_PASSPORT": ["passport", "passport_no", "passport_number"],
    "US_DRIVER_LICENSE": ["dl_number", "driver_license", "drivers_license_no", "license_number"],
    "NATIONAL_ID": ["national_id", "id_number", "personal_id", "nin", "tax_number", "citizen_id"],
    "MEDICAL_RECORD_NUMBER": ["mrn", "MRN", "medical_record_number", "patient_mrn", "chart_no"],
    "NPI": ["npi", "provider_npi", "NPI", "rendering_npi"],
    "MEDICARE_MBI": ["mbi", "medicare_id", "MBI", "medicare_beneficiary_id"],
    "HEALTH_PLAN_ID": ["member_id", "health_plan_id", "subscriber_id", "insurance_id", "plan_member_no"],
    "PERSON": ["name", "full_name", "customer_name", "patient_name", "owner", "contact_name", "assignee"],
}


def pii_value(entity: str, rng: random.Random, fk, locale: str) -> str:
    if entity == "EMAIL_ADDRESS":
        return email_for(fk, locale, rng)
    if entity == "PHONE_NUMBER":
        return values.phone(rng, locale)
    if entity == "US_SSN":
        return values.ssn(rng)
    if entity == "CREDIT_CARD":
        return values.card(rng)
    if entity == "CARD_CVV":
        return values.cvv(rng)
    if entity == "IBAN_CODE":
        country = locale[-2:] if locale[-2:] in values.IBAN_LAYOUT and rng.random() < 0.6 else None
        return values.iban(rng, country)
    if entity == "US_BANK_NUMBER":
        return values.bank_account(rng)
    if entity == "ABA_ROUTING":
        return values.aba(rng)
    if entity == "IP_ADDRESS":
        return rng.choice([values.ipv4, values.ipv4, values.ipv6, values.cidr])(rng)
    if entity == "DATE_OF_BIRTH":
        return values.dob(rng, fk)
    if entity == "US_PASSPORT":
        return values.us_passport(rng)
    if entity == "US_DRIVER_LICENSE":
        return values.us_driver_license(rng)[1]
    if entity == "NATIONAL_ID":
        return values.national_id(rng, fk, locale)
    if entity == "MEDICAL_RECORD_NUMBER":
        return values.mrn(rng)
    if entity == "NPI":
        return values.npi(rng)
    if entity == "MEDICARE_MBI":
        return values.mbi(rng)
    if entity == "HEALTH_PLAN_ID":
        return values.health_plan_id(rng)
    if entity == "PERSON":
        return full_name(fk, locale, rng)
    raise ValueError(entity)


ENTITY_WEIGHTS = {"EMAIL_ADDRESS": 6, "PHONE_NUMBER": 6, "US_SSN": 4, "CREDIT_CARD": 5, "CARD_CVV": 1,
                  "IBAN_CODE": 5, "US_BANK_NUMBER": 2, "ABA_ROUTING": 2, "IP_ADDRESS": 4, "DATE_OF_BIRTH": 3,
                  "US_PASSPORT": 2, "US_DRIVER_LICENSE": 2, "NATIONAL_ID": 4, "MEDICAL_RECORD_NUMBER": 2, "NPI": 2,
                  "MEDICARE_MBI": 2, "HEALTH_PLAN_ID": 2, "PERSON": 5}
FAMILIES = sorted(secrets.MAKERS)


def item(rng: random.Random, fk, locale: str, secret_share: float = 0.5, single_line: bool = True):
    """(key name, entity, plain value, family) for a key=value-like slot."""
    if rng.random() < secret_share:
        fams = [f for f in FAMILIES if not (single_line and f in ("private_key", "gcp_private_key"))]
        fam = rng.choice(fams)
        if fam in ("connection_string", "basic_auth"):
            fam = "password"
        val, key = secrets.make(rng, fam)
        return key, "SECRET", val, fam
    ents = list(ENTITY_WEIGHTS)
    ent = rng.choices(ents, weights=[ENTITY_WEIGHTS[e] for e in ents])[0]
    return rng.choice(PII_KEYS[ent]), ent, pii_value(ent, rng, fk, locale), None


def put(b: Builder, entity: str, plain: str, family: str | None, disguise: bool = True) -> Builder:
    return b.val(entity, plain, family, disguise=disguise)
