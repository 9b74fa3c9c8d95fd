"""Print the rows per clause and split of the committed files: `cd tests && python -m datagen.blind_use2.counts`."""

from __future__ import annotations

import json
from collections import Counter

from datagen.blind_use2.build import SPLITS, output_path


def main() -> None:
    for kind, field in (("restricted", "clause"), ("benign", "near")):
        counts = {split: Counter(json.loads(line)[field] or "(none)"
                                 for line in output_path(kind, split).read_text(encoding="utf-8").splitlines())
                  for split in SPLITS}
        print(f"{kind} by {field}: " + " / ".join(SPLITS))
        for key in sorted(set().union(*counts.values())):
            print(f"  {key}: " + " / ".join(str(counts[split][key]) for split in SPLITS))
        print("  all: " + " / ".join(str(sum(counts[split].values())) for split in SPLITS))


if __name__ == "__main__":
    main()
