"""Personal values from Faker in many locales, and the numbers whose check digits are computed here."""

from __future__ import annotations

import random
import string

import phonenumbers
from faker import Faker

LATIN = ["en_US", "en_GB", "en_IE", "en_AU", "en_NZ", "en_IN", "en_CA", "de_DE", "de_AT", "de_CH", "fr_FR",
         "fr_CA", "it_IT", "es_ES", "es_MX", "es_AR", "pt_BR", "pt_PT", "nl_NL", "nl_BE", "pl_PL", "cs_CZ",
         "sk_SK", "hu_HU", "fi_FI", "sv_SE", "no_NO", "da_DK", "ro_RO", "tr_TR", "vi_VN", "id_ID", "fil_PH",
         "et_EE", "lv_LV", "lt_LT", "hr_HR", "sl_SI", "az_AZ"]
SCRIPTS = ["ru_RU", "uk_UA", "bg_BG", "el_GR", "he_IL", "ar_SA", "fa_IR", "hi_IN", "ja_JP", "zh_CN", "zh_TW",
           "ko_KR", "th_TH", "ka_GE", "hy_AM"]
CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
                    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "ye",
                     "yi", "g"]))
GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώ",
                 ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s",
                  "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o"]))
PARTICLES = {"nl_NL": ["van", "van der", "de", "van den", "ter"], "nl_BE": ["Van", "De", "Vanden"],
             "de_DE": ["von", "von der", "zu"], "fr_FR": ["de", "du", "Le"], "es_ES": ["de", "de la", "del"],
             "it_IT": ["Di", "De", "Lo"], "pt_BR": ["dos", "da", "de"], "en_IE": ["O'", "Mac"]}
REGION = {"en_US": "US", "en_GB": "GB", "en_IE": "IE", "en_AU": "AU", "en_NZ": "NZ", "en_IN": "IN",
          "en_CA": "CA", "de_DE": "DE", "de_AT": "AT", "de_CH": "CH", "fr_FR": "FR", "fr_CA": "CA", "it_IT": "IT",
          "es_ES": "ES", "es_MX": "MX", "pt_BR": "BR", "pt_PT": "PT", "nl_NL": "NL", "nl_BE": "BE", "pl_PL": "PL",
          "cs_CZ": "CZ", "sk_SK": "SK", "hu_HU": "HU", "fi_FI": "FI", "sv_SE": "SE", "no_NO": "NO", "da_DK": "DK",
          "ro_RO": "RO", "tr_TR": "TR", "ru_RU": "RU", "uk_UA": "UA", "el_GR": "GR", "ja_JP": "JP", "ko_KR": "KR",
          "zh_CN": "CN", "id_ID": "ID", "vi_VN": "VN", "th_TH": "TH", "he_IL": "IL", "hr_HR": "HR"}
# National ids whose Faker provider computes the check digit (or has none to compute).
NATIONAL = {"en_CA": "SIN", "de_AT": "SVNR", "de_CH": "AHV", "fr_FR": "NIR", "it_IT": "codice fiscale",
            "pt_BR": "CPF", "nl_NL": "BSN", "nl_BE": "rijksregisternummer", "pl_PL": "PESEL",
            "fi_FI": "henkilötunnus", "sv_SE": "personnummer", "no_NO": "fødselsnummer", "ro_RO": "CNP",
            "tr_TR": "T.C. kimlik no", "zh_CN": "居民身份证", "ko_KR": "주민등록번호", "et_EE": "isikukood",
            "hr_HR": "OIB", "el_GR": "AMKA", "es_AR": "CUIL", "he_IL": "teudat zehut", "zh_TW": "身分證字號"}
# Country, BBAN length: newer members of the registry included (LY, SD, BI, DJ, MN, SO, NI, OM, YE, FK).
IBAN_BBAN = {"DE": 18, "FR": 23, "ES": 20, "IT": 23, "NL": 14, "BE": 12, "AT": 16, "CH": 17, "PL": 24,
             "PT": 21, "FI": 14, "SE": 20, "NO": 11, "DK": 14, "IE": 18, "GB": 18, "CZ": 20, "HU": 24, "RO": 20,
             "GR": 23, "TR": 22, "HR": 17, "SI": 15, "SK": 20, "LT": 16, "LV": 17, "EE": 16, "UA": 25, "SA": 20,
             "AE": 19, "IL": 19, "EG": 25, "LY": 21, "SD": 14, "BI": 23, "DJ": 23, "MN": 16, "SO": 19, "NI": 24,
             "OM": 19, "YE": 26, "FK": 14, "BR": 25, "QA": 25, "KZ": 16, "IQ": 19, "BY": 24, "RU": 29}
