"""Data an analytics assistant sees: SQL with literals, CSV and markdown tables, logs, tracebacks."""

from __future__ import annotations

import json

from .registry import Ctx, template

DATES = ["'2024-02-01'", "'2023-12-31'", "DATE '2025-01-01'", "'2024-07-15 00:00:00'", "'2022-10-03'"]


@template("test", "sql", weight=2)
def sql_where_value(c: Ctx):
    col, ent = c.pick([("email", "EMAIL_ADDRESS"), ("ssn", "US_SSN"), ("customer_name", "PERSON"),
                       ("phone", "PHONE_NUMBER"), ("iban", "IBAN_CODE"), ("card_number", "CREDIT_CARD")])
    c.a("Why does this return nothing?\n\n```sql\n")
    c.k(f"SELECT order_id, {col}, total_amount")
    c.a("\n")
    c.k("FROM analytics.orders o")
    c.a(f"\nWHERE o.{col} = '")
    c.v(ent, c.pii(ent))
    c.a("'\n  AND o.created_at >= ")
    c.k(c.pick(DATES))
    c.a("\n")
    c.k("ORDER BY created_at DESC LIMIT 100;")
    c.a("\n```")


@template("dev", "sql", weight=2)
def sql_insert(c: Ctx):
    c.a("```sql\n")
    c.k("INSERT INTO crm.contacts (full_name, email, phone, date_of_birth, created_at)")
    c.a("\nVALUES ('")
    c.v("PERSON", c.name())
    c.a("', '")
    c.v("EMAIL_ADDRESS", c.email())
    c.a("', '")
    c.v("PHONE_NUMBER", c.phone())
    c.a("', '")
    c.v("DATE_OF_BIRTH", c.pii("DATE_OF_BIRTH"))
    c.a("', ")
    c.k("NOW()")
    c.a(");\n```\nit fails with ")
    c.k("ERROR:  duplicate key value violates unique constraint \"contacts_email_key\"")


@template("test", "table", weight=2)
def markdown_table(c: Ctx):
    cols = c.pick([["name", "email", "country", "orders"], ["customer_name", "phone", "city", "ltv"]])
    c.a("Which of these customers should get the loyalty offer?\n\n| " + " | ".join(cols) + " |\n|")
    c.a("---|" * len(cols) + "\n")
    c.b.keep(" | ".join(cols))
    for _ in range(c.n(2, 4)):
        c.a("| ")
        c.v("PERSON", c.name())
        c.a(" | ")
        if cols[1] == "email":
            c.v("EMAIL_ADDRESS", c.email())
        else:
            c.v("PHONE_NUMBER", c.phone())
        c.a(" | ")
        c.k(c.pick(["United States", "Germany", "Finland", "Hungary", "Vietnam", "Mexico"]) if cols[2] == "country"
            else c.pick(["Lisbon", "Tampere", "Brno", "Osaka", "Lyon"]))
        c.a(" | ")
        c.k(str(c.n(1, 300)) if cols[3] == "orders" else f"{c.n(100, 9999)}.{c.n(10, 99)}")
        c.a(" |\n")


@template("dev", "table", weight=2)
def csv_export(c: Ctx):
    header = c.pick(["id,first_name,last_name,iban,signup_date", "id,given,surname,national_id,signup_date"])
    c.k(header)
    c.a("\n")
    for _ in range(c.n(2, 4)):
        c.k(str(c.n(1000, 99999)))
        c.a(",")
        c.v("PERSON", c.given())
        c.a(",")
        c.v("PERSON", c.surname())
        c.a(",")
        c.v("IBAN_CODE" if "iban" in header else "NATIONAL_ID",
            c.pii("IBAN_CODE") if "iban" in header else c.pii("NATIONAL_ID"))
        c.a(",")
        c.k(c.day(0, 730).isoformat())
        c.a("\n")
    c.a("why does pandas read the id as float?")


