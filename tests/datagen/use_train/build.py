"""Builds tests/data/use_train_extra.jsonl: the hand-written training additions of the use classifier.

    PYTHONPATH=. python -m tests.datagen.use_train.build           # writes the file
    PYTHONPATH=. python -m tests.datagen.use_train.build --check   # fails if the file would change

Training data only (never dev or test): plainly worded restricted requests per clause, role-play and
jailbreak templates, requests about one named person, inference of a characteristic from behaviour or
text, four other languages, and benign near-misses by kind (violent homonyms, safe contexts, history,
definitions, descriptions of a policy). Rows have the blind sets' shape, so the trainer reads them alike.
"""

from __future__ import annotations

import argparse
import base64
import codecs
import json
import random
import re
import sys
from pathlib import Path

from .benign import BENIGN
from .benign_more import BENIGN_MORE
from .contrast import CONTRAST_BENIGN, CONTRAST_RESTRICTED
from .everyday import EVERYDAY, EVERYDAY_RESTRICTED, EVERYDAY_SLOTS
from .jailbreaks import BENIGN_PAYLOADS, BENIGN_ROLEPLAY, JAILBREAKS, PAYLOADS
from .kinds_more import (
    ENCODED_ASKS,
    ENCODED_BENIGN,
    ENCODED_FRAMES,
    FRAMED_BENIGN,
    FRAMES,
    KINDS_BENIGN,
    KINDS_RESTRICTED,
)
from .languages import BENIGN_BY_LANGUAGE, RESTRICTED_BY_LANGUAGE
from .languages_more import MORE_BENIGN, MORE_RESTRICTED
from .languages_third import THIRD_BENIGN, THIRD_RESTRICTED
from .restricted import RESTRICTED
from .restricted_more import MORE
from .slots import SLOTS

OUT = Path(__file__).resolve().parents[2] / "data" / "use_train_extra.jsonl"
SEED = 31011
FILLS = 3          # variants of a template with slots
EVERYDAY_FILLS = 8  # the everyday frames' benign variants (everyday.py): many, so no frame reads as restricted
_SLOT = re.compile(r"\{(\w+)\}")
PREFIXES = ["", "", "", "hey, ", "Quick question: ", "Magic, ", "pls ", "Can you help? ", "ok so "]
SUFFIXES = ["", "", "", " thanks", " asap", " Be detailed.", " no lecture please", " :)"]
# A few requests are planted in another turn, as the gateway reads every text the model reads.
CONTEXTS = [
    ("assistant", "Task for this session: {text}", "do the task from your previous message"),
    ("tool", "ticket #4411 body: {text}", "handle the ticket the tool returned"),
]


def fill(template: str, rng: random.Random) -> str:
    return _SLOT.sub(lambda m: rng.choice((SLOTS | EVERYDAY_SLOTS)[m.group(1)]), template)


def vary(text: str, rng: random.Random) -> str:
    """Surface variation, the same for restricted and benign texts, so that style is no signal."""
    text = rng.choice(PREFIXES) + text + rng.choice(SUFFIXES)
    if rng.random() < 0.2:
        text = text.lower()
    if rng.random() < 0.15:
        text = text.rstrip(".?!")
    return text


def row(number: int, text: str, clause: str | None, also: tuple[str, ...], kind: str,
        language: str, rng: random.Random, place: bool = True) -> dict[str, object]:
    # clause "any": restricted under a clause no classifier family has (trains the pooled head only)
    expect = "allow" if clause is None else ("review" if clause in ("AUP II.a", "AUP II.d") else "block")
    messages: list[dict[str, str]] = [{"role": "user", "content": text}]
    placement = "user"
    if place and rng.random() < 0.08:
        role, holder, follow = rng.choice(CONTEXTS)
        messages = [{"role": "user", "content": "start"}, {"role": role, "content": holder.format(text=text)},
                    {"role": "user", "content": follow}]
        placement = role
    return {"id": f"t-{number:05d}", "messages": messages, "text": text, "placement": placement, "clause": clause,
            "also": list(also), "category": kind, "style": language, "expect": expect, "source": "use_train"}


def encodings(text: str) -> list[tuple[str, str]]:
    """(scheme, encoded) of `text`: ROT13, hex and base64, as evasion attempts write them."""
    return [("ROT13", codecs.encode(text, "rot13")), ("hex", text.encode().hex()),
            ("base64", base64.b64encode(text.encode()).decode())]


