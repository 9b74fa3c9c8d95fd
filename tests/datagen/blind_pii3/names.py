"""Person names from Faker in many locales, native script and romanised."""

from __future__ import annotations

import unicodedata

from .case import Ctx

# Locales whose Faker names are in Latin script (diacritics kept).
LATIN = ("fi_FI", "hu_HU", "cs_CZ", "es_ES", "es_MX", "es_AR", "vi_VN", "pl_PL", "it_IT", "nl_NL", "sv_SE",
         "no_NO", "da_DK", "fr_FR", "pt_BR", "pt_PT", "de_DE", "de_AT", "ro_RO", "tr_TR", "et_EE", "lv_LV",
         "lt_LT", "sk_SK", "sl_SI", "hr_HR", "id_ID", "en_IN", "zu_ZA", "yo_NG", "ha_NG", "ig_NG", "tw_GH",
         "sw", "en_NG", "en_KE", "fil_PH", "en_US", "en_GB", "en_IE", "ga_IE", "is_IS", "mt_MT", "sq_AL",
         "az_AZ", "uz_UZ", "en_PK", "fr_CA", "de_CH")
# Locales whose Faker names are in their own script.
NATIVE = ("zh_CN", "zh_TW", "ja_JP", "ko_KR", "th_TH", "ar_AA", "ar_EG", "ru_RU", "uk_UA", "el_GR", "he_IL",
          "hi_IN", "fa_IR", "ka_GE", "hy_AM", "bg_BG", "bn_BD", "ta_IN")
RUSSIAN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                   ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                    "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True))
KOREAN_FAMILY = ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin", "Seo")
KOREAN_SYLLABLES = ("Min", "Seo", "Ji", "Ha", "Yeon", "Jun", "Woo", "Hyun", "Soo", "Eun", "Jae", "Do", "Yu",
                    "Na", "Hye", "Sung", "Young", "Chul", "Bin", "Ho")
THAI_GIVEN = ("Somchai", "Siriporn", "Anong", "Kittisak", "Pranee", "Wichai", "Nattapong", "Rattana",
              "Chaiwat", "Kanokwan", "Thanawat", "Supaporn")
THAI_FAMILY = ("Srisuk", "Wongsawat", "Chaiyaporn", "Rattanakul", "Sukprasert", "Thongchai", "Boonmee",
               "Kaewkanya", "Phromsri")
ARABIC_GIVEN = ("Mohammed", "Fatima", "Ahmed", "Layla", "Omar", "Youssef", "Noor", "Khalid", "Amira",
                "Hassan", "Rania", "Tariq", "Salma", "Ibrahim", "Mariam")
ARABIC_FAMILY = ("Al-Mansouri", "Haddad", "Nasser", "Khoury", "Abdullah", "Farouk", "El-Sayed", "Hamdan",
                 "Al-Rashid", "Saleh", "Bakr", "Qasim")


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _russian(text: str) -> str:
    out = "".join(RUSSIAN.get(c.lower(), c) if c.lower() in RUSSIAN else c for c in text)
    return out[:1].upper() + out[1:]


def _clean(part: str) -> str:
    return part.strip().split(" ")[-1] if part else part


def given_family(ctx: Ctx) -> tuple[str, str, str]:
    """(given name, family name, how written): a name from one of many locales."""
    rng = ctx.rng
    roll = rng.random()
    if roll < 0.55:
        fake = ctx.faker(rng.choice(LATIN))
        given, family = _clean(fake.first_name()), _clean(fake.last_name())
        if rng.random() < 0.15:
            given, family = ascii_fold(given), ascii_fold(family)
        return given, family, "latin"
    if roll < 0.72:
        choice = rng.choice(("zh", "ja", "ko", "th", "ar", "ru", "ru"))
        if choice in ("zh", "ja"):
            fake = ctx.faker("zh_CN" if choice == "zh" else "ja_JP")
            return fake.first_romanized_name(), fake.last_romanized_name(), "romanised"
        if choice == "ko":
            given = rng.choice(KOREAN_SYLLABLES) + "-" + rng.choice(KOREAN_SYLLABLES).lower()
            return given, rng.choice(KOREAN_FAMILY), "romanised"
        if choice == "th":
            return rng.choice(THAI_GIVEN), rng.choice(THAI_FAMILY), "romanised"
        if choice == "ar":
            return rng.choice(ARABIC_GIVEN), rng.choice(ARABIC_FAMILY), "romanised"
        fake = ctx.faker("ru_RU")
        return _russian(fake.first_name()), _russian(fake.last_name()), "romanised"
    fake = ctx.faker(rng.choice(NATIVE))
    return _clean(fake.first_name()), _clean(fake.last_name()), "native"


def full_name(ctx: Ctx) -> str:
    """A full name written the way its culture writes it."""
    given, family, how = given_family(ctx)
    if how == "native" and not given.isascii() and ord(given[0]) >= 0x2E80:
        return family + given  # Chinese, Japanese, Korean: family name first, no space
    roll = ctx.rng.random()
    if roll < 0.12:
        return f"{family}, {given}"
    if roll < 0.2 and how == "latin":
        return f"{given} {ctx.rng.choice('ABCDEFGHJKLMNPRST')}. {family}"
    return f"{given} {family}"
