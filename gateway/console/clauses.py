"""The clauses of the two policy documents, read from the plain-text copies the operator provides.

Rules cite clauses as `AUP II.k` (section, letter, item) or `FAQ: <question>`. The AUP's numbering is
read from its lines: a roman numeral opens a section ("II. USE OF HEX AI FEATURES"), a capital letter
a subsection ("A. Use the Hex Offerings..."), a small letter an item ("c. Violating any person's...").
The FAQ's clauses are its questions; a rule citing one question of a heading that asks two
("How does Hex interact...? What data is sent...?") belongs to that heading.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("magic_gateway.console")

_SECTION = re.compile(r"^(?P<n>I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+(?P<text>.+)$")
_SUBSECTION = re.compile(r"^(?P<n>[A-Z])\.\s+(?P<text>.+)$")
_ITEM = re.compile(r"^(?P<n>[a-z])\.\s+(?P<text>.+)$")
_MAX_QUESTION_CHARS = 200


@dataclass(frozen=True)
class Clause:
    id: str          # as rules cite it: "AUP II.k", "FAQ: Who are Hex's LLM providers?"
    title: str       # the heading or the clause's first words
    text: str        # the clause's own words
    leaf: bool       # no clause below it: a rule can only cite it as a whole


def parse_aup(text: str) -> list[Clause]:
    clauses: list[Clause] = []
    section = sub = None
    pending: list[tuple[str, str, list[str]]] = []   # id, title, lines

    def close() -> None:
        for clause_id, title, lines in pending:
            clauses.append(Clause(clause_id, title, "\n".join(lines).strip(), True))
        pending.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if match := _SECTION.match(line):
            close()
            section, sub = match["n"], None
            pending.append((f"AUP {section}", match["text"], []))
        elif section and (match := _SUBSECTION.match(line)):
            if pending and pending[-1][0] == f"AUP {section}":   # the section has subsections: no leaf
                clause_id, title, lines = pending.pop()
                clauses.append(Clause(clause_id, title, "\n".join(lines).strip(), False))
            close()
            sub = match["n"]
            pending.append((f"AUP {section}.{sub}", match["text"][:80], [match["text"]]))
        elif section and (match := _ITEM.match(line)):
            parent = f"AUP {section}.{sub}" if sub else f"AUP {section}"
            if pending and pending[-1][0] == parent:     # the parent has items: it is no leaf
                clause_id, title, lines = pending.pop()
                clauses.append(Clause(clause_id, title, "\n".join(lines).strip(), False))
            else:
                close()
            pending.append((f"{parent}.{match['n']}", match["text"][:80], [match["text"]]))
        elif pending:
            pending[-1][2].append(line)
    close()
    return clauses


def parse_faq(text: str) -> list[Clause]:
    clauses: list[Clause] = []
    heading: str | None = None
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.endswith("?") and len(line) <= _MAX_QUESTION_CHARS and not line.startswith(("•", "-", "*")):
            if heading:
                clauses.append(Clause(f"FAQ: {heading}", heading, "\n".join(lines), True))
            heading, lines = line, []
        elif heading:
            lines.append(line)
    if heading:
        clauses.append(Clause(f"FAQ: {heading}", heading, "\n".join(lines), True))
    return clauses


class PolicyDocuments:
    """The clauses of whichever documents were provided, looked up the way rules cite them."""

    def __init__(self, clauses: list[Clause]) -> None:
        self.clauses = clauses
        self._by_id = {c.id: c for c in clauses}

    @classmethod
    def load(cls, aup: Path | None, faq: Path | None) -> PolicyDocuments:
        clauses: list[Clause] = []
        for path, parse in ((aup, parse_aup), (faq, parse_faq)):
            if path is None:
                continue
            try:
                clauses.extend(parse(path.read_text(encoding="utf-8")))
            except OSError as error:
                # The documents only add wording beside the rules; the gateway runs without them.
                log.warning("console: cannot read a policy document",
                            extra={"fields": {"path": str(path), "reason": error.strerror}})
        return cls(clauses)

    def find(self, cited: str) -> Clause | None:
        found = self._by_id.get(cited)
        if found is not None or not cited.startswith("FAQ: "):
            return found
        question = cited.removeprefix("FAQ: ")
        return next((c for c in self.clauses if c.id.startswith("FAQ: ") and question in c.title), None)

    def uncited(self, cited: set[str]) -> list[Clause]:
        """The leaf clauses no rule cites (a rule citing a clause covers the clauses inside it)."""
        covered = {c.id for c in (self.find(x) for x in cited) if c is not None}
        out = []
        for clause in self.clauses:
            if not clause.leaf or clause.id in covered:
                continue
            if any(clause.id.startswith(parent + ".") for parent in covered):
                continue
            out.append(clause)
        return out
