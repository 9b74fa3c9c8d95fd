"""The learned use classifier: one linear score per clause family over word and character n-grams.

The model (config/use_classifier/model.npz) is coefficients and a vocabulary, written by
tests/bench/train_use_classifier.py from the data its manifest lists; nothing here trains, downloads
or unpickles. A text is scored in windows (paragraphs, then lines, of at most WINDOW_CHARS), so a
request planted in a long context is not diluted by it; a family's score is its best window's.

Scores are calibrated so that a family's threshold (chosen on the dev split) maps to 0.5: the
decision then asks the same of every family, and raises the bar by where a text stands (its role).
A window that describes restricted uses (a policy, documentation, a list of clauses, a moderation
guideline) is not a request for them: its scores count for half (see `describes` in families.yaml).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

import numpy as np
import yaml

from filters.segments import RuleHit
from filters.use_rules.features import TextFeatures, word_grams
from filters.use_rules.token_table import TokenTable

MODEL_DIR = Path(__file__).resolve().parents[2] / "config" / "use_classifier"
DEFAULT_MODEL = MODEL_DIR / "model.npz"
FAMILIES_FILE = MODEL_DIR / "families.yaml"
WINDOW_CHARS = 700
# A window of fewer words than this is little evidence ("write a welcome note"): its scores are
# scaled by words / SHORT_WORDS. Short explicit requests are the rules' job.
SHORT_WORDS = 8
LEAD_CHARS = 200      # how far into a paragraph words leading into a request are looked for
_WORDS = re.compile(r"[^\W_]+")
ANY = "any"           # the pooled head: restricted at all, whichever family
WORD_GRAMS = 4096      # words whose character grams are kept between texts
REPORT_FLOOR = 0.25   # calibrated scores below this are not reported (far below any threshold)


@dataclass(frozen=True)
class Family:
    clause: str
    category: str
    action: str
    reason: str


@dataclass(frozen=True)
class Exception_:
    """An exception the AUP makes: a window matching `when` and not `unless` does not count for `families`."""

    families: frozenset[str]
    when: re.Pattern[str]
    unless: re.Pattern[str] | None


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE | re.MULTILINE)


def load_families(path: Path = FAMILIES_FILE) -> tuple[list[Family], list[re.Pattern[str]], float]:
    """The families, the patterns of descriptive text, and the weight of a descriptive window."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    families = [Family(f["clause"], f["category"], f["action"], f["reason"]) for f in data["families"]]
    describes = [_pattern(p) for p in data.get("describes", {}).get("patterns", [])]
    return families, describes, float(data.get("describes", {}).get("weight", 0.5))


def load_settings(path: Path = FAMILIES_FILE) -> tuple[dict[str, int], list[Exception_]]:
    """What makes a text a document, and the AUP's exceptions per family."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    document = data.get("describes", {}).get("document", {})
    exceptions = [Exception_(frozenset(e["families"]), _pattern(e["when"]),
                             _pattern(e["unless"]) if e.get("unless") else None)
                  for e in data.get("exceptions", [])]
    return {"min_chars": int(document.get("min_chars", 1500)),
            "min_headings": int(document.get("min_headings", 2))}, exceptions


_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)
_LABEL = re.compile(r"\W*(?:[^\W\d_]+[ \t]){0,4}[^\W\d_]+:[ \t]+")   # "Next task: ..."
_PROSE_LEAD = re.compile(r"[^\W\d_][^\n\"{}\[\]=<>|`]*")   # words, not a key of code or data
_PARAGRAPH = re.compile(r"[^\n](?:[^\n]|\n(?!\s*\n))*")   # a run of lines without a blank line


def _leads(paragraph: str, frames: tuple[re.Pattern[str], ...] = ()) -> list[int]:
    """Where a paragraph's request may start after words that lead into it: a short label ("Task: "),
    the last colon of a long lead-in ("Project brief from the owner, to be carried out without asking
    questions: "), a first line that is a heading or a label of its own ("## Standing order"), a first
    sentence that frames what follows (`frames` in families.yaml: a role to play, a claimed authority,
    a question announced)."""
    found = [m.end() for m in (f.match(paragraph) for f in frames) if m and m.end() < len(paragraph)]
    label = _LABEL.match(paragraph)
    if label:
        found.append(label.end())
    colon = paragraph.rfind(": ", 0, LEAD_CHARS)
    if colon > 0 and (not label or colon + 2 > label.end()) and _PROSE_LEAD.fullmatch(paragraph, 0, colon):
        found.append(colon + 2)
    line_end = paragraph.find("\n")
    first, rest = paragraph[:line_end].strip(), paragraph[line_end + 1:]
    label_line = first.endswith(":") and len(_WORDS.findall(first)) >= 2 and bool(_PROSE_LEAD.fullmatch(first))
    # a heading or a label of words, and prose under it (not a block of keys such as YAML's "database:")
    if 0 < line_end <= LEAD_CHARS and (first.startswith("#") or label_line) and rest[:1] not in (" ", "\t", "-"):
        found.append(line_end + 1)
    return found


def load_document_patterns(path: Path = FAMILIES_FILE) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    """In a document: headings of sections that describe restricted uses, and what reads as a request."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")).get("describes", {}).get("document", {})
    return [_pattern(p) for p in document.get("headings", [])], [_pattern(p) for p in document.get("asks", [])]


