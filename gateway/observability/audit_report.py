"""`magic-gateway audit`: a summary of an audit trail by tenant, clause and entity, over a time range."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO


def trail_files(paths: Iterable[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.name.startswith("audit") and ".jsonl" in p.name))
        else:
            files.append(path)
    return files


def records(files: Iterable[Path], since: str | None, until: str | None) -> Iterator[dict[str, Any]]:
    for path in files:
        with open(path, encoding="utf-8") as stream:
            for line in stream:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                stamp = entry.get("time", "")
                if (since and stamp < since) or (until and stamp >= until):
                    continue
                yield entry


def summarise(entries: Iterable[dict[str, Any]]) -> dict[str, Any]:
    tenants: dict[str, Counter[str]] = {}
    clauses: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    total = 0
    first = last = None
    for entry in entries:
        total += 1
        stamp = entry.get("time")
        first = stamp if first is None or stamp < first else first
        last = stamp if last is None or stamp > last else last
        tenant = tenants.setdefault(entry.get("tenant") or "(none)", Counter())
        tenant["requests"] += 1
        tenant[f"outcome:{entry.get('outcome') or 'error'}"] += 1
        tenant["input_tokens"] += (entry.get("usage") or {}).get("input_tokens", 0)
        tenant["output_tokens"] += (entry.get("usage") or {}).get("output_tokens", 0)
        for violation in entry.get("violations") or []:
            clauses[f"{violation['clause']} ({violation['category']}, {violation['action']})"] += 1
        for entity, count in (entry.get("findings") or {}).items():
            entities[entity] += count
    return {"requests": total, "from": first, "to": last,
            "by_tenant": {t: dict(c) for t, c in sorted(tenants.items())},
            "by_clause": dict(clauses.most_common()), "by_entity": dict(entities.most_common())}


def print_summary(summary: dict[str, Any], out: TextIO) -> None:
    out.write(f"{summary['requests']} requests from {summary['from']} to {summary['to']}\n\nby tenant\n")
    for tenant, counts in summary["by_tenant"].items():
        outcomes = ", ".join(f"{k.split(':', 1)[1]} {v}" for k, v in sorted(counts.items()) if k.startswith("outcome:"))
        out.write(f"  {tenant}: {counts['requests']} requests ({outcomes}); tokens in {counts['input_tokens']}, "
                  f"out {counts['output_tokens']}\n")
    out.write("\nby clause\n")
    for clause, count in summary["by_clause"].items():
        out.write(f"  {count:6d}  {clause}\n")
    out.write("\nby entity\n")
    for entity, count in summary["by_entity"].items():
        out.write(f"  {count:6d}  {entity}\n")
