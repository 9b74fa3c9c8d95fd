"""The recognizers file (config/recognizers.yaml): its schema, validated at load.

Errors name the file and the field. Patterns are compiled here, and refused when a repetition can
nest inside another one without a bound (the shape of catastrophic backtracking).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from filters.configfile import ConfigFileError, load_model

try:  # Python 3.11 keeps the regex parser under this name
    import re._parser as sre_parse  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef,unused-ignore]

Category = Literal["personal", "phi", "secret", "account"]
Shape = Literal["pattern", "token", "number"]
NAME = r"^[a-z][a-z0-9_]*$"
ENTITY = r"^[A-Z][A-Z0-9_]*$"
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "config" / "recognizers.yaml"


class RecognizersConfigError(ConfigFileError):
    """A recognizers file that cannot be used; the message names the file and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _repeats(pattern: str) -> list[tuple[int, list[Any]]]:
    """Every repetition in a parsed pattern as (max count, its parsed body)."""
    found: list[tuple[int, list[Any]]] = []

    def walk(items: object) -> None:
        for op, arg in items:  # type: ignore[attr-defined]
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                found.append((arg[1], list(arg[2])))
                walk(arg[2])
            elif name == "SUBPATTERN":
                walk(arg[-1])
            elif name == "BRANCH":
                for branch in arg[1]:
                    walk(branch)
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(arg[1])

    walk(sre_parse.parse(pattern))
    return found


def check_pattern(pattern: str) -> re.Pattern[str]:
    """The compiled pattern; ValueError if it does not compile or nests an unbounded repetition."""
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"does not compile: {exc}") from None
    unbounded = sre_parse.MAXREPEAT
    for outer_max, body in _repeats(pattern):
        inner = _repeats_in(body)
        if any(inner_max == unbounded for inner_max in inner) or (outer_max == unbounded and inner):
            raise ValueError("nests a repetition inside an unbounded one (use bounded {m,n} counts)")
    return compiled


def starts_with_character(pattern: str) -> bool:
    """Whether the pattern's first item is one character or a character class.

    The scanner joins every pattern into one alternation; the regex engine skips an alternative
    that starts so with a single character test, instead of entering it at every position.
    """
    items = list(sre_parse.parse(pattern))
    return bool(items) and str(items[0][0]) in ("LITERAL", "IN", "NOT_LITERAL")


def _repeats_in(body: list[Any]) -> list[int]:
    maxes: list[int] = []
    for op, arg in body:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            maxes.append(arg[1])
            maxes += _repeats_in(list(arg[2]))
        elif name == "SUBPATTERN":
            maxes += _repeats_in(list(arg[-1]))
        elif name == "BRANCH":
            for branch in arg[1]:
                maxes += _repeats_in(list(branch))
    return maxes


class EntityDef(_Strict):
    """One entity name: its category, and whether it is AUP II.k Restricted Data."""

    category: Category
    restricted: bool = False


class RecognizerDef(_Strict):
    """One recognizer: how its values are found, checked and scored."""

    name: str = Field(pattern=NAME)
    entity: str = Field(pattern=ENTITY)
    family: Category
    shape: Shape = "pattern"
    pattern: str | None = None      # shape pattern: scanned for; a group named `value` is what is reported
    match: str | None = None        # token/number: the candidate must match this in full
    digits: tuple[int, int] | None = None
    validator: str | None = None
    score: float = Field(ge=0, le=1)
    context_score: float | None = Field(default=None, ge=0, le=1)
    context: list[str] = Field(default_factory=list)
    negative_context: list[str] = Field(default_factory=list)
    negative_after: list[str] = Field(default_factory=list)   # a word right after the value that rules it out
    requires_near: list[str] = Field(default_factory=list)
    priority: int = Field(default=2, ge=0, le=9)
    claims: bool = False            # pattern: a match its validator refuses is still read no further
    window: int | None = Field(default=None, ge=0, le=400)   # context characters before, if not the file's
    window_after: int | None = Field(default=None, ge=0, le=400)   # and after ("X, a valid Personnummer?")
    context_in: Literal["near", "header"] = "near"           # header: only its table column's name counts

    @field_validator("pattern", "match")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            check_pattern(value)
        return value

    @model_validator(mode="after")
    def _shape_fields(self) -> RecognizerDef:
        if self.shape == "pattern" and not self.pattern:
            raise ValueError(f"{self.name}: a `pattern` recognizer needs `pattern`")
        if self.shape != "pattern" and (self.pattern or not self.match):
            raise ValueError(f"{self.name}: a `{self.shape}` recognizer needs `match` and no `pattern`")
        if self.pattern:
            if not starts_with_character(self.pattern):
                raise ValueError(f"{self.name}: a pattern must start with its first character's class, look-behinds "
                                 "after it (e.g. 'x(?<![a-z].)ox...'), so the scanner can skip it cheaply")
            compiled = re.compile(self.pattern)
            if set(compiled.groupindex) - {"value"} or compiled.groups > len(compiled.groupindex):
                raise ValueError(f"{self.name}: a pattern's only group may be the named group `value`; "
                                 "use (?:...) otherwise")
        return self


