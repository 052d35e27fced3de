"""Throughput, parallel speed-up and memory of the full signal pass.

Runs, in one process and on the same texts:

1. nltk's Punkt sentence splitter alone, run on each whole article as
   ``sent_tokenize`` does (offline: the package's abbreviation list as its
   parameters instead of a downloaded model): the baseline;
2. the full signal pass (:class:`framing.pipeline.SignalPass`: text layer,
   attribution, loaded terms, source reliance), one core;

and prints articles/s for both and their ratio (timed in alternating chunks
of 100 articles, so that load from other processes touches both alike), then
the milliseconds per article of each part of the pass (text layer,
attribution, loaded terms, sources, and the rest: the pass's own assembly)
on distinct articles. Then it times ``framing spans --jobs 1`` against
``--jobs 2`` on the same corpus file, and measures the peak resident memory
of ``framing spans`` at each size.

Texts are PolNeAR articles (train + dev, from ../shared/data) repeated to
each size, or the bundled corpus when the gold data is absent. Each size
starts from a new pass: the signals memoise parts of the text they have
seen, so a repeated article runs faster than a new one, and sizes beyond the
distinct articles flatter the pass; the per-part figures use distinct
articles only.

Usage::

    python benchmarks/throughput.py                      # sizes 1,000 10,000 100,000
    python benchmarks/throughput.py --sizes 1000 --parallel-size 2000
    python benchmarks/throughput.py --sizes 1000 --parallel-size 0 --skip-memory   # one core only
    python benchmarks/throughput.py --profile 500        # cProfile of the pass, top functions
    python benchmarks/throughput.py --sizes 1000 --parallel-size 0 --skip-memory --repeat 5
        # per-part medians of 5 runs: steadier on a shared machine
"""
from __future__ import annotations

import argparse
import copy
import cProfile
import json
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

import framing
from framing.datasets import find_data_dir, read_polnear
from framing.pipeline import SignalPass
from framing.text import _punkt

MEASURE_CHILD = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")


def base_texts():
    data = find_data_dir()
    if data is not None and (data / "polnear").is_dir():
        texts = [t for c in ("train", "dev") for t in read_polnear(data / "polnear", c)[0]["text"]]
        return texts, "PolNeAR train+dev"
    return framing.load_corpus(Path(__file__).resolve().parents[1] / "corpus")["text"].tolist(), "bundled corpus"


def corpus_of(texts, n):
    return pd.DataFrame({"doc_id": [f"d{i:07d}" for i in range(n)],
                         "text": [texts[i % len(texts)] for i in range(n)]})


# In-process figures count this process's CPU time: on a shared machine, time
# spent waiting for a core would otherwise land on whichever part was running.
_clock = time.process_time


def punkt_rate(texts):
    splitter = _punkt()
    started = _clock()
    for text in texts:
        list(splitter.span_tokenize(text))
    return len(texts) / (_clock() - started)


def pass_rate(texts, runner):
    started = _clock()
    for i, text in enumerate(texts):
        runner.run(i, text)
    return len(texts) / (_clock() - started)


def fresh_pass():
    """A new :class:`SignalPass`, run once on a made-up article: patterns
    compiled and lazy imports done, but nothing of the texts to time seen
    (the signals memoise parts of what they have seen: repeated texts run
    faster than new ones)."""
    runner = SignalPass()
    runner.run("warm-up", "Senator Jane Doe said the talks went well. “We won,” she told AP.")
    return runner


def rates(texts, runner, chunk=100):
    """Articles/s of Punkt and of the pass, timed in alternating chunks so
    that a change in the machine's load touches both alike."""
    punkt = full = 0.0
    for i in range(0, len(texts), chunk):
        part = texts[i:i + chunk]
        punkt += len(part) / punkt_rate(part)
        full += len(part) / pass_rate(part, runner)
    return len(texts) / punkt, len(texts) / full


class _Timed:
    """A signal extractor whose method calls add their time to ``clock[part]``."""

    def __init__(self, inner, clock, part):
        self._inner, self._clock, self._part = inner, clock, part

    def __getattr__(self, name):
        method = getattr(self._inner, name)

        def timed(*args, **kwargs):
            started = _clock()
            try:
                return method(*args, **kwargs)
            finally:
                self._clock[self._part] += _clock() - started
        return timed


