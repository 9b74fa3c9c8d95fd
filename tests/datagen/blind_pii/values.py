"""Makers of personal and financial values, with the checksums real ones carry (Luhn, mod-97, ABA, NPI).

Every maker takes the case's `random.Random` (and a Faker where names or places are needed), so a
case is a function of its seed alone.
"""

from __future__ import annotations

import datetime as dt
import random
import string

import phonenumbers

DIGITS = string.digits
UPPER = string.ascii_uppercase


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(DIGITS) for _ in range(n))


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return str((10 - total % 10) % 10)


CARD_PREFIXES = [("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("2720", 16), ("34", 15), ("37", 15),
                 ("6011", 16), ("65", 16), ("3528", 16), ("36", 14), ("4", 19), ("62", 16)]


def card(rng: random.Random, style: str | None = None) -> str:
    prefix, n = rng.choice(CARD_PREFIXES)
    body = prefix + digits(rng, n - len(prefix) - 1)
    num = body + luhn_digit(body)
    style = style or rng.choice(["space", "space", "dash", "plain"])
    if style == "plain":
        return num
    sep = " " if style == "space" else "-"
    if n == 15 or n == 14:
        groups = [num[:4], num[4:10], num[10:]]
    else:
        groups = [num[i:i + 4] for i in range(0, n, 4)]
    return sep.join(groups)


def not_luhn(rng: random.Random, n: int) -> str:
    """A long number that fails Luhn: an order or tracking number, never a card."""
    body = str(rng.randint(1, 9)) + digits(rng, n - 2)
    return body + str((int(luhn_digit(body)) + rng.randint(1, 9)) % 10)


def cvv(rng: random.Random) -> str:
    return digits(rng, rng.choice([3, 3, 3, 4]))


# IBAN layouts: n digits, a upper letters, c alphanumerics (ISO 13616 registry, incl. newer members).
IBAN_LAYOUT = {
    "DE": "18n", "FR": "10n11c2n", "GB": "4a14n", "NL": "4a10n", "ES": "20n", "IT": "1a10n12c", "FI": "14n",
    "HU": "24n", "CZ": "20n", "PL": "24n", "BR": "23n1a1c", "SE": "20n", "DK": "14n", "TR": "6n16c", "RO": "4a16c",
    "BE": "12n", "AT": "16n", "CH": "5n12c", "PT": "21n", "IE": "4a14n", "NO": "11n", "LU": "3n13c",
    "EG": "25n", "LY": "21n", "SD": "14n", "BI": "23n", "DJ": "23n", "RU": "14n15c", "SO": "19n", "NI": "4a20n",
    "MN": "16n", "FK": "2a12n", "OM": "3n16c", "YE": "4a4n18c", "HN": "4a20n", "SV": "4a20n", "IQ": "4a15n",
    "UA": "6n19c", "SA": "2n18c", "AE": "19n", "QA": "4a21c",
}


def _bban(rng: random.Random, layout: str) -> str:
    out, num = [], ""
    for ch in layout:
        if ch.isdigit():
            num += ch
            continue
        pool = {"n": DIGITS, "a": UPPER, "c": UPPER + DIGITS}[ch]
        out.append("".join(rng.choice(pool) for _ in range(int(num))))
        num = ""
    return "".join(out)


def _iban_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    n = int("".join(str(int(ch, 36)) for ch in moved))
    return f"{98 - n % 97:02d}"


def iban(rng: random.Random, country: str | None = None, style: str | None = None, valid: bool = True) -> str:
    country = country or rng.choice(sorted(IBAN_LAYOUT))
    bban = _bban(rng, IBAN_LAYOUT[country])
    check = _iban_check(country, bban)
    if not valid:
        check = f"{(int(check) + rng.randint(1, 90)) % 97 + 2:02d}"
        if check == _iban_check(country, bban):
            check = f"{(int(check) + 1) % 100:02d}"
    raw = country + check + bban
    style = style or rng.choice(["compact", "space", "space", "dash"])
    if style == "compact":
        return raw
    groups = [raw[i:i + 4] for i in range(0, len(raw), 4)]
    return (" " if style == "space" else "-").join(groups)


def aba(rng: random.Random) -> str:
    while True:
        first = rng.choice(["0", "1", "2", "3", "6", "7"])
        lead = first + (rng.choice("12") if first in "03" else rng.choice(DIGITS))
        if not (1 <= int(lead) <= 12 or 21 <= int(lead) <= 32 or 61 <= int(lead) <= 72):
            continue
        body = lead + digits(rng, 6)
        w = [3, 7, 1, 3, 7, 1, 3, 7]
        s = sum(int(d) * k for d, k in zip(body, w))
        return body + str((10 - s % 10) % 10)


def bank_account(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + digits(rng, rng.randint(7, 16))


def npi(rng: random.Random) -> str:
    body = rng.choice("12") + digits(rng, 8)
    return body + luhn_digit("80840" + body)


MBI_ALPHA = "".join(c for c in UPPER if c not in "SLOIBZ")


def mbi(rng: random.Random, dashed: bool | None = None) -> str:
    an = MBI_ALPHA + DIGITS
    pattern = [DIGITS[1:], MBI_ALPHA, an, DIGITS, MBI_ALPHA, an, DIGITS, MBI_ALPHA, MBI_ALPHA, DIGITS, DIGITS]
    s = "".join(rng.choice(p) for p in pattern)
    dashed = rng.random() < 0.4 if dashed is None else dashed
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashed else s


def ssn(rng: random.Random, style: str | None = None) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    sep = {"dash": "-", "dot": ".", "space": " ", "plain": ""}[style or rng.choice(["dash", "dash", "dot", "space"])]
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


def us_passport(rng: random.Random) -> str:
    return rng.choice([digits(rng, 9), rng.choice(UPPER) + digits(rng, 8)])


def us_driver_license(rng: random.Random) -> tuple[str, str]:
    """(state, number) in that state's format."""
    state = rng.choice(["CA", "NY", "FL", "TX", "IL", "WA", "PA", "NJ"])
    L = rng.choice(UPPER)
    num = {
        "CA": L + digits(rng, 7), "NY": f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
        "FL": f"{L}{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 3)}-0",
        "TX": digits(rng, 8), "IL": f"{L}{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 4)}",
        "WA": "WDL" + "".join(rng.choice(UPPER + DIGITS) for _ in range(9)),
        "PA": f"{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}", "NJ": L + digits(rng, 14),
    }[state]
    return state, num


UK_NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
UK_NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"


def uk_ni(rng: random.Random) -> str:
    while True:
        pre = rng.choice(UK_NI_FIRST) + rng.choice(UK_NI_SECOND)
        if pre not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    d = digits(rng, 6)
    tail = rng.choice("ABCD")
    return rng.choice([f"{pre}{d}{tail}", f"{pre} {d[:2]} {d[2:4]} {d[4:]} {tail}"])


def dni_es(rng: random.Random) -> str:
    n = rng.randint(10_000_000, 99_999_999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def bsn_nl(rng: random.Random) -> str:
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        s = sum(x * w for x, w in zip(d, range(9, 1, -1)))
        last = s % 11
        if last < 10 and d[0] != 0:
            return "".join(map(str, d)) + str(last)


def birth(rng: random.Random) -> dt.date:
    """A birth date drawn from the seed alone (Faker's own depend on today's date)."""
    return dt.date(1935, 1, 1) + dt.timedelta(days=rng.randint(0, 71 * 365))


def hetu_fi(rng: random.Random) -> str:
    d = birth(rng)
    n = rng.randint(2, 899)
    sign = "-" if d.year < 2000 else "A"
    body = f"{d:%d%m%y}{n:03d}"
    return f"{d:%d%m%y}{sign}{n:03d}" + "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(body) % 31]


def personnummer_se(rng: random.Random) -> str:
    d = birth(rng)
    body = f"{d:%y%m%d}{rng.randint(0, 999):03d}"
    return f"{body[:6]}-{body[6:]}" + luhn_digit(body)


def pesel_pl(rng: random.Random) -> str:
    d = birth(rng)
    month = d.month + (20 if d.year >= 2000 else 0)
    body = f"{d.year % 100:02d}{month:02d}{d.day:02d}{rng.randint(0, 9999):04d}"
    s = sum(int(x) * w for x, w in zip(body, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]))
    return body + str((10 - s % 10) % 10)


def fodselsnummer_no(rng: random.Random) -> str:
    while True:
        d = birth(rng)
        base = f"{d:%d%m%y}{rng.randint(0, 499) if d.year < 2000 else rng.randint(500, 999):03d}"
        k1 = 11 - sum(int(x) * w for x, w in zip(base, [3, 7, 6, 1, 8, 9, 4, 5, 2])) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        k2 = 11 - sum(int(x) * w for x, w in zip(base + str(k1), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 != 10:
            return base + str(k1) + str(k2)


def cpr_dk(rng: random.Random) -> str:
    return f"{birth(rng):%d%m%y}-{rng.randint(0, 9999):04d}"


OWN_NATIONAL_ID = {"fi_FI": hetu_fi, "sv_SE": personnummer_se, "pl_PL": pesel_pl, "no_NO": fodselsnummer_no,
                   "da_DK": cpr_dk, "es_ES": dni_es, "nl_NL": bsn_nl}
# Faker's national ids that do not depend on today's date.
FAKER_NATIONAL_ID = {"fr_FR", "it_IT", "hu_HU", "pt_BR", "tr_TR", "ro_RO"}


def national_id(rng: random.Random, fk, locale: str) -> str:
    if locale == "en_GB" or (locale.startswith("en") and rng.random() < 0.3):
        return uk_ni(rng)
    if locale in OWN_NATIONAL_ID:
        return OWN_NATIONAL_ID[locale](rng)
    if locale == "pt_BR" and rng.random() < 0.5:
        return fk.cpf()
    if locale in FAKER_NATIONAL_ID:
        return fk.ssn()
    return rng.choice([uk_ni, dni_es, bsn_nl])(rng)


PHONE_REGIONS = {"en_US": "US", "en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "es_ES": "ES", "es_MX": "MX",
                 "it_IT": "IT", "nl_NL": "NL", "fi_FI": "FI", "hu_HU": "HU", "cs_CZ": "CZ", "pl_PL": "PL",
                 "pt_BR": "BR", "ru_RU": "RU", "vi_VN": "VN", "sv_SE": "SE", "da_DK": "DK", "tr_TR": "TR",
                 "ro_RO": "RO", "ja_JP": "JP", "en_IN": "IN", "no_NO": "NO", "pt_PT": "PT", "en_AU": "AU"}


def phone(rng: random.Random, locale: str, style: str | None = None) -> str:
    """A number valid in the locale's numbering plan, in E.164, international or national format."""
    region = PHONE_REGIONS.get(locale, "US")
    example = phonenumbers.example_number_for_type(region, rng.choice(
        [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]))
    if example is None:
        example = phonenumbers.example_number(region)
    nsn = str(example.national_number)
    for _ in range(60):
        keep = rng.randint(2, 4)
        cand = nsn[:keep] + digits(rng, len(nsn) - keep)
        num = phonenumbers.parse("+" + str(example.country_code) + cand)
        if phonenumbers.is_valid_number(num):
            break
    else:
        num = example
    fmt = {"e164": phonenumbers.PhoneNumberFormat.E164, "intl": phonenumbers.PhoneNumberFormat.INTERNATIONAL,
           "national": phonenumbers.PhoneNumberFormat.NATIONAL}[style or rng.choice(["e164", "intl", "national", "national"])]
    return phonenumbers.format_number(num, fmt)


def ipv4(rng: random.Random) -> str:
    while True:
        a = rng.randint(1, 223)
        if a not in (10, 127, 169, 172, 192, 100, 0):
            return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    groups = [f"{rng.randint(0x2001, 0x2a0f):x}"] + [f"{rng.randint(0, 0xffff):x}" for _ in range(7)]
    if rng.random() < 0.5:
        return ":".join(groups[:4]) + "::" + ":".join(groups[6:])
    return ":".join(groups)


def cidr(rng: random.Random) -> str:
    if rng.random() < 0.75:
        bits = rng.choice([16, 20, 22, 24, 24, 28, 32])
        parts = [int(p) for p in ipv4(rng).split(".")]
        n = int.from_bytes(bytes(parts), "big") & ((0xFFFFFFFF << (32 - bits)) & 0xFFFFFFFF)
        return ".".join(str(b) for b in n.to_bytes(4, "big")) + f"/{bits}"
    g = ipv6(rng).split(":")[:3]
    return ":".join(g) + "::/" + str(rng.choice([48, 56, 64]))


def mrn(rng: random.Random) -> str:
    return rng.choice([digits(rng, 8), "MRN" + digits(rng, 7), f"{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 4)}",
                       digits(rng, 2) + rng.choice(UPPER) + digits(rng, 6), "E" + digits(rng, 9)])


def health_plan_id(rng: random.Random) -> str:
    pre = "".join(rng.choice(UPPER) for _ in range(3))
    return rng.choice([pre + digits(rng, 9), "W" + digits(rng, 9), f"{pre}{digits(rng, 6)}-{digits(rng, 2)}",
                       "U" + digits(rng, 8) + rng.choice(["01", "02"]), f"H{digits(rng, 4)}-{digits(rng, 3)}-{digits(rng, 5)}"])


def dob(rng: random.Random, fk, style: str | None = None) -> str:
    d = birth(rng)
    style = style or rng.choice(["iso", "us", "eu", "long", "dot"])
    return {"iso": d.isoformat(), "us": d.strftime("%m/%d/%Y"), "eu": d.strftime("%d/%m/%Y"),
            "long": f"{d.day} {MONTHS[d.month - 1]} {d.year}", "dot": d.strftime("%d.%m.%Y")}[style]


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ANCHOR = dt.datetime(2026, 6, 30, 12, 0, 0)


def day(rng: random.Random, lo_days: int, hi_days: int) -> dt.date:
    """A date lo..hi days before a fixed anchor, so the set does not change with the calendar."""
    return (ANCHOR - dt.timedelta(days=rng.randint(lo_days, hi_days))).date()


def moment(rng: random.Random, within_days: int) -> dt.datetime:
    return ANCHOR - dt.timedelta(seconds=rng.randint(0, within_days * 86400), microseconds=rng.randint(0, 999999))
