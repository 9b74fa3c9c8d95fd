"""One pass over a text for every pattern recognizer, every field key and the two shared shapes.

The recognizers' patterns, the field keys and the `token` and `number` shapes are joined into one
regular expression. A pattern match goes to its recognizer; a field key to its field, which reads
the value after the separator; a shape candidate to every recognizer of that shape (grouped by digit
count) and the best finding wins. Table spans' columns and SQL INSERT values are then read by their
column names. Nothing scans the whole text twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from filters.recognizers.base import FieldRecognizer, Finding, Recognizer, Site
from filters.recognizers.config import RecognizersFile
from filters.recognizers.context import TextContext

QUOTED_ACROSS = re.compile(r"\"([^\"\\\n]{1,160}\n[ \t]{0,8}[^\"\\\n:=]{1,160})\"|'([^'\\\n]{1,160}\n[ \t]{0,8}[^'\\\n:=]{1,160})'|(?!)()")
QUOTED = re.compile(r"\"([^\"\\\n]{0,512})\"|'([^'\\\n]{0,512})'|`([^`\n]{0,512})`")
# before a quoted value: a string literal's prefix (b"...", r'...'), or a type annotation and its `=`
# (`api_key: str = "..."`, `token: Optional[str] = '...'`)
STRING_PREFIX = re.compile(r"[bBrRuU]{1,2}(?=[\"'])")
ANNOTATION = re.compile(r"[A-Za-z_][\w.\[\]|, ]{0,40}?[ \t]{0,3}=(?!=)[ \t]{0,3}(?:[bBrRuU]{1,2})?(?=[\"'])")
BARE_WORD = re.compile(r"(?:[^\s,;&\"'`)\]}>]|&(?![\w.-]{1,40}=)){1,512}")   # & ends a query parameter
BARE_LINE = re.compile(r"[^\n,;|\"'`}\]]{1,200}")
# "51, rue Allain" and "Alameda do Campo da Bola, 14" hold a comma; a query's next `&key=` or a record's next
# `, key:` ends them
BARE_ADDRESS = re.compile(r"(?:[^\n,;|\"'`}\]&]|&(?![\w.-]{1,40}=)|,(?![ \t]*[\w.-]{1,40}[ \t]*[:=])){1,200}")
BARE_VALUES = {"word": BARE_WORD, "line": BARE_LINE, "address": BARE_ADDRESS}
REST_OF_LINE = re.compile(r"[^\n]{1,256}")
LINE_KEY_PREFIX = re.compile(r"[ \t]{0,8}(?:export[ \t]{1,4}|set[ \t]{1,4}|-[ \t]{1,4})?[\w.-]{0,40}")
NEXT_PAIR = re.compile(r"\s[\w.-]{1,40}=")
PARTS = re.compile(r"\S{1,64}")
EXTENDED_NUMBER = re.compile(r"\+?[0-9][0-9.()-]{5,29}[0-9](?=[xX][0-9]{1,6}\Z)")   # a phone and its extension
CARD_LOOK_ALIKE = re.compile(r"[0-9]{4}([ -])[0-9]{4}\1[0-9]{4}\1[0-9]{4}")
LETTER_PREFIX = re.compile(r"[A-Za-z]{1,12}[-#:_]?")
MAX_DIGITS = 40
MAX_PARTS = 12
MAX_RUN = 5


def _tag(word: str) -> str:
    """A group-name-safe tag for a key word."""
    return "".join(c if c.isalnum() else f"_{ord(c):x}" for c in word)


def _by_second(keys: list[tuple[str, str]]) -> str:
    """The alternation of one first letter's keys (the rest of each key after that letter, what follows
    it), grouped by the key's second letter when every key has an ASCII letter there: the regex engine
    then enters one branch per second letter at a position rather than every key. No text character
    matches two letters read case-insensitively, so only one group can match at a place and each keeps
    its keys' order: the same key wins."""
    if not all(rest[:1].isascii() and rest[:1].isalpha() for rest, _ in keys):
        return "|".join(f"(?i:{re.escape(rest)}){after}" if rest else after for rest, after in keys)
    groups: dict[str, list[str]] = {}
    for rest, after in keys:
        groups.setdefault(rest[0].lower(), []).append(f"(?i:{re.escape(rest[1:])}){after}" if rest[1:] else after)
    return "|".join(f"(?i:{re.escape(second)})(?:{'|'.join(alternatives)})" for second, alternatives in groups.items())


