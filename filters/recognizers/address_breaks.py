"""Address blocks a line break cuts inside a word: "Risa" / "gergade 898", "Kecskem" / "éti utca 26.",
"Richardport, OR 5" / "1121".

A writer's line wrap falls between words; a break between a letter and a small letter, or between two
digits, with nothing else around it, cuts a word or a number in two, and a street or a postcode so cut
is missed by the block reader, which reads line by line. Each paragraph holding such a break and a digit
is read again with those breaks joined; the address findings of the joined reading count when one of
them crosses a joined break (the block is the one the break hid), mapped back to the original text.
Only paragraphs with such a break are read again, each at most `MAX_PARAGRAPH` characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from filters.recognizers.addresses import SKIPPED_KINDS, AddressBlocks
from filters.recognizers.base import Finding
from filters.recognizers.context import TextContext
from filters.recognizers.scanner import Scanner
from filters.segments import DataClass, Span

WORD_CUT = re.compile(r"(?<=[^\W\d_])\r?\n(?=[^\W\d_A-Z])")
# digits cut: the number's rest ends its line or a part ("OR 5" / "1121", "utca 2" / "12., H-3454", "VI 3" /
# "4236 —"), or one or two digits complete a postcode before the town ("7873" / "6 Regen"); a number
# starting a line of words is otherwise a line's own ("Flat 4" / "58 Sophie Park", "74" / "28015 Östersund")
DIGIT_CUT = re.compile(r"(?<![0-9])([0-9]{1,6})\r?\n(?:(?=[0-9]{1,5}(?:[.,;]|\r?\n|\Z|[ \t]{1,2}[—–-]))|"
                       r"(?=([0-9]{1,2})[ \t][^\W\d_]))")
NEXT_WORD = re.compile(r"[^\W\d_]{1,40}\.?")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
MAX_PARAGRAPH = 1200
MAX_CUTS = 16
ENTITIES = frozenset({"STREET_ADDRESS"})


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = max((m.end() for m in PARAGRAPH_BREAK.finditer(text, max(0, pos - MAX_PARAGRAPH), pos)), default=0)
    after = PARAGRAPH_BREAK.search(text, pos, pos + MAX_PARAGRAPH)
    return max(start, pos - MAX_PARAGRAPH // 2), after.start() if after else min(len(text), pos + MAX_PARAGRAPH // 2)


def broken_addresses(scanner: Scanner, addresses: AddressBlocks, ctx: TextContext) -> list[Finding]:
    """STREET_ADDRESS findings of the blocks a break inside a word or number hid (original offsets)."""
    text = ctx.text
    if "\n" not in text:
        return []
    found: list[Finding] = []
    done_until = -1
    # a line starting with a street's lowercase prefix, or with a common word ("why 404 when ...", under
    # "HTTP/1.1 404 Not Found"), starts a line of its own: no word is cut there
    keep_words = addresses.street_prefixes | addresses.shapes.common_lower
    for count, cut in enumerate(_cuts(text, 0, len(text), keep_words)):
        if count >= MAX_CUTS:
            break
        if cut[0] < done_until or ctx.kind_at(cut[0]) in SKIPPED_KINDS:
            continue
        start, end = _paragraph(text, cut[0])
        done_until = end
        if any(c.isdigit() for c in text[start:end]):
            found += _joined_findings(scanner, addresses, ctx, start, end, _cuts(text, start, end, keep_words))
    return found


def _cuts(text: str, start: int, end: int, keep_words: frozenset[str]) -> list[tuple[int, int]]:
    """The breaks inside a word or a number between `start` and `end`, in order. A line starting with a
    street's lowercase prefix or an abbreviation ("ul.", "бул.", "rue", "pl.") starts a line of its own."""
    cuts = [(m.end(1), m.end()) for m in DIGIT_CUT.finditer(text, start, end)
            if m.group(2) is None or 4 <= len(m.group(1)) + len(m.group(2)) <= 6]
    for match in WORD_CUT.finditer(text, start, end):
        word = NEXT_WORD.match(text, match.end())
        if word is not None and not word.group().endswith(".") and word.group().lower() not in keep_words:
            cuts.append(match.span())
    return sorted(cuts)


def _joined_findings(scanner: Scanner, addresses: AddressBlocks, ctx: TextContext,
                     start: int, end: int, breaks: list[tuple[int, int]]) -> list[Finding]:
    text = ctx.text
    pieces: list[str] = []
    joined_at: list[int] = []     # where each piece starts in the joined text
    original_at: list[int] = []   # and in the original
    cuts: list[int] = []          # joined positions where a break was removed
    pos, length = start, 0
    for cut_start, cut_end in breaks:
        pieces.append(text[pos:cut_start])
        joined_at.append(length)
        original_at.append(pos)
        length += cut_start - pos
        cuts.append(length)
        pos = cut_end
    pieces.append(text[pos:end])
    joined_at.append(length)
    original_at.append(pos)
    joined = "".join(pieces)
    span = ctx.span_at(start)
    window = TextContext(joined, [Span(0, len(joined), span.data_class if span else DataClass.INPUT, False,
                                       span.kind if span else "prose")], ctx.window, ctx.window_after)
    own = [f for f in scanner.scan(window) if f.entity in ENTITIES]
    own += [f for f in addresses.find(window, own) if f.entity in ENTITIES]
    if not any(f.start < c < f.end for f in own for c in cuts):
        return []

    def original(at: int) -> int:
        index = bisect_right(joined_at, at) - 1
        return original_at[index] + at - joined_at[index]

    return [replace(f, start=original(f.start), end=original(f.end - 1) + 1) for f in own]



NUMBER_AFTER = re.compile(r"(?:,[ \t]{1,3}|[ \t]*\r?\n)([^\n,;—–()]{1,16}?)[ \t.]*(?=\r?\n|,|[ \t][—–-][ \t]|\Z)")


def house_numbers_after(text: str, findings: list[Finding], house: re.Pattern[str]) -> list[Finding]:
    """A house number after a street found without one: the next part of its line ("Sivertsenstien,
    192 —", "бул. Клубный, 80") or the next line alone ("Sigriststrasse" / "41" / "7957 Bellinzona")."""
    found: list[Finding] = []
    for finding in findings:
        if finding.entity != "STREET_ADDRESS" or any(c.isdigit() for c in text[finding.start:finding.end]):
            continue
        after = NUMBER_AFTER.match(text, finding.end)
        if after is not None and house.fullmatch(after.group(1)):
            found.append(Finding("STREET_ADDRESS", after.start(1), after.end(1), finding.score,
                                 "house_number_after_street", finding.priority))
    return found


IDENTIFIERS = frozenset({"NATIONAL_ID", "DEA_NUMBER", "MAC_ADDRESS", "CRYPTO", "IBAN_CODE", "CREDIT_CARD", "US_SSN",
                         "US_ITIN", "HEALTH_PLAN_ID", "NPI", "MEDICAL_RECORD_NUMBER", "EMAIL_ADDRESS", "IP_ADDRESS"})


def not_led_by_identifiers(blocks: list[Finding], known: list[Finding]) -> list[Finding]:
    """Address-block findings, less those that start with an identifier another recognizer validated: a
    DEA number or an NRIC before ", thanks. Invoice 29714" is no house number before a postcode."""
    starts = {f.start for f in known if f.entity in IDENTIFIERS and not f.requires_near}   # (a guess needing a neighbour is none)
    if not starts:
        return blocks
    return [b for b in blocks if b.entity != "STREET_ADDRESS" or b.start not in starts]
