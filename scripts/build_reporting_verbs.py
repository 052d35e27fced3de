"""Refresh the PolNeAR-train columns of ``framing/lexicons/reporting_verbs.csv``.

The lemma, forms and verb class of each entry are curated by hand (see the
file's header); this script only recounts, on PolNeAR ``train`` (never
``dev``), how often each form is annotated as (part of) a cue when it is a
cue candidate (outside quotations and boilerplate, not a capitalised name:
:meth:`AttributionExtractor.scored_candidates`), and writes that rate to ``train_rates``
(Laplace-smoothed towards 0.5). It also lists frequent ``train`` cue words
that the lexicon lacks, for a human to classify and add.

Usage::

    python scripts/build_reporting_verbs.py [--data DIR] [--dry-run]
"""
from __future__ import annotations

import argparse
import collections
import re

import framing
from framing.datasets import find_data_dir, read_polnear
from framing.lexicons import lexicon_path, load_lexicon, read_provenance
from framing.signals.attribution import AttributionExtractor
from framing.text import Document


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None, help="data folder (default: find_data_dir())")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write")
    args = parser.parse_args(argv)
    root = args.data or find_data_dir()
    if root is None:
        raise SystemExit("no data folder found: pass --data")
    articles, gold = read_polnear(root, compartment="train")
    cues = gold[gold["signal"] == "cue"]
    cue_spans = {d: sorted(zip(g["start"], g["end"])) for d, g in cues.groupby("doc_id")}
    table = load_lexicon("reporting_verbs")
    extractor = AttributionExtractor(table.assign(train_rates=""))
    hits, seen = collections.Counter(), collections.Counter()
    for doc_id, text in zip(articles["doc_id"], articles["text"]):
        gold_here = cue_spans.get(doc_id, [])
        for start, end, form, _ in extractor.scored_candidates(Document(text, doc_id)):
            seen[form] += 1
            if any(s < end and start < e for s, e in gold_here):
                hits[form] += 1
    rates = []
    for forms in table["forms"]:
        rates.append("|".join(f"{(hits[f] + 1) / (seen[f] + 2):.2f}" if seen[f] else ""
                              for f in (x.strip().lower() for x in forms.split("|"))))
    table["train_rates"] = rates
    covered = {w for forms in table["forms"] for f in forms.split("|") for w in f.lower().split()}
    words = collections.Counter(w.lower() for t in cues["text"] for w in re.findall(r"[A-Za-z]+", t))
    missing = [(w, n) for w, n in words.most_common(300) if w not in covered and n >= 5]
    print("frequent train cue words not in the lexicon:", missing[:60])
    if args.dry_run:
        print(table.head(20).to_string())
        return
    path = lexicon_path("reporting_verbs")
    header = "".join(f"# {line}\n" if line else "#\n" for line in read_provenance(path).splitlines())
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(header)
        table.to_csv(f, index=False, lineterminator="\n")
    print(f"wrote {path} ({len(table)} lemmas), framing {framing.__version__}")


if __name__ == "__main__":
    main()