ALPHA_BANK = {"GB": 4, "IE": 4, "NL": 4, "BG": 4, "NI": 4, "FK": 2, "MN": 0, "QA": 4, "OM": 0, "YE": 4,
              "IQ": 4, "BY": 4, "SO": 0, "LV": 4}
MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    return luhn_digit(number[:-1]) == number[-1]


def iban_check(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{98 - int(digits) % 97:02d}"


def iban_ok(iban: str) -> bool:
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def group(text: str, size: int, sep: str) -> str:
    return sep.join(text[i:i + size] for i in range(0, len(text), size))


class Values:
    """Every value generator, on one seeded random source and seeded Fakers."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        self.rng = rng
        self.seed = seed
        self.fakers: dict[str, Faker] = {}

    def faker(self, locale: str) -> Faker:
        if locale not in self.fakers:
            fake = Faker(locale)
            fake.seed_instance(self.seed * 1000 + len(self.fakers))
            self.fakers[locale] = fake
        return self.fakers[locale]

    def locale(self, scripts: bool = False) -> str:
        return self.rng.choice(LATIN + SCRIPTS if scripts and self.rng.random() < 0.35 else LATIN)

    # names
    def full_name(self, locale: str | None = None) -> str:
        locale = locale or self.locale(scripts=True)
        fake = self.faker(locale)
        first, last = fake.first_name(), fake.last_name()
        if locale in ("zh_CN", "zh_TW", "ko_KR"):
            return last + first
        if locale == "ja_JP":
            return f"{last} {first}"
        if locale == "hu_HU":
            return f"{last} {first}"
        return f"{first} {last}"

    def name(self) -> str:
        """A name of one of many shapes: full, particle, hyphenated, transliterated, native script."""
        shape = self.rng.random()
        if shape < 0.12 and (locale := self.rng.choice(list(PARTICLES))):
            fake = self.faker(locale)
            particle = self.rng.choice(PARTICLES[locale])
            joint = "" if particle.endswith("'") else " "
            last = fake.last_name()
            if " " in last or last[:1].islower():  # the locale's surname has its own particle already
                return f"{fake.first_name()} {last}"
            return f"{fake.first_name()} {particle}{joint}{last}"
        if shape < 0.22:
            fake = self.faker(self.locale())
            return f"{fake.first_name()} {fake.last_name()}-{fake.last_name()}"
        if shape < 0.32:
            locale = self.rng.choice(["ru_RU", "uk_UA", "bg_BG", "el_GR"])
            return self.transliterate(self.full_name(locale))
        return self.full_name()

    def given(self, locale: str | None = None) -> str:
        return self.faker(locale or self.locale(scripts=True)).first_name()

    def surname(self, locale: str | None = None) -> str:
        return self.faker(locale or self.locale(scripts=True)).last_name()

    @staticmethod
    def transliterate(text: str) -> str:
        out = []
        for c in text:
            low = c.lower()
            mapped = CYRILLIC.get(low, GREEK.get(low, c))
            out.append(mapped.capitalize() if c != low and mapped else mapped)
        return "".join(out)

    # contact
    def email(self, name: str | None = None) -> str:
        fake = self.faker(self.rng.choice(LATIN))
        user = fake.user_name()
        if name and name.isascii() and self.rng.random() < 0.5:
            parts = [p for p in name.lower().replace("'", "").replace("-", " ").split() if p.isalpha()]
            user = self.rng.choice([".", "_", ""]).join(parts[:2]) or user
        domain = fake.free_email_domain() if self.rng.random() < 0.5 else fake.domain_name()
        return f"{user}@{domain}"

    def phone(self) -> str:
        for _ in range(60):
            locale = self.rng.choice(list(REGION))
            raw = self.faker(locale).phone_number()
            try:
                parsed = phonenumbers.parse(raw, REGION[locale])
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_valid_number(parsed):
                continue
            style = self.rng.choice(["raw", "intl", "e164", "national", "intl"])
            if style == "raw":
                return raw
            fmt = {"intl": phonenumbers.PhoneNumberFormat.INTERNATIONAL, "e164": phonenumbers.PhoneNumberFormat.E164,
                   "national": phonenumbers.PhoneNumberFormat.NATIONAL}[style]
            return phonenumbers.format_number(parsed, fmt)
        raise RuntimeError("no valid phone number")

    def address(self) -> tuple[str, list[str]]:
        """A locale and the address lines (street line, then postcode/city lines)."""
        locale = self.rng.choice(["en_US", "en_GB", "en_IE", "en_AU", "en_CA", "de_DE", "de_AT", "de_CH", "fr_FR",
                                  "it_IT", "es_ES", "pt_BR", "pt_PT", "nl_NL", "nl_BE", "pl_PL", "cs_CZ", "sk_SK",
                                  "hu_HU", "fi_FI", "sv_SE", "no_NO", "da_DK", "ro_RO", "tr_TR", "hr_HR", "sl_SI",
                                  "lt_LT", "et_EE", "es_MX", "fr_CA"])
        fake = self.faker(locale)
        street, code = fake.street_address(), fake.postcode()
        if locale == "it_IT":  # Faker builds this locale's city list from a set: its order follows the hash seed
            city = str(fake.random_element(sorted(fake.city.__self__.cities)))
        else:
            city = fake.city()
        if locale in ("en_US", "en_AU"):
            return locale, [street, f"{city}, {fake.state_abbr()} {code}"]
        if locale in ("en_CA", "fr_CA"):
            return locale, [street, f"{city} {fake.province_abbr()}  {code}"]
        if locale in ("en_GB", "en_IE"):
            return locale, [street, city, code]
        if locale == "hu_HU":
            return locale, [f"{code} {city}", street]
        return locale, [street, f"{code} {city}"]

    # financial
    def card(self) -> str:
        kind = self.rng.choice(["visa", "visa", "mc", "mc2", "amex", "discover", "jcb", "unionpay", "diners"])
        prefix, length = {"visa": ("4", 16), "mc": (str(self.rng.randint(51, 55)), 16),
                          "mc2": (str(self.rng.randint(2221, 2720)), 16), "amex": (self.rng.choice(["34", "37"]), 15),
                          "discover": ("6011", 16), "jcb": (str(self.rng.randint(3528, 3589)), 16),
                          "unionpay": ("62", 16), "diners": ("36", 14)}[kind]
        body = prefix + "".join(self.rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
        number = body + luhn_digit(body)
        sep = self.rng.choice([" ", " ", "-", ""])
        if length == 15:
            return sep.join([number[:4], number[4:10], number[10:]]) if sep else number
        if length == 14:
            return sep.join([number[:4], number[4:10], number[10:]]) if sep else number
        return group(number, 4, sep) if sep else number

    def iban(self) -> str:
        country = self.rng.choice(list(IBAN_BBAN))
        size = IBAN_BBAN[country]
        letters = ALPHA_BANK.get(country, 0)
        bban = "".join(self.rng.choice(string.ascii_uppercase) for _ in range(letters))
        bban += "".join(self.rng.choice(string.digits) for _ in range(size - letters))
        iban = country + iban_check(country, bban) + bban
        assert iban_ok(iban)
        return self.rng.choice([iban, group(iban, 4, " "), group(iban, 4, " "), group(iban, 4, "-")])

    def ssn(self) -> str:
        area = self.rng.choice([n for n in range(1, 900) if n != 666])
        number = f"{area:03d}{self.rng.randint(1, 99):02d}{self.rng.randint(1, 9999):04d}"
        sep = self.rng.choice(["-", "-", ".", " ", ""])
        return sep.join([number[:3], number[3:5], number[5:]])

    def national_id(self) -> tuple[str, str]:
        locale = self.rng.choice(list(NATIONAL) + ["es_ES", "en_GB", "es_ES"])
        if locale == "es_ES":
            digits = self.rng.randint(10000000, 99999999)
            return "DNI", f"{digits}{'TRWAGMYFPDXBNJZSQVHLCKE'[digits % 23]}"
        if locale == "en_GB":
            first = self.rng.choice("ABCEGHJKLMNOPRSTWXYZ")
            second = self.rng.choice("ABCEGHJKLMNPRSTWXYZ")
            digits = "".join(self.rng.choice(string.digits) for _ in range(6))
            nino = f"{first}{second}{digits}{self.rng.choice('ABCD')}"
            if nino[:2] in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
                nino = "AB" + nino[2:]
            return "National Insurance number", self.rng.choice([nino, " ".join([nino[:2], nino[2:4], nino[4:6],
                                                                                    nino[6:8], nino[8]])])
        return NATIONAL[locale], str(self.faker(locale).ssn())

    def npi(self) -> str:
        body = self.rng.choice("12") + "".join(self.rng.choice(string.digits) for _ in range(8))
        return body + luhn_digit("80840" + body)

    def aba(self) -> str:
        while True:
            head = self.rng.choice([f"{n:02d}" for n in list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73))])
            body = head + "".join(self.rng.choice(string.digits) for _ in range(6))
            d = [int(c) for c in body]
            for last in range(10):
                if (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + last) % 10 == 0:
                    return body + str(last)

    def mbi(self) -> str:
        r = self.rng
        alnum = MBI_LETTERS + string.digits
        chars = [r.choice("123456789"), r.choice(MBI_LETTERS), r.choice(alnum), r.choice(string.digits),
                 r.choice(MBI_LETTERS), r.choice(alnum), r.choice(string.digits), r.choice(MBI_LETTERS),
                 r.choice(MBI_LETTERS), r.choice(string.digits), r.choice(string.digits)]
        mbi = "".join(chars)
        return mbi if r.random() < 0.6 else f"{mbi[:4]}-{mbi[4:7]}-{mbi[7:]}"

    def bank_account(self) -> str:
        if self.rng.random() < 0.4:
            return "".join(self.rng.choice(string.digits) for _ in range(8))
        return "".join(self.rng.choice(string.digits) for _ in range(self.rng.randint(9, 12)))

    def passport(self) -> str:
        r = self.rng
        shape = r.choice(["us", "de", "fr", "in", "uk"])
        if shape == "us":
            if r.random() < 0.5:
                return "".join(r.choice(string.digits) for _ in range(9))
            return r.choice("ACEFH") + "".join(r.choice(string.digits) for _ in range(8))
        if shape == "de":
            return "C" + "".join(r.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
        if shape == "fr":
            return f"{r.randint(10, 99)}{r.choice(string.ascii_uppercase)}{r.choice(string.ascii_uppercase)}" \
                   f"{r.randint(10000, 99999)}"
        if shape == "in":
            return r.choice("JKLMNPRSTUVWZ") + "".join(r.choice(string.digits) for _ in range(7))
        return "".join(r.choice(string.digits) for _ in range(9))

    def driver_licence(self, surname: str = "") -> str:
        r = self.rng
        shape = r.choice(["ca", "ny", "fl", "uk", "tx"])
        if shape == "ca":
            return r.choice(string.ascii_uppercase) + "".join(r.choice(string.digits) for _ in range(7))
        if shape == "ny":
            return " ".join("".join(r.choice(string.digits) for _ in range(3)) for _ in range(3))
        if shape == "fl":
            d = "".join(r.choice(string.digits) for _ in range(12))
            return f"{r.choice(string.ascii_uppercase)}{d[:3]}-{d[3:6]}-{d[6:8]}-{d[8:11]}-{d[11]}"
        if shape == "uk":
            base = ("".join(c for c in self.transliterate(surname).upper() if c.isalpha()) + "99999")[:5]
            month = r.randint(1, 12) + r.choice([0, 50])
            return f"{base}{r.randint(4, 9)}{month:02d}{r.randint(1, 28):02d}{r.randint(0, 9)}" \
                   f"{r.choice(string.ascii_uppercase)}{r.choice(string.ascii_uppercase)}9" \
                   f"{r.choice(string.ascii_uppercase)}{r.choice(string.ascii_uppercase)}"
        return "".join(r.choice(string.digits) for _ in range(8))

    def mrn(self) -> str:
        r = self.rng
        digits = "".join(r.choice(string.digits) for _ in range(r.randint(7, 10)))
        return r.choice([digits, f"MRN{digits}", f"{digits[:3]}-{digits[3:]}", f"H{digits}"])

    def ip(self) -> str:
        fake = self.faker("en_US")
        pick = self.rng.random()
        if pick < 0.5:
            return str(fake.ipv4_public())
        if pick < 0.75:
            return str(fake.ipv4_public(network=True))
        return str(fake.ipv6())

    def ipv4(self) -> str:
        return str(self.faker("en_US").ipv4_public())

    def birth_date(self) -> str:
        born = self.faker("en_US").date_of_birth(minimum_age=18, maximum_age=92)
        fmt = self.rng.choice(["%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%B %d, %Y", "%d %b %Y"])
        return born.strftime(fmt)
