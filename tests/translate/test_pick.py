"""One function picks the translator from the caller's API and the deployment's wire format."""

from __future__ import annotations

import pytest

from gateway.translate import Untranslatable, pick


def test_same_format_needs_no_translator() -> None:
    assert pick("openai.chat", "openai") is None
    assert pick("anthropic.messages", "anthropic") is None


@pytest.mark.parametrize("caller, target", [("openai.chat", "anthropic.messages"),
                                            ("openai.responses", "anthropic.messages"),
                                            ("anthropic.messages", "openai.chat")])
def test_each_pair_has_its_translator(caller: str, target: str) -> None:
    translator = pick(caller, target.split(".")[0])
    assert translator is not None and (translator.caller_api, translator.target_api) == (caller, target)


@pytest.mark.parametrize("caller", ["openai.embeddings", "openai.completions"])
def test_apis_only_openai_has_are_refused_naming_the_model(caller: str) -> None:
    with pytest.raises(Untranslatable) as refused:
        pick(caller, "anthropic")
    assert refused.value.param == "model"
