"""Score the source-reliance signal against gold data.

1. **Wire-copy detection** against the ``wire`` column of PolNeAR's
   ``metadata.tsv`` over the ``train`` and ``dev`` articles. The column holds
   an agency for wire copy (``AP``, ``UPI``, ``AFP``, ``Reuters`` and its
   lower-case variant ``reuters``: compared case-insensitively), ``None`` for
   the outlet's own copy, and ``NA`` for every West Journal article: the
   corpus authors did not record wire status for that publisher (its texts
   carry no agency credit; their hat tips "h/t: The Hill" are recorded in
   ``credit``). NA articles are therefore left out of the headline score and
   scored separately as not-wire, for the record. An article is predicted
   wire copy when :class:`~framing.signals.sources.WireDetector` finds a
   credit; agency agreement is reported among the true positives.
2. **Source-type accuracy** of :class:`~framing.signals.sources.SourceTyper`
   on hand-coded samples of PolNeAR ``train`` sources: accuracy and Cohen's
   kappa of the typer against each coder (and between the two coders of the
   development sample) and the confusion matrices. The typer sees each
   sampled source span among all the gold Source spans of its article, as it
   would see extracted sources, so anaphors are resolved the same way. The
   samples (``validation/make_source_sample.py``), in the order they were
   used:

   - development (``source_sample.csv``, coders ``a`` and ``b``): the rules
     were written against it;
   - second (``source_sample_heldout.csv``): blind once (0.727), then
     used to revise the rules;
   - test (``source_sample_test.csv``, ``--test``): blind once (0.747), then
     its errors were classified and used to revise the rules;
   - blind2 (``source_sample_blind2.csv``, ``--blind2``): drawn and coded by
     someone else while the rules were revised, scored once after they were
     frozen (0.745); its errors led to the codebook's amendment (sources
     typed by the person as the article introduces them), so it is
     development data now;
   - blind3 (``source_sample_blind3.csv``, ``--blind3``): drawn and coded
     under the amended codebook by a coder who never saw the typer, its word
     lists or the other sheets, scored once after the rules were frozen
     (0.660), then used to revise the rules, so it is development data now;
   - blind4 (``source_sample_blind4.csv``, ``--blind4``): coded like blind3
     after the codebook's clarifications of blind3's gaps, scored once after
     the rules were frozen again (0.635, kappa 0.555, typer at ``bfb0b1c``),
     then used to revise the rules;
   - blind5 (``source_sample_blind5.csv``, ``--blind5``): coded by two
     coders, each blind to the typer and to the other (coders ``blind5`` and
     ``blind5_second``), after the codebook's session-4 decision; scored once
     after the rules were frozen (0.685 and 0.700, typer at ``99dd448``),
     then used to revise the rules; the two coders' agreement (0.965) is the
     human figure the typer is held to;
   - blind6 (``source_sample_blind6.csv``, ``--blind6``): coded like blind5
     by a third coder; scored once after the rules were frozen again (0.700,
     kappa 0.626, typer at ``f5cada2``), then used to revise the rules;
   - blind7 (``source_sample_blind7.csv``, ``--blind7``): coded like blind6
     by a fourth coder; scored once after the rules were frozen again
     (0.680, kappa 0.605, typer at ``dcb007c``), then used to revise the
     rules;
   - blind8 (``source_sample_blind8.csv``, ``--blind8``): coded like blind7
     by a fifth coder; scored once on the typer frozen at the end of
     session 4 (0.645, kappa 0.565, typer at ``214146c``), before a review's
     fixes;
   - blind9 (``source_sample_blind9.csv``, ``--blind9``): coded like blind8
     by a sixth coder; scored once on the typer as it ends session 4 (0.670,
     kappa 0.602, typer at ``0648994``);
   - blind10 to blind13 (``--blind10`` ...): coded like blind9 in session 5
     and scored once on the rules as session 4 left them (0.690, 0.715,
     0.650, 0.690; typer at ``33e85a6``); blind15 to blind22 were coded like
     them as training data. All the samples so far, one coder each, are the
     training data of the learned model (``scripts/train_source_model.py``),
     so on them the typer's figure is in-sample (see below for the
     held-out ones);
   - blind14 (always scored): coded with blind10 to blind13 but kept out of
     training and of every choice of the model's settings; scored on each
     model as it was frozen: 0.765 (``5b28a1a``, the first), 0.755
     (``be5cc76``, faster features) and 0.770 (kappa 0.718; the rules alone
     0.690, kappa 0.627) on the shipped one (``7933ccd``);
   - blind23: drawn and coded after the first model was fitted, scored once
     on it (0.720, kappa 0.662; the rules alone 0.665), then training data
     with blind24 to blind29;
   - blind30 (always scored): coded with blind24 to blind29, kept out of
     training; scored once on the session-5 typer (0.730, kappa 0.670; the
     rules alone 0.675, kappa 0.605, typer at ``7933ccd``); 0.745 (kappa
     0.688) on the session-6 typer (``ea702d7``);
   - blind31 and blind32 (always scored): coded in session 6 with the
     training samples blind33 to blind36, never trained on; scored once on
     the typer at ``ea702d7``: 0.795 (kappa 0.741; the rules alone 0.730)
     and 0.780 (kappa 0.731; the rules alone 0.675). blind14 scored 0.785
     (kappa 0.734) on it;
   - blind37 to blind42 (``--blind37`` ...): coded after that as training
     data; blind43 and blind44 (always scored) coded with them and never
     trained on, scored once on the final session-6 typer (``b93253d``,
     fitted on 40 samples): 0.755 (kappa 0.693; the rules alone 0.640) and
     0.755 (kappa 0.691; the rules alone 0.680). On that typer blind14
     scores 0.800, blind30 0.750, blind31 0.820 and blind32 0.775.

**Those model figures are inflated.** The samples are disjoint in their
mentions, not in their articles: 540 of the 546 articles of the held-out
samples also have mentions in training samples, and a person's features
(the words around their name) are the same in every sample. A model fitted
on them has seen the people of the held-out articles. Scored by a model
fitted without the sample's articles (``scripts/train_source_model.py
--score-held-out``), the final session-6 typer reaches 0.685 (blind14),
0.680 (blind30), 0.750 (blind31), 0.685 (blind32), 0.650 (blind43) and
0.690 (blind44): 0.690 over the six, against 0.682 for the rules alone. The
rules' figures were never affected (they learn nothing from the samples).
On two samples of PolNeAR ``dev`` (``source_coding_dev1.csv``,
``source_coding_dev2.csv``), whose articles no training sample touches, the
typer scores 0.720 and 0.685 against the rules' 0.735 and 0.680 (0.703
against 0.708; ``train_source_model.py --score-dev``).

Each report gives the typer with the packaged model (``typer``: the rules,
and the learned model for mentions with no role of their own where it is
confident; in-sample for every article of these samples, see above) and the
rules alone (``rule_type``).

Usage::

    python scripts/evaluate_sources.py [--data DIR] [--part wire|types|all]
                                       [--test] [--blind2] [--blind3] [--blind4]
                                       [--blind5] [--blind6] [--blind7] [--blind8]
                                       [--blind9] [--blind10] ... [--blind42]
                                       [--errors]

PolNeAR: Newell, Margolin & Ruths (LREC 2018).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from framing.datasets import find_data_dir, read_polnear
from framing.evaluate import cohen_kappa
from framing.signals.sources import SOURCE_TYPES, WireDetector, source_types

VALIDATION = Path(__file__).resolve().parents[1] / "validation"


def gold_wire(value: str) -> str | None:
    """Normalise a PolNeAR ``wire`` value: agency, ``""`` (not wire) or None (NA)."""
    value = (value or "").strip()
    if value == "NA":
        return None
    if value in ("", "None"):
        return ""
    return {"reuters": "Reuters"}.get(value.lower(), value)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_wire(data, compartments=("train", "dev"), detector=None):
    """Per-article predictions and the confusion counts of wire detection."""
    detector = detector or WireDetector()
    frames = []
    for compartment in compartments:
        articles, _ = read_polnear(data / "polnear", compartment=compartment)
        articles = articles.copy()
        credits = [detector.credits(text) for text in articles["text"]]
        articles["pred_agency"] = ["; ".join(dict.fromkeys(c["label"] for c in found))
                                   for found in credits]
        articles["pred_position"] = ["; ".join(dict.fromkeys(c["credit_position"] for c in found))
                                     for found in credits]
        articles["gold_agency"] = articles["wire"].map(gold_wire)
        frames.append(articles.drop(columns="text"))
    table = pd.concat(frames, ignore_index=True)
    return table


def wire_report(table):
    lines = []
    for name, subset, na_as_none in (
            ("train+dev, NA excluded (headline)", table[table["gold_agency"].notna()], False),
            ("train+dev, NA counted as not wire", table, True)):
        gold = subset["gold_agency"].fillna("") if na_as_none else subset["gold_agency"]
        g = gold != ""
        p = subset["pred_agency"] != ""
        tp, fp, fn, tn = int((g & p).sum()), int((~g & p).sum()), int((g & ~p).sum()), int((~g & ~p).sum())
        prec, rec, f1 = prf(tp, fp, fn)
        agree = int((subset.loc[g & p, "pred_agency"].str.split("; ").str[0]
                     == gold[g & p]).sum())
        lines.append(f"{name}: n={len(subset)} TP={tp} FP={fp} FN={fn} TN={tn} "
                     f"P={prec:.3f} R={rec:.3f} F1={f1:.3f}; agency agrees on {agree}/{tp} TP")
    return lines


def read_coding(path):
    frame = pd.read_csv(path, dtype={"doc_id": str}, comment="#")
    return frame[["doc_id", "start", "end", "label"]]


def evaluate_types(data, typer=None, sample="source_sample.csv", coders=("a", "b")):
    """Typer labels for a coded sample, joined to whatever codings exist.

    ``source_sample.csv`` (coders a and b) was used while writing the rules;
    ``source_sample_heldout.csv`` (coder ``heldout``) was drawn and coded
    after they were frozen, so the typer's accuracy on it is the blind figure.
    """
    sample = pd.read_csv(VALIDATION / sample, dtype={"doc_id": str})
    articles, gold = read_polnear(data / "polnear", compartment="train")
    docs = set(sample["doc_id"])
    sources = gold[(gold["signal"] == "source") & gold["doc_id"].isin(docs)]
    typed = source_types(sources, articles[articles["doc_id"].isin(docs)], typer=typer)
    typed = typed.drop_duplicates(["doc_id", "start", "end"])
    out = sample.merge(typed[["doc_id", "start", "end", "source_type", "rule_type", "resolved_text",
                              "text"]],
                       on=["doc_id", "start", "end"], how="left")
    for coder in coders:
        path = VALIDATION / f"source_coding_{coder}.csv"
        if path.exists():
            coding = read_coding(path).rename(columns={"label": f"coder_{coder}"})
            out = out.merge(coding, on=["doc_id", "start", "end"], how="left")
    return out


def confusion(gold, pred):
    labels = [t for t in SOURCE_TYPES if t in set(gold) | set(pred)]
    return pd.crosstab(pd.Categorical(gold, labels), pd.Categorical(pred, labels),
                       rownames=["coder"], colnames=["typer"], dropna=False)


def type_errors(out, coder):
    """The disagreements with ``coder``: offsets and labels only (no article text)."""
    out = out.rename(columns={"source_type": "typer"})
    wrong = out[out[coder].notna() & (out[coder] != out["typer"])]
    return wrong[["doc_id", "start", "end", coder, "typer"]].to_string(index=False)


def type_report(out, pairs=(("typer", "coder_a"), ("rule_type", "coder_a"), ("typer", "coder_b"),
                            ("rule_type", "coder_b"), ("coder_a", "coder_b"))):
    lines = []
    out = out.rename(columns={"source_type": "typer"})
    for x, y in pairs:
        if x not in out or y not in out:
            lines.append(f"{x} vs {y}: coding not available")
            continue
        both = out[out[x].notna() & out[y].notna() & (out[x] != "") & (out[y] != "")]
        if both.empty:
            lines.append(f"{x} vs {y}: no items coded by both")
            continue
        acc = (both[x] == both[y]).mean()
        lines.append(f"{x} vs {y}: n={len(both)} accuracy={acc:.3f} "
                     f"kappa={cohen_kappa(list(both[x]), list(both[y])):.3f}")
    for coder in sorted({c for pair in pairs for c in pair if c.startswith("coder_")}):
        if coder in out:
            both = out[out[coder].notna()]
            lines.append(f"\nconfusion, rows = {coder}, columns = typer:")
            lines.append(confusion(list(both[coder]), list(both["typer"])).to_string())
    return lines


#: The samples coded after the development one, in the order they were used:
#: (command-line flag, None when always scored; coders; sample; the flag's
#: help; the report's title).
LATER_SAMPLES = [
    (None, ("heldout",), "source_sample_heldout.csv", None,
     "the second sample (150 sources; scored blind once at 0.727 accuracy, then used "
     "to revise the rules)"),
    ("test", ("test",), "source_sample_test.csv",
     "also score the third ('test') sample (blind once; its errors have "
     "since been used to revise the rules)",
     "the third sample (150 sources; scored blind once at 0.747 accuracy, then its "
     "errors were classified and used to revise the rules)"),
    ("blind2", ("blind2",), "source_sample_blind2.csv",
     "also score the second blind sample (scored blind once at 0.745; "
     "development data since the codebook's amendment)",
     "the second blind sample (scored blind once at 0.745; its errors led to the "
     "codebook's amendment, so it is development data now)"),
    ("blind3", ("blind3",), "source_sample_blind3.csv",
     "also score the third blind sample (scored blind once at 0.660; "
     "development data since)",
     "the third blind sample (coded under the amended codebook, scored blind once at "
     "0.660, then used to revise the rules)"),
    ("blind4", ("blind4",), "source_sample_blind4.csv",
     "also score the fourth blind sample (scored blind once at 0.635; "
     "development data since)",
     "the fourth blind sample (coded under the clarified codebook, scored once after "
     "the rules were frozen, at 0.635, then used to revise the rules)"),
    ("blind5", ("blind5", "blind5_second"), "source_sample_blind5.csv",
     "also score the fifth blind sample, coded by two independent coders "
     "(scored blind once at 0.685/0.700; development data since)",
     "the fifth blind sample (two independent coders, after the codebook's "
     "session-4 decision; scored blind once at 0.685/0.700, then used to revise "
     "the rules)"),
    ("blind6", ("blind6",), "source_sample_blind6.csv",
     "also score the sixth blind sample (scored blind once at 0.700; "
     "development data since)",
     "the sixth blind sample (coded after the codebook's session-4 decision, scored "
     "blind once at 0.700, then used to revise the rules)"),
    ("blind7", ("blind7",), "source_sample_blind7.csv",
     "also score the seventh blind sample (scored blind once at 0.680; "
     "development data since)",
     "the seventh blind sample (coded after the codebook's session-4 decision, scored "
     "blind once at 0.680, then used to revise the rules)"),
    ("blind8", ("blind8",), "source_sample_blind8.csv",
     "also score the eighth blind sample (scored blind once at 0.645)",
     "the eighth blind sample (coded after the codebook's session-4 decision, scored "
     "blind once at 0.645)"),
    ("blind9", ("blind9",), "source_sample_blind9.csv",
     "also score the ninth blind sample (scored blind once at 0.670; "
     "the latest blind figure)",
     "the ninth blind sample (coded after the codebook's session-4 decision, scored "
     "blind once at 0.670; training data for the learned model since)"),
    *[(f"blind{n}", (f"blind{n}",), f"source_sample_blind{n}.csv",
       f"also score blind sample {n} (its rules scored blind once at {score}; "
       "training data for the learned model since)",
       f"blind sample {n} (the rules scored blind once at {score}, typer at 33e85a6; "
       "training data for the learned model since, so the typer's figure is in-sample)")
      for n, score in ((10, "0.690"), (11, "0.715"), (12, "0.650"), (13, "0.690"))],
    *[(f"blind{n}", (f"blind{n}",), f"source_sample_blind{n}.csv",
       f"also score blind sample {n} (coded as training data for the learned model)",
       f"blind sample {n} (training data for the learned model: the typer's figure "
       "is in-sample; the rules' figure was never used to revise them)")
      for n in (*range(15, 23), *range(24, 30), *range(33, 43))],
    ("blind23", ("blind23",), "source_sample_blind23.csv",
     "also score blind sample 23 (scored blind once at 0.720 on the first model; "
     "training data since)",
     "blind sample 23 (scored blind once at 0.720 on the first model, then training "
     "data: the typer's figure is in-sample)"),
    (None, ("blind14",), "source_sample_blind14.csv", None,
     "the held-out sample blind14 (never used for training or for choosing the "
     "model's settings: 0.770 on the shipped typer)"),
    (None, ("blind30",), "source_sample_blind30.csv", None,
     "the held-out sample blind30 (coded with the last training samples, never "
     "trained on, scored once at 0.730 on the session-5 typer)"),
    (None, ("blind31",), "source_sample_blind31.csv", None,
     "the held-out sample blind31 (coded in session 6, never trained on, scored "
     "once on the session-6 typer at ea702d7: 0.795)"),
    (None, ("blind32",), "source_sample_blind32.csv", None,
     "the held-out sample blind32 (coded with blind31, never trained on, scored "
     "once on the session-6 typer at ea702d7: 0.780)"),
    (None, ("blind43",), "source_sample_blind43.csv", None,
     "the held-out sample blind43 (coded late in session 6 with the training samples "
     "blind37 to blind42, never trained on, scored once on the typer at b93253d: 0.755)"),
    (None, ("blind44",), "source_sample_blind44.csv", None,
     "the held-out sample blind44 (coded with blind43, never trained on, scored once "
     "on the typer at b93253d: 0.755)"),
]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="the shared data folder")
    parser.add_argument("--part", choices=("wire", "types", "all"), default="all")
    parser.add_argument("--errors", action="store_true",
                        help="list the misclassified articles and source spans")
    for flag, _, _, helptext, _ in LATER_SAMPLES:
        if flag:
            parser.add_argument(f"--{flag}", action="store_true", help=helptext)
    args = parser.parse_args(argv)
    data = args.data or find_data_dir()
    if data is None:
        sys.exit("no gold data found: pass --data or set FRAMING_DATA")
    if args.part in ("wire", "all"):
        table = evaluate_wire(data)
        print("== wire-copy detection vs PolNeAR metadata `wire`")
        print("\n".join(wire_report(table)))
        print("\nby gold value x predicted agency:")
        print(pd.crosstab(table["wire"], table["pred_agency"].replace("", "-")).to_string())
        print("\ncredit positions found:",
              table.loc[table["pred_position"] != "", "pred_position"].value_counts().to_dict())
        if args.errors:
            g = table["gold_agency"].fillna("") != ""
            p = table["pred_agency"] != ""
            print(table.loc[g != p, ["doc_id", "wire", "pred_agency", "pred_position"]].to_string())
    if args.part in ("types", "all"):
        if not (VALIDATION / "source_sample.csv").exists():
            print("no validation/source_sample.csv: source typing not scored")
            return
        out = evaluate_types(data)
        print("\n== source typing on the development sample (220 PolNeAR train sources; "
              "the rules were revised after seeing coder A's labels)")
        print(f"typer label counts: {out['source_type'].value_counts().to_dict()}")
        print("\n".join(type_report(out)))
        if args.errors:
            print(type_errors(out, "coder_a"))
        for flag, coders, sample, _, title in LATER_SAMPLES:
            coders = tuple(c for c in coders if (VALIDATION / f"source_coding_{c}.csv").exists())
            if flag and not getattr(args, flag) or not coders:
                continue
            scored = evaluate_types(data, sample=sample, coders=coders)
            pairs = [(typer, f"coder_{c}") for c in coders for typer in ("typer", "rule_type")]
            pairs += [(f"coder_{x}", f"coder_{y}") for i, x in enumerate(coders) for y in coders[i + 1:]]
            print(f"\n== source typing on {title}")
            print("\n".join(type_report(scored, pairs=pairs)))
            if args.errors:
                for c in coders:
                    print(type_errors(scored, f"coder_{c}"))


if __name__ == "__main__":
    main()