WORD_START_GUARD = re.compile(r"^(?:\[[^\]]*\]|\\.|[^\\(\[])\(\?<!\[([^\]]*)\]\.\)")
SEPARATOR = r"[\"'\]]{0,2}\s{0,3}(?P<sep_%s>=>|==|=|:|(?<=\s)(?:is|was)(?=\s))\s{0,3}"


def _word_start(pattern: str) -> bool:
    """Whether a pattern only starts where no letter or digit precedes (its look-behind says so)."""
    match = WORD_START_GUARD.match(pattern)
    return match is not None and ("\\w" in match.group(1) or "A-Za-z0-9" in match.group(1))


class Scanner:
    """Finds every pattern, field and shape candidate of a text in one regex pass, then validates.

    Each alternative starts with its first character's class, so the regex engine skips it with one
    character test; the ones that only start at a word's beginning sit behind one shared look-behind,
    so inside words they cost one test together. Each ends with an empty named group, so `lastgroup`
    names the alternative that matched.
    """

    def __init__(self, config: RecognizersFile, recognizers: Sequence[Recognizer],
                 fields: Sequence[FieldRecognizer]) -> None:
        self.fields = list(fields)
        anywhere: list[str] = self._field_patterns()
        at_word_start: list[str] = []
        self._patterns: dict[str, tuple[Recognizer, str | None]] = {}
        for index, recognizer in enumerate(r for r in recognizers if r.spec.shape == "pattern"):
            pattern = recognizer.spec.pattern or ""
            value_group = None
            if "(?P<value>" in pattern:
                value_group = f"v{index}"
                pattern = pattern.replace("(?P<value>", f"(?P<{value_group}>")
            self._patterns[f"p{index}"] = (recognizer, value_group)
            (at_word_start if _word_start(pattern) else anywhere).append(f"{pattern}(?P<p{index}>)")
        at_word_start.append(f"{config.shapes['token']}(?P<token>)")
        at_word_start.append(f"{config.shapes['number']}(?P<number>)")
        self.regex = re.compile("|".join([*anywhere, f"(?<![A-Za-z0-9])(?:{'|'.join(at_word_start)})"]))
        self._by_digits: dict[str, list[list[Recognizer]]] = {}
        for shape in ("token", "number"):
            members = sorted((r for r in recognizers if r.spec.shape == shape), key=lambda r: -r.priority)
            self._by_digits[shape] = [
                [r for r in members if r.spec.digits is None or r.spec.digits[0] <= n <= r.spec.digits[1]]
                for n in range(MAX_DIGITS + 1)]

    def _field_patterns(self) -> list[str]:
        """The field keys (`password`, `DB_PASSWORD`, `"name"`, `apiKey`...), one alternative per first letter."""
        by_letter: dict[str, list[tuple[str, str]]] = {}   # first letter -> (the rest of the key, its alternative)
        groups: dict[str, list[tuple[str, int]]] = {}
        count = 0
        for index, field in enumerate(self.fields):
            for word in sorted(field.spec.contains + field.spec.equals, key=len, reverse=True):
                count += 1
                if word in field.spec.equals:
                    after = r"(?<![\w-].{%d})" % len(word)     # the key is a whole word
                else:
                    after = r"[\w.#-]{0,30}"                  # the key holds the word
                by_letter.setdefault(word[0].lower(), []).append((word[1:], f"{after}(?P<f{index}_{count}>)"))
                groups.setdefault(word[0].lower(), []).append((f"f{index}_{count}", index))
        # per alternative (its last group's name): its keys' groups with their fields, and its separator's
        # group, so that a match reads a few groups rather than a dict of all six hundred
        self._field_groups = {f"field_{_tag(letter)}": (tuple(keys), f"sep_{_tag(letter)}")
                              for letter, keys in groups.items()}
        return [f"[{re.escape(letter)}{re.escape(letter.upper())}](?:{_by_second(keys)}){SEPARATOR % letter_tag}"
                f"(?P<field_{letter_tag}>)"
                for letter, keys in sorted(by_letter.items()) for letter_tag in [_tag(letter)]]

    def scan(self, ctx: TextContext) -> list[Finding]:
        """Every finding of the patterns, fields and shapes in the text, plus table columns' fields."""
        text = ctx.text
        found: list[Finding] = []
        pos = 0
        search = self.regex.search
        while True:
            match = search(text, pos)
            if match is None:
                break
            group = match.lastgroup
            pos = match.end()
            if group is None:
                break
            if group == "number":
                self._shape("number", match.start(), match.end(), ctx, found)
                if pos < len(text) and text[pos].isdigit():
                    # the shape's length cap cut a number ("4111… 4012… 5555|5555…", three cards in a
                    # row): its last digit run is read again as the start of the next candidate
                    run = pos
                    while run > match.start() and text[run - 1].isdigit():
                        run -= 1
                    if run > match.start():
                        pos = run
            elif group == "token":
                if not self._token(match.start(), match.end(), ctx, found):
                    # `ssn=536-22-8107`, `?card=4556...&`: a key=value pair read as one token; the
                    # value gets its own turn at every alternative
                    inner = text.find("=", match.start(), match.end())
                    if 0 <= inner < match.end() - 1 and text[inner + 1] != "=":
                        # and its key too: `cloudflare-api-token=-AcY9…` holds the field key `token=`
                        pos = match.start() + 1
            elif group.startswith("field"):
                self._field(match, ctx, found)
            else:
                # after a finding, read on from its value (a JWT after "Bearer " is a JWT) or its end;
                # after none, let the other alternatives try this place
                finding = self._pattern(group, match, ctx)
                if finding is None:
                    pos = match.end() if self._patterns[group][0].spec.claims else match.start() + 1
                else:
                    found.append(finding)
                    value_group = self._patterns[group][1]
                    resume = match.start(value_group) if value_group is not None else finding.end
                    pos = max(resume, match.start() + 1)
        found += self._columns(ctx)
        return found

    def _pattern(self, group: str, match: re.Match[str], ctx: TextContext) -> Finding | None:
        recognizer, value_group = self._patterns[group]
        start, end = match.span(value_group) if value_group is not None else match.span()
        return recognizer.evaluate(ctx.text[start:end], Site(ctx, start, end))

    def _offer(self, shape: str, start: int, end: int, ctx: TextContext) -> Finding | None:
        value = ctx.text[start:end]
        digits = sum(c.isdigit() for c in value)
        if digits > MAX_DIGITS:
            return None
        best: Finding | None = None
        for recognizer in self._by_digits[shape][digits]:
            if best is not None and recognizer.priority < best.priority:
                break
            finding = recognizer.evaluate(value, Site(ctx, start, end), digits)
            if finding is not None and (best is None or finding.score > best.score):
                best = finding
        return best

    def _shape(self, shape: str, start: int, end: int, ctx: TextContext, found: list[Finding]) -> None:
        text = ctx.text
        if text[start] == "(" and ")" not in text[start:end]:
            start += 1
        finding = self._offer(shape, start, end, ctx)
        if finding is not None:
            found.append(finding)
            return
        if CARD_LOOK_ALIKE.fullmatch(text, start, end):
            return   # four groups of four failing Luhn: a card's look-alike (test data, a serial), kept whole
        parts = [m.span() for m in PARTS.finditer(text, start, end)]
        if not 2 <= len(parts) <= MAX_PARTS:
            return
        taken: list[tuple[int, int]] = []
        for length in range(min(len(parts) - 1, MAX_RUN), 0, -1):
            for first in range(len(parts) - length + 1):
                sub_start, sub_end = parts[first][0], parts[first + length - 1][1]
                if any(sub_start < e and s < sub_end for s, e in taken):
                    continue
                finding = self._offer(shape, sub_start, sub_end, ctx)
                if finding is not None:
                    found.append(finding)
                    taken.append((sub_start, sub_end))

    def _token(self, start: int, end: int, ctx: TextContext, found: list[Finding]) -> bool:
        """Offers a token to its recognizers; whether one of them (or its digits, after a prefix) took it."""
        finding = self._offer("token", start, end, ctx)
        if finding is not None:
            found.append(finding)
            return True
        extended = EXTENDED_NUMBER.match(ctx.text, start, end)
        if extended is not None:
            before = len(found)
            self._shape("number", start, extended.end(), ctx, found)   # +1-441-242-2129x13634
            return len(found) > before
        prefix = LETTER_PREFIX.match(ctx.text, start, end)
        if prefix is not None and prefix.end() < end and ctx.text[prefix.end()].isdigit():
            before = len(found)
            self._shape("number", prefix.end(), end, ctx, found)   # SSN-123-45-6789, MRN:00123
            return len(found) > before
        return False

    def _field(self, match: re.Match[str], ctx: TextContext, found: list[Finding]) -> None:
        keys, separator_group = self._field_groups[match.lastgroup or ""]
        index = next(field for name, field in keys if match.start(name) >= 0)
        separator = match.group(separator_group)
        field = self.fields[index]
        text, pos = ctx.text, match.end()
        lead = (ANNOTATION.match(text, pos) if separator.strip() == ":" else None) or STRING_PREFIX.match(text, pos)
        if lead is not None:
            pos = lead.end()
        quoted = QUOTED.match(text, pos)
        if quoted is None and field.spec.value == "address":
            # `home_address: "Pilistót` / `i utca 54."`: an address a line break cuts inside its quotes
            quoted = QUOTED_ACROSS.match(text, pos)
        if quoted is not None:
            group = next(i for i in (1, 2, 3) if quoted.group(i) is not None)
            start, end = quoted.span(group)
        else:
            kind = field.spec.value if separator.strip() in (":", "=") or field.spec.value != "address" else "line"
            bare = BARE_VALUES[kind].match(text, pos)   # in prose ("the address is 12 Elm Rd, thanks") a comma ends it
            if field.spec.line_value and self._starts_line(text, match.start()):
                line = REST_OF_LINE.match(text, pos)
                if line is not None and NEXT_PAIR.search(line.group()) is None:
                    bare = line   # DB_PASSWORD=p@ss word! 12 in an env file: spaces and all
            if bare is None:
                return
            start, end = bare.span()
            while end > start and text[end - 1] in " \t\r.":
                end -= 1
        if end <= start:
            return
        site = Site(ctx, start, end, quoted=quoted is not None, separator=separator.strip())
        finding = field.evaluate(text[start:end], site)
        if finding is not None:
            found.append(finding)

    @staticmethod
    def _starts_line(text: str, key_start: int) -> bool:
        """Whether the key at `key_start` is the first thing on its line (after `export`, `- `, a prefix)."""
        line_start = text.rfind("\n", max(0, key_start - 60), key_start) + 1
        if line_start == 0 and key_start > 60:
            return False
        return LINE_KEY_PREFIX.fullmatch(text, line_start, key_start) is not None

    def _columns(self, ctx: TextContext) -> list[Finding]:
        """Fields known by their column: every cell under a `name`, `dob`, `api_key`... header, every
        value an INSERT statement gives such a column."""
        found: list[Finding] = []
        for index in range(len(ctx.spans)):
            tables = ctx.tables(index)
            for table in tables:
                found += self._cells(ctx, table.headers, table.cells())
            inserted = [] if tables else ctx.inserted(index)
            if inserted:
                found += self._cells(ctx, [c for _, _, c in inserted], ((c, s, e) for s, e, c in inserted))
        return found

    def _cells(self, ctx: TextContext, headers: list[str], cells: Iterator[tuple[str, int, int]]) -> list[Finding]:
        owners = {h: f for h in set(headers) for f in self.fields if h and f.owns(h)}
        if not owners:
            return []   # the cells are never read
        found: list[Finding] = []
        for header, start, end in cells:
            field = owners.get(header)
            if field is None:
                continue
            if ctx.text[start] == "'" and ctx.text[end - 1] == "'" and end - start > 1:
                start, end = start + 1, end - 1   # an INSERT's quoted literal
            finding = field.evaluate(ctx.text[start:end], Site(ctx, start, end, quoted=True))
            if finding is not None:
                found.append(finding)
        return found
