"""Fit the learned source-type model on the hand-coded PolNeAR samples.

Every coded sheet in ``validation/`` (one coder per sample) is training data,
except the samples named with ``--hold-out`` (by default ``blind14``,
``blind30``, ``blind31``, ``blind32``, ``blind43`` and ``blind44``, kept
unseen for the blind scores). Each sampled source is typed by the rules
among all the gold Source spans of its article, as the typer sees extracted
sources, and described by :func:`framing.signals.source_model.coded_features`.

``--loso`` first reports leave-one-sample-out accuracy of the rules and of
the typer with the model (each sample scored by a model fitted on the
others, re-typing the mentions where it is confident as the typer does),
which is how the model's settings were chosen. Without ``--dry-run`` the model fitted on
all training samples is written to ``framing/models/source_types.csv``.

Usage: python scripts/train_source_model.py [--data DIR] [--loso] [--dry-run]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.datasets import find_data_dir, read_polnear  # noqa: E402
from framing.signals.source_model import SourceTypeModel, coded_features  # noqa: E402
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
        if coder in SECOND_CODERS or coder in hold_out:
            continue
        sheets.append((coder, SAMPLE_OF.get(coder, f"source_sample_{coder}.csv")))
    order = {name: i for i, name in enumerate(SAMPLE_OF)}
    return sorted(sheets, key=lambda s: (order.get(s[0], len(order)), len(s[0]), s[0]))


def training_rows(data, sheets, typer=None):
    """One row per gold source mention of the coded articles: ``sheet, doc_id,
    start, end, label`` (None where not coded), ``rule_type, features, person``."""
    typer = typer or SourceTyper(model=None)
    articles, gold = read_polnear(Path(data) / "polnear", compartment="train")
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


def leave_one_sample_out(rows, min_confidence=0.4, **params):
    """Per sample: n, rules' accuracy, accuracy of a model fitted on the other samples."""
    report = []
    coded = rows["label"].notna()
    for sheet in dict.fromkeys(rows["sheet"]):
        test = rows["sheet"] == sheet
        model = SourceTypeModel(**params).fit(list(rows.loc[~test & coded, "features"]),
                                              rows.loc[~test & coded, "label"])
        # as the typer applies it: every mention of the articles typed, each
        # person's mentions pooled, the model's answer taken where it is
        # confident enough
        mentions = rows[test]
        people, _ = pd.factorize(mentions["doc_id"] + ":" + mentions["person"].astype(str))
        predicted = pd.Series(model.retype(list(mentions["features"]), list(mentions["rule_type"]),
                                           min_confidence, people), index=mentions.index)
        gold = rows.loc[test & coded, "label"]
        report.append({"sample": sheet, "n": len(gold), "rules": (rows.loc[gold.index, "rule_type"] == gold).mean(),
                       "model": (predicted[gold.index] == gold).mean()})
    report = pd.DataFrame(report)
    total = {"sample": "ALL", "n": report["n"].sum(),
             "rules": (report["rules"] * report["n"]).sum() / report["n"].sum(),
             "model": (report["model"] * report["n"]).sum() / report["n"].sum()}
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
    parser.add_argument("--C", type=float, default=0.3)
    parser.add_argument("--min-df", type=int, default=10)
    parser.add_argument("--min-confidence", type=float, default=0.4,
                        help="the typer's min_confidence, for --loso (default 0.4)")
    parser.add_argument("--loso", action="store_true", help="report leave-one-sample-out accuracy first")
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
    if args.loso:
        report = leave_one_sample_out(rows, args.min_confidence, **params)
        print(report.to_string(index=False, float_format="%.3f"))
    if not args.dry_run:
        model = SourceTypeModel(**params).fit(list(coded["features"]), coded["label"])
        args.out.parent.mkdir(parents=True, exist_ok=True)
        model.to_csv(args.out, HEADER.format(n=len(coded), sheets=", ".join(s for s, _ in sheets), **params))
        print(f"{len(model.vocabulary_)} features x {len(model.classes_)} types -> {args.out}")


if __name__ == "__main__":
    main()
