"""Validators of personal data: cards, government and bank numbers, contact details, names, dates."""

from __future__ import annotations

import ipaddress
import re

import phonenumbers

from filters.recognizers.base import Site, Validator, Verdict
from filters.recognizers.checksums import aba_ok, digits_of, iban_ok, luhn_ok, ssn_ok
from filters.recognizers.name_scripts import script_word

# Issuer prefixes of the card networks (Visa, Mastercard, Amex, Discover, Diners, JCB, UnionPay, Maestro).
CARD_PREFIX = re.compile(r"4|5[0-9]|2[2-7]|3[47]|3[0689]|35|6|1800|2131")
PHONE_REGIONS = ("US", "GB", "DE", "FR", "IL", "IN", "CA", "BR", "AU", "NL", "ES", "IT", "SE", "CH", "PL", "DK", "NO",
                 "CZ", "PT", "RU", "MX", "TR", "FI", "AT", "BE", "HU", "RO", "IE", "JP", "VN")
# after a phone word: these too (a bare "40 22 09 06" is a Danish number only when something says phone)
MORE_PHONE_REGIONS = PHONE_REGIONS + tuple(
    ["KR", "ZA", "AR", "CO", "CL", "NZ", "SG", "PH", "ID", "UA", "RO", "GR", "SK", "CN", "TW",
     "HK", "TH", "MY", "EG", "NG", "KE", "SA", "AE", "PK", "BD", "SI", "HR", "BG", "RS", "BA", "EE", "LV", "LT",
     "LU", "IS", "GE", "AM", "AZ", "KZ", "BY", "MD"])
DATE_LIKE = re.compile(r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{4}|[0-9]{2})")
NUMERIC_DATE = re.compile(r"(?P<y>[0-9]{4})([-/.])(?P<m>[0-9]{1,2})\2(?P<d>[0-9]{1,2})"
                          r"|(?P<a>[0-9]{1,2})([-/.])(?P<b>[0-9]{1,2})\6(?P<yy>[0-9]{4}|[0-9]{2})")
MONTHS = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
ANY_DATE = re.compile(rf"[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}|[0-9]{{1,2}}[/.-][0-9]{{1,2}}[/.-][0-9]{{2,4}}|"
                      rf"(?:[0-9]{{1,2}}(?:st|nd|rd|th)? )?(?:{MONTHS})\.? (?:[0-9]{{1,2}}(?:st|nd|rd|th)?,? )?[0-9]{{4}}",
                      re.IGNORECASE)
MONTH_NAME = re.compile(MONTHS)
COMPACT_DATE = re.compile(r"(?:19|20)[0-9]{2}[-/. ]?(?:0[1-9]|1[0-2])[-/. ]?(?:0[1-9]|[12][0-9]|3[01])")
FILE_SUFFIXES = frozenset(["png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "js", "ts", "css", "py", "md", "txt", "csv", "json", "yaml", "yml", "pdf", "zip", "gz"])
ADDRESS_END = re.compile(r"\.\s|\s(?:and|but|since|for|where|which|who|because|so|with|from|if|then|or)\s|[?!\"()]|\s{2}")
NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-](?=[^\W\d_])){0,30}\.?")   # Heinz-Jürgen, O'Neil, J.
PARTICLES = frozenset(["de", "da", "das", "do", "dos", "del", "della", "der", "den", "van", "von", "ten", "ter", "la", "le", "di", "du", "bin", "al", "y", "e"])
NOT_STREETS = frozenset(["top", "page", "pages", "step", "steps", "table", "tables", "row", "rows", "column", "columns", "query", "queries", "item", "items", "user", "users", "order", "orders", "customer", "customers", "week", "weeks", "day", "days", "month", "months", "year", "years", "version", "python", "chapter", "section", "figure", "part", "level", "tier", "batch", "run", "runs", "test", "tests", "q1", "q2", "q3", "q4", "minutes", "hours", "seconds", "times", "records", "files", "jobs", "tasks"])
POSTAL_VALUE = re.compile(r"[A-Za-z]{0,2}-?[0-9A-Za-z]{1,5}(?:[ -/][0-9A-Za-z]{1,4})?")
IBAN_SEPARATOR = re.compile(r"[ -]")
DIGIT_GROUP_AFTER = re.compile(r" [0-9]{3}")
NEXT_KEY = re.compile(r"[\s&;][\w.-]{1,40}=")
QUERY_KEY = re.compile(r"[?&][\w.-]{1,40}=\Z")     # a URL's query parameter
REQUEST_LINE_END = re.compile(r"\s+HTTP/[0-9]")   # a request line's protocol after the query
NOT_NAMES = frozenset(["full", "name", "first", "last", "the", "a", "an", "unknown", "none", "null", "true", "false", "n/a", "na", "test", "user", "admin", "customer", "patient", "string", "text", "varchar", "example", "sample", "anonymous", "redacted", "tbd", "todo"])


