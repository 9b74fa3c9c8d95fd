"""Values in disguise: the text as a provider's model reads it, with every character's place in the original.

A value can be written so that a pattern misses it while a reader does not: a zero-width space, soft
hyphen or NUL inside it, fullwidth or other compatibility forms, Cyrillic or Greek look-alike letters in
a Latin word, percent-escapes (`jane.doe%40example.com`). `Disguises.read` gives the text as read
(format and control characters dropped, NFKC, escapes decoded, look-alikes folded: config/disguises.yaml)
and `Reading.original` maps a span of it back, so the whole disguised value is masked. A text with none
of these (nearly every text) costs one regex search and is returned as it is.

`split_windows` gives the places where a line break may cut a value in two ("jane.doe@exam" / "ple.com"),
joined, for the pattern recognizers to read again.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from filters.configfile import ConfigFileError, load_model

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "config" / "disguises.yaml"

# Format characters (Cf) a text may hide inside a value, and control characters other than tab and
# line breaks: a reader sees nothing there.
INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
             "\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
             "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f")
# Compatibility forms NFKC folds to ASCII: no-break and other spaces, super/subscripts, enclosed and
# letterlike symbols, ligatures, small and fullwidth forms, mathematical letters and digits.
COMPATIBLE = ("\u00a0\u00b2\u00b3\u00b9\u2000-\u200a\u2024\u202f\u205f\u2070-\u209f\u2100-\u214f"
              "\u2460-\u24ff\u3000\ufb00-\ufb06\ufe50-\ufe6b\uff01-\uff5e\U0001d400-\U0001d7ff")
# a fullwidth value encoded is three escapes a character; an escape encoded twice ("%2540", a URL inside
# a URL's parameter) is read as the character too
QUOTES = frozenset("\"'`")
PERCENT = r"(?:%(?:25)?[0-9A-Fa-f]{2}){1,600}"
ONE_ESCAPE = re.compile(r"%(?:25(?=[0-9A-Fa-f]{2}))?([0-9A-Fa-f]{2})")
# a form-encoded value's short groups, whose "+" is a space (`?card=4556+7375+8689+9855`, `%2B49+30+073443`);
# not inside a longer run of base64 characters (`AWS_SESSION_TOKEN=IQoJ...+...`: a token's "+" is its own)
FORM = r"(?<![A-Za-z0-9+/])(?:%2[Bb])?[A-Za-z0-9]{1,10}(?:\+[A-Za-z0-9]{1,10}){2,8}(?![A-Za-z0-9+/=%])"
# what a reader decodes in a string: JSON's and JavaScript's `\u0040`, C's and Python's `\x40`, HTML's
# `&#64;`, `&#x40;`, `&commat;`, `&shy;` (the decoded character is read like any other: a soft hyphen as
# nothing, a fullwidth digit as a digit)
ESCAPE = r"\\u[0-9A-Fa-f]{4}|\\x[0-9A-Fa-f]{2}|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# dashes other than the hyphen-minus between two letters or digits ("536‑22‑8107", "030–1234"): a hyphen
DASHES = "\u2010\u2011\u2012\u2013\u2212\ufe63"
ASCII_WORD_CHAR = re.compile(r"[A-Za-z0-9]")
CELL_EDGES = frozenset(",;|\"=&?")
WORD_REACH = 64
# a break, and the indentation after it when a quote is open on the line before ("3f0e30bca9f" / '  573d2…"')
# (a digit group may end its line with a space: "Call me on +66 43 " / "053 716")
SPLIT_BREAK = re.compile(r"(?:(?<=[^\s])|(?<=[0-9][ \t]))\r?\n(?P<indent>[ \t]{1,40})?(?=[^\s])")
VALUE_MARK = re.compile(r"[0-9@]")
VALUE_WORD = re.compile(r"[\w@.+/=%:$!#*&?~^-]{1,400}")
NEW_KEY = re.compile(r"(?:[+-][ \t]?)?[A-Za-z_][\w.-]{0,60}[ \t]{0,3}[=:](?![=:/])")   # a diff's +KEY= too
CELL_DELIMITERS = frozenset(",;|\t")
PASSWORD_SYMBOLS = re.compile(r"[$*&^~!#%+]")
# a dash or dot may end the line ("246-86-" / "3138") or start the next ("182" / ".98.9.12")
NUMBER_TAIL = re.compile(r"[+(]?[0-9][0-9 ().-]{0,24}[0-9][.)-]?[ \t]?\Z|[0-9][.)-]?[ \t]?\Z")   # "(209)" / "869-1960"
HYPHEN_GROUPS = re.compile(r"[0-9]{2,8}-[0-9]")
NUMBER_HEAD = re.compile(r"[.-]?[0-9][0-9 ().-]{0,24}[0-9]|[.-]?[0-9]")
# a code's groups of letters and digits ("FR35 1729 7003 85OC O" / "S33 4XFY F81")
GROUPS_TAIL = re.compile(r"(?<![A-Za-z0-9])(?:[A-Za-z0-9]{2,6}[ -]){2,8}[A-Za-z0-9]{1,6}\Z")
GROUPS_HEAD = re.compile(r"[A-Za-z0-9]{1,6}(?:[ -][A-Za-z0-9]{2,6}){1,8}(?![A-Za-z0-9])")
# a password's symbols count: "rYu9$ZFyyn!etL" / "9"
FIRST_VALUE_CHARS = re.compile(r"[\w@.+/=%:$!#*&?~^-]{1,400}")
# a token without digits, cut: long, and either a token's punctuation or capitals after small letters
# inside it ("npm_iSMLgOFFwmpQLIsja" / "PkGCfdWBqkfnmTAGBuH"), which words of a language do not have
TOKEN_MARK = re.compile(r"[_=+/]|[a-z][A-Z].{0,40}[a-z][A-Z]")
DOMAIN_END = re.compile(r"\.[A-Za-z]{2,24}\Z")
GROUPED = re.compile(r"[0-9](?: |[.-] ?)[0-9]")
VALUE_CHAR = re.compile(r"[\w.+/=-]")
LONG_VALUE = 4096


class DisguisesConfigError(ConfigFileError):
    """A disguises file that cannot be used; the message names the file and the field."""


class SplitLinesDef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    reach: int = Field(default=80, ge=8, le=400)
    max_breaks: int = Field(default=64, ge=0, le=10_000)
    entities: list[str] = Field(default_factory=list)
    spaced: list[str] = Field(default_factory=list)


class DisguisesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(ge=1, le=1)
    letters: dict[str, str]
    split_lines: SplitLinesDef = SplitLinesDef()

    @field_validator("letters")
    @classmethod
    def _one_letter(cls, value: dict[str, str]) -> dict[str, str]:
        for look_alike, latin in value.items():
            if len(look_alike) != 1 or look_alike.isascii():
                raise ValueError(f"{look_alike!r}: a look-alike is one non-ASCII character")
            if len(latin) != 1 or not latin.isascii() or not latin.isalnum():
                raise ValueError(f"{look_alike!r}: it reads as one ASCII letter or digit, not {latin!r}")
        return value


def load_disguises(path: str | Path = DEFAULT_PATH) -> DisguisesFile:
    """The validated file; DisguisesConfigError naming the file and the field otherwise."""
    return load_model(path, DisguisesFile, error=DisguisesConfigError)


@dataclass(frozen=True)
class Reading:
    """A text as read; `starts[i]`/`ends[i]`: where character i of `text` came from (None: unchanged)."""

    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    @property
    def changed(self) -> bool:
        return self.starts is not None

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span [start, end) of the read text came from."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return at, at
        return self.starts[start], self.ends[end - 1]

    def position(self, original: int) -> int:
        """The read text's position of an original position (the first character from there on)."""
        if self.starts is None:
            return original
        return bisect_left(self.starts, original)


