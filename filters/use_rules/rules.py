"""Restricted uses of the AUP (sections I and II) found in a prompt by explainable word rules.

Each rule in config/use_rules.yaml cites a clause and matches an ordered sequence of concepts
within one sentence ("harm verb" then "a person"), optionally needing other concepts nearby and
cancelled by exceptions ("for the clinician to review", "bias audit", "in my novel").
"""

from __future__ import annotations

import os
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol, runtime_checkable

from filters.segments import RuleHit
from filters.use_rules.config import (
    NEGATION,
    NEGATION_END,
    NEGATION_REACH,
    REF,
    UseRulesError,
    UseRulesFile,
    load_rules,
)
from filters.use_rules.text import Matches, PhraseIndex, Spec, Tokens, compile_phrase, tokenize

DEFAULT_RULES = Path(__file__).resolve().parents[2] / "config" / "use_rules.yaml"
# Texts longer than this are read in pieces cut at line or sentence ends, so time and memory stay
# proportional to the text; a rule's context (`with_anywhere`, `unless_anywhere`) is then its piece.
CHUNK_CHARS = 20_000

__all__ = ["CHUNK_CHARS", "DEFAULT_RULES", "RuleSpec", "UseClassifier", "UseRules", "UseRulesError"]


@runtime_checkable
class UseClassifier(Protocol):
    """Anything that finds restricted uses in a text: these rules today, a learned model later."""

    def evaluate(self, text: str) -> list[RuleHit]: ...


@dataclass(frozen=True)
class RuleSpec:
    """A rule's identity and what the policy does when it matches."""

    id: str
    clause: str       # e.g. "AUP II.e"
    category: str     # e.g. "protected_characteristic"
    action: str       # block | review | flag
    reason: str       # the fixed explanation every hit of this rule carries
    in_descriptions: bool = False   # a match counts inside text that describes restricted uses too


@dataclass(frozen=True)
class _Rule:
    spec: RuleSpec
    sequences: tuple[tuple[int, ...], ...]
    gap: int
    with_: tuple[int, ...]
    with_anywhere: tuple[int, ...]
    unless: tuple[int, ...]
    unless_anywhere: tuple[int, ...]
    negation: tuple[int, int] | None   # the negation and negation_end concepts, when the rule can be negated

    @property
    def needs(self) -> frozenset[int]:
        """Concepts that must occur somewhere for the rule to match at all."""
        return frozenset(self.with_ + self.with_anywhere)


class _Concepts:
    """Compiles named and inline concepts to token sequences, numbering each once."""

    def __init__(self, ruleset: UseRulesFile, source: str) -> None:
        self.ruleset = ruleset
        self.source = source
        self.numbers: dict[str, int] = {}
        self.sequences: list[list[tuple[Spec, ...]]] = []
        self._compiled: dict[str, list[tuple[Spec, ...]]] = {}
        self._visiting: set[str] = set()

    def number(self, part: str, where: str) -> int:
        """The concept number of `$name` or of an inline phrase (`where` names it in errors)."""
        if part not in self.numbers:
            if REF.match(part):
                sequences = self._named(part[1:])
            else:
                sequences = self._phrase(part, "all", where)
            self.numbers[part] = len(self.sequences)
            self.sequences.append(sequences)
        return self.numbers[part]

    def _named(self, name: str) -> list[tuple[Spec, ...]]:
        if name in self._compiled:
            return self._compiled[name]
        if name in self._visiting:
            raise UseRulesError(f"{self.source}: concepts.{name}: refers to itself through $-references")
        self._visiting.add(name)
        result: list[tuple[Spec, ...]] = []
        for phrase in self.ruleset.phrases(name):
            if REF.match(phrase.strip()):
                result += self._named(phrase.strip()[1:])
            else:
                result += self._phrase(phrase, self.ruleset.inflect(name), f"concepts.{name}")
        self._visiting.discard(name)
        self._compiled[name] = result
        return result

    def _phrase(self, phrase: str, inflect: str, where: str) -> list[tuple[Spec, ...]]:
        refs = {token.strip("[]")[1:]: self._named(token.strip("[]")[1:])
                for token in phrase.split() if token.strip("[]").startswith("$")}
        sequences = compile_phrase(phrase, self.ruleset.forms, inflect, refs)
        if not any(sequences) or any(s and s[0] is None for s in sequences):
            raise UseRulesError(f"{self.source}: {where}: {phrase!r} must start with a word")
        return sequences


