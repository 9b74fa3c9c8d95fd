"""Places, companies, products and tools that are no people, in the frames where the tuned NER took them for people.

Written here for `person_ner_data` (not from the blind sets, presidio-research or Presidio's tests): the
tuned weights of the first round read "flew from X to", an address form's "Ort: X" and "Key: Capitalised"
in general as a person too readily. So: places (Faker cities and regions of many locales, countries, and
well-known cities) in prose, in forms and key-value fields of many languages and in table and CSV columns;
companies, products, brands and tools after keys; and, in the same frames, real names ("flew with {N}",
"Contact: {N}"), so that the frame alone does not decide. Placeholders as in `person_ner_templates`, and:
{region} a region or state; {ck} a key for a town, {nk} for a country, {rk} for a region, {ok} for a
company, product or tool, {pk} for a person (each drawn from the side's own list: TRAIN_* and DEV_* share
neither a template nor a key).
"""

from __future__ import annotations

WORLD_CITIES = ["Berlin", "Paris", "London", "Madrid", "Rome", "Vienna", "Prague", "Warsaw", "Budapest", "Lisbon",
                "Dublin", "Amsterdam", "Brussels", "Copenhagen", "Stockholm", "Oslo", "Helsinki", "Munich", "Hamburg",
                "Frankfurt", "Cologne", "Zurich", "Geneva", "Lyon", "Marseille", "Milan", "Naples", "Turin",
                "Barcelona", "Valencia", "Seville", "Porto", "Krakow", "Gdansk", "Brno", "Bratislava", "Ljubljana",
                "Zagreb", "Belgrade", "Sofia", "Bucharest", "Athens", "Istanbul", "Ankara", "Kyiv", "Lviv", "Riga",
                "Vilnius", "Tallinn", "Moscow", "Tbilisi", "Yerevan", "Baku", "Tokyo", "Osaka", "Seoul", "Beijing",
                "Shanghai", "Taipei", "Hanoi", "Bangkok", "Jakarta", "Manila", "Singapore", "Mumbai", "Delhi",
                "Bangalore", "Dubai", "Cairo", "Lagos", "Nairobi", "Johannesburg", "Cape Town", "Sydney",
                "Melbourne", "Auckland", "Toronto", "Montreal", "Vancouver", "Chicago", "Boston", "Seattle",
                "Denver", "Austin", "Houston", "Atlanta", "Miami", "Phoenix", "Dallas", "Portland", "Mexico City",
                "Bogota", "Lima", "Santiago", "Buenos Aires", "Sao Paulo", "Rio de Janeiro", "Leipzig", "Dresden",
                "Stuttgart", "Hannover", "Bremen", "Graz", "Linz", "Salzburg", "Basel", "Bern", "Lausanne", "Nantes",
                "Lille", "Toulouse", "Bordeaux", "Florence", "Bologna", "Genoa", "Rotterdam", "Utrecht", "Antwerp",
                "Ghent", "Aarhus", "Gothenburg", "Malmo", "Bergen", "Tampere", "Turku", "Poznan", "Wroclaw", "Lodz",
                "Ostrava", "Debrecen", "Cluj", "Thessaloniki", "Izmir", "Odesa", "Kharkiv", "Kaunas", "Tartu",
                "Curitiba", "Recife", "Fortaleza", "Manaus", "Belo Horizonte", "Porto Alegre", "Guadalajara",
                "Monterrey", "Puebla", "Tijuana", "Oaxaca", "Verona", "Padova", "Bari", "Palermo", "Catania",
                "Trieste", "Strasbourg", "Montpellier", "Rennes", "Grenoble", "Nice", "Dijon", "Quebec", "Ottawa",
                "Calgary", "Winnipeg", "Halifax", "Trondheim", "Stavanger", "Tromso", "Uppsala", "Odense"]

TRAIN_CITY_KEYS = ["City", "Town", "Ort", "Stadt", "Ville", "Ciudad", "Città", "Cidade", "Miasto", "Město", "Mesto",
                   "Város", "Kaupunki", "Stad", "By", "Grad", "Oraș", "Şehir", "Location", "Standort", "Lieu",
                   "Destination", "Origin", "Departure", "Arrival", "Place of birth", "Geburtsort", "Branch",
                   "Office", "Warehouse", "Pickup city", "Delivery city", "Shipping city", "Billing city", "Venue"]
DEV_CITY_KEYS = ["Wohnort", "Plaats", "Localidad", "Localité", "Località", "Município", "Obec", "Település",
                 "Paikkakunta", "Ort/Stadt", "Hometown", "Home city", "Base", "Site", "Hub", "Lugar"]
TRAIN_COUNTRY_KEYS = ["Country", "Land", "Pays", "País", "Paese", "Kraj", "Ország", "Maa", "Država", "Țara",
                      "Nationality", "Country of residence", "Ship to country", "Market", "Staat"]
DEV_COUNTRY_KEYS = ["Herkunftsland", "Pays de résidence", "País de origen", "Stát", "Valtio", "Country code name"]
TRAIN_REGION_KEYS = ["Region", "State", "Province", "Provincia", "Bundesland", "Kanton", "Département",
                     "Departamento", "Estado", "Województwo", "Kraj (region)", "Megye", "Län", "County", "District"]
DEV_REGION_KEYS = ["Landkreis", "Comunidad", "Regione", "Maakunta", "Oblast", "Territory"]
TRAIN_ORG_KEYS = ["Company", "Firma", "Empresa", "Société", "Azienda", "Employer", "Arbeitgeber", "Vendor",
                  "Supplier", "Lieferant", "Brand", "Marke", "Marca", "Product", "Produkt", "Producto", "Tool",
                  "Platform", "Provider", "Integration", "Carrier", "Bank"]