def card(value: str, site: Site) -> Verdict:
    """A card number: a network's prefix and a valid Luhn check digit."""
    number = digits_of(value)
    return CARD_PREFIX.match(number) is not None and len(set(number)) > 1 and luhn_ok(number)


def luhn(value: str, site: Site) -> Verdict:
    return luhn_ok(digits_of(value))


def ssn(value: str, site: Site) -> Verdict:
    return ssn_ok(digits_of(value))


def aba(value: str, site: Site) -> Verdict:
    return aba_ok(digits_of(value))


def iban(value: str, site: Site) -> Verdict:
    """Mod 97 and the country's length; a word after a compact IBAN that the shape read as one more
    group ("MN447750674965771322 today") is cut off: the longest valid prefix ending at a separator."""
    if iban_ok(value):
        return True
    for cut in reversed([m.start() for m in IBAN_SEPARATOR.finditer(value)]):
        if iban_ok(value[:cut]):
            return 0, cut
    return False


def ipv4(value: str, site: Site) -> Verdict:
    """Four dotted parts of 0-255 without leading zeros, or a CIDR range of them (prefix up to 32);
    not 0.0.0.0, loopback or broadcast."""
    value, _, prefix = value.partition("/")
    if prefix and int(prefix) > 32:
        return False
    parts = value.split(".")
    if len(parts) != 4 or any(len(p) > 1 and p[0] == "0" for p in parts):
        return False
    if any(int(p) > 255 for p in parts):
        return False
    return parts[0] not in ("0", "127") and value != "255.255.255.255"


def ipv6(value: str, site: Site) -> Verdict:
    """A valid IPv6 address with a hex letter or five or more groups; not loopback or unspecified."""
    value, _, prefix = value.partition("/")
    if prefix and int(prefix) > 128:
        return False
    try:
        address = ipaddress.IPv6Address(value)
    except ValueError:
        return False
    if address.is_loopback or address.is_unspecified:
        return False
    return any(c in "abcdefABCDEF" for c in value) or value.count(":") >= 4


def email(value: str, site: Site) -> Verdict:
    """An email address, not a file name like icon@2x.png nor an SSH remote like git@github.com."""
    local, _, domain = value.rpartition("@")
    if domain.rsplit(".", 1)[-1].lower() in FILE_SUFFIXES or local.lower() == "git":
        return False
    if site.ctx.text[max(0, site.start - 3):site.start] == "://":
        return False   # a URL's user name (https://deploy@host), not a mailbox
    return not local.startswith(".") and ".." not in value


def obfuscated_email(value: str, site: Site) -> Verdict:
    """An address written to dodge filters: the at sign as [at], (at) or " at ", the dots as [dot],
    " dot " or dots; the last label is letters. A plain " at " needs a written-out dot too
    ("look at example.com" is not an address)."""
    lowered = value.lower()
    bracketed = any(mark in lowered for mark in ("[at]", "(at)", "{at}", "<at>", "[@]", "(@)"))
    if not bracketed and not any(mark in lowered for mark in (" dot ", "[dot]", "(dot)", "{dot}", "<dot>", "[.]", "(.)")):
        return False
    last = re.split(r"[\s.\])}>]+", lowered.rstrip())[-1]
    return 2 <= len(last) <= 24 and last.isalpha() and last != "dot"   # "gmx[dot]at": Austria's domain


def date(value: str, site: Site) -> Verdict:
    """A plausible calendar date: month 1-12, day 1-31, a four-digit year from 1900 on."""
    match = NUMERIC_DATE.fullmatch(value)
    if match is None:
        return False
    if match.group("y"):
        year, month, day = int(match.group("y")), int(match.group("m")), int(match.group("d"))
    else:
        first, second, yy = int(match.group("a")), int(match.group("b")), match.group("yy")
        year = int(yy) if len(yy) == 4 else 1900 + int(yy)
        month, day = (first, second) if first <= 12 else (second, first)
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


def month_date(value: str, site: Site) -> Verdict:
    """A date written with a month's name: the name must be a real month's."""
    return any(MONTH_NAME.fullmatch(word.rstrip(".,")) for word in value.split())


def phone(value: str, site: Site) -> Verdict:
    """A phone number valid for its country code or one of the common regions (python-phonenumbers)."""
    return not _inside_longer(site) and _phone(value, PHONE_REGIONS, True) and _with_extension(value, site)


def phone_any_region(value: str, site: Site) -> Verdict:
    """A phone number (as `phone`) valid and grouped as written in one of some fifty regions."""
    return not _inside_longer(site) and _phone(value, MORE_PHONE_REGIONS) and _with_extension(value, site)