class FieldDef(_Strict):
    """Values known by their key's or column's name."""

    name: str = Field(pattern=NAME)
    entity: str = Field(pattern=ENTITY)
    family: Category
    contains: list[str] = Field(default_factory=list)
    equals: list[str] = Field(default_factory=list)
    validator: str
    score: float = Field(ge=0, le=1)
    requires_person: bool = False
    priority: int = Field(default=2, ge=0, le=9)
    # an unquoted value: one word; the rest of the line (to a comma); an address (commas inside it, up to the
    # next `, key:` or `&key=`)
    value: Literal["word", "line", "address"] = "word"
    line_value: bool = False                  # ...the rest of the line when the key starts it (.env, YAML, INI)

    @model_validator(mode="after")
    def _keys(self) -> FieldDef:
        if not self.contains and not self.equals:
            raise ValueError("a field needs `contains` or `equals` key names")
        for key in self.contains + self.equals:
            if not re.fullmatch(r"[a-z0-9_#-]{2,40}", key):
                raise ValueError(f"key name {key!r}: use lowercase letters, digits, _ and -")
        return self


class ConditionsDef(_Strict):
    """Medical conditions and medications, reported only when tied to a named person."""

    score: float = Field(ge=0, le=1)
    triggers: list[str] = Field(min_length=1)
    max_words: int = Field(default=5, ge=1, le=12)
    stop_words: list[str] = Field(default_factory=list)
    terms: list[str] = Field(min_length=1)


class NameCuesDef(_Strict):
    """Words that announce a name: before it (greetings, introductions, hand-offs), after it, or a
    closing line above a signature."""

    greetings: list[str] = Field(default_factory=list)
    introductions: list[str] = Field(default_factory=list)
    handoffs: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)
    possessed: list[str] = Field(default_factory=list)
    closings: list[str] = Field(default_factory=list)
    # after these a lower-case name is one too ("my name is jan kowalski"), if its words look like a name
    lowercase_introductions: list[str] = Field(default_factory=list)
    # a bulleted list under a heading holding one of these lists people ("Attendees:", "Who signed up:")
    people_headings: list[str] = Field(default_factory=list)
    # a caseless script's words after one of these are a thing, not a name ("a valid 身份证号")
    script_determiners: list[str] = Field(default_factory=list)


