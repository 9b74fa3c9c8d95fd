"""Strings that look sensitive and are not: they must reach the provider unchanged."""

from __future__ import annotations

import string
import uuid

from . import checksums, pii
from .case import Ctx, Keep

BRANDS = ("Salesforce", "Snowflake", "Metallica", "Radiohead", "Arctic Monkeys", "Tableau", "Looker", "Jira",
          "Notion", "Figma", "Github", "United States", "Coldplay", "Nightwish", "Marimekko", "Nokia", "Rammstein",
          "Daft Punk", "Fiskars", "Skoda", "Tesco", "Zalando", "Mercado Libre", "Rakuten", "Samsung Pay",
          "Alibaba Cloud", "Amazon Redshift", "Google Sheets", "Power BI", "Dolly Parton's Imagination Library")
TITLES = ("Chief Revenue Officer", "Data Engineer", "Head of Growth", "Account Executive", "VP of Finance",
          "Staff Analyst", "Customer Success Manager", "Product Owner", "Site Reliability Engineer",
          "Regional Sales Director", "Compliance Officer", "Warehouse Supervisor")
PLACES = ("flew from Berlin", "Ort: Berlin", "office in Helsinki", "shipping to Osaka", "warehouse near Rotterdam",
          "Stadt: München", "the Madrid team", "customers in São Paulo", "region: Lombardy", "moved to Budapest",
          "ciudad: Bogotá", "sites in Ho Chi Minh City", "from Prague to Brno", "store in Nairobi")
TOOLS = ("Bash", "Git", "Read", "Edit", "Write", "Grep", "Glob", "WebFetch", "TodoWrite", "Skill", "Task",
         "NotebookEdit", "MultiEdit", "WebSearch")
RANGES = ("250-30000", "1-100", "10-20", "1000-5000", "0-255", "30-90", "5-15", "100-250000")
PLACEHOLDERS = ("YOUR_API_KEY", "xxx", "<token>", "sk-...", "REPLACE_ME", "<your-password>", "${DB_PASSWORD}",
                "XXXX-XXXX-XXXX-XXXX", "<insert key here>", "****", "your_token_here", "[REDACTED]", "TODO",
                "{{ secrets.API_TOKEN }}")
ENV_LOOKUPS = ('os.environ["OPENAI_API_KEY"]', "process.env.STRIPE_SECRET", 'os.getenv("DB_PASSWORD")',
               "${{ secrets.NPM_TOKEN }}", "$ANTHROPIC_API_KEY", 'ENV.fetch("SLACK_TOKEN")',
               "System.getenv(\"AWS_SECRET_ACCESS_KEY\")", "%GITHUB_TOKEN%", "env::var(\"HF_TOKEN\")")
COLUMNS = ("first_name", "last_name", "email_address", "phone_number", "date_of_birth", "ssn_last4", "iban",
           "card_brand", "billing_address", "passport_country", "customer_name", "zip_code")
WORDS = ("grant access in May", "we will review it", "Hope this helps", "the Bill of Materials", "Mark as done",
         "Frank feedback", "a condition is met", "until a condition is met", "Validating", "Generate a report",
         "the June cohort", "Rose 12% in April", "Amber alert threshold", "Summer sale")


def version(ctx: Ctx) -> str:
    g = ctx.rng
    return g.choice((f"v{g.randint(0, 9)}.{g.randint(0, 30)}.{g.randint(0, 99)}",
                     f"{g.randint(1, 5)}.{g.randint(0, 20)}.{g.randint(0, 9)}-rc.{g.randint(1, 5)}",
                     f"Python 3.{g.randint(8, 13)}.{g.randint(0, 12)}", f"node 2{g.randint(0, 2)}.{g.randint(0, 19)}.{g.randint(0, 9)}"))


def reference(ctx: Ctx) -> str:
    g = ctx.rng
    d = pii.digits
    return g.choice((f"ORD-{g.randint(2019, 2026)}-{d(ctx, 6)}", f"INC{d(ctx, 7)}", f"DATA-{g.randint(100, 9999)}",
                     f"INV-{d(ctx, 5)}", f"1Z{''.join(g.choice(string.ascii_uppercase + string.digits) for _ in range(16))}",
                     f"TBA{d(ctx, 12)}", f"PO#{d(ctx, 6)}", f"ticket #{d(ctx, 5)}", f"case {d(ctx, 8)}"))


def digest(ctx: Ctx) -> str:
    g = ctx.rng
    hexd = "0123456789abcdef"
    n = g.choice((7, 12, 32, 40, 64))
    body = "".join(g.choice(hexd) for _ in range(n))
    return g.choice((body, f"sha256:{body}" if n == 64 else body))


def a_uuid(ctx: Ctx) -> str:
    return str(uuid.UUID(int=ctx.rng.getrandbits(128), version=4))


def timestamp(ctx: Ctx) -> str:
    g = ctx.rng
    return g.choice((f"2025-{g.randint(1, 12):02d}-{g.randint(1, 28):02d}T{g.randint(0, 23):02d}:{g.randint(0, 59):02d}:{g.randint(0, 59):02d}Z",
                     str(g.randint(1_600_000_000, 1_800_000_000)),
                     f"{g.randint(1, 28):02d}/{g.choice(('Jan', 'Mar', 'Oct'))}/2025:{g.randint(0, 23):02d}:14:07 +0000"))


def port(ctx: Ctx) -> str:
    return ctx.rng.choice((f":{ctx.rng.choice((5432, 3306, 6379, 8080, 8443, 9092, 27017))}", f"port {ctx.rng.randint(1024, 65535)}"))


def bad_card(ctx: Ctx) -> str:
    return pii.group_card(ctx, checksums.bad_card(ctx.rng))


def one(ctx: Ctx, kind: str = "") -> Keep:
    """A look-alike of `kind` (or of a random kind)."""
    makers = {"brand": lambda: ctx.pick(BRANDS), "title": lambda: ctx.pick(TITLES), "place": lambda: ctx.pick(PLACES),
              "tool": lambda: ctx.pick(TOOLS), "range": lambda: ctx.pick(RANGES), "placeholder": lambda: ctx.pick(PLACEHOLDERS),
              "env": lambda: ctx.pick(ENV_LOOKUPS), "column": lambda: ctx.pick(COLUMNS), "word": lambda: ctx.pick(WORDS),
              "version": lambda: version(ctx), "reference": lambda: reference(ctx), "digest": lambda: digest(ctx),
              "uuid": lambda: a_uuid(ctx), "timestamp": lambda: timestamp(ctx), "port": lambda: port(ctx),
              "bad_iban": lambda: pii.bad_iban(ctx), "bad_card": lambda: bad_card(ctx)}
    return Keep(makers[kind or ctx.rng.choice(list(makers))]())
