"""How well PolNeAR's annotators agree with each other, and with the extractor.

Sixteen PolNeAR ``train`` articles were annotated by five or six annotators
each (one ``.ann`` file per annotator, suffix ``_xxxx``), spread over the
annotation batches to monitor agreement. Scoring every annotator against
every other with the project's span matching (:func:`framing.evaluate.score_spans`)
gives the ceiling a system can be expected to reach: a target above
human-human agreement measures noise, not skill.

For each ordered pair of annotators (A as "prediction", B as "gold") on an
article, precision/recall/F1 are pooled over all pairs and articles; the
extractor is scored against each annotator in turn on the same articles, so
the two rows are directly comparable. The extractor's cue model was fitted
on ``train`` (one annotator per article), which flatters its row slightly.

Usage::

    python scripts/polnear_agreement.py [--data DIR]

Cite: Newell, Margolin & Ruths (2018), An attribution relations corpus for
political news, LREC.
"""
from __future__ import annotations

import argparse

import pandas as pd

from framing.datasets import find_data_dir, read_polnear
from framing.evaluate import score_spans, span_agreement
from framing.signals.attribution import AttributionExtractor
from framing.spans import make_spans
from framing.text import Document

SIGNALS = ("cue", "source", "content")


def multi_annotated(gold: pd.DataFrame) -> list[str]:
    """The articles with more than one annotator."""
    counts = gold.groupby("doc_id")["annotator"].nunique()
    return sorted(counts[counts > 1].index)


def human_agreement(gold: pd.DataFrame, match: str = "overlap") -> pd.DataFrame:
    """P/R/F1 pooled over every ordered annotator pair on every multi-annotated article."""
    return span_agreement(gold[gold["signal"].isin(SIGNALS)], coder="annotator", match=match)


def system_agreement(articles: pd.DataFrame, gold: pd.DataFrame, match: str = "overlap",
                     extractor=None) -> pd.DataFrame:
    """P/R/F1 of the extractor against each annotator of the multi-annotated articles."""
    extractor = extractor or AttributionExtractor()
    texts = dict(zip(articles["doc_id"], articles["text"]))
    pred, ref = [], []
    for doc_id in multi_annotated(gold):
        rows = [{"doc_id": doc_id, **r} for r in extractor.spans(Document(texts[doc_id], doc_id))]
        predicted = make_spans(rows, extra=("attribution_id",))
        spans = gold[(gold["doc_id"] == doc_id) & gold["signal"].isin(SIGNALS)]
        for b in sorted(spans["annotator"].unique()):
            # One doc_id per comparison, so pooled scoring never matches across them.
            key = f"{doc_id}|system|{b}"
            pred.append(predicted.assign(doc_id=key))
            ref.append(spans[spans["annotator"] == b].assign(doc_id=key))
    return score_spans(pd.concat(pred), pd.concat(ref), match=match)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="the shared data folder")
    args = parser.parse_args(argv)
    data = args.data or find_data_dir()
    if data is None:
        raise SystemExit("no gold data found: pass --data or set FRAMING_DATA")
    articles, gold = read_polnear(f"{data}/polnear", "train", annotator="all")
    docs = multi_annotated(gold)
    n_annotators = gold[gold["doc_id"].isin(docs)].groupby("doc_id")["annotator"].nunique()
    print(f"{len(docs)} articles with {n_annotators.min()}-{n_annotators.max()} annotators each\n")
    tables = []
    for match in ("overlap", "exact"):
        for who, table in (("human vs human", human_agreement(gold, match)),
                           ("extractor vs human", system_agreement(articles, gold, match))):
            tables.append(table.assign(comparison=who))
    table = pd.concat(tables)
    table = table[table["signal"].isin(SIGNALS)]
    print(table.pivot_table(index=["match", "comparison"], columns="signal", values="f1")
          [list(SIGNALS)].round(3).to_string())


if __name__ == "__main__":
    main()
