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

    python benchmarks/sources_speed.py
"""
from __future__ import annotations

import copy
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


def main():
    texts, label = base_texts()
    extractor = AttributionExtractor()
    attributions = [extractor.extract(Document(text, i)) for i, text in enumerate(texts)]
    reliance = SourceReliance()
    first = one_pass(reliance, fresh(texts, attributions))
    repeated = min(one_pass(reliance, fresh(texts, attributions)) for _ in range(3))
    print(f"texts: {label}, {len(texts)} articles")
    print(f"sources, ms per article: first pass {first:.2f}, repeated pass {repeated:.2f}")


if __name__ == "__main__":
    main()
