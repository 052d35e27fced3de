"""Cross-validated frame classification on the Narrative Frames Corpus.

Five folds over articles (stratified on the conflict frame); per frame,
precision/recall/F1 of :class:`framing.frames.FrameClassifier` beside a
majority-class baseline and a "always present" baseline, plus the gap
between training and held-out F1 (memorisation check).

Usage: python scripts/evaluate_frames.py [NFC_DIR]
"""
import sys

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import StratifiedKFold

from framing.datasets import find_data_dir, read_nfc
from framing.frames import FrameClassifier, GENERIC_FRAMES


def cross_validate(articles, frames=GENERIC_FRAMES, folds=5, seed=0, **params):
    labels = articles[list(frames)]
    known = labels.notna().all(axis=1).to_numpy()
    articles, labels = articles[known].reset_index(drop=True), labels[known].astype(int).reset_index(drop=True)
    predicted = pd.DataFrame(0, index=labels.index, columns=list(frames))
    train_f1 = []
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(articles, labels["conflict"]):
        model = FrameClassifier(**params).fit(articles.iloc[train], labels.iloc[train])
        predicted.iloc[test] = model.predict(articles.iloc[test]).to_numpy()
        train_f1.append(model.score(articles.iloc[train], labels.iloc[train]))
    rows = []
    for f in frames:
        truth = labels[f]
        rows.append({"frame": f, "prevalence": truth.mean(),
                     "precision": precision_score(truth, predicted[f], zero_division=0),
                     "recall": recall_score(truth, predicted[f], zero_division=0),
                     "f1": f1_score(truth, predicted[f], zero_division=0),
                     "f1_always_present": f1_score(truth, np.ones(len(truth), int), zero_division=0)})
    table = pd.DataFrame(rows)
    return table, float(np.mean(train_f1)), int((~known).sum())


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else (find_data_dir() / "nfc" if find_data_dir() else None)
    if data is None:
        sys.exit("no NFC copy found: pass its folder or set FRAMING_DATA")
    articles, report = read_nfc(data)
    print(report, "\n")
    table, train_f1, skipped = cross_validate(articles)
    print(f"5-fold cross-validation over {len(articles) - skipped} articles "
          f"({skipped} left out for a missing label)")
    print(table.round(3).to_string(index=False))
    print(f"\nmacro F1 held-out {table.f1.mean():.3f}, on training folds {train_f1:.3f}, "
          f"always-present baseline {table.f1_always_present.mean():.3f}")


if __name__ == "__main__":
    main()
