"""Names the NER model missed, and NER results that are no names, decided by how the words look.

spaCy's small English model misses many names from outside the English-speaking world, or calls
them a place or an organisation ("Hämäläinen", "Nguyễn Thị Lan"), and calls some bands a person
("Led Zeppelin"). Here a capitalised run the model did not call a person is one when its words look
like a name (`name_likeness`), it is not a place or a thing by the model's label, and nothing in
its sentence says band, album or company (`ner.likeness` in config/recognizers.yaml); a single such
word needs a very high score and a place mid-sentence. An NER result none of whose words looks like
a name is dropped. After "my name is" a lower-case name counts too. Only in the texts of users and
of tools' output: in instruction roles names need a cue (see `ner.instruction_roles`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from filters.recognizers.config import NerDef
from filters.recognizers.name_likeness import MODEL_FILE, NameLikeness
from filters.recognizers.names import NameShapes

WORD = re.compile(r"(?<![\w.@/#$%&=+'’-])[^\W\d_]{1,30}(?:['’-][^\W\d_]{1,30}){0,2}(?:['’]s)?(?![\w@(/=%&+'’-])")
LOWER_NAME = r"(?P<name>[^\W\d_A-Z]{2,30}(?:[ \t][^\W\d_A-Z]{2,30}){0,2})"
NEXT_WORD = re.compile(r"[ \t]{1,3}([^\W\d_]{1,20})")
FOLLOWING = re.compile(r" ([0-9]|[^\W\d_][^\W\d_'’-]{0,30}(?![\w'’-]))")
THING_AFTER = re.compile(r" ([A-Z][^\W\d_]{1,30})(?![\w'’:-])")
SUFFIX_WORDS = frozenset(["II", "III", "IV", "Jr", "Sr"])
# a closing quote may follow it (an SQL list's `'Lizz van den Heuvel'`), not a word's apostrophe
NEXT_NAME_WORD = re.compile(r" ([^\W\d_][^\W\d_'’-]{1,30})(?![\w@(/=%&+.-]|['’][^\W\d_])")
PREVIOUS_WORD = re.compile(r"(?<![\w.@/#$%&=+'’-])([^\W\d_][^\W\d_'’-]{1,30}) $")
MODEL_NUMBER = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,3}[0-9]{1,4}[a-z]? $")   # X1, S24, M2, A7s
ARTICLE = re.compile(r"(?<![\w'’-])(?:a|an|the) $")   # lowercase: "The" may open a sentence before a name
SENTENCE_END = re.compile(r"[.!?;\n]|\s[-–—]\s")
STARTS_SENTENCE = frozenset(".!?:;\"'“‘(*#>-–—•\n")
Entity = tuple[int, int, str]   # start, end, spaCy label


def _phrases(words: Sequence[str]) -> str:
    """An alternation of the phrases, longest first, a space in one matching one to three blanks."""
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]{1,3}") for w in sorted(words, key=len, reverse=True))


def _words_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of [start, end), a possessive's 's left out."""
    spans = []
    for match in WORD.finditer(text, start, end):
        word_end = match.end() - 2 if match.group().endswith(("'s", "’s")) else match.end()
        spans.append((match.start(), word_end))
    return spans


