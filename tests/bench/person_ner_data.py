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

from tests.bench import person_ner_places as places
from tests.bench import person_ner_prose as prose
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
# Faker's towns are real ones there; pt_BR's, fr_FR's, it_IT's, es_MX's, fr_CA's, no_NO's and en_US's are made of
# people's names ("Nunes", "Colas", "New Melanie") and taught the model that "Beatriz da Rocha" is a place
PLACE_LOCALES = ["en_IN", "fi_FI", "hu_HU", "cs_CZ", "sk_SK", "pl_PL", "ru_RU", "uk_UA", "es_ES", "es_AR", "es_CO",
                 "pt_PT", "de_DE", "de_AT", "de_CH", "nl_NL", "nl_BE", "sv_SE", "da_DK", "ro_RO", "hr_HR", "sl_SI",
                 "el_GR", "az_AZ", "vi_VN", "id_ID", "zu_ZA"]
PLACE_PREFIX = re.compile(r"^(?:[a-zа-яіїєґ]{1,4}\. |місто |село |смт |TP\. |(?i:thành phố) )|\s*\([^)]*\)$")
THINGS = {"city": "GPE", "city2": "GPE", "country": "GPE", "country2": "GPE", "region": "GPE", "company": "ORG", "brand": "ORG",
          "brand2": "ORG", "product": "PRODUCT", "band": "ORG", "org": "ORG", "job": "", "tool": "", "month": "",
          "email": "", "date": "DATE", "date2": "DATE"}
PEOPLE = frozenset({"N", "M", "F", "G", "L", "L2", "P", "n", "f", "R", "I", "Q", "g"})
TITLED = frozenset({"P", "Q"})   # "Dr. Kovács", "Dr. Anna Kovács": the title is no part of the name
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


def _place(rng: random.Random, fake: Faker, attr: str) -> str:
    """A town, region or country of `fake`'s locale, without "г. " or "(Амур.)", romanised as often as not;
    a well-known city a third of the time."""
    if attr == "city" and rng.random() < 0.3:
        return rng.choice(places.WORLD_CITIES)
    try:
        value = getattr(fake, attr)()
    except AttributeError:
        value = fake.city()
    value = PLACE_PREFIX.sub("", value).strip() or fake.city()
    return romanised(value) if rng.random() < 0.6 else value


def _keys(rng: random.Random, dev: bool) -> dict[str, str]:
    side = "DEV" if dev else "TRAIN"
    return {short: rng.choice(getattr(places, f"{side}_{kind}_KEYS")) for short, kind in
            (("ck", "CITY"), ("nk", "COUNTRY"), ("rk", "REGION"), ("ok", "ORG"), ("pk", "PERSON"))}


def _things(rng: random.Random, fake: Faker, where: Faker | None = None) -> dict[str, str]:
    if where is not None:
        return _things(rng, fake) | {"city": _place(rng, where, "city"), "city2": _place(rng, where, "city"),
                                     "region": _place(rng, where, "administrative_unit"),
                                     "country": _place(rng, where, "country"),
                                     "country2": _place(rng, where, "country")}
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
        skip = value.index(" ") + 1 if key in TITLED else 0
        if label:
            spans.append((at + skip, at + len(value), label))
        text.append(value)
        at += len(value)
        pos = match.end()
    text.append(template[pos:].replace("{{", "{").replace("}}", "}"))
    return "".join(text), spans


def people(names: Names, rng: random.Random) -> dict[str, str]:
    """The people of one case; {I}, {Q} and {g} are made of the others, drawing nothing more from `rng`
    (so the earlier rounds' cases stay the same)."""
    full = names.full()
    surname = names.surname()
    given = names.given()
    second = names.full()
    other = names.given()
    return {"N": full, "M": second, "F": given, "G": other, "L": surname, "L2": names.surname(),
            "P": f"{rng.choice(TITLES)} {surname}", "n": full.lower(), "f": given.lower(),
            "R": f"{surname}, {given}", "I": f"{given[0]}. {surname}",
            "Q": f"{TITLES[len(full) % len(TITLES)]} {full}", "g": other.lower()}


def cases(dev: bool, per_template: int, seed: int,
          places_only: bool = False, prose_only: bool = False) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """(text, spans) for the training side (dev=False) or the dev side, shuffled; `places_only`: only
    the templates of `person_ner_places`; `prose_only`: only the third round's (`person_ner_prose`:
    drawn on their own, so that the earlier rounds' cases stay the same)."""
    rng = random.Random(seed)
    named, clean = (DEV_NAMED, DEV_CLEAN) if dev else (TRAIN_NAMED, TRAIN_CLEAN)
    named_places, clean_places = ((places.DEV_PLACES_NAMED, places.DEV_PLACES_CLEAN) if dev
                                  else (places.TRAIN_PLACES_NAMED, places.TRAIN_PLACES_CLEAN))
    if places_only or prose_only:
        named, clean = [], []
    if prose_only:   # with real towns (PLACE_LOCALES), as the places templates
        named_places, clean_places = ((prose.DEV_PROSE_NAMED, prose.DEV_PROSE_CLEAN) if dev
                                      else (prose.TRAIN_PROSE_NAMED, prose.TRAIN_PROSE_CLEAN))
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
    wheres = [Faker(loc) for loc in PLACE_LOCALES]
    for i, fake in enumerate(wheres):
        fake.seed_instance(seed + 200 + i)
    for template in named_places:
        for _ in range(per_template):
            values = _things(rng, rng.choice(fakes), rng.choice(wheres)) | _keys(rng, dev)
            out.append(filled(template, values | people(rng.choice(pool), rng)))
    for template in clean_places:
        for _ in range(per_template):
            out.append(filled(template, _things(rng, rng.choice(fakes), rng.choice(wheres)) | _keys(rng, dev)))
    rng.shuffle(out)
    for text, spans in out:
        if TABLE.match(text) or "\t" in text:
            if rng.random() < 0.5:   # tables and records as NER reads them: cells on lines of their own
                text = text.translate(CELL_BREAKS)
        yield text, spans
