"""Draw the PolNeAR `train` Source spans that are hand-coded for source type.

Writes thirty-two disjoint samples:

- ``source_sample.csv`` (220 spans, seed 2026): the development sample,
  coded by two coders (A, B) and used while writing the typer's rules;
- ``source_sample_heldout.csv`` (150 spans, seed 2027): coded after the first
  rules were frozen and scored blind once (accuracy 0.727); its errors then
  guided a second round of rule revisions, so it is development data now;
- ``source_sample_test.csv`` (150 spans, seed 2028): coded independently and
  scored blind once (accuracy 0.747); its errors then guided rule
  revisions, so it is development data now;
- ``source_sample_blind2.csv`` (200 spans, seed 2029): coded by an
  independent coder who never saw the typer or its rules; scored once, after the
  typer was frozen (accuracy 0.745); its errors led to the codebook's
  amendment (sources typed by the person), so it is development data now;
- ``source_sample_blind3.csv`` (200 spans, seed 2030): coded under the
  amended codebook by an independent coder who never saw the typer, its word
  lists or the other coding sheets; scored once, after the typer was frozen
  (accuracy 0.660); its errors then guided revisions, so it is development
  data now;
- ``source_sample_blind4.csv`` (200 spans, seed 2031): coded like blind3,
  after the codebook's clarifications of its gaps; scored once, after the
  typer was frozen again (accuracy 0.635); its errors then guided revisions,
  so it is development data now;
- ``source_sample_blind5.csv`` (200 spans, seed 2032): coded by two
  independent coders, each blind to the typer and to the other, after the
  codebook's session-4 decision (the person's roles decide); they agree on
  0.965 of it; scored once after the typer was frozen (0.685 and 0.700),
  then used to revise the rules;
- ``source_sample_blind6.csv`` (200 spans, seed 2033): coded like
  blind5 by a third coder, scored once (0.700), then used to revise the
  rules;
- ``source_sample_blind7.csv`` (200 spans, seed 2034): coded like blind6 by a
  fourth coder, scored once (0.680), then used to revise the rules;
- ``source_sample_blind8.csv`` (200 spans, seed 2035): coded like blind7 by a
  fifth coder, scored once on the typer frozen at 214146c (0.645), before
  a review's fixes;
- ``source_sample_blind9.csv`` (200 spans, seed 2036): coded like blind8 by a
  sixth coder, scored once on the typer as it ends session 4 (0.670): the
  blind test as session 5 began;
- ``source_sample_blind10.csv`` to ``source_sample_blind13.csv`` (200 spans
  each, seeds 2037-2040): coded like blind9 by four more coders, in session 5,
  scored once on the rules (0.690, 0.715, 0.650, 0.690), then training data
  for the learned source-type model;
- ``source_sample_blind14.csv`` (200 spans, seed 2041): coded like them, kept
  out of the model's training and tuning; scored on each model as it was
  frozen (0.765, 0.755, then 0.770 on the shipped one; the rules alone 0.690);
- ``source_sample_blind15.csv`` to ``source_sample_blind22.csv`` (200 spans
  each, seeds 2042-2049): coded like blind10 by eight more coders, as training
  data for the learned source-type model;
- ``source_sample_blind23.csv`` (200 spans, seed 2050): coded like them after
  the first model was fitted, scored once on it (0.720; the rules alone
  0.665), then training data;
- ``source_sample_blind24.csv`` to ``source_sample_blind29.csv`` (200 spans
  each, seeds 2051-2056): coded like them as more training data;
- ``source_sample_blind30.csv`` (200 spans, seed 2057): coded with them, kept
  out of training; scored once on the shipped model (0.730; the rules alone
  0.675);
- ``source_sample_blind31.csv`` and ``source_sample_blind32.csv`` (200 spans
  each, seeds 2058-2059): coded blind in session 6 as fresh held-out tests;
- ``source_sample_blind33.csv`` to ``source_sample_blind36.csv`` (200 spans
  each, seeds 2060-2063): coded with them as more training data;
- ``source_sample_blind37.csv`` to ``source_sample_blind42.csv`` (200 spans
  each, seeds 2064-2069): coded later in session 6 as more training data;
- ``source_sample_blind43.csv`` and ``source_sample_blind44.csv`` (200 spans
  each, seeds 2070-2071): coded with them as the last held-out tests;
- ``source_sample_dev1.csv`` and ``source_sample_dev2.csv`` (200 spans each,
  seeds 2072-2073), drawn from PolNeAR ``dev``: the train samples share
  articles, and a person's features are the same in every sample of an
  article, so only articles no training sample touches give a clean test
  of the learned model.

All hold ``doc_id, start, end``
only (no article text: the corpus is not ours to redistribute). The draws
are seeded, so re-running this script reproduces the committed samples.

Usage: python validation/make_source_sample.py [DATA_DIR]
"""
import random
import re
import sys
from pathlib import Path

