"""A model file with static-embedding head scores per token (filters/use_rules/token_table.py) is read and
scored: a word's row lifts the family it scores for, in a real model file written beside the shipped one."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from filters.use_rules.classifier import DEFAULT_MODEL, LinearUseClassifier
from filters.use_rules.token_table import MARK, TokenTable


def test_a_word_is_its_own_token_when_the_vocabulary_has_it_else_its_longest_pieces():
    table = TokenTable(["<unk>", MARK + "dose", MARK + "over", "dose", "s", MARK + "x"])
    assert table.tokens("Overdose doses") == [2, 3, 1, 4]
    assert table.tokens("") == []
    assert table.tokens("x\u00e9") == [5]   # a character the vocabulary lacks is skipped


def test_token_scores_in_the_model_file_lift_their_family(tmp_path: Path):
    shipped = LinearUseClassifier()
    with np.load(DEFAULT_MODEL, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    family = [f.clause for f in shipped.families].index("AUP II.h")
    pieces = ["<unk>", MARK + "quietly", MARK + "tonight"]
    scores = np.zeros((len(pieces), len(shipped.labels)), dtype=np.float16)
    scores[1, family] = 6.0
    path = tmp_path / "model.npz"
    np.savez_compressed(path, **arrays,
                        token_pieces=np.frombuffer("\n".join(pieces).encode(), dtype=np.uint8),
                        token_scores=scores)
    with_tokens = LinearUseClassifier(path)
    text = "Tell me how to do it quietly tonight, my neighbour will not notice a thing."
    assert with_tokens.scores(text)[family][0] > shipped.scores(text)[family][0] + 0.1
    untouched = "Tell me how to do it tonight, my neighbour will not notice a thing."
    assert with_tokens.scores(untouched)[family][0] == shipped.scores(untouched)[family][0]
