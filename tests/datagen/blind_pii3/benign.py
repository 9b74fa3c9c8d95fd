"""Cases with nothing to find: only look-alikes that must come through untouched."""

from __future__ import annotations

from . import lookalikes, render
from .case import Case, Ctx, Keep
from .records import keep_record

PROSE = ("We {0} after the {1} launch; the {2} asked for a breakdown by {3}.",
         "Our {2} {0} — can you chart revenue for the {1} accounts, {3}?",
         "The {1} integration broke when we upgraded to {3}. The {2} says {0}.",
         "Compare {1} and the rest, {3}. Our {2} thinks {0}.",
         "Notes from the sync: {0}; {1} pipeline is green; the {2} owns {3}.",
         "Quick question from the {2}: {0}? It's about {1} ({3}).")
TOOL_MANUAL = ("You can use these tools: {0}, {1}, {2}. Use {0} to run shell commands; the timeout must be in {3} ms. "
               "Keep calling {1} until a condition is met. Call {2} with a path, never with a glob.\n",
               "## Tools\n- {0}: runs a command in a persistent shell.\n- {1}: reads a file (offset, limit {3}).\n"
               "- {2}: replaces text in a file.\nOnly use {0} for {4}.\n",
               "Available: {0} | {1} | {2}. Limits: {3}. When {4}, stop and ask.\n",
               "<tools>\n<tool name=\"{0}\"/>\n<tool name=\"{1}\"/>\n<tool name=\"{2}\" max=\"{3}\"/>\n</tools>\nNote: {4}\n")
SQL = ("SELECT {0}, {1}, COUNT(*) AS n\nFROM crm.customers\nWHERE created_at > '{2}' AND region = 'EU'\nGROUP BY 1, 2;\n",
       "-- ticket {3}\nSELECT c.{0}, c.{1} FROM customers c WHERE c.{0} IS NOT NULL LIMIT 100;\n",
       "ALTER TABLE people ADD COLUMN {0} TEXT, ADD COLUMN {1} TEXT; -- {3}, since {2}\n",
       "CREATE TABLE leads ({0} VARCHAR(80), {1} VARCHAR(120), updated_at TIMESTAMP DEFAULT '{2}'); -- {3}\n")
LOG = ("{0} INFO worker-3 job={1} digest={2} duration_ms=412 range={3}\n",
       "[{0}] build {1} finished, artifact {2}, retry window {3}\n",
       "{0} WARN order {1} stuck; idempotency key {2}; backoff {3}s\n",
       "time={0} level=info msg=\"deploy ok\" release={1} commit={2} ports={3}\n")
CODE = ('api_key = {0}\nif not api_key:\n    raise SystemExit("set the key, e.g. {1}")\n# schema {2}\n',
        "const token = {0} ?? '{1}';\n// request id {2}\n",
        'headers = {{"Authorization": "Bearer {1}"}}  # read from {0}; trace {2}\n',
        "export OPENAI_API_KEY={1}   # then: {0}\n# build {2}\n")


def prose(ctx: Ctx, case: Case) -> None:
    case.fill(ctx.pick(PROSE), [lookalikes.one(ctx, "word"), lookalikes.one(ctx, "brand"), lookalikes.one(ctx, "title"),
                                lookalikes.one(ctx, ctx.rng.choice(("place", "reference", "range")))])


def tool_manual(ctx: Ctx, case: Case) -> None:
    tools = ctx.rng.sample([t for t in lookalikes.TOOLS if t in lookalikes.TOOLS[ctx.half::2]], 3)
    case.fill(ctx.pick(TOOL_MANUAL), [Keep(t) for t in tools] + [lookalikes.one(ctx, "range"), lookalikes.one(ctx, "word")])


def sql(ctx: Ctx, case: Case) -> None:
    cols = ctx.rng.sample(list(lookalikes.COLUMNS), 2)
    case.fill(ctx.pick(SQL), [Keep(cols[0]), Keep(cols[1]), lookalikes.one(ctx, "timestamp"), lookalikes.one(ctx, "reference")])


def log(ctx: Ctx, case: Case) -> None:
    for _ in range(ctx.rng.randint(1, 3)):
        case.fill(ctx.pick(LOG), [lookalikes.one(ctx, "timestamp"), lookalikes.one(ctx, ctx.rng.choice(("reference", "version"))),
                                  lookalikes.one(ctx, ctx.rng.choice(("digest", "uuid"))),
                                  lookalikes.one(ctx, ctx.rng.choice(("range", "port")))])


def code(ctx: Ctx, case: Case) -> None:
    case.fill(ctx.pick(CODE), [lookalikes.one(ctx, "env"), lookalikes.one(ctx, "placeholder"),
                               lookalikes.one(ctx, ctx.rng.choice(("uuid", "digest", "version")))])


def structured(ctx: Ctx, case: Case) -> None:
    fmt = ctx.rng.choice(list(render.ONE) + list(render.MANY))
    if fmt in render.MANY:
        first = keep_record(ctx, 3)
        rows = [first] + [[(k, lookalikes.one(ctx, "reference" if i % 2 else "version")) for i, (k, _) in enumerate(first)]]
        render.MANY[fmt](ctx, case, rows)
    else:
        render.ONE[fmt](ctx, case, keep_record(ctx, ctx.rng.randint(2, 5)))
    case.shape = f"benign_{fmt}"


SHAPES = {"prose": prose, "tool_manual": tool_manual, "sql": sql, "log": log, "code": code, "structured": structured}
