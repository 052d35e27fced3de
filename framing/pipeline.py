"""One pass over a corpus computes every signal: streaming, parallel, Dask.

A :class:`SignalPass` compiles every lexicon once per process; for each
article it builds one :class:`framing.text.Document` (sentences, tokens and
boilerplate computed once) and hands it to each signal in turn, so the
whole pass costs one sentence split plus the lexical matching. The API
functions (:func:`analyse`, :func:`article_table`), the streaming writer
(:func:`stream`), the CLI and the notebooks all call it, so they give the
same spans.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from multiprocessing import get_context
from pathlib import Path

import pandas as pd

from .corpus import LoadReport, as_corpus, iter_corpus
from .signals.attribution import AttributionExtractor
from .signals.loaded import LoadedTermMatcher
from .signals.sources import SourceReliance
from .spans import CSV_QUOTING, SPAN_COLUMNS, make_spans
from .text import Document

#: Span signals written by ``framing spans`` unless asked otherwise. Sentence
#: and paragraph spans exist too (``signals=ALL_SIGNALS``) but are not framing
#: signals and would dwarf the rest.
DEFAULT_SIGNALS = ("boilerplate", "source", "cue", "content", "loaded", "wire", "media_ref")
ALL_SIGNALS = ("sentence", "paragraph", *DEFAULT_SIGNALS)
TEXT_SIGNALS = frozenset({"sentence", "paragraph", "boilerplate"})
#: The signal-specific span columns, fixed so that every batch, file and
#: Dask partition has the same schema (empty where a column does not apply).
SPAN_EXTRA = ("attribution_id", "term", "ref_kind", "credit_position", "agency_kind")


class SignalPass:
    """Every signal over one article at a time, lexicons compiled once.

    Parameters
    ----------
    signals : iterable of str
        Span signals to keep in the output (see :data:`ALL_SIGNALS`).
    loaded : object, optional
        Anything with ``.spans(doc)`` returning loaded-term span rows, e.g. a
        fitted :class:`framing.signals.loaded.LoadedTermDetector`; the default
        lexicon matcher otherwise.
    source_typer : SourceTyper, optional
        Types the sources instead of the default (the codebook rules with
        the packaged model): ``SourceTyper(model=None)`` for the rules
        alone, ``SourceTyper(model="mine.csv")`` for a model refitted on
        your own coding.

    Examples
    --------
    >>> rows, measures = SignalPass().run("d1", "Kim said the talks went well.")
    >>> sorted({r["signal"] for r in rows})
    ['content', 'cue', 'source']
    """

    def __init__(self, signals: Iterable[str] = DEFAULT_SIGNALS, loaded=None, source_typer=None):
        self.signals = frozenset(signals)
        unknown = self.signals - set(ALL_SIGNALS)
        if unknown:
            raise ValueError(f"unknown signals {sorted(unknown)}; choose from {ALL_SIGNALS}")
        self.attribution = AttributionExtractor()
        self.loaded = loaded if loaded is not None else LoadedTermMatcher()
        self.sources = SourceReliance(typer=source_typer)

    def run(self, doc_id, text: str):
        """Span rows (with ``doc_id``) and the article measures of one article."""
        return self.run_document(Document(text, doc_id))

    def run_document(self, doc: Document):
        """:meth:`run` for an article already made a :class:`~framing.text.Document`."""
        # Loaded terms first, while the word split they share with the word
        # count is fresh in the processor's cache (measurably faster).
        loaded_rows = self.loaded.spans(doc)
        attributions = self.attribution.extract(doc)
        source_rows = self.sources.spans(doc, attributions)  # also types each attribution's source
        rows = self.sources.label_sources(self.attribution.spans(doc, attributions), attributions)
        signals, doc_id = self.signals, doc.doc_id
        text_rows = doc.spans(signals & TEXT_SIGNALS) if signals & TEXT_SIGNALS else []
        # Copies: a signal may hand back rows it keeps.
        kept = [{"doc_id": doc_id, **row} for part in (text_rows, rows, loaded_rows, source_rows)
                for row in part if row["signal"] in signals]
        measures = {
            "n_words": doc.n_words,
            "n_sentences": len(doc.sentences),
            "n_paragraphs": len(doc.paragraphs),
            "n_boilerplate": len(doc.boilerplate),
            **self.attribution.measures(doc, attributions),
            **self.loaded.measures(doc, loaded_rows),
            **self.sources.measures(doc, attributions, source_rows),
        }
        return kept, measures


_WORKER_PASS = None


def _init_worker(signals, loaded, source_typer):
    global _WORKER_PASS
    _WORKER_PASS = SignalPass(signals, loaded, source_typer)


def _run_batch(records):
    return [_WORKER_PASS.run(doc_id, text) for doc_id, text in records]


def _slices(corpus: pd.DataFrame, size: int):
    return (corpus.iloc[i:i + size] for i in range(0, len(corpus), size))


def _chunks(corpus: pd.DataFrame, size: int):
    ids, texts = corpus["doc_id"].tolist(), corpus["text"].tolist()
    for i in range(0, len(ids), size):
        yield list(zip(ids[i:i + size], texts[i:i + size]))


def _results(batches: Iterator[pd.DataFrame], signals, loaded, n_jobs, progress, total=None,
             source_typer=None):
    """Yield (batch, [(rows, measures), ...]) in input order."""
    if n_jobs in (-1, 0, None):
        n_jobs = os.cpu_count() or 1
    bar = _progress(progress, total)
    try:
        if n_jobs == 1:
            runner = SignalPass(signals, loaded, source_typer)
            for batch in batches:
                results = [runner.run(d, t) for d, t in zip(batch["doc_id"], batch["text"])]
                bar.update(len(batch))
                yield batch, results
            return
        ctx = get_context("fork" if sys.platform.startswith("linux") else "spawn")
        with ctx.Pool(n_jobs, initializer=_init_worker, initargs=(tuple(signals), loaded, source_typer)) as pool:
            for batch in batches:
                # Small chunks keep both workers busy; imap keeps input order.
                chunk = max(1, min(64, len(batch) // (4 * n_jobs) or 1))
                results = []
                for part in pool.imap(_run_batch, _chunks(batch, chunk)):
                    results.extend(part)
                    bar.update(len(part))
                yield batch, results
    finally:
        bar.close()


class _NoBar:
    def update(self, n):
        pass

    def close(self):
        pass


def _progress(progress, total):
    if progress is False or (progress is None and not sys.stderr.isatty()):
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", desc="framing", smoothing=0.1)


def _span_frame(results) -> pd.DataFrame:
    rows = [row for spans, _ in results for row in spans]
    frame = make_spans(rows, extra=SPAN_EXTRA)
    unexpected = [c for c in frame.columns if c not in SPAN_COLUMNS and c not in SPAN_EXTRA]
    if unexpected:  # a signal grew a column: add it to SPAN_EXTRA rather than lose it
        raise RuntimeError(f"span columns {unexpected} are not in pipeline.SPAN_EXTRA")
    return tidy_spans(frame)


def tidy_spans(frame: pd.DataFrame) -> pd.DataFrame:
    """Give signal-specific columns one representation whatever the batch:
    ``attribution_id`` as nullable integers, other text columns with ``""``
    where they do not apply, so a table written and read back is unchanged."""
    frame["attribution_id"] = pd.to_numeric(frame["attribution_id"].replace("", None),
                                            errors="coerce").astype("Int64")
    for column in frame.columns[len(SPAN_COLUMNS):]:
        if column != "attribution_id" and not pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = frame[column].fillna("").astype(str)
    return frame


def _article_frame(results, batch) -> pd.DataFrame:
    measures = pd.DataFrame([m for _, m in results], index=batch.index)
    return pd.concat([batch.drop(columns=["text"]), measures], axis=1)


def analyse(corpus, signals: Iterable[str] = DEFAULT_SIGNALS, n_jobs: int = 1, loaded=None,
            batch_size: int = 2000, progress=None, source_typer=None) -> pd.DataFrame:
    """Every signal's spans over a corpus, in one pass per article.

    Parameters
    ----------
    corpus : DataFrame, str, list of str or path
        Anything :func:`framing.as_corpus` accepts.
    signals : iterable of str
        Span signals to keep (see :data:`ALL_SIGNALS`).
    n_jobs : int
        Worker processes (``-1``: one per core). Output is identical to
        ``n_jobs=1``, row for row.
    loaded : object, optional
        A fitted loaded-term detector to use instead of the default lexicon.
    source_typer : SourceTyper, optional
        Types the sources instead of the default (see :class:`SignalPass`).
    batch_size : int
        Articles handed to the workers at a time.
    progress : bool, optional
        Show a tqdm bar; by default only when stderr is a terminal.

    Returns
    -------
    DataFrame
        The span table: ``doc_id, start, end, signal, label, text,
        attribution_id`` and signal-specific columns, ordered by article
        (corpus order) then by signal.

    Examples
    --------
    >>> spans = analyse("Kim stressed that ties were strong.")
    >>> spans.loc[spans.signal == "cue", ["text", "label"]].values.tolist()
    [['stressed', 'assertive']]
    """
    corpus = as_corpus(corpus)
    batches = _slices(corpus, batch_size)
    frames = [_span_frame(results) for _, results in
              _results(batches, signals, loaded, n_jobs, progress, len(corpus), source_typer)]
    return _concat(frames, _span_frame([]))


def article_table(corpus, n_jobs: int = 1, loaded=None, batch_size: int = 2000,
                  progress=None, source_typer=None) -> pd.DataFrame:
    """One row per article: its metadata and every per-article measure.

    Measures: ``n_words, n_sentences, n_paragraphs, n_boilerplate`` and those
    of each signal (attribution counts and verb-class mix, loaded-term
    density per 1,000 words by category, wire agency and source reliance).
    Parameters as for :func:`analyse`.

    Examples
    --------
    >>> table = article_table(["Kim said it went well.", "The sun rose over the hills."])
    >>> table["n_attributions"].tolist()
    [1, 0]
    """
    corpus = as_corpus(corpus)
    batches = _slices(corpus, batch_size)
    frames = [_article_frame(results, batch) for batch, results in
              _results(batches, DEFAULT_SIGNALS, loaded, n_jobs, progress, len(corpus), source_typer)]
    return _concat(frames, corpus.drop(columns=["text"]).iloc[:0])


def _concat(frames, empty):
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty


class _Writer:
    """Append DataFrames to a CSV, JSONL or Parquet file, batch by batch."""

    def __init__(self, path):
        self.path = Path(path)
        self.kind = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl",
                     ".parquet": "parquet", ".pq": "parquet"}.get(self.path.suffix.lower())
        if self.kind is None:
            raise ValueError(f"{path}: output format follows the extension: .csv, .jsonl or .parquet")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._parquet = None
        self._columns = None
        self._started = False

    def write(self, frame: pd.DataFrame):
        if self._columns is None:
            self._columns = list(frame.columns)
        else:
            frame = frame.reindex(columns=self._columns)
        if self.kind == "csv":
            frame.to_csv(self.path, mode="a" if self._started else "w", header=not self._started,
                         index=False, quoting=CSV_QUOTING)
        elif self.kind == "jsonl":
            with open(self.path, "a" if self._started else "w", encoding="utf-8") as f:
                frame.to_json(f, orient="records", lines=True, force_ascii=False)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(frame, preserve_index=False)
            if self._parquet is None:
                self._schema = table.schema
                self._parquet = pq.ParquetWriter(self.path, self._schema)
            self._parquet.write_table(table.cast(self._schema))
        self._started = True

    def close(self, empty: pd.DataFrame):
        if not self._started:
            self.write(empty)
        if self._parquet is not None:
            self._parquet.close()


def stream(source, spans_out=None, articles_out=None, signals: Iterable[str] = DEFAULT_SIGNALS,
           n_jobs: int = 1, loaded=None, batch_size: int = 1000, progress=None,
           report: LoadReport | None = None, source_typer=None, **load_options) -> LoadReport:
    """Read a corpus in batches and append each batch's results to files.

    Memory stays flat however large the corpus; the files hold exactly what
    :func:`analyse` and :func:`article_table` return for the whole corpus.

    Parameters
    ----------
    source : path, glob or list of paths
        Anything :func:`framing.load_corpus` accepts.
    spans_out, articles_out : path, optional
        Where to write the span table and the article table (``.csv``,
        ``.jsonl`` or ``.parquet``); at least one.
    signals, n_jobs, loaded, batch_size, progress, source_typer
        As for :func:`analyse`.
    load_options
        Passed to :func:`framing.iter_corpus` (``id_column``, ``text_column``,
        ``strict``...).

    Returns
    -------
    LoadReport
        What was read, and every record not loaded with its reason.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Kim said it went well.")
    >>> print(stream(folder, spans_out=folder / "spans.csv", progress=False))
    1 of 1 records loaded, 0 not loaded
    """
    if spans_out is None and articles_out is None:
        raise ValueError("give spans_out, articles_out or both")
    report = LoadReport() if report is None else report
    span_writer = _Writer(spans_out) if spans_out is not None else None
    article_writer = _Writer(articles_out) if articles_out is not None else None
    batches = iter_corpus(source, batch_size=batch_size, report=report, **load_options)
    columns = ["doc_id"]
    try:
        for batch, results in _results(batches, signals, loaded, n_jobs, progress,
                                       source_typer=source_typer):
            if span_writer is not None:
                frame = _span_frame(results)
                if len(frame):
                    span_writer.write(frame)
            if article_writer is not None:
                article_writer.write(_article_frame(results, batch))
    finally:
        if span_writer is not None:
            span_writer.close(_span_frame([]))
        if article_writer is not None:
            article_writer.close(pd.DataFrame(columns=columns))
    return report


def dask_spans(corpus, signals: Iterable[str] = DEFAULT_SIGNALS, loaded=None, source_typer=None):
    """The same pass on a Dask cluster: a lazy Dask DataFrame of spans.

    Parameters
    ----------
    corpus : dask.dataframe.DataFrame or str
        A partitioned corpus with ``doc_id`` and ``text`` columns, or a path
        or glob of Parquet files read with ``dask.dataframe.read_parquet``.
    signals, loaded, source_typer
        As for :func:`analyse`.

    Returns
    -------
    dask.dataframe.DataFrame
        Spans, partition by partition; ``.compute()`` gives the same rows as
        :func:`analyse` on the whole corpus (reset the index to compare).
        Runs on whatever scheduler is active: create a
        ``dask.distributed.Client("tcp://scheduler:8786")`` first to use a
        cluster.
    """
    import dask.dataframe as dd

    if isinstance(corpus, (str, Path)):
        corpus = dd.read_parquet(str(corpus), columns=["doc_id", "text"])
    meta = _span_frame([])
    signals = tuple(signals)
    if source_typer is not None:
        from dask import delayed

        # one copy of the typer (its lexicons and model weights) in the graph,
        # not hashed and embedded task by task
        source_typer = delayed(source_typer)
    return corpus[["doc_id", "text"]].map_partitions(_partition_spans, signals, loaded, source_typer,
                                                     meta=meta)


def _partition_spans(partition: pd.DataFrame, signals, loaded, source_typer=None) -> pd.DataFrame:
    global _WORKER_PASS
    if _WORKER_PASS is None or _WORKER_PASS.signals != frozenset(signals) or loaded is not None \
            or source_typer is not None:
        _WORKER_PASS = SignalPass(signals, loaded, source_typer)
    results = [_WORKER_PASS.run(d, t) for d, t in zip(partition["doc_id"], partition["text"])]
    return _span_frame(results)


__all__ = ["ALL_SIGNALS", "DEFAULT_SIGNALS", "SPAN_COLUMNS", "SignalPass", "analyse",
           "article_table", "dask_spans", "stream"]