# an extension after a phone number: "x204", "ext. 45", "extension 3312", "Durchwahl 12", "#12"
EXTENSION = re.compile(r"[ \t]{0,2},?[ \t]{0,2}(?:x|ext\.?|extn\.?|extension|durchwahl|poste|#)[ \t]{0,2}[0-9]{1,6}(?![0-9A-Za-z])",
                       re.IGNORECASE)


def _with_extension(value: str, site: Site) -> Verdict:
    """The number and the extension written after it, which dials the same person."""
    extension = EXTENSION.match(site.ctx.text, site.end)
    return True if extension is None else (0, extension.end() - site.start)


def _inside_longer(site: Site) -> bool:
    """Whether the candidate is some digit groups of a longer run ("9526 3344" of "ref 9526 3344 1051 7840",
    a number failing Luhn): a digit group joined by one space, dot or dash goes on before or after it."""
    text, start, end = site.ctx.text, site.start, site.end
    if text[start:start + 1] in "+(":
        return False
    return LONGER_BEFORE.search(text, max(0, start - 2), start) is not None or \
        LONGER_AFTER.match(text, end) is not None


LONGER_BEFORE = re.compile(r"[0-9][ .-]\Z")
LONGER_AFTER = re.compile(r"[ .-][0-9]|/[A-Za-z]{3}/[0-9]{4}")   # or its last group a log date's day: "18/Oct/2025"


def _phone(value: str, regions: tuple[str, ...], exact_ranges: bool = False) -> bool:
    """`exact_ranges`: two groups rising around one hyphen are a range ("--retry=500-150000") unless
    grouped exactly as a region writes a phone (after a phone word, `phone_in_context`, they are read
    as any phone: "phone=618-332" / "0713")."""
    number = digits_of(value)
    if not 7 <= len(number) <= 15 or len(set(number)) < 3:
        return False
    international = value.startswith("+") or number.startswith(("00", "011"))
    date_like = DATE_LIKE.search(value)
    if date_like is not None and not international and "(" not in value and \
            (date(date_like.group(), None) or len(date_like.group()) == len(value)):  # type: ignore[arg-type]
        return False   # 2024-01-15, 12/05/1996; but 992-93-96 and 8 (301) 128-06-81 (Russian digits) are no dates
    if not international and COMPACT_DATE.fullmatch(value):
        return False   # 2024-0115, 20240115
    groups = re.split(r"[^0-9]+", value.strip("+()"))
    if "." in value and not any(c in value for c in " -/()") and (len(groups) in (2, 4) or len(groups[0]) > 4):
        return False   # a decimal or a dotted quad, not a phone
    if international:
        candidate = value if value.startswith("+") else "+" + number[3 if number.startswith("011") else 2:]
        if _valid(candidate, None) or value.startswith("+"):
            return _valid(candidate, None)
        # not dialled abroad after all: Reading's "0118 496 0617", Korea's "011-051-0008" are national numbers
    if AREA_SLASH.fullmatch(value):
        # "06-9/411 0625", "0221/4710 23": a trunk prefix and an area code before a slash, as Central Europe writes a phone
        return any(_valid(value, region) for region in regions)
    # a national number must be valid in a region AND grouped the way that region writes its numbers:
    # "250-30000" (a range) or "2024-0115" are valid digit strings somewhere, but nobody writes a phone so;
    exact = exact_ranges and _rising_range(value)
    leniency = phonenumbers.Leniency.EXACT_GROUPING if exact else phonenumbers.Leniency.STRICT_GROUPING
    return any(_valid(value, region) and _grouped(value, region, leniency) for region in regions)


AREA_SLASH = re.compile(r"\(?0[0-9]{1,4}\)?(?:[ -][0-9]{1,4})?/[0-9]{2,}(?:[ -][0-9]{2,})*")
RANGE = re.compile(r"([1-9][0-9]*)-([0-9]+)")


def _rising_range(value: str) -> bool:
    """Two digit groups around one hyphen, the first lower than the second, no trunk prefix: "500-150000"."""
    match = RANGE.fullmatch(value)
    return match is not None and int(match.group(1)) < int(match.group(2))


def _valid(value: str, region: str | None) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(value, region))
    except phonenumbers.NumberParseException:
        return False


def _grouped(value: str, region: str, leniency: int = phonenumbers.Leniency.STRICT_GROUPING) -> bool:
    """Whether phonenumbers finds the whole value as a number grouped as `region` formats it."""
    return any(m.start == 0 and m.end == len(value)
               for m in phonenumbers.PhoneNumberMatcher(value, region, leniency=leniency))


def street_words(value: str, site: Site) -> Verdict:
    """"4844 Søndergade 52": the words are capitalised names, not a count of things ("3 Orders 4")."""
    words = value.split()[1:-1]
    if not words or words[-1].rstrip(".") in ("Apt", "Apartment", "Suite", "Ste", "Unit"):
        words = value.split()[1:-3] or words
    return all(w[0].isupper() and not w.isupper() and w.lower().rstrip(".") not in NOT_STREETS for w in words)


