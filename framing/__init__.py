"""framing: measurable, explainable framing signals in news text.

Every analysis returns spans with character offsets into the article as
loaded (``text[start:end] == span_text``), in tidy pandas DataFrames.
"""
from .corpus import CorpusError, LoadReport, as_corpus, iter_corpus, load_corpus
from .evaluate import cohen_kappa, match_spans, score_spans
from .frames import FrameClassifier
from .lexicons import load_lexicon
from .spans import SPAN_COLUMNS, check_spans, make_spans
from .display import highlight
from .text import (Document, boilerplate_spans, paragraph_spans, sentence_spans, text_spans,
                   token_spans)

__version__ = "0.1.0"

__all__ = [
    "SPAN_COLUMNS", "CorpusError", "Document", "highlight", "LoadReport", "as_corpus", "boilerplate_spans",
    "FrameClassifier", "check_spans", "cohen_kappa", "iter_corpus", "load_corpus", "load_lexicon", "make_spans",
    "match_spans", "paragraph_spans", "score_spans", "sentence_spans", "text_spans",
    "token_spans",
]
