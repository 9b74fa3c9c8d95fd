"""Labelled texts for fine-tuning the NER model on person names (`train_person_ner`), generated here.

The templates (`person_ner_templates`) are filled with Faker names of many locales, in their own
script and romanised, in several word orders ("Given Surname", "Surname Given", "G. Surname",
"Surname, Given", upper-case surnames, accents dropped), and with capitalised things that are no
people (places, companies, products, brands, bands, job titles, coding agents' tool names). Names
are split as `train_name_model.held_out` splits them: training texts use only names it fitted,
dev texts only the names it held out (as `names_dev` does), from other Faker seeds and templates.
Each case is (text, spans) with spans (start, end, label): PERSON for every name, ORG/GPE/PRODUCT
for the things placed there; the other labels come from the original model (`rehearsed`).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator

from faker import Faker

from tests.bench.person_ner_templates import DEV_CLEAN, DEV_NAMED, TRAIN_CLEAN, TRAIN_NAMED
from tests.bench.train_name_model import held_out

LOCALES = ["en_US", "en_GB", "en_IN", "en_AU", "en_NG", "en_PH", "en_IE", "fi_FI", "hu_HU", "cs_CZ", "sk_SK",
           "pl_PL", "ru_RU", "uk_UA", "bg_BG", "es_ES", "es_MX", "es_AR", "es_CO", "pt_BR", "pt_PT", "fr_FR",
           "fr_CA", "it_IT", "de_DE", "de_AT", "de_CH", "nl_NL", "nl_BE", "sv_SE", "no_NO", "da_DK", "is_IS",
           "et_EE", "lv_LV", "lt_LT", "ro_RO", "hr_HR", "sl_SI", "sr_BA", "el_GR", "tr_TR", "az_AZ", "vi_VN",
           "id_ID", "fil_PH", "tl_PH", "sw", "yo_NG", "zu_ZA", "ga_IE", "mt_MT", "sq_AL", "ka_GE", "hy_AM"]
SURNAME_FIRST = {"hu_HU", "vi_VN"}   # the order these people write their own names in
CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ",
                    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                     "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "ye", "i", "yi", "g"]))
GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
                 ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t",
                  "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y"]))
TITLES = ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Ms", "Mrs", "Dr", "Miss"]
TOOLS = ["Bash", "Read", "Write", "Edit", "MultiEdit", "Grep", "Glob", "Task", "WebFetch", "WebSearch", "Skill",
         "TodoWrite", "NotebookEdit", "ExitPlanMode", "BashOutput", "KillShell", "ApplyPatch", "Shell", "UpdatePlan",
         "ViewImage", "Git", "Search", "Fetch", "Agent", "Browser", "Computer", "Terminal", "Replace", "Run"]
BRANDS = ["Salesforce", "HubSpot", "Zendesk", "Intercom", "Shopify", "Twilio", "Okta", "Atlassian", "Dropbox",
          "Airtable", "Miro", "Canva", "Heroku", "Netlify", "Cloudflare", "Datadog", "Sentry", "PagerDuty",
          "Mailchimp", "Segment", "Mixpanel", "Amplitude", "Looker", "Tableau", "Snowflake", "Databricks", "Oracle",
          "Adobe", "Spotify", "Netflix", "Uber", "Airbnb", "Tesla", "Nike", "Samsung", "Siemens", "Philips"]
PRODUCTS = ["iPhone 15", "Galaxy S24", "Pixel 8", "PlayStation 5", "Model Y", "Surface Pro", "Kindle Paperwhite",
            "MacBook Air", "Apple Watch", "ThinkPad X1", "Echo Dot", "Office 365", "Photoshop", "Power BI",
            "Jupyter Notebook", "Google Analytics", "Windows 11", "Ubuntu 22.04"]
BANDS = ["Coldplay", "Radiohead", "Foo Fighters", "Red Hot Chili Peppers", "Nine Inch Nails", "The Killers",
         "Arcade Fire", "Depeche Mode", "Pearl Jam", "Queens of the Stone Age", "Linkin Park", "Green Day",
         "Maroon 5", "Imagine Dragons", "Vampire Weekend", "Sonic Youth", "The Cure", "Muse", "Metallica", "Oasis"]
ORGS = ["United Nations", "European Commission", "World Health Organization", "Federal Reserve", "Red Cross",
        "International Monetary Fund", "Ministry of Finance", "City Council", "Supreme Court", "NATO"]
DATES = ["%d %b %Y", "%b %d, %Y", "%d %B %Y", "%a, %d %b %Y", "%B %d", "%d %b", "%b %Y", "%Y-%m-%d"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
THINGS = {"city": "GPE", "city2": "GPE", "country": "GPE", "country2": "GPE", "company": "ORG", "brand": "ORG",
          "brand2": "ORG", "product": "PRODUCT", "band": "ORG", "org": "ORG", "job": "", "tool": "", "month": "",
          "email": "", "date": "DATE", "date2": "DATE"}
PEOPLE = frozenset({"N", "M", "F", "G", "L", "L2", "P", "n", "f", "R"})
FIELD = re.compile(r"\{(\w+)\}")
TABLE = re.compile(r"[|{]|[^ ,\n]+(,[^ ,\n]+)+\n")   # a markdown table, a JSON record, a CSV header
CELL_BREAKS = str.maketrans({c: "\n" for c in ",|\t;\"{}[]"})   # as filters/recognizers/ner.py reads tables


def romanised(text: str) -> str:
    out = []
    for char in text:
        low = char.lower()
        table = CYRILLIC if low in CYRILLIC else GREEK if low in GREEK else None
        if table is None:
            out.append(char)
        else:
            latin = table[low]
            out.append(latin.capitalize() if char != low else latin)
    return "".join(out)


def unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Names:
    """Given names and surnames of one locale, only those on one side of the held-out split."""

    def __init__(self, locale: str, seed: int, dev: bool, rng: random.Random) -> None:
        self.fake = Faker(locale)
        self.fake.seed_instance(seed)
        self.locale, self.dev, self.rng = locale, dev, rng

    def _one(self, attr: str) -> str:
        value = ""
        for _ in range(60):
            value = getattr(self.fake, attr)()
            if all(held_out(w) == self.dev for w in re.findall(r"[^\W\d_]+", value)):
                break
        return value

    def given(self) -> str:
        return self._styled(self._one("first_name"))

    def surname(self) -> str:
        return self._styled(self._one("last_name"))

    def _styled(self, word: str) -> str:
        roll = self.rng.random()
        if romanised(word) != word and roll < 0.7:
            return romanised(word)
        if unaccented(word) != word and roll < 0.15:
            return unaccented(word)
        return word

    def full(self) -> str:
        given, surname = self.given(), self.surname()
        roll = self.rng.random()
        if self.locale in SURNAME_FIRST and roll < 0.7:
            return f"{surname} {given}"
        if roll < 0.07:
            return f"{given} {self.given()} {surname}"
        if roll < 0.12:
            return f"{given[0]}. {surname}"
        if roll < 0.16:
            return f"{surname.upper()} {given}"
        if roll < 0.20:
            return f"{surname} {given}"
        return f"{given} {surname}"


def _things(rng: random.Random, fake: Faker) -> dict[str, str]:
    return {"city": fake.city(), "city2": fake.city(), "country": fake.country(), "country2": fake.country(),
            "company": fake.company(), "job": fake.job().title(), "tool": rng.choice(TOOLS),
            "brand": rng.choice(BRANDS), "brand2": rng.choice(BRANDS), "product": rng.choice(PRODUCTS),
            "band": rng.choice(BANDS), "org": rng.choice(ORGS), "month": rng.choice(MONTHS),
            "email": fake.email(), "date": fake.date_object().strftime(rng.choice(DATES)),
            "date2": fake.date_object().strftime(rng.choice(DATES))}


def filled(template: str, values: dict[str, str]) -> tuple[str, list[tuple[int, int, str]]]:
    """The template's text and the labelled spans of the values placed in it."""
    text, spans, at = [], [], 0
    pos = 0
    for match in FIELD.finditer(template):
        literal = template[pos:match.start()].replace("{{", "{").replace("}}", "}")
        text.append(literal)
        at += len(literal)
        key = match.group(1)
        value = values[key]
        label = "PERSON" if key in PEOPLE else THINGS.get(key, "")
        skip = value.index(" ") + 1 if key == "P" else 0   # "Dr. Kovács": the title is no part of the name
        if label:
            spans.append((at + skip, at + len(value), label))
        text.append(value)
        at += len(value)
        pos = match.end()
    text.append(template[pos:].replace("{{", "{").replace("}}", "}"))
    return "".join(text), spans