DEV_ORG_KEYS = ["Hersteller", "Fournisseur", "Proveedor", "Organisation", "Partner company", "Software"]
TRAIN_PERSON_KEYS = ["Contact", "Kontakt", "Ansprechpartner", "Name", "Nom", "Nombre", "Nome", "Imię i nazwisko",
                     "Jméno", "Név", "Nimi", "Namn", "Navn", "Naam", "Passenger", "Passagier", "Traveller",
                     "Driver", "Fahrer", "Pilot", "Guest", "Tenant", "Mieter", "Client name", "Sender", "Absender",
                     "Empfänger", "Destinataire", "Remitente", "Titular"]
DEV_PERSON_KEYS = ["Kontaktperson", "Personne à contacter", "Persona de contacto", "Referente", "Osoba kontaktowa",
                   "Yhteyshenkilö", "Contact person", "Booked by"]

TRAIN_PLACES_NAMED = [
    "{N} flew from {city} to {city2} on Monday.",
    "I flew with {N} to {city} last week.",
    "{F} is based in {city}, {region}.",
    "{N} from the {city} office will join the call.",
    "Shipping to {country} for {N}: two parcels.",
    "{N} moved from {city} to {city2} in {month}.",
    "The train from {city} to {city2} was late, {F} said.",
    "{pk}: {N}\n{ck}: {city}\n{nk}: {country}",
    "{pk}: {N}\n{ck}: {city}",
    "{ck}: {city}\n{pk}: {N}\n{ok}: {company}",
    "{pk}: {N}, {city}",
    "{pk}: {F} {L}\n{rk}: {region}",
    "name,city,country\n{N},{city},{country}\n{M},{city2},{country2}",
    "| Name | City |\n|---|---|\n| {N} | {city} |\n| {M} | {city2} |",
    '{{"name": "{N}", "city": "{city}", "country": "{country}"}}',
    "passenger={N}; from={city}; to={city2}",
    "Booking for {N}: {city} to {city2}, two nights.",
    "{N} ({city}, {country})",
    "Our driver {F} picks you up in {city}.",
    "Traveling with {N} and {M} through {region}.",
    "{P} works at the {city} clinic.",
    "{N}, {company}, {city}",
]

TRAIN_PLACES_CLEAN = [
    "We flew from {city} to {city2} on Monday.",
    "Flights from {city} via {city2} are delayed.",
    "The team is based in {city}, {region}.",
    "The {city} office closes at five.",
    "Shipping to {country} is free over 50 EUR.",
    "We moved the warehouse from {city} to {city2}.",
    "The train from {city} to {city2} leaves at 7:40.",
    "Our new branch opens in {city} next month.",
    "Weather in {city} today: rain, 12 degrees.",
    "Hotels in {city} are expensive in {month}.",
    "{city} is the largest town in {region}.",
    "Customers in {country} and {country2} pay in euros.",
    "Delivery from {city} takes two days to {city2}.",
    "A conference in {city} and a workshop in {city2}.",
    "Ask the {city} team about the {region} launch.",
    "{ck}: {city}",
    "{ck}: {city}\n{nk}: {country}",
    "{ck}: {city}\n{rk}: {region}\n{nk}: {country}",
    "Street: Hauptstraße 5\n{ck}: {city}\n{nk}: {country}",
    "{nk}: {country}",
    "{rk}: {region}",
    "{ok}: {company}",
    "{ok}: {brand}\n{ck}: {city}",
    "{ok}: {product}",
    "{ok}: {tool}",
    "{ck}: {city}, {region}",
    "city,country\n{city},{country}\n{city2},{country2}",
    "city;region;orders\n{city};{region};12\n{city2};{region};7",
    "| City | Country | Orders |\n|---|---|---|\n| {city} | {country} | 14 |\n| {city2} | {country2} | 3 |",
    "id\tcity\tcountry\n1\t{city}\t{country}\n2\t{city2}\t{country2}",
    '{{"city": "{city}", "country": "{country}", "region": "{region}"}}',
    '{{"company": "{company}", "city": "{city}"}}',
    "city={city}&country={country}",
    "origin={city} destination={city2} carrier={brand}",
    "We use {brand} for billing and {tool} for scripts.",
    "Export the data from {product} into {brand2}.",
    "{company} opened an office in {city}.",
    "{company} ships from {city} to {country}.",
    "Warehouse {city}: 42 pallets; Warehouse {city2}: 17 pallets.",
    "Vendor: {company}\nProduct: {product}\nRegion: {region}",
    "From {city} with love.",
    "Route: {city} - {city2} - {city}",
]

DEV_PLACES_NAMED = [
    "{N} travelled from {city} to {city2} by bus.",
    "{F} will meet us at the {city} airport.",
    "{pk}: {N}\n{ck}: {city}\n{rk}: {region}",
    "customer,city\n{N},{city}\n{M},{city2}",
    "{N} lives in {city} and works for {company}.",
    "Ticket for {N}, {city} - {city2}.",
]

DEV_PLACES_CLEAN = [
    "Our flight from {city} to {city2} was cancelled.",
    "The support desk is based in {city}.",
    "Orders shipping to {country} are held until {month}.",
    "{ck}: {city}\n{nk}: {country}",
    "{rk}: {region}\n{ck}: {city}",
    "{ok}: {company}\n{ok}: {brand}",
    "store,city,region\n{company},{city},{region}",
    "| Site | Country |\n|---|---|\n| {city} | {country} |",
    '{{"location": "{city}", "market": "{country}"}}',
    "We drove from {city} through {region} to {city2}.",
    "The {city} branch of {company} moved.",
    "Switch from {brand} to {product} before {month}.",
]
