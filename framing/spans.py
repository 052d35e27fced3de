"""The span table: one schema for every signal.

A span is a row ``doc_id, start, end, signal, label, text`` (plus any
signal-specific columns) where ``text == document[start:end]`` in the
document exactly as loaded. Sentences, reporting verbs, loaded terms, wire
credits and gold annotations all share it, so one scorer, highlighter and
writer serves them all.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

SPAN_COLUMNS = ("doc_id", "start", "end", "signal", "label", "text")
#: Quote every string in CSV output: pandas leaves a lone carriage return
#: unquoted, which would split a span's text across records.
CSV_QUOTING = csv.QUOTE_NONNUMERIC


def make_spans(rows: Iterable[Mapping], extra: Iterable[str] = ()) -> pd.DataFrame:
    """Build a span table from dict rows.

    Parameters
    ----------
    rows : iterable of mappings
        Each has at least the keys of :data:`SPAN_COLUMNS`; ``label`` may be
        missing (empty string).
    extra : iterable of str
        Signal-specific columns to keep after the standard ones, in order.
        Columns present in the rows but not named here are kept too, after them.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, start, end, signal, label, text`` then the extras;
        ``start``/``end`` are int64, rows in input order.

    Examples
    --------
    >>> make_spans([{"doc_id": "a", "start": 0, "end": 5, "signal": "cue",
    ...              "label": "neutral", "text": "said."}]).columns.tolist()
    ['doc_id', 'start', 'end', 'signal', 'label', 'text']
    """
    frame = pd.DataFrame(list(rows))
    extra = [c for c in extra if c not in SPAN_COLUMNS]
    for column in (*SPAN_COLUMNS, *extra):
        if column not in frame.columns:
            frame[column] = "" if column not in ("start", "end") else 0
    rest = [c for c in frame.columns if c not in SPAN_COLUMNS and c not in extra]
    frame = frame[[*SPAN_COLUMNS, *extra, *rest]]
    frame["label"] = frame["label"].fillna("").astype(str)
    return frame.astype({"start": "int64", "end": "int64"})


def check_spans(spans: pd.DataFrame, corpus) -> None:
    """Raise ``ValueError`` unless every span's text is its document slice.

    Parameters
    ----------
    spans : DataFrame
        A span table.
    corpus : DataFrame or mapping
        Corpus with ``doc_id`` and ``text`` columns, or ``{doc_id: text}``.

    Examples
    --------
    >>> check_spans(make_spans([{"doc_id": "a", "start": 0, "end": 2,
    ...     "signal": "x", "text": "Hi"}]), {"a": "Hi there"})
    """
    texts = corpus if isinstance(corpus, Mapping) else dict(zip(corpus["doc_id"], corpus["text"]))
    for row in spans[["doc_id", "start", "end", "text"]].itertuples(index=False):
        document = texts.get(row.doc_id)
        if document is None:
            raise ValueError(f"span refers to unknown document {row.doc_id!r}")
        if not 0 <= row.start <= row.end <= len(document) or document[row.start:row.end] != row.text:
            raise ValueError(
                f"span {row.doc_id!r} [{row.start}:{row.end}] text {row.text!r} does not match "
                f"the document slice {document[row.start:row.end]!r}"
            )


def read_spans(path) -> pd.DataFrame:
    """Read a span table written by ``framing spans`` (CSV, JSONL or Parquet).

    Text columns come back as strings exactly as written (empty stays ``""``),
    so ``text == document[start:end]`` still holds.

    Examples
    --------
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "s.csv")
    >>> make_spans([{"doc_id": "007", "start": 0, "end": 2, "signal": "x", "text": "a\\r"}]
    ...            ).to_csv(path, index=False, quoting=CSV_QUOTING)
    >>> read_spans(path)["doc_id"].tolist()
    ['007']
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    elif suffix in (".jsonl", ".ndjson"):
        frame = pd.read_json(path, lines=True, dtype=False)
    elif suffix in (".parquet", ".pq"):
        return pd.read_parquet(path)
    else:
        raise ValueError(f"{path}: span tables are .csv, .jsonl or .parquet")
    for column in frame.columns:
        if column in ("start", "end"):
            frame[column] = frame[column].astype("int64")
        elif column == "attribution_id":
            frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce").astype("Int64")
        elif column in ("doc_id", "signal", "label", "text") or frame[column].dtype == object:
            frame[column] = frame[column].fillna("").astype(str)
    return frame
