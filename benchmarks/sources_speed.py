"""Time the source-reliance signal alone: wire credits, media references,
source typing and the per-article measures.

Attributions are extracted first and excluded from the timing; each article
gets a fresh :class:`framing.text.Document` whose text layer (sentences,
paragraphs, boilerplate, tokens) is computed before the clock starts, as the
attribution extractor computes it in the full pass. Two figures are printed
(CPU time per article): the first pass over distinct articles, where every
source mention is new to the typer's memos (what a new corpus costs), and a
repeated pass, where mentions recur (what a corpus with recurring sources,
or a benchmark that repeats its texts, costs).

Texts are PolNeAR train + dev from ../shared/data, or the bundled corpus when
the gold data is absent.

Usage::

    python benchmarks/sources_speed.py [--dump OUT.jsonl] [--attributions ATT.pkl]

``--dump`` writes what the signal found (span rows, measures, source types)
per article, so that a speed-up can be checked to change nothing: dump
before and after and compare the files (the dump is made by a new instance,
its typer's memos empty as on a first pass). ``--attributions`` keeps the
extracted attributions in a file (written if absent, read if present), so
that both dumps type the same sources even if the extractor changes between
them.
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import os
import pickle
import time

from framing.signals.attribution import AttributionExtractor
from framing.signals.sources import SourceReliance
from framing.text import Document
from throughput import base_texts  # the same texts as the main benchmark


def fresh(texts, attributions):
    """New Documents with their text layer computed, and copies of the attributions."""
    items = []
    for i, text in enumerate(texts):
        doc = Document(text, i)
        for layer in ("sentences", "paragraphs", "boilerplate", "tokens"):
            getattr(doc, layer)  # cached on the Document
        items.append((doc, copy.deepcopy(attributions[i])))
    return items


def one_pass(reliance, items):
    """CPU milliseconds per article of spans (with typing) and measures."""
    started = time.process_time()
    for doc, found in items:
        rows = reliance.spans(doc, found)
        reliance.measures(doc, found, rows)
    return (time.process_time() - started) / len(items) * 1e3


def dump(reliance, items, path):
    """One line per article: its span rows, measures and typed sources."""
    with open(path, "w", encoding="utf-8") as out:
        for doc, found in items:
            rows = reliance.spans(doc, found)
            measures = {k: None if isinstance(v, float) and math.isnan(v) else v
                        for k, v in reliance.measures(doc, found, rows).items()}
            sources = [[a.get("source_type"), a.get("resolved_text")] for a in found]
            out.write(json.dumps([doc.doc_id, rows, measures, sources], ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", help="write the signal's output per article to this JSONL file")
    parser.add_argument("--attributions", help="pickle of the extracted attributions (made if absent)")
    args = parser.parse_args()
    texts, label = base_texts()
    if args.attributions and os.path.exists(args.attributions):
        with open(args.attributions, "rb") as saved:
            attributions = pickle.load(saved)
    else:
        extractor = AttributionExtractor()
        attributions = [extractor.extract(Document(text, i)) for i, text in enumerate(texts)]
        if args.attributions:
            with open(args.attributions, "wb") as saved:
                pickle.dump(attributions, saved)
    reliance = SourceReliance()
    first = one_pass(reliance, fresh(texts, attributions))
    repeated = min(one_pass(reliance, fresh(texts, attributions)) for _ in range(3))
    print(f"texts: {label}, {len(texts)} articles")
    print(f"sources, ms per article: first pass {first:.2f}, repeated pass {repeated:.2f}")
    if args.dump:
        # a new instance, its typer's memos empty: what a first sight of the corpus gives
        dump(SourceReliance(), fresh(texts, attributions), args.dump)


if __name__ == "__main__":
    main()
