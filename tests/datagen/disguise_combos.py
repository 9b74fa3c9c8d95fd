"""Dev cases for the formats set (issue 10, items 2 and 5): disguises combined and in every notation, and the
look-alikes a detector must keep.

Disguised values: an email, phone, card, IBAN, SSN or IP address written in prose, key=value, a query string,
JSON source, HTML or a table, and disguised once or twice over: every character percent-encoded, form
encoding (`+` for a space), fullwidth and then percent-encoded, a soft hyphen inside an email's local part,
control characters between an IBAN's groups, literal JSON escapes (`\\u0040`, `\\u00ad`), HTML entities
(`&#64;`, `&commat;`, `&shy;`, `&nbsp;`), no-break and thin spaces or dashes other than the hyphen between
digit groups, a line break with indentation or after a soft hyphen or a dash.

Look-alikes (must-keep text): numbers grouped by spaces or dots as thousands ("859 731 623"), long numbers
failing Luhn in card-like groups, numeric ranges ("250-30000"), ports, versions, order, ticket, invoice and
build numbers, ISBNs, timestamps, durations, coordinates.

Dev data only: written by the author of the formats work, so it is a tuning net, not a measure.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from urllib.parse import quote, quote_plus

from faker import Faker
from stdnum import luhn

from tests.datagen.blind_pii import values

PHONE_LOCALES = sorted(values.PHONE_REGIONS)
CUES = {"EMAIL_ADDRESS": (["email", "e-mail", "contact", "reply to"], ["email", "user_email", "contact"]),
        "PHONE_NUMBER": (["phone", "tel.", "mobile", "call me on"], ["phone", "tel", "mobile"]),
        "CREDIT_CARD": (["card", "card number", "charge the card"], ["card", "card_number", "cc"]),
        "IBAN_CODE": (["IBAN", "wire it to IBAN"], ["iban", "payout_iban"]),
        "US_SSN": (["SSN", "social security number"], ["ssn", "social_security_number"]),
        "IP_ADDRESS": (["client IP", "from IP", "source address"], ["client_ip", "ip", "remote_addr"])}
LAYOUTS = ["Please update my {label} to {value} today.", "level=info {key}={value} status=ok",
           "GET /api/v2/users?{key}={value}&plan=pro 200", '{{"{key}": "{value}", "active": true}}',
           "<tr><td>{label}</td><td>{value}</td></tr>", "| {label} | {value} |", "{label}:\n  {value}\n"]
NAMED = {"@": ["&#64;", "&#x40;", "&commat;"], ".": ["&#46;", "&period;"], " ": ["&nbsp;", "&#160;"],
         "-": ["&#45;", "&hyphen;"], "+": ["&#43;", "&plus;"]}
SPACES = ["\u00a0", "\u2009", "\u202f", "\u2007"]
DASHES = ["\u2011", "\u2013", "\u2212", "\u2010"]
CONTROLS = ["\x00", "\x1b", "\x7f", "\x08", "\x1f"]


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in text)


def _places(rng: random.Random, text: str, count: int) -> list[int]:
    return sorted(rng.sample(range(1, len(text)), min(count, len(text) - 1)), reverse=True)


def _insert(rng: random.Random, text: str, mark: Callable[[], str], count: int = 2) -> str:
    for place in _places(rng, text, count):
        text = text[:place] + mark() + text[place:]
    return text


def pct_every(rng: random.Random, plain: str) -> str:
    hexes = "%{:02X}" if rng.random() < 0.5 else "%{:02x}"
    return "".join(hexes.format(b) for b in plain.encode())


def pct_form(rng: random.Random, plain: str) -> str:
    return quote_plus(plain) if " " in plain else quote(plain, safe="")


def pct_fullwidth(rng: random.Random, plain: str) -> str:
    return quote(fullwidth(plain), safe="")


def soft_hyphen(rng: random.Random, plain: str) -> str:
    local, at, domain = plain.partition("@")
    if at and len(local) > 2:
        return _insert(rng, local, lambda: "\u00ad", 1) + at + domain
    return _insert(rng, plain, lambda: "\u00ad", 2)


def control_groups(rng: random.Random, plain: str) -> str:
    if " " in plain or "-" in plain:
        sep = " " if " " in plain else "-"
        return sep.join(part + (rng.choice(CONTROLS) if i % 2 else "") for i, part in enumerate(plain.split(sep)))
    return _insert(rng, plain, lambda: rng.choice(CONTROLS), 2)


def json_escape(rng: random.Random, plain: str) -> str:
    if rng.random() < 0.5:
        return "".join(f"\\u{ord(c):04x}" if not c.isalnum() else c for c in plain)
    return _insert(rng, plain, lambda: "\\u00ad", 2)


def html_entity(rng: random.Random, plain: str) -> str:
    if rng.random() < 0.3:
        return _insert(rng, plain, lambda: "&shy;", 2)
    return "".join(rng.choice(NAMED[c]) if c in NAMED else c for c in plain)


def odd_separators(rng: random.Random, plain: str) -> str:
    space, dash = rng.choice(SPACES), rng.choice(DASHES)
    return plain.replace(" ", space).replace("-", dash)


def zero_width_confusable(rng: random.Random, plain: str) -> str:
    swapped = plain.replace("a", "\u0430", 1).replace("o", "\u043e", 1).replace("e", "\u0435", 1)
    return _insert(rng, swapped, lambda: rng.choice(["\u200b", "\u200c", "\u2060", "\ufeff"]), 2)


def line_break(rng: random.Random, plain: str) -> str:
    cut = rng.randint(3, len(plain) - 3)
    while plain[cut - 1] == " " or plain[cut] == " ":
        cut = rng.randint(3, len(plain) - 3)
    joiner = rng.choice(["\n    ", "\u00ad\n", "\r\n", "\n\t"])
    if "-" in plain[3:-3] and rng.random() < 0.5:
        cut = plain.index("-", 3) + 1
        joiner = "\n"
    return plain[:cut] + joiner + plain[cut:]


DISGUISES: dict[str, Callable[[random.Random, str], str]] = {
    "pct_every": pct_every, "pct_form": pct_form, "pct_fullwidth": pct_fullwidth, "soft_hyphen_in": soft_hyphen,
    "control_groups": control_groups, "json_escape": json_escape, "html_entity": html_entity,
    "odd_separators": odd_separators, "zero_width_confusable": zero_width_confusable,
    "line_break_more": line_break}


def a_value(rng: random.Random, fk: Faker, entity: str) -> str:
    if entity == "EMAIL_ADDRESS":
        return rng.choice([fk.email, fk.free_email, fk.company_email])()
    if entity == "PHONE_NUMBER":
        return values.phone(rng, rng.choice(PHONE_LOCALES), rng.choice(["e164", "intl", "intl", "national"]))
    if entity == "CREDIT_CARD":
        return values.card(rng, rng.choice(["space", "dash"]))
    if entity == "IBAN_CODE":
        return values.iban(rng, style=rng.choice(["space", "dash", "compact"]))
    if entity == "US_SSN":
        return values.ssn(rng, "dash")
    return values.ipv4(rng)


def not_luhn(rng: random.Random, count: int) -> str:
    """A long number failing Luhn: an order or reference number, never a card."""
    body = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(count - 2))
    check = int(luhn.calc_check_digit(body))
    return body + str((check + rng.randint(1, 9)) % 10)


def look_alike(rng: random.Random) -> str:
    """A must-keep string a digit-group or phone guess would take."""
    n = rng.randint
    kind = rng.randrange(14)
    if kind == 0:
        return f"{n(100, 999)} {n(100, 999)} {n(100, 999)} rows"
    if kind == 1:
        return f"a total of {n(1, 99)}.{n(100, 999)}.{n(100, 999)} EUR"
    if kind == 2:
        number = not_luhn(rng, 16)
        return "ref " + " ".join(number[i:i + 4] for i in range(0, 16, 4))
    if kind == 3:
        return f"timeout range {n(100, 900)}-{n(10000, 90000)} ms"
    if kind == 4:
        return f"listen on 0.0.0.0:{n(1024, 65535)} and localhost:{n(1024, 65535)}"
    if kind == 5:
        return f"upgrade to v{n(1, 30)}.{n(0, 40)}.{n(0, 200)} (build {n(2019, 2026)}{n(1, 12):02d}{n(1, 28):02d}.{n(1, 9)})"
    if kind == 6:
        return f"order #{n(10_000_000, 99_999_999)} and ticket INC{n(1000000, 9999999)}"
    if kind == 7:
        return f"invoice INV-{n(2019, 2026)}-{n(100000, 999999)}"
    if kind == 8:
        return f"ISBN 978-{n(0, 9)}-{n(10, 99)}-{n(100000, 999999)}-{n(0, 9)}"
    if kind == 9:
        return f"epoch {n(1_600_000_000, 1_800_000_000)} took {n(1_000_000, 9_999_999)} ns"
    if kind == 10:
        return f"at {n(-89, 89)}.{n(1000, 9999)}, {n(-179, 179)}.{n(1000, 9999)}"
    if kind == 11:
        return f"{n(10, 99)} {n(100, 999)} {n(100, 999)} {n(10, 99)} bytes"
    if kind == 12:
        number = not_luhn(rng, 16)
        return "items " + "-".join(number[i:i + 4] for i in range(0, 16, 4)) + " in stock"
    return f"part no. {n(100, 999)}-{n(1000, 9999)}-{n(10, 99)}"


def combo_case(rng: random.Random, fk: Faker, case_type: type) -> object:
    case = case_type()
    entity = rng.choice(sorted(CUES))
    plain = a_value(rng, fk, entity)
    name = rng.choice(sorted(DISGUISES))
    layout = rng.choice(LAYOUTS)
    shown = DISGUISES[name](rng, plain)
    if name == "pct_form" and "{key}=" not in layout:
        shown = quote(plain, safe="")   # a "+" for a space is a form's encoding: in a query or log value only
    labels, keys = CUES[entity]
    head, tail = layout.split("{value}")
    case.add(head.format(label=rng.choice(labels), key=rng.choice(keys)).replace("{{", "{"))
    case.value(entity, plain, shown, name).add(tail.replace("}}", "}") + " ")
    return case.kept(look_alike(rng)).add(".")


def keep_case(rng: random.Random, fk: Faker, case_type: type) -> object:
    case = case_type()
    case.add(rng.choice(["Release notes: ", "Ops log: ", "From the runbook: ", "Status: "]))
    for index in range(rng.randint(2, 4)):
        case.add("; " if index else "").kept(look_alike(rng))
    return case.add(".")
