"""Records of a person (field name, value) that the renderers write as JSON, YAML, CSV, logs, SQL..."""

from __future__ import annotations

from collections.abc import Callable

from . import checksums, lookalikes, pii
from .case import Ctx, Piece, Val
from .disguise import maybe
from .names import full_name, given_family

Field = tuple[str, Piece]
# Field names per kind of value; test takes the even entries, dev the odd ones (Ctx.pick).
KEYS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full_name", "customer", "contact_name", "Name", "holder", "patient", "user_name",
             "display_name", "recipient", "employee", "owner"),
    "given": ("first_name", "given_name", "firstName", "fname", "forename", "givenName"),
    "family": ("last_name", "surname", "lastName", "family_name", "lname", "familyName"),
    "email": ("email", "e_mail", "mail", "contact_email", "emailAddress", "user_email", "reply_to", "login"),
    "phone": ("phone", "tel", "mobile", "phone_number", "cell", "contact_phone", "msisdn", "phoneNumber"),
    "street": ("street", "address", "address_line1", "street_address", "addr", "billing_street", "line1", "home_address"),
    "iban": ("iban", "IBAN", "bank_iban", "payout_iban", "account_iban", "iban_number"),
    "card": ("card", "card_number", "pan", "cc", "cardNumber", "credit_card", "cc_number", "payment_card"),
    "ssn": ("ssn", "SSN", "social", "ssn_full", "tax_id", "social_security_number"),
    "dob": ("dob", "birth_date", "date_of_birth", "birthday", "born", "birthDate"),
    "ip": ("ip", "client_ip", "remote_addr", "src_ip", "ip_address", "x_forwarded_for", "source_cidr", "peer"),
    "national_id": ("national_id", "personal_code", "id_number", "citizen_id", "nin", "personnummer", "henkilotunnus", "identity_no"),
    "passport": ("passport", "passport_no", "passport_number", "travel_doc", "passportNo", "document_number"),
    "licence": ("drivers_license", "dl_number", "license_no", "driver_licence", "dl", "licenseNumber"),
    "mbi": ("mbi", "medicare_id", "medicare_mbi", "beneficiary_id", "MBI", "medicare_number"),
    "npi": ("npi", "provider_npi", "NPI", "prescriber_npi", "npi_number", "billing_npi"),
    "aba": ("routing", "aba", "routing_number", "aba_routing", "rtn", "bank_routing"),
    "mrn": ("mrn", "medical_record", "chart_no", "MRN", "patient_mrn", "record_number"),
    "account": ("account", "account_no", "bank_account", "acct", "account_number", "acct_no"),
}
ENTITY = {"name": "PERSON", "given": "PERSON", "family": "PERSON", "email": "EMAIL_ADDRESS",
          "phone": "PHONE_NUMBER", "street": "STREET_ADDRESS", "iban": "IBAN_CODE", "card": "CREDIT_CARD",
          "ssn": "US_SSN", "dob": "DATE_OF_BIRTH", "ip": "IP_ADDRESS", "national_id": "NATIONAL_ID",
          "passport": "PASSPORT", "licence": "DRIVER_LICENSE", "mbi": "MEDICARE_MBI", "npi": "NPI",
          "aba": "ABA_ROUTING", "mrn": "MEDICAL_RECORD_NUMBER", "account": "BANK_ACCOUNT"}
PERSON_DISGUISES = ("zero_width", "soft_hyphen", "confusable", "control_char")
NUMBER_DISGUISES = ("zero_width", "soft_hyphen", "control_char", "fullwidth", "line_break")
KEEP_KEYS = ("status", "plan", "region", "tier", "order_ref", "build", "team", "source", "created_at", "segment")


class Person:
    """One invented person; each attribute is drawn once, so a record and its prose agree."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.given, self.family, self.how = given_family(ctx)
        self.name = full_name(ctx) if ctx.rng.random() < 0.3 else f"{self.given} {self.family}"
        self.email = pii.email(ctx, self.given, self.family)
        self.street, self.postcode, self.city = pii.address(ctx)

    def value(self, kind: str, share: float = 0.15) -> Val:
        ctx = self.ctx
        makers: dict[str, Callable[[], str]] = {
            "name": lambda: self.name, "given": lambda: self.given, "family": lambda: self.family,
            "email": lambda: self.email, "phone": lambda: pii.phone(ctx), "street": lambda: self.street,
            "iban": lambda: pii.iban(ctx), "card": lambda: pii.card(ctx), "ssn": lambda: pii.ssn(ctx),
            "dob": lambda: pii.dob(ctx), "ip": lambda: pii.ip(ctx)[0], "national_id": lambda: pii.national_id(ctx)[0],
            "passport": lambda: pii.passport(ctx), "licence": lambda: pii.driver_licence(ctx, self.family),
            "mbi": lambda: pii.mbi(ctx), "npi": lambda: checksums.npi(ctx.rng), "aba": lambda: pii.aba_routing(ctx),
            "mrn": lambda: pii.mrn(ctx), "account": lambda: pii.bank_account(ctx)}
        if kind == "email" and ctx.rng.random() < 0.12:
            return pii.obfuscated_email(ctx, self.email)
        kinds: tuple[str, ...] = PERSON_DISGUISES if kind in ("name", "given", "family") else NUMBER_DISGUISES
        if kind == "email":
            kinds = (*NUMBER_DISGUISES, "percent_encoding", "confusable")
        return maybe(ctx.rng, Val(makers[kind](), ENTITY[kind]), share, kinds)


def person_record(ctx: Ctx, person: Person, kinds: list[str], keeps: int) -> list[Field]:
    fields: list[Field] = [(ctx.pick(KEYS[k]), person.value(k)) for k in kinds]
    for _ in range(keeps):
        fields.insert(ctx.rng.randrange(len(fields) + 1), (ctx.rng.choice(KEEP_KEYS), lookalikes.one(ctx)))
    seen: set[str] = set()
    out: list[Field] = []
    for key, piece in fields:
        while key in seen:
            key += "_2"
        seen.add(key)
        out.append((key, piece))
    return out


def keep_record(ctx: Ctx, n: int) -> list[Field]:
    """A record with nothing to find: look-alikes under ordinary keys and look-alike column names."""
    fields: list[Field] = []
    kinds = ("brand", "title", "place", "range", "version", "reference", "digest", "uuid", "timestamp", "port",
             "bad_iban", "bad_card", "placeholder", "env")
    for kind in ctx.rng.sample(kinds, n):
        key = ctx.pick(lookalikes.COLUMNS) if ctx.rng.random() < 0.3 else f"{ctx.rng.choice(KEEP_KEYS)}_{kind}"
        fields.append((key, lookalikes.one(ctx, kind)))
    return fields


def pick_kinds(ctx: Ctx, n: int) -> list[str]:
    common = ["name", "email", "phone", "street", "given", "family", "name", "email", "phone"]
    rare = [k for k in KEYS if k not in common]
    out = ctx.rng.sample(common, min(n, 2)) + ctx.rng.sample(rare, max(0, n - 2))
    return list(dict.fromkeys(out))