class NameSignals:
    """The name-likeness decisions over NER's windows (see the module's docstring)."""

    def __init__(self, spec: NerDef, shapes: NameShapes, model: NameLikeness | None = None) -> None:
        self.spec = spec.likeness
        self.shapes = shapes
        self.model = model if model is not None else NameLikeness.load(MODEL_FILE)
        self.other_labels = frozenset(self.spec.other_labels)
        self.imperative_objects = frozenset(self.spec.imperative_objects)
        self.followers = frozenset(self.spec.slot_followers)
        self.not_starts = frozenset(spec.not_name_starts)
        cue_words = [*spec.cues.greetings, *spec.cues.introductions, *self.spec.title_words]
        self.may_precede = frozenset(w.lower().rstrip(".") for w in cue_words if " " not in w) | \
            frozenset(w.lower() for w in spec.common_words)
        self.place_labels = frozenset(self.spec.place_labels)
        before = _phrases(self.spec.person_before)
        self.slot_before = re.compile(rf"(?<![\w])(?i:{before})[ \t]{{1,3}}$") if before else None
        verbs = _phrases(self.spec.person_verbs)
        self.verb_before = re.compile(rf"(?<![\w])(?i:{verbs})[ \t]{{1,3}}$") if verbs else None
        after = _phrases(self.spec.person_after)
        self.slot_after = re.compile(rf"(?:[ \t]{{1,3}}|(?=['’]))(?:{after})(?![\w])") if after else None
        runs = _phrases([*self.spec.person_before, *self.spec.run_before])
        self.run_before = re.compile(rf"(?<![\w])(?i:{runs})[ \t]{{1,3}}$") if runs else None
        vocative = "|".join(re.escape(w) for w in sorted(self.spec.vocative_after, key=len, reverse=True))
        self.vocative = re.compile(rf",[ \t]{{1,3}}(?i:{vocative})(?![\w])") if vocative else None
        context = "|".join(re.escape(w) for w in sorted(self.spec.not_person_context, key=len, reverse=True))
        self.context = re.compile(rf"(?i)(?<![\w])(?:{context})(?![\w])") if context else None
        lowercase = spec.cues.lowercase_introductions
        self.lowercase_phrases = [w.lower() for w in lowercase]
        self.name_phrases = frozenset(" ".join(w.lower().split()) for w in self.spec.name_introductions)
        intro = "|".join(re.escape(w).replace(r"\ ", r"[ \t]{1,3}") for w in sorted(lowercase, key=len, reverse=True))
        self.lowercase = re.compile(rf"(?<![\w])(?i:{intro})[ \t]{{1,3}}{LOWER_NAME}") if intro else None

    def _sentence(self, text: str, start: int, end: int) -> tuple[int, int]:
        low = max(0, start - 200)
        before = [m.end() for m in SENTENCE_END.finditer(text, low, start)]
        after = SENTENCE_END.search(text, end, min(len(text), end + 200))
        return (before[-1] if before else low), (after.start() if after else min(len(text), end + 200))

    def _band_or_company(self, text: str, start: int, end: int) -> bool:
        if self.context is None:
            return False
        low, high = self._sentence(text, start, end)
        return self.context.search(text, low, high) is not None

    def plausible(self, text: str, start: int, end: int) -> bool:
        """Whether an NER result [start, end) may stand: a word of it looks like a name, and no band or
        company word is in its sentence."""
        if not self.spec.enabled:
            return True
        words = [text[s:e] for s, e in _words_of(text, start, end) if text[s:e] not in self.shapes.particles]
        if words and max(self.model.score(w) for w in words) < self.spec.ner_floor:
            return False
        if len(words) == 1 and self._initial(text, start):
            following = NEXT_WORD.match(text, end)
            if following is not None and following.group(1) in self.imperative_objects:
                return False   # "Mark a step completed", "Grant the role": a verb, not a name
        return not self._band_or_company(text, start, end)

    def named_word_in(self, text: str, start: int, end: int) -> bool:
        """Whether one word of [start, end) could be a name's (`ner_floor`): of capitalised words with no
        cue but their place, "Imogen Okonkwo" could, "Apple Watch Ultra" and "Daft Punk" could not."""
        if not self.spec.enabled:
            return True
        words = [w.strip("'\"`.,;:()") for w in text[start:end].split()]
        return any(self.model.score(w) >= self.spec.ner_floor for w in words if w)

    def in_thing_name(self, text: str, start: int, end: int) -> bool:
        """Whether the name [start, end) is part of a longer capitalised name of a thing: a capitalised word
        that looks like no name stands right beside it ("the MacBook Air launch", "Apple Watch Ultra",
        "Solutions Architect at"), before it mid-sentence and not a title, a greeting or a common word; or a
        model number stands before it ("ThinkPad X1 Carbon"), or an article before one word ("a Adidas reseller",
        not "a John Smith")."""
        if not self.spec.enabled:
            return False
        after = THING_AFTER.match(text, end)
        if after is not None and after.group(1) not in SUFFIX_WORDS and self.model.score(after.group(1)) < self.spec.ner_floor:
            return True
        if MODEL_NUMBER.search(text, max(0, start - 12), start) is not None:
            return True   # "the ThinkPad X1 Carbon": a thing's model
        if ARTICLE.search(text, max(0, start - 6), start) is not None and " " not in text[start:end].strip():
            return True   # "a Adidas reseller": one word after an article is a thing; "a John Smith" is a person
        before = PREVIOUS_WORD.search(text, max(0, start - 32), start)
        if before is None or not before.group(1)[0].isupper():
            return False
        word = before.group(1)
        if word in self.not_starts:
            return True   # "The Rolling Stones", "Lake Como": a run that starts like a band's or a place's
        if self._initial(text, before.start(1)):
            return False
        return word.lower().rstrip(".") not in self.may_precede and self.model.score(word) < self.spec.ner_floor

    def worth_reading(self, word: str) -> bool:
        """Whether NER could make a name of the capitalised `word`: an NER result none of whose words
        reaches `ner_floor` is dropped (`plausible`), and a run the model missed needs more than that
        (`uncued`), so a line whose every candidate is below it ("Loaded", "Authorization", "Break")
        is not worth the model's time."""
        if not self.spec.enabled:
            return True
        bare = word[:-2] if word.endswith(("'s", "’s")) else word
        return self.model.score(bare) >= self.spec.ner_floor

    def extended(self, text: str, start: int, end: int) -> tuple[int, int]:
        """An NER result with the name-like capitalised word just before or after it that the model
        left out ("Eszter" of "Eszter Kovács")."""
        before = PREVIOUS_WORD.search(text, max(0, start - 32), start)
        if before is not None and self._joins(before.group(1)) and not _words_of(text, before.start(1), start)[1:]:
            start = before.start(1)
        after = NEXT_NAME_WORD.match(text, end)
        if after is not None and self._joins(after.group(1)):
            end = after.end(1)
        return start, end

    def _joins(self, word: str) -> bool:
        return self.shapes.candidate(word) and self.model.score(word) >= self.spec.run_word

    def _initial(self, text: str, start: int) -> bool:
        """Whether `start` begins a sentence or a line (where every word is capitalised)."""
        pos = start - 1
        while pos >= 0 and text[pos] in " \t":
            pos -= 1
        return pos < 0 or text[pos] in STARTS_SENTENCE

    def _runs(self, text: str, start: int, end: int) -> Iterator[list[tuple[int, int]]]:
        """Runs of capitalised name-shaped words joined by one space (particles inside); a possessive
        ends its run ("Anna's Team")."""
        particles = self.shapes.particles
        run: list[tuple[int, int]] = []
        previous, open_run = -2, False
        for match in WORD.finditer(text, start, end):
            word_start, raw_end = match.span()
            possessive = match.group().endswith(("'s", "’s"))
            word_end = raw_end - 2 if possessive else raw_end
            word = text[word_start:word_end]
            name_word = self.shapes.candidate(word)
            if run and open_run and (name_word or word in particles) and word_start == previous + 1 \
                    and text[previous] == " ":
                run.append((word_start, word_end))
            else:
                yield from self._flushed(text, run)
                run = [(word_start, word_end)] if name_word else []
            previous, open_run = raw_end, not possessive
        yield from self._flushed(text, run)

    def _flushed(self, text: str, run: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
        while run and text[run[-1][0]:run[-1][1]] in self.shapes.particles:
            run = run[:-1]
        if run:
            yield run

    def uncued(self, text: str, start: int, end: int, entities: Sequence[Entity],
               covered: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Capitalised runs of [start, end) that look like a name though NER did not tag them."""
        if not self.spec.enabled:
            return []
        found = []
        covered_starts = [s for s, _ in covered]     # sorted, not overlapping (merged by the caller)
        entity_starts = [s for s, _, _ in entities]  # a document's entities: sorted, not overlapping
        for run in self._runs(text, start, end):
            while len(run) > 1 and self._initial(text, run[0][0]) and \
                    self.model.score(text[run[0][0]:run[0][1]]) < self.spec.run_word:
                run = run[1:]   # "Call Eero back", "Ask Nistor": the sentence's verb, then the name
            span = (run[0][0], run[-1][1])
            at = bisect_left(covered_starts, span[1]) - 1
            if at >= 0 and covered[at][1] > span[0]:
                continue
            labels = set()
            at = bisect_left(entity_starts, span[1]) - 1
            while at >= 0 and entities[at][1] > span[0]:
                labels.add(entities[at][2])
                at -= 1
            if "PERSON" in labels:
                continue
            words = [text[s:e] for s, e in run if text[s:e] not in self.shapes.particles]
            scores = [self.model.score(w) for w in words]
            if len(words) >= 2:
                mean = sum(scores) / len(scores)
                if labels & self.other_labels:
                    ok = min(scores) >= self.spec.labelled_word and mean >= self.spec.labelled_mean
                else:
                    ok = min(scores) >= self.spec.run_word and mean >= self.spec.run_mean
                if not ok and not labels & self.place_labels and min(scores) >= self.spec.slot_run_word \
                        and mean >= self.spec.slot_run_mean:
                    ok = self._in_person_slot(text, *span, self._initial(text, span[0]), run=True)
            else:
                initial = self._initial(text, span[0])
                ok = not labels and scores[0] >= self.spec.single_word and not initial
                bar = self.spec.slot_place_word if labels & self.place_labels and not self._after_verb(text, span[0]) \
                    else self.spec.slot_word
                if not ok and scores[0] >= bar:
                    ok = self._in_person_slot(text, *span, initial)
            if ok and not self._band_or_company(text, *span):
                found.append(span)
        return found

    def _in_person_slot(self, text: str, start: int, end: int, initial: bool, run: bool = False) -> bool:
        """Whether the words [start, end) stand where a person does: after a word that takes one
        ("waiting for", "session with"; for a run also "to", "of"), before one a person says or has
        ("and I", "'s laptop"), or opening a sentence as the one spoken to ("Marta, can you")."""
        if self.slot_after is not None and self.slot_after.match(text, end) is not None:
            return True
        if initial:
            return self.vocative is not None and self.vocative.match(text, end) is not None
        before = self.run_before if run else self.slot_before
        if before is None or before.search(text, max(0, start - 24), start) is None:
            return False
        return run or not self._modifies(text, end)

    def _after_verb(self, text: str, start: int) -> bool:
        """Whether a verb that takes a person, never a place, stands right before `start` ("refer to")."""
        return self.verb_before is not None and self.verb_before.search(text, max(0, start - 24), start) is not None

    def _modifies(self, text: str, end: int) -> bool:
        """Whether the one word ending at `end` is followed by a number or a lowercase word that makes it a
        modifier ("for Frank feedback", "for Rose 12% in April"), not a name ("for Anna tomorrow")."""
        following = FOLLOWING.match(text, end)
        if following is None:
            return False
        word = following.group(1)
        return word[0].isdigit() or (word.islower() and word not in STOP_WORDS and word not in self.followers)

    def introduces(self, text: str) -> bool:
        """Whether the text holds a phrase after which a lower-case name counts (one search per text)."""
        if self.lowercase is None or not self.spec.enabled:
            return False
        lower = text.lower()
        return any(phrase in lower for phrase in self.lowercase_phrases) and self.lowercase.search(text) is not None

    def lowercase_names(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """A lower-case name after "my name is" and the like: the words that look like a name."""
        if self.lowercase is None or not self.spec.enabled:
            return []
        found = []
        for match in self.lowercase.finditer(text, start, end):
            kept: list[tuple[int, int]] = []
            phrase = " ".join(text[match.start():match.start("name")].lower().split())
            bar = self.spec.lowercase_name_word if phrase in self.name_phrases else self.spec.lowercase_word
            for word in re.finditer(r"\S+", match.group("name")):
                if word.group() in STOP_WORDS or self.model.score(word.group()) < bar:
                    break
                kept.append((match.start("name") + word.start(), match.start("name") + word.end()))
            if kept:
                found.append((kept[0][0], kept[-1][1]))
        return found
