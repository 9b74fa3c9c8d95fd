"""Hand-written benign prompts as data, and the one parser that reads them.

Each prompt module holds blocks of text, one prompt per line, so that the
prompts read as what they are (data written by a person) rather than code.
A literal ``\\n`` inside a line stands for a line break in the prompt; lines
starting with ``#`` are the writer's notes and are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """One benign text with the labels the output schema needs."""

    text: str
    category: str
    near: str | None
    style: str = "plain"
    placement: str = "user"


def block(category: str, near: str | None, lines: str, style: str = "plain",
          placement: str = "user") -> list[Item]:
    """Parse a block of one-prompt-per-line text into items sharing labels."""
    items = []
    for raw in lines.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        items.append(Item(line.replace("\\n", "\n"), category, near, style, placement))
    return items


def paragraphs(category: str, near: str | None, text: str, style: str = "policy_text",
               placement: str = "user") -> list[Item]:
    """Parse longer texts separated by a line holding only ``---``."""
    items = []
    for chunk in text.split("\n---\n"):
        body = chunk.strip("\n")
        if body.strip():
            items.append(Item(body.strip(), category, near, style, placement))
    return items
