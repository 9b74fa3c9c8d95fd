"""Words, sentences and phrase matching for the restricted-use rules.

Patterns are expanded to the word forms they match when the rules load, so a text is only
lowercased and split into words: no tagger, no lemmatizer, one dictionary lookup per word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from filters.use_rules.config import FormsDef

# Words, the possessive 's, and sentence ends (.!? before a space, or a line break).
_TOKEN = re.compile(r"[^\W_]+|['’]s(?![^\W_])|[.!?]+(?=\s|$)|\n")
# A period after these is not a sentence end.
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "prof", "st", "vs", "etc", "e", "g", "i", "inc", "co", "no"})
# Short and function words are never inflected: "a" must not also match "as".
_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "my", "your", "his", "her", "its", "our", "their", "this", "that", "these", "those", "to", "of", "in", "on", "for", "with", "and", "or", "but", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "not", "no", "how", "what", "why", "who", "whom", "which", "where", "when", "i", "me", "we", "us", "you", "he", "she", "it", "they", "them", "him", "any", "all", "some", "each", "every", "own", "from", "into", "onto", "by", "at", "as", "up", "out", "off", "over", "than", "then", "so", "if"])
_VOWELS = frozenset("aeiou")

Spec = frozenset[str] | None   # the words one token matches; None: any word


@dataclass(frozen=True)
class Tokens:
    """A text split into lowercase words, with their character offsets and sentence numbers."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    sentences: list[int]


