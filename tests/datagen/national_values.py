"""Values of the personal identifiers stock Presidio's predefined recognizers look for, written from each
format's published specification (check digits computed, not copied), for the formats dev set.

Faker supplies the ones it has a provider for (ITIN, DNI/NIE, codice fiscale, PESEL, HETU, Korean RRN);
its Aadhaar numbers mostly fail the Verhoeff check real ones pass, so they are computed here.
"""

from __future__ import annotations

import hashlib
import random
import string
from collections.abc import Callable

from faker import Faker
from stdnum import verhoeff

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"


def _digits(rng: random.Random, count: int) -> list[int]:
    return [rng.randint(0, 9) for _ in range(count)]


def _join(digits: list[int]) -> str:
    return "".join(map(str, digits))


def uk_nhs(rng: random.Random) -> str:
    """Ten digits, the last a mod-11 check of the nine before (weights 10..2); written 3-3-4."""
    while True:
        body = _digits(rng, 9)
        check = 11 - sum(d * (10 - i) for i, d in enumerate(body)) % 11
        if check != 10:
            value = _join(body) + str(0 if check == 11 else check)
            return rng.choice([value, f"{value[:3]} {value[3:6]} {value[6:]}"])


def uk_nino(rng: random.Random) -> str:
    letters = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        prefix = rng.choice(letters) + rng.choice(letters.replace("O", ""))
        if prefix not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
            break
    value = prefix + f"{rng.randint(0, 999999):06d}" + rng.choice("ABCD")
    return rng.choice([value, f"{value[:2]} {value[2:4]} {value[4:6]} {value[6:8]} {value[8]}"])


def dea(rng: random.Random) -> str:
    body = _digits(rng, 6)
    check = (body[0] + body[2] + body[4] + 2 * (body[1] + body[3] + body[5])) % 10
    return rng.choice("ABCDFGMPRX") + rng.choice(string.ascii_uppercase) + _join(body) + str(check)


def us_mbi(rng: random.Random) -> str:
    both = MBI_LETTERS + string.digits
    value = (rng.choice("123456789") + rng.choice(MBI_LETTERS) + rng.choice(both) + str(rng.randint(0, 9))
             + rng.choice(MBI_LETTERS) + rng.choice(both) + str(rng.randint(0, 9)) + rng.choice(MBI_LETTERS)
             + rng.choice(MBI_LETTERS) + str(rng.randint(0, 9)) + str(rng.randint(0, 9)))
    return rng.choice([value, f"{value[:4]}-{value[4:7]}-{value[7:]}"])


def au_abn(rng: random.Random) -> str:
    """Eleven digits; with 1 taken from the first, the weighted sum is divisible by 89."""
    weights = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
    while True:
        digits = [rng.randint(1, 9)] + _digits(rng, 10)
        if (sum(w * d for w, d in zip(weights, digits)) - 10) % 89 == 0:
            value = _join(digits)
            return rng.choice([value, f"{value[:2]} {value[2:5]} {value[5:8]} {value[8:]}"])


def au_acn(rng: random.Random) -> str:
    body = _digits(rng, 8)
    value = _join(body) + str((10 - sum(d * (8 - i) for i, d in enumerate(body)) % 10) % 10)
    return rng.choice([value, f"{value[:3]} {value[3:6]} {value[6:]}"])


def au_tfn(rng: random.Random) -> str:
    weights = (1, 4, 3, 7, 5, 8, 6, 9, 10)
    while True:
        digits = _digits(rng, 9)
        if digits[0] and sum(w * d for w, d in zip(weights, digits)) % 11 == 0:
            value = _join(digits)
            return rng.choice([value, f"{value[:3]} {value[3:6]} {value[6:]}"])


def au_medicare(rng: random.Random) -> str:
    body = [rng.randint(2, 6)] + _digits(rng, 7)
    check = sum(w * d for w, d in zip((1, 3, 7, 9, 1, 3, 7, 9), body)) % 10
    value = _join(body) + str(check) + str(rng.randint(1, 9))
    return rng.choice([value, f"{value[:4]} {value[4:9]} {value[9]}"])


def in_pan(rng: random.Random) -> str:
    upper = string.ascii_uppercase
    return ("".join(rng.choice(upper) for _ in range(3)) + rng.choice("PCHFATBLJG") + rng.choice(upper)
            + f"{rng.randint(0, 9999):04d}" + rng.choice(upper))


def in_aadhaar(rng: random.Random) -> str:
    body = str(rng.randint(2, 9)) + _join(_digits(rng, 10))
    value = body + verhoeff.calc_check_digit(body)
    return rng.choice([value, f"{value[:4]} {value[4:8]} {value[8:]}"])


def sg_nric(rng: random.Random) -> str:
    prefix = rng.choice("STFG")
    body = _digits(rng, 7)
    total = sum(w * d for w, d in zip((2, 7, 6, 5, 4, 3, 2), body)) + (4 if prefix in "TG" else 0)
    return prefix + _join(body) + ("JZIHGFEDCBA" if prefix in "ST" else "XWUTRQPNMLK")[total % 11]


def th_tnin(rng: random.Random) -> str:
    body = [rng.randint(1, 8)] + _digits(rng, 11)
    value = _join(body) + str((11 - sum(d * (13 - i) for i, d in enumerate(body)) % 11) % 10)
    spaced = f"{value[0]} {value[1:5]} {value[5:10]} {value[10:12]} {value[12]}"
    return rng.choice([value, spaced, spaced.replace(" ", "-")])