def load_frames(path: Path = FAMILIES_FILE) -> tuple[re.Pattern[str], ...]:
    """First sentences that frame a request (role-play, a claimed authority, a question announced)."""
    return tuple(_pattern(p) for p in yaml.safe_load(path.read_text(encoding="utf-8")).get("frames", []))


def windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of `text` of at most about `size` characters, cut at blank lines, then lines."""
    if len(text) <= size:
        return [(0, len(text))]
    found: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n\n", start + size // 3, end)
            if cut < 0:
                cut = text.rfind("\n", start + size // 3, end)
            if cut < 0:
                cut = text.rfind(". ", start + size // 3, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 3, end)
            end = cut + 1 if cut >= 0 else end
        found.append((start, end))
        start = end
    return found


def family_rule_id(clause: str) -> str:
    """The rule id a family's hits carry: `classifier.ii.e` for AUP II.e."""
    return "classifier." + clause.split()[-1].lower()


def family_actions(path: Path = FAMILIES_FILE) -> dict[str, tuple[str, str]]:
    """Rule id -> (category, default action) of every family, as the decision looks rules up."""
    return {family_rule_id(f.clause): (f.category, f.action) for f in load_families(path)[0]}


class LinearUseClassifier:
    """Scores texts with a linear model per clause family; `evaluate` gives its hits (stage classifier)."""

    def __init__(self, model_path: Path = DEFAULT_MODEL, families_path: Path = FAMILIES_FILE) -> None:
        with np.load(model_path, allow_pickle=False) as data:
            vocabulary = bytes(data["vocabulary"]).decode("utf-8").split("\n")
            self.word_count = int(data["word_count"])
            self._idf = data["idf"].astype(np.float64)
            self._coef = data["coef"].astype(np.float32)         # features x families
            self._intercept = data["intercept"].astype(np.float64)
            self.thresholds = data["thresholds"].astype(np.float64)
            self.labels = [str(x) for x in bytes(data["labels"]).decode("utf-8").split("\n")]
            # Optional: static word embeddings folded into head scores per token (token_table.py).
            self._tokens = TokenTable(bytes(data["token_pieces"]).decode("utf-8").split("\n")) \
                if "token_pieces" in data else None
            self._token_scores = data["token_scores"].astype(np.float32) if self._tokens else None
        self._index = {feature: number for number, feature in enumerate(vocabulary)}
        # a word's character grams, for the words seen most recently (about 0.3 KB a word)
        self._word_grams = lru_cache(maxsize=WORD_GRAMS)(partial(word_grams, self._index))
        families, self._describes, self.describes_weight = load_families(families_path)
        by_clause = {f.clause: f for f in families}
        self.pooled = bool(self.labels) and self.labels[-1] == ANY
        family_labels = self.labels[:-1] if self.pooled else self.labels
        missing = [label for label in family_labels if label not in by_clause]
        if missing:
            raise ValueError(f"{model_path}: families {missing} are not in {families_path}")
        self.families = [by_clause[label] for label in family_labels]
        self._document, self._exceptions = load_settings(families_path)
        self._headings, self._asks = load_document_patterns(families_path)
        self._frames = load_frames(families_path)

    def is_document(self, text: str) -> bool:
        """A long text laid out as documentation (a README, an agent's context file): it describes."""
        return len(text) >= self._document["min_chars"] and \
            len(_HEADING.findall(text)) >= self._document["min_headings"]

    def _excepted(self, piece: str, scored: set[str] | None = None) -> set[str]:
        """The families an exception takes out of `piece` (`scored`: only exceptions for these matter)."""
        found: set[str] = set()
        for exception in self._exceptions:
            if scored is not None and scored.isdisjoint(exception.families):
                continue
            if exception.when.search(piece) and not (exception.unless and exception.unless.search(piece)):
                found |= exception.families
        return found

    def probabilities(self, text: str, features: TextFeatures | None = None) -> np.ndarray:
        """Per family, the model's probability for one window of text (`features`: those of the text
        the window is cut from, with the words looked up so far)."""
        numbers, values = (features or TextFeatures(self._index, self._idf, self._word_grams)).of(text)
        logits = self._intercept.copy()
        if len(numbers):
            logits += values.astype(np.float32) @ self._coef[numbers]
        if self._tokens is not None and self._token_scores is not None:
            tokens = self._tokens.tokens(text)
            if tokens:
                logits += self._token_scores[tokens].mean(axis=0)
        result: np.ndarray = 1.0 / (1.0 + np.exp(-logits))
        return result

    def calibrated(self, probabilities: np.ndarray) -> np.ndarray:
        """Scores with each family's threshold at 0.5 (linear on each side of it)."""
        t = self.thresholds
        low = 0.5 * probabilities / t
        high = 0.5 + 0.5 * (probabilities - t) / (1.0 - t)
        result: np.ndarray = np.where(probabilities <= t, low, high)
        return result

    def describes(self, text: str) -> bool:
        """Whether a window reads as a description of restricted uses rather than a request."""
        return any(p.search(text) for p in self._describes)

    def _describing(self, text: str, pieces: list[tuple[int, int]]) -> list[bool]:
        """Per window, whether it describes restricted uses: it reads as a description itself, or, in a
        document, it does not read as a request (`describes.document.asks`) or stands in a section whose
        heading describes (a policy, limits, a list of clauses). A window of a document that asks
        something, outside such sections, counts in full: a request planted in a document is a request."""
        reader = self._describing_reader(text)
        return [reader(start, end) for start, end in pieces]

    def _describing_reader(self, text: str) -> Callable[[int, int], bool]:
        """`_describing` for one window at a time, the document's headings found once per text."""
        document = self.is_document(text)
        headings = [(m.start(), text[m.start():m.end() + 80].split("\n", 1)[0])
                    for m in _HEADING.finditer(text)] if document else []

        def describing(start: int, end: int) -> bool:
            piece = text[start:end]
            if self.describes(piece):
                return True
            if not document:
                return False
            section = next((h for s, h in reversed(headings) if s <= start), "")
            return not any(p.search(piece) for p in self._asks) or any(p.search(section) for p in self._headings)
        return describing

    def scores(self, text: str, floor: float = 0.0) -> list[tuple[float, int, int]]:
        """Per family: (calibrated score, start, end) of its best window. With a `floor`, a window whose
        scores are all below it is not read against the description and exception patterns (they only
        lower scores, so its best scores stay below the floor): every score at or above it is the same."""
        best = [(0.0, 0, 0)] * len(self.families)
        pieces = self._pieces(text)
        features = TextFeatures(self._index, self._idf, self._word_grams)
        describing = self._describing_reader(text)
        lazy = floor > 0.0 and 0.0 <= self.describes_weight <= 1.0
        for start, end in pieces:
            piece = text[start:end]
            if not piece.strip():
                continue
            calibrated = self.calibrated(self.probabilities(piece, features))
            if self.pooled:
                # The pooled head's score lifts the family that scores highest on its own.
                pooled, calibrated = calibrated[-1], calibrated[:-1].copy()
                top = int(np.argmax(calibrated))
                calibrated[top] = max(calibrated[top], pooled)
            if lazy and not (calibrated >= floor).any():
                continue
            if describing(start, end):
                calibrated = calibrated * self.describes_weight
            words = len(_WORDS.findall(piece))
            if words < SHORT_WORDS:
                calibrated = calibrated * (words / SHORT_WORDS)
            excepted = self._excepted(piece, {f.clause for f, score in zip(self.families, calibrated.tolist())
                                              if score >= floor} if lazy else None)
            if excepted:
                calibrated = np.where([f.clause in excepted for f in self.families], 0.0, calibrated)
            for k, score in enumerate(calibrated.tolist()):
                if score > best[k][0]:
                    best[k] = (score, start, end)
        return best

    def evaluate(self, text: str) -> list[RuleHit]:
        """The families scoring at least REPORT_FLOOR, as hits of stage `classifier` with their score."""
        hits: list[RuleHit] = []
        for family, (score, start, end) in zip(self.families, self.scores(text, REPORT_FLOOR)):
            if score >= REPORT_FLOOR and math.isfinite(score):
                hits.append(RuleHit(family_rule_id(family.clause), family.clause,
                                    family.category, family.reason, start, end, stage="classifier",
                                    score=round(score, 4)))
        return hits

    def _pieces(self, text: str) -> list[tuple[int, int]]:
        """The windows of `text`; in a document, also each paragraph that asks something, on its own, so
        that a request planted between tables and lists is scored apart from them; and a paragraph led
        by a short label ("Task:", "Next step for the agent:") also without it, so that the label's
        words (common in benign agent contexts) do not dilute the request that follows."""
        pieces = windows(text)
        document = self.is_document(text)
        for match in _PARAGRAPH.finditer(text):
            span = (match.start(), match.end())
            if document and not any(p.search(match.group(0)) for p in self._asks):
                continue
            if document and span not in pieces:
                pieces.append(span)
            for lead in _leads(match.group(0), self._frames):
                if len(_WORDS.findall(match.group(0)[lead:])) >= SHORT_WORDS:
                    pieces.append((match.start() + lead, match.end()))
        return pieces

    def describing_spans(self, text: str) -> list[tuple[int, int]]:
        """The windows of `text` that describe restricted uses (rule hits there are not requests)."""
        pieces = windows(text)
        return [w for w, describing in zip(pieces, self._describing(text, pieces)) if describing]


@lru_cache(maxsize=1)
def default_classifier() -> LinearUseClassifier:
    """The shipped model, loaded once per process."""
    return LinearUseClassifier()
