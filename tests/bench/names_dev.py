"""A names dev set of our own: Faker names of many locales in sentences written here, and sentences without names.

    .venv/bin/python -m tests.bench.names_dev [--n 40] [--errors]

Not blind: the templates below were written by the author of the name recognizers, for tuning them
(the blind set, `tests/datagen/blind_pii/`, is the measure). The names are only those the
name-likeness model never saw (`train_name_model.held_out`), from 26 locales. Per template and
locale it builds `--n` cases; a name counts as found when a PERSON detection overlaps it, a PERSON
detection overlapping no name is a false name. The texts without names hold bands, companies,
places, job titles and coding agents' tool manuals; a few are read in the `system` role.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict

from faker import Faker

from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span
from tests.bench.train_name_model import held_out

LOCALES = ["fi_FI", "hu_HU", "cs_CZ", "ru_RU", "es_ES", "es_MX", "vi_VN", "pl_PL", "de_DE", "fr_FR", "it_IT",
           "pt_BR", "tr_TR", "nl_NL", "sv_SE", "no_NO", "da_DK", "en_US", "en_GB", "en_IN", "uk_UA", "ro_RO",
           "el_GR", "id_ID", "sk_SK", "hr_HR"]

# {F}: a given name, {L}: a surname, {N}: given name and surname, {M}: a second full name
NAMED = [
    "{N} will present the Q3 numbers on Thursday.",
    "The draft {N} shared still has the old churn figures.",
    "I sat next to {N} at the offsite and we went through the pipeline.",
    "Could {F} take over the dashboard while I'm out?",
    "We should loop in {N} before changing the schema.",
    "Both {N} and {M} had access to the export.",
    "The invoice lists {N} as the buyer.",
    "Is {L} still on the data team?",
    "Last week {N} ran the migration twice.",
    "Row 14 belongs to {N}, who moved offices in May.",
    "my name is {n} and my card was charged twice",
    "Met with {F} today, she wants weekly numbers.",
    "Name: {N}\nPlan: enterprise\nSeats: 40",
    "Hi {F},\n\nthe export finished overnight.",
    "Thanks for checking.\n\nBest,\n{N}",
    "customer,plan,mrr\n{N},pro,420\n{M},free,0\n",
    '{{"id": 41, "name": "{N}", "plan": "pro"}}',
    "Please add {L} to the reviewers of the churn notebook.",
    "{N}'s onboarding call is tomorrow at 10.",
    "Can you check why {N} appears twice in the users table?",
]
CLEAN = [
    "We played {band} during the offsite and everyone sang along.",
    "The {band} reunion tour sold out in minutes.",
    "Sales in {city} and {country} grew the most last quarter.",
    "Our new {job} starts on Monday; update the org chart.",
    "The United States and {country} account for half of the revenue.",
    "Keep a short plan. Mark a step completed when done, then move on to the next one.",
    "Use the Bash tool to run Git commands. Generate a summary when done. Validating input comes first.",
    "Skill: invoke a skill by name. Read, Edit and Write files; Grep and Glob search the repository.",
    "Summarize the diff, then Refactor the parser. Prefer Ripgrep over Find.",
    '{{"name": "{brand}", "url": "https://example.com", "type": "integration"}}',
    "Deploy to Kubernetes with Helm, then check Grafana and Prometheus for errors.",
    "The {job} and the Head of Data signed off on the {city} rollout.",
]
SYSTEM = {"Keep a short plan. Mark a step completed when done, then move on to the next one.",
          "Use the Bash tool to run Git commands. Generate a summary when done. Validating input comes first.",
          "Skill: invoke a skill by name. Read, Edit and Write files; Grep and Glob search the repository."}
BANDS = ["Pink Floyd", "Arctic Monkeys", "Fleetwood Mac", "Steely Dan", "Duran Duran", "Simply Red", "Talking Heads",
         "Iron Maiden", "Led Zeppelin", "Black Sabbath", "Daft Punk", "Massive Attack", "Rolling Stones",
         "Kings of Leon", "Florence and the Machine", "Tame Impala", "Mumford and Sons", "Marilyn Manson"]
BRANDS = ["Github", "Gitlab", "Notion", "Linear", "Vercel", "Stripe", "Zapier", "Asana", "Monday", "Figma"]


def one_name(fake: Faker, attr: str) -> str:
    for _ in range(400):
        value = getattr(fake, attr)()
        if all(held_out(w) for w in value.split()):
            return value
    return value


def cases(n: int) -> list[tuple[str, str, str, list[str]]]:
    """(template, locale, text, names) for every template and locale, `n` times."""
    out = []
    rng = random.Random(10)
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(10)
        for template in NAMED:
            for _ in range(n):
                first, last = one_name(fake, "first_name"), one_name(fake, "last_name")
                second = f"{one_name(fake, 'first_name')} {one_name(fake, 'last_name')}"
                full = f"{first} {last}"
                text = template.format(F=first, L=last, N=full, M=second, n=full.lower())
                wanted = [w for key, w in (("{F}", first), ("{L}", last), ("{N}", full), ("{M}", second), ("{n}", full.lower()))
                          if key in template]
                out.append((template, locale, text, wanted))
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
    args = parser.parse_args()
    detector = Detector.default()
    found_by: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_template: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    names = hits = false = detections = 0
    for template, locale, text, wanted in cases(args.n):
        kind = "table" if template.startswith("customer") else "record" if template.startswith("{{") else "prose"
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
            if not hit and args.errors:
                print(f"MISS [{locale}] {word!r} in {text!r}")
        for s, e in people:
            detections += 1
            if not any(s < end and start < e for start, end in spans):
                false += 1
                by_template[template][0] += 0
                if args.errors:
                    print(f"FALSE [{locale}] {text[s:e]!r} in {text!r}")
    print(f"names found {hits}/{names} = {hits / names:.3f}; false names {false} of {detections} PERSON detections "
          f"(precision {(detections - false) / max(1, detections):.3f})")
    print("recall by locale: " + ", ".join(f"{k} {v[1] / v[0]:.2f}" for k, v in sorted(found_by.items())))
    for template, (total, hit) in by_template.items():
        if total:
            print(f"  {hit / total:.2f}  {template[:70]!r}")


if __name__ == "__main__":
    main()
