"""Load a corpus of articles into a DataFrame, losing nothing silently.

``load_corpus`` accepts a folder of ``.txt`` files (with an optional
``metadata.csv``/``metadata.tsv`` sidecar), a CSV, TSV, JSONL or Parquet file,
a glob pattern or a list of such paths. It returns one row per article:

``doc_id``
    file stem for ``.txt`` files, otherwise the id column (``doc_id``, ``id``,
    ``ID``, ``article_id``, ... or ``id_column=``); always a string.
``text``
    the article exactly as stored: read as UTF-8 with ``newline=""`` so line
    endings are untouched, and a leading byte-order mark kept as a character
    (the PTC's offsets count it), so that every span offset indexes ``text``.
``headline, outlet, date, byline, url``
    when the input has them (common synonyms such as ``title``, ``publisher``,
    ``source``, ``author`` and ``publication_date`` are renamed to these), as
    strings; every other column is kept as it is.

Every input record is either loaded or reported with its location and reason
(unreadable encoding, empty text, duplicate id, malformed row, missing
column) in a :class:`LoadReport`: loaded + reported == records in the input.
``strict=True`` raises :class:`CorpusError` at the first problem instead.
"""
from __future__ import annotations

import csv
import glob
import json
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ID_NAMES = ("doc_id", "id", "ID", "Id", "article_id", "articleID", "uid")
TEXT_NAMES = ("text", "content", "body", "article", "full_text", "article_text", "TEXT")
METADATA_SYNONYMS = {
    "headline": ("headline", "title", "Title", "heading"),
    "outlet": ("outlet", "publisher", "source", "media", "site", "newspaper", "publication"),
    "date": ("date", "publication_date", "published", "pub_date", "publish_date", "datetime"),
    "byline": ("byline", "author", "authors", "by"),
    "url": ("url", "link", "URL"),
}
TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t", ".tab": "\t"}
csv.field_size_limit(sys.maxsize)


class CorpusError(ValueError):
    """A corpus input that cannot be loaded as asked (raised with ``strict=True``
    for the first bad record, and always for whole-file problems)."""


@dataclass
class LoadReport:
    """What a load did: how many records it read and why any were not loaded.

    Attributes
    ----------
    n_records : int
        Records found in the input (files, rows, lines).
    n_loaded : int
        Records loaded as articles.
    problems : list of dict
        One per record not loaded (and per metadata row left unused):
        ``source`` (file), ``location`` (line/row/file), ``doc_id``, ``reason``.
    """

    n_records: int = 0
    n_loaded: int = 0
    problems: list = field(default_factory=list)

    @property
    def n_rejected(self) -> int:
        return sum(1 for p in self.problems if p.get("counted", True))

    def to_frame(self) -> pd.DataFrame:
        """The problems as a DataFrame (``source, location, doc_id, reason``)."""
        columns = ["source", "location", "doc_id", "reason"]
        return pd.DataFrame([{c: p.get(c, "") for c in columns} for p in self.problems],
                            columns=columns)

    def __str__(self) -> str:
        lines = [f"{self.n_loaded} of {self.n_records} records loaded, {self.n_rejected} not loaded"]
        lines += [f"  {p['source']} {p['location']}: {p['reason']}" for p in self.problems]
        return "\n".join(lines)


def _problem(report, strict, source, location, doc_id, reason, counted=True):
    entry = {"source": str(source), "location": location, "doc_id": doc_id, "reason": reason,
             "counted": counted}
    if strict:
        raise CorpusError(f"{source} {location}: {reason}")
    report.problems.append(entry)


def _pick(columns, explicit, names, what, source):
    if explicit is not None:
        if explicit not in columns:
            raise CorpusError(f"{source}: no {what} column {explicit!r}; columns are {list(columns)}")
        return explicit
    for name in names:
        if name in columns:
            return name
    return None


def _normalise_metadata(record: dict) -> dict:
    out = dict(record)
    for canonical, synonyms in METADATA_SYNONYMS.items():
        if canonical in out:
            continue
        for name in synonyms:
            if name in out:
                out[canonical] = out.pop(name)
                break
    return out


