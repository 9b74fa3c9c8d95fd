"""Seeded generator of labelled mixed messages for span data-class inference.

Each case is a message as an analytics assistant's users write it: prose questions around fenced and
unfenced SQL and Python, pasted result tables (markdown, psql, CSV, TSV), JSON records, tracebacks,
printed DataFrames, schema descriptions and DDL, and workspace users' profile fields. Every character
carries a label: the kind of the part it belongs to. A part's line endings and the blank lines after
it belong to the part; a fence's marker lines belong to the fence's content.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

TEST_SEED = 20260611
DEV_SEED = 1337
TEST_COUNT = 500

KIND_CLASS = {"prose": "input", "code": "input", "sql": "input", "table": "output", "record": "output",
              "traceback": "output", "log": "output", "schema": "metadata", "profile": "account"}

TABLES = {
    "orders": ["order_id", "customer_id", "total", "status", "created_at", "region"],
    "customers": ["customer_id", "email", "first_name", "last_name", "signup_date", "plan_tier"],
    "events": ["event_id", "user_id", "event_type", "occurred_at", "session_id", "platform"],
    "invoices": ["invoice_id", "account_id", "amount_due", "currency", "due_date", "paid_at"],
    "subscriptions": ["subscription_id", "customer_id", "plan", "mrr", "started_at", "canceled_at"],
    "tickets": ["ticket_id", "requester_id", "priority", "opened_at", "closed_at", "channel"],
    "payments": ["payment_id", "invoice_id", "method", "amount", "settled_at", "country"],
}
TYPES = ["INTEGER", "BIGINT", "VARCHAR(255)", "TEXT", "TIMESTAMP", "DATE", "NUMERIC(12,2)", "BOOLEAN", "UUID"]
FIRST = ["Jane", "Omar", "Priya", "Lucas", "Mei", "Tomasz", "Aisha", "Diego", "Hannah", "Kwame", "Sofia", "Ivan"]
LAST = ["Doe", "Haddad", "Raman", "Moreau", "Chen", "Kowalski", "Bello", "Ortega", "Schmidt", "Mensah", "Rossi"]
ROLES = ["Admin", "Editor", "Viewer", "Manager", "Member", "Explorer"]
REGIONS = ["north", "south", "emea", "apac", "latam", "west"]
STATUSES = ["shipped", "pending", "refunded", "canceled", "delivered"]
EXCEPTIONS = [("KeyError", "'{col}'"), ("ValueError", "could not convert string to float: 'n/a'"),
              ("TypeError", "unsupported operand type(s) for +: 'int' and 'str'"),
              ("AttributeError", "'DataFrame' object has no attribute '{col}'"),
              ("ZeroDivisionError", "division by zero"), ("IndexError", "list index out of range")]

INTROS = {
    "code_part": ["Here's my query:", "This is what I ran:", "The notebook cell:", "My current code is", "I tried this"],
    "table": ["Output:", "Result below.", "Sample rows:", "And the data looks like this:", "Expected something like:"],
    "record": ["The API returns:", "Sample rows:", "Here's one record:", "Payload:"],
    "traceback": ["I get this error:", "Full stack trace:", "It fails with", "Error:"],
    "log": ["It prints this:", "Output:", "df.head() gives", "Printed output:"],
    "schema": ["Here is the schema:", "Columns for context:", "For reference, the DDL:", "Schema below."],
    "profile": ["From the users panel:", "My profile:", "These are the people in the workspace:", "Requested by:"],
}
QUESTIONS = [
    "Why is my {metric} query returning duplicate rows?",
    "Can you help me write a query that finds {metric} by {dim} for last quarter?",
    "I'm trying to compute weekly {metric} per {dim} but the totals don't match the dashboard.",
    "Select the customers who churned last month and explain why the count differs from finance's number.",
    "From the {table} table, which {dim} had the highest {metric} in March?",
    "With this data, can you build a bar chart of {metric} by {dim}?",
    "Update: I fixed the join but the totals are still off by about 3%.",
    "Note: created_at is stored in UTC, so the daily buckets might be shifted.",
    "Why does `df.groupby('{dim}')` silently drop the rows where {dim} is null?",
    "Should I use a LEFT JOIN or an INNER JOIN between {table} and customers here?",
    "Thanks, that worked! One more thing: how do I add a 7-day rolling average?",
    "Goal: weekly retention by signup cohort, excluding test accounts.",
    "Context: we migrated from Redshift to Snowflake last month and some queries broke.",
    "Is there a faster way to do this? The cell takes four minutes to run.",
    "Can you explain what this error means and how to fix it?",
    "Please rewrite it so it works in BigQuery, and keep the CTE structure.",
    "The numbers below look wrong compared to last week's report.",
    "Where does the extra row come from? I expected exactly one row per {dim}.",
    "Delete nothing yet, I just want to see which rows would be affected.",
    "Insert a short summary at the top of the notebook explaining the {metric} trend.",
    "Order matters here: I need the latest {table} record per customer.",
    "Deadline: Friday. Priority: high, since the board deck depends on it.",
    "Create a table of the top 10 {dim}s by {metric}, formatted for Slack.",
    "Group by week and exclude internal users; the filter should use the plan_tier column.",
    "Who on our team has edit access to this project? I want to ask them before changing it.",
    "If the {dim} is missing, should we treat it as 'unknown' or drop the row?",
    "My query scans about 1.2M rows from {table}, is that expected for a simple filter?",
    "Select, filter, then aggregate, in that order, right?",
]
BULLETS = ["- group by week, not by day", "- exclude test accounts", "- use the {table} table as the source",
           "- make sure refunds are subtracted", "* keep it readable for the finance team",
           "1. load the data", "2. clean the {dim} column", "3. plot {metric} over time"]
METRICS = ["revenue", "churn", "conversion rate", "average order value", "active users", "MRR", "refund rate"]
DIMS = ["region", "channel", "plan", "platform", "country", "cohort"]


@dataclass(frozen=True)
class ClassifyCase:
    """One labelled message: spans [start, end) with their kind and data class, covering the text."""

    text: str
    spans: list[dict[str, object]]


class _Gen:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def pick(self, items):  # type: ignore[no-untyped-def]
        return self.r.choice(items)

    def fill(self, template: str) -> str:
        table = self.pick(list(TABLES))
        return template.format(metric=self.pick(METRICS), dim=self.pick(DIMS), table=table,
                               col=self.pick(TABLES[table]))

    def person(self) -> tuple[str, str, str]:
        first, last = self.pick(FIRST), self.pick(LAST)
        domain = self.pick(["acme.com", "globex.io", "initech.co", "umbrella.org"])
        return f"{first} {last}", f"{first[0].lower()}{last.lower()}", f"{first.lower()}.{last.lower()}@{domain}"

    def table_cols(self, n: int | None = None) -> tuple[str, list[str]]:
        table = self.pick(list(TABLES))
        cols = TABLES[table][:]
        self.r.shuffle(cols)
        return table, cols[: n or self.r.randint(2, 5)]

    def value(self, col: str) -> str:
        r = self.r
        if col.endswith("_id"):
            return str(r.randint(1000, 99999))
        if col.endswith(("_at", "_date")):
            return f"2024-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        if col in ("total", "amount", "amount_due", "mrr"):
            return f"{r.uniform(1, 5000):.2f}"
        if col == "email":
            return self.person()[2]
        if col in ("first_name", "last_name"):
            return self.pick(FIRST if col == "first_name" else LAST)
        if col in ("status",):
            return self.pick(STATUSES)
        if col in ("region", "country"):
            return self.pick(REGIONS if col == "region" else ["US", "DE", "BR", "IN", "JP", "FR"])
        return self.pick(["web", "ios", "android", "email", "pro", "basic", "high", "low", "card", "EUR", "USD"])

    # ---- input: prose, SQL, code ----
    def prose(self) -> list[tuple[str, str]]:
        r = self.r
        shape = r.random()
        if shape < 0.55:
            text = " ".join(self.fill(self.pick(QUESTIONS)) for _ in range(r.randint(1, 3)))
        elif shape < 0.7:
            text = self.fill(self.pick(QUESTIONS)) + "\n" + "\n".join(self.fill(b) for b in r.sample(BULLETS, 3))
        elif shape < 0.8:
            text = self.pick(["## Context", "### What I tried", "**Problem**", "# Question"]) + "\n" + \
                self.fill(self.pick(QUESTIONS))
        else:
            text = self.fill(self.pick(QUESTIONS)) + "\n" + self.fill(self.pick(QUESTIONS))
        return [(text, "prose")]

    def sql(self) -> str:
        r = self.r
        table, cols = self.table_cols()
        up = (lambda s: s.upper()) if r.random() < 0.75 else (lambda s: s.lower())
        where = f"{self.pick(TABLES[table])} {self.pick(['>=', '=', '<>', 'IS NOT'])} " + \
            self.pick(["'2024-01-01'", "'shipped'", "NULL", "{{ start_date }}", "100"])
        if r.random() < 0.3:
            return f"{up('select')} {', '.join(cols)} {up('from')} {table} {up('where')} {where}" + \
                self.pick(["", ";", f" {up('limit')} 100"])
        lines = [up("select"), *[f"    {c}," for c in cols[:-1]], f"    {cols[-1]}"]
        if r.random() < 0.4:
            lines[-1] += ","
            lines.append(f"    {up('count')}(*) {up('as')} n")
        lines += [f"{up('from')} {table} t", f"{up('where')} {where}"]
        if r.random() < 0.5:
            lines.insert(len(lines) - 1, f"{up('left join')} customers c {up('on')} c.customer_id = t.customer_id")
        if r.random() < 0.3:
            lines.append(f"  {up('and')} t.{cols[0]} {up('is not null')}  -- skip test rows")
        if r.random() < 0.5:
            lines += [f"{up('group by')} " + ", ".join(str(i + 1) for i in range(len(cols))),
                      f"{up('order by')} 1 {up('desc')}"]
        if r.random() < 0.3:
            lines = [f"{up('with')} base {up('as')} ("] + ["  " + x for x in lines] + \
                [")", f"{up('select')} * {up('from')} base {up('limit')} 50"]
        text = "\n".join(lines)
        return text + (";" if r.random() < 0.4 else "")

    def python(self) -> str:
        r = self.r
        table, cols = self.table_cols()
        pool = [
            "import pandas as pd", "import numpy as np", "from datetime import datetime, timedelta",
            f"df = pd.read_sql(\"SELECT * FROM {table}\", conn)",
            f"df['{cols[0]}'] = pd.to_datetime(df['{cols[0]}'], errors='coerce')",
            f"summary = df.groupby('{cols[-1]}').agg(n=('{cols[0]}', 'count'), total=('{cols[0]}', 'sum'))",
            "merged = df.merge(customers, on='customer_id', how='left')",
            "# drop rows without a region before grouping", f"df = df[df['{cols[0]}'].notna()]",
            "print(df.shape)", "print(summary.head(10))", f"weekly = df.resample('W', on='{cols[0]}').sum()",
            f"mask = (df['{cols[0]}'] > 0) | (df['{cols[-1]}'].isna())",
            "fig, ax = plt.subplots(figsize=(10, 4))", f"ax.plot(weekly.index, weekly['{cols[-1]}'])",
            "results = {\"mean\": df.total.mean(), \"p95\": df.total.quantile(0.95)}",
            "summary.to_csv('summary.csv', index=False)",
        ]
        lines = r.sample(pool, r.randint(2, 5))
        if r.random() < 0.35:
            lines += [f"def {self.pick(['clean', 'summarise', 'load_week'])}(frame, col='{cols[0]}'):",
                      "    \"\"\"Drop nulls and sort.\"\"\"", "    out = frame.dropna(subset=[col])",
                      "    for name, group in out.groupby(col):", "        print(name, len(group))",
                      "    return out.sort_values(col)"]
        if r.random() < 0.2:
            lines += ["try:", "    value = int(row['amount'])", "except ValueError:", "    value = None"]
        return "\n".join(lines)

    def fenced(self, body: str, langs: list[str]) -> str:
        return f"```{self.pick(langs)}\n{body}\n```"

    def code_part(self) -> list[tuple[str, str]]:
        r = self.r
        if r.random() < 0.5:
            body, kind, langs = self.sql(), "sql", ["sql", "sql", "SQL", "postgresql", "", "snowflake"]
        else:
            body, kind, langs = self.python(), "code", ["python", "python", "py", "", "python3"]
        return [(self.fenced(body, langs) if r.random() < 0.6 else body, kind)]

    # ---- output: tables, records, tracebacks, printed output ----
    def rows(self, cols: list[str], n: int) -> list[list[str]]:
        return [[self.value(c) for c in cols] for _ in range(n)]

    def table_text(self, cols: list[str], rows: list[list[str]]) -> str:
        r = self.r
        style = r.random()
        if style < 0.45:
            lines = ["| " + " | ".join(cols) + " |", "|" + "|".join(self.pick(["---", ":---", "---:"]) for _ in cols) + "|"]
            lines += ["| " + " | ".join(row) + " |" for row in rows]
        elif style < 0.55:
            lines = [" | ".join(cols), " | ".join("---" for _ in cols)] + [" | ".join(row) for row in rows]
        elif style < 0.67:
            widths = [max(len(c), *(len(row[i]) for row in rows)) for i, c in enumerate(cols)]
            lines = [" " + " | ".join(c.ljust(w) for c, w in zip(cols, widths)),
                     "-" + "-+-".join("-" * w for w in widths) + "-"]
            lines += [" " + " | ".join(v.ljust(w) for v, w in zip(row, widths)) for row in rows]
            lines.append(f"({len(rows)} rows)")
        elif style < 0.9:
            quote = r.random() < 0.2
            lines = [",".join(cols)] + [",".join(f'"{v}"' if quote else v for v in row) for row in rows]
        else:
            lines = ["\t".join(cols)] + ["\t".join(row) for row in rows]
        return "\n".join(lines)

    def table(self) -> list[tuple[str, str]]:
        _, cols = self.table_cols()
        text = self.table_text(cols, self.rows(cols, self.r.randint(2, 6)))
        if self.r.random() < 0.2:
            text = self.fenced(text, ["", "text", "csv"] if "," in text else ["", "text"])
        return [(text, "table")]

    def record(self) -> list[tuple[str, str]]:
        r = self.r
        _, cols = self.table_cols()
        items = [{c: _number(v) for c, v in zip(cols, row)} for row in self.rows(cols, r.randint(1, 3))]
        style = r.random()
        if style < 0.35:
            text = json.dumps(items if len(items) > 1 else items[0], indent=2)
        elif style < 0.55:
            text = json.dumps(items)
        elif style < 0.7:
            text = "\n".join(json.dumps(item) for item in items)
        elif style < 0.85:
            text = repr(items)
        else:
            text = json.dumps({"data": items, "count": len(items)}, indent=self.pick([2, 4]))
        if r.random() < 0.3:
            text = self.fenced(text, ["json", "json", ""])
        return [(text, "record")]

    def traceback(self) -> list[tuple[str, str]]:
        r = self.r
        table, cols = self.table_cols()
        name, message = self.pick(EXCEPTIONS)
        message = message.format(col=cols[0])
        style = r.random()
        if style < 0.45:
            frames = []
            for _ in range(r.randint(1, 3)):
                path = self.pick(["/tmp/ipykernel_42/1234.py", "/usr/lib/python3.11/site-packages/pandas/core/frame.py",
                                  "notebook.py", "/app/etl/load.py"])
                frames += [f'  File "{path}", line {r.randint(2, 4000)}, in {self.pick(["<module>", "__getitem__", "load", "get_loc"])}',
                           f"    {self.pick(['return self._engine.get_loc(key)', 'df[col].sum()', 'total += row[3]', 'value = float(raw)'])}"]
            text = "\n".join(["Traceback (most recent call last):", *frames, f"{name}: {message}"])
        elif style < 0.7:
            text = "\n".join([
                "-" * 75, f"{name}{' ' * (42 - len(name))}Traceback (most recent call last)",
                f"Cell In[{r.randint(1, 40)}], line {r.randint(1, 9)}", f"----> 1 df['{cols[0]}'].mean()", "",
                "File ~/.venv/lib/python3.11/site-packages/pandas/core/frame.py:3761, in DataFrame.__getitem__(self, key)",
                "   3759 if self.columns.nlevels > 1:", "   3760     return self._getitem_multilevel(key)",
                "-> 3761 indexer = self.columns.get_loc(key)", "", f"{name}: {message}"])
        elif style < 0.88:
            col = self.pick(TABLES[table])
            text = "\n".join([
                "Traceback (most recent call last):", '  File "run.py", line 12, in <module>',
                "    cur.execute(query)",
                f'psycopg2.errors.UndefinedColumn: column "{col}x" does not exist',
                f"LINE 1: SELECT {col}x FROM {table}", "               ^"])
            if r.random() < 0.5:
                text = "\n".join([f'sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedColumn) column "{col}x" does not exist',
                                  f"[SQL: SELECT {col}x FROM {table}]",
                                  "(Background on this error at: https://sqlalche.me/e/20/f405)"])
        else:
            text = f"{name}: {message}"
        if r.random() < 0.3:
            text = self.fenced(text, ["", "text", "pytb", "python"])
        return [(text, "traceback")]

    def log(self) -> list[tuple[str, str]]:
        r = self.r
        _, cols = self.table_cols(r.randint(2, 4))
        rows = self.rows(cols, r.randint(2, 5))
        widths = [max(len(c), *(len(row[i]) for row in rows)) + 2 for i, c in enumerate(cols)]
        frame = ["   " + "".join(c.rjust(w) for c, w in zip(cols, widths))]
        frame += [str(i).ljust(3) + "".join(v.rjust(w) for v, w in zip(row, widths)) for i, row in enumerate(rows)]
        style = r.random()
        if style < 0.35:
            text = "\n".join(frame)
        elif style < 0.5:
            text = f"Out[{r.randint(1, 60)}]:\n" + "\n".join(frame)
        elif style < 0.65:
            text = "\n".join(frame + ["", f"[{len(rows)} rows x {len(cols)} columns]"])
        elif style < 0.78:
            text = "\n".join([f"{i}    {r.uniform(0, 100):.2f}" for i in range(r.randint(2, 5))] +
                             [f"Name: {cols[0]}, dtype: float64"])
        elif style < 0.9:
            text = "\n".join(["<class 'pandas.core.frame.DataFrame'>", f"RangeIndex: {r.randint(100, 90000)} entries",
                              f"Data columns (total {len(cols)} columns):"] +
                             [f" {i}   {c}  {r.randint(50, 900)} non-null  {self.pick(['int64', 'object', 'float64'])}"
                              for i, c in enumerate(cols)] + ["memory usage: 1.2+ MB"])
        else:
            text = "\n".join([f"({r.randint(10, 99999)}, {len(cols)})",
                              f"{self.pick(['Mean order value', 'p95 latency', 'Rows after dedup'])}: {r.uniform(1, 999):.2f}"])
            return [(self.fenced(text, ["", "text"]), "log")]
        if r.random() < 0.25:
            text = self.fenced(text, ["", "text", "output"])
        return [(text, "log")]

    # ---- metadata: schema ----
    def ddl(self) -> str:
        table, cols = self.table_cols(self.r.randint(3, 6))
        body = [f"    {c} {self.pick(TYPES)}{self.pick(['', ' NOT NULL', ' PRIMARY KEY' if i == 0 else ''])}"
                for i, c in enumerate(cols)]
        text = f"CREATE TABLE {self.pick(['', 'analytics.', 'public.'])}{table} (\n" + ",\n".join(body) + "\n);"
        if self.r.random() < 0.3:
            text += f"\nCREATE INDEX idx_{table}_{cols[1]} ON {table} ({cols[1]});"
        return text

    def schema(self) -> list[tuple[str, str]]:
        r = self.r
        table, cols = self.table_cols(r.randint(3, 6))
        n = self.pick(["1.2M", "48,213", "3,904,112", "870k", "12 million", "2.4B"])
        style = r.random()
        if style < 0.25:
            text = self.ddl()
            if r.random() < 0.6:
                text = self.fenced(text, ["sql", "sql", ""])
        elif style < 0.4:
            text = self.pick([f"Columns: {', '.join(cols)}", f"columns: {', '.join(cols)}",
                              f"Table `{table}` ({n} rows): {', '.join(cols)}", f"{table}({', '.join(cols)})"])
        elif style < 0.55:
            lines = [self.pick([f"The `{table}` table has {n} rows.", f"{table}: {n} rows",
                                f"table {table} has {n} rows", f"Row count: {n}"])]
            if r.random() < 0.5:
                lines.append(f"column {cols[1]}: {self.pick(['FK to customers', 'nullable', 'unique per day'])}")
            text = "\n".join(lines)
        elif style < 0.8:
            descs = ["FK to customers.customer_id", "primary key", "timestamp in UTC when the row was created",
                     "the plan tier at signup", "nullable; empty for guest checkouts", "ISO country code",
                     "amount in cents, including tax", "foreign key to invoices"]
            lines = [f"- `{c}` ({self.pick(['int', 'text', 'timestamp', 'numeric'])}): {self.pick(descs)}" if r.random() < 0.6
                     else f"- {c}: {self.pick(descs)}" for c in cols]
            if r.random() < 0.5:
                lines.insert(0, f"Table: {table}")
            text = "\n".join(lines)
        else:
            rows = [[c, self.pick(["int", "text", "timestamp", "numeric", "bool"]),
                     self.pick(["primary key", "FK to customers", "UTC timestamp", "nullable", "status code"])] for c in cols]
            text = self.table_text(self.pick([["column", "type", "description"], ["column_name", "data_type", "notes"]]), rows)
        return [(text, "schema")]

    # ---- account: profile ----
    def profile(self) -> list[tuple[str, str]]:
        r = self.r
        people = [self.person() for _ in range(r.randint(1, 4))]
        name, user, email = people[0]
        style = r.random()
        if style < 0.35:
            fields = [("username", user), ("Name", name), ("Email", email), ("Role", self.pick(ROLES)),
                      ("Team", self.pick(["Growth", "Finance", "Data Platform"])), ("Last login", "2024-05-02 09:14")]
            chosen = fields[:2] + r.sample(fields[2:], r.randint(1, 3))
            text = "\n".join(f"{k if r.random() < 0.5 else k.lower()}: {v}" for k, v in chosen)
        elif style < 0.55:
            text = f"Name: {name}, Email: {email}, Role: {self.pick(ROLES)}"
        elif style < 0.85:
            cols = self.pick([["username", "name", "email", "role"], ["name", "email", "workspace_role", "last_active"],
                              ["username", "email", "role"]])
            data = {"username": lambda p: p[1], "name": lambda p: p[0], "email": lambda p: p[2],
                    "role": lambda p: self.pick(ROLES), "workspace_role": lambda p: self.pick(ROLES),
                    "last_active": lambda p: f"2024-0{r.randint(1, 9)}-1{r.randint(0, 9)}"}
            text = self.table_text(cols, [[data[c](p) for c in cols] for p in people])
        else:
            text = "\n".join(f"{p[0]} <{p[2]}> ({self.pick(ROLES)})" for p in people)
        return [(text, "profile")]

    # ---- messages ----
    PARTS = [("prose", 3.0), ("code_part", 2.0), ("table", 1.2), ("record", 1.0), ("traceback", 1.0),
             ("log", 1.0), ("schema", 1.2), ("profile", 0.8)]

    def message(self) -> ClassifyCase:
        r = self.r
        names = [n for n, _ in self.PARTS]
        weights = [w for _, w in self.PARTS]
        pieces: list[tuple[str, str]] = []
        for i in range(r.randint(2, 6)):
            name = "prose" if i == 0 and r.random() < 0.7 else r.choices(names, weights)[0]
            part = getattr(self, name)()
            if name != "prose" and r.random() < 0.45:
                part = [(self.pick(INTROS[name]), "prose")] + part
                part = [(part[0][0] + "\n" + ("\n" if r.random() < 0.5 else ""), "prose")] + part[1:]
            if pieces:
                text, kind = pieces[-1]
                pieces[-1] = (text + self.pick(["\n\n", "\n\n", "\n"] if name == "prose" else ["\n\n"]), kind)
            pieces.extend(part)
        if r.random() < 0.3:
            text, kind = pieces[-1]
            pieces[-1] = (text + "\n", kind)
        return _labelled(pieces)


def _number(value: str) -> object:
    try:
        return float(value) if "." in value else int(value)
    except ValueError:
        return value


def _labelled(pieces: list[tuple[str, str]]) -> ClassifyCase:
    spans: list[dict[str, object]] = []
    text, at = "", 0
    for piece, kind in pieces:
        if spans and spans[-1]["kind"] == kind:
            spans[-1]["end"] = at + len(piece)
        else:
            spans.append({"start": at, "end": at + len(piece), "data_class": KIND_CLASS[kind], "kind": kind})
        text += piece
        at += len(piece)
    return ClassifyCase(text, spans)


def generate(seed: int, count: int = TEST_COUNT) -> list[ClassifyCase]:
    """`count` labelled messages drawn from `seed`."""
    gen = _Gen(random.Random(seed))
    return [gen.message() for _ in range(count)]


def char_labels(case: ClassifyCase) -> list[str]:
    """The data class of every character of the case's text."""
    labels = [""] * len(case.text)
    for span in case.spans:
        for i in range(int(span["start"]), int(span["end"])):  # type: ignore[arg-type]
            labels[i] = str(span["data_class"])
    return labels


def write_jsonl(cases: list[ClassifyCase], path: Path) -> None:
    """Write cases one JSON object a line."""
    with path.open("w", encoding="utf-8") as out:
        for case in cases:
            out.write(json.dumps({"text": case.text, "spans": case.spans}, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[ClassifyCase]:
    """Read cases written by `write_jsonl`."""
    with path.open(encoding="utf-8") as source:
        return [ClassifyCase(**json.loads(line)) for line in source if line.strip()]


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "data" / "classify_test.jsonl"
    if target.exists() and "--force" not in sys.argv:
        raise SystemExit(f"{target} exists: the test split is frozen")
    write_jsonl(generate(TEST_SEED), target)
    print(f"wrote {target}")
