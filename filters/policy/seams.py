"""A value split across two parts of one message ("My card is 4111 1111" + " 1111 1111, thanks").

The adapter reads where two parts meet as one more segment (a seam: the last characters of one part and
the first of the next). A value found across that cut is masked in both parts, each half where it
stands, as the value's entity: the request goes out without it, and each part keeps its place.
"""

from __future__ import annotations

from collections.abc import Sequence

from filters.policy.verdict import Edit, SegmentVerdict, Verdict
from filters.segments import Segment


def mask_across(verdict: Verdict, segments: Sequence[Segment], seam: Segment, crossing: Sequence[Edit]) -> bool:
    """Masks each edit of `crossing` (offsets in the seam's text, across its cut) in the two parts the seam
    joins; False when either part is not a segment of the request (then it is refused instead)."""
    offset = int(seam.path[1])
    left_path = seam.path[2:]
    last = left_path[-2]
    if not isinstance(last, int):
        return False
    right_path = left_path[:-2] + (last + 1, left_path[-1])
    where = {segment.path: index for index, segment in enumerate(segments)}
    if left_path not in where or right_path not in where:
        return False
    left, right = where[left_path], where[right_path]
    head_start = len(segments[left].text) - offset
    for edit in crossing:
        _add(verdict.segments[left], Edit(head_start + edit.start, len(segments[left].text), edit.entity, "mask"))
        _add(verdict.segments[right], Edit(0, edit.end - offset, edit.entity, "mask"))
    if verdict.outcome == "allow":
        verdict.outcome = "redact"
    return True


def _add(segment_verdict: SegmentVerdict, edit: Edit) -> None:
    """The edit, with any edit it overlaps taken into it (one mask covers both)."""
    for edits in (segment_verdict.edits, segment_verdict.forwarded_edits):
        start, end = edit.start, edit.end
        kept = []
        for other in edits:
            if other.start < end and start < other.end:
                start, end = min(start, other.start), max(end, other.end)
            else:
                kept.append(other)
        kept.append(Edit(start, end, edit.entity, "mask"))
        edits[:] = sorted(kept, key=lambda e: (e.start, e.end))
