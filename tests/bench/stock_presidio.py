"""Shared by the detection benchmarks: import paths, the stock Presidio baseline, masking."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from presidio_analyzer import AnalyzerEngine  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402

from filters.recognizers.detector import NLP_CONFIGURATION  # noqa: E402

# shared/ sits beside the checkout (../shared); a git worktree under wt/ looks one level further up
EVAL_DIR = next((p / "shared" / "eval" for p in ROOT.parents if (p / "shared" / "eval").is_dir()),
                ROOT.parent / "shared" / "eval")


def stock_analyzer() -> AnalyzerEngine:
    """Stock Presidio: AnalyzerEngine on the same spaCy model, every default recognizer."""
    import tldextract
    import tldextract.tldextract as extract_module

    # Presidio's email recognizer calls tldextract, which must use its bundled suffix list (no network).
    extract_module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    nlp_engine = NlpEngineProvider(nlp_configuration=NLP_CONFIGURATION).create_engine()
    return AnalyzerEngine(nlp_engine=nlp_engine)


def stock_spans(analyzer: AnalyzerEngine, text: str) -> list[tuple[str, int, int]]:
    """(entity, start, end) of stock Presidio's results at its default threshold."""
    return [(r.entity_type, r.start, r.end) for r in analyzer.analyze(text=text, language="en")]


def masked(text: str, found: list[tuple[str, int, int]]) -> str:
    """`text` with every found span replaced by [ENTITY] (overlaps merged, the first entity named)."""
    pieces: list[str] = []
    pos = 0
    for entity, start, end in sorted(found, key=lambda f: (f[1], -f[2])):
        if end <= pos:
            continue
        start = max(start, pos)
        pieces.append(text[pos:start])
        pieces.append(f"[{entity}]")
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)
