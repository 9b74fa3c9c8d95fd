"""More variety for the dev split only (added after the test split was frozen; the test split never draws these).

Every wording and look-alike here is new, so nothing in this module occurs in the frozen test split.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

from . import lookalikes, pii
from .case import Case, Ctx, Keep, Piece, Val
from .disguise import maybe
from .names import ascii_fold
from .provider_keys import FAMILIES, password, r
from .records import Person

Shape = Callable[[Ctx, Case], None]
LOOKALIKE_NAMES = ("Jaguar", "Lincoln", "Ford", "Mercedes", "The Smiths", "Paris, Texas", "Washington Post",
                   "Victoria's Secret", "Wendy's", "Dr Pepper", "Johnson & Johnson", "Louis Vuitton", "Tim Hortons",
                   "Ben & Jerry's", "Bash", "Claude", "Gemini", "Jenkins", "Alexa", "Siri")
TITLES = ("Dr.", "Mr.", "Ms.", "Mrs.", "Prof.", "Herr", "Frau", "Sr.", "Sra.", "pan", "pani", "M.", "Mme")


def _keep(ctx: Ctx) -> Keep:
    return Keep(ctx.rng.choice(LOOKALIKE_NAMES)) if ctx.rng.random() < 0.4 else lookalikes.one(ctx)


def titled_surname(ctx: Ctx, case: Case) -> None:
    p = Person(ctx)
    title = ctx.rng.choice(TITLES)
    template = ctx.rng.choice(("Dear {t} {0},\n\nyour export from {1} is attached.\n", "{t} {0} called about the {1} invoice again.",
                               "Please ask {t} {0} whether the {1} numbers are final.", "cc {t} {0} on the {1} thread"))
    case.fill(template.replace("{t}", title), [p.value("family", 0.1), _keep(ctx)])


def attendees(ctx: Ctx, case: Case) -> None:
    case.add(ctx.rng.choice(("Attendees:\n", "Participants (surname, first name):\n", "Who signed up:\n")))
    for _ in range(ctx.rng.randint(2, 5)):
        p = Person(ctx)
        case.fill("- {0}, {1}\n", [Val(f"{p.family}, {p.given}", "PERSON"), _keep(ctx)])


def email_message(ctx: Ctx, case: Case) -> None:
    a, b = Person(ctx), Person(ctx)
    case.fill("From: {0} <{1}>\nTo: {2} <{3}>\nSubject: Re: {4}\n\n{5},\n\ncan you rerun the report? Call me on {6}.\n\n{7}\n",
              [a.value("name", 0.05), a.value("email"), b.value("name", 0.05), b.value("email"), lookalikes.one(ctx, "reference"),
               b.value("given"), a.value("phone"), a.value("given", 0.05)])


def tool_result(ctx: Ctx, case: Case) -> None:
    rows: list[list[tuple[str, Piece]]] = []
    for _ in range(ctx.rng.randint(1, 3)):
        p = Person(ctx)
        rows.append([("id", Keep(lookalikes.a_uuid(ctx))), ("name", p.value("name")), ("email", p.value("email")),
                     ("phone", p.value("phone")), ("plan", _keep(ctx))])
    case.add('{"type": "tool_result", "tool_use_id": "toolu_' + r(ctx.rng, "abcdefghijklmnopqrstuvwxyz0123456789", 20)
             + '", "content": [')
    for n, row in enumerate(rows):
        case.add("{")
        for i, (key, piece) in enumerate(row):
            case.fill(f'"{key}": "{{0}}"' + (", " if i < len(row) - 1 else ""), [piece])
        case.add("}" + (", " if n < len(rows) - 1 else ""))
    case.add("]}\n")


def native_address(ctx: Ctx, case: Case) -> None:
    locale = ctx.rng.choice(("ja_JP", "ko_KR", "zh_CN", "vi_VN", "th_TH", "de_DE", "hu_HU", "en_IN", "pl_PL", "fi_FI"))
    address = ctx.faker(locale).address()
    p = Person(ctx)
    if "\n" in address:
        street, rest = address.split("\n", 1)
        value: Piece = Val(street, "STREET_ADDRESS")
        tail = rest
    else:
        value, tail = Val(address, "STREET_ADDRESS"), ""
    case.fill(ctx.rng.choice(("Customer {0} lives at\n{1}\n{2}\nIs this in our delivery zone?",
                              "Adresse / address of {0}: {1}\n{2}\n", "{0}\n{1}\n{2}\n(from the CRM export)")),
              [p.value("name", 0.05), value, tail])


def kv_values(ctx: Ctx, case: Case) -> None:
    p = Person(ctx)
    fields: list[tuple[str, Piece]] = [("ssn", p.value("ssn", 0.1)), ("card", p.value("card", 0.1)),
                                       ("dob", p.value("dob", 0.1)), ("ip", Val(pii.ip(ctx)[0], "IP_ADDRESS")),
                                       ("user", p.value("given", 0.05)), ("iban", p.value("iban", 0.1))]
    ctx.rng.shuffle(fields)
    sep = ctx.rng.choice(("=", ": ", "="))
    case.add(ctx.rng.choice(("audit ", "2025-03-02 10:11:12 DEBUG request ", "kv: ", "")))
    for key, piece in fields[:ctx.rng.randint(2, 5)]:
        case.fill(f"{key}{sep}{{0}} ", [piece])
    case.fill("trace={0}\n", [lookalikes.one(ctx, "digest")])


def basic_auth(ctx: Ctx, case: Case) -> None:
    user = ascii_fold(Person(ctx).given).lower()
    user = user if user.isascii() and user.isalpha() and len(user) > 2 else "analyst"
    token = base64.b64encode(f"{user}:{password(ctx.rng)}".encode()).decode()
    case.fill(ctx.rng.choice(("GET /api/v1/export HTTP/1.1\nHost: bi.internal\nAuthorization: Basic {0}\nAccept: */*\n",
                              "curl -H 'Authorization: Basic {0}' https://metabase.corp/api/card/{1}\n",
                              "requests.get(url, headers={'Authorization': 'Basic {0}'})  # {1}\n")),
              [Val(token, "SECRET", "basic_auth"), lookalikes.one(ctx, "reference")])


def service_account(ctx: Ctx, case: Case) -> None:
    body = base64.b64encode(bytes(ctx.rng.randrange(256) for _ in range(180))).decode()
    escaped = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + "\\n".join(body[i:i + 64] for i in range(0, len(body), 64)) + "\\n-----END PRIVATE KEY-----\\n"
    project = ctx.rng.choice(("acme-analytics", "bi-prod-2231", "warehouse-eu"))
    case.fill('{\n  "type": "service_account",\n  "project_id": "' + project + '",\n  "private_key_id": "{0}",\n'
              '  "private_key": "{1}",\n  "client_email": "loader@' + project + '.iam.gserviceaccount.com"\n}\n',
              [Val(r(ctx.rng, "0123456789abcdef", 40), "SECRET", "gcp_private_key_id"), Val(escaped, "SECRET", "private_key")])


def agent_env(ctx: Ctx, case: Case) -> None:
    case.add("$ cat .env.production\n")
    for family in ctx.rng.sample([f for f in FAMILIES if f != "private_key"], ctx.rng.randint(2, 4)):
        value = maybe(ctx.rng, Val(FAMILIES[family](ctx.rng), "SECRET", family), 0.15)
        case.fill(f"{family.upper()}={{0}}\n", [value])
    case.fill("DB_PASS={0}\nSENTRY_ENVIRONMENT=production\n$ {1}\n", [Val(password(ctx.rng).replace(" ", "_"), "SECRET", "password"),
                                                                    Keep(ctx.rng.choice(("git status", "Bash(ls -la)", "npm run build")))])


def json_brand_names(ctx: Ctx, case: Case) -> None:
    """Nothing to find: brands and tools in name-like fields."""
    items = ctx.rng.sample(LOOKALIKE_NAMES, 3)
    records = [{"name": n, "type": ctx.rng.choice(("vendor", "tool", "integration"))} for n in items]
    text = json.dumps(records)
    case.add(ctx.rng.choice(("Which of these integrations are active?\n", "Vendors list:\n", "")))
    pos = 0
    for n in items:
        at = text.index(json.dumps(n), pos) + 1
        case.add(text[pos:at])
        case.add(Keep(n))
        pos = at + len(n)
    case.add(text[pos:] + "\n")


def bad_numbers(ctx: Ctx, case: Case) -> None:
    """Nothing to find: card-like and IBAN-like numbers that fail their checks, among ids."""
    case.fill(ctx.rng.choice(("Reconcile batch {0}: rows {1} and {2} do not match, ref {3}.",
                              "The importer rejected {1} (bad checksum) and {2}; job {0}, see {3}.",
                              "test data only: {1} / {2} — pipeline {0} {3}")),
              [lookalikes.one(ctx, "reference"), lookalikes.one(ctx, "bad_card"), lookalikes.one(ctx, "bad_iban"),
               lookalikes.one(ctx, ctx.rng.choice(("uuid", "timestamp", "range")))])


PII: dict[str, Shape] = {"titled_surname": titled_surname, "attendees": attendees, "email_message": email_message,
                         "tool_result": tool_result, "native_address": native_address, "kv_values": kv_values}
SECRET: dict[str, Shape] = {"basic_auth": basic_auth, "service_account": service_account, "agent_env": agent_env}
NONE: dict[str, Shape] = {"json_brand_names": json_brand_names, "bad_numbers": bad_numbers}
