"""A tenant's keys, and the shapes that stand in for a redacted value in forwarded text.

Shapes (ENTITY is the finding's entity, upper case, `[A-Z][A-Z0-9_]*`, at most 40 characters):

| action         | shape                                | restored in the response |
|----------------|--------------------------------------|--------------------------|
| `pseudonymize` | `<PERSON_3f9a2c71d04e8b65>`          | yes: the token's value   |
| `hash`         | `[EMAIL_ADDRESS:h:1b2c3d4e5f607182]` | no (keyed digest)        |
| `mask`         | `[EMAIL_ADDRESS]`                    | no                       |
| `drop`         | `[DATASET_DATA removed]`             | no                       |

A pseudonym token is `<` ENTITY `_` 16 lower-case hex digits `>`: 64 bits of an HMAC of the
value, so two values of one tenant share a token with negligible probability. Its characters
need no JSON escaping, are not a markdown tag or emphasis, and a model copies them verbatim.
The same value gets the same token on every turn and every replica (the digest depends only on
the tenant's secret, the entity and the normalised value), a different entity or tenant gets
a different one.

Pseudonym and hash digests come from two subkeys derived from the tenant's secret, so a hash
placeholder cannot be matched to the pseudonym token of the same value.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
import unicodedata

MIN_SECRET_BYTES = 16
DIGEST_HEX = 16
ENTITY_MAX = 40

ENTITY_PATTERN = rf"[A-Z][A-Z0-9_]{{0,{ENTITY_MAX - 1}}}"

TOKEN_RE = re.compile(rf"<(?P<entity>{ENTITY_PATTERN})_(?P<digest>[0-9a-f]{{{DIGEST_HEX}}})>")
"""A pseudonym token anywhere in a text (bounded repetitions: linear time on any input)."""

TOKEN_PREFIX = "<"
"""How every token starts: a stream need only hold back text from the last one of these."""

TOKEN_MAX_LEN = len(TOKEN_PREFIX) + ENTITY_MAX + 1 + DIGEST_HEX + 1

TOKEN_PARTIAL_RE = re.compile(rf"<(?:{ENTITY_PATTERN}(?:_[0-9a-f]{{0,{DIGEST_HEX}}})?)?")
"""Fully matches exactly the proper prefixes of a token (the token without its `>`, and shorter)."""

# Entities whose values mean the same whatever their letter case.
_CASELESS = frozenset({"EMAIL_ADDRESS", "DOMAIN_NAME", "IP_ADDRESS", "MAC_ADDRESS", "IBAN_CODE", "UUID"})
# Entities whose separators carry no meaning: "555-123-4567" is "555.123.4567" is "(555) 123 4567".
_SEPARATORS = {
    "PHONE_NUMBER": re.compile(r"[\s().\-]+"),
    "CREDIT_CARD": re.compile(r"[\s\-]+"),
    "US_SSN": re.compile(r"[\s\-]+"),
    "US_ITIN": re.compile(r"[\s\-]+"),
    "US_BANK_NUMBER": re.compile(r"[\s\-]+"),
    "IBAN_CODE": re.compile(r"\s+"),
}

_NOT_LABEL = re.compile(r"[^A-Z0-9_]")


@functools.lru_cache(maxsize=1024)   # entities are few: the recognizers' names and the policy's
def entity_label(entity: str) -> str:
    """The entity as it appears in a shape: upper case, `[A-Z0-9_]`, starting with a letter."""
    label = _NOT_LABEL.sub("_", entity.upper())
    if not label[:1].isalpha():
        label = "X" + label
    return label[:ENTITY_MAX]


def normalize(entity: str, value: str) -> str:
    """The form of a value that is hashed: what differs only in spelling gets one token.

    Always: Unicode NFC and runs of whitespace collapsed to one space, ends stripped. Then, only
    where it cannot merge two different values: lower case for e-mail addresses, domains, IP and
    MAC addresses, IBANs, UUIDs; separators removed from phone, card, SSN, ITIN, bank numbers.
    """
    text = " ".join(unicodedata.normalize("NFC", value).split())
    separators = _SEPARATORS.get(entity)
    if separators is not None:
        text = separators.sub("", text)
    if entity in _CASELESS:
        text = text.lower()
    return text


def mask_placeholder(entity: str) -> str:
    """What a masked value becomes: `[EMAIL_ADDRESS]`."""
    return f"[{entity_label(entity)}]"


def drop_marker(entity: str) -> str:
    """What a dropped span becomes: `[DATASET_DATA removed]`."""
    return f"[{entity_label(entity)} removed]"


class TenantKeys:
    """One tenant's keys: pseudonym tokens and hash placeholders for its values.

    `secret` is the tenant's own (the same on every replica, at least 16 bytes); two subkeys are
    derived from it with HMAC-SHA256, one for pseudonyms and one for hashes.
    """

    __slots__ = ("_pseudonym", "_hash")

    def __init__(self, secret: bytes) -> None:
        if not isinstance(secret, (bytes, bytearray)):
            raise TypeError("the pseudonym secret must be bytes")
        if len(secret) < MIN_SECRET_BYTES:
            raise ValueError(f"the pseudonym secret must be at least {MIN_SECRET_BYTES} bytes "
                             f"(got {len(secret)}); short secrets let tokens be guessed from names")
        secret = bytes(secret)
        pseudonym_key = hmac.new(secret, b"magic-gateway/pseudonym/v1", hashlib.sha256).digest()
        hash_key = hmac.new(secret, b"magic-gateway/hash/v1", hashlib.sha256).digest()
        # Keyed once here; each digest copies the keyed state instead of re-keying.
        self._pseudonym = hmac.new(pseudonym_key, digestmod=hashlib.sha256)
        self._hash = hmac.new(hash_key, digestmod=hashlib.sha256)

    def __repr__(self) -> str:
        return "TenantKeys(<secret>)"

    @staticmethod
    def _digest(keyed: hmac.HMAC, label: str, value: str) -> str:
        mac = keyed.copy()
        mac.update(label.encode("ascii") + b"\x00" + normalize(label, value).encode("utf-8"))
        return mac.hexdigest()[:DIGEST_HEX]

    def pseudonym(self, entity: str, value: str) -> str:
        """The token that stands for `value` (restored in the response): `<PERSON_3f9a2c71d04e8b65>`."""
        label = entity_label(entity)
        return f"<{label}_{self._digest(self._pseudonym, label, value)}>"

    def hashed(self, entity: str, value: str) -> str:
        """The one-way placeholder for `value`, equal for equal values: `[EMAIL_ADDRESS:h:1b2c3d4e5f607182]`."""
        label = entity_label(entity)
        return f"[{label}:h:{self._digest(self._hash, label, value)}]"