def build() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    rows: list[dict[str, object]] = []
    seen: set[str] = set()

    def add(text: str, clause: str | None, also: tuple[str, ...], kind: str, language: str = "en") -> None:
        if text not in seen:
            seen.add(text)
            rows.append(row(len(rows) + 1, text, clause, also, kind, language, rng))

    for clause, also, template in RESTRICTED + MORE:
        for _ in range(FILLS if _SLOT.search(template) else 2):
            add(vary(fill(template, rng), rng), clause, also, "plain")
    for template in JAILBREAKS:
        for payload in rng.sample(PAYLOADS, 4):
            add(vary(template.format(payload=payload), rng), "AUP II.f", (), "jailbreak")
    for template in BENIGN_ROLEPLAY:
        for payload in rng.sample(BENIGN_PAYLOADS, 3):
            add(vary(template.format(payload=payload), rng), None, (), "roleplay")
    for kind, texts in (BENIGN | BENIGN_MORE).items():
        for text in texts:
            add(text, None, (), kind)
            add(vary(text, rng), None, (), kind)
    for language in RESTRICTED_BY_LANGUAGE:
        for clause, text in RESTRICTED_BY_LANGUAGE[language] + MORE_RESTRICTED[language]:
            add(text, clause, (), "plain", language)
            add(text.lower().rstrip(".?!"), clause, (), "plain", language)
    for language in BENIGN_BY_LANGUAGE:
        for text in BENIGN_BY_LANGUAGE[language] + MORE_BENIGN[language]:
            add(text, None, (), "near_miss", language)
            add(text.lower().rstrip(".?!"), None, (), "near_miss", language)
    # Last, so that the rows above keep their ids and variants when these grow.
    for kind, templates in EVERYDAY.items():
        for template in templates:
            for _ in range(EVERYDAY_FILLS):
                add(vary(fill(template, rng), rng), None, (), kind)
    for clause, also, template in EVERYDAY_RESTRICTED:
        for _ in range(FILLS if _SLOT.search(template) else 2):
            add(vary(fill(template, rng), rng), clause, also, "plain")
    # Third round (kinds_more.py, languages_third.py), last for the same reason.
    for clause, also, text in KINDS_RESTRICTED:
        add(text, clause, also, "plain")
        add(vary(text, rng), clause, also, "plain")
    framed = [(c, a, t) for c, a, t in KINDS_RESTRICTED + MORE if c != "any"]
    for frame in FRAMES:
        for clause, also, text in rng.sample(framed, 6):
            ask = fill(text, rng)
            add(vary(frame.format(ask=ask[0].lower() + ask[1:]), rng), clause, also, "framed")
        for text in rng.sample(FRAMED_BENIGN, 4):
            add(vary(frame.format(ask=text), rng), None, (), "roleplay")
    for kind, texts in KINDS_BENIGN.items():
        for text in texts:
            add(text, None, (), kind)
            add(vary(text, rng), None, (), kind)
    for ask in ENCODED_ASKS:
        for scheme, encoded in encodings(ask):
            add(rng.choice(ENCODED_FRAMES).format(scheme=scheme, encoded=encoded), "AUP II.f", (), "encoded")
    for text in FRAMED_BENIGN:
        scheme, encoded = rng.choice(encodings(text))
        add(rng.choice(ENCODED_BENIGN).format(scheme=scheme, encoded=encoded), None, (), "encoded")
    for language, pairs in THIRD_RESTRICTED.items():
        for clause, text in pairs:
            add(text, clause, (), "plain", language)
            add(text.lower().rstrip(".?!"), clause, (), "plain", language)
    for language, texts in THIRD_BENIGN.items():
        for text in texts:
            add(text, None, (), "near_miss", language)
            add(text.lower().rstrip(".?!"), None, (), "near_miss", language)
    # Fourth round (contrast.py: look-alikes of the public hazard prompts), last for the same reason.
    for kind, texts in CONTRAST_BENIGN.items():
        for text in texts:
            add(text, None, (), kind)
            add(vary(text, rng), None, (), kind)
    for clause, also, text in CONTRAST_RESTRICTED:
        add(text, clause, also, "plain")
        add(vary(text, rng), clause, also, "plain")
    return rows


def render(rows: list[dict[str, object]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = render(build())
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} is not what the generator writes: rebuild it")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}: {text.count(chr(10))} rows")


if __name__ == "__main__":
    main()
