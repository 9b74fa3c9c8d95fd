"""A names dev set of our own: Faker names of many locales in sentences written here, and sentences without names.

    .venv/bin/python -m tests.bench.names_dev [--n 40] [--errors] [--tuned-ner DIR]

Not blind: the templates (`names_dev_templates`) were written by the author of the name recognizers, for tuning them
(the blind set, `tests/datagen/blind_pii/`, is the measure). The names are only those the
name-likeness model never saw (`train_name_model.held_out`), from 26 locales. Per template and
locale it builds `--n` cases; a name counts as found when a PERSON detection overlaps it, a PERSON
detection overlapping no name is a false name. `--tuned-ner config/person_ner`: with fine-tuned
NER weights (tests/bench/train_person_ner.py) over the spaCy package's. The texts without names hold bands, companies,
places, job titles and coding agents' tool manuals; a few are read in the `system` role.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from pathlib import Path

from faker import Faker

from filters.recognizers.detector import Detector, build_analyzer
from filters.segments import DataClass, Span
from tests.bench.names_dev_templates import BANDS, BRANDS, CLEAN, FIRST_VERSION, NAMED, SYSTEM, TITLES
from tests.bench.train_name_model import held_out

LOCALES = ["fi_FI", "hu_HU", "cs_CZ", "ru_RU", "es_ES", "es_MX", "vi_VN", "pl_PL", "de_DE", "fr_FR", "it_IT",
           "pt_BR", "tr_TR", "nl_NL", "sv_SE", "no_NO", "da_DK", "en_US", "en_GB", "en_IN", "uk_UA", "ro_RO",
           "el_GR", "id_ID", "sk_SK", "hr_HR"]

def one_name(fake: Faker, attr: str) -> str:
    for _ in range(400):
        value = getattr(fake, attr)()
        if all(held_out(w) for w in value.split()):
            return value
    return value


def cases(n: int) -> list[tuple[str, str, str, list[str]]]:
    """(template, locale, text, names) for every template and locale, `n` times."""
    out = []
    rng, titles = random.Random(10), random.Random(11)
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(10)
        for template in NAMED:
            for _ in range(n):
                first, last = one_name(fake, "first_name"), one_name(fake, "last_name")
                second = f"{one_name(fake, 'first_name')} {one_name(fake, 'last_name')}"
                # drawn only where used, so that the first version's texts stay as they were
                other = one_name(fake, "first_name") if "{G}" in template else ""
                titled = f"{titles.choice(TITLES)} {last}" if "{P}" in template else ""
                full = f"{first} {last}"
                values = {"F": first, "G": other, "L": last, "N": full, "M": second, "P": titled, "n": full.lower()}
                text = template.format(**values)
                order = sorted((template.index("{" + key + "}"), value) for key, value in values.items()
                               if "{" + key + "}" in template)
                out.append((template, locale, text, [value for _, value in order]))
    fake = Faker("en_US")
    fake.seed_instance(10)
    for template in CLEAN:
        for _ in range(n * 2):
            text = template.format(band=rng.choice(BANDS), city=fake.city(), country=fake.country(), job=fake.job(),
                                   brand=rng.choice(BRANDS))
            out.append((template, "clean", text, []))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=3)
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--tuned-ner", type=Path, help="a folder of fine-tuned NER weights")
    args = parser.parse_args()
    detector = Detector(analyzer=build_analyzer(args.tuned_ner)) if args.tuned_ner else Detector.default()
    found_by: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_template: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    false_by: dict[str, int] = defaultdict(int)
    names = hits = false = detections = 0
    first_version = [0, 0]
    for template, locale, text, wanted in cases(args.n):
        kind = "table" if template.startswith(("customer", "|")) else "record" if template.startswith("{{") else "prose"
        data_class = DataClass.OUTPUT if kind != "prose" else DataClass.INPUT
        role = "system" if text in SYSTEM else "user"
        people = [(d.start, d.end) for d in detector.detect(text, [Span(0, len(text), data_class, False, kind)], role=role)
                  if d.entity == "PERSON"]
        spans, at = [], 0
        for w in wanted:   # in template order, so a repeated name is found twice
            at = text.find(w, at)
            spans.append((at, at + len(w)))
            at += len(w)
        for (start, end), word in zip(spans, wanted):
            hit = any(s < end and start < e for s, e in people)
            names += 1
            hits += hit
            found_by[locale][0] += 1
            found_by[locale][1] += hit
            by_template[template][0] += 1
            by_template[template][1] += hit
            if template in NAMED[:FIRST_VERSION]:
                first_version[0] += 1
                first_version[1] += hit
            if not hit and args.errors:
                print(f"MISS [{locale}] {word!r} in {text!r}")
        for s, e in people:
            detections += 1
            if not any(s < end and start < e for start, end in spans):
                false += 1
                false_by[template] += 1
                if args.errors:
                    print(f"FALSE [{locale}] {text[s:e]!r} in {text!r}")
    print(f"names found {hits}/{names} = {hits / names:.3f}; false names {false} of {detections} PERSON detections "
          f"(precision {(detections - false) / max(1, detections):.3f})")
    print(f"of those, the first version's {FIRST_VERSION} templates: {first_version[1]}/{first_version[0]} = "
          f"{first_version[1] / max(1, first_version[0]):.3f}")
    print("recall by locale: " + ", ".join(f"{k} {v[1] / v[0]:.2f}" for k, v in sorted(found_by.items())))
    for template, (total, hit) in by_template.items():
        if total:
            print(f"  {hit / total:.2f}  {false_by[template]:>3} false  {template[:70]!r}")
    for template in CLEAN:
        print(f"  clean  {false_by[template]:>3} false  {template[:70]!r}")


if __name__ == "__main__":
    main()
