"""Addresses in European and other formats: inline, and address blocks line by line."""

from __future__ import annotations

import pytest

from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.default()


def found(detector: Detector, text: str, entity: str) -> list[str]:
    spans = [Span(0, len(text), DataClass.INPUT, False, "prose")]
    return [text[d.start:d.end] for d in detector.detect(text, spans) if d.entity == entity]


INLINE = [
    ("German", "Ship it to Hauptstraße 12, 10115 Berlin please.", "Hauptstraße 12, 10115 Berlin"),
    ("French", "Our office: 12 rue de la Paix, 75002 Paris, France", "12 rue de la Paix, 75002 Paris"),
    ("Dutch", "Deliver to Keizersgracht 123, 1015 CJ Amsterdam tomorrow.", "Keizersgracht 123, 1015 CJ Amsterdam"),
    ("Swedish", "Address: Storgatan 5, 114 51 Stockholm", "Storgatan 5, 114 51 Stockholm"),
    ("Spanish with a floor", "Calle Mayor 15, 3º B, 28013 Madrid", "Calle Mayor 15, 3º B, 28013 Madrid"),
    ("Polish", "ul. Marszałkowska 84/92, 00-514 Warszawa", "ul. Marszałkowska 84/92, 00-514 Warszawa"),
    ("Hungarian", "Is Váci utca 12, 1052 Budapest in the zone?", "Váci utca 12, 1052 Budapest"),
    ("Finnish boulevard", "Toimitus: Runebergsbulevardi 14, 00100 Helsinki kiitos", "Runebergsbulevardi 14, 00100 Helsinki"),
    ("Dutch canal", "The office is at Prinsengracht 263, 1016 GV Amsterdam", "Prinsengracht 263, 1016 GV Amsterdam"),
    ("Japanese romanised", "The venue is 1-2-3 Shibuya, Shibuya-ku, Tokyo 150-0002.",
     "1-2-3 Shibuya, Shibuya-ku, Tokyo 150-0002"),
    ("British", "Send it to 10 Downing Street, London SW1A 2AA.", "10 Downing Street, London SW1A 2AA"),
    ("Portuguese, number after a comma", "Envie para Travessa Pinheiro, 6, 6429-768 Costa da Caparica amanhã.",
     "Travessa Pinheiro, 6, 6429-768 Costa da Caparica"),
    ("French, number first then a comma", "Ship it to 47, rue de Becker, 56610 Tanguy-sur-Brun by Friday.",
     "47, rue de Becker, 56610 Tanguy-sur-Brun"),
    ("Italian with a floor and province", "Spedire a Viale Silvia, 29 Piano 3, 15056, Gremiasco (AL) entro venerdì",
     "Viale Silvia, 29 Piano 3, 15056"),
    ("German house number range", "Deliver to Brit-Bolnbach-Platz 4-6, 18960 Spremberg please.",
     "Brit-Bolnbach-Platz 4-6, 18960 Spremberg"),
    ("US with a suite", "Mail it to 4706 Lisa Ramp Suite 273, Rickeyville, IN 77396 by Friday.",
     "4706 Lisa Ramp Suite 273, Rickeyville, IN 77396"),
    ("British flat before the street", "Is Flat 36, 149 Lee Courts, Lake Mathewtown, CW3B 9TY in the zone?",
     "Flat 36, 149 Lee Courts, Lake Mathewtown, CW3B 9TY"),
    ("Czech preposition street", "Adresa: U Větrníku 75, 129 44 Neveklov, díky.", "U Větrníku 75, 129 44 Neveklov"),
    ("Danish code then town", "Is Ribestræde 14a, 4716, Give in the zone?", "Ribestræde 14a, 4716, Give"),
    ("Romanian street without number", "Trimiteți la Strada Marin, Jimbolia, 401900 vă rog.",
     "Strada Marin, Jimbolia, 401900"),
    ("Russian, building and town prefixes", "Доставка: ул. Садовая, д. 12 стр. 2/1, г. Казань 420111 — спасибо",
     "ул. Садовая, д. 12 стр. 2/1, г. Казань 420111"),
    ("Brazilian, CEP without its dash", "Entregar em Rua das Flores, 120, Centro, 01310100 São Paulo / SP (cliente Ana)",
     "Rua das Flores, 120, Centro, 01310100 São Paulo / SP"),
    ("Romanian town with a particle", "Trimiteți la Drumul Viilor, Poienile de sub Munte, 437245 (client Ana)",
     "Drumul Viilor, Poienile de sub Munte, 437245"),
]


