"""Print the per-split counts (clause, style, placement, expect) as the markdown tables of README.md.

    PYTHONPATH=. python -m tests.datagen.blind_use.counts
"""

from __future__ import annotations

import json
from collections import Counter

from .build import SPLITS, output_path


def _key(clause: str | None) -> tuple[int, str]:
    if clause is None:
        return (2, "")
    section, _, rest = clause.removeprefix("AUP ").partition(".")
    return (0 if section == "II" else 1, rest)


def table(field: str, cases: dict[str, list[dict]]) -> str:
    counts = {split: Counter(case[field] for case in rows) for split, rows in cases.items()}
    values = sorted({v for c in counts.values() for v in c}, key=_key if field == "clause" else str)
    lines = [f"| {field} | " + " | ".join(cases) + " |", "|---|" + "---:|" * len(cases)]
    for value in values:
        label = "none (benign look-alike)" if value is None else value
        lines.append(f"| {label} | " + " | ".join(str(counts[s][value]) for s in cases) + " |")
    lines.append("| **total** | " + " | ".join(str(len(rows)) for rows in cases.values()) + " |")
    return "\n".join(lines)


def main() -> None:
    cases = {split: [json.loads(line) for line in output_path(split).read_text(encoding="utf-8").splitlines()] for split in SPLITS}
    for field in ("clause", "expect", "placement", "style"):
        print(table(field, cases) + "\n")


if __name__ == "__main__":
    main()
