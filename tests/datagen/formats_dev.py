"""A tuning set for the formats of issue 10: addresses of many countries, US bank accounts, card security
codes, medical record numbers, and values split by a line break or percent-encoded.

Dev data only (its errors are printed by the blind bench's `--dev`): written by the author of the
recognizers' formats work, so it is no measure, only a wider net than the blind set's dev split. The
cases have the blind set's format, so the blind bench reads them:

    .venv/bin/python -m tests.datagen.formats_dev /tmp/formats_dev          # writes blind_pii_dev.jsonl there
    .venv/bin/python -m tests.bench.bench_blind_pii --dev --no-stock --data /tmp/formats_dev

Also (issue 10's formats step 4): the personal identifiers of stock Presidio's predefined recognizers
(`national_values.FAMILIES`, each value's entity named by its family) in prose, key=value, JSON, CSV and
after a label; IBANs of every country Faker has, grouped, dashed, in lower case; addresses in Japanese,
Chinese, Korean and Thai; and besides line breaks and percent-encoding, the other disguises a client can
type (fullwidth forms, soft hyphens, zero-width spaces, control characters).

Addresses are Faker's own formats, line by line (every line holding a digit is a STREET_ADDRESS; a line
without one, a town or a district, is neither value nor must-keep), in locales the blind set does not
use as well as its own; the street's name and its house number on two lines, the postcode on its own line.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from urllib.parse import quote

from faker import Faker

from tests.datagen import disguise_combos, national_values
from tests.datagen.blind_pii import values

ADDRESS_LOCALES = ["de_DE", "de_AT", "de_CH", "fr_FR", "fr_CH", "it_IT", "es_ES", "es_MX", "es_AR", "es_CL",
                   "pt_BR", "pt_PT", "nl_NL", "nl_BE", "sv_SE", "no_NO", "da_DK", "fi_FI", "pl_PL", "cs_CZ",
                   "sk_SK", "hu_HU", "ro_RO", "ru_RU", "hr_HR", "sl_SI", "en_GB", "en_IE", "en_AU", "en_NZ",
                   "en_CA", "en_US", "en_IN", "vi_VN", "id_ID", "tr_TR", "uk_UA", "ja_JP", "zh_CN", "zh_TW",
                   "ko_KR", "th_TH"]
IBAN_LOCALES = ["de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "en_GB", "pt_PT", "fi_FI", "sv_SE", "no_NO",
                "da_DK", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "hr_HR", "sl_SI", "tr_TR", "uk_UA", "el_GR", "lt_LT",
                "lv_LV", "et_EE", "de_AT", "de_CH", "az_AZ", "ka_GE", "he_IL", "ar_SA", "en_IE", "bg_BG", "fr_CH"]
IBAN_CUES = ["IBAN", "IBAN:", "iban", "please wire it to", "account (IBAN)", "bank details:", "Kontonummer (IBAN)"]
ID_WRITINGS = ["Please update the record: the {label} is {value}, thanks.", "event=update {key}={value} status=ok",
               '{{"{key}": "{value}", "status": "ok"}}', "id,{key},city\n17,{value},Leeds", "{label}: {value}"]
BANK_CUES = ["acct", "acct #", "acct no.", "account no", "account number", "account #", "Account No.:",
             "checking account", "savings acct", "bank account", "DDA", "a/c", "a/c no.", "deposit account"]
BANK_KEYS = ["account_number", "bank_account", "acct_no", "acct", "dda_account", "checking_account_number"]
CVV_CUES = ["CVV", "cvv", "CVV2", "CVC", "cvc", "security code", "Security Code", "CVC/CVV"]
MRN_CUES = ["MRN", "MRN:", "MRN #", "MR#", "medical record number", "medical record #", "Med Rec No.",
            "chart no.", "chart #", "record number"]
MRN_KEYS = ["mrn", "MRN", "medical_record_number", "patient_mrn", "chart_number"]
KEEPS = ["Order #{n} ships Friday.", "Ticket INC-{n} is open.", "Invoice {n} totals 1,{m}.00 EUR.",
         "The batch of {n} rows ran in {m} ms."]


class Case:
    """Text pieces, labelled values and must-keep strings, offsets counted as the text grows."""

    def __init__(self) -> None:
        self.text = ""
        self.values: list[dict] = []
        self.keep: list[str] = []

    def add(self, *pieces: str) -> Case:
        self.text += "".join(pieces)
        return self

    def value(self, entity: str, plain: str, shown: str | None = None, disguise: str | None = None) -> Case:
        shown = plain if shown is None else shown
        self.values.append({"entity": entity, "start": len(self.text), "end": len(self.text) + len(shown),
                            "value": shown, "plain": plain, "disguise": disguise})
        self.text += shown
        return self

    def kept(self, text: str) -> Case:
        self.keep.append(text)
        self.text += text
        return self


def disguised(rng: random.Random, plain: str, rate: float = 0.25) -> tuple[str, str | None]:
    """The value as written: a line break inside it (at least ten characters), percent-encoded, or plain."""
    roll = rng.random()
    if roll < rate / 2 and len(plain) >= 10:
        cut = rng.randint(3, len(plain) - 3)
        while plain[cut - 1] == " " or plain[cut] == " ":
            cut = rng.randint(3, len(plain) - 3)
        return plain[:cut] + rng.choice(["\n", "\r\n"]) + plain[cut:], "line_split"
    if roll < rate and any(not c.isalnum() for c in plain):
        return quote(plain, safe=""), "url_encoded"
    return plain, None


def typed_disguise(rng: random.Random, plain: str, rate: float = 0.3) -> tuple[str, str | None]:
    """As `disguised`, and the disguises typed inside a value: fullwidth forms, a soft hyphen, a zero-width
    space, a control character (NUL among them)."""
    roll = rng.random()
    if roll >= rate or len(plain) < 6:
        return disguised(rng, plain, rate * 0.6) if roll >= rate else (plain, None)
    kind = rng.choice(["fullwidth", "soft_hyphen", "zero_width", "control"])
    if kind == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c)
                       for c in plain), kind
    mark = {"soft_hyphen": "\u00ad", "zero_width": "\u200b", "control": rng.choice(["\x00", "\x01", "\x7f"])}[kind]
    places = sorted(rng.sample(range(1, len(plain)), min(2, len(plain) - 1)), reverse=True)
    shown = plain
    for place in places:
        shown = shown[:place] + mark + shown[place:]
    return shown, kind

def keep_line(rng: random.Random) -> str:
    return rng.choice(KEEPS).format(n=rng.randint(1000, 99999), m=rng.randint(100, 999))


def address_lines(fk: Faker, rng: random.Random) -> list[str]:
    lines = [line.strip() for line in fk.address().split("\n") if line.strip()]
    if rng.random() < 0.2 and hasattr(fk, "street_name") and hasattr(fk, "building_number"):
        number = str(rng.randint(1, 240))
        lines = [fk.street_name(), number] + lines[1:]   # the house number on its own line
    return lines


def address_case(rng: random.Random, fk: Faker) -> Case:
    case = Case()
    lines = address_lines(fk, rng)
    layout = rng.choice(["block", "block", "inline", "json"])
    if layout == "inline":
        case.add(rng.choice(["Is this address in our delivery zone? ", "Please geocode ", "Ship it to "]))
        for index, line in enumerate(lines):
            case.add(", " if index else "")
            if any(c.isdigit() for c in line):
                shown, how = disguised(rng, line)
                case.value("STREET_ADDRESS", line, shown, how)
            else:
                case.add(line)
        return case.add(" — ").kept(keep_line(rng))
    if layout == "json":
        case.add('{"customer": "').value("PERSON", fk.name()).add('", "address": "')
        joined = ", ".join(lines)
        case.value("STREET_ADDRESS", joined).add('", "note": "').kept(keep_line(rng)).add('"}')
        return case
    case.add(rng.choice(["Please fix the shipping label:\n\n", "Extract the fields as JSON:\n", "Ship to\n"]))
    case.value("PERSON", fk.name()).add("\n")
    for line in lines:
        if any(c.isdigit() for c in line):
            shown, how = disguised(rng, line)
            case.value("STREET_ADDRESS", line, shown, how)
        else:
            case.add(line)
        case.add("\n")
    return case.add("\n").kept(keep_line(rng))


def bank_case(rng: random.Random, fk: Faker) -> Case:
    case = Case()
    account = values.bank_account(rng)
    if rng.random() < 0.2:
        account = "-".join([account[:4], account[4:]])
    shown, how = disguised(rng, account, 0.2)
    layout = rng.choice(["prose", "prose", "routing", "key", "csv"])
    if layout == "prose":
        case.add(rng.choice(["Please update the payout for ", "Refund "])).value("PERSON", fk.name())
        case.add(f": {rng.choice(BANK_CUES)} ").value("US_BANK_NUMBER", account, shown, how).add(". ")
    elif layout == "routing":
        case.add(rng.choice(["Direct deposit: routing ", "Wire via ABA ", "routing number "]))
        case.value("ABA_ROUTING", values.aba(rng)).add(rng.choice([", account ", " / acct ", " account no. "]))
        case.value("US_BANK_NUMBER", account, shown, how).add(". ")
    elif layout == "key":
        key = rng.choice(BANK_KEYS)
        before, after = rng.choice([(f"{key}=", " status=failed "), (f'{{"{key}": "', '", "status": "failed"} '),
                                    (f"{key}: ", "\n")])
        case.add(before).value("US_BANK_NUMBER", account, shown, how).add(after)
    else:
        case.add("name,routing_number,account_number,amount\n").value("PERSON", fk.name()).add(",")
        case.value("ABA_ROUTING", values.aba(rng)).add(",").value("US_BANK_NUMBER", account, shown, how)
        case.add(f",{rng.randint(10, 999)}.00\n")
    return case.kept(keep_line(rng))


def cvv_case(rng: random.Random, fk: Faker) -> Case:
    case = Case()
    card, code = values.card(rng), values.cvv(rng)
    layout = rng.choice(["cue", "expiry", "dump", "flag"])
    case.add(rng.choice(["Customer says the charge failed: ", "Please retry: ", "card on file "]))
    case.value("CREDIT_CARD", card)
    expiry = f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}"
    if layout == "cue":
        case.add(f", {rng.choice(CVV_CUES)}{rng.choice([' ', ': ', ' '])}").value("CARD_CVV", code)
    elif layout == "expiry":
        case.add(f" exp {expiry} {rng.choice(['', 'cvc ', 'code '])}").value("CARD_CVV", code)
    elif layout == "dump":
        case.add(f"|{expiry}|").value("CARD_CVV", code)
    else:
        case.add(f" --exp {expiry} --{rng.choice(['cvv', 'cvc', 'security-code', 'cvv2'])} ").value("CARD_CVV", code)
    return case.add(". ").kept(keep_line(rng))


def mrn_case(rng: random.Random, fk: Faker) -> Case:
    case = Case()
    number = values.mrn(rng)
    shown, how = disguised(rng, number, 0.2)
    if rng.random() < 0.6:
        case.add(rng.choice(["Patient ", "Discharge summary for ", "Pt "])).value("PERSON", fk.name())
        case.add(f" ({rng.choice(MRN_CUES)} ").value("MEDICAL_RECORD_NUMBER", number, shown, how)
        case.add(") was seen today. ")
    else:
        key = rng.choice(MRN_KEYS)
        case.add(f'{{"{key}": "').value("MEDICAL_RECORD_NUMBER", number, shown, how).add('", "ward": "4B"} ')
    return case.kept(keep_line(rng))


IBAN_FAKERS: dict[str, Faker] = {}


def iban_case(rng: random.Random, fk: Faker) -> Case:
    case = Case()
    locale = rng.choice(IBAN_LOCALES)
    iban_faker = IBAN_FAKERS.setdefault(locale, Faker(locale))
    iban_faker.seed_instance(rng.getrandbits(64))
    plain = iban_faker.iban()
    grouped = " ".join(plain[i:i + 4] for i in range(0, len(plain), 4))
    written = rng.choice([plain, grouped, grouped, grouped.replace(" ", "-"), grouped.lower()])
    shown, how = typed_disguise(rng, written)
    layout = rng.choice(["prose", "key", "json", "label"])
    if layout == "prose":
        case.add(f"Refund {rng.choice(['the deposit', 'the invoice', 'her'])}, {rng.choice(IBAN_CUES)} ")
        case.value("IBAN_CODE", written, shown, how).add(". ")
    elif layout == "key":
        case.add("event=payout iban=").value("IBAN_CODE", written, shown, how).add(" status=failed ")
    elif layout == "json":
        case.add('{"iban": "').value("IBAN_CODE", written, shown, how).add('", "currency": "EUR"} ')
    else:
        case.add("IBAN: ").value("IBAN_CODE", written, shown, how).add("\n")
    return case.kept(keep_line(rng))


def national_case(rng: random.Random, fk: Faker) -> Case:
    case = Case()
    family = rng.choice(sorted(national_values.FAMILIES))
    make, labels, keys, _ = national_values.FAMILIES[family]
    plain = make(rng)
    shown, how = typed_disguise(rng, plain, 0.2)
    writing = rng.choice(ID_WRITINGS)
    head, tail = writing.split("{value}")
    case.add(head.format(label=rng.choice(labels), key=rng.choice(keys)).replace("{{", "{"))
    case.value(family, plain, shown, how).add(tail.replace("}}", "}") + ("\n" if "\n" in writing else " "))
    return case.kept(keep_line(rng))


MAKERS = [(address_case, 5), (bank_case, 3), (cvv_case, 2), (mrn_case, 2), (iban_case, 2), (national_case, 3)]


def generate(count: int = 2000, seed: int = 1010) -> list[dict]:
    fakers = {loc: Faker(loc) for loc in ADDRESS_LOCALES}
    out = []
    for index in range(count):
        rng = random.Random(f"formats-dev:{seed}:{index}")
        locale = rng.choice(ADDRESS_LOCALES)
        fk = fakers[locale]
        fk.seed_instance(rng.getrandbits(64))
        maker = rng.choices([m for m, _ in MAKERS], weights=[w for _, w in MAKERS])[0]
        case = maker(rng, fk)
        out.append({"id": f"f-{index + 1:06d}", "text": case.text, "tenant": "acme", "kind": maker.__name__,
                    "locale": locale, "values": case.values, "keep": case.keep})
    return out + combined(fakers, seed)


# issue 10's fifth formats step: disguises combined and in every notation, and look-alikes to keep
# (tests/datagen/disguise_combos.py); drawn after the first 2,000 so those stay as they were
EXTRA = [(disguise_combos.combo_case, 800), (disguise_combos.keep_case, 300)]


def combined(fakers: dict[str, Faker], seed: int) -> list[dict]:
    out = []
    for maker, count in EXTRA:
        for index in range(count):
            rng = random.Random(f"formats-dev5:{seed}:{maker.__name__}:{index}")
            locale = rng.choice(ADDRESS_LOCALES)
            fk = fakers[locale]
            fk.seed_instance(rng.getrandbits(64))
            case = maker(rng, fk, Case)
            out.append({"id": f"f5-{maker.__name__[:5]}-{index + 1:05d}", "text": case.text, "tenant": "acme",
                        "kind": maker.__name__, "locale": locale, "values": case.values, "keep": case.keep})
    return out


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/formats_dev")
    folder.mkdir(parents=True, exist_ok=True)
    cases = generate()
    path = folder / "blind_pii_dev.jsonl"
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    print(f"wrote {path} ({len(cases)} cases)")


if __name__ == "__main__":
    main()