@pytest.mark.parametrize("how, text, address", INLINE, ids=[c[0] for c in INLINE])
def test_an_address_on_one_line_is_found_whole(detector: Detector, how: str, text: str, address: str) -> None:
    assert address in found(detector, text, "STREET_ADDRESS")


BLOCKS = [
    ("Norwegian", "Anita Martinsen\nEvensenstykket 15B\n5063 Bergen\nTel. 40 22 09 06",
     ["Evensenstykket 15B", "5063 Bergen"], "Anita Martinsen"),
    ("Finnish, postcode alone", "Einari Pakarinen\n  Rukobulevardi 217\n  99106\n  Kontiolahti\n  Suomi",
     ["Rukobulevardi 217", "99106"], "Einari Pakarinen"),
    ("French, number first", "Marine Delahaye\n  74, boulevard de Rolland\n  68482 Bernard",
     ["74, boulevard de Rolland", "68482 Bernard"], "Marine Delahaye"),
    ("British with a flat", "Danny Price\nFlat 4\n58 Sophie Park\nLake Annetteshire\nHR6 4ZL",
     ["Flat 4", "58 Sophie Park", "HR6 4ZL"], "Danny Price"),
    ("Hungarian, family name first", "Vass Attila\nMosonmagyaróvári utca 131.\nH-4413 Szentmellékdevecser",
     ["Mosonmagyaróvári utca 131.", "H-4413 Szentmellékdevecser"], "Vass Attila"),
    ("Japanese", "Mai Kobayashi\n9-9-12 Sakae, Naka-ku\nNagoya 460-0008", ["9-9-12 Sakae, Naka-ku", "Nagoya 460-0008"],
     "Mai Kobayashi"),
    ("Danish, postcode and town on their own lines", "Extract the fields:\nJesper Holm\nBoltonvej 51\n8110\nDaugård",
     ["Boltonvej 51", "8110"], "Jesper Holm"),
    ("Mexican, a long town and a state", "Gustavo Jáquez\n  Diagonal El Salvador 862 Edif. 032 , Depto. 891\n"
     "  San Dulce de la Montaña, CHIS 78938", ["Diagonal El Salvador 862 Edif. 032 , Depto. 891",
                                              "San Dulce de la Montaña, CHIS 78938"], "Gustavo Jáquez"),
    ("French, a street without its number", "Bernard Bigot\nrue de Jourdan\n36681 Saint-Virginie",
     ["rue de Jourdan", "36681 Saint-Virginie"], "Bernard Bigot"),
    ("Indian, house number above", "Kabir Varughese\n47/335\nGanesan Road, Howrah 060573",
     ["47/335", "Ganesan Road, Howrah 060573"], "Kabir Varughese"),
    ("US with an apartment", "Victoria Mosley\n86285 Barry Causeway Apt. 889\nStewartton, DC 01299",
     ["86285 Barry Causeway Apt. 889", "Stewartton, DC 01299"], "Victoria Mosley"),
    ("Russian", "Ирина Соколова\nбул. Цветной, д. 8 к. 2\nг. Пермь 614000",
     ["бул. Цветной, д. 8 к. 2", "г. Пермь 614000"], "Ирина Соколова"),
    ("Vietnamese", "Trần Văn Minh\nSố 12 đường Lê Lợi\nThành phố Huế 53000",
     ["Số 12 đường Lê Lợi", "Thành phố Huế 53000"], "Trần Văn Minh"),
    ("Brazilian, a district line and a CEP without dash", "Ana Souza\nTrevo Almeida\nJardim Botânico\n"
     "22460030 Rio de Janeiro / RJ", ["Trevo Almeida", "Jardim Botânico", "22460030 Rio de Janeiro / RJ"], "Ana Souza"),
    ("German, house number on its own line", "Karl Brandt\nLindenring\n17\n04109 Leipzig",
     ["Lindenring", "17", "04109 Leipzig"], "Karl Brandt"),
    ("Dutch town with particles", "Sanne Visser\nKerkstraat 8\n2401 AB Alphen aan den Rijn",
     ["Kerkstraat 8", "2401 AB Alphen aan den Rijn"], "Sanne Visser"),
    ("Polish square", "Jan Kowal\npl. Grunwaldzki 5/3\n50-384 Wrocław", ["pl. Grunwaldzki 5/3", "50-384 Wrocław"],
     "Jan Kowal"),
    ("Swedish, the street percent-encoded", "Astrid Berg\nSj%C3%B6gatan%2014\n41103 Göteborg",
     ["Sj%C3%B6gatan%2014", "41103 Göteborg"], "Astrid Berg"),
]


