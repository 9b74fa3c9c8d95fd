"""Person names: spaCy's NER through Presidio's AnalyzerEngine, run only where a name can occur.

Names are also known by the words around them (`name_cues`), in any language; in the texts of
instruction roles (system prompts, tool definitions) only so, never by the model's word alone.
NER reads prose, tables, records, logs, tracebacks and profiles (never code, SQL or schema as a
whole, never metadata); in code and SQL only string literals and comments. Within those it reads
only the lines holding a capitalised word that could start a name and that no other recognizer has
already explained. The lines are packed into chunks of about `chunk_chars` (one spaCy document
each, longer lines cut with an overlap) and the results mapped back to the text.

NER weights fine-tuned on person names (`config/person_ner/`, written by
`tests/bench/train_person_ner.py`; the same network, size and cost as the package's) are loaded over
the package's when `ner.tuned_weights` names them; they are not by default (README "What is found").
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpArtifacts

from filters.recognizers.base import Finding
from filters.recognizers.config import NerDef
from filters.recognizers.context import TextContext
from filters.recognizers.name_cues import NameCues
from filters.recognizers.name_lines import NameLines
from filters.recognizers.name_scripts import ScriptNames, script_word
from filters.recognizers.name_signals import Entity, NameSignals
from filters.recognizers.names import CANDIDATE, NameShapes, in_typed_record, sql_listed
from filters.recognizers.tables import table_blocks
from filters.segments import DataClass

LITERAL = re.compile(r"'([^'\n]{2,300})'|\"([^\"\n]{2,300})\"|(?:#|--|//) ?([^\n]{2,300})")
CELL_BREAKS = str.maketrans({c: "\n" for c in ",|\t;\"{}[]"})
STRUCTURED_KINDS = frozenset({"table", "record"})
PROSE_KINDS = frozenset({"prose", ""})
JOIN = "\n\n"
PERSON_PRIORITY = 1
# a value's key just before it (`"plan": "Dr Pepper"`, `card_brand=Zalando`), a title word allowed between
THING_KEY = re.compile(r"(?<![\w-])[\"']?([\w-]{1,40})[\"']?[ \t]{0,3}[:=][ \t]{0,3}[\"']?(?:[^\W\d_]{1,5}\.? )?\Z")
VALUE_END = re.compile(r"(?:['’]s\b[^\"'\n,;&]{0,60})?[ \t]*(?:[\"'\n,;&}]|\Z)")
LOG_MONTH = re.compile(r"[0-9]/[^\W\d_]{3}/[0-9]")   # "05/Mar/2024" of an access log
MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
                   "august september october november december".split())
Covered = tuple[list[int], list[tuple[int, int]]]   # starts, and the merged spans other findings cover
TUNED_NER = Path(__file__).resolve().parents[2] / "config" / "person_ner"


def load_tuned_ner(nlp: Any, directory: Path = TUNED_NER) -> None:
    """Replaces the weights of `nlp`'s NER by the fine-tuned ones in `directory`.

    They were trained over one version of the base package (its manifest says which, and the
    package is pinned by hash): over another, or with other labels, they are refused, so that a
    process never runs a model nobody measured."""
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    meta = nlp.meta
    base = (f"{meta.get('lang')}_{meta.get('name')}", meta.get("version"))
    if base != (manifest["base_model"], manifest["base_version"]):
        raise RuntimeError(f"{directory} was trained over {manifest['base_model']} {manifest['base_version']}, "
                           f"not {base[0]} {base[1]}: rerun tests/bench/train_person_ner.py")
    ner = nlp.get_pipe("ner")
    ner.from_disk(directory, exclude=["vocab"])   # the package's strings hold every label already
    if sorted(ner.labels) != manifest["labels"]:
        raise RuntimeError(f"{directory}: its labels are not those of its manifest")


def _date_month(text: str, start: int, end: int) -> bool:
    """"30 Jan 2024", "May 3", "Sept. 2021": a month beside a number is a date, though "Jan", "May"
    and "June" are given names too (the model, tuned on names, sometimes says so)."""
    if text[start:end].rstrip(".").lower() not in MONTHS:
        return False
    before = text[max(0, start - 4):start].rstrip(" ,")
    after = text[end:end + 4].lstrip(" .,")
    return bool(before[-1:].isdigit() or after[:1].isdigit())


def _thing_valued(text: str, start: int, end: int, keys: frozenset[str]) -> bool:
    """Whether [start, end) is the whole value of a key that names a thing, not a person: its last
    part is a place or thing column's name (`"plan": "Siri"`, `"card_brand": "Zalando"`)."""
    key = THING_KEY.search(text, max(0, start - 60), start)
    if key is None or VALUE_END.match(text, end) is None:
        return False
    return key.group(1).lower().replace("-", "_").rsplit("_", 1)[-1] in keys