class Disguises:
    """Reads texts the way a model does, by the rules of one disguises file."""

    def __init__(self, config: DisguisesFile) -> None:
        self.config = config
        self.letters = dict(config.letters)
        look_alikes = "".join(re.escape(c) for c in self.letters)
        self.pattern = re.compile(f"{FORM}|{PERCENT}|{ESCAPE}|[{INVISIBLE}{COMPATIBLE}{DASHES}{look_alikes}]")

    @classmethod
    def default(cls) -> Disguises:
        return _default()

    def read(self, text: str) -> Reading:
        """The text as read; the same object's text when nothing in it is disguised."""
        first = self.pattern.search(text)
        if first is None:
            return Reading(text)
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for match in self.pattern.finditer(text, first.start()):
            start, end = match.span()
            if start > pos:
                pieces.append(text[pos:start])
                starts.extend(range(pos, start))
                ends.extend(range(pos + 1, start + 1))
            for char, char_start, char_end in self._replacement(text, match):
                pieces.append(char)
                starts.append(char_start)
                ends.append(char_end)
            pos = end
        pieces.append(text[pos:])
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
        read = "".join(pieces)
        if read == text:
            return Reading(text)
        return Reading(read, starts, ends)

    def _replacement(self, text: str, match: re.Match[str]) -> list[tuple[str, int, int]]:
        """(character, original start, original end) of what a reader sees in place of `match`."""
        found, start = match.group(), match.start()
        if len(found) > 1 and "+" in found:
            return _form_decoded(found, start)
        if found[0] == "%" and len(found) >= 3:
            line = text[text.rfind("\n", 0, start) + 1:start]
            quoted = line.count('"') % 2 == 1 or line.count("'") % 2 == 1
            return _folded(_decoded(found, start, quoted))
        if len(found) > 2:
            char = _unescaped(found)
            if char == found:
                return [(c, start + i, start + i + 1) for i, c in enumerate(found)]
            return _folded([(char, start, start + len(found))])
        latin = self.letters.get(found)
        if latin is not None:
            return [(latin if _in_latin_word(text, start) else found, start, start + 1)]
        if found in DASHES:
            between = text[start - 1:start].isalnum() and text[start + 1:start + 2].isalnum()
            return [("-" if between else found, start, start + 1)]
        return _folded([(found, start, start + 1)])

    def split_windows(self, text: str) -> Iterator[tuple[int, int, int, str, str]]:
        """(start, break position, its end, joiner, joined text) around each line break that may cut a value
        in two (the break's end is past the next line's indentation).

        The joined text is text[start:], `reach` characters either side of that one line break, with
        the break replaced by the joiner: nothing, and also a space between two digits (a card's
        groups written on two lines)."""
        spec = self.config.split_lines
        if not spec.entities or "\n" not in text:
            return
        count = 0
        for match in SPLIT_BREAK.finditer(text):
            if match.group("indent"):
                line = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
                if line.count('"') % 2 == 0 and line.count("'") % 2 == 0:
                    continue   # an indented next line of its own, not a quoted value's rest
            before_start = max(0, match.start() - spec.reach)
            while before_start > 0 and match.start() - before_start < LONG_VALUE and VALUE_CHAR.match(text, before_start - 1):
                before_start -= 1   # a long value (a JWT) the break cuts far from its start is read whole
            after_end = match.end() + spec.reach
            while after_end < len(text) and after_end - match.end() < LONG_VALUE and VALUE_CHAR.match(text, after_end):
                after_end += 1
            before = text[before_start:match.start()]
            after = text[match.end():after_end]
            last = _last_word(before)
            if text[match.end() - 1] in " \t" and DOMAIN_END.search(last):
                continue   # "jane@example.com" / "  part no. 12": an indented line after a whole address
            joined = last + _first_word(after)
            if NEW_KEY.match(after) or not _value_like(joined) and not _number_like(before, after) \
                    and not _groups_like(before, after):
                continue   # the next line starting with `NAME=` or `name:` begins an assignment of its own
            count += 1
            if count > spec.max_breaks:
                return
            yield before_start, match.start(), match.end(), "", before + after
            if before[-1:].isdigit() and after[:1].isdigit():
                yield before_start, match.start(), match.end(), " ", f"{before} {after}"
                if HYPHEN_GROUPS.match(after):
                    # "3655" / "911080-6760": groups written with hyphens on the next line join with one
                    yield before_start, match.start(), match.end(), "-", f"{before}-{after}"


