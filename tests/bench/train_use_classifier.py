"""Trains the learned use classifier and writes config/use_classifier/model.npz (run by hand, never by `make test`).

    .venv/bin/python -m tests.bench.train_use_classifier [--c 4.0]

Data: the files config/use_classifier/manifest.yaml lists (train split only for fitting; dev split
for the thresholds). The test splits are never read here. Features are filters.use_rules.features,
the very function that scores at run time; scikit-learn fits one logistic regression per family.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
from collections import Counter
from pathlib import Path

import numpy as np
import yaml

from filters.use_rules.classifier import ANY, FAMILIES_FILE, MODEL_DIR, load_families
from filters.use_rules.features import raw_features

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = MODEL_DIR / "manifest.yaml"
BENIGN_PASS_GOAL = 0.99   # thresholds: the lowest that passes this share of dev benign texts


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def labelled(manifest: dict, split: str, labels: list[str]) -> tuple[list[str], list[set[str]]]:
    """Texts and their family labels: the request itself, the message holding it, and every other turn as benign."""
    texts: list[str] = []
    targets: list[set[str]] = []
    for name in manifest["splits"][split]:
        for row in rows(ROOT / name):
            found = {c for c in [row.get("clause"), *row.get("also", [])] if c in labels}
            if row.get("expect") in ("block", "review") and not found:
                continue   # a clause no family covers (the rules' job): neither positive nor negative
            request = row["text"] if row.get("expect") != "allow" else None
            for message in row["messages"]:
                content = message["content"]
                if request is not None and request in content:
                    texts.append(content)
                    targets.append(found)
                elif request is None:
                    texts.append(content)
                    targets.append(set())
                else:
                    texts.append(content)     # the conversation's other turns are benign
                    targets.append(set())
            if request is not None:
                texts.append(request)
                targets.append(found)
    if split == "train":
        for name in manifest.get("documents", []):
            # Documents that describe the restricted uses (the AUP itself, the FAQ, the design): benign.
            text = (ROOT / name).read_text(encoding="utf-8") if not name.startswith("/") else Path(name).read_text()
            for paragraph in re.split(r"\n\s*\n", text):
                if len(paragraph.strip()) > 40:
                    texts.append(paragraph.strip())
                    targets.append(set())
    return texts, targets


def vocabulary(texts: list[str], min_df: int) -> tuple[list[str], list[float], int]:
    df: Counter[str] = Counter()
    for text in texts:
        words, chars = raw_features(text)
        df.update(set(words) | set(chars))
    kept = sorted(f for f, n in df.items() if n >= min_df)
    words = [f for f in kept if not f.startswith("c:")]
    chars = [f for f in kept if f.startswith("c:")]
    ordered = words + chars
    n = len(texts)
    idf = [math.log((1 + n) / (1 + df[f])) + 1.0 for f in ordered]
    return ordered, idf, len(words)


def matrix(texts: list[str], index: dict[str, int], idf: list[float]):
    from scipy.sparse import csr_matrix

    from filters.use_rules.features import weighted
    data, cols, ptr = [], [], [0]
    for text in texts:
        words, chars = raw_features(text)
        for n, v in weighted(words, index, idf) + weighted(chars, index, idf):
            cols.append(n)
            data.append(v)
        ptr.append(len(cols))
    return csr_matrix((data, cols, ptr), shape=(len(texts), len(index)), dtype=np.float64)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--c", type=float, default=None, help="inverse regularisation (default: the manifest's)")
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression

    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    families, _, _ = load_families(FAMILIES_FILE)
    labels = [f.clause for f in families]
    texts, targets = labelled(manifest, "train", labels)
    vocab, idf, word_count = vocabulary(texts, manifest.get("min_df", 2))
    index = {f: i for i, f in enumerate(vocab)}
    X = matrix(texts, index, idf)
    c = args.c or manifest.get("c", 4.0)
    # One head per family, and a last head for "restricted at all" (every family's data pooled): it
    # sees more examples than any family alone; its score goes to the family that scores highest.
    heads = labels + [ANY]
    coef = np.zeros((len(vocab), len(heads)), dtype=np.float32)
    intercept = np.zeros(len(heads))
    for k, label in enumerate(heads):
        y = np.array([bool(t) if label == ANY else label in t for t in targets], dtype=int)
        model = LogisticRegression(C=manifest.get("c_any", c) if label == ANY else c, class_weight="balanced",
                                   max_iter=2000, solver="liblinear")
        model.fit(X, y)
        coef[:, k] = model.coef_[0]
        intercept[k] = model.intercept_[0]
    # Thresholds on the dev split: per family, the lowest probability that dev benign texts stay under
    # for BENIGN_PASS_GOAL of them, but never below 0.5.
    dev_texts, dev_targets = labelled(manifest, "dev", labels)
    Xd = matrix(dev_texts, index, idf)
    probs = 1 / (1 + np.exp(-(Xd @ coef + intercept)))
    benign = np.array([not t for t in dev_targets])
    thresholds = np.zeros(len(heads))
    for k, label in enumerate(heads):
        negatives = np.sort(probs[benign, k])
        quantile = negatives[min(len(negatives) - 1, int(math.ceil(BENIGN_PASS_GOAL * len(negatives))) - 1)]
        thresholds[k] = float(min(max(quantile + 1e-6, manifest.get("min_threshold", 0.5)), 0.97))
        positives = probs[np.array([bool(t) if label == ANY else label in t for t in dev_targets]), k]
        print(f"{label:10s} threshold {thresholds[k]:.3f}  dev positives over it "
              f"{int((positives >= thresholds[k]).sum())}/{len(positives)}")
    out = MODEL_DIR / "model.npz"
    # Small: float16 coefficients, features with all-zero coefficients dropped.
    keep = np.abs(coef).max(axis=1) > 1e-4
    kept = [f for f, k in zip(vocab, keep) if k]
    np.savez_compressed(
        out,
        vocabulary=np.frombuffer("\n".join(kept).encode("utf-8"), dtype=np.uint8),
        word_count=np.array(sum(1 for f in kept if not f.startswith("c:"))),
        idf=np.array(idf, dtype=np.float32)[keep],
        coef=coef[keep].astype(np.float16),
        intercept=intercept,
        thresholds=thresholds,
        labels=np.frombuffer("\n".join(heads).encode("utf-8"), dtype=np.uint8),
    )
    digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16]
    print(f"wrote {out.relative_to(ROOT)}: {len(kept)} features, {len(labels)} families and the pooled head, "
          f"{out.stat().st_size // 1024} KiB, sha256 {digest}; trained on {len(texts)} texts")


if __name__ == "__main__":
    main()
