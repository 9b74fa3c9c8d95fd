"""Fixtures the use-check tests share: one analysis engine and one decider on the shipped policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from filters.policy.decision import Decider
from filters.policy.model import load_policy
from filters.recognizers.registry import ENTITY_CATEGORIES, RESTRICTED_ENTITIES
from filters.text_analyzer import AnalyzerSpec, TextAnalyzer
from filters.use_rules.classifier import family_actions
from filters.use_rules.rules import UseRules

POLICY = Path(__file__).resolve().parents[2] / "config" / "policy.yaml"


@pytest.fixture(scope="module")
def analyzer() -> TextAnalyzer:
    return TextAnalyzer(AnalyzerSpec())


@pytest.fixture(scope="module")
def decider() -> Decider:
    actions = {s.id: (s.category, s.action) for s in UseRules.default().rules} | family_actions()
    return Decider(load_policy(POLICY), ENTITY_CATEGORIES, frozenset(RESTRICTED_ENTITIES), actions)
