"""Score the attribution extractor against PolNeAR gold spans.

Prints precision, recall and F1 for ``source``, ``cue`` and ``content``
spans under exact and overlap matching (see :mod:`framing.evaluate`), and
the extractor's speed against nltk's Punkt sentence splitter on the same
texts. PolNeAR ``dev`` is the held-out development set: report on it, learn
and tune on ``train`` only.

Usage::

    python scripts/evaluate_attribution.py [--compartment dev|train] [--data DIR] [--limit N]

Cite: Newell, Margolin & Ruths (2018), An attribution relations corpus for
political news, LREC.
"""
from __future__ import annotations

import argparse
import timeit

import pandas as pd
from nltk.tokenize.punkt import PunktSentenceTokenizer

from framing.datasets import find_data_dir, read_polnear
from framing.evaluate import score_spans
from framing.signals.attribution import AttributionExtractor
from framing.spans import make_spans
from framing.text import Document


def predict(articles, extractor=None):
    """Predicted attribution spans for every article (a span table)."""
    extractor = extractor or AttributionExtractor()
    rows = []
    for doc_id, text in zip(articles["doc_id"], articles["text"]):
        rows += [{"doc_id": doc_id, **r} for r in extractor.spans(Document(text, doc_id))]
    return make_spans(rows, extra=("attribution_id",))


def evaluate(articles, gold, extractor=None):
    """The P/R/F1 table (exact and overlap) for source, cue and content."""
    gold = gold[gold["signal"].isin(["source", "cue", "content"])]
    pred = predict(articles, extractor)
    return score_spans(pred, gold, match=("exact", "overlap"))


def speed(texts, extractor=None, repeat=5):
    """Best-of-``repeat`` milliseconds per 750 words: the extractor on
    documents whose text layer (sentences, paragraphs, boilerplate) is
    already computed, the extractor with the text layer, and nltk's Punkt
    ``span_tokenize`` alone."""
    extractor = extractor or AttributionExtractor()
    punkt = PunktSentenceTokenizer()
    docs = [Document(text) for text in texts]
    for doc in docs:
        doc.sentences, doc.paragraphs, doc.boilerplate
    per_750 = 750 / sum(len(text.split()) for text in texts)
    runs = {"extractor": lambda: [extractor.extract(doc) for doc in docs],
            "extractor + text layer": lambda: [extractor.extract(Document(t)) for t in texts],
            "punkt": lambda: [list(punkt.span_tokenize(t)) for t in texts]}
    return {name: 1000 * per_750 * min(timeit.repeat(run, number=1, repeat=repeat))
            for name, run in runs.items()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compartment", default="dev")
    parser.add_argument("--data", default=None)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args(argv)
    root = args.data or find_data_dir()
    if root is None:
        raise SystemExit("no data folder found (framing.datasets.find_data_dir): pass --data")
    articles, gold = read_polnear(root, compartment=args.compartment)
    if args.limit:
        articles = articles.head(args.limit)
        gold = gold[gold["doc_id"].isin(articles["doc_id"])]
    table = evaluate(articles, gold)
    pd.set_option("display.width", 120)
    print(f"PolNeAR {args.compartment}: {len(articles)} articles")
    print(table.round(3).to_string(index=False))
    timings = speed(list(articles["text"]))
    print("speed, ms per 750 words: " + ", ".join(f"{k} {v:.2f}" for k, v in timings.items()) +
          f" (extractor / Punkt = {timings['extractor'] / timings['punkt']:.2f}x)")


if __name__ == "__main__":
    main()
