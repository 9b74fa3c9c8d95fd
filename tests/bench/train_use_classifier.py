"""Trains the learned use classifier and writes config/use_classifier/model.npz (run by hand, never by `make test`).

    PYTHONPATH=. .venv/bin/python -m tests.datagen.use_train.public --mirror /work/.mirror --out /tmp/use_public
    .venv/bin/python -m tests.bench.train_use_classifier --public-dir /tmp/use_public [--c 4.0] [--weight NAME=W]
        [--min-df 3] [--benign-pass 0.995] [--max-threshold 0.99]

The shipped model is built with --public-dir and the manifest's weights (see its `public` note and README
"Restricted uses"), without --embeddings SCALE (wordllama's static embeddings as extra features, folded into head scores per
token; needs `pip install wordllama`; measured and not shipped, same README section).

Data: the files config/use_classifier/manifest.yaml lists (train split, `extra` and `public` for
fitting; dev split for the thresholds). The test splits are never read here. The public sets are
converted from git snapshots of their repositories (commit and sha256 in the manifest) by
tests/datagen/use_train/public.py; they are not committed. Features are filters.use_rules.features' TextFeatures,
the very code that scores at run time; scikit-learn fits one logistic regression per family.
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
from filters.use_rules.features import TextFeatures, feature_names
from filters.use_rules.token_table import TokenTable

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = MODEL_DIR / "manifest.yaml"
NO_EXTRA = False          # --no-extra: the splits alone (to measure what the additions bring)
EXTRA: list[str] = []     # --extra FILE: instead of the manifest's `extra` (to try a new version)
WEIGHTS: dict[str, float] = {}   # --weight NAME=W: a public source's weight instead of the manifest's (0: left out)
BENIGN_PASS_GOAL = 0.99   # thresholds: the lowest that passes this share of dev benign texts (--benign-pass)
MAX_THRESHOLD = 0.97      # and never above this (--max-threshold; the manifest's max_threshold)


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sources(manifest: dict, split: str, public_dir: Path | None) -> list[tuple[Path, float]]:
    """The files of a split, each with its weight in fitting."""
    found = [(ROOT / name, 1.0) for name in manifest["splits"][split]]
    if split == "train":
        found += [(ROOT / name, 1.0) for name in (EXTRA or manifest.get("extra", [])) if not NO_EXTRA]
        if public_dir is not None:
            weighted = [(public_dir / f"{s['name']}.jsonl", WEIGHTS.get(s["name"], float(s.get("weight", 1.0))))
                        for s in manifest.get("public", [])]
            found += [(path, weight) for path, weight in weighted if weight > 0]
    return found


def set_name(path: Path) -> str:
    """The blind set a split file belongs to: use_blind2_benign_dev.jsonl -> use_blind2."""
    return re.sub(r"_(restricted|benign)_(train|dev|test)$", "", path.stem)


def labelled(manifest: dict, split: str, labels: list[str], public_dir: Path | None = None,
             with_set: bool = False) -> tuple[list[str], list[set[str]], list]:
    """Texts, their family labels and weights (with_set: the set name of each text instead): the request
    itself, the message holding it, and every other turn as benign. A row labelled `any` (restricted,
    family unknown) trains the pooled head only."""
    texts: list[str] = []
    targets: list[set[str]] = []
    weights: list = []
    for path, source_weight in sources(manifest, split, public_dir):
        weight = set_name(path) if with_set else source_weight
        for row in rows(path):
            if row.get("clause") == ANY:
                texts.append(row["text"])
                targets.append({ANY})
                weights.append(weight)
                continue
            found = {c for c in [row.get("clause"), *row.get("also", [])] if c in labels}
            if row.get("expect") in ("block", "review") and not found:
                continue   # a clause no family covers (the rules' job): neither positive nor negative
            request = row["text"] if row.get("expect") != "allow" else None
            for message in row["messages"]:
                content = message["content"]
                texts.append(content)
                weights.append(weight)
                if request is not None and request in content:
                    targets.append(found)
                else:
                    targets.append(set())     # a benign text, or the conversation's other turns
            if request is not None:
                texts.append(request)
                targets.append(found)
                weights.append(weight)
    if split == "train":
        for name in manifest.get("documents", []):
            # Documents that describe the restricted uses (the AUP itself, the FAQ, the design): benign.
            text = (ROOT / name).read_text(encoding="utf-8") if not name.startswith("/") else Path(name).read_text()
            for paragraph in re.split(r"\n\s*\n", text):
                if len(paragraph.strip()) > 40:
                    texts.append(paragraph.strip())
                    targets.append(set())
                    weights.append(1.0)
    return texts, targets, weights


def vocabulary(texts: list[str], min_df: int) -> tuple[list[str], list[float], int]:
    df: Counter[str] = Counter()
    for text in texts:
        df.update(feature_names(text))
    kept = sorted(f for f, n in df.items() if n >= min_df)
    words = [f for f in kept if not f.startswith("c:")]
    chars = [f for f in kept if f.startswith("c:")]
    ordered = words + chars
    n = len(texts)
    idf = [math.log((1 + n) / (1 + df[f])) + 1.0 for f in ordered]
    return ordered, idf, len(words)


def matrix(texts: list[str], index: dict[str, int], idf: list[float]):
    """The texts' features, computed as scoring computes them (float64 idf: the model stores float32)."""
    from scipy.sparse import csr_matrix

    features = TextFeatures(index, np.array(idf, dtype=np.float64))
    numbers, values = zip(*(features.of(text) for text in texts)) if texts else ((), ())
    ptr = np.cumsum([0] + [len(n) for n in numbers])
    cols = np.concatenate(numbers) if texts else np.zeros(0, dtype=np.int64)
    data = np.concatenate(values) if texts else np.zeros(0)
    return csr_matrix((data, cols, ptr), shape=(len(texts), len(index)), dtype=np.float64)


