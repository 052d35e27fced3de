"""Fit the learned source-type model on the hand-coded PolNeAR samples.

Every coded sheet in ``validation/`` (one coder per sample) is training data,
except the samples named with ``--hold-out`` (by default ``blind14``,
``blind30``, ``blind31``, ``blind32``, ``blind43`` and ``blind44``, kept
unseen for the blind scores). Each sampled source is typed by the rules
among all the gold Source spans of its article, as the typer sees extracted
sources, and described by :func:`framing.signals.source_model.coded_features`.

The samples are disjoint in their mentions, not in their articles: most
articles have mentions in several samples, and a person's features are the
same in all of them. A model scored on an article it was fitted on knows the
people in it, so every score here is of a model fitted **without the scored
articles**, as on a user's corpus:

- ``--cv`` reports 10-fold cross-validation over the training samples
  grouped by article (the rules, and the typer with the model: every gold
  source of the article typed, each person's mentions pooled, only mentions
  with no role of their own re-typed where the model is confident), which
  is how the model's settings were chosen;
- ``--score-held-out`` scores each held-out sample with a model fitted on
  the training samples minus that sample's articles;
- ``--score-dev`` scores the coded samples of PolNeAR ``dev``
  (``source_coding_dev*.csv``), whose articles no training sample touches,
  with the model fitted on all training samples: the cleanest test.

Without ``--dry-run`` the model fitted on all training samples is written
to ``framing/models/source_types.csv``.

Usage: python scripts/train_source_model.py [--data DIR] [--cv] [--score-held-out] [--score-dev]
                                           [--dry-run]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.datasets import find_data_dir, read_polnear  # noqa: E402
from framing.signals.source_model import SourceTypeModel, _roleless, coded_features  # noqa: E402
from framing.signals.sources import SourceTyper  # noqa: E402

VALIDATION = ROOT / "validation"
OUT = ROOT / "framing" / "models" / "source_types.csv"
#: Samples coded twice: only the first coder's sheet is used.
SECOND_CODERS = ("b", "blind5_second")
#: Samples kept unseen for the blind scores.
HELD_OUT = ("blind14", "blind30", "blind31", "blind32", "blind43", "blind44")
SAMPLE_OF = {"a": "source_sample.csv", "heldout": "source_sample_heldout.csv",
             "test": "source_sample_test.csv"}


def coded_sheets(hold_out=HELD_OUT):
    """(coder, sample file) of every coded sheet used for training, in sample order."""
    sheets = []
    for path in VALIDATION.glob("source_coding_*.csv"):
        coder = path.stem.removeprefix("source_coding_")
        if coder in SECOND_CODERS or coder in hold_out or coder.startswith("dev"):
            continue  # (the dev samples are of PolNeAR dev: never training data)
        sheets.append((coder, SAMPLE_OF.get(coder, f"source_sample_{coder}.csv")))
    order = {name: i for i, name in enumerate(SAMPLE_OF)}
    return sorted(sheets, key=lambda s: (order.get(s[0], len(order)), len(s[0]), s[0]))


def training_rows(data, sheets, typer=None, compartment="train"):
    """One row per gold source mention of the coded articles: ``sheet, doc_id,
    start, end, label`` (None where not coded), ``rule_type, features, person``."""
    typer = typer or SourceTyper(model=None)
    articles, gold = read_polnear(Path(data) / "polnear", compartment=compartment)
    sources = gold[gold["signal"] == "source"]
    frames = []
    for coder, _ in sheets:
        coding = pd.read_csv(VALIDATION / f"source_coding_{coder}.csv", dtype={"doc_id": str}, comment="#")
        try:
            rows = coded_features(articles, coding, sources[sources["doc_id"].isin(set(coding["doc_id"]))],
                                  typer, uncoded=True)
        except ValueError as error:
            raise ValueError(f"source_coding_{coder}.csv: {error}") from None
        frames.append(rows.assign(sheet=coder))
    return pd.concat(frames, ignore_index=True)


def typer_accuracy(model, rows, min_confidence):
    """Accuracy of the rules and of the typer with ``model`` on the coded
    rows of ``rows`` (with the uncoded mentions of their articles: those
    with no role of their own pooled per person as the typer pools them)."""
    predicted = rows["rule_type"].copy()
    todo = rows[rows["features"].map(_roleless)]
    people = list(zip(todo["sheet"], todo["doc_id"], todo["person"]))
    predicted[todo.index] = model.retype(list(todo["features"]), list(todo["rule_type"]), min_confidence,
                                         people)
    coded = rows["label"].notna()
    gold = rows.loc[coded, "label"]
    return (rows.loc[coded, "rule_type"] == gold).mean(), (predicted[coded] == gold).mean(), len(gold)


def grouped_cv(rows, min_confidence=0.4, folds=10, seed=0, **params):
    """Per fold of articles: n, rules' accuracy, accuracy of a model fitted on the other folds' articles."""
    articles = np.array(sorted(set(rows["doc_id"])))
    np.random.default_rng(seed).shuffle(articles)
    fold = rows["doc_id"].map({doc_id: i % folds for i, doc_id in enumerate(articles)})
    coded = rows["label"].notna()
    report = []
    for i in range(folds):
        train = coded & (fold != i)
        model = SourceTypeModel(**params).fit(list(rows.loc[train, "features"]), rows.loc[train, "label"])
        rules, typer, n = typer_accuracy(model, rows[fold == i], min_confidence)
        report.append({"fold": i, "n": n, "rules": rules, "typer": typer})
    return _with_total(pd.DataFrame(report), "fold")


def score_held_out(data, rows, hold_out, min_confidence=0.4, **params):
    """Per held-out sample: rules' and typer's accuracy, the model fitted on
    the training rows of articles the sample does not touch."""
    report = []
    for coder in hold_out:
        test = training_rows(data, [(coder, None)])
        train = rows["label"].notna() & ~rows["doc_id"].isin(set(test["doc_id"]))
        model = SourceTypeModel(**params).fit(list(rows.loc[train, "features"]), rows.loc[train, "label"])
        rules, typer, n = typer_accuracy(model, test, min_confidence)
        report.append({"sample": coder, "n": n, "rules": rules, "typer": typer,
                       "training sources": int(train.sum())})
    return _with_total(pd.DataFrame(report), "sample")


def score_dev(data, rows, min_confidence=0.4, **params):
    """Per coded sample of PolNeAR ``dev`` (``source_coding_dev*.csv``):
    rules' and typer's accuracy, the model fitted on all training rows (no
    training sample touches a dev article)."""
    coded = rows["label"].notna()
    model = SourceTypeModel(**params).fit(list(rows.loc[coded, "features"]), rows.loc[coded, "label"])
    report = []
    for path in sorted(VALIDATION.glob("source_coding_dev*.csv")):
        coder = path.stem.removeprefix("source_coding_")
        test = training_rows(data, [(coder, None)], compartment="dev")
        rules, typer, n = typer_accuracy(model, test, min_confidence)
        report.append({"sample": coder, "n": n, "rules": rules, "typer": typer})
    if not report:
        return pd.DataFrame(columns=["sample", "n", "rules", "typer"])
    return _with_total(pd.DataFrame(report), "sample")


def _with_total(report, name):
    n = report["n"].sum()
    total = {name: "ALL", "n": n, "rules": (report["rules"] * report["n"]).sum() / n,
             "typer": (report["typer"] * report["n"]).sum() / n}
    return pd.concat([report, pd.DataFrame([total])], ignore_index=True)


HEADER = """Learned source-type model: weights of a multinomial logistic regression
(framing.signals.source_model.SourceTypeModel) over SourceFeatures dicts.
Fitted by scripts/train_source_model.py on {n} hand-coded PolNeAR train
sources ({sheets}; validation/), coded under validation/source_codebook.md.
Features are the typing rules' answers, cue kinds and lower-case words
around a mention and its surname's other mentions; capitalised words never.
C={C}, min_df={min_df}. One row per feature, one weight column per type."""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--hold-out", nargs="*", default=list(HELD_OUT),
                        help="coded samples kept out of training (default: %(default)s)")
    parser.add_argument("--C", type=float, default=0.05)
    parser.add_argument("--min-df", type=int, default=10)
    parser.add_argument("--min-confidence", type=float, default=0.4,
                        help="the typer's min_confidence, for the scores (default 0.4)")
    parser.add_argument("--cv", action="store_true",
                        help="report 10-fold cross-validation grouped by article first")
    parser.add_argument("--score-held-out", action="store_true",
                        help="score the held-out samples, each with a model fitted without its articles")
    parser.add_argument("--score-dev", action="store_true",
                        help="score the coded samples of PolNeAR dev (articles no training sample touches)")
    parser.add_argument("--dry-run", action="store_true", help="do not write the model")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = args.data or find_data_dir()
    if data is None:
        sys.exit("no gold data found: pass --data or set FRAMING_DATA")
    sheets = coded_sheets(tuple(args.hold_out))
    rows = training_rows(data, sheets)
    coded = rows[rows["label"].notna()]
    params = {"C": args.C, "min_df": args.min_df}
    print(f"{len(coded)} coded sources from {len(sheets)} samples: {', '.join(s for s, _ in sheets)}")
    if args.cv:
        print(grouped_cv(rows, args.min_confidence, **params).to_string(index=False, float_format="%.3f"))
    if args.score_held_out:
        print(score_held_out(data, rows, args.hold_out, args.min_confidence, **params)
              .to_string(index=False, float_format="%.3f"))
    if args.score_dev:
        print(score_dev(data, rows, args.min_confidence, **params).to_string(index=False, float_format="%.3f"))
    if not args.dry_run:
        model = SourceTypeModel(**params).fit(list(coded["features"]), coded["label"])
        args.out.parent.mkdir(parents=True, exist_ok=True)
        model.to_csv(args.out, HEADER.format(n=len(coded), sheets=", ".join(s for s, _ in sheets), **params))
        print(f"{len(model.vocabulary_)} features x {len(model.classes_)} types -> {args.out}")


if __name__ == "__main__":
    main()
