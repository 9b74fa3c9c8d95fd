"""Personal values: emails, phones, addresses, bank and card numbers, national and medical ids."""

from __future__ import annotations

import datetime as dt
import string

import phonenumbers

from . import checksums
from .case import Ctx, Val
from .names import ascii_fold

PHONE_REGIONS = {"fi_FI": "FI", "hu_HU": "HU", "cs_CZ": "CZ", "es_ES": "ES", "pl_PL": "PL", "it_IT": "IT",
                 "nl_NL": "NL", "sv_SE": "SE", "no_NO": "NO", "fr_FR": "FR", "pt_BR": "BR", "de_DE": "DE",
                 "ro_RO": "RO", "uk_UA": "UA", "tr_TR": "TR", "el_GR": "GR", "en_GB": "GB", "en_US": "US",
                 "en_IN": "IN", "ja_JP": "JP", "ko_KR": "KR", "zh_CN": "CN", "th_TH": "TH", "vi_VN": "VN",
                 "en_AU": "AU", "de_CH": "CH", "de_AT": "AT", "es_MX": "MX", "en_NG": "NG", "zu_ZA": "ZA",
                 "id_ID": "ID", "en_CA": "CA", "da_DK": "DK", "he_IL": "IL", "ar_EG": "EG", "en_KE": "KE"}
IBAN_LOCALES = ("fi_FI", "cs_CZ", "es_ES", "pl_PL", "it_IT", "nl_NL", "no_NO", "fr_FR", "pt_BR", "de_DE",
                "ro_RO", "tr_TR", "el_GR", "sk_SK", "da_DK", "de_AT", "de_CH", "en_GB", "az_AZ", "uk_UA")
# Countries that joined the IBAN registry lately, with their IBAN lengths.
NEW_IBAN = (("EG", 29), ("IQ", 23), ("LY", 25), ("SD", 18), ("DJ", 27), ("SO", 23), ("NI", 28), ("MN", 20),
            ("FK", 18), ("OM", 23), ("RU", 33), ("BI", 27), ("HN", 28), ("YE", 30))
ADDRESS_LOCALES = ("fi_FI", "hu_HU", "cs_CZ", "es_ES", "pl_PL", "it_IT", "nl_NL", "sv_SE", "no_NO", "fr_FR",
                   "pt_BR", "de_DE", "de_AT", "de_CH", "ro_RO", "en_GB", "en_US", "en_AU", "en_IN", "ja_JP",
                   "vi_VN", "es_MX", "da_DK", "en_CA", "id_ID", "tr_TR", "en_NZ", "fr_CH", "pt_PT")
NATIONAL_IDS = (("fi_FI", "ssn"), ("hu_HU", "ssn"), ("pl_PL", "pesel"), ("it_IT", "ssn"), ("nl_NL", "ssn"),
                ("sv_SE", "ssn"), ("no_NO", "ssn"), ("fr_FR", "ssn"), ("pt_BR", "cpf"), ("ro_RO", "ssn"),
                ("tr_TR", "ssn"), ("he_IL", "ssn"), ("et_EE", "ssn"), ("hr_HR", "ssn"), ("de_CH", "ssn"),
                ("ko_KR", "ssn"), ("zh_CN", "ssn"), ("th_TH", "ssn"), ("es_ES", "nif"), ("en_IN", "aadhaar_id"),
                ("de_AT", "ssn"), ("lv_LV", "ssn"), ("uk_UA", "ssn"), ("en_GB", "ssn"))
MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"


def digits(ctx: Ctx, n: int) -> str:
    return "".join(ctx.rng.choice(string.digits) for _ in range(n))