class UseRules:
    """The restricted-use rules of one rules file; `evaluate` lists the rules a text breaks."""

    def __init__(self, ruleset: UseRulesFile, source: str = "<memory>") -> None:
        concepts = _Concepts(ruleset, source)
        negation = None
        if NEGATION in ruleset.concepts and NEGATION_END in ruleset.concepts:
            negation = (concepts.number("$" + NEGATION, "concepts"), concepts.number("$" + NEGATION_END, "concepts"))
        compiled: list[_Rule] = []
        for index, rule in enumerate(ruleset.rules):
            where = f"rules[{index}] ({rule.id})"

            def numbers(parts: list[str], field: str) -> tuple[int, ...]:
                return tuple(concepts.number(part, f"{where}.{field}") for part in parts)  # noqa: B023 - called at once, inside the loop

            compiled.append(_Rule(
                spec=RuleSpec(rule.id, rule.clause, rule.category, rule.action, rule.reason, rule.in_descriptions),
                sequences=tuple(numbers(seq, f"match[{i}]") for i, seq in enumerate(rule.match)),
                gap=rule.gap,
                with_=numbers(rule.with_, "with"),
                with_anywhere=numbers(rule.with_anywhere, "with_anywhere"),
                unless=numbers(rule.unless, "unless"),
                unless_anywhere=numbers(rule.unless_anywhere, "unless_anywhere"),
                negation=negation if rule.negatable else None,
            ))
        self.source = source
        self._rules = compiled
        # Per rule: what must be present, what must be absent, and each sequence's concepts as a set,
        # so most rules are dismissed by two set comparisons.
        self._checks = [(rule, rule.needs, frozenset(rule.unless_anywhere),
                         [(frozenset(seq), seq) for seq in rule.sequences]) for rule in compiled]
        # Each check filed under a concept without which it cannot match (one it needs, else the first of
        # each of its sequences), so a text only meets the checks of concepts it holds.
        self._by_concept: dict[int, list[int]] = {}
        self._unconditional: list[int] = []
        for position, (checked, needs, _, _) in enumerate(self._checks):
            triggers = {min(needs)} if needs else {seq[0] for seq in checked.sequences if seq}
            if not triggers or not all(checked.sequences):
                self._unconditional.append(position)
            for concept in triggers:
                self._by_concept.setdefault(concept, []).append(position)
        self._index = PhraseIndex(concepts.sequences)
        self._by_id = {rule.spec.id: rule.spec for rule in compiled}

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> "UseRules":
        """The rules of a YAML file; UseRulesError naming the file and field if it is not valid."""
        return cls(load_rules(path), str(path))

    @classmethod
    def default(cls) -> "UseRules":
        """The shipped rules, config/use_rules.yaml (loaded once per process)."""
        return _default()

    @property
    def rules(self) -> list[RuleSpec]:
        """Every rule's id, clause, category, default action and reason, in file order."""
        return [rule.spec for rule in self._rules]

    def rule(self, rule_id: str) -> RuleSpec:
        """The rule with this id; KeyError if there is none."""
        return self._by_id[rule_id]

    def evaluate(self, text: str) -> list[RuleHit]:
        """Every rule `text` matches (its first match each), in text order."""
        found: dict[str, RuleHit] = {}
        for offset, piece in _pieces(text):
            for hit in self._evaluate_piece(piece, offset):
                found.setdefault(hit.rule, hit)
        return sorted(found.values(), key=lambda h: (h.start, h.end, h.rule))

    def _evaluate_piece(self, text: str, offset: int) -> list[RuleHit]:
        tokens = tokenize(text)
        hits = self._index.find(tokens)
        context = _Context(tokens, hits)
        present = frozenset(hits)   # only the concepts found are in it
        due = set(self._unconditional)
        for concept in present:
            due.update(self._by_concept.get(concept, ()))
        result: list[RuleHit] = []
        for position in sorted(due):
            rule, needs, vetoes, sequences = self._checks[position]
            if not needs <= present or not vetoes.isdisjoint(present):
                continue
            for concepts, sequence in sequences:
                if not concepts <= present:
                    continue
                span = context.first_match(rule, sequence)
                if span is not None:
                    spec = rule.spec
                    result.append(RuleHit(spec.id, spec.clause, spec.category, spec.reason,
                                          offset + tokens.starts[span[0]], offset + tokens.ends[span[1] - 1]))
                    break
        return result


