"""Fits the name-likeness model and writes config/name_likeness.npz (run by hand, never by `make test`).

    .venv/bin/python -m tests.bench.train_name_model [--buckets 262144] [--c 2.0]

Names: every given name and surname of Faker's person providers, all locales (Faker is a test
dependency), and, from two name lists that ship in PyPI packages (test dependencies too, used here
only: nothing of them is read at run time), the given names of forty-odd countries of
`gender-guesser`'s dictionary and the US census given names of `names`, less those that are also
common words (the census surnames were tried too: they made the model call more places names). Words: wordfreq's most frequent words of fourteen languages (wordfreq is a test
dependency too), Python's keywords, builtins and standard-library module names, and the installed
distributions' names: ordinary and technical vocabulary. A word that is also one of Faker's names
("mark", "rose") is left out of the words. A seventh of the names (those whose crc32 is 0 mod 7,
`held_out`) is never fitted: `tests/bench/names_dev.py` builds its sentences from them, and this
script reports the model's accuracy on them and on a seventh of the words. The features are
`filters.recognizers.name_likeness.buckets`, the very function that scores at run time.
"""

from __future__ import annotations

import argparse
import builtins
import importlib
import importlib.metadata
import keyword
import pkgutil
import re
import sys
import zlib

import numpy as np

from filters.recognizers.name_likeness import MODEL_FILE, buckets

SIZES = (1, 2, 3, 4, 5)
LANGUAGES = {"en": 40000, "de": 5000, "fr": 5000, "es": 5000, "it": 4000, "pt": 4000, "nl": 4000, "pl": 4000,
             "fi": 4000, "hu": 4000, "cs": 4000, "ru": 4000, "sv": 4000, "tr": 3000}
LETTERS = re.compile(r"[^\W\d_]{2,30}")


def held_out(name: str) -> bool:
    """The names kept out of fitting, for the dev sentences and the accuracy report."""
    return zlib.crc32(name.encode("utf-8")) % 7 == 0


def faker_names() -> set[str]:
    import faker.providers.person as person

    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for attr in dir(provider):
            if "first_name" not in attr and "last_name" not in attr:
                continue
            value = getattr(provider, attr)
            if isinstance(value, dict):
                value = list(value)
            if isinstance(value, (list, tuple)):
                for item in value:
                    if isinstance(item, str):
                        names.update(w for w in LETTERS.findall(item))
    return names


def listed_names() -> set[str]:
    """The given names of gender-guesser's nam_dict.txt and the census given names shipped with `names`."""
    from importlib.resources import files

    found: set[str] = set()
    dictionary = files("gender_guesser") / "data" / "nam_dict.txt"
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) > 1 and line[0] not in "#=":
            found.update(LETTERS.findall(parts[1].replace("+", " ")))
    for census in ("dist.female.first", "dist.male.first"):
        for line in (files("names") / census).read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.update(w.capitalize() for w in LETTERS.findall(line.split()[0]))
    return found


def vocabulary(names_lower: set[str]) -> set[str]:
    from wordfreq import top_n_list

    words: set[str] = set()
    for language, count in LANGUAGES.items():
        words.update(w for w in top_n_list(language, count) if LETTERS.fullmatch(w))
    technical = [*keyword.kwlist, *dir(builtins), *sys.stdlib_module_names,
                 *(d.metadata["Name"] or "" for d in importlib.metadata.distributions())]
    for item in technical:
        words.update(w for w in re.split(r"[_\W\d]+|(?<=[a-z])(?=[A-Z])", item) if LETTERS.fullmatch(w))
    return {w for w in words if w.lower() not in names_lower}


def matrix(words: list[str], size: int):
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for row, word in enumerate(words):
        for col in buckets(word, SIZES, size):
            rows.append(row)
            cols.append(col)
    return csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(words), size))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--buckets", type=int, default=262144)
    parser.add_argument("--c", type=float, default=2.0)
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression

    names = faker_names()
    words = vocabulary({n.lower() for n in names})
    common = {w.lower() for w in words}
    names |= {n for n in listed_names() if n.lower() not in common}
    fit_names = sorted(n for n in names if not held_out(n))
    dev_names = sorted(n for n in names if held_out(n))
    fit_words = sorted(w for w in words if zlib.crc32(w.encode("utf-8")) % 7)
    dev_words = sorted(w for w in words if not zlib.crc32(w.encode("utf-8")) % 7)
    print(f"names {len(fit_names)} fitted, {len(dev_names)} held out; words {len(fit_words)} fitted, {len(dev_words)} held out")
    x = matrix(fit_names + fit_words, args.buckets)
    y = np.array([1] * len(fit_names) + [0] * len(fit_words))
    model = LogisticRegression(C=args.c, max_iter=2000, class_weight="balanced", solver="liblinear")
    model.fit(x, y)
    for label, sample, target in (("held-out names", dev_names, 1), ("held-out words", dev_words, 0)):
        predicted = model.predict_proba(matrix(sample, args.buckets))[:, 1]
        print(f"{label}: {np.mean((predicted >= 0.5) == target):.3f} right at 0.5, "
              f"{np.mean((predicted >= 0.8) == target):.3f} at 0.8")
    weights = model.coef_[0].astype(np.float16)
    np.savez_compressed(MODEL_FILE, weights=weights, bias=np.float32(model.intercept_[0]),
                        sizes=np.array(SIZES, dtype=np.int8))
    print(f"wrote {MODEL_FILE} ({MODEL_FILE.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
