"""Texts with nothing to find: coding-agent system prompts and tool manuals, schema, code, logs, look-alikes.

They must survive whole. A software vendor's generic no-reply or support address in its own tool manual is
not a person's data: it is must-keep here.
"""

from __future__ import annotations

from . import values
from .registry import Ctx, template

VENDOR_ADDRESSES = ["noreply@anthropic.com", "support@github.com", "no-reply@openai.com", "noreply@gitlab.com",
                    "security@npmjs.com", "support@sourcegraph.com"]


@template("test", "agent_prompt", clean=True, weight=3)
def agent_tools_a(c: Ctx):
    tool = c.pick(["Bash", "Git", "Skill", "Read", "Edit"])
    lo, hi = c.pick([(250, 30000), (1, 2000), (100, 600000)])
    c.a("You are an interactive CLI tool that helps users with software engineering tasks.\n\n")
    c.a(f"# Tool: {tool}\n")
    c.a({"Bash": "Executes a given bash command in a persistent shell session with optional timeout.",
         "Git": "Runs git subcommands in the repository. Never rewrite published history.",
         "Skill": "Loads a skill by name. Generate the skill's output only after Validating its inputs.",
         "Read": "Reads a file from the local filesystem. The file_path parameter must be an absolute path.",
         "Edit": "Performs exact string replacements in files. The edit will FAIL if old_string is not unique."}[tool])
    c.a(f"\n- timeout: optional, in milliseconds ({lo}-{hi}).\n")
    c.a(f"- Use `sleep` in a loop until a condition is met; do not poll more than every {c.n(2, 30)} seconds.\n")
    c.a(f"- When you commit, end the message with: Co-Authored-By: Claude <{c.pick(VENDOR_ADDRESSES)}>\n")
    c.a(f"Environment: platform linux, shell bash, model version {c.pick(values.DIGITS[1:])}.{c.n(0, 9)}.")


@template("dev", "agent_prompt", clean=True, weight=3)
def agent_tools_b(c: Ctx):
    c.a("## Tools\n\n")
    c.a(c.pick(["functions.shell", "apply_patch", "update_plan", "web.search"]))
    c.a(": ")
    c.a(c.pick(["Run a command and return its output. Prefer `rg` over `grep`.",
                "Apply a unified diff to the workspace. Validating the patch happens before writing.",
                "Keep a short plan. Mark a step completed until a condition is met, then move on.",
                "Search the web. Generate at most 5 queries per turn."]))
    c.a(f"\nParameters: {{\"type\": \"object\", \"properties\": {{\"max_output_tokens\": {{\"type\": \"integer\", "
        f"\"minimum\": {c.n(1, 500)}, \"maximum\": {c.n(10000, 64000)}}}, \"name\": {{\"type\": \"string\"}}}}}}\n")
    c.a(f"Report bugs to {c.pick(VENDOR_ADDRESSES)}. Sandbox: workspace-write, network off.")


@template("test", "sql", clean=True, weight=2)
def clean_sql_a(c: Ctx):
    c.a("```sql\nSELECT c.customer_id, c.email, c.ssn IS NOT NULL AS has_ssn, date_trunc('week', o.created_at) AS wk,\n")
    c.a("       count(*) AS orders, sum(o.total) AS revenue\nFROM customers c JOIN orders o USING (customer_id)\n")
    c.a(f"WHERE o.created_at BETWEEN '{c.day(365, 730).isoformat()}' AND "
        f"'{c.day(0, 365).isoformat()}'\n  AND c.country IN ('United States', 'Germany')\n")
    c.a(f"GROUP BY 1, 2, 3, 4 HAVING count(*) > {c.n(1, 20)};\n```\nHow do I make this faster on Postgres 16.2?")


@template("dev", "sql", clean=True, weight=2)
def clean_sql_b(c: Ctx):
    c.a("-- daily refunds per region\nWITH r AS (\n  SELECT region, refunded_at::date AS day, amount\n")
    c.a(f"  FROM finance.refunds WHERE refunded_at >= DATE '{c.day(0, 365).isoformat()}'\n)\n")
    c.a("SELECT region, day, SUM(amount) FILTER (WHERE amount > 0) AS total, full_name IS NULL AS anon\n")
    c.a(f"FROM r LEFT JOIN crm.people p ON p.region = r.region\nGROUP BY region, day ORDER BY day LIMIT {c.n(10, 1000)};")


