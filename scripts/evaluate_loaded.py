"""Cross-validate loaded-term detection against the PTC's Loaded_Language spans.

Three approaches, scored with :func:`framing.evaluate.score_spans` (overlap
and exact match) on articles never used for fitting:

- ``lexicon``: the default loaded-term lexicon (no fitting; scored fold by
  fold all the same so the figures are comparable), and ``lexicon_ll`` the
  same without the ``pejorative`` and ``glorifying`` categories (the PTC
  codes pejorative labels as ``Name_Calling,Labeling``, and its articles
  hardly glorify);
- ``detector``: :class:`framing.signals.loaded.LoadedTermDetector` trained on
  the other folds;
- ``bag_of_words``: the baseline the issue cites: every word whose share of
  occurrences inside gold spans in the training folds is at least ``--bow-rate``
  (seen at least twice) is predicted wherever it occurs.

Folds are ``GroupKFold`` over articles. The train-vs-held-out gap of the
fitted approaches shows how much they memorise. The lexicon is also scored
against ``Name_Calling,Labeling`` and against both labels pooled, since its
pejorative labels are that technique rather than loaded language.

Usage::

    python scripts/evaluate_loaded.py                 # 5 folds, all 281 articles
    python scripts/evaluate_loaded.py --folds 2 --limit 60 -o scores.csv
"""
from __future__ import annotations

import argparse
import re
import sys
import time

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold

from framing.datasets import read_ptc
from framing.evaluate import score_spans
from framing.signals.loaded import LoadedTermDetector, loaded_terms

LABEL = "Loaded_Language"
NOT_LOADED_LANGUAGE = ("pejorative", "glorifying")
NAME_CALLING = "Name_Calling,Labeling"
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def bag_of_words_fit(articles, gold, min_rate, min_count=2):
    """Words whose occurrences fall inside gold spans at least ``min_rate`` of the time."""
    inside, total = {}, {}
    spans = {d: g[["start", "end"]].to_numpy() for d, g in gold.groupby("doc_id")}
    for doc_id, text in zip(articles["doc_id"], articles["text"]):
        g = spans.get(doc_id, np.empty((0, 2), dtype=int))
        for m in _WORD.finditer(text):
            w = m.group().lower()
            total[w] = total.get(w, 0) + 1
            if ((g[:, 0] < m.end()) & (m.start() < g[:, 1])).any():
                inside[w] = inside.get(w, 0) + 1
    return {w for w, n in total.items() if n >= min_count and inside.get(w, 0) / n >= min_rate}


def bag_of_words_predict(articles, vocabulary):
    rows = [{"doc_id": doc_id, "start": m.start(), "end": m.end()}
            for doc_id, text in zip(articles["doc_id"], articles["text"])
            for m in _WORD.finditer(text) if m.group().lower() in vocabulary]
    return pd.DataFrame(rows, columns=["doc_id", "start", "end"])


