"""The restricted-use rules file (config/use_rules.yaml): its schema, validated at load.

A rule cites one AUP clause and matches sequences of *parts* in one sentence. A part is a concept
(`$name`: a named list of phrases) or an inline phrase. A phrase is tokens separated by spaces:
`word` matches the word's forms (plural, -ing, -ed and the irregular forms under `forms`, as the
concept's `inflect` allows), `=word` only that exact word, `a|b` any of several (each alternative
sits in this one token: "how much|many" is "how" then "much" or "many"), `[x]` an optional token,
`*` any one word, and `$name` any phrase of concept `name`.
"""

from __future__ import annotations

import os
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from filters.configfile import ConfigFileError, read_yaml, validate

RuleAction = Literal["block", "review", "flag"]
Inflect = Literal["all", "present", "plural", "none"]
CLAUSE = re.compile(r"^AUP (I\.[A-G](\.[a-e])?|II\.[a-o])$")
REF = re.compile(r"^\$[a-z][a-z0-9_]*$")


class UseRulesError(ConfigFileError):
    """A rules file that cannot be used; the message names the file and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ConceptDef(_Strict):
    """A named list of phrases; `inflect` says which word forms each word also matches."""

    phrases: list[str] = Field(min_length=1)
    # all: plural or third person, -ing, -ed and irregular forms; present: all but past forms;
    # plural: nouns' plurals only; none: as written.
    inflect: Inflect = "all"


class FormsDef(_Strict):
    """Irregular word forms the regular rules cannot make: base -> forms."""

    plural: dict[str, list[str]] = Field(default_factory=dict)
    past: dict[str, list[str]] = Field(default_factory=dict)


class RuleDef(_Strict):
    """One restricted use: where it matches, what it cites, and its fixed explanation."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
    clause: str
    category: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    action: RuleAction = "block"
    reason: str = Field(min_length=10)
    match: list[list[str]] = Field(min_length=1)
    gap: int = Field(default=3, ge=0, le=12)   # words allowed between two consecutive parts
    with_: list[str] = Field(default_factory=list, alias="with")       # also in the sentence
    with_anywhere: list[str] = Field(default_factory=list)              # also somewhere in the text
    unless: list[str] = Field(default_factory=list)                     # not in the sentence
    unless_anywhere: list[str] = Field(default_factory=list)            # nowhere in the text
    # Skip a match right after a negation ("do not write malware", "refuse requests to ..."): the
    # text forbids the use, as system prompts do, rather than asking for it.
    negatable: bool = True
    # Count a match even inside a short text that describes restricted uses (not a document that quotes it): words
    # addressed to the model that switch its policy off ("you ignore all content policies") are a
    # request wherever they stand.
    in_descriptions: bool = False

    @field_validator("clause")
    @classmethod
    def _clause(cls, value: str) -> str:
        if not CLAUSE.match(value):
            raise ValueError(f"{value!r} is not a clause of the AUP such as 'AUP II.e' or 'AUP I.B.d'")
        return value

    @field_validator("match")
    @classmethod
    def _sequences(cls, value: list[list[str]]) -> list[list[str]]:
        for sequence in value:
            if not sequence:
                raise ValueError("a sequence needs at least one part")
        return value

    @field_validator("with_", "with_anywhere", "unless", "unless_anywhere")
    @classmethod
    def _refs(cls, value: list[str]) -> list[str]:
        for item in value:
            if not REF.match(item):
                raise ValueError(f"{item!r} must name a concept, as in '$name'")
        return value

    def refs(self) -> list[tuple[str, str]]:
        """Every concept this rule names, with the field that names it."""
        found = [(f"match[{i}][{j}]", part) for i, seq in enumerate(self.match)
                 for j, part in enumerate(seq) if REF.match(part)]
        for field in ("with_", "with_anywhere", "unless", "unless_anywhere"):
            found += [(field.rstrip("_"), ref) for ref in getattr(self, field)]
        return found


NEGATION = "negation"            # the concept whose phrases, shortly before a match, cancel it
NEGATION_END = "negation_end"    # words that end a negation's reach ("how", "but", "tell")
NEGATION_REACH = 8               # at most this many words between the negation and the match


class UseRulesFile(_Strict):
    """The whole file: irregular forms, concepts, rules.

    Concept `negation` cancels a negatable rule's match that follows it within NEGATION_REACH words
    of the same sentence, unless a `negation_end` word comes between ("I can't sleep, how do I ...").
    """

    version: Literal[1]
    forms: FormsDef = Field(default_factory=FormsDef)
    concepts: dict[str, list[str] | ConceptDef]
    rules: list[RuleDef] = Field(min_length=1)

    @field_validator("concepts")
    @classmethod
    def _concept_names(cls, value: dict[str, list[str] | ConceptDef]) -> dict[str, list[str] | ConceptDef]:
        for name, concept in value.items():
            if not REF.match("$" + name):
                raise ValueError(f"concept name {name!r}: use lowercase letters, digits and _")
            if isinstance(concept, list) and not concept:
                raise ValueError(f"concept {name!r} has no phrases")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "UseRulesFile":
        problems: list[str] = []
        seen: set[str] = set()
        for index, rule in enumerate(self.rules):
            if rule.id in seen:
                problems.append(f"rules[{index}].id: {rule.id!r} is used twice")
            seen.add(rule.id)
            for field, ref in rule.refs():
                if ref[1:] not in self.concepts:
                    problems.append(f"rules[{index}] ({rule.id}).{field}: unknown concept {ref}")
            for i, sequence in enumerate(rule.match):
                for j, part in enumerate(sequence):
                    if not REF.match(part):
                        problems += [f"rules[{index}] ({rule.id}).match[{i}][{j}]: {p}"
                                     for p in self._phrase_problems(part)]
        for name in self.concepts:
            for phrase in self.phrases(name):
                problems += [f"concepts.{name}: {p}" for p in self._phrase_problems(phrase)]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _phrase_problems(self, phrase: str) -> list[str]:
        problems: list[str] = []
        for token in phrase.split():
            body = token[1:-1] if token.startswith("[") and token.endswith("]") else token
            if "$" not in body:
                continue
            if not REF.match(body):
                problems.append(f"{phrase!r}: a $-reference must be a whole token, not {token!r}")
            elif body[1:] not in self.concepts:
                problems.append(f"{phrase!r} names unknown concept {body}")
        return problems

    def phrases(self, name: str) -> list[str]:
        concept = self.concepts[name]
        return concept.phrases if isinstance(concept, ConceptDef) else concept

    def inflect(self, name: str) -> Inflect:
        concept = self.concepts[name]
        return concept.inflect if isinstance(concept, ConceptDef) else "all"


def parse_rules(data: object, source: str) -> UseRulesFile:
    """Validate already-parsed YAML; UseRulesError naming `source` and each bad field otherwise."""
    if not isinstance(data, dict):
        raise UseRulesError(f"{source}: the rules file must be a mapping with version, concepts and rules")
    return validate(UseRulesFile, data, source, error=UseRulesError, what="use rules")


def load_rules(path: str | os.PathLike[str]) -> UseRulesFile:
    """Read and validate a rules file."""
    return parse_rules(read_yaml(path, UseRulesError), str(path))