def _value_like(word: str) -> bool:
    """Whether the two halves joined could be a value a break hides: long, of value characters, with a
    digit or an @ ("jane.doe@exam"+"ple.com", "7375"+"8689" of a card; shorter with a password's symbols)."""
    if VALUE_WORD.fullmatch(word) is None:
        return False
    if VALUE_MARK.search(word) is None:
        return len(word) >= 16 and TOKEN_MARK.search(word) is not None
    return len(word) >= (8 if word.isdigit() or len(PASSWORD_SYMBOLS.findall(word)) >= 3 else 10)


def _number_like(before: str, after: str) -> bool:
    """Whether a value's digit groups ("+7 912 745-2" / "6-22", "312 327 07" / "76", "DK61 7595 49" / "00
    8614 04") end `before` and start `after`: a "+" or "(" first or groups written with spaces, eight
    digits at least (a column of plain numbers, one a line, is not read again)."""
    tail, head = NUMBER_TAIL.search(before), NUMBER_HEAD.match(after)
    if tail is None or head is None:
        return False
    if tail.group()[0] not in "+(":
        # groups written with spaces, after a word on their line ("Tel. 34 88 5"): a table's row of
        # numbers ("1200 4400" / "5600 12") starts its line with them
        line = before[before.rfind("\n") + 1:tail.start()]
        if GROUPED.search(tail.group() + " " + head.group()) is None or not any(c.isalpha() for c in line):
            return False
    return sum(c.isdigit() for c in tail.group() + head.group()) >= 8


def _groups_like(before: str, after: str) -> bool:
    """Whether a code's groups of capitals and digits end `before` and go on in `after` (an IBAN cut
    inside a group), with eight digits at least."""
    tail, head = GROUPS_TAIL.search(before), GROUPS_HEAD.match(after)
    if tail is None or head is None:
        return False
    both = tail.group() + head.group()
    return sum(c.isdigit() for c in both) >= 8 and not any(c.islower() for c in both)


