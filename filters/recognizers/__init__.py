"""Recognizers of personal data, PHI, secrets and account data: one module per family.

Patterns, context words and scores are data in config/recognizers.yaml; checksums and value checks
are the families' validators; `registry` builds them and `scanner` runs them in one pass.
"""

from filters.recognizers.account import AccountDirectory, AccountRecognizer
from filters.recognizers.base import FieldRecognizer, Finding, Recognizer
from filters.recognizers.config import RecognizersConfigError
from filters.recognizers.registry import RecognizerSet, load_recognizers

__all__ = ["AccountDirectory", "AccountRecognizer", "FieldRecognizer", "Finding", "Recognizer",
           "RecognizerSet", "RecognizersConfigError", "load_recognizers"]