@template("test", "log", weight=2)
def kv_log(c: Ctx):
    for _ in range(c.n(2, 4)):
        ts = c.moment(30).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        c.k(ts)
        c.a(c.pick([" INFO ", " WARN ", " ERROR "]))
        c.k(c.pick(["payments.charge", "auth.login", "kyc.verify", "export.job"]))
        c.a(" ")
        c.k(f"request_id={c.fk.uuid4()}")
        key, ent, val, fam = c.item(secret_share=0.4)
        c.a(f" {key}=")
        c.v(ent, val, fam)
        c.a(c.pick([" status=200", " status=402", " latency_ms=" + str(c.n(3, 900))]))
        c.a("\n")


@template("dev", "log", weight=2)
def json_log(c: Ctx):
    c.a("our log shipper drops these lines, any idea?\n")
    for _ in range(c.n(1, 3)):
        key, ent, val, fam = c.item(secret_share=0.4)
        c.a("{\"level\":\"")
        c.a(c.pick(["info", "error", "warn"]))
        c.a("\",\"ts\":")
        c.k(str(c.n(1_700_000_000, 1_790_000_000)))
        c.a(",\"msg\":\"")
        c.k(c.pick(["user updated", "webhook received", "login failed"]))
        c.a(f"\",{json.dumps(key)}:\"")
        c.v(ent, val, fam)
        c.a("\",\"service\":\"")
        c.k(c.pick(["billing-api", "gateway", "kyc-worker"]))
        c.a("\"}\n")


@template("test", "log")
def nginx_lines(c: Ctx):
    for _ in range(c.n(2, 3)):
        c.v("IP_ADDRESS", c.pii("IP_ADDRESS") if c.rng.random() < 0.3 else c.fk.ipv4_public())
        c.a(" - - [")
        c.k(c.moment(7).strftime("%d/%b/%Y:%H:%M:%S +0000"))
        c.a("] \"GET /account?")
        key, ent, val, fam = c.item(secret_share=0.5)
        c.a(f"{key.replace('/', '').replace(':', '')}=")
        if ent == "EMAIL_ADDRESS":
            c.email_in_url(val, 0.7)
        elif " " in val:
            c.b.val_as(ent, val.replace(" ", "+"), val, "url_encoded", fam)
        else:
            c.v(ent, val, fam)
        c.a(" HTTP/1.1\" ")
        c.k(f"{c.pick(['200', '302', '404'])} {c.n(200, 90000)}")
        c.a(" \"-\" \"Mozilla/5.0\"\n")


@template("dev", "traceback")
def traceback_with_value(c: Ctx):
    key, ent, val, fam = c.item(secret_share=0.5)
    c.a("Traceback (most recent call last):\n")
    c.k("  File \"/app/jobs/sync.py\", line 88, in run")
    c.a("\n    client.push(record)\n")
    c.k("  File \"/usr/lib/python3.11/site-packages/httpx/_client.py\", line 1574, in send")
    c.a(f"\nhttpx.HTTPStatusError: Client error '422 Unprocessable Entity' for payload {{'{key}': '")
    c.v(ent, val, fam)
    c.a("', 'source': 'crm'}")


@template("test", "traceback")
def pandas_traceback(c: Ctx):
    c.a("```\n")
    c.k("KeyError: 'customer_name'")
    c.a("\n```\nthe row that breaks it is\n")
    c.k("   order_id   created_at")
    c.a("   contact\n0  ")
    c.k(str(c.n(10000, 99999)))
    c.a("  ")
    c.k(c.day(0, 365).isoformat())
    c.a("  ")
    c.v("PERSON", c.name())
    c.a(" / ")
    c.v("PHONE_NUMBER", c.phone())
    c.a("\nand ")
    c.k("self.re")
    c.a(" is the compiled pattern in my class.")


@template("dev", "table")
def psql_output(c: Ctx):
    c.k(" patient_id | mrn | mbi | npi")
    c.a("\n------------+-----+-----+-----\n")
    for _ in range(c.n(1, 3)):
        c.a(f" {c.n(1, 9999):>10} | ")
        c.v("MEDICAL_RECORD_NUMBER", c.pii("MEDICAL_RECORD_NUMBER"))
        c.a(" | ")
        c.v("MEDICARE_MBI", c.pii("MEDICARE_MBI"))
        c.a(" | ")
        c.v("NPI", c.pii("NPI"))
        c.a("\n")
    c.k(f"({c.n(1, 3)} rows)")