def email(ctx: Ctx, given: str, family: str) -> str:
    rng = ctx.rng
    user = ascii_fold(given).lower().replace(" ", "").replace("-", "").replace("'", "")
    last = ascii_fold(family).lower().replace(" ", "").replace("-", "").replace("'", "")
    if not (user.isascii() and last.isascii() and user.isalpha() and last.isalpha()):
        user, last = ctx.faker("en_US").user_name(), digits(ctx, 2)
    local = rng.choice((f"{user}.{last}", f"{user[:1]}{last}", f"{user}_{last}", f"{last}.{user}{digits(ctx, 2)}"))
    domain = rng.choice((ctx.faker(rng.choice(("fi_FI", "de_DE", "es_ES", "en_US", "fr_FR", "pl_PL"))).free_email_domain(),
                         ctx.faker("en_US").domain_name(), ctx.faker("cs_CZ").domain_name()))
    return f"{local}@{domain}"


def obfuscated_email(ctx: Ctx, plain: str) -> Val:
    local, domain = plain.split("@")
    name, _, tld = domain.rpartition(".")
    form = ctx.rng.choice((f"{local} [at] {name} [dot] {tld}", f"{local}[at]{name}[dot]{tld}",
                           f"{local} at {name} dot {tld}", f"{local} (at) {name} (dot) {tld}",
                           f"{local} AT {name} DOT {tld}"))
    return Val(form, "EMAIL_ADDRESS", None, "obfuscated", plain)


def phone(ctx: Ctx) -> str:
    rng = ctx.rng
    locale = rng.choice(list(PHONE_REGIONS))
    region = PHONE_REGIONS[locale]
    fake = ctx.faker(locale)
    for _ in range(25):
        raw = fake.phone_number()
        try:
            parsed = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            style = rng.random()
            if style < 0.4:
                return raw
            if style < 0.7:
                return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            if style < 0.85:
                return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    while True:
        national = str(example.national_number)
        candidate = phonenumbers.parse(f"+{example.country_code}{national[:-4]}{digits(ctx, 4)}")
        if phonenumbers.is_valid_number(candidate):
            return phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def address(ctx: Ctx) -> tuple[str, str, str]:
    """(street line, postcode, city) of one country."""
    fake = ctx.faker(ctx.rng.choice(ADDRESS_LOCALES))
    return fake.street_address(), fake.postcode(), fake.city()


def iban(ctx: Ctx) -> str:
    rng = ctx.rng
    if rng.random() < 0.3:
        country, length = rng.choice(NEW_IBAN)
        value = checksums.iban(rng, country, length)
    else:
        value = ctx.faker(rng.choice(IBAN_LOCALES)).iban()
    style = rng.random()
    if style < 0.35:
        return value
    grouped = " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    if style < 0.7:
        return grouped
    if style < 0.85:
        return grouped.replace(" ", "-")
    return rng.choice((value, grouped)).lower()


def bad_iban(ctx: Ctx) -> str:
    good = ctx.faker(ctx.rng.choice(IBAN_LOCALES)).iban()
    check = (int(good[2:4]) + ctx.rng.randint(1, 50)) % 97 + 2
    bad = f"{good[:2]}{check:02d}{good[4:]}"
    if checksums.iban_ok(bad):
        bad = f"{good[:2]}{(check + 1) % 100:02d}{good[4:]}"
    return " ".join(bad[i:i + 4] for i in range(0, len(bad), 4)) if ctx.rng.random() < 0.5 else bad


def card(ctx: Ctx) -> str:
    rng = ctx.rng
    kind = rng.choice(("visa", "visa", "mc", "mc2", "amex", "discover", "jcb", "diners", "unionpay"))
    prefix, length = {"visa": ("4", 16), "mc": (str(rng.randint(51, 55)), 16), "mc2": (str(rng.randint(2221, 2720)), 16),
                      "amex": (rng.choice(("34", "37")), 15), "discover": ("6011", 16), "jcb": (str(rng.randint(3528, 3589)), 16),
                      "diners": (rng.choice(("36", "38")), 14), "unionpay": ("62", 16)}[kind]
    number = checksums.card(rng, prefix, length)
    return group_card(ctx, number)


def group_card(ctx: Ctx, number: str) -> str:
    sep = ctx.rng.choice((" ", "-", "", " "))
    if len(number) in (14, 15):
        parts = [number[:4], number[4:10], number[10:]]
    else:
        parts = [number[i:i + 4] for i in range(0, 16, 4)]
    return sep.join(parts)