def people(names: Names, rng: random.Random) -> dict[str, str]:
    full = names.full()
    surname = names.surname()
    given = names.given()
    return {"N": full, "M": names.full(), "F": given, "G": names.given(), "L": surname, "L2": names.surname(),
            "P": f"{rng.choice(TITLES)} {surname}", "n": full.lower(), "f": given.lower(),
            "R": f"{surname}, {given}"}


def cases(dev: bool, per_template: int, seed: int) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """(text, spans) for the training side (dev=False) or the dev side, shuffled."""
    rng = random.Random(seed)
    named, clean = (DEV_NAMED, DEV_CLEAN) if dev else (TRAIN_NAMED, TRAIN_CLEAN)
    pool = [Names(locale, seed + i, dev, rng) for i, locale in enumerate(LOCALES)]
    fakes = [Faker(loc) for loc in ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL")]
    for i, fake in enumerate(fakes):
        fake.seed_instance(seed + 100 + i)
    out = []
    for template in named:
        for _ in range(per_template):
            values = _things(rng, rng.choice(fakes)) | people(rng.choice(pool), rng)
            out.append(filled(template, values))
    for template in clean:
        for _ in range(per_template):
            out.append(filled(template, _things(rng, rng.choice(fakes))))
    rng.shuffle(out)
    for text, spans in out:
        if TABLE.match(text) or "\t" in text:
            if rng.random() < 0.5:   # tables and records as NER reads them: cells on lines of their own
                text = text.translate(CELL_BREAKS)
        yield text, spans
