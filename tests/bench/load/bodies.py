"""The request bodies of the load benchmark, one JSON body per line as `post.lua` reads them.

"@@N@@" in a body is replaced by wrk with a word no other request of the run has used, so a body
file with it gives unique texts every time (no cache can help); without it a body is sent as is.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from tests.datagen.pii_cases import make_case

MODEL = "gpt-4o"
REPLY = "The nullable columns are customer_email and shipped_at."
REDACTION_SEED = 1616
REDACTION_CHARS = 2_000

# A turn of an analytics conversation with nothing sensitive in it: after one request, all cached.
CACHED = {"model": MODEL, "messages": [
    {"role": "system", "content": "You are a data assistant for the analytics workspace."},
    {"role": "user", "content": "Which columns of the orders table are nullable?\n"
                                "```sql\nSELECT * FROM orders LIMIT 5\n```"}]}
# A short prompt whose text is new every time.
FRESH = {"model": MODEL, "messages": [
    {"role": "user", "content": "Summarise the weekly revenue trend for the @@N@@ region in two sentences."}]}


def chat(text: str, **extra: Any) -> dict[str, Any]:
    return {"model": MODEL, "messages": [{"role": "user", "content": text}], **extra}


def redaction_texts(count: int, seed: int = REDACTION_SEED) -> tuple[list[str], float]:
    """`count` texts of 2,000 characters cut from the detection benchmark's generated messages (prose,
    SQL, code, tracebacks, tables, records, schema, profiles), each with 2 to 8 sensitive values; and
    the mean number of values per text."""
    rng = random.Random(seed)
    texts: list[str] = []
    values = 0
    while len(texts) < count:
        text, held = "", 0
        while len(text) < REDACTION_CHARS:
            case = make_case(rng)
            offset = len(text) + (2 if text else 0)
            text += ("\n\n" if text else "") + case.text
            held += sum(1 for v in case.values if v["end"] + offset <= REDACTION_CHARS)
        if 2 <= held <= 8:
            texts.append(text[:REDACTION_CHARS])
            values += held
    return texts, values / count


def write_bodies(path: Path, bodies: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(body, ensure_ascii=False) + "\n" for body in bodies), encoding="utf-8")
    return path


def write_all(folder: Path) -> tuple[dict[str, Path], float]:
    """cached, fresh and redaction body files in `folder`, and the redaction texts' mean sensitive values."""
    texts, per_text = redaction_texts(200)
    files = {
        "cached": write_bodies(folder / "cached.jsonl", [CACHED]),
        "fresh": write_bodies(folder / "fresh.jsonl", [FRESH]),
        # The unique word leads the text, so each 2 KB segment is new to the gateway's cache.
        "redaction": write_bodies(folder / "redaction.jsonl", [chat(f"Ticket @@N@@.\n{t}") for t in texts]),
    }
    return files, per_text