class LikenessDef(_Strict):
    """Where the name-likeness model (filters/recognizers/name_likeness.py) decides, and its bars."""

    enabled: bool = True
    run_word: float = Field(default=0.5, ge=0, le=1)      # every word of an uncued capitalised run
    run_mean: float = Field(default=0.8, ge=0, le=1)      # and their mean
    labelled_word: float = Field(default=0.7, ge=0, le=1)  # the same under one of `other_labels`
    labelled_mean: float = Field(default=0.9, ge=0, le=1)
    single_word: float = Field(default=0.95, ge=0, le=1)  # one uncued word mid-sentence
    ner_floor: float = Field(default=0.3, ge=0, le=1)     # an NER result none of whose words reaches this is dropped
    lowercase_word: float = Field(default=0.6, ge=0, le=1)
    # after one of these (a part of `cues.lowercase_introductions` that says "name") each lower-case word
    # needs only `lowercase_name_word`: "my name is scott woodward", not "i'm hard to reach"
    name_introductions: list[str] = Field(default_factory=list)
    lowercase_name_word: float = Field(default=0.15, ge=0, le=1)
    # a salutation line's or a message's last line's words (filters/recognizers/name_lines.py)
    line_word: float = Field(default=0.5, ge=0, le=1)
    # spaCy labels under which an uncued run is a place, a thing or a group, not a person
    other_labels: list[str] = Field(default_factory=list)
    # words that make an uncued or NER-only name in their sentence a band's, a work's or a company's
    not_person_context: list[str] = Field(default_factory=list)
    # one word opening a sentence and followed by one of these is a verb ("Mark a step completed")
    imperative_objects: list[str] = Field(default_factory=list)
    # one uncued word in a person's slot: after one of `person_before` ("waiting for Korhonen") or
    # before one of `person_after` ("Tomasz and I", "Margaux's laptop"), scoring `slot_word`, and not
    # under one of `place_labels` ("flying to Lyon")
    slot_word: float = Field(default=0.6, ge=0, le=1)
    slot_place_word: float = Field(default=0.9, ge=0, le=1)   # the same under a place label
    person_before: list[str] = Field(default_factory=list)
    person_after: list[str] = Field(default_factory=list)
    # of those before, the verbs after which no place stands ("refer to Barrena", "ask Lindqvist"): one word
    # there under a place label needs only `slot_word`
    person_verbs: list[str] = Field(default_factory=list)
    # two or three uncued words in a person's slot (the lists above, or after one of `run_before`:
    # "an email to Gyöngyi Kerekes") need `slot_run_word` each and `slot_run_mean`, under no place label
    run_before: list[str] = Field(default_factory=list)
    slot_run_word: float = Field(default=0.3, ge=0, le=1)
    slot_run_mean: float = Field(default=0.6, ge=0, le=1)
    # one word opening a sentence, then a comma and one of these, is the person spoken to ("Marta, can you")
    vocative_after: list[str] = Field(default_factory=list)
    # after one word in a person's slot, a lowercase word (other than a stop word or these) or a number
    # makes the word a modifier, not a name ("for Frank feedback", "for Summer sale", "for Rose 12%")
    slot_followers: list[str] = Field(default_factory=list)
    # titles before a name that score low as words ("Coach Taylor", "Uncle Bob"): a name may follow them
    title_words: list[str] = Field(default_factory=list)
    place_labels: list[str] = Field(default_factory=list)


class AddressesDef(_Strict):
    """Address blocks: street lines, postcodes and towns (filters/recognizers/addresses.py)."""

    score: float = Field(default=0.8, ge=0, le=1)
    max_lines: int = Field(default=4, ge=1, le=8)
    streets: list[str] = Field(min_length=1)
    postcodes: list[str] = Field(min_length=1)
    town: str
    unit: str
    postal_lines: list[str] = Field(default_factory=list)
    postal_lines_alone: list[str] = Field(default_factory=list)
    house: str = "(?!)"
    named_street: str = "(?!)"
    street_words: list[str] = Field(default_factory=list)
    street_prefixes: list[str] = Field(default_factory=list)
    street_types: list[str] = Field(default_factory=list)
    street_prepositions: list[str] = Field(default_factory=list)

    @field_validator("streets", "postcodes", "postal_lines", "postal_lines_alone")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        for pattern in value:
            check_pattern(pattern)
        return value

    @field_validator("town", "unit", "house", "named_street")
    @classmethod
    def _pattern(cls, value: str) -> str:
        check_pattern(value)
        return value


