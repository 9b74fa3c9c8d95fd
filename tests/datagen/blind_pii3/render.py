"""Writers of a record into the formats users paste: JSON, YAML, TOML, .env, logs, CSV, tables, SQL, URLs, CLI."""

from __future__ import annotations

from collections.abc import Callable

from .case import Case, Ctx, Keep, Piece, Val
from .records import Field


def _text(piece: Piece) -> str:
    return piece.value if isinstance(piece, Val) else piece.text if isinstance(piece, Keep) else piece


def json_obj(ctx: Ctx, case: Case, fields: list[Field]) -> None:
    indent = ctx.rng.choice(("", "  ", "    "))
    sep = "\n" if indent else " "
    case.add("{" + sep)
    for i, (key, piece) in enumerate(fields):
        case.add(f'{indent}"{key}": "')
        case.add(piece)
        case.add('"' + ("," if i < len(fields) - 1 else "") + sep)
    case.add("}")


def yaml_map(ctx: Ctx, case: Case, fields: list[Field]) -> None:
    quote = ctx.rng.choice(("", '"', "'"))
    for key, piece in fields:
        q = quote if "\n" not in _text(piece) else '"'
        case.fill(f"{key}: {q}{{0}}{q}\n", [piece])


def toml_table(ctx: Ctx, case: Case, fields: list[Field]) -> None:
    case.add(f"[{ctx.rng.choice(('customer', 'record', 'contact', 'account', 'profile', 'row'))}]\n")
    for key, piece in fields:
        case.fill(f'{key} = "{{0}}"\n', [piece])


def dotenv(ctx: Ctx, case: Case, fields: list[Field]) -> None:
    for key, piece in fields:
        q = ctx.rng.choice(("", '"')) if " " not in _text(piece) else '"'
        case.fill(f"{key.upper()}={q}{{0}}{q}\n", [piece])


def kv_log(ctx: Ctx, case: Case, fields: list[Field]) -> None:
    level = ctx.rng.choice(("INFO", "WARN", "DEBUG", "ERROR"))
    case.add(f"{ctx.rng.randint(10, 23)}:{ctx.rng.randint(10, 59)}:{ctx.rng.randint(10, 59)} {level} ")
    case.add(ctx.rng.choice(("event=signup ", "msg=\"payment failed\" ", "action=update ", "svc=billing ", "")))
    for key, piece in fields:
        q = '"' if " " in _text(piece) else ""
        case.fill(f"{key}={q}{{0}}{q} ", [piece])
    case.add("\n")


def csv_rows(ctx: Ctx, case: Case, rows: list[list[Field]]) -> None:
    sep = ctx.rng.choice((",", ";", "\t", "|"))
    case.add(sep.join(key for key, _ in rows[0]) + "\n")
    for row in rows:
        for i, (_, piece) in enumerate(row):
            q = '"' if sep in _text(piece) or " " in _text(piece) and sep == "," else ""
            case.fill(f"{q}{{0}}{q}" + (sep if i < len(row) - 1 else "\n"), [piece])


def md_table(ctx: Ctx, case: Case, rows: list[list[Field]]) -> None:
    case.add("| " + " | ".join(key for key, _ in rows[0]) + " |\n")
    case.add("|" + "|".join("---" for _ in rows[0]) + "|\n")
    for row in rows:
        case.add("| ")
        for i, (_, piece) in enumerate(row):
            case.fill("{0}" + (" | " if i < len(row) - 1 else " |\n"), [piece])


def sql_insert(ctx: Ctx, case: Case, rows: list[list[Field]]) -> None:
    table = ctx.rng.choice(("customers", "crm.contacts", "users", "staging.leads", "patients", "payouts"))
    case.add(f"INSERT INTO {table} ({', '.join(key for key, _ in rows[0])}) VALUES\n")
    for n, row in enumerate(rows):
        case.add("  (")
        for i, (_, piece) in enumerate(row):
            case.fill("'{0}'" + (", " if i < len(row) - 1 else ""), [piece])
        case.add(")" + ("," if n < len(rows) - 1 else ";") + "\n")


def sql_where(ctx: Ctx, case: Case, fields: list[Field]) -> None:
    table = ctx.rng.choice(("orders o JOIN customers c ON c.id = o.customer_id", "analytics.events", "accounts", "tickets"))
    case.add(f"SELECT * FROM {table}\nWHERE ")
    for i, (key, piece) in enumerate(fields):
        case.fill(("" if i == 0 else "\n  AND ") + f"{key} = '{{0}}'", [piece])
    case.add(";\n")


def query_string(ctx: Ctx, case: Case, fields: list[Field]) -> None:
    host = ctx.rng.choice(("api.example-shop.com", "crm.internal", "analytics.acme.io", "localhost:8080"))
    case.add(f"{ctx.rng.choice(('GET', 'POST', 'DELETE'))} https://{host}/v1/{ctx.rng.choice(('search', 'lookup', 'export', 'users'))}?")
    for i, (key, piece) in enumerate(fields):
        case.fill(("" if i == 0 else "&") + f"{key}={{0}}", [piece])
    case.add(" HTTP/1.1\n")


def cli_flags(ctx: Ctx, case: Case, fields: list[Field]) -> None:
    tool = ctx.rng.choice(("./bin/import-user", "python manage.py create_contact", "crmctl add", "node scripts/seed.js",
                           "hexctl users invite", "kubectl exec api -- ./provision"))
    case.add(tool)
    for key, piece in fields:
        q = "'" if " " in _text(piece) else ""
        eq = ctx.rng.choice(("=", " "))
        case.fill(f" --{key.replace('_', '-').lower()}{eq}{q}{{0}}{q}", [piece])
    case.add("\n")


def http_headers(ctx: Ctx, case: Case, fields: list[Field]) -> None:
    for key, piece in fields:
        name = "-".join(part.capitalize() for part in key.replace("-", "_").split("_"))
        case.fill(f"X-{name}: {{0}}\n", [piece])


ONE: dict[str, Callable[[Ctx, Case, list[Field]], None]] = {
    "json": json_obj, "yaml": yaml_map, "toml": toml_table, "dotenv": dotenv, "log": kv_log,
    "sql_where": sql_where, "query": query_string, "cli": cli_flags, "headers": http_headers}
MANY: dict[str, Callable[[Ctx, Case, list[list[Field]]], None]] = {
    "csv": csv_rows, "markdown": md_table, "sql_insert": sql_insert}