def _table_rows(path, sep):
    """Yield (location, header, row) from a delimited file; quoted fields may span lines."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter=sep)
        try:
            header = next(reader)
        except StopIteration:
            return
        last_line = reader.line_num
        for row in reader:
            location = f"line {last_line + 1}"
            last_line = reader.line_num
            if not row:
                continue
            yield location, header, row


def _records_from_table(path, sep, id_column, text_column, report, strict):
    try:
        rows = _table_rows(path, sep)
        first = next(rows, None)
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: unreadable encoding, not UTF-8 ({err.reason} at byte {err.start})") from err
    if first is None:
        return
    header = first[1]
    id_col = _pick(header, id_column, ID_NAMES, "id", path)
    text_col = _pick(header, text_column, TEXT_NAMES, "text", path)
    if text_col is None:
        raise CorpusError(f"{path}: missing column: no text column among {list(header)}; "
                          f"pass text_column=")
    id_index = header.index(id_col) if id_col else None

    def generate():
        yield first
        yield from rows

    try:
        for number, (location, _, row) in enumerate(generate(), start=1):
            report.n_records += 1
            if len(row) != len(header):
                doc_id = row[id_index] if id_index is not None and id_index < len(row) else ""
                _problem(report, strict, path, location, doc_id,
                         f"malformed row: expected {len(header)} fields, found {len(row)}")
                continue
            record = dict(zip(header, row))
            doc_id = record.pop(id_col) if id_col else f"{Path(path).stem}-{number}"
            text = record.pop(text_col)
            yield location, doc_id, text, record
    except UnicodeDecodeError as err:
        _problem(report, strict, path, "after the last good row",
                 "", f"unreadable encoding, not UTF-8 ({err.reason} at byte {err.start}); rest of file not read")


def _records_from_jsonl(path, id_column, text_column, report, strict):
    with open(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            location = f"line {number}"
            if not raw.strip():
                continue
            report.n_records += 1
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as err:
                _problem(report, strict, path, location, "", f"unreadable encoding, not UTF-8 ({err.reason})")
                continue
            except json.JSONDecodeError as err:
                _problem(report, strict, path, location, "", f"malformed row: invalid JSON ({err.msg})")
                continue
            if not isinstance(record, dict):
                _problem(report, strict, path, location, "", "malformed row: not a JSON object")
                continue
            id_col = _pick(record, id_column, ID_NAMES, "id", path) if id_column is None else id_column
            text_col = _pick(record, text_column, TEXT_NAMES, "text", path) if text_column is None else text_column
            doc_id = record.pop(id_col, None) if id_col else f"{Path(path).stem}-{number}"
            if doc_id is None:
                _problem(report, strict, path, location, "", f"missing column: no id field {id_col!r}")
                continue
            if text_col is None or text_col not in record:
                _problem(report, strict, path, location, str(doc_id),
                         f"missing column: no text field among {sorted(record)}")
                continue
            text = record.pop(text_col)
            if not isinstance(text, str):
                _problem(report, strict, path, location, str(doc_id),
                         f"malformed row: text is {type(text).__name__}, not a string")
                continue
            yield location, doc_id, text, record


def _records_from_parquet(path, id_column, text_column, report, strict, batch_size=1000):
    """Parquet is read batch by batch, but Arrow decodes a whole row group at a
    time: memory grows with the file's row-group size, so write large corpora
    with e.g. ``to_parquet(..., row_group_size=10_000)``."""
    import pyarrow.parquet as pq

    # Without pre-buffering Arrow reads what each batch needs and no more:
    # pre-buffered reads keep growing the process over a large file.
    parquet = pq.ParquetFile(path, pre_buffer=False)
    names = parquet.schema_arrow.names
    id_col = _pick(names, id_column, ID_NAMES, "id", path)
    text_col = _pick(names, text_column, TEXT_NAMES, "text", path)
    if text_col is None:
        raise CorpusError(f"{path}: missing column: no text column among {names}; pass text_column=")
    number = 0
    for batch in parquet.iter_batches(batch_size=batch_size, use_threads=False):
        for record in batch.to_pylist():
            number += 1
            report.n_records += 1
            doc_id = record.pop(id_col) if id_col else f"{Path(path).stem}-{number}"
            text = record.pop(text_col)
            if text is not None and not isinstance(text, str):
                _problem(report, strict, path, f"row {number}", str(doc_id),
                         f"malformed row: text is {type(text).__name__}, not a string")
                continue
            yield f"row {number}", doc_id, text or "", record


def _records_from_folder(folder, pattern, metadata, id_column, report, strict):
    files = sorted(p for p in Path(folder).glob(pattern) if p.is_file())
    sidecar = metadata
    if sidecar is None:
        for name in ("metadata.csv", "metadata.tsv"):
            if (Path(folder) / name).exists():
                sidecar = Path(folder) / name
                break
    meta = {}
    if sidecar is not None:
        meta = _read_sidecar(Path(sidecar), id_column, report, strict)
    for path in files:
        report.n_records += 1
        try:
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read()
        except UnicodeDecodeError as err:
            _problem(report, strict, path, "file", path.stem,
                     f"unreadable encoding, not UTF-8 ({err.reason} at byte {err.start})")
            meta.pop(path.stem, None)
            continue
        yield "file", path.stem, text, meta.pop(path.stem, {}), path
    for doc_id, (location, _) in sorted(((k, v.get("__location__", ("", None))) for k, v in meta.items())):
        _problem(report, False, sidecar, location, doc_id,
                 "metadata row has no text file (not an article; not counted as a record)", counted=False)


def _read_sidecar(path, id_column, report, strict):
    sep = TABLE_SUFFIXES.get(path.suffix.lower(), ",")
    meta = {}
    rows = _table_rows(path, sep)
    first = next(rows, None)
    if first is None:
        return meta
    header = first[1]
    id_col = _pick(header, id_column, ID_NAMES, "id", path)
    if id_col is None:
        raise CorpusError(f"{path}: metadata has no id column among {header}; pass id_column=")
    for location, _, row in [first, *rows]:
        if len(row) != len(header):
            _problem(report, strict, path, location, row[0] if row else "",
                     f"malformed metadata row: expected {len(header)} fields, found {len(row)}",
                     counted=False)
            continue
        record = dict(zip(header, row))
        doc_id = record.pop(id_col)
        record["__location__"] = (location, None)
        meta[doc_id] = record
    return meta


def _expand(path):
    if isinstance(path, (list, tuple)):
        for p in path:
            yield from _expand(p)
        return
    text = str(path)
    if any(ch in text for ch in "*?[") and not Path(text).exists():
        matches = sorted(glob.glob(text))
        if not matches:
            raise CorpusError(f"no files match {text!r}")
        yield from (Path(m) for m in matches)
        return
    p = Path(text)
    if not p.exists():
        raise CorpusError(f"no such file or folder: {text}")
    yield p


def _raw_records(path, id_column, text_column, metadata, pattern, report, strict):
    for p in _expand(path):
        if p.is_dir():
            for location, doc_id, text, record, file in _records_from_folder(
                    p, pattern, metadata, id_column, report, strict):
                yield file, location, doc_id, text, record
            continue
        suffix = p.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            records = _records_from_table(p, TABLE_SUFFIXES[suffix], id_column, text_column, report, strict)
        elif suffix in (".jsonl", ".ndjson"):
            records = _records_from_jsonl(p, id_column, text_column, report, strict)
        elif suffix in (".parquet", ".pq"):
            records = _records_from_parquet(p, id_column, text_column, report, strict)
        elif suffix == ".txt":
            records = _records_from_folder(p.parent, p.name, metadata, id_column, report, strict)
            records = ((loc, d, t, r) for loc, d, t, r, _ in records)
        else:
            raise CorpusError(f"{p}: unsupported corpus format {suffix!r}; use a folder of .txt "
                              f"files, .csv, .tsv, .jsonl or .parquet")
        for location, doc_id, text, record in records:
            yield p, location, doc_id, text, record


def iter_corpus(path, batch_size: int = 1000, *, id_column=None, text_column=None,
                metadata=None, pattern="*.txt", strict=False, report: LoadReport | None = None):
    """Read a corpus in batches of at most ``batch_size`` articles.

    Memory stays flat however large the corpus: records are read lazily and
    only the ids seen so far are kept (to report duplicates).

    Parameters
    ----------
    path : str, Path, glob pattern or list of them
    batch_size : int
    id_column, text_column : str, optional
        Column (field) names when they are not among the common names.
    metadata : path, optional
        Sidecar metadata table for a folder of ``.txt`` files; by default
        ``metadata.csv`` or ``metadata.tsv`` inside the folder.
    pattern : str
        Glob of text files inside a folder.
    strict : bool
        Raise :class:`CorpusError` at the first record that cannot be loaded.
    report : LoadReport, optional
        Filled in as the batches are read (pass one to inspect it afterwards).

    Yields
    ------
    DataFrame
        Corpus batches with the columns described in the module docstring.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("One article.")
    >>> [len(batch) for batch in iter_corpus(folder)]
    [1]
    """
    report = LoadReport() if report is None else report
    seen = {}
    batch = []
    for source, location, doc_id, text, record in _raw_records(
            path, id_column, text_column, metadata, pattern, report, strict):
        doc_id = "" if doc_id is None else str(doc_id)
        record.pop("__location__", None)
        if not doc_id.strip():
            _problem(report, strict, source, location, doc_id, "empty id")
            continue
        if doc_id in seen:
            _problem(report, strict, source, location, doc_id,
                     f"duplicate id (first loaded from {seen[doc_id]})")
            continue
        if not text.strip():
            _problem(report, strict, source, location, doc_id, "empty text")
            continue
        seen[doc_id] = f"{Path(source).name} {location}"
        report.n_loaded += 1
        batch.append({"doc_id": doc_id, "text": text, **_normalise_metadata(record)})
        if len(batch) >= batch_size:
            yield _frame(batch)
            batch = []
    if batch:
        yield _frame(batch)


def _frame(records) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records)
    front = ["doc_id", "text", *[c for c in METADATA_SYNONYMS if c in frame.columns]]
    return frame[front + [c for c in frame.columns if c not in front]]


def load_corpus(path, *, id_column=None, text_column=None, metadata=None, pattern="*.txt",
                strict=False, return_report=False):
    """Load a corpus into a DataFrame, one row per article.

    Parameters
    ----------
    path : str, Path, glob pattern or list of them
        A folder of ``.txt`` files (doc_id = file stem; optional
        ``metadata.csv``/``.tsv`` sidecar joined on ``doc_id``), or CSV / TSV /
        JSONL / Parquet files.
    id_column, text_column : str, optional
        Names of the id and text columns when not detected.
    metadata : path, optional
        Sidecar metadata for a folder of text files.
    pattern : str
        Glob of text files inside a folder.
    strict : bool
        Raise :class:`CorpusError` naming the first record that cannot be loaded.
    return_report : bool
        Also return the :class:`LoadReport`. Without it, a warning says how
        many records were not loaded, if any.

    Returns
    -------
    DataFrame or (DataFrame, LoadReport)

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "c.csv"
    >>> _ = f.write_text('id,title,text\\n1,Hi,"Line one.\\nLine two."\\n2,Empty,\\n')
    >>> corpus, report = load_corpus(f, return_report=True)
    >>> corpus[["doc_id", "headline"]].values.tolist(), report.problems[0]["reason"]
    ([['1', 'Hi']], 'empty text')
    """
    report = LoadReport()
    batches = list(iter_corpus(path, batch_size=10_000, id_column=id_column,
                               text_column=text_column, metadata=metadata, pattern=pattern,
                               strict=strict, report=report))
    corpus = pd.concat(batches, ignore_index=True) if batches else pd.DataFrame(
        {"doc_id": pd.Series(dtype=str), "text": pd.Series(dtype=str)})
    if len(batches) > 1:
        corpus = corpus[_frame([{c: None for c in corpus.columns}]).columns]
    if return_report:
        return corpus, report
    if report.n_rejected:
        warnings.warn(f"{report.n_rejected} of {report.n_records} records were not loaded; "
                      f"call load_corpus(..., return_report=True) to see why", stacklevel=2)
    return corpus


def as_corpus(obj, **kwargs) -> pd.DataFrame:
    """Turn what a user has into a corpus DataFrame.

    Parameters
    ----------
    obj : str, list of str, DataFrame or path
        A string that names an existing file, folder or glob is loaded with
        :func:`load_corpus`; any other string is one article (``doc_id``
        ``"doc"``); a list of strings gives ``doc_id`` ``"0", "1", ...``; a
        DataFrame must have ``text`` (``doc_id`` is made from the index if
        missing).

    Examples
    --------
    >>> as_corpus("Kim said so.")[["doc_id", "text"]].values.tolist()
    [['doc', 'Kim said so.']]
    """
    if isinstance(obj, pd.DataFrame):
        if "text" not in obj.columns:
            raise CorpusError(f"a corpus DataFrame needs a 'text' column; it has {list(obj.columns)}")
        if "doc_id" not in obj.columns:
            obj = obj.assign(doc_id=obj.index.astype(str))
        return obj
    if isinstance(obj, Path):
        return load_corpus(obj, **kwargs)
    if isinstance(obj, str):
        looks_like_path = "\n" not in obj and len(obj) < 4096 and (
            Path(obj).exists() or (any(ch in obj for ch in "*?") and glob.glob(obj)))
        if looks_like_path:
            return load_corpus(obj, **kwargs)
        return pd.DataFrame({"doc_id": ["doc"], "text": [obj]})
    if isinstance(obj, (list, tuple)) and all(isinstance(t, str) for t in obj):
        return pd.DataFrame({"doc_id": [str(i) for i in range(len(obj))], "text": list(obj)})
    raise CorpusError(f"cannot make a corpus from {type(obj).__name__}")