class NerDef(_Strict):
    """Where and how person-name NER runs."""

    kinds: list[str] = Field(min_length=1)
    literal_kinds: list[str] = Field(default_factory=list)
    chunk_chars: int = Field(default=5000, ge=200, le=100_000)
    overlap_chars: int = Field(default=200, ge=0, le=2000)
    score: float = Field(default=0.85, ge=0, le=1)
    common_words: list[str] = Field(default_factory=list)
    cues: NameCuesDef = NameCuesDef()
    instruction_roles: list[str] = Field(default_factory=list)
    not_name_starts: list[str] = Field(default_factory=list)
    not_name_ends: list[str] = Field(default_factory=list)   # "Silicon Valley", "Long Island": a place's last word
    # a table cell under one of these headers holds a place or a thing, whatever NER calls it
    not_person_columns: list[str] = Field(default_factory=list)
    # a JSON object whose "type" (or "kind", "category") is one of these names a thing, not a person
    not_person_types: list[str] = Field(default_factory=list)
    not_person_record_keys: list[str] = Field(default_factory=list)   # {"name": "Zapier", "enabled": true}
    role_mailboxes: list[str] = Field(default_factory=list)
    identifiers: list[str] = Field(default_factory=list)
    reject_words: list[str] = Field(default_factory=list)
    likeness: LikenessDef = LikenessDef()
    # a folder of fine-tuned NER weights (tests/bench/train_person_ner.py), relative to this file,
    # loaded over the spaCy package's; unset: the package's own (see README "What is found")
    tuned_weights: str | None = None

    @model_validator(mode="after")
    def _overlap(self) -> NerDef:
        if self.overlap_chars * 2 >= self.chunk_chars:
            raise ValueError("overlap_chars must be less than half of chunk_chars")
        return self


class RecognizersFile(_Strict):
    """The whole file."""

    version: Literal[1]
    threshold: float = Field(ge=0, le=1)
    window: int = Field(default=48, ge=0, le=400)
    window_after: int = Field(default=16, ge=0, le=400)
    near_chars: int = Field(default=120, ge=0, le=2000)
    entities: dict[str, EntityDef]
    shapes: dict[Literal["token", "number"], str]
    recognizers: list[RecognizerDef] = Field(min_length=1)
    fields: list[FieldDef] = Field(default_factory=list)
    conditions: ConditionsDef
    ner: NerDef
    service_mailboxes: list[str] = Field(default_factory=list)
    addresses: AddressesDef | None = None

    @field_validator("shapes")
    @classmethod
    def _shapes(cls, value: dict[str, str]) -> dict[str, str]:
        for shape in ("token", "number"):
            if shape not in value:
                raise ValueError(f"shape {shape!r} is missing")
            check_pattern(value[shape])
            if not starts_with_character(value[shape]):
                raise ValueError(f"shape {shape!r} must start with its first character's class")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> RecognizersFile:
        names: set[str] = set()
        items: list[RecognizerDef | FieldDef] = [*self.recognizers, *self.fields]
        for index, item in enumerate(items):
            where = f"recognizers[{index}]" if index < len(self.recognizers) else \
                f"fields[{index - len(self.recognizers)}]"
            if item.name in names:
                raise ValueError(f"{where}: name {item.name!r} is used twice")
            names.add(item.name)
            declared = self.entities.get(item.entity)
            if declared is None:
                raise ValueError(f"{where}: entity {item.entity!r} is not declared under `entities`")
            if declared.category != item.family:
                raise ValueError(f"{where}: family {item.family!r} but entity {item.entity} is {declared.category!r}")
            for needed in getattr(item, "requires_near", []):
                if needed not in self.entities:
                    raise ValueError(f"{where}: requires_near names undeclared entity {needed!r}")
        for entity in ("PERSON", "MEDICAL_CONDITION", "ACCOUNT_USERNAME", "ACCOUNT_EMAIL", "ACCOUNT_NAME"):
            if entity not in self.entities:
                raise ValueError(f"entities: {entity} must be declared (NER, conditions and accounts report it)")
        return self


def load_config(path: str | Path = DEFAULT_PATH, validators: set[str] | None = None) -> RecognizersFile:
    """The validated recognizers file; RecognizersConfigError naming the file and the field otherwise.

    `validators`: the validator names that exist; a recognizer naming another one is an error.
    """
    path = Path(path)
    config = load_model(path, RecognizersFile, error=RecognizersConfigError, what="recognizers file")
    if validators is not None:
        sections: tuple[tuple[str, list[RecognizerDef] | list[FieldDef]], ...] = (
            ("recognizers", config.recognizers), ("fields", config.fields))
        for section, items in sections:
            entries: list[RecognizerDef | FieldDef] = list(items)
            for index, item in enumerate(entries):
                if item.validator is not None and item.validator not in validators:
                    known = ", ".join(sorted(validators))
                    raise RecognizersConfigError(
                        f"{path}: {section}[{index}].validator: unknown validator {item.validator!r}; "
                        f"known: {known}")
    return config
