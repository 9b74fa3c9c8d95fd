"""Finding actions rendered into the text that is forwarded.

`render` applies a segment's edits (see `filters.redact.pseudonyms` for each action's shape) and returns
the new text with the pseudonyms it minted. Overlapping edits are resolved first, so that no part
of any edited stretch is forwarded as it was:

- edits that overlap (directly or through a chain) form one group, rendered once over the union
  of their stretches;
- a group holding a `drop` is dropped (drop wins), under the entity of its longest drop;
- otherwise the group takes the entity and action of its longest edit (the outer one when one
  contains the others); on equal lengths the stricter action (mask > hash > pseudonymize), then
  the earlier edit.

Edits that only touch (one ends where the next starts) stay separate. A dropped stretch ending
in a newline leaves its marker on a line of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from filters.policy.decision import Edit
from filters.redact.pseudonyms import TenantKeys, drop_marker, mask_placeholder

EDIT_ACTIONS = ("pseudonymize", "hash", "mask", "drop")  # loosest first

__all__ = ["EDIT_ACTIONS", "Edit", "Rendered", "render"]


@dataclass(frozen=True)
class Rendered:
    """A text with its edits applied; `pseudonyms` maps each token in it to its original value."""

    text: str
    pseudonyms: dict[str, str] = field(default_factory=dict)


def _check(text: str, edits: Sequence[Edit]) -> list[Edit]:
    checked = []
    for edit in edits:
        if edit.action not in EDIT_ACTIONS:
            raise ValueError(f"cannot render finding action {edit.action!r}; expected one of: "
                             + ", ".join(EDIT_ACTIONS))
        if not 0 <= edit.start <= edit.end <= len(text):
            raise ValueError(f"edit [{edit.start}, {edit.end}) lies outside a text of {len(text)} characters")
        if edit.start < edit.end:
            checked.append(edit)
    return checked


def _rank(edit: Edit) -> tuple[int, int, int]:
    # Larger is preferred: longer, then stricter, then earlier.
    return (edit.end - edit.start, EDIT_ACTIONS.index(edit.action), -edit.start)


def _winner(group: list[Edit], start: int, end: int) -> Edit:
    drops = [e for e in group if e.action == "drop"]
    best = max(drops or group, key=_rank)
    return Edit(start, end, best.entity, best.action)


def resolve(text: str, edits: Sequence[Edit]) -> list[Edit]:
    """Non-overlapping edits in text order, one per group of overlapping ones (rules above)."""
    checked = _check(text, edits)
    if len(checked) == 1:   # most segments' one value: a group of one
        return [_winner(checked, checked[0].start, checked[0].end)]
    ordered = sorted(checked, key=lambda e: (e.start, -e.end))
    resolved: list[Edit] = []
    group: list[Edit] = []
    start = end = 0
    for edit in ordered:
        if group and edit.start < end:
            group.append(edit)
            end = max(end, edit.end)
            continue
        if group:
            resolved.append(_winner(group, start, end))
        group, start, end = [edit], edit.start, edit.end
    if group:
        resolved.append(_winner(group, start, end))
    return resolved


def render(text: str, edits: Sequence[Edit], keys: TenantKeys) -> Rendered:
    """`text` with `edits` applied (mask | pseudonymize | hash | drop); ValueError on any other action."""
    if not edits:
        return Rendered(text, {})
    pieces: list[str] = []
    pseudonyms: dict[str, str] = {}
    cursor = 0
    for edit in resolve(text, edits):
        pieces.append(text[cursor:edit.start])
        value = text[edit.start:edit.end]
        if edit.action == "pseudonymize":
            token = keys.pseudonym(edit.entity, value)
            pseudonyms.setdefault(token, value)  # spellings of one value share a token: keep the first
            pieces.append(token)
        elif edit.action == "hash":
            pieces.append(keys.hashed(edit.entity, value))
        elif edit.action == "mask":
            pieces.append(mask_placeholder(edit.entity))
        else:
            pieces.append(drop_marker(edit.entity) + ("\n" if value.endswith("\n") else ""))
        cursor = edit.end
    pieces.append(text[cursor:])
    return Rendered("".join(pieces), pseudonyms)
