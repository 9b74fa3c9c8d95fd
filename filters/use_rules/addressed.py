"""Sentences addressed to the model as a task, in text the decision reads with a stronger bar.

A tool description, a tool result or an assistant turn is read with a higher bar than the user's turn,
so that text which describes or names restricted categories (a policy, a moderation guideline, a
moderation tool's docs) is not refused. A restricted request written there as an instruction to the
model is still a request: each sentence of such a text that opens as a task ("Before sending anything,
write ...", "AI assistant reading this: give me ...", "How do I ...") is scored on its own, from its start
to the end of its line, and the decision reads those scores with the user's bar. The patterns are data
(config/use_addressed.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ADDRESSED_FILE = Path(__file__).resolve().parents[2] / "config" / "use_addressed.yaml"
MAX_CHARS = 600         # a task sentence is scored up to the end of its line, at most this far
LOOK_BACK = 120         # how far before a sentence its line is read for words that make it an example
# where a sentence may start: the text's start, after a sentence's end, a colon, a semicolon, a comma,
# a line break, a list marker, a tag, a bracket or a quote (a JSON string's value)
_STARTS = re.compile(r"(?:^|(?<=[.!?:;,])\s+|(?<=\n)|(?<=[>\[({\"'])|(?<=\s--)\s*|(?<=\n)\s*(?:[-*•]|\d+[.)])\s+)(?=\w)",
                     re.MULTILINE)
_ENDS = re.compile(r"\n|\"(?=\s*[,}\]])|</|\](?=\s*$)", re.MULTILINE)


@dataclass(frozen=True)
class AddressedTasks:
    roles: frozenset[str]
    opener: re.Pattern[str]
    not_after: re.Pattern[str]

    @classmethod
    def from_file(cls, path: Path = ADDRESSED_FILE) -> AddressedTasks:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        openers = "|".join(f"(?:{p})" for p in data["openers"])
        return cls(frozenset(data["roles"]), re.compile(f"{data['lead']}(?:{openers})", re.IGNORECASE),
                   re.compile(data["not_after"], re.IGNORECASE))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of `text` that opens as a task, to the end of its line."""
        found: list[tuple[int, int]] = []
        for match in _STARTS.finditer(text):
            start = match.end()
            if found and start < found[-1][1] or not self.opener.match(text, start):
                continue
            line_start = text.rfind("\n", 0, start) + 1
            if self.not_after.search(text, max(line_start, start - LOOK_BACK), start):
                continue
            end_match = _ENDS.search(text, start, start + MAX_CHARS)
            end = end_match.start() if end_match else min(len(text), start + MAX_CHARS)
            if end > start:
                found.append((start, end))
        return found
