"""Check digits of the formats that have them (Luhn, ISO 7064 mod 97, ABA, NPI)."""

from __future__ import annotations

import random


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    return luhn_digit(number[:-1]) == number[-1]


def iban_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    digits = "".join(str(int(c, 36)) for c in moved.upper())
    return f"{98 - int(digits) % 97:02d}"


def iban(rng: random.Random, country: str, length: int) -> str:
    bban = "".join(rng.choice("0123456789") for _ in range(length - 4))
    return country + iban_check(country, bban) + bban


def iban_ok(value: str) -> bool:
    compact = value.replace(" ", "").replace("-", "").upper()
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def aba(rng: random.Random) -> str:
    prefix = rng.choice([*range(1, 13), *range(21, 33), *range(61, 73)])
    body = f"{prefix:02d}" + "".join(rng.choice("0123456789") for _ in range(6))
    weights = (3, 7, 1, 3, 7, 1, 3, 7)
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return body + str((10 - total % 10) % 10)


def npi(rng: random.Random) -> str:
    body = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    return body + luhn_digit("80840" + body)


def card(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    return body + luhn_digit(body)


def bad_card(rng: random.Random) -> str:
    good = card(rng, rng.choice(("4", "51", "55", "6011")), 16)
    return good[:-1] + str((int(good[-1]) + rng.randint(1, 9)) % 10)
