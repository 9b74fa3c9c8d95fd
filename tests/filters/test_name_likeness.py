"""The name-likeness model: names of many scripts look like names, tool words and verbs do not."""

from __future__ import annotations

from filters.recognizers.name_likeness import MODEL_FILE, NameLikeness


def test_names_of_many_languages_score_above_words_and_tool_names() -> None:
    model = NameLikeness.load()
    names = ["Hämäläinen", "Kowalczyk", "Щербакова", "Velázquez", "Rautio", "Lundberg"]
    words = ["Validating", "Generate", "Refactoring", "Director", "United", "Microsoft"]
    assert min(model.score(n) for n in names) > 0.8
    assert max(model.score(w) for w in words) < 0.2


def test_the_shipped_model_is_small() -> None:
    assert MODEL_FILE.stat().st_size < 1_000_000
