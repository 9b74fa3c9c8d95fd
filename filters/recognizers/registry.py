"""Builds the recognizers a recognizers file describes, with the validators the families register."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from filters.recognizers import device_ids, national, personal, phi, secret_phrases, secrets
from filters.recognizers.base import FieldRecognizer, Recognizer, Validator
from filters.recognizers.config import DEFAULT_PATH, RecognizersFile, load_config
from filters.recognizers.phi import ConditionFinder
from filters.recognizers.scanner import Scanner

VALIDATORS: dict[str, Validator] = {**personal.VALIDATORS, **national.VALIDATORS, **phi.VALIDATORS,
                                    **secrets.VALIDATORS, **secret_phrases.VALIDATORS,
                                    **device_ids.VALIDATORS}


@dataclass(frozen=True)
class RecognizerSet:
    """Every recognizer of one file, and the scanner that runs the pattern ones in one pass."""

    config: RecognizersFile
    recognizers: tuple[Recognizer, ...]
    fields: tuple[FieldRecognizer, ...]
    scanner: Scanner
    conditions: ConditionFinder

    @property
    def categories(self) -> dict[str, str]:
        """Each entity's category: personal, phi, secret or account."""
        return {name: entity.category for name, entity in self.config.entities.items()}

    @property
    def restricted(self) -> frozenset[str]:
        """The entities that are AUP II.k Restricted Data."""
        return frozenset(name for name, entity in self.config.entities.items() if entity.restricted)


def read_config(path: str | Path = DEFAULT_PATH) -> RecognizersFile:
    """The validated file, its validator names checked against the registered ones."""
    return load_config(path, set(VALIDATORS))


def load_recognizers(path: str | Path = DEFAULT_PATH) -> RecognizerSet:
    """The recognizers of `path` (default: config/recognizers.yaml)."""
    config = read_config(path)
    recognizers = tuple(
        Recognizer(spec, VALIDATORS[spec.validator] if spec.validator else None, config.threshold)
        for spec in config.recognizers)
    fields = tuple(FieldRecognizer(spec, VALIDATORS[spec.validator]) for spec in config.fields)
    return RecognizerSet(config, recognizers, fields, Scanner(config, recognizers, fields),
                         ConditionFinder(config.conditions))


@lru_cache(maxsize=1)
def default_config() -> RecognizersFile:
    """The shipped file, read once."""
    return read_config(DEFAULT_PATH)


ENTITY_CATEGORIES: dict[str, str] = {name: e.category for name, e in default_config().entities.items()}
RESTRICTED_ENTITIES: frozenset[str] = frozenset(name for name, e in default_config().entities.items()
                                                if e.restricted)
