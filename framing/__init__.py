"""framing: measurable, explainable framing signals in news text.

Every analysis returns spans with character offsets into the article as
loaded (``text[start:end] == span_text``), in tidy pandas DataFrames.

>>> import framing
>>> spans = framing.analyse("Kim stressed that ties were strong.")
>>> spans[["signal", "label", "text"]].values.tolist()[:2]
[['source', 'named_person', 'Kim'], ['cue', 'assertive', 'stressed']]
"""
from .corpus import CorpusError, LoadReport, as_corpus, iter_corpus, load_corpus
from .display import highlight
from .evaluate import cohen_kappa, match_spans, score_spans, span_agreement
from .lexicons import load_lexicon
from .pipeline import analyse, article_table
from .signals.attribution import AttributionExtractor, attributions
from .signals.loaded import keywords_in_context, loaded_density, loaded_terms
from .signals.sources import source_reliance, source_types, wire_credits
from .spans import SPAN_COLUMNS, check_spans, make_spans, read_spans
from .text import (Document, boilerplate_spans, paragraph_spans, sentence_spans, text_spans,
                   token_spans)

__version__ = "0.1.0"

# The scikit-learn estimators load on first use, so that corpus runs with
# the default lexicons do not pay scikit-learn's import time and memory.
_LAZY = {"FrameClassifier": ".frames", "LoadedTermDetector": ".signals.loaded_detector"}


def __getattr__(name):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "SPAN_COLUMNS", "AttributionExtractor", "CorpusError", "Document", "FrameClassifier",
    "LoadReport", "LoadedTermDetector", "analyse", "article_table", "as_corpus", "attributions",
    "boilerplate_spans", "check_spans", "cohen_kappa", "highlight", "iter_corpus",
    "keywords_in_context", "load_corpus", "load_lexicon", "loaded_density", "loaded_terms",
    "make_spans", "match_spans", "paragraph_spans", "read_spans", "score_spans", "sentence_spans",
    "source_reliance", "span_agreement", "source_types", "text_spans", "token_spans", "wire_credits",
]