def tokenize(text: str) -> Tokens:
    """Lowercase words of `text`; sentence numbers change at . ! ? before a space and at line breaks."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    sentences: list[int] = []
    sentence = 0
    lower = text.lower()
    source = lower if len(lower) == len(text) else text  # lower() can change the length (rare scripts)
    for m in _TOKEN.finditer(source):
        token = m.group()
        first = token[0]
        if first == "\n" or (first in ".!?" and not (token == "." and words and words[-1] in _ABBREVIATIONS)):
            sentence += 1
            continue
        if first in "'’":
            token = "'s"
        elif source is text:
            token = token.lower()
        words.append(token)
        starts.append(m.start())
        ends.append(m.end())
        sentences.append(sentence)
    return Tokens(words, starts, ends, sentences)


def _cvc(word: str) -> bool:
    """Ends consonant-vowel-consonant, so -ing and -ed may double the last letter (stab -> stabbing)."""
    return (len(word) >= 3 and word[-1] not in _VOWELS and word[-1] not in "wxy"
            and word[-2] in _VOWELS and word[-3] not in _VOWELS)


def word_forms(word: str, forms: FormsDef, inflect: str = "all") -> frozenset[str]:
    """The forms `word` matches under `inflect` (all, present, plural, none); see use_rules_config."""
    found = {word}
    if inflect == "none" or not word.isalpha() or len(word) < 3 or word in _FUNCTION_WORDS:
        return frozenset(found)
    found.update(forms.plural.get(word, ()))
    if inflect == "all":
        found.update(forms.past.get(word, ()))
    consonant_y = word.endswith("y") and word[-2] not in _VOWELS
    if word.endswith(("s", "x", "z", "ch", "sh")):
        found.add(word + "es")
    elif consonant_y:
        found.add(word[:-1] + "ies")
    else:
        found.add(word + "s")
    if inflect == "plural":
        return frozenset(found)
    past: set[str] = set()
    if word.endswith("ie"):
        found.add(word[:-2] + "ying")
        past.add(word + "d")
    elif word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        found.add(word[:-1] + "ing")
        past.add(word + "d")
    else:
        found.add(word + "ing")
        past.add(word[:-1] + "ied" if consonant_y else word + "ed")
        if _cvc(word):
            found.add(word + word[-1] + "ing")
            past.add(word + word[-1] + "ed")
    if inflect == "all":
        found |= past
    return frozenset(found)


def phrase_words(phrase: str) -> list[str]:
    """The words of a pattern token or phrase, split as texts are ("someone's" -> someone, 's)."""
    return tokenize(phrase).words


def compile_phrase(phrase: str, forms: FormsDef, inflect: str,
                   refs: dict[str, list[tuple[Spec, ...]]]) -> list[tuple[Spec, ...]]:
    """Every token sequence `phrase` stands for; `refs` gives the sequences of `$name` tokens."""
    slots: list[list[tuple[Spec, ...]]] = []
    for raw in phrase.split():
        optional = raw.startswith("[") and raw.endswith("]")
        body = raw[1:-1] if optional else raw
        choices: list[tuple[Spec, ...]] = []
        if body == "*":
            choices.append((None,))
        elif body.startswith("$"):
            sequences = refs[body[1:]]
            # One-word phrases of the concept become one token that matches any of them.
            words = [seq[0] for seq in sequences if len(seq) == 1 and seq[0] is not None]
            if words:
                choices.append((frozenset().union(*words),))
            choices.extend(seq for seq in sequences if len(seq) != 1 or seq[0] is None)
        else:
            by_length: dict[int, list[list[str]]] = {}
            for alternative in body.split("|"):
                exact = alternative.startswith("=")
                alt_words = phrase_words(alternative.lstrip("="))
                by_length.setdefault(len(alt_words), []).append(
                    list(alt_words) if exact else [f"~{w}" for w in alt_words])
            for seqs in by_length.values():
                # Alternatives of the same length share one spec per position ("a|the" -> {a, the}).
                specs = []
                for position in range(len(seqs[0])):
                    allowed: set[str] = set()
                    for seq in seqs:
                        word = seq[position]
                        allowed |= word_forms(word[1:], forms, inflect) if word.startswith("~") else {word}
                    specs.append(frozenset(allowed))
                choices.append(tuple(specs))
        if optional:
            choices.append(())
        slots.append(choices)
    return [tuple(spec for part in combo for spec in part) for combo in product(*slots)]


class _Node:
    """A trie node: the nodes after one word, after a word of a large set, after any word; the concepts ending here."""

    __slots__ = ("words", "sets", "any", "ends")

    def __init__(self) -> None:
        self.words: dict[str, _Node] = {}
        self.sets: dict[frozenset[str], _Node] = {}   # large word sets stay one edge, not one per word
        self.any: _Node | None = None
        self.ends: list[int] = []


_SET_EDGE = 1  # specs of more words than this become one set edge, not one edge per word

class PhraseIndex:
    """Finds every concept's phrases in a text's words: a trie walked from each word, one pass."""

    def __init__(self, concepts: list[list[tuple[Spec, ...]]]) -> None:
        self.size = len(concepts)
        self._root = _Node()
        for number, sequences in enumerate(concepts):
            for sequence in set(sequences):
                if not sequence:
                    continue
                if sequence[0] is None:
                    raise ValueError("a phrase cannot start with *")
                self._insert(self._root, sequence, number)

    def _insert(self, node: _Node, sequence: tuple[Spec, ...], number: int) -> None:
        if not sequence:
            if number not in node.ends:
                node.ends.append(number)
            return
        spec, rest = sequence[0], sequence[1:]
        if spec is None:
            if node.any is None:
                node.any = _Node()
            self._insert(node.any, rest, number)
        elif len(spec) > _SET_EDGE and node is not self._root:
            child = node.sets.get(spec)
            if child is None:
                child = node.sets[spec] = _Node()
            self._insert(child, rest, number)
        else:
            for word in spec:
                child = node.words.get(word)
                if child is None:
                    child = node.words[word] = _Node()
                self._insert(child, rest, number)

    def find(self, tokens: Tokens) -> "Matches":
        """Per concept, the (first, past-last) word indices of its matches, in text order."""
        hits = Matches()
        words, sentences = tokens.words, tokens.sentences
        count = len(words)
        root_words = self._root.words
        for i, word in enumerate(words):
            node = root_words.get(word)
            if node is None:
                continue
            sentence = sentences[i]
            states = [(node, i + 1)]
            while states:
                node, j = states.pop()
                for number in node.ends:
                    found = hits.get(number)
                    if found is None:
                        hits[number] = [(i, j)]
                    elif (i, j) not in found[-4:]:
                        found.append((i, j))
                if j < count and sentences[j] == sentence:
                    word = words[j]
                    child = node.words.get(word)
                    if child is not None:
                        states.append((child, j + 1))
                    for spec, child in node.sets.items():
                        if word in spec:
                            states.append((child, j + 1))
                    if node.any is not None:
                        states.append((node.any, j + 1))
        for found in hits.values():
            if len(found) > 1:
                found.sort()
        return hits


class Matches(dict[int, list[tuple[int, int]]]):
    """The matches of the concepts found in one text; a concept not found has none. Only the found ones
    are stored: a short text matches a handful of the hundreds of concepts, and building and scanning a
    list per concept cost more than the matching itself."""

    def __missing__(self, concept: int) -> list[tuple[int, int]]:
        return []