SAMPLES = (("source_sample.csv", 2026, 220), ("source_sample_heldout.csv", 2027, 150),
           ("source_sample_test.csv", 2028, 150), ("source_sample_blind2.csv", 2029, 200),
           ("source_sample_blind3.csv", 2030, 200),
           ("source_sample_blind4.csv", 2031, 200),
           ("source_sample_blind5.csv", 2032, 200),
           ("source_sample_blind6.csv", 2033, 200),
           ("source_sample_blind7.csv", 2034, 200),
           ("source_sample_blind8.csv", 2035, 200),
           ("source_sample_blind9.csv", 2036, 200),
           ("source_sample_blind10.csv", 2037, 200),
           ("source_sample_blind11.csv", 2038, 200),
           ("source_sample_blind12.csv", 2039, 200),
           ("source_sample_blind13.csv", 2040, 200),
           ("source_sample_blind14.csv", 2041, 200),
           ("source_sample_blind15.csv", 2042, 200),
           ("source_sample_blind16.csv", 2043, 200),
           ("source_sample_blind17.csv", 2044, 200),
           ("source_sample_blind18.csv", 2045, 200),
           ("source_sample_blind19.csv", 2046, 200),
           ("source_sample_blind20.csv", 2047, 200),
           ("source_sample_blind21.csv", 2048, 200),
           ("source_sample_blind22.csv", 2049, 200),
           ("source_sample_blind23.csv", 2050, 200),
           ("source_sample_blind24.csv", 2051, 200),
           ("source_sample_blind25.csv", 2052, 200),
           ("source_sample_blind26.csv", 2053, 200),
           ("source_sample_blind27.csv", 2054, 200),
           ("source_sample_blind28.csv", 2055, 200),
           ("source_sample_blind29.csv", 2056, 200),
           ("source_sample_blind30.csv", 2057, 200),
           ("source_sample_blind31.csv", 2058, 200),
           ("source_sample_blind32.csv", 2059, 200),
           ("source_sample_blind33.csv", 2060, 200),
           ("source_sample_blind34.csv", 2061, 200),
           ("source_sample_blind35.csv", 2062, 200),
           ("source_sample_blind36.csv", 2063, 200),
           ("source_sample_blind37.csv", 2064, 200),
           ("source_sample_blind38.csv", 2065, 200),
           ("source_sample_blind39.csv", 2066, 200),
           ("source_sample_blind40.csv", 2067, 200),
           ("source_sample_blind41.csv", 2068, 200),
           ("source_sample_blind42.csv", 2069, 200),
           ("source_sample_blind43.csv", 2070, 200),
           ("source_sample_blind44.csv", 2071, 200))


def source_spans(ann_dir):
    """Yield (doc_id, start, end) of every Source span, one annotator per article."""
    chosen = {}
    for ann in sorted(Path(ann_dir).glob("*.ann")):
        doc_id = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        chosen.setdefault(doc_id, ann)
    for doc_id, ann in sorted(chosen.items()):
        for line in ann.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) >= 2 and fields[0].startswith("T") and fields[1].startswith("Source "):
                first = fields[1].split(" ", 1)[1].split(";")[0]
                start, end = map(int, first.split())
                yield doc_id, start, end


#: Samples of the ``dev`` compartment, which no training sample touches.
DEV_SAMPLES = (("source_sample_dev1.csv", 2072, 200), ("source_sample_dev2.csv", 2073, 200))


def main(data_dir):
    for compartment, samples in (("train", SAMPLES), ("dev", DEV_SAMPLES)):
        draw(Path(data_dir) / "polnear" / compartment / "attributions", samples)


def draw(ann_dir, samples):
    """Write ``samples`` (name, seed, size), disjoint, from the Source spans of ``ann_dir``."""
    spans = list(source_spans(ann_dir))
    taken = set()
    for name, seed, size in samples:
        pool = [s for s in spans if s not in taken]
        sample = sorted(random.Random(seed).sample(pool, size))
        taken.update(sample)
        out = Path(__file__).with_name(name)
        with out.open("w", encoding="utf-8", newline="") as f:
            f.write("doc_id,start,end\n")
            for doc_id, start, end in sample:
                f.write(f"{doc_id},{start},{end}\n")
        print(f"{len(sample)} of {len(pool)} Source spans -> {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data")
