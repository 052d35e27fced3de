"""Fit the cue model of :mod:`framing.signals.attribution` on PolNeAR ``train``.

Every reporting-verb lexicon match outside quotations and boilerplate is a
candidate; it is a positive example when it overlaps a gold cue span. A
logistic regression over :meth:`AttributionExtractor.features` (the form's
train cue rate, lemma, class, part of speech and a few context words and
marks) is fitted and its weights written to
``framing/lexicons/attribution_cue_model.csv``. Only ``train`` is used
(never ``dev``); ``--holdout N`` keeps the last N train articles out of the
fit and reports the candidate-level accuracy on them.

Usage::

    python scripts/train_cue_model.py [--data DIR] [--holdout N] [--dry-run]
"""
from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from framing.datasets import find_data_dir, read_polnear
from framing.lexicons import lexicon_path
from framing.signals.attribution import AttributionExtractor
from framing.text import Document

HEADER = """\
# Weights of the logistic cue model of framing.signals.attribution: for a
# reporting-verb lexicon match outside quotations, score = bias + sum of the
# weights of its features (AttributionExtractor.features: the form's
# PolNeAR-train cue rate as a log-odds, its lemma, verb class and part of
# speech, the shapes of the words just before and after, a following "that",
# adjacent quotation marks and colons, position in the sentence and among
# the sentence's candidates); a candidate is a cue when the score is >= the
# extractor's threshold (-0.4).
# Fitted by scripts/train_cue_model.py on PolNeAR train (Newell, Margolin &
# Ruths, LREC 2018; first annotator of each article) with scikit-learn's
# LogisticRegression (L2, C=%(C)s); features seen fewer than %(min_count)s
# times are dropped. Never fitted on dev or test.
"""


def candidate_table(articles, gold, extractor):
    """Feature dicts and labels of every cue candidate in ``articles``."""
    cues = gold[gold["signal"] == "cue"]
    spans = {d: list(zip(g["start"], g["end"])) for d, g in cues.groupby("doc_id")}
    X, y = [], []
    for doc_id, text in zip(articles["doc_id"], articles["text"]):
        doc = Document(text, doc_id)
        gold_here = spans.get(doc_id, [])
        for start, end, form, feats in extractor.scored_candidates(doc):
            X.append(feats)
            y.append(any(s < end and start < e for s, e in gold_here))
    return X, np.array(y)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--holdout", type=int, default=0)
    parser.add_argument("--C", type=float, default=0.3)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    root = args.data or find_data_dir()
    if root is None:
        raise SystemExit("no data folder found: pass --data")
    articles, gold = read_polnear(root, compartment="train")
    extractor = AttributionExtractor(cue_model=pd.DataFrame({"feature": ["bias"], "weight": [0.0]}))
    fit_articles = articles.iloc[:len(articles) - args.holdout] if args.holdout else articles
    X, y = candidate_table(fit_articles, gold, extractor)
    counts = pd.Series([f for x in X for f in x]).value_counts()
    keep = set(counts[counts >= args.min_count].index)
    X = [{f: v for f, v in x.items() if f in keep} for x in X]
    vec = DictVectorizer()
    model = LogisticRegression(C=args.C, max_iter=2000).fit(vec.fit_transform(X), y)
    print(f"{len(y)} candidates, {y.mean():.2f} cues; train accuracy "
          f"{model.score(vec.transform(X), y):.3f}")
    if args.holdout:
        Xh, yh = candidate_table(articles.iloc[-args.holdout:], gold, extractor)
        print(f"holdout accuracy {model.score(vec.transform(Xh), yh):.3f} (majority {max(yh.mean(), 1 - yh.mean()):.3f})")
    weights = pd.DataFrame({"feature": ["bias", *vec.feature_names_],
                            "weight": [model.intercept_[0], *model.coef_[0]]})
    weights = weights[(weights["weight"].abs() >= 0.01) | (weights["feature"] == "bias")]
    if args.dry_run:
        print(weights.sort_values("weight").to_string())
        return
    path = lexicon_path("reporting_verbs").with_name("attribution_cue_model.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER % {"C": args.C, "min_count": args.min_count})
        weights.round(4).to_csv(f, index=False, lineterminator="\n")
    print(f"wrote {path} ({len(weights)} weights)")


if __name__ == "__main__":
    main()
