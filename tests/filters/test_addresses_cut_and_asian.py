"""Address blocks a line break cuts inside a word or a number, addresses written in Japanese, Chinese,
Korean and Thai, and the identifiers an address reader must not swallow (a MAC's "address:", a DEA
number before a postcode-like number)."""

from __future__ import annotations

import pytest

from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def found(detector: Detector, text: str, entity: str | None = None) -> list[str]:
    spans = [Span(0, len(text), DataClass.INPUT, False, "prose")]
    return [text[d.start:d.end] for d in detector.detect(text, spans) if entity is None or d.entity == entity]


CUT = [
    ("a street word cut", "Ship to\nOlov Holmgren\nBac\r\nkgatan 74\n28015 Östersund\n\nTicket is open.",
     ["Bac\r\nkgatan 74", "28015 Östersund"]),
    ("an accented half", "Extract:\nTóth Krisztina\nKecskem\r\néti utca 26.\nH-5662 Miskolc\n\nThanks",
     ["Kecskem\r\néti utca 26.", "H-5662 Miskolc"]),
    ("a town cut", "Ship to\nViktor Zupančič\nCesta Andreja B\nitenca 0b\n0035 T\nržič\n\nThanks",
     ["Cesta Andreja B\nitenca 0b", "0035 T\nržič"]),
    ("a postcode cut", "Ship to\nDonald Welch\n90203 Campbell Land Apt. 957\nRichardport, OR 5\r\n1121\n\nThanks",
     ["90203 Campbell Land Apt. 957", "Richardport, OR 5\r\n1121"]),
    ("inline, a house number cut", "Is Hátvárai utca 2\n12., H-3454 Pusztaszékfalva in the zone?",
     ["Hátvárai utca 2\n12., H-3454 Pusztaszékfalva"]),
]


@pytest.mark.parametrize("text, parts", [c[1:] for c in CUT], ids=[c[0] for c in CUT])
def test_an_address_cut_inside_a_word_is_masked_whole(detector: Detector, text: str, parts: list[str]) -> None:
    addresses = found(detector, text, "STREET_ADDRESS")
    for part in parts:
        assert any(part in a for a in addresses), addresses


def test_a_wrapped_paragraph_is_not_an_address(detector: Detector) -> None:
    text = "The patient was\nadmitted on day 3 and\nreleased on day 5; step 2\n12 rows were loaded."
    assert found(detector, text, "STREET_ADDRESS") == []


def test_a_line_that_starts_with_a_common_word_is_its_own(detector: Detector) -> None:
    # a pasted HTTP exchange and the question under it: "Found" / "why" is two words, not one cut in two
    text = ("> POST /api/v4/projects/812/trigger/pipeline HTTP/1.1\n> Host: gitlab.acme.dev\n"
            "> Content-Length: 0\n>\n< HTTP/1.1 404 Not Found\nwhy 404 when the project exists?")
    assert found(detector, text) == []
    assert found(detector, "Ship to\nOlov Holmgren\nBac\nkgatan 74\n28015 Östersund", "STREET_ADDRESS") == [
        "Bac\nkgatan 74", "28015 Östersund"]


ASIAN = [
    ("Japanese", "配送先：長野県南房総市白金台31丁目5番3号 パレス細野324 までお願いします。",
     "長野県南房総市白金台31丁目5番3号 パレス細野324"),
    ("Japanese postcode", "〒150-0002 東京都渋谷区渋谷2-21-1", "〒150-0002"),
    ("Chinese", "请寄到 北京市朝阳区建国路88号3楼 100022，谢谢", "北京市朝阳区建国路88号3楼 100022"),
    ("Taiwanese", "地址 嘉義民生街5段4號之4", "嘉義民生街5段4號之4"),
    ("Korean", "주소는 서울특별시 성북구 강남대1거리 849 (은정김이면) 입니다", "서울특별시 성북구 강남대1거리 849 (은정김이면)"),
    ("Korean basement", "배송지: 대전광역시 서초구 서초대2길 지하 92", "대전광역시 서초구 서초대2길 지하 92"),
    ("Thai", "ส่งที่ 72/11 ถนนศิวะวรเวท ต.ทุ่งต่อ อ.เฉลิมพระเกียรติ สุโขทัย 64210 ครับ",
     "72/11 ถนนศิวะวรเวท ต.ทุ่งต่อ อ.เฉลิมพระเกียรติ สุโขทัย 64210"),
]


@pytest.mark.parametrize("text, address", [c[1:] for c in ASIAN], ids=[c[0] for c in ASIAN])
def test_asian_addresses(detector: Detector, text: str, address: str) -> None:
    assert address in found(detector, text, "STREET_ADDRESS")


@pytest.mark.parametrize("text", [
    "这条路很长，我们走了三个小时。",
    "東京都の人口は約1400万人です。",
    "서울특별시는 한국의 수도입니다.",
    "Python 3.12 のリリースノートを読んでください。",
])
def test_asian_prose_without_an_address_is_kept(detector: Detector, text: str) -> None:
    assert found(detector, text, "STREET_ADDRESS") == []


def test_identifiers_are_not_taken_for_addresses(detector: Detector) -> None:
    mac = "MAC address: c8:f3:fa:5f:6a:47 Invoice 96959 totals 1,926.00 EUR."
    assert found(detector, mac) == ["c8:f3:fa:5f:6a:47"]
    dea = "Please update the record: the DEA registration is BJ6100337, thanks. Invoice 29714 totals 1,696.00 EUR."
    assert found(detector, dea) == ["BJ6100337"]
    ticket = "National Insurance number: AB123456C Ticket INC-31835 is open."
    assert found(detector, ticket) == ["AB123456C"]
