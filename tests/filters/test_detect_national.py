"""The personal identifiers of stock Presidio's predefined recognizers (national ids of many countries,
health and tax numbers, wallets, MAC addresses), each found in prose, key=value, JSON, CSV and after a
label, validated by its check digit where it has one; the same digits without a word saying what they
are, or failing their check, are kept. Values written from each format's specification."""

from __future__ import annotations

import pytest

from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def found(detector: Detector, text: str) -> list[tuple[str, str]]:
    spans = [Span(0, len(text), DataClass.INPUT, False, "prose")]
    return [(d.entity, text[d.start:d.end]) for d in detector.detect(text, spans)]


# family: (entity, label, key, value)
FAMILIES = {
    "uk_nhs": ("NATIONAL_ID", "NHS number", "nhs_number", "787 789 3280"),
    "uk_nhs_dashed": ("NATIONAL_ID", "NHS no.", "nhs_no", "921-742-1804"),
    "uk_nino": ("NATIONAL_ID", "National Insurance number", "nino", "AC 47 95 45 C"),
    "us_itin": ("US_ITIN", "ITIN", "itin", "930-87-9709"),
    "dea_medical_licence": ("DEA_NUMBER", "DEA number", "dea_number", "BJ6100337"),
    "us_mbi": ("HEALTH_PLAN_ID", "Medicare MBI", "mbi", "5ND4NA6EF31"),
    "au_abn": ("NATIONAL_ID", "ABN", "abn", "91 771 988 403"),
    "au_acn": ("NATIONAL_ID", "ACN", "acn", "859 731 623"),
    "au_tfn": ("NATIONAL_ID", "tax file number", "tfn", "104825364"),
    "au_medicare": ("NATIONAL_ID", "Medicare card number", "medicare_number", "4070 90455 4"),
    "in_pan": ("NATIONAL_ID", "PAN", "pan", "WKKFP5139A"),
    "in_aadhaar": ("NATIONAL_ID", "Aadhaar number", "aadhaar", "3509 5798 6114"),
    "sg_nric": ("NATIONAL_ID", "NRIC", "nric", "S9284025E"),
    "sg_fin": ("NATIONAL_ID", "FIN", "fin", "F0344400R"),
    "es_nif": ("NATIONAL_ID", "NIF", "nif", "31939071Y"),
    "es_nie": ("NATIONAL_ID", "NIE", "nie", "Z7953298H"),
    "it_codice_fiscale": ("NATIONAL_ID", "codice fiscale", "codice_fiscale", "NDRMRT33P08C051G"),
    "pl_pesel": ("NATIONAL_ID", "PESEL", "pesel", "65112791909"),
    "fi_hetu": ("NATIONAL_ID", "personal identity code", "hetu", "150760-620T"),
    "kr_rrn": ("NATIONAL_ID", "resident registration number", "rrn", "480303-2788762"),
    "th_tnin": ("NATIONAL_ID", "Thai ID", "thai_id", "5-8978-36658-47-7"),
    "in_passport": ("PASSPORT", "passport number", "passport_number", "J8369854"),
    "de_passport": ("PASSPORT", "passport", "passport_no", "C01X00T47"),
    "in_voter_id": ("NATIONAL_ID", "voter ID", "voter_id", "ABC1234567"),
    "bitcoin_bech32": ("CRYPTO", "BTC address", "wallet", "bc1qjk84mh3gj5lwcfqvpnt0devj3m0ysp90kd47et"),
    "bitcoin_base58": ("CRYPTO", "wallet", "btc_address", "1N5b4PrKgrLsFKnwYuK9FLhTJTArVPmjKA"),
    "ethereum": ("CRYPTO", "wallet address", "wallet", "0xcacc13b118770e5f3c799abe93b7b2f1116e6274"),
    "mac_colons": ("MAC_ADDRESS", "MAC address", "mac", "9c:13:94:b6:26:39"),
    "mac_cisco": ("MAC_ADDRESS", "MAC", "mac_address", "48c7.38e5.de1c"),
}

WRITINGS = {
    "prose": "Please update the record: the {label} is {value}, thanks.",
    "key_value": "event=update {key}={value} status=ok",
    "json": '{{"{key}": "{value}", "status": "ok"}}',
    "csv": "id,{key},city\n17,{value},Leeds",
    "label": "{label}: {value}",
}


@pytest.mark.parametrize("writing", sorted(WRITINGS))
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_found_however_written(detector: Detector, family: str, writing: str) -> None:
    entity, label, key, value = FAMILIES[family]
    text = WRITINGS[writing].format(label=label, key=key, value=value)
    findings = found(detector, text)
    # the whole value is masked (by this family's entity, or by a stronger one covering it)
    assert any(value in seen for _, seen in findings), findings
    assert (entity, value) in findings or writing != "prose", findings


@pytest.mark.parametrize("text", [
    "The build 787 789 3280 finished in 14 minutes.",                 # NHS-valid digits, no word for them
    "Rows 91 771 988 403 to go in the import.",                         # ABN-valid
    "Trace id 480303-2788762 in the logs.",                            # RRN-shaped, not called one
    "The NHS number 181 909 3787 was mistyped.",                       # fails its check (mod 11), no phone either
    "NRIC S9284025A is not a valid one.",                              # wrong check letter
    "Aadhaar 350957986115 failed the Verhoeff check.",
    "tx hash 0xcacc13b118770e5f3c799abe93b7b2f1116e6274 in block 17",  # an 0x value with no wallet word
    "MAC ff:ff:ff:ff:ff:ff is the broadcast address, 00:00:00:00:00:00 a placeholder.",
    "Started at 12:30:45, retried at 2024-05-07 12:31:02.",
    "The BTC address 1N5b4PrKgrLsFKnwYuK9FLhTJTArVPmjKB has a bad checksum.",
    "The build ABC1234567 passed; artefact J8369854 uploaded.",          # passport- and EPIC-shaped, no word
])
def test_look_alikes_are_kept(detector: Detector, text: str) -> None:
    assert found(detector, text) == []


@pytest.mark.parametrize("text, value", [
    ("user=ana passport=X1234567 nid=529.982.247-25", "529.982.247-25"),     # the usual short key of a national id
    ("nid_no: 8112 0453 19", "8112 0453 19"),
    ('{"id_no": "S9284025E"}', "S9284025E"),
])
def test_short_national_id_keys(detector: Detector, text: str, value: str) -> None:
    assert ("NATIONAL_ID", value) in found(detector, text)


def test_order_number_after_other_key_is_kept(detector: Detector) -> None:
    assert found(detector, "order_no=ORD-2025-1130 pid=48213") == []
