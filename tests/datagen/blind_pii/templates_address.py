"""Address blocks in national formats: US, UK, German, French, Dutch, Nordic, Japanese and Faker's own.

Every address line that locates a person is one STREET_ADDRESS value (a house number or a postcode on
its own line included); a country line is left unlabelled.
"""

from __future__ import annotations

from .registry import Ctx, template

JP_WARDS = [("Shibuya-ku", "Jingumae"), ("Minato-ku", "Roppongi"), ("Chuo-ku", "Ginza"), ("Kita-ku", "Oji"),
            ("Setagaya-ku", "Sangenjaya"), ("Naka-ku", "Sakae"), ("Kita-ku", "Umeda")]
JP_CITIES = ["Tokyo", "Osaka", "Nagoya", "Yokohama", "Sapporo", "Fukuoka"]


def house(r) -> str:
    """A house number (Faker's may be 0, which no street has)."""
    return str(r.randint(1, 240)) + r.choice(["", "", "", "", "a", "B"])


class City(str):
    """A line holding a town's name alone: neither a value nor must-keep (a town is also a dimension)."""


def lines_for(c: Ctx) -> tuple[list[str], str]:
    """(address lines, country) in the case locale's own format."""
    f, loc, r = c.fk, c.locale, c.rng
    if loc == "ja_JP":
        ward, town = r.choice(JP_WARDS)
        return [f"{r.randint(1, 9)}-{r.randint(1, 30)}-{r.randint(1, 20)} {town}, {ward}",
                f"{r.choice(JP_CITIES)} {r.randint(100, 999)}-{r.randint(0, 9999):04d}"], "Japan"
    if loc == "ru_RU" or loc == "vi_VN":
        return [f.street_address(), f"{f.city()} {f.postcode()}"], {"ru_RU": "Russia", "vi_VN": "Vietnam"}[loc]
    if loc == "en_US":
        street = f.street_address()
        if r.random() < 0.4:
            return [street, f.secondary_address(), f"{f.city()}, {f.state_abbr()} {f.zipcode()}"], "USA"
        return [street, f"{f.city()}, {f.state_abbr()} {f.zipcode()}"], "United States"
    if loc == "en_GB":
        out = [f"{house(r)} {f.street_name()}", City(f.city()), f.postcode()]
        if r.random() < 0.4:
            out.insert(0, f"Flat {r.randint(1, 40)}")
        return out, "United Kingdom"
    if loc == "de_DE":
        if r.random() < 0.4:
            return [f.street_name(), house(r), f"{f.postcode()} {f.city()}"], "Deutschland"
        return [f"{f.street_name()} {house(r)}", f"{f.postcode()} {f.city()}"], "Germany"
    if loc == "fr_FR":
        return [f"{house(r)}, {f.street_name()}", f"{f.postcode()} {f.city()}"], "France"
    if loc == "nl_NL":
        return [f"{f.street_name()} {house(r)}", f"{f.postcode()} {f.city()}"], "Nederland"
    if loc in ("fi_FI", "sv_SE", "da_DK", "no_NO"):
        street = f"{f.street_name()} {house(r)}"
        if r.random() < 0.4:
            street += f" {r.choice('ABC')} {r.randint(1, 40)}"
        if r.random() < 0.3:
            return [street, f.postcode(), City(f.city())], {"fi_FI": "Finland", "sv_SE": "Sweden", "da_DK": "Denmark",
                                                       "no_NO": "Norway"}[loc]
        return [street, f"{f.postcode()} {f.city()}"], {"fi_FI": "Suomi", "sv_SE": "Sverige", "da_DK": "Danmark",
                                                        "no_NO": "Norge"}[loc]
    lines = [ln.strip() for ln in f.address().split("\n") if ln.strip()]
    return lines, ""


def block(c: Ctx, indent: str = "") -> None:
    lines, country = lines_for(c)
    for ln in lines:
        c.a(indent)
        if isinstance(ln, City):
            c.a(str(ln))
        else:
            c.v("STREET_ADDRESS", ln)
        c.a("\n")
    if country and c.rng.random() < 0.6:
        c.a(indent, country, "\n")


@template("test", "address", weight=2)
def ship_to(c: Ctx):
    c.a(c.pick(["Please fix the label for this shipment, the courier rejected it:\n\n",
                "Shipping address from the order form:\n\n"]))
    c.v("PERSON", c.name())
    c.a("\n")
    block(c)
    c.a("\n")
    c.k(c.pick(["Order SO-48213, 3 items, total 129.90 EUR", "Parcel weight: 2.4 kg", "Carrier: DHL Express"]))


@template("dev", "address", weight=2)
def letter_head(c: Ctx):
    c.a(c.pick(["Turn this into a CSV row:\n", "Extract the fields as JSON:\n"]))
    c.v("PERSON", c.name())
    c.a("\n")
    block(c, indent=c.pick(["", "  "]))
    c.a("Tel. ")
    c.v("PHONE_NUMBER", c.phone())
    c.a("\n")


@template("test", "address")
def address_form(c: Ctx):
    f = c.fk
    c.a("Name: ")
    c.v("PERSON", c.name())
    c.a("\nStreet: ")
    c.v("STREET_ADDRESS", f.street_name())
    c.a(c.pick(["\nHouse number: ", "\nNo.: ", "\nHausnummer: "]))
    c.v("STREET_ADDRESS", str(c.n(1, 240)) + c.pick(["", "", "", "a", "B", " bis"]))
    c.a(c.pick(["\nPostcode: ", "\nPLZ: ", "\nZIP: "]))
    c.v("STREET_ADDRESS", f.postcode())
    c.a("\nCity: ", f.city().replace("\n", " "), "\nDate of birth: ")
    c.v("DATE_OF_BIRTH", c.pii("DATE_OF_BIRTH"))
    c.a("\n")


@template("dev", "address")
def inline_address(c: Ctx):
    lines, _ = lines_for(c)
    c.a(c.pick(["Is this address in our delivery zone? ", "geocode this for me: "]))
    for i, ln in enumerate(lines):
        c.a(", " if i else "")
        if isinstance(ln, City):
            c.a(str(ln))
        else:
            c.v("STREET_ADDRESS", ln)
    c.a(c.pick([" (customer ", " — ordered by "]))
    c.v("PERSON", c.given())
    c.a(")")