def _other_fields(text: str, items: set[tuple[int, int]], found: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """Names found in an item's later fields: under "Attendees:" the item "- Kahinu, Mrihani,
    Washington Post" names its person first, and what follows (a company, a place, a tool: "Wendy's",
    "Marks and Spencer", "Paris, Texas") is the item's other data, whatever NER or a list says."""
    dropped = []
    for _, item_end in items:
        line_end = text.find("\n", item_end)
        line_end = len(text) if line_end < 0 else line_end
        if "," not in text[item_end:line_end]:
            continue
        dropped += [(start, end) for start, end in found if item_end < start < line_end]
    return dropped


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class Window:
    """A stretch of the text given to NER: its offset and the (same-length) text NER reads."""

    start: int
    text: str


class PersonNameRecognizer:
    """Finds PERSON with Presidio's SpacyRecognizer on the windows where names can occur."""

    name = "spacy_person"

    def __init__(self, engine: AnalyzerEngine, spec: NerDef, name_columns: frozenset[str] = frozenset()) -> None:
        self.engine = engine
        self.spec = spec
        self.name_columns = name_columns   # the keys and columns of person_field (SQL `name IN (...)` lists)
        self.shapes = NameShapes(spec)
        self.cues = NameCues(spec.cues, self.shapes)
        self.signals = NameSignals(spec, self.shapes)
        self.scripts = ScriptNames(spec.cues.script_determiners)
        self.lines = NameLines(spec, self.cues, self.signals.model)
        self.instruction_roles = frozenset(spec.instruction_roles)
        self.not_starts = frozenset(spec.not_name_starts)
        self.not_ends = frozenset(spec.not_name_ends)
        self.kinds = frozenset(spec.kinds) | {""}   # a span of unknown kind is read like prose
        self.literal_kinds = frozenset(spec.literal_kinds)
        self.not_person_columns = frozenset(c.lower() for c in spec.not_person_columns)
        self.thing_types = frozenset(t.lower() for t in spec.not_person_types)
        self.thing_keys = frozenset(k.lower() for k in spec.not_person_record_keys)

    def regions(self, ctx: TextContext) -> Iterator[tuple[int, int, bool]]:
        """(start, end, structured) of every stretch where names can occur."""
        for span in ctx.spans:
            if span.data_class == DataClass.METADATA:
                continue
            if span.kind in self.kinds:
                yield span.start, span.end, span.kind in STRUCTURED_KINDS
            elif span.kind in self.literal_kinds:
                for match in LITERAL.finditer(ctx.text, span.start, span.end):
                    group = next(i for i in (1, 2, 3) if match.group(i) is not None)
                    yield match.start(group), match.end(group), False

    def find(self, ctx: TextContext, known: Sequence[Finding], role: str = "user") -> list[Finding]:
        """PERSON findings where names can occur, given what other recognizers found already."""
        text = ctx.text
        instructions = role in self.instruction_roles
        regions = list(self.regions(ctx))
        found: dict[tuple[int, int], float] = {}
        items: set[tuple[int, int]] = set()
        identifiers = sorted(f.start for f in known if f.entity in self.shapes.identifiers)
        for span in sql_listed(text, self.name_columns) if self.name_columns else []:
            holder = ctx.span_at(span[0])
            if holder is not None and holder.data_class != DataClass.METADATA and self._listed_name(text, *span):
                found[span] = self.spec.score
        for start, end, _ in regions:
            for span in self.cues.names(text, start, end, strong_only=instructions):
                found[span] = self.spec.score
            for span in self.lines.names(text, start, end, strong_only=instructions):
                found.setdefault(span, self.spec.score)
            items.update(self.lines.items(text, start, end))
            if identifiers:
                for span in self.shapes.beside_identifiers(text, start, end, identifiers):
                    if self.signals.named_word_in(text, *span):   # not "Apple Watch Ultra" beside a card
                        found.setdefault(span, self.spec.score)
        if not instructions and self.scripts.latin_text(text):
            others = _merged([(f.start, f.end) for f in known if f.entity != "PERSON"])
            for start, end, _ in regions:
                for span in self.scripts.names(text, start, end, others):
                    found.setdefault(span, self.spec.score)
        if not instructions:
            # in a developer's instructions the model's word alone is not enough (see instruction_roles)
            for start, end, structured in regions if self.signals.introduces(text) else []:
                if not structured:
                    for span in self.signals.lowercase_names(text, start, end):
                        found[span] = self.spec.score
            covered = _merged([(f.start, f.end) for f in known] + list(found))
            starts = [s for s, _ in covered]
            windows = [window for start, end, structured in regions
                       for window in self._windows(text, start, end, structured, (starts, covered))]
            chunks = list(self._packed(windows))
            # spaCy keeps every new word it reads in its vocabulary for good: a memory zone forgets them
            # when the documents are read (their findings are offsets), so a process's memory stays flat.
            nlp_engine: Any = self.engine.nlp_engine   # a SpacyNlpEngine (build_analyzer)
            with nlp_engine.get_nlp("en").memory_zone():
                batch = self.engine.nlp_engine.process_batch([chunk for chunk, _ in chunks], "en", batch_size=4)
                for (chunk, parts), (_, artifacts) in zip(chunks, batch):
                    self._read(ctx, chunk, artifacts, parts, found, covered)
        for span in self.shapes.listed(text, set(found)):
            found[span] = self.spec.score
        for span in _other_fields(text, items, found):
            del found[span]
        for span in items:   # an item's other fields are not listed names ("- Tağızadə, Xudu, Paris, Texas")
            found.setdefault(span, self.spec.score)
        if self.not_person_columns:
            for start, end, structured in regions:
                for layout in table_blocks(text, start, end) if structured else []:
                    for span in [s for s in found if start <= s[0] < end]:
                        if layout.header_at(span[0]).strip(" \"'`") in self.not_person_columns:
                            del found[span]
        return [Finding("PERSON", s, e, score, self.name, PERSON_PRIORITY) for (s, e), score in found.items()
                if not self._not_a_person(text[s:e]) and not _date_month(text, s, e)
                and not _thing_valued(text, s, e, self.not_person_columns) and not self.signals.in_thing_name(text, s, e)
                and not in_typed_record(text, s, e, self.thing_types, self.thing_keys)]

    def screened(self, findings: list[Finding], text: str, role: str) -> list[Finding]:
        """Drops pattern and field names that are common words or brands (`"name": "Github"`), the
        names of records typed as things (`"type": "vendor"`), those that start or end like a place's or a
        band's ("The Rolling Stones"), and in instruction roles a one-word `name` value (there the name of
        a tool, a model, a step)."""
        instructions = role in self.instruction_roles
        kept = []
        for finding in findings:
            if finding.entity == "PERSON" and finding.recognizer != self.name:
                words = text[finding.start:finding.end].replace("+", " ").split()   # a form value: Anna+Berg
                if not any((self.shapes.candidate(w.rstrip(".,")) or script_word(w.rstrip(".,")))
                           and w.lower() not in self.shapes.reject_words for w in words):
                    continue
                if instructions and len(words) == 1 and finding.recognizer == "person_field":
                    continue
                if in_typed_record(text, finding.start, finding.end, self.thing_types, self.thing_keys) or \
                        _thing_valued(text, finding.start, finding.end, self.not_person_columns) or \
                        self._not_a_person(text[finding.start:finding.end]):
                    continue
            kept.append(finding)
        return kept

    def _could_name(self, text: str, start: int, end: int, covered: Covered) -> bool:
        starts, spans = covered
        for match in CANDIDATE.finditer(text, start, end):
            word = match.group()
            if not self.shapes.candidate(word) or not self.signals.worth_reading(word) \
                    or LOG_MONTH.match(text, match.start() - 2, match.end() + 2) is not None:
                continue   # no name NER could find here: spaCy's pass is most of a short text's cost
            index = bisect_right(starts, match.start()) - 1
            if index < 0 or spans[index][1] <= match.start():
                return True   # a name candidate nothing else explains
        return False

    def _windows(self, text: str, start: int, end: int, structured: bool, covered: Covered) -> Iterator[Window]:
        """The lines of [start, end) that could hold an unexplained name, adjacent ones together."""
        run_start = run_end = -1
        pos = start
        while pos <= end:
            stop = text.find("\n", pos, end)
            stop = end if stop < 0 else stop
            if stop > pos and self._could_name(text, pos, stop, covered):
                if run_start < 0 or pos > run_end + 1:
                    if run_start >= 0:
                        yield from self._cut(text, run_start, run_end, structured)
                    run_start = pos
                run_end = stop
            pos = stop + 1
        if run_start >= 0:
            yield from self._cut(text, run_start, run_end, structured)

    def _cut(self, text: str, start: int, end: int, structured: bool) -> Iterator[Window]:
        """[start, end) in windows of at most chunk_chars, overlapping, cut at whitespace."""
        size, overlap = self.spec.chunk_chars, self.spec.overlap_chars
        while start < end:
            stop = min(start + size, end)
            if stop < end:
                space = text.rfind(" ", start + size // 2, stop)
                stop = space if space > 0 else stop
            piece = text[start:stop]
            yield Window(start, piece.translate(CELL_BREAKS) if structured else piece)
            if stop >= end:
                break
            start = max(stop - overlap, start + 1)

    def _packed(self, windows: list[Window]) -> Iterator[tuple[str, list[tuple[int, Window]]]]:
        """Windows joined into chunks of at most chunk_chars: one spaCy document each."""
        parts: list[tuple[int, Window]] = []
        length = 0
        for window in windows:
            if parts and length + len(window.text) > self.spec.chunk_chars:
                yield JOIN.join(w.text for _, w in parts), parts
                parts, length = [], 0
            parts.append((length, window))
            length += len(window.text) + len(JOIN)
        if parts:
            yield JOIN.join(w.text for _, w in parts), parts

    def _read(self, ctx: TextContext, chunk: str, artifacts: NlpArtifacts, parts: list[tuple[int, Window]],
              found: dict[tuple[int, int], float], covered: list[tuple[int, int]]) -> None:
        """Presidio's analysis (SpacyRecognizer) of one chunk; keeps the names its results hold, and
        the capitalised runs of its prose that look like names though the model missed them."""
        results = self.engine.analyze(text=chunk, language="en", entities=["PERSON"], nlp_artifacts=artifacts)
        entities = [(e.start_char, e.end_char, e.label_) for e in artifacts.tokens.ents]   # every label, not only those Presidio maps
        starts = [s for s, _, _ in entities]
        for offset, window in parts:
            if ctx.kind_at(window.start) not in PROSE_KINDS:
                continue
            absolute = window.start - offset
            near = entities[max(0, bisect_left(starts, offset) - 1):bisect_left(starts, offset + len(window.text))]
            inside: list[Entity] = [(s + absolute, e + absolute, label) for s, e, label in near
                                    if s < offset + len(window.text) and offset < e]
            for span in self.signals.uncued(ctx.text, window.start, window.start + len(window.text), inside, covered):
                found.setdefault(span, self.spec.score)
        for result in results:
            if self._not_a_person(chunk[result.start:result.end].lstrip("( \"'")):
                continue
            for offset, window in parts:
                start, end = max(result.start, offset), min(result.end, offset + len(window.text))
                if start >= end:
                    continue
                absolute = window.start - offset
                lowercase_ok = ctx.kind_at(window.start) in PROSE_KINDS
                for span in self.shapes.names_in(ctx.text, start + absolute, end + absolute, lowercase_ok):
                    if span not in found:
                        if not self.signals.plausible(ctx.text, *span):
                            continue
                        span = self.signals.extended(ctx.text, *span)
                    if not self._not_a_person(ctx.text[span[0]:span[1]]):
                        found[span] = max(found.get(span, 0.0), result.score, self.spec.score)

    def _listed_name(self, text: str, start: int, end: int) -> bool:
        """Whether a quoted list item could be a person's name: name words, one capitalised or in a caseless script."""
        words = text[start:end].split()
        return 0 < len(words) <= 5 and all(self.shapes.namey(w, False) or script_word(w) for w in words) and \
            any(self.shapes.candidate(w) or script_word(w) for w in words)

    def _not_a_person(self, name: str) -> bool:
        """"The Beatles", "New Jersey", "Lake Annetteshire": no person's name starts so; "Silicon Valley",
        "Long Island": none ends so."""
        first, space, rest = name.partition(" ")
        return bool(space) and (first in self.not_starts or rest.rsplit(" ", 1)[-1] in self.not_ends)