def _last_word(text: str) -> str:
    """The value characters `text` ends with (a quote before them is no part of the value); none when a
    cell delimiter precedes them (a CSV row's cells are values of their own)."""
    # read from the end, reversed: a search for the run before `\Z` would try every position of `text`
    match = FIRST_VALUE_CHARS.match(text[::-1])
    if match is None:
        return ""
    start = len(text) - match.end()
    if text[start - 1:start] in CELL_DELIMITERS:
        return ""
    return text[start:]


def _first_word(text: str) -> str:
    """The value characters `text` starts with; none when a cell delimiter follows them, unless they hold
    a password's symbols ("h+Z12u&" of "$>:M*." / "h+Z12u&,)I4": no CSV cell is written so)."""
    match = FIRST_VALUE_CHARS.match(text)
    if match is None or text[match.end():match.end() + 1] in CELL_DELIMITERS \
            and len(PASSWORD_SYMBOLS.findall(match.group())) < 2:
        return ""
    return match.group()


def _in_latin_word(text: str, pos: int) -> bool:
    """Whether the word around `pos` holds an ASCII letter or digit (a look-alike there is a disguise).

    A word ends at white space, at a cell's delimiter and at a key's or a query's: in the CSV row
    `4154,Зуев,2024-10-25` and in `?given_name=Злата&tier=2` the Cyrillic name is a word of its own."""
    low = pos
    while low > 0 and pos - low < WORD_REACH and not text[low - 1].isspace() and text[low - 1] not in CELL_EDGES:
        low -= 1
    high = pos + 1
    while high < len(text) and high - pos < WORD_REACH and not text[high].isspace() and text[high] not in CELL_EDGES:
        high += 1
    return ASCII_WORD_CHAR.search(text, low, high) is not None


def _folded(chars: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Decoded characters as read: invisible ones dropped, compatibility forms folded (NFKC)."""
    out: list[tuple[str, int, int]] = []
    for char, char_start, char_end in chars:
        folded = "-" if char in DASHES else unicodedata.normalize("NFKC", char) if not char.isascii() else char
        if not folded or unicodedata.category(folded[0]) in ("Cf", "Cc") and folded not in "\t\n":
            continue   # invisible: read as nothing
        out.extend((c, char_start, char_end) for c in folded)
    return out


def _unescaped(escape: str) -> str:
    """The character a `\\u....`, `\\x..` or HTML escape stands for; the escape itself when it stands for
    a control character or none (`&notanentity;`)."""
    if escape[0] == "\\":
        char = chr(int(escape[2:], 16))
        if 0xD800 <= ord(char) <= 0xDFFF or escape[1] == "x" and not (" " <= char <= "~" or char == "\u00ad"):
            return escape
    else:
        char = html.unescape(escape)
        if char == escape or len(char) != 1:
            return escape
    if unicodedata.category(char) == "Cc":
        return escape
    return char


def _form_decoded(value: str, start: int) -> list[tuple[str, int, int]]:
    """A form-encoded value: each "+" a space, its %XX escapes decoded."""
    out: list[tuple[str, int, int]] = []
    for piece in re.finditer(PERCENT + r"|[^%]+|%", value):
        at = start + piece.start()
        if piece.group()[0] == "%" and len(piece.group()) >= 3:
            out += _folded(_decoded(piece.group(), at))
        else:
            out += [(" " if c == "+" else c, at + i, at + i + 1) for i, c in enumerate(piece.group())]
    return out


def _decoded(escapes: str, start: int, quoted: bool = False) -> list[tuple[str, int, int]]:
    """A run of %XX escapes as the UTF-8 characters they encode, each mapped to its escapes.

    A run that is not valid UTF-8, or decodes to a control character, is read as written; inside a
    quoted string (`quoted`), so is an escaped quote: it hides no value's character and would only end
    the quoted value it is written in (`-p 'ember Maple%22'`)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    out: list[tuple[str, int, int]] = []
    char_start = start
    try:
        for escape in ONE_ESCAPE.finditer(escapes):
            decoded = decoder.decode(bytes([int(escape.group(1), 16)]))
            end = start + escape.end()
            if quoted and decoded in QUOTES:
                out += [(c, start + escape.start() + i, start + escape.start() + i + 1)
                        for i, c in enumerate(escape.group())]
                char_start = end
                continue
            for char in decoded:
                if unicodedata.category(char) in ("Cc", "Cf") and char not in "\t\n":
                    raise ValueError("a control character")
                out.append((char, char_start, end))
            if decoded:
                char_start = end
        decoder.decode(b"", final=True)
    except ValueError:
        return [(char, start + i, start + i + 1) for i, char in enumerate(escapes)]
    return out


@lru_cache(maxsize=1)
def _default() -> Disguises:
    return Disguises(load_disguises(DEFAULT_PATH))