class _Context:
    """One text's matches, with lookups built on first use."""

    def __init__(self, tokens: Tokens, hits: Matches) -> None:
        self.tokens = tokens
        self.hits = hits
        self._starts: dict[int, list[int]] = {}
        self._sentences: dict[int, set[int]] = {}

    def in_sentence(self, concept: int, sentence: int) -> bool:
        sentences = self._sentences.get(concept)
        if sentences is None:
            sentences = self._sentences[concept] = {self.tokens.sentences[i] for i, _ in self.hits[concept]}
        return sentence in sentences

    def first_match(self, rule: _Rule, sequence: tuple[int, ...]) -> tuple[int, int] | None:
        """(first word, past-last word) of the first place `sequence` matches with the rule's context."""
        sentences = self.tokens.sentences
        for start, end in self.hits[sequence[0]]:
            sentence = sentences[start]
            if not all(self.in_sentence(c, sentence) for c in rule.with_):
                continue
            if any(self.in_sentence(c, sentence) for c in rule.unless):
                continue
            if rule.negation is not None and self.negated(rule.negation, start, sentence):
                continue
            last = self._extend(sequence, 1, end, sentence, rule.gap)
            if last is not None:
                return start, last
        return None

    def negated(self, negation: tuple[int, int], start: int, sentence: int) -> bool:
        """Whether a negation reaches word `start`: shortly before it, same sentence, nothing ending it."""
        sentences = self.tokens.sentences
        negations, ends = self.hits[negation[0]], self.hits[negation[1]]
        for first, end in negations:
            if end <= start <= end + NEGATION_REACH and sentences[first] == sentence:
                if not any(end <= stop < start for stop, _ in ends):
                    return True
        return False

    def _extend(self, sequence: tuple[int, ...], k: int, after: int, sentence: int, gap: int) -> int | None:
        if k == len(sequence):
            return after
        concept = sequence[k]
        starts = self._starts.get(concept)
        if starts is None:
            starts = self._starts[concept] = [i for i, _ in self.hits[concept]]
        hits = self.hits[concept]
        for n in range(bisect_left(starts, after), len(starts)):
            start, end = hits[n]
            if start > after + gap or self.tokens.sentences[start] != sentence:
                break
            last = self._extend(sequence, k + 1, end, sentence, gap)
            if last is not None:
                return last
        return None


def _pieces(text: str) -> list[tuple[int, str]]:
    """`text` cut into pieces of at most CHUNK_CHARS, at a line or sentence end where there is one."""
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + CHUNK_CHARS, len(text))
        if end < len(text):
            floor = end - CHUNK_CHARS // 10
            cut = max(text.rfind("\n", floor, end), text.rfind(". ", floor, end))
            if cut < floor:
                cut = text.rfind(" ", floor, end)
            end = cut + 1 if cut >= floor else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


@lru_cache(maxsize=1)
def _default() -> UseRules:
    return UseRules.from_file(DEFAULT_RULES)
