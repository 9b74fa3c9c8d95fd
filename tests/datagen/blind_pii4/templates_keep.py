"""Texts where little or nothing is personal: a coding agent's tool manual, release notes, whole clean texts."""

from __future__ import annotations

from tests.datagen.blind_pii4.builder import Builder, K
from tests.datagen.blind_pii4.keeps import BANDS, BRANDS, PLACES, PRODUCTS, SQL_WORDS, TITLES, TOOLS, VERBS
from tests.datagen.blind_pii4.kit import Kit


def tool_manual(b: Builder, k: Kit) -> None:
    b.add(k.ph(["You are a coding agent. Tools:\n- <<t1>>: run a shell command; timeout in ms (<<r1>>).\n"
                "- <<t2>>: search file contents with a regex; prefer it over grep in <<t1>>.\n- <<t3>>: load a "
                "named skill before answering.\nRules: <<v1>> a plan first. Retry until a condition is met, at "
                "most <<r2>> times. Never commit <<c1>> directly.",
                "## Available tools\n<<t1>> | executes commands | limit <<r1>> lines\n<<t2>> | find files by "
                "pattern\n<<t3>> | <<v1>> tests for changed modules\nWhen <<v2>> output, quote the commit <<c1>>. "
                "Pages are <<r2>> tokens."],
               ["Tool reference\n* <<t1>>(path, old, new) - replace text; old must be unique.\n* <<t2>>(cmd) - "
                "<<v1>> the diff before writing. Valid sizes: <<r1>>.\n* <<t3>>(query) - see docs; back-off "
                "<<r2>> ms.\nThe last good build was <<c1>>.",
                "<tools>\n<tool name=\"<<t1>>\">Run it only when the user asks. Range <<r1>>.</tool>\n<tool "
                "name=\"<<t2>>\"><<v1>> each step.</tool>\n<tool name=\"<<t3>>\">Use for <<v2>>; "
                "window <<r2>>.</tool>\n</tools>\nBase revision <<c1>>."]),
          t1=k.of(TOOLS), t2=k.of(TOOLS), t3=k.of(TOOLS), v1=k.of(VERBS), v2=k.of(VERBS),
          r1=K(numeric_range(k)), r2=K(numeric_range(k)), c1=K(commit(k)))


def numeric_range(k: Kit) -> str:
    from tests.datagen.blind_pii4.keeps import numeric_range as make
    return make(k.rng)


def commit(k: Kit) -> str:
    from tests.datagen.blind_pii4.keeps import commit as make
    return make(k.rng)


def look_alikes(b: Builder, k: Kit) -> None:
    b.add(k.ph(["These ids came back from the warehouse API: <<a>>, <<b2>>, <<c>>. Which one is the shipment "
                "for the <<pr>>? Batch ran at <<d>>.",
                "Our test fixtures use <<a>> and <<b2>> as fake card/IBAN values (they fail validation on "
                "purpose). Build <<c>> at <<d>>."],
               ["Parse these into columns: ref=<<a>> alt=<<b2>> build=<<c>> at <<d>> (product: <<pr>>)",
                "changelog: bumped to <<c>>; fixture ids <<a>> / <<b2>> stay invalid; released <<d>>"]),
          a=k.bad_number(), b2=k.keep(), c=k.version(), d=k.ts(), pr=k.of(PRODUCTS))


def brands_places(b: Builder, k: Kit) -> None:
    b.add(k.ph(["Write a tweet: <<band>> plays <<pl>> next month, sponsored by <<br>>; tickets sold on the "
                "<<pr>> app. Mention the <<t>> who booked them.",
                "Compare <<br>> and <<br2>> for a <<t>> moving to <<pl>>."],
               ["Plan a trip: <<pl>>, then a <<band>> concert; I'll bring my <<pr>>. Budget from <<br>>.",
                "rank <<br>> vs <<br2>> as employers for a <<t>> in <<pl>>"]),
          band=k.of(BANDS), pl=k.of(PLACES), br=k.of(BRANDS), br2=k.of(BRANDS), pr=k.of(PRODUCTS),
          t=k.of(TITLES))


CLEAN = (["Explain the difference between a LEFT JOIN and an INNER JOIN, with a short example on a table of "
          "orders and a table of products.",
          "Write a haiku about autumn rain in the mountains.",
          "What are the trade-offs of using Redis as a message queue instead of RabbitMQ?",
          "Give me a regex that matches ISO 8601 dates like 2024-02-29.",
          "How do I configure retries with exponential back-off in Python's urllib3?",
          "Summarise the causes of the 2008 financial crisis in five bullet points.",
          "Convert this list to a markdown table: apples 3, pears 5, plums 12.",
          "Why does my React component render twice in development mode?"],
         ["What is the time complexity of heapq.nlargest, and when is sorted() faster?",
          "Suggest three names for a bakery that sells sourdough and coffee.",
          "Explain how Kubernetes liveness and readiness probes differ.",
          "Translate 'the meeting moved to Thursday afternoon' into French and Spanish.",
          "How many bytes does a UTF-8 encoded emoji usually take?",
          "Write a bash one-liner that counts lines in every .py file under src/.",
          "What does HTTP status 429 mean and how should a client react?",
          "Outline a 30-minute beginner yoga routine."])


OPENERS = (["Explain", "Give me an example of", "What are common mistakes with", "Write a short tutorial on"],
           ["How do I get started with", "Compare two approaches to", "List pitfalls of",
            "Summarise best practices for"])
TOPICS = (["Python decorators", "PostgreSQL window functions", "CSS grid layouts", "Rust lifetimes",
           "Terraform modules", "git rebase versus merge", "the OAuth 2.0 PKCE flow", "pandas groupby"],
          ["Go channels", "MySQL composite indexes", "flexbox alignment", "Kotlin coroutines", "Ansible roles",
           "git cherry-pick", "token expiry handling", "numpy broadcasting"])


def clean_text(b: Builder, k: Kit) -> None:
    """A whole text with nothing to find: it must arrive unchanged."""
    if k.rng.random() < 0.5:
        text = k.rng.choice(CLEAN[k.pool])
    else:
        text = f"{k.rng.choice(OPENERS[k.pool])} {k.rng.choice(TOPICS[k.pool])}."
    extra = k.ph([" Use <<kw>> where it helps.", ""], [" (mention <<kw>> if relevant)", ""])
    b.keep(text + extra.replace("<<kw>>", k.of(SQL_WORDS).text))


KEEP = [tool_manual, look_alikes, brands_places, clean_text]
