"""Address blocks in the formats of many countries: a street line, then a postcode and town, on lines or inline.

"Evensenstykket 15B / 5063 Mortenhelle", "74, boulevard de Rolland / 68482 Bernard", "58 Sophie Park /
Lake Annetteshire / HR6 4ZL", "7-25-8 Jingumae, Shibuya-ku / Osaka 100-3622", "Tirzasingel 117, 6509YW
Jelsum": a line (or comma-separated part) shaped like a street with a house number, followed within a
few lines (parts) by a postcode with or without its town, is an address; every line of it is masked,
a house number or postcode on its own line included, and the name on the line above it is a person's.
The street and postal shapes are data (config/recognizers.yaml, `addresses`); a street shape alone,
without the postcode after it, is never enough ("Table 5", "Python 3").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from filters.recognizers.base import Finding
from filters.recognizers.config import AddressesDef
from filters.recognizers.context import TextContext
from filters.recognizers.names import NameShapes

SKIPPED_KINDS = frozenset({"code", "sql", "schema"})
LINE = re.compile(r"[^\n]{1,300}")
PART_BREAK = re.compile(r",[ \t]{1,3}")
TAIL_CUT = re.compile(r"[ \t]{1,3}(?:[—–(]|-[ \t])|[)!?;]")
ADDRESS_PRIORITY = 2
NAME_WORDS = re.compile(r"[^\s]{1,40}")
SPACE = re.compile(r"\s{1,8}")
STREET_WORD = re.compile(r"(?<![\w'’.-])[^\W\d_][\w'’.-]{0,40}")
DISTRICT = re.compile(r"([^\W\d_][\w'’.-]{1,30}),[ \t]{1,2}")
MAX_WORDS = 12
MAX_LOWER_STREET = 4   # words of a street with lowercase words of its own (a sentence is longer)
STATE_CODE = re.compile(r"[A-Z]{2,5}\.? {1,2}[0-9]{5}(?:-[0-9]{4})?(?![0-9])")
TOWN_AFTER_CODE = re.compile(r"[0-9](?:[A-Z]{2})?[ \t,]{1,3}([^\W\d_])")   # "10115 Berlin", "CW3B 9TY in"
STATE_TAIL = re.compile(r"[ \t]/[ \t]{1,2}[A-Z]{2}\Z")                      # Brazil's "… das Neves / GO"
CLASSIFIED_CODE = frozenset({"code"})


def _capitalised_town(text: str, start: int, end: int) -> bool:
    """Whether the word after a postcode, if any, is capitalised ("10115 Berlin", not "2024 was"); a
    Brazilian town before its state's code may start with a particle ("94359-224 das Neves / GO")."""
    after = TOWN_AFTER_CODE.search(text, start, end)
    return after is None or not after.group(1).islower() or STATE_TAIL.search(text[start:end]) is not None


def _one_line(text: str, start: int, end: int) -> bool:
    return "\n" not in text[start:end].rstrip("\r\n")


def _runs(ctx: TextContext) -> Iterator[tuple[int, int]]:
    """The stretches of adjacent spans an address can be in: a block's postcode line that the span
    classifier took for printed output ("8110" alone) stays in its block, and so does one line it took
    for code between two others (a percent-encoded street, "%C3%84ngstorget%20239", read decoded)."""
    run: tuple[int, int] | None = None
    for index, span in enumerate(ctx.spans):
        inside = run is not None and span.start <= run[1] and index + 1 < len(ctx.spans) and \
            span.kind in CLASSIFIED_CODE and _one_line(ctx.text, span.start, span.end) and \
            ctx.spans[index + 1].kind not in SKIPPED_KINDS
        if not inside and (span.kind in SKIPPED_KINDS or span.data_class.value == "metadata"):
            if run is not None:
                yield run
            run = None
        elif run is not None and span.start <= run[1]:
            run = (run[0], span.end)
        else:
            if run is not None:
                yield run
            run = (span.start, span.end)
    if run is not None:
        yield run