def score(pred, gold, approach, split):
    pred = pred[["doc_id", "start", "end"]].assign(signal="loaded")
    gold = gold[["doc_id", "start", "end"]].assign(signal="loaded")
    table = score_spans(pred, gold, match=["overlap", "exact"], by=())
    return table.assign(approach=approach, split=split)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--bow-rate", type=float, default=0.3)
    parser.add_argument("--root", default=None, help="PTC folder (default: find_data_dir()/ptc)")
    parser.add_argument("-o", "--output", default=None, help="write the score table (CSV)")
    args = parser.parse_args(argv)

    articles, gold_all = read_ptc(args.root)
    if args.limit:
        articles = articles.sort_values("doc_id").head(args.limit)
        gold_all = gold_all[gold_all["doc_id"].isin(articles["doc_id"])]
    gold = gold_all[gold_all["label"] == LABEL]
    print(f"{len(articles)} articles, {len(gold)} {LABEL} spans, {args.folds} folds", flush=True)

    results = []
    lexicon_pred = loaded_terms(articles)
    folds = GroupKFold(n_splits=args.folds).split(articles, groups=articles["doc_id"])
    held = {"lexicon": [], "lexicon_ll": [], "detector": [], "bag_of_words": []}
    train_scores, predict_ms = [], []
    for k, (train_idx, test_idx) in enumerate(folds):
        started = time.perf_counter()
        train, test = articles.iloc[train_idx], articles.iloc[test_idx]
        train_gold = gold[gold["doc_id"].isin(train["doc_id"])]
        test_gold = gold[gold["doc_id"].isin(test["doc_id"])]
        detector = LoadedTermDetector().fit(train, train_gold)
        vocabulary = bag_of_words_fit(train, train_gold, args.bow_rate)
        in_test = lexicon_pred[lexicon_pred["doc_id"].isin(test["doc_id"])]
        predict_started = time.perf_counter()
        detector_pred = detector.predict(test)
        predict_ms.append(1000 * (time.perf_counter() - predict_started) / len(test))
        fold_preds = {
            "lexicon": in_test,
            "lexicon_ll": in_test[~in_test["category"].isin(NOT_LOADED_LANGUAGE)],
            "detector": detector_pred,
            "bag_of_words": bag_of_words_predict(test, vocabulary),
        }
        for approach, pred in fold_preds.items():
            held[approach].append(pred.assign(fold=k))
            results.append(score(pred, test_gold, approach, f"fold{k}"))
        train_scores.append(score(detector.predict(train), train_gold, "detector", "train"))
        train_scores.append(score(bag_of_words_predict(train, vocabulary), train_gold,
                                  "bag_of_words", "train"))
        f1 = results[-2].query("match == 'overlap'")["f1"].iloc[0]
        print(f"fold {k}: detector held-out overlap F1 {f1:.3f} "
              f"({time.perf_counter() - started:.0f} s)", flush=True)

    pooled = [score(pd.concat(preds), gold, approach, "heldout") for approach, preds in held.items()]
    train = pd.concat(train_scores)
    train = (train.groupby(["approach", "match"], as_index=False)
             [["n_pred", "n_gold", "matched_pred", "matched_gold"]].sum())
    train["precision"] = train["matched_pred"] / train["n_pred"].clip(lower=1)
    train["recall"] = train["matched_gold"] / train["n_gold"].clip(lower=1)
    train["f1"] = (2 * train["precision"] * train["recall"]
                   / (train["precision"] + train["recall"]).where(lambda s: s > 0)).fillna(0.0)
    train["split"] = "train"
    lexicon_other = []
    for name, labels in (("lexicon_vs_name_calling", [NAME_CALLING]),
                         ("lexicon_vs_loaded_or_name_calling", [LABEL, NAME_CALLING])):
        lexicon_other.append(score(lexicon_pred, gold_all[gold_all["label"].isin(labels)],
                                   name, "all"))
        if name == "lexicon_vs_name_calling":
            pejorative = lexicon_pred[lexicon_pred["category"] == "pejorative"]
            lexicon_other.append(score(pejorative, gold_all[gold_all["label"] == NAME_CALLING],
                                       "lexicon_pejorative_vs_name_calling", "all"))
    table = pd.concat([*pooled, train, *lexicon_other, *results], ignore_index=True)
    columns = ["approach", "split", "match", "n_pred", "n_gold", "precision", "recall", "f1"]
    table = table[columns]

    fold_f1 = (table[table["split"].str.startswith("fold") & (table["match"] == "overlap")]
               .groupby("approach")["f1"].agg(["mean", "std"]))
    pd.set_option("display.width", 120)
    print("\nPooled held-out predictions (every article predicted by a model not fitted on it):")
    print(table[table["split"] == "heldout"].round(3).to_string(index=False))
    print("\nTrain (articles the model was fitted on), summed over folds:")
    print(table[table["split"] == "train"].round(3).to_string(index=False))
    print("\nOverlap F1 across folds (mean, std):")
    print(fold_f1.round(3).to_string())
    print(f"\nDetector predict: {np.mean(predict_ms):.1f} ms per article (mean over folds)")
    print("\nLexicon against the other labels:")
    print(table[table["split"] == "all"].round(3).to_string(index=False))
    if args.output:
        table.to_csv(args.output, index=False)
        print(f"\nwrote {args.output}")
    return table


if __name__ == "__main__":
    sys.exit(main() is None)
