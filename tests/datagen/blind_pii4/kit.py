"""Slot makers the templates share: each returns a labelled value (V) or a must-keep (K)."""

from __future__ import annotations

import random
from urllib.parse import quote

from tests.datagen.blind_pii4 import keeps
from tests.datagen.blind_pii4.builder import K, V
from tests.datagen.blind_pii4.secret_values import secret
from tests.datagen.blind_pii4.values import Values


class Kit:
    def __init__(self, rng: random.Random, values: Values, pool: int) -> None:
        self.rng = rng
        self.g = values
        self.pool = pool

    def ph(self, a: list[str], b: list[str]) -> str:
        """A phrasing from this split's own pool."""
        return self.rng.choice(a if self.pool == 0 else b)

    def person(self) -> V:
        return V("PERSON", self.g.name())

    def given(self) -> V:
        return V("PERSON", self.g.given())

    def surname(self) -> V:
        return V("PERSON", self.g.surname())

    def email(self, name: str | None = None) -> V:
        return V("EMAIL_ADDRESS", self.g.email(name))

    def obfuscated_email(self) -> V:
        plain = self.g.email()
        user, domain = plain.split("@")
        host, _, tld = domain.rpartition(".")
        shown = self.rng.choice([f"{user} [at] {host} [dot] {tld}", f"{user}(at){domain}",
                                 f"{user} at {host} dot {tld}", f"{user}[at]{host}[dot]{tld}",
                                 f"{user} AT {host} DOT {tld}"])
        return V("EMAIL_ADDRESS", shown, disguise="obfuscated", plain=plain)

    def url_email(self) -> V:
        plain = self.g.email()
        return V("EMAIL_ADDRESS", quote(plain, safe=""), disguise="url_encoding", plain=plain)

    def phone(self) -> V:
        return V("PHONE_NUMBER", self.g.phone())

    def card(self) -> V:
        return V("CREDIT_CARD", self.g.card())

    def iban(self) -> V:
        return V("IBAN_CODE", self.g.iban())

    def ssn(self) -> V:
        return V("US_SSN", self.g.ssn())

    def national(self) -> tuple[str, V]:
        scheme, number = self.g.national_id()
        return scheme, V("NATIONAL_ID", number)

    def passport(self) -> V:
        return V("PASSPORT", self.g.passport())

    def licence(self) -> V:
        return V("DRIVER_LICENSE", self.g.driver_licence(self.g.surname("en_GB")))

    def mrn(self) -> V:
        return V("MEDICAL_RECORD_NUMBER", self.g.mrn())

    def npi(self) -> V:
        return V("NPI", self.g.npi())

    def mbi(self) -> V:
        return V("MEDICARE_MBI", self.g.mbi())

    def aba(self) -> V:
        return V("ABA_ROUTING_NUMBER", self.g.aba())

    def account(self) -> V:
        return V("BANK_ACCOUNT", self.g.bank_account())

    def ip(self) -> V:
        return V("IP_ADDRESS", self.g.ip())

    def ipv4(self) -> V:
        return V("IP_ADDRESS", self.g.ipv4())

    def dob(self) -> V:
        return V("DATE_OF_BIRTH", self.g.birth_date())

    def secret(self, families: list[str] | None = None) -> tuple[str, V]:
        family, name, value = secret(self.rng, families)
        return name, V("SECRET", value, family=family)

    def password(self) -> V:
        return self.secret(["password"])[1]

    def url_password(self) -> V:
        raw = self.password().text
        encoded = quote(raw, safe="")
        if encoded == raw:
            return V("SECRET", raw, family="password", disguise="")
        return V("SECRET", encoded, family="password", disguise="url_encoding", plain=raw)

    def address(self) -> list[V | str]:
        """The lines of a postal address: a line with a number in it (street, postcode) is labelled, a
        town or region alone is not (it names a place, not a person's address)."""
        _, lines = self.g.address()
        return [V("ADDRESS", line) if any(c.isdigit() for c in line) else line for line in lines]

    def keep(self) -> K:
        return K(keeps.look_alike(self.rng, self.pool))

    def ts(self) -> K:
        return K(keeps.timestamp(self.rng))

    def order(self) -> K:
        return K(keeps.order_id(self.rng))

    def uuid(self) -> K:
        return K(keeps.an_uuid(self.rng))

    def commit(self) -> K:
        return K(keeps.commit(self.rng))

    def range_(self) -> K:
        return K(keeps.numeric_range(self.rng))

    def version(self) -> K:
        return K(keeps.version(self.rng))

    def bad_number(self) -> K:
        return K(self.rng.choice([keeps.bad_iban, keeps.bad_card])(self.rng))

    def word(self) -> K:
        return K(keeps.named(self.rng, self.pool))

    def of(self, lists: tuple[list[str], list[str]]) -> K:
        return K(keeps.word(self.rng, self.pool, lists))
