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
import time

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


def speed(texts, extractor=None, repeat=3):
    """Milliseconds per article for the extractor (Document built inside the
    loop, so sentence splitting is included) and for Punkt alone."""
    extractor = extractor or AttributionExtractor()
    punkt = PunktSentenceTokenizer()
    best_ex = best_punkt = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in texts:
            extractor.extract(Document(text))
        best_ex = min(best_ex, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for text in texts:
            list(punkt.span_tokenize(text))
        best_punkt = min(best_punkt, time.perf_counter() - t0)
    return 1000 * best_ex / len(texts), 1000 * best_punkt / len(texts)


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
    words = sum(len(t.split()) for t in articles["text"]) / len(articles)
    ms, punkt_ms = speed(list(articles["text"]))
    print(f"speed: {ms:.2f} ms/article (mean {words:.0f} words) vs Punkt {punkt_ms:.2f} ms/article "
          f"= {ms / punkt_ms:.2f}x")


if __name__ == "__main__":
    main()