def breakdown(texts, runner):
    """Milliseconds per article of Punkt and of each part of the pass: the
    text layer (sentences, paragraphs, boilerplate, words), each signal, and
    the rest (the pass's own assembly of rows and measures), article by
    article in turn, so that all see the same machine."""
    clock = dict.fromkeys(("punkt", "text layer", "attribution", "loaded", "sources", "rest"), 0.0)
    timed = copy.copy(runner)  # the same extractors, their methods timed
    for name in ("attribution", "loaded", "sources"):
        setattr(timed, name, _Timed(getattr(runner, name), clock, name))
    splitter = _punkt()
    for i, text in enumerate(texts):
        started = _clock()
        list(splitter.span_tokenize(text))
        split = _clock()
        doc = framing.Document(text, i)
        doc.sentences, doc.paragraphs, doc.boilerplate, doc.word_split, doc.n_words  # computed once here
        ready = _clock()
        timed.run_document(doc)
        clock["punkt"] += split - started
        clock["text layer"] += ready - split
        clock["rest"] += _clock() - ready
    clock["rest"] -= clock["attribution"] + clock["loaded"] + clock["sources"]
    return {part: 1000 * seconds / len(texts) for part, seconds in clock.items()}


def run_cli(corpus_path, out, jobs):
    """Wall seconds and peak RSS (MB) of one ``framing spans`` run in a fresh process."""
    command = [sys.executable, "-c", MEASURE_CHILD, sys.executable, "-m", "framing.cli", "spans",
               str(corpus_path), "-o", str(out), "--jobs", str(jobs), "--quiet", "--batch-size", "1000"]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    return seconds, int(result.stdout.strip().splitlines()[-1]) / 1024


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--parallel-size", type=int, default=20000,
                        help="articles for the --jobs comparison (0: skip it)")
    parser.add_argument("--profile", type=int, metavar="N", help="profile the pass on N articles and stop")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="run the per-part breakdown R times, each from a new pass, and "
                             "print the median of each part")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)

    texts, label = base_texts()
    words = sum(framing.Document(t).n_words for t in texts) / len(texts)
    print(f"texts: {label}, {len(texts)} distinct articles, {words:.0f} words on average")
    if args.profile:
        profile = cProfile.Profile()
        sample = corpus_of(texts, args.profile)["text"].tolist()
        profile.runcall(pass_rate, sample, fresh_pass())
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
        return
    figures = {"texts": label, "distinct": len(texts), "mean_words": round(words), "sizes": {}}
    print(f"\n{'articles':>9} {'punkt/s':>9} {'pass/s':>9} {'pass time / punkt time':>24}")
    for n in args.sizes:
        sample = corpus_of(texts, n)["text"].tolist()
        punkt, full = rates(sample, fresh_pass())
        figures["sizes"][n] = {"punkt_per_s": round(punkt), "pass_per_s": round(full),
                               "ratio": round(punkt / full, 3)}
        print(f"{n:>9} {punkt:>9.0f} {full:>9.0f} {punkt / full:>24.2f}")
    sample = texts[:min(args.sizes)]
    runs = [breakdown(sample, fresh_pass()) for _ in range(max(1, args.repeat))]
    parts = {part: statistics.median(run[part] for run in runs) for part in runs[0]}
    punkt = parts.pop("punkt")
    figures["ms_per_article"] = {"punkt": round(punkt, 3), "pass": round(sum(parts.values()), 3),
                                 **{part: round(ms, 3) for part, ms in parts.items()}}
    runs_note = f", median of {len(runs)} runs" if len(runs) > 1 else ""
    print(f"\nms per article on {len(sample)} distinct articles{runs_note} (x Punkt):")
    for part, ms in figures["ms_per_article"].items():
        print(f"{part:>12} {ms:6.3f} {ms / punkt:6.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        n = args.parallel_size
        if n:
            path = tmp / f"corpus-{n}.parquet"
            corpus_of(texts, n).to_parquet(path, row_group_size=1000)
            one, _ = run_cli(path, tmp / "spans1.csv", 1)
            two, _ = run_cli(path, tmp / "spans2.csv", 2)
            same = (tmp / "spans1.csv").read_bytes() == (tmp / "spans2.csv").read_bytes()
            figures["parallel"] = {"articles": n, "jobs1_s": round(one, 1), "jobs2_s": round(two, 1),
                                   "speedup": round(one / two, 2), "identical_output": same}
            print(f"\nframing spans on {n} articles: --jobs 1 {one:.1f} s ({n / one:.0f}/s), "
                  f"--jobs 2 {two:.1f} s ({n / two:.0f}/s): speed-up {one / two:.2f}x, "
                  f"identical output: {same}")
        if not args.skip_memory:
            figures["memory_mb"] = {}
            print(f"\n{'articles':>9} {'peak RSS MB':>12} {'wall s':>8}")
            for n in args.sizes:
                path = tmp / f"corpus-{n}.parquet"
                if not path.exists():
                    corpus_of(texts, n).to_parquet(path, row_group_size=1000)
                seconds, mb = run_cli(path, tmp / "spans-mem.csv", 1)
                figures["memory_mb"][n] = round(mb)
                print(f"{n:>9} {mb:>12.0f} {seconds:>8.1f}")
                path.unlink()
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
