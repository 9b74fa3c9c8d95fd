"""More shapes per split: INI files, DataFrames, contact forms, websocket URLs, clean tables and commands."""

from __future__ import annotations

from . import values
from .registry import Ctx, template

COUNTRIES = ["United States", "Germany", "France", "Finland", "Japan", "Brazil", "Hungary", "Vietnam", "Mexico"]


@template("test", "config")
def ini_file(c: Ctx):
    c.a("Thunderbird-style config from the old mail relay:\n\n")
    c.k("[smtp]")
    c.a("\nhost = smtp.office365.com\nuser = ")
    c.v("EMAIL_ADDRESS", c.email())
    c.a("\npassword = ")
    c.v("SECRET", c.secret("password")[0], "password")
    c.a("\n")
    c.k("port = 587")
    c.a("\n")
    c.k("starttls = yes")


@template("test", "code")
def dataframe_literal(c: Ctx):
    c.a("```python\n")
    c.k("import pandas as pd")
    c.a("\n\ndf = pd.DataFrame({\n    \"customer_name\": [\"")
    c.v("PERSON", c.name())
    c.a("\", \"")
    c.v("PERSON", c.name())
    c.a("\"],\n    \"ssn\": [\"")
    c.v("US_SSN", values.ssn(c.rng))
    c.a("\", \"")
    c.v("US_SSN", values.ssn(c.rng))
    c.a("\"],\n    \"signup\": [")
    c.k(f"dt.date({c.n(2019, 2025)}, {c.n(1, 12)}, {c.n(1, 28)})")
    c.a(", None],\n})\n")
    c.k("print(df.dtypes)")
    c.a("\n```\nwhy is signup an object column?")


@template("test", "table", clean=True)
def clean_markdown_table(c: Ctx):
    rows = c.rng.sample(COUNTRIES, 3)
    c.a("| country | orders | revenue_eur | churn_pct |\n|---|---:|---:|---:|\n")
    for r in rows:
        c.a(f"| {r} | {c.n(100, 99999)} | {c.n(1000, 999999)}.{c.n(0, 99):02d} | {c.n(1, 30)}.{c.n(0, 9)} |\n")
    c.a("Which market grew fastest? The export ran with dbt 1.7.11.")


@template("test", "cli", clean=True)
def clean_cli_a(c: Ctx):
    c.a(c.pick([f"pytest -q -k 'not slow' --maxfail=1 --timeout={c.n(30, 600)} tests/unit\n",
                f"kubectl rollout status deploy/api -n prod --timeout={c.n(30, 300)}s\n",
                f"python -m pipeline.backfill --start 2024-01-01 --end 2024-03-31 --workers {c.n(2, 16)}\n"]))
    c.a(f"exit code {c.pick(['0', '1', '137'])} after {c.n(2, 3000)} ms; retry range 250-30000 ms, build {values.not_luhn(c.rng, 12)}")


@template("test", "prose")
def chat_mention(c: Ctx):
    first = c.given()
    c.a("Yesterday ")
    c.v("PERSON", first)
    c.a(c.pick([" told me the export for ", " asked whether the report on "]))
    c.k(c.pick(COUNTRIES))
    c.a(c.pick([" is broken. ", " can be sent weekly. "]))
    c.a("Can you write a Slack message to ")
    c.v("PERSON", c.name())
    c.a(" explaining the delay? Sign it from ")
    c.v("PERSON", c.given())
    c.a(".")


@template("dev", "ticket")
def contact_form(c: Ctx):
    c.a("New web form submission\n\nName: ")
    c.v("PERSON", c.name())
    c.a("\nE-mail: ")
    c.v("EMAIL_ADDRESS", c.email())
    c.a("\nPhone: ")
    c.v("PHONE_NUMBER", c.phone())
    c.a("\nCompany size: ")
    c.k(c.pick(["11-50", "51-200", "201-1000"]))
    c.a("\nMessage: ")
    c.k(c.pick(["We'd like a demo of the Snowflake connector.", "Do you support SSO with Okta?",
                "Pricing for 40 seats, please."]))


@template("dev", "table")
def markdown_payouts(c: Ctx):
    c.a("| full_name | iban | amount |\n|---|---|---|\n")
    c.b.keep("| full_name | iban | amount |")
    for _ in range(c.n(2, 3)):
        c.a("| ")
        c.v("PERSON", c.name())
        c.a(" | ")
        c.v("IBAN_CODE", values.iban(c.rng))
        c.a(" | ")
        c.k(f"{c.n(10, 9999)}.{c.n(0, 99):02d} EUR")
        c.a(" |\n")
    c.a("sum the amounts per country code please")


@template("dev", "url")
def websocket_url(c: Ctx):
    c.a("The client connects to ")
    c.a("wss://stream.example.net/v1/socket?client=web&auth=")
    c.v("SECRET", c.secret("jwt")[0], "jwt")
    c.a(" and to ")
    c.a("https://maps.googleapis.com/maps/api/geocode/json?address=Main+St&key=")
    c.v("SECRET", c.secret("google_api")[0], "google_api")
    c.a("\nboth fail behind the proxy. ")
    c.k("Chrome 126, proxy squid 6.6")


@template("dev", "table", clean=True)
def clean_table_b(c: Ctx):
    c.a("region,week,active_users,avg_session_s\n")
    for r in c.rng.sample(["EMEA", "APAC", "LATAM", "North America", "Nordics"], 3):
        c.a(f"{r},{values.day(c.rng, 0, 200).isoformat()},{c.n(100, 90000)},{c.n(10, 900)}.{c.n(0, 9)}\n")
    c.a("Plot this as a line chart per region, Validating that weeks are contiguous.")


@template("dev", "cli", clean=True)
def clean_cli_b(c: Ctx):
    c.a(c.pick([f"git log --oneline -n {c.n(5, 50)} --since=2024-02-01\n", "docker compose up -d --build api worker\n",
                f"terraform plan -var-file=prod.tfvars -parallelism={c.n(2, 20)}\n"]))
    c.a(f"{c.fk.sha1()[:7]} Bump version to v{c.n(1, 5)}.{c.n(0, 20)}.{c.n(0, 9)}\nuuid {c.fk.uuid4()}")