def _base58check(payload: bytes) -> str:
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    number, out = int.from_bytes(raw, "big"), ""
    while number:
        number, rest = divmod(number, 58)
        out = B58[rest] + out
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + out


def _bech32(hrp: str, program: bytes) -> str:
    def polymod(values: list[int]) -> int:
        generator = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
        check = 1
        for value in values:
            top = check >> 25
            check = (check & 0x1FFFFFF) << 5 ^ value
            for i in range(5):
                check ^= generator[i] if (top >> i) & 1 else 0
        return check
    acc = bits = 0
    data = [0]
    for byte in program:
        acc, bits = (acc << 8) | byte, bits + 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    mod = polymod(expanded + data + [0] * 6) ^ 1
    return hrp + "1" + "".join(BECH32[d] for d in data + [(mod >> 5 * (5 - i)) & 31 for i in range(6)])


def crypto_wallet(rng: random.Random) -> str:
    kind = rng.randint(0, 3)
    if kind == 0:
        return _base58check(b"\x00" + rng.randbytes(20))
    if kind == 1:
        return _base58check(b"\x05" + rng.randbytes(20))
    if kind == 2:
        return _bech32("bc", rng.randbytes(20))
    return "0x" + rng.randbytes(20).hex()


def mac_address(rng: random.Random) -> str:
    octets = [rng.randint(0, 255) for _ in range(6)]
    octets[0] &= 0xFC
    return rng.choice([":".join(f"{o:02x}" for o in octets), "-".join(f"{o:02X}" for o in octets),
                       ".".join(f"{octets[i]:02x}{octets[i + 1]:02x}" for i in (0, 2, 4))])


def _faker(locale: str, method: str) -> Callable[[random.Random], str]:
    fake = Faker(locale)

    def value(rng: random.Random) -> str:
        fake.seed_instance(rng.getrandbits(64))
        return str(getattr(fake, method)())
    return value


# family: (value maker, labels a writer puts before it, keys it goes under, the entity expected)
FAMILIES: dict[str, tuple[Callable[[random.Random], str], list[str], list[str], str]] = {
    "UK_NHS": (uk_nhs, ["NHS number", "NHS no."], ["nhs_number", "nhs_no"], "NATIONAL_ID"),
    "UK_NINO": (uk_nino, ["National Insurance number", "NI number", "NINO"], ["nino", "ni_number"], "NATIONAL_ID"),
    "US_ITIN": (_faker("en_US", "itin"), ["ITIN"], ["itin"], "US_ITIN"),
    "DEA": (dea, ["DEA number", "DEA #", "DEA registration"], ["dea_number", "dea"], "DEA_NUMBER"),
    "US_MBI": (us_mbi, ["Medicare MBI", "MBI"], ["mbi", "medicare_id"], "HEALTH_PLAN_ID"),
    "AU_ABN": (au_abn, ["ABN"], ["abn"], "NATIONAL_ID"),
    "AU_ACN": (au_acn, ["ACN"], ["acn"], "NATIONAL_ID"),
    "AU_TFN": (au_tfn, ["TFN", "tax file number"], ["tfn", "tax_file_number"], "NATIONAL_ID"),
    "AU_MEDICARE": (au_medicare, ["Medicare card number", "Medicare number"], ["medicare_number"], "NATIONAL_ID"),
    "IN_PAN": (in_pan, ["PAN", "PAN card"], ["pan", "pan_number"], "NATIONAL_ID"),
    "IN_AADHAAR": (in_aadhaar, ["Aadhaar", "Aadhaar number"], ["aadhaar", "aadhaar_number"], "NATIONAL_ID"),
    "SG_NRIC_FIN": (sg_nric, ["NRIC", "FIN", "NRIC/FIN"], ["nric", "fin"], "NATIONAL_ID"),
    "ES_NIF": (_faker("es_ES", "nif"), ["NIF", "DNI"], ["nif", "dni"], "NATIONAL_ID"),
    "ES_NIE": (_faker("es_ES", "nie"), ["NIE"], ["nie"], "NATIONAL_ID"),
    "IT_FISCAL_CODE": (_faker("it_IT", "ssn"), ["codice fiscale", "fiscal code"], ["codice_fiscale"], "NATIONAL_ID"),
    "PL_PESEL": (_faker("pl_PL", "pesel"), ["PESEL"], ["pesel"], "NATIONAL_ID"),
    "FI_HETU": (_faker("fi_FI", "ssn"), ["henkilötunnus", "HETU", "personal identity code"], ["hetu"], "NATIONAL_ID"),
    "KR_RRN": (_faker("ko_KR", "ssn"), ["RRN", "resident registration number"], ["rrn"], "NATIONAL_ID"),
    "TH_TNIN": (th_tnin, ["Thai national ID", "TNIN", "ID card number"], ["tnin", "thai_id"], "NATIONAL_ID"),
    "CRYPTO": (crypto_wallet, ["wallet", "BTC address", "wallet address"], ["wallet", "wallet_address"], "CRYPTO"),
    "MAC_ADDRESS": (mac_address, ["MAC address", "MAC"], ["mac", "mac_address"], "MAC_ADDRESS"),
}
