"""Strings that must reach the provider unchanged: nothing personal in them, only look-alikes."""

from __future__ import annotations

import random
import string
import uuid

from tests.datagen.blind_pii4.values import IBAN_BBAN, iban_check, luhn_digit

# Two disjoint pools of words (pool 0 for one split, pool 1 for the other).
BRANDS = (["Github", "Salesforce", "Zendesk", "Figma", "Mercedes-Benz", "Heineken", "Airbnb", "Spotify", "Ikea",
           "Red Bull", "Patagonia", "Dyson"],
          ["Atlassian", "Shopify", "Lufthansa", "Nestlé", "Toyota", "Adidas", "Netflix", "Samsung", "Lego",
           "Uniqlo", "Philips", "Carrefour"])
BANDS = (["Radiohead", "Arctic Monkeys", "Fleetwood Mac", "Daft Punk", "Rammstein", "Tame Impala"],
         ["Coldplay", "The Rolling Stones", "Massive Attack", "Sigur Rós", "Gorillaz", "Portishead"])
PLACES = (["United States", "New South Wales", "Lake Geneva", "Rio de Janeiro", "São Paulo", "Kraków",
           "Hong Kong", "Rhine Valley"],
          ["United Kingdom", "British Columbia", "Lake Como", "Buenos Aires", "Zürich", "Gdańsk", "Cape Town",
           "Silicon Valley"])
PRODUCTS = (["iPhone 15 Pro", "PlayStation 5", "Model Y", "Kindle Paperwhite", "Surface Laptop", "Galaxy Tab S9"],
            ["MacBook Air", "Xbox Series X", "Pixel 8", "ThinkPad X1 Carbon", "Apple Watch Ultra", "Nintendo Switch"])
TITLES = (["Senior Data Engineer", "Head of Growth", "Staff Software Engineer", "Chief Nursing Officer",
           "Payroll Specialist", "Site Reliability Engineer"],
          ["Product Marketing Manager", "VP of Engineering", "Clinical Research Coordinator", "Solutions Architect",
           "HR Business Partner", "Principal Data Scientist"])
TOOLS = (["Bash", "Grep", "Skill", "Glob", "WebFetch", "TodoWrite", "Read", "NotebookEdit"],
         ["Edit", "Write", "Task", "WebSearch", "MultiEdit", "Git", "Generate", "Validating"])
VERBS = (["Generate", "Validate", "Summarize", "Refactor", "Deploy"],
         ["Render", "Migrate", "Lint", "Bundle", "Provision"])
IDENTIFIERS = (["getUserById", "customer_email_hash", "parseInvoiceLines", "MAX_RETRY_COUNT", "billing_address_id",
                "OrderRepository"],
               ["fetchAccountState", "phone_number_masked", "normalize_iban", "DEFAULT_TIMEOUT_MS", "ssn_last4_flag",
                "PaymentGateway"])
SQL_WORDS = (["SELECT", "LEFT JOIN", "GROUP BY", "HAVING", "COALESCE"],
             ["WHERE", "INNER JOIN", "ORDER BY", "PARTITION BY", "CASE WHEN"])


def word(rng: random.Random, pool: int, lists: tuple[list[str], list[str]]) -> str:
    return rng.choice(lists[pool])


def numeric_range(rng: random.Random) -> str:
    low = rng.choice([1, 10, 50, 100, 250, 500, 1000])
    high = low * rng.choice([12, 40, 120, 300])
    return f"{low}-{high}"


def version(rng: random.Random) -> str:
    core = f"{rng.randint(0, 4)}.{rng.randint(0, 40)}.{rng.randint(0, 30)}"
    return rng.choice([core, "v" + core, core + f"-rc.{rng.randint(1, 5)}", core + "+build." + str(rng.randint(1, 999))])


def bad_iban(rng: random.Random) -> str:
    """An IBAN-shaped string whose check digits are wrong."""
    country = rng.choice(["DE", "FR", "NL", "ES", "IT", "GB"])
    size = IBAN_BBAN[country]
    letters = 4 if country in ("NL", "GB") else 0
    bban = "".join(rng.choice(string.ascii_uppercase) for _ in range(letters))
    bban += "".join(rng.choice(string.digits) for _ in range(size - letters))
    good = int(iban_check(country, bban))
    wrong = (good + rng.randint(1, 90)) % 97 or 3
    if wrong == good or wrong < 2:
        wrong = (good + 7) % 97 if (good + 7) % 97 >= 2 else 11
    iban = f"{country}{wrong:02d}{bban}"
    return rng.choice([iban, " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))])


def bad_card(rng: random.Random) -> str:
    """A 16-digit number that fails the Luhn check."""
    body = rng.choice("3456") + "".join(rng.choice(string.digits) for _ in range(14))
    last = str((int(luhn_digit(body)) + rng.randint(1, 9)) % 10)
    number = body + last
    return rng.choice([number, " ".join(number[i:i + 4] for i in range(0, 16, 4))])


def order_id(rng: random.Random) -> str:
    return rng.choice([f"ORD-{rng.randint(2019, 2026)}-{rng.randint(100000, 999999)}",
                       f"#{rng.randint(1000000, 9999999)}", f"PO{rng.randint(10000, 99999)}-{rng.choice('ABCDE')}",
                       f"INV-{rng.randint(10000, 99999)}"])


def timestamp(rng: random.Random) -> str:
    y, mo, d = rng.randint(2020, 2026), rng.randint(1, 12), rng.randint(1, 28)
    h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    return rng.choice([f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z",
                       f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}.{rng.randint(0, 999):03d}",
                       f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}+02:00"])


def commit(rng: random.Random) -> str:
    full = "".join(rng.choice("0123456789abcdef") for _ in range(40))
    return full if rng.random() < 0.5 else full[:rng.choice([7, 8, 12])]


def an_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def look_alike(rng: random.Random, pool: int) -> str:
    """One generated must-keep string of a random shape."""
    maker = rng.choice([numeric_range, version, bad_iban, bad_card, order_id, timestamp, commit, an_uuid])
    return maker(rng)


def named(rng: random.Random, pool: int) -> str:
    """One word-like must-keep string: brand, band, place, product, job title, identifier."""
    return word(rng, pool, rng.choice([BRANDS, BANDS, PLACES, PRODUCTS, TITLES, IDENTIFIERS]))