def ssn(ctx: Ctx) -> str:
    raw = ctx.faker("en_US").ssn()
    sep = ctx.rng.choice(("-", "-", ".", "", " "))
    return raw.replace("-", sep)


def dob(ctx: Ctx) -> str:
    day = ctx.faker("en_US").date_of_birth(minimum_age=18, maximum_age=90)
    fmt = ctx.rng.choice(("%Y-%m-%d", "%d.%m.%Y", "%m/%d/%Y", "%d/%m/%Y", "%B %d, %Y", "%d %b %Y"))
    return dt.date.strftime(day, fmt)


def ip(ctx: Ctx) -> tuple[str, str]:
    fake = ctx.faker("en_US")
    roll = ctx.rng.random()
    if roll < 0.55:
        return fake.ipv4_public(), "IP_ADDRESS"
    if roll < 0.8:
        return fake.ipv4_public(network=True), "IP_ADDRESS"
    return fake.ipv6(), "IP_ADDRESS"


def national_id(ctx: Ctx) -> tuple[str, str]:
    locale, method = ctx.rng.choice(NATIONAL_IDS)
    return str(getattr(ctx.faker(locale), method)()), locale.split("_")[1]


def passport(ctx: Ctx) -> str:
    locale = ctx.rng.choice(("en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "en_GB", "ru_RU", "fi_FI", "pt_BR"))
    return str(ctx.faker(locale).passport_number())


def driver_licence(ctx: Ctx, family: str) -> str:
    rng = ctx.rng
    kind = rng.choice(("ca", "ny", "fl", "uk", "il", "tx"))
    if kind == "ca":
        return rng.choice(string.ascii_uppercase) + digits(ctx, 7)
    if kind == "ny":
        return f"{digits(ctx, 3)} {digits(ctx, 3)} {digits(ctx, 3)}"
    if kind == "fl":
        return f"{rng.choice(string.ascii_uppercase)}{digits(ctx, 3)}-{digits(ctx, 3)}-{digits(ctx, 2)}-{digits(ctx, 3)}-{digits(ctx, 1)}"
    if kind == "il":
        return f"{rng.choice(string.ascii_uppercase)}{digits(ctx, 3)}-{digits(ctx, 4)}-{digits(ctx, 4)}"
    if kind == "tx":
        return digits(ctx, 8)
    head = (ascii_fold(family).upper().replace("-", "").replace(" ", "") + "99999")[:5]
    return head + digits(ctx, 6) + rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase) + digits(ctx, 1) + "".join(rng.choice(string.ascii_uppercase) for _ in range(2))


def mbi(ctx: Ctx) -> str:
    rng = ctx.rng
    alnum = MBI_LETTERS + string.digits
    raw = (str(rng.randint(1, 9)) + rng.choice(MBI_LETTERS) + rng.choice(alnum) + rng.choice(string.digits)
           + rng.choice(MBI_LETTERS) + rng.choice(alnum) + rng.choice(string.digits) + rng.choice(MBI_LETTERS)
           + rng.choice(MBI_LETTERS) + rng.choice(string.digits) + rng.choice(string.digits))
    return raw if rng.random() < 0.6 else f"{raw[:4]}-{raw[4:7]}-{raw[7:]}"


def mrn(ctx: Ctx) -> str:
    rng = ctx.rng
    return rng.choice((digits(ctx, 8), f"MRN-{digits(ctx, 7)}", f"{digits(ctx, 3)}-{digits(ctx, 2)}-{digits(ctx, 4)}",
                       f"H{digits(ctx, 9)}"))


def bank_account(ctx: Ctx) -> str:
    rng = ctx.rng
    return rng.choice((digits(ctx, rng.randint(9, 12)), f"{digits(ctx, 2)}-{digits(ctx, 2)}-{digits(ctx, 2)} {digits(ctx, 8)}",
                       f"{digits(ctx, 4)}-{digits(ctx, 6)}-{digits(ctx, 2)}"))


def aba_routing(ctx: Ctx) -> str:
    return checksums.aba(ctx.rng)