@template("test", "log", clean=True, weight=2)
def clean_build_log(c: Ctx):
    c.a("Collecting numpy==1.26.4\n  Downloading numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.whl (18.3 MB)\n")
    c.a(f"sha256:{c.fk.sha256()}\nHEAD is now at {c.fk.sha1()[:7]} Merge pull request #{c.n(100, 9999)}\n")
    c.a(f"job {c.fk.uuid4()} finished in {c.n(2, 900)}.{c.n(0, 9)}s, {c.n(1, 100000)} rows written\n")
    c.a(f"order_id={c.n(10 ** 6, 10 ** 8)} invoice=INV-{c.n(2020, 2026)}-{c.n(1, 99999):05d} amount={c.n(1, 9999)}.{c.n(0, 99):02d}")


@template("dev", "log", clean=True, weight=2)
def clean_app_log(c: Ctx):
    c.a(f"[{c.moment(30).isoformat()}] worker-{c.n(1, 16)} picked batch {c.n(1, 99999)}"
        f" (size={c.n(10, 5000)}, retries=0)\n")
    c.a(f"commit {c.fk.sha1()} deployed as v{c.n(1, 9)}.{c.n(0, 30)}.{c.n(0, 20)}\n")
    c.a(f"trace_id={c.fk.uuid4()} span=checkout.render duration_ms={c.n(1, 3000)} region=eu-west-1\n")
    c.a(f"tracking number {values.not_luhn(c.rng, 15)} scanned at hub {c.pick(['HEL', 'FRA', 'LIS'])}")


@template("test", "prose", clean=True, weight=2)
def clean_question_a(c: Ctx):
    c.a(c.pick(["What's the best way to compare revenue in the United States vs Canada month over month?",
                "Our Data Engineer wants the churn model retrained weekly; is Airflow or Dagster a better fit?",
                "Can you explain why Github Actions caches aren't restored between the two jobs?"]))
    iban = values.iban(c.rng, valid=False, style="compact")
    c.a(c.pick([f" Also, the test fixture uses the dummy IBAN {iban}, which the validator correctly rejects.",
                f" Ticket volume went from {c.n(100, 900)} to {c.n(1000, 9000)} after the {c.pick(['v2.14.1', '3.11.7'])} release.",
                f" The Arctic Monkeys playlist export has {c.n(10, 99)} tracks, but the API returns {c.n(100, 999)}."]))


@template("dev", "prose", clean=True, weight=2)
def clean_question_b(c: Ctx):
    c.a(c.pick(["Rewrite this so it works on Python 3.12: `from collections import Mapping`.",
                "Summarise the Q3 numbers for Germany, France and Japan in three bullet points.",
                "How do I pin Node to v20.11.1 in the Dockerfile without breaking the Skill loader?"]))
    c.a(c.pick([f" The run id is {c.fk.uuid4()}.",
                f" Invoice {values.not_luhn(c.rng, 16)} has {c.n(2, 40)} lines.",
                f" The bad IBAN in the fixture is {values.iban(c.rng, valid=False, style='space')} and should stay."]))


@template("test", "config", clean=True)
def clean_json_a(c: Ctx):
    c.a("{\"name\": \"Github\", \"type\": \"integration\", \"version\": \"" + c.pick(["2.14.1", "3.0.0"]) + "\", ")
    c.a(f"\"homepage\": \"https://github.com/features/actions\", \"id\": \"{c.fk.uuid4()}\", \"price\": {c.n(0, 99)}.99}}")


@template("dev", "code", clean=True)
def clean_code_b(c: Ctx):
    c.a("```python\nimport datetime as dt\nimport re\n\nclass Matcher:\n    def __init__(self, pattern: str):\n")
    c.a("        self.re = re.compile(pattern)\n\n    def since(self, day: dt.date) -> bool:\n")
    c.a(f"        return day >= dt.date({c.n(2019, 2026)}, {c.n(1, 12)}, {c.n(1, 28)})\n```\nWhy is `self.re` None in tests?")