class AddressBlocks:
    """Finds address blocks and the names heading them."""

    def __init__(self, spec: AddressesDef, shapes: NameShapes) -> None:
        self.spec = spec
        self.shapes = shapes
        postcode = "|".join(f"(?:{p})" for p in spec.postcodes)
        town = spec.town
        self.street = re.compile("|".join(f"(?:{p})" for p in spec.streets))
        self.code = re.compile(postcode)
        lines = "".join(f"|(?:{p})" for p in spec.postal_lines)
        self.postal = re.compile(rf"(?:{postcode})(?:[ \t,]{{1,3}}{town})?|{town},?[ \t]{{1,3}}"
                                 rf"(?:[A-Z]{{2,3}},?[ \t]{{1,3}})?(?:{postcode}){lines}")
        alone = "|".join(f"(?:{p})" for p in spec.postal_lines_alone) or "(?!)"
        self.postal_alone = re.compile(alone)
        self.street_words = frozenset(w.lower() for w in spec.street_words)
        self.street_prefixes = frozenset(w.lower() for w in spec.street_prefixes)
        self.street_types = frozenset(w.lower() for w in spec.street_types)
        self.street_prepositions = frozenset(w.lower() for w in spec.street_prepositions)
        self.unit = re.compile(spec.unit)
        self.house = re.compile(spec.house)
        self.named = re.compile(spec.named_street)
        # between a street and its postal line: towns, districts ("Vila Madre Gertrudes 3ª Seção"), units
        self.between = re.compile(rf"{town}(?: [0-9]{{1,2}}[ªº] {town})?|(?:{spec.unit})")

    def find(self, ctx: TextContext, known: list[Finding]) -> list[Finding]:
        """STREET_ADDRESS findings for every line or part of each block, PERSON for its heading name."""
        found: list[Finding] = []
        streets = {(f.start, f.end) for f in known if f.entity == "STREET_ADDRESS"}
        for start, end in _runs(ctx):
            trimmed = [self._trimmed(ctx.text, m.start(), m.end()) for m in LINE.finditer(ctx.text, start, end)]
            lines = [line for line in trimmed if line is not None]
            block = self._blocks(ctx.text, lines, streets)
            for line in lines:
                block += self._inline(ctx.text, *line)
            found += block + self._numbers_above(ctx.text, lines, block)
        return found

    def _numbers_above(self, text: str, lines: list[tuple[int, int]], block: list[Finding]) -> list[Finding]:
        """A house number or unit alone on the line above an address found ("47/335" over "Ganesan Road,
        Howrah 060573")."""
        starts = {f.start for f in block if f.entity == "STREET_ADDRESS"}
        found: list[Finding] = []
        for index, ((start, end), below) in enumerate(zip(lines, lines[1:])):
            if below[0] in starts and start not in starts and "\n\n" not in text[end:below[0]] \
                    and (self.house.fullmatch(text, start, end) or self.unit.fullmatch(text, start, end)):
                found.append(Finding("STREET_ADDRESS", start, end, self.spec.score, "address_block", ADDRESS_PRIORITY))
                name = self._heading_name(text, lines, index)
                if name is not None:
                    found.append(Finding("PERSON", name[0], name[1], self.spec.score, "address_block", 1))
        return found

    @staticmethod
    def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
        while start < end and text[start] in " \t>":
            start += 1
        while end > start and text[end - 1] in " \t\r":
            end -= 1
        return (start, end) if end > start else None

    def _is_street(self, text: str, start: int, end: int, streets: set[tuple[int, int]]) -> bool:
        return self._street(text, start, end) or any(s <= start + 2 and end - 2 <= e for s, e in streets) or \
            self._district_street(text, start, end)

    def _district_street(self, text: str, start: int, end: int) -> bool:
        """A district's name, a comma, then a street that a street word starts ("Polje, cesta XIV 40")."""
        district = DISTRICT.match(text, start, end)
        if district is None or district.group(1) in self.shapes.common:
            return False
        rest = district.end()
        return text[rest:end].split(" ", 1)[0].lower() in self.street_prefixes and self._street(text, rest, end)

    def _named(self, text: str, start: int, end: int) -> bool:
        """A street named without its number ("rue de Jourdan", "Strada Aanei"): a street word, and the
        rest names (capitalised or street words), not a sentence."""
        if self.named.fullmatch(text, start, end) is None:
            return False
        words = STREET_WORD.findall(text, start, end)
        return 1 <= len(words) <= 7 and words[0] not in self.shapes.common and \
            all(w[0].isupper() or w.lower() in self.street_words or w.lower() in self.street_prefixes for w in words)

    def _street(self, text: str, start: int, end: int) -> bool:
        """A street line: the shape, and its words are names (capitalised, not common) or street words."""
        if self.street.fullmatch(text, start, end) is None:
            return False
        words: list[str] = STREET_WORD.findall(text, start, end)
        if not words:
            return False
        if words[0] in self.shapes.common:
            return False   # "Table 5", "Step 2", "March 2"
        if not text[start].isdigit() and not words[0][0].isupper() and words[0].lower() not in self.street_prefixes:
            return False   # "on March 2": a sentence, not a street
        if any(w.lower() in self.street_types for w in words[1:]):
            return words[0][0].isupper()   # "Ady endre utca 102."
        if words[0][0].isupper() and len(words) <= MAX_LOWER_STREET and \
                (words[0].lower() in self.street_prepositions or text[start].isalpha()) and \
                not any(w[0].islower() and w.capitalize() in self.shapes.common for w in words):
            return True    # "Pri hradnej studni 5", "Gupčeva zvijezda 38": a street's own lowercase words
        return all(w[0].isupper() or w.lower() in self.street_words or w.lower() in self.street_prefixes
                   for w in words)

    def _blocks(self, text: str, lines: list[tuple[int, int]], streets: set[tuple[int, int]]) -> list[Finding]:
        found: list[Finding] = []
        index = 0
        while index < len(lines):
            start, end = lines[index]
            numbered = self._is_street(text, start, end, streets)
            above = not numbered and (self._above_house(text, lines, index) or self._house_first(text, lines, index))
            if not numbered and not above and not self._named(text, start, end):
                index += 1
                continue
            last = self._postal_after(text, lines, index, self.spec.max_lines if numbered else 3 if above else 2)
            if last < 0 and numbered and self._postal_above(text, lines, index):
                # the postal line first, as Hungary writes it: "H-4656 Mártondevecser" / "Mellékfalvai utca 22."
                for line_start, line_end in lines[index - 1:index + 1]:
                    found.append(Finding("STREET_ADDRESS", line_start, line_end, self.spec.score, "address_block",
                                         ADDRESS_PRIORITY))
                index += 1
                continue
            if last < 0:
                index += 1
                continue
            first = index
            while first > 0 and self.unit.fullmatch(text, *lines[first - 1]) and \
                    "\n\n" not in text[lines[first - 1][1]:lines[first][0]]:
                first -= 1   # "Flat 4" above "27 Baker Street"
            for line_start, line_end in lines[first:last + 1]:
                found.append(Finding("STREET_ADDRESS", line_start, line_end, self.spec.score, "address_block",
                                     ADDRESS_PRIORITY))
            name = self._heading_name(text, lines, first)
            if name is not None:
                found.append(Finding("PERSON", name[0], name[1], self.spec.score, "address_block", 1))
            index = last + 1
        return found

    def _house_first(self, text: str, lines: list[tuple[int, int]], index: int) -> bool:
        """A house number alone on the line above its street's name ("661" / "Sunder" / "067478 Bharatpur"):
        one to five capitalised names, none a common word, then a postal line with a town."""
        if index + 2 >= len(lines) or self.house.fullmatch(text, *lines[index]) is None or \
                not any(c.isdigit() for c in text[lines[index][0]:lines[index][1]]):
            return False
        words: list[str] = STREET_WORD.findall(text, *lines[index + 1])
        if not 1 <= len(words) <= 5 or any(w in self.shapes.common or not w[0].isupper() for w in words) or \
                " ".join(words) != " ".join(text[lines[index + 1][0]:lines[index + 1][1]].split()):
            return False
        start, end = lines[index + 2]
        return any(c.isalpha() for c in text[start:end]) and self.postal.fullmatch(text, start, end) is not None \
            and _capitalised_town(text, start, end)

    def _postal_above(self, text: str, lines: list[tuple[int, int]], index: int) -> bool:
        """Whether the line right above street line `index` is a postal line with its town, none of whose
        words is a common one ("1200 Total" / "Page 5" is a table)."""
        if index == 0:
            return False
        start, end = lines[index - 1]
        between = text[end:lines[index][0]]
        words = STREET_WORD.findall(text, start, end)
        return "\n" in between and "\n\n" not in between and bool(words) and \
            not any(w in self.shapes.common for w in words) and \
            self.postal.fullmatch(text, start, end) is not None and _capitalised_town(text, start, end)

    def _above_house(self, text: str, lines: list[tuple[int, int]], index: int) -> bool:
        """A street's name on the line above its house number alone ("Binnerring" / "237" / "17865
        Strausberg"): one to five names, and neither they nor the town below common words ("Active
        Users" / "42" / "1200 Total" is a table)."""
        if index + 2 >= len(lines) or self.house.fullmatch(text, *lines[index + 1]) is None:
            return False
        words: list[str] = STREET_WORD.findall(text, *lines[index])
        below = STREET_WORD.findall(text, *lines[index + 2])
        lettered = any(c.isalpha() for c in text[lines[index + 2][0]:lines[index + 2][1]])
        if not 1 <= len(words) <= 5 or not lettered or any(w in self.shapes.common for w in words + below) or \
                " ".join(words) != " ".join(text[lines[index][0]:lines[index][1]].split()):
            return False
        if any(w.lower() in self.street_types for w in words[1:]):
            return words[0][0].isupper()   # "Dózsa györgy utca" / "132"
        return all(w[0].isupper() or w.lower() in self.street_words for w in words)

    def _postal_after(self, text: str, lines: list[tuple[int, int]], index: int, reach: int) -> int:
        """The index of the postal line closing the block started by street line `index` within `reach`
        lines, or -1."""
        for ahead in range(index + 1, min(len(lines), index + 1 + reach)):
            start, end = lines[ahead]
            if "\n\n" in text[lines[ahead - 1][1]:start] or "\n" not in text[lines[ahead - 1][1]:start]:
                return -1   # a blank line ends the block (and two parts of one line are not lines)
            if self.postal.fullmatch(text, start, end) and _capitalised_town(text, start, end) or \
                    self.postal_alone.fullmatch(text, start, end):
                return ahead
            if not self.between.fullmatch(text, start, end):
                return -1
        return -1

    def _heading_name(self, text: str, lines: list[tuple[int, int]], index: int) -> tuple[int, int] | None:
        """The line above a block when it holds only a name ("Anita Martinsen", "Vass Attila")."""
        if index == 0:
            return None
        start, end = lines[index - 1]
        if "\n\n" in text[end:lines[index][0]] or text[end - 1] == ":":
            return None   # a label over the block ("Address:", "Ship to:") names no one
        words = [m.group() for m in NAME_WORDS.finditer(text, start, end)]
        if not 1 <= len(words) <= 5 or not self.shapes.candidate(words[0]):
            return None
        if not all(self.shapes.namey(w, False) for w in words):
            return None
        return start, end

    def _inline(self, text: str, start: int, end: int) -> Iterator[Finding]:
        """"Tirzasingel 117, 6509YW Jelsum", "3 James Street, Port Anthonyburgh, ACT, 2146" within one line."""
        if "," not in text[start:end]:
            return
        breaks = list(PART_BREAK.finditer(text, start, end))
        parts = list(zip([start] + [m.end() for m in breaks], [m.start() for m in breaks] + [end]))
        index = 0
        while index < len(parts) - 1:
            street, last = self._street_parts(text, parts, index)
            numbered = street is not None and any(c.isdigit() for c in text[street:parts[last][1]])
            if street is None:
                index += 1
                continue
            if index > 0 and street == parts[index][0]:
                street = self._unit_tail(text, *parts[index - 1]) or street   # "Flat 36, 149 Lee Courts, …"
            closing = -1
            for ahead in range(last + 1, min(len(parts), last + 1 + self.spec.max_lines)):
                part_start, part_end = parts[ahead]
                cut = TAIL_CUT.search(text, part_start, part_end)
                part_end = cut.start() if cut else part_end
                part_end -= text[part_end - 1:part_end] == "."
                if self.postal.fullmatch(text, part_start, part_end) and _capitalised_town(text, part_start, part_end):
                    if self._closes(text, part_start, part_end, numbered, ahead > last + 1):
                        closing = part_end
                    elif numbered and ahead + 1 < len(parts):
                        closing = self._town_part(text, *parts[ahead + 1])   # "Ribestræde 14a, 4716, Give"
                    break
                prefix = self.postal.match(text, part_start, part_end)
                if prefix is not None and not _capitalised_town(text, prefix.start(), prefix.end()):
                    prefix = self.code.match(text, part_start, part_end)   # "33496 by Friday": no town
                if ahead == len(parts) - 1 and prefix is not None and text[prefix.end():prefix.end() + 1] == " " \
                        and text[prefix.end() + 1:prefix.end() + 2].islower() \
                        and self._closes(text, prefix.start(), prefix.end(), numbered, ahead > last + 1):
                    closing = prefix.end()   # "…, 10115 Berlin please."
                    break
                if cut is None and ahead + 1 < len(parts) and self._two_part_postal(text, part_start, parts[ahead + 1]):
                    closing = self._two_part_postal(text, part_start, parts[ahead + 1])
                    break
                if cut is not None or not self.between.fullmatch(text, part_start, part_end):
                    break
            if closing < 0:
                index += 1
                continue
            yield Finding("STREET_ADDRESS", street, closing, self.spec.score, "address_block", ADDRESS_PRIORITY)
            index = ahead + 1

    def _two_part_postal(self, text: str, start: int, following: tuple[int, int]) -> int:
        """The end of a "Town, ST 12345" postal line that starts at `start` and ends in part `following`
        ("San Guadalupe los bajos, AGS 75297 (customer …)"), or 0."""
        code = STATE_CODE.match(text, following[0], following[1])
        if code is None or self.postal.fullmatch(text, start, code.end()) is None:
            return 0
        return code.end()

    def _unit_tail(self, text: str, start: int, end: int) -> int | None:
        """Where a unit ("Flat 36") that part [start, end) ends with begins, or None."""
        for offset in [start] + [m.end() for m in SPACE.finditer(text, start, end)][-2:]:
            if self.unit.fullmatch(text, offset, end) and text[offset].isalpha():
                return offset
        return None

    def _town_part(self, text: str, start: int, end: int) -> int:
        """The end of a capitalised town that part [start, end) begins with ("Give", "Give in the zone"), or -1."""
        cut = TAIL_CUT.search(text, start, end)
        end = cut.start() if cut else end
        end -= text[end - 1:end] == "."
        town = self.between.match(text, start, end)
        if town is None or not text[start].isupper():
            return -1
        rest = text[town.end():end]
        return town.end() if not rest or (rest[0] == " " and rest[1:2].islower()) else -1

    @staticmethod
    def _closes(text: str, start: int, end: int, numbered: bool, towns_between: bool) -> bool:
        """Whether postal part [start, end) closes an inline address: a town in it (capitalised), or a
        long code, or towns before it; a street without its number needs a town ("via Slack, Teams, 2024",
        "Route 66, 2024" are no addresses)."""
        lettered = any(c.isalpha() for c in text[start:end])
        if lettered:
            return _capitalised_town(text, start, end)
        long_code = sum(c.isdigit() for c in text[start:end]) >= 5
        return towns_between or long_code if numbered else towns_between and long_code

    def _street_parts(self, text: str, parts: list[tuple[int, int]], index: int) -> tuple[int | None, int]:
        """Where a street ending part `index` (or, when the next part is its house number, the part
        after: "Rotonda Gulotta, 43", "47, rue de Becker") begins, and the index of its last part."""
        if index + 2 < len(parts):
            start, end = parts[index + 1]
            house = self.house.fullmatch(text, start, end) is not None and self.postal.fullmatch(text, start, end) is None
            if house or (text[parts[index][1] - 1].isdigit() and self._named(text, start, end)):
                street = self._street_tail(text, parts[index][0], end)
                if street is None and house:
                    street = self._street_tail(text, *parts[index], named=True)
                if street is not None:
                    return street, index + 1
        return self._street_tail(text, *parts[index], named=True), index

    def _street_tail(self, text: str, start: int, end: int, named: bool = False) -> int | None:
        """Where the street that part [start, end) ends with begins ("…for me: Tirzasingel 117"), or None;
        with `named`, a street without its number counts ("…to Strada Marin")."""
        if end - start > 300:
            start = end - 300
        offsets = [start] + [m.end() for m in SPACE.finditer(text, start, end)][-MAX_WORDS:]
        found = [offset for offset in offsets
                 if offset < end and (self._street(text, offset, end) or named and self._named(text, offset, end))]
        # the longest street shape, unless a street word starts a shorter one ("Spedire a Viale Silvia, 29")
        prefixed = [o for o in found[1:] if text[o:end].split(" ", 1)[0].lower() in self.street_prefixes]
        if prefixed and not text[found[0]].isdigit():
            return prefixed[0]
        return found[0] if found else None