def address_text(value: str, site: Site) -> Verdict:
    """An address after words like "lives at": cut at the clause's end; needs a number and a word."""
    cut = ADDRESS_END.search(value)
    end = cut.start() if cut else len(value)
    text = value[:end].rstrip(" ,.;:")
    if len(text) < 5 or not any(c.isdigit() for c in text[:40]) or sum(c.isalpha() for c in text) < 3:
        return False
    if DATE_LIKE.fullmatch(text.strip()) or len(text.split()) < 2:
        return False
    return 0, len(text)


def address_value(value: str, site: Site) -> Verdict:
    """A value of an address field: a number and words; not a MAC's, IP's, mailbox's or wallet's address."""
    text = value.strip()
    if not 5 <= len(text) <= 160 or not any(c.isdigit() for c in text) or sum(c.isalpha() for c in text) < 3:
        return False
    if OTHER_ADDRESS_KEY.search(site.ctx.lower, max(0, site.start - 40), site.start):
        return False
    start = value.find(text)
    return start, start + len(text)


OTHER_ADDRESS_KEY = re.compile(r"(?<![a-z])(?:mac|ip|ipv4|ipv6|e-?mail|wallet|btc|bitcoin|eth|ethereum|server|web|crypto)"
                               r"[ _-]?address[\"']?[ \t]{0,3}[:=][ \t]{0,3}[\"']?\Z")


def street_value(value: str, site: Site) -> Verdict:
    """A street-name field's value: words (a number optional), not a placeholder."""
    text = value.strip()
    if not 3 <= len(text) <= 120 or sum(c.isalpha() for c in text) < 3 or text.lower() in NOT_NAMES:
        return False
    start = value.find(text)
    return start, start + len(text)


def postal_value(value: str, site: Site) -> Verdict:
    """A house-number or postcode field's value: a short code holding a digit ("12b", "10115", "SW1A 2AA")."""
    text = value.strip()
    if not 1 <= len(text) <= 10 or not any(c.isdigit() for c in text) or not POSTAL_VALUE.fullmatch(text):
        return False
    if not site.quoted and text.isdigit() and DIGIT_GROUP_AFTER.match(site.ctx.text, site.end):
        return False   # `zip_code=4855 7169 9095 6895`: the first group of a longer number, no postcode
    start = value.find(text)
    return start, start + len(text)


def person_value(value: str, site: Site) -> Verdict:
    """A value of a name field: one to five capitalised words (particles allowed), or words of a
    caseless script (`"name": "이영미"`), nothing else.

    Unquoted (a log line: `holder=Gül ip=...`, `user: Ignacy trace=...`, a query string's
    `given_name=Anna&tier=...`, `reporter=Anna Kowalska; dob=...`) the value ends where the next
    `key=` starts."""
    next_key = None if site.quoted else NEXT_KEY.search(value)
    if next_key is not None:
        value = value[:next_key.start()]
    query = not site.quoted and QUERY_KEY.search(site.ctx.text, max(0, site.start - 48), site.start) is not None
    if query:
        value = REQUEST_LINE_END.split(value, 1)[0]   # `GET /signup?given_name=Dmitri HTTP/1.1`
    text = value.strip().removesuffix(";").rstrip() if next_key is not None else value.strip()
    words = text.replace("+", " ").split() if query else text.split()   # a form's "+" is a space
    if not 1 <= len(words) <= 5 or len(text) > 80:
        return False
    if all(script_word(w.rstrip(",")) for w in words):
        start = value.find(text)
        return start, start + len(text)
    if not all(w in PARTICLES or (NAME_WORD.fullmatch(w.rstrip(",")) and w[0].isupper()) for w in words):
        return False
    if all(w.lower().strip(".,") in NOT_NAMES for w in words) or not any(c.islower() for c in text):
        return False
    start = value.find(text)
    return start, start + len(text)


def date_value(value: str, site: Site) -> Verdict:
    """The date inside a birth-date field's value."""
    match = ANY_DATE.search(value)
    return (match.start(), match.end()) if match else False


VALIDATORS: dict[str, Validator] = {
    "card": card, "luhn": luhn, "ssn": ssn, "aba": aba, "iban": iban, "ipv4": ipv4, "ipv6": ipv6, "email": email, "obfuscated_email": obfuscated_email,
    "date": date, "month_date": month_date, "phone": phone, "phone_any_region": phone_any_region, "address_text": address_text, "street_words": street_words, "address_value": address_value,
    "person_value": person_value, "street_value": street_value, "postal_value": postal_value, "date_value": date_value,
}
