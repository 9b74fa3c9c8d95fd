"""Reader of the hand-written prompt files under `prompts/<split>/`.

The prompts are data, not code, so that they read as people write them. A file is a list of
lines `category | style | text`; a header line `@ clause=AUP II.h expect=block also=AUP I.C.a,AUP II.n`
sets the labels of the lines below it (`clause=none expect=allow` for the benign look-alikes);
`category[AUP I.B.b,AUP I.C.b]` replaces the header's `also` for that one line (`category[]`: none).
In a text, `\\n` is a line break, and ` ||| ` separates the turns of a hand-written conversation
(user, assistant, user, ...; the last turn carries the request).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

STYLES = frozenset(
    {"plain", "roleplay", "jailbreak", "named_person", "inference", "analytics_terms", "multi_turn", "professional"}
)
EXPECTS = frozenset({"block", "review", "allow"})
_HEADER = re.compile(r"^@\s+clause=(?P<clause>none|AUP [IV]+\.(?:[A-Z](?:\.[a-o])?|[a-o]))\s+expect=(?P<expect>\w+)(?:\s+also=(?P<also>.*))?$")


@dataclass(frozen=True)
class Prompt:
    split: str
    source: str
    line: int
    clause: str | None
    expect: str
    also: tuple[str, ...]
    category: str
    style: str
    turns: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.turns[-1]


def _unescape(text: str) -> str:
    return text.strip().replace("\\n", "\n")


def read_prompt_file(path: Path, split: str) -> list[Prompt]:
    prompts: list[Prompt] = []
    clause: str | None = None
    expect = ""
    also: tuple[str, ...] = ()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path.name}:{number}"
        if line.startswith("@"):
            header = _HEADER.match(line)
            if header is None:
                raise ValueError(f"{where}: bad header {line!r}")
            clause = None if header["clause"] == "none" else header["clause"]
            expect = header["expect"]
            if expect not in EXPECTS:
                raise ValueError(f"{where}: expect must be one of {sorted(EXPECTS)}")
            also = tuple(a.strip() for a in (header["also"] or "").split(",") if a.strip())
            continue
        if not expect:
            raise ValueError(f"{where}: a prompt before any header")
        parts = line.split(" | ", 2)
        if len(parts) != 3:
            raise ValueError(f"{where}: expected 'category | style | text'")
        category, style, text = (p.strip() for p in parts)
        line_also = also
        if category.endswith("]") and "[" in category:
            category, _, listed = category[:-1].partition("[")
            line_also = tuple(a.strip() for a in listed.split(",") if a.strip())
        if style not in STYLES:
            raise ValueError(f"{where}: unknown style {style!r}")
        turns = tuple(_unescape(t) for t in text.split(" ||| "))
        if len(turns) % 2 == 0:
            raise ValueError(f"{where}: a conversation must end on a user turn")
        prompts.append(Prompt(split, path.name, number, clause, expect, line_also, category, style, turns))
    return prompts


def read_split(folder: Path, split: str) -> list[Prompt]:
    prompts: list[Prompt] = []
    for path in sorted((folder / split).glob("*.txt")):
        prompts.extend(read_prompt_file(path, split))
    return prompts