@pytest.mark.parametrize("how, text, lines, name", BLOCKS, ids=[c[0] for c in BLOCKS])
def test_every_line_of_an_address_block_is_masked_and_its_name_found(detector: Detector, how: str, text: str,
                                                                    lines: list[str], name: str) -> None:
    addresses = found(detector, text, "STREET_ADDRESS")
    assert all(line in addresses for line in lines), addresses
    assert name in found(detector, text, "PERSON")


NOT_ADDRESSES = [
    "Table 5\nRow 12\n",
    "The patient was born on March 2, 1984 in Lyon.",
    "Revenue grew 12% in 2023 and 15% in 2024.",
    "Run 3 tests\nBuild 2024\n",
    "Order 10115 shipped on 2024-03-02.",
    "We sent it via Slack, Teams, 2024 was the year.",
    "Take Route 66, 2024 edition.",
    "Chapter 3, Section 12, 1200 words",
    "Version 2, 4000 workers, 12 shards",
    "Use Python 3, then 4000 workers.",
    "Summary\nActive Users\n42\n1200 Total",
    "Q3 Revenue\n15\n2024 Budget",
]


@pytest.mark.parametrize("text", NOT_ADDRESSES)
def test_numbers_and_words_without_an_address_shape_are_kept(detector: Detector, text: str) -> None:
    assert found(detector, text, "STREET_ADDRESS") == []


def test_the_fields_of_an_address_form_are_masked_one_by_one(detector: Detector) -> None:
    text = "Vorname: Jürgen\nNachname: Weber\nStreet: Hauptstraße\nHausnummer: 12a\nPLZ: 10115\nOrt: Berlin"
    assert found(detector, text, "STREET_ADDRESS") == ["Hauptstraße", "12a", "10115"]
    assert found(detector, text, "PERSON") == ["Jürgen", "Weber"]


@pytest.mark.parametrize(("text", "address"), [
    ("GET /v1/lookup?first=Ana&street_address=23, avenue Foch&tier=3", "23, avenue Foch"),
    ('shipping_street = "Rua das Flores, 118"\nplan = "pro"', "Rua das Flores, 118"),
    ("address: 7 Elm Road, Leeds, phone: unknown", "7 Elm Road, Leeds"),
])
def test_an_address_fields_value_keeps_its_commas_and_ends_at_the_next_key(detector: Detector, text: str,
                                                                         address: str) -> None:
    assert found(detector, text, "STREET_ADDRESS") == [address]


def test_a_record_with_a_zip_field_and_a_config_with_small_numbers(detector: Detector) -> None:
    assert found(detector, '{"street": "Rue de la Paix", "zip": "75002", "city": "Paris"}', "STREET_ADDRESS") \
        == ["Rue de la Paix", "75002"]
    assert found(detector, "retries: 3\nzip: false\nworkers: 5\n", "STREET_ADDRESS") == []
