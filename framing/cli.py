"""The ``framing`` command line: the batch interface to the same pass the API runs.

Commands
--------
``framing spans CORPUS -o spans.csv``
    one row per span: ``doc_id, start, end, signal, label, text`` (+ extras),
    with ``text == document[start:end]``.
``framing articles CORPUS -o articles.csv``
    one row per article: its metadata and per-article measures.
``framing run CORPUS -o DIR``
    both tables, the load report and an HTML report in ``DIR``.
``framing fit-sources CODED.csv CORPUS -o model.csv``
    fit the source-type model on your own hand-coded sources (``doc_id,
    start, end, label`` with the codebook's labels), for ``--source-model``.

CORPUS is anything :func:`framing.load_corpus` accepts; the output format
follows the extension (``.csv``, ``.jsonl``, ``.parquet``). Records that
cannot be loaded are listed on stderr (and in ``load_report.csv`` by
``run``); ``--strict`` stops at the first one instead. ``--source-model
CSV`` types sources with your own refitted model weights
(``scripts/train_source_model.py``, :class:`~framing.signals.source_model.SourceTypeModel`),
``--source-model none`` by the codebook rules alone.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .corpus import CorpusError, LoadReport


def _common(parser):
    parser.add_argument("corpus", help="folder of .txt files, or a .csv/.tsv/.jsonl/.parquet file or glob")
    parser.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (-1: one per core)")
    parser.add_argument("--batch-size", type=int, default=1000, help="articles read and written at a time")
    parser.add_argument("--id-column", help="name of the id column when not detected")
    parser.add_argument("--text-column", help="name of the text column when not detected")
    parser.add_argument("--strict", action="store_true", help="stop at the first record that cannot be loaded")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    parser.add_argument("--train-loaded", metavar="DIR",
                        help="train the loaded-term detector on a PTC-format folder (articles/, labels/) "
                             "and use it instead of the default lexicon")
    parser.add_argument("--source-model", metavar="CSV",
                        help="source-type model weights to use instead of the packaged ones (a CSV "
                             "written by SourceTypeModel.to_csv, e.g. refitted on your own coding); "
                             "'none' types sources by the codebook rules alone")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    spans = sub.add_parser("spans", help="one row per span")
    _common(spans)
    spans.add_argument("-o", "--output", required=True, help="output file (.csv, .jsonl, .parquet)")
    spans.add_argument("--signals", help="comma-separated span signals to keep "
                                         "(default: all framing signals; add sentence,paragraph for the text layer)")
    articles = sub.add_parser("articles", help="one row per article with its measures")
    _common(articles)
    articles.add_argument("-o", "--output", required=True, help="output file (.csv, .jsonl, .parquet)")
    run = sub.add_parser("run", help="spans, articles, load report and HTML report in a folder")
    _common(run)
    run.add_argument("-o", "--output", required=True, help="output folder")
    fit = sub.add_parser("fit-sources", help="fit the source-type model on your own hand-coded sources")
    fit.add_argument("coded", help="CSV of hand-coded source mentions: doc_id,start,end,label "
                                   "(labels from validation/source_codebook.md)")
    fit.add_argument("corpus", help="the articles the offsets point into")
    fit.add_argument("-o", "--output", required=True, help="where to write the model weights (.csv)")
    fit.add_argument("--C", type=float, default=0.3, help="inverse regularisation strength (default 0.3)")
    fit.add_argument("--min-df", type=int, default=10,
                     help="keep features seen in at least this many coded mentions (default 10)")
    fit.add_argument("--quiet", "-q", action="store_true", help="no summary")
    return parser


def _fit_sources(args):
    """Fit and write a source-type model; return the summary line."""
    import pandas as pd

    from .corpus import load_corpus
    from .signals.attribution import attributions
    from .signals.source_model import SourceTypeModel, coded_features

    coded = pd.read_csv(args.coded, dtype={"doc_id": str}, comment="#")
    missing = {"doc_id", "start", "end", "label"} - set(coded.columns)
    if missing:
        raise ValueError(f"{args.coded}: no column {sorted(missing)} (need doc_id, start, end, label)")
    corpus = load_corpus(args.corpus)
    corpus = corpus[corpus["doc_id"].isin(set(coded["doc_id"]))]
    # the coded mentions are typed among the sources the extractor finds, as
    # they are when the model runs, so that pronouns find their antecedents
    found = attributions(corpus)
    sources = found.loc[found["source_start"] >= 0, ["doc_id", "source_start", "source_end"]].set_axis(
        ["doc_id", "start", "end"], axis=1)
    if coded["label"].nunique() < 2:
        raise ValueError(f"{args.coded}: a model needs coded mentions of at least two source types")
    rows = coded_features(corpus, coded, sources)
    model = SourceTypeModel(C=args.C, min_df=args.min_df)
    if not any(n >= args.min_df for n in _feature_counts(rows["features"])):
        raise ValueError(f"no feature occurs in {args.min_df} coded mentions: code more mentions "
                         "or lower --min-df")
    model.fit(list(rows["features"]), rows["label"])
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    model.to_csv(args.output, f"Source-type model fitted by `framing fit-sources` on {len(rows)} coded "
                              f"mentions of {args.coded}.\nC={args.C}, min_df={args.min_df}.")
    return (f"{len(rows)} coded mentions, {len(model.vocabulary_)} features x {len(model.classes_)} types; "
            f"wrote {args.output} (use it with --source-model {args.output})")


def _loaded_detector(folder, quiet):
    from .datasets import read_ptc
    from .signals.loaded_detector import LoadedTermDetector

    articles, gold = read_ptc(folder, techniques=["Loaded_Language"])
    if not quiet:
        print(f"training the loaded-term detector on {len(articles)} articles, "
              f"{len(gold)} spans from {folder}", file=sys.stderr)
    return LoadedTermDetector().fit(articles, gold)


def _source_typer(model):
    """The typer for ``--source-model`` (None: the default one)."""
    if model is None:
        return None
    from .signals.sources import SourceTyper

    return SourceTyper(model=None if model.lower() == "none" else Path(model))


def _feature_counts(rows):
    """How many of ``rows`` (feature dicts, one nested level) hold each feature."""
    counts = {}
    for row in rows:
        for key, value in row.items():
            for name in (value if isinstance(value, dict) else (key,)):
                counts[name] = counts.get(name, 0) + 1
    return counts.values()


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "fit-sources":
        try:
            summary = _fit_sources(args)
        except (CorpusError, FileNotFoundError, ValueError) as err:
            print(f"framing: error: {err}", file=sys.stderr)
            return 2
        if not args.quiet:
            print(summary, file=sys.stderr)
        return 0
    from . import pipeline

    options = {"id_column": args.id_column, "text_column": args.text_column, "strict": args.strict}
    progress = False if args.quiet else None
    started = time.perf_counter()
    report = LoadReport()
    try:
        loaded = _loaded_detector(args.train_loaded, args.quiet) if args.train_loaded else None
        common = {"n_jobs": args.jobs, "loaded": loaded, "batch_size": args.batch_size,
                  "progress": progress, "report": report, "source_typer": _source_typer(args.source_model),
                  **options}
        if args.command == "spans":
            signals = (tuple(s.strip() for s in args.signals.split(",")) if args.signals
                       else pipeline.DEFAULT_SIGNALS)
            pipeline.stream(args.corpus, spans_out=args.output, signals=signals, **common)
            written = [args.output]
        elif args.command == "articles":
            pipeline.stream(args.corpus, articles_out=args.output, **common)
            written = [args.output]
        else:
            from .report import write_run

            written = write_run(args.corpus, Path(args.output), **common)
    except (CorpusError, FileNotFoundError, ValueError) as err:
        print(f"framing: error: {err}", file=sys.stderr)
        return 2
    for problem in report.problems:
        print(f"framing: not loaded: {problem['source']} {problem['location']}: {problem['reason']}",
              file=sys.stderr)
    if not args.quiet:
        seconds = time.perf_counter() - started
        print(f"{report.n_loaded} of {report.n_records} articles analysed in {seconds:.1f} s "
              f"({report.n_rejected} not loaded); wrote:", file=sys.stderr)
        for path in written:
            print(f"  {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