def wordllama_embeddings() -> tuple[list[str], np.ndarray, str]:
    """The token pieces and the 256-dimension embedding matrix inside the installed wordllama wheel (read
    from its files: no wordllama import, no download), and the weights' sha256."""
    import importlib.util
    spec = importlib.util.find_spec("wordllama")
    if spec is None or spec.origin is None:
        raise SystemExit("--embeddings needs the wordllama wheel: pip install 'wordllama>=0.4'")
    package = Path(spec.origin).parent
    vocab = json.loads((package / "tokenizers" / "l2_supercat_tokenizer_config.json").read_text())["model"]["vocab"]
    pieces = [""] * len(vocab)
    for piece, number in vocab.items():
        pieces[number] = piece
    raw = (package / "weights" / "l2_supercat_256.safetensors").read_bytes()
    size = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8:8 + size])["embedding.weight"]
    start, end = header["data_offsets"]
    matrix_ = np.frombuffer(raw[8 + size + start:8 + size + end], dtype=np.float16).reshape(header["shape"])
    return pieces, matrix_.astype(np.float32), hashlib.sha256(raw).hexdigest()


def pooled(texts: list[str], table: TokenTable, embedding: np.ndarray) -> np.ndarray:
    """Mean of each text's token embeddings (zeros for a text without tokens)."""
    out = np.zeros((len(texts), embedding.shape[1]), dtype=np.float32)
    for i, text in enumerate(texts):
        tokens = table.tokens(text)
        if tokens:
            out[i] = embedding[tokens].mean(axis=0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--c", type=float, default=None, help="inverse regularisation (default: the manifest's)")
    parser.add_argument("--public-dir", type=Path, default=None,
                        help="the converted public sets (tests/datagen/use_train/public.py); without it, none")
    parser.add_argument("--out", type=Path, default=MODEL_DIR / "model.npz")
    parser.add_argument("--no-extra", action="store_true", help="leave out the manifest's `extra` files")
    parser.add_argument("--extra", action="append", default=[], help="a training file instead of the manifest's `extra`")
    parser.add_argument("--manifest", type=Path, default=MANIFEST, help="the data manifest (default: the shipped one)")
    parser.add_argument("--weight", action="append", default=[], metavar="NAME=W",
                        help="a public source's weight in fitting instead of the manifest's (0 leaves it out)")
    parser.add_argument("--embeddings", type=float, default=None, metavar="SCALE",
                        help="add wordllama's mean-pooled embeddings (standardised, times SCALE) as features")
    parser.add_argument("--min-df", type=int, default=None, help="a feature's least document count (default: the manifest's)")
    parser.add_argument("--max-threshold", type=float, default=None,
                        help="a family's highest threshold (default: the manifest's max_threshold, else 0.97)")
    parser.add_argument("--vocab-without-any", action="store_true",
                        help="the vocabulary and idf without the pooled-only (`any`) rows")
    parser.add_argument("--benign-pass", type=float, default=None,
                        help="the share of each dev set's benign texts a family's threshold passes (default: the "
                             "manifest's benign_pass, else 0.99)")
    args = parser.parse_args()
    global BENIGN_PASS_GOAL
    manifest = yaml.safe_load(args.manifest.read_text(encoding="utf-8"))
    BENIGN_PASS_GOAL = args.benign_pass or float(manifest.get("benign_pass", BENIGN_PASS_GOAL))
    WEIGHTS.update({name: float(w) for name, w in (item.split("=", 1) for item in args.weight)})
    global NO_EXTRA
    NO_EXTRA = args.no_extra
    EXTRA[:] = args.extra
    from sklearn.linear_model import LogisticRegression

    highest = args.max_threshold or float(manifest.get("max_threshold", MAX_THRESHOLD))
    families, _, _ = load_families(FAMILIES_FILE)
    labels = [f.clause for f in families]
    texts, targets, weights = labelled(manifest, "train", labels, args.public_dir)
    # --vocab-without-any: the vocabulary and idf from the rows a family head reads (the pooled-only rows,
    # `any`, still train the pooled head over it), so pooled-only data leaves the family heads' features alone
    own = [t for t, target in zip(texts, targets) if target != {ANY}] \
        if args.vocab_without_any or manifest.get("vocab_without_any", False) else texts
    vocab, idf, word_count = vocabulary(own, args.min_df or manifest.get("min_df", 2))
    index = {f: i for i, f in enumerate(vocab)}
    X = matrix(texts, index, idf)
    embedded = None
    if args.embeddings:
        from scipy.sparse import csr_matrix, hstack
        pieces, embedding, weights_sha = wordllama_embeddings()
        table = TokenTable(pieces)
        E = pooled(texts, table, embedding)
        mu, sd = E.mean(axis=0), E.std(axis=0) + 1e-6
        scale = args.embeddings / sd
        X = hstack([X, csr_matrix((E - mu) * scale)]).tocsr()
        embedded = (pieces, embedding, scale, mu, table, weights_sha)
    c = args.c or manifest.get("c", 4.0)
    # One head per family, and a last head for "restricted at all" (every family's data pooled): it
    # sees more examples than any family alone; its score goes to the family that scores highest.
    heads = labels + [ANY]
    coef = np.zeros((X.shape[1], len(heads)), dtype=np.float32)
    intercept = np.zeros(len(heads))
    for k, label in enumerate(heads):
        y = np.array([bool(t) if label == ANY else label in t for t in targets], dtype=int)
        # rows of unknown family ({ANY}) are neither positive nor negative for a family head
        w = np.array([0.0 if label != ANY and t == {ANY} else wt for t, wt in zip(targets, weights)])
        model = LogisticRegression(C=manifest.get("c_any", c) if label == ANY else c, class_weight="balanced",
                                   max_iter=2000, solver="liblinear")
        model.fit(X, y, sample_weight=w)
        coef[:, k] = model.coef_[0]
        intercept[k] = model.intercept_[0]
    # Thresholds on the dev splits: per family, the lowest probability that dev benign texts stay under
    # for BENIGN_PASS_GOAL of them in every dev set (each blind set's hand apart: the larger one does
    # not outvote the other), but never below the manifest's min_threshold.
    token_scores = None
    if embedded is not None:
        # Folded into one row of head scores per token (filters/use_rules/token_table.py): serving needs
        # E @ W only; the standardisation's offset goes into the intercepts.
        pieces, embedding, scale, mu, table, weights_sha = embedded
        w = coef[len(vocab):]
        token_scores = (embedding * scale) @ w
        intercept = intercept - (mu * scale) @ w
        coef = coef[:len(vocab)]
        print(f"embeddings: wordllama l2_supercat_256 sha256 {weights_sha[:16]}, scale {args.embeddings}")
    dev_texts, dev_targets, dev_sets = labelled(manifest, "dev", labels, with_set=True)
    Xd = matrix(dev_texts, index, idf)
    logits = Xd @ coef + intercept
    if token_scores is not None:
        for i, text in enumerate(dev_texts):
            tokens = embedded[4].tokens(text)
            if tokens:
                logits[i] += token_scores[tokens].mean(axis=0)
    probs = 1 / (1 + np.exp(-logits))
    benign = np.array([not t for t in dev_targets])
    thresholds = np.zeros(len(heads))
    for k, label in enumerate(heads):
        quantiles = []
        for name in sorted(set(dev_sets)):
            negatives = np.sort(probs[benign & np.array([s == name for s in dev_sets]), k])
            quantiles.append(negatives[min(len(negatives) - 1, int(math.ceil(BENIGN_PASS_GOAL * len(negatives))) - 1)])
        thresholds[k] = float(min(max(max(quantiles) + 1e-6, manifest.get("min_threshold", 0.5)), highest))
        positives = probs[np.array([bool(t) if label == ANY else label in t for t in dev_targets]), k]
        print(f"{label:10s} threshold {thresholds[k]:.3f}  dev positives over it "
              f"{int((positives >= thresholds[k]).sum())}/{len(positives)}")
    out = args.out
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
        **({} if token_scores is None else {
            "token_pieces": np.frombuffer("\n".join(embedded[0]).encode("utf-8"), dtype=np.uint8),
            "token_scores": token_scores.astype(np.float16)}),
    )
    digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16]
    print(f"wrote {out}: {len(kept)} features, {len(labels)} families and the pooled head, "
          f"{out.stat().st_size // 1024} KiB, sha256 {digest}; trained on {len(texts)} texts")


if __name__ == "__main__":
    main()
