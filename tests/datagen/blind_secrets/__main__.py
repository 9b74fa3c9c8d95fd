"""`python -m datagen.blind_secrets [--split test|dev|both] [--stats]`: writes tests/data/blind_secrets/blind_pii_<split>.jsonl."""

from __future__ import annotations

import argparse

from .build import generate, stats, write


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m datagen.blind_secrets")
    ap.add_argument("--split", choices=["test", "dev", "both"], default="both")
    ap.add_argument("--stats", action="store_true", help="print counts only, write nothing")
    args = ap.parse_args()
    test = generate("test")
    splits = {"test": test, "dev": None}
    if args.split in ("dev", "both"):
        splits["dev"] = generate("dev", forbidden={v["plain"] for c in test for v in c["values"]})
    for name, cases in splits.items():
        if cases is None or (args.split != "both" and name != args.split):
            continue
        if not args.stats:
            print(f"wrote {write(name, cases)} ({len(cases)} cases)")
        for what, counter in stats(cases).items():
            print(f"[{name}] {what} ({len(counter)}): "
                  + ", ".join(f"{k} {n}" for k, n in sorted(counter.items(), key=lambda x: -x[1])))


if __name__ == "__main__":
    main()
