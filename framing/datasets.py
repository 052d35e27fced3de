"""Readers for public human-annotated news corpora used as gold data.

Each reader returns tidy DataFrames: articles (``doc_id, text`` and
metadata, as :func:`framing.load_corpus` gives them) and, where the corpus
has span annotation, gold spans in the span-table shape (``doc_id, start,
end, signal, label, text``) so they can be scored with
:func:`framing.evaluate.score_spans` against any prediction.

- PolNeAR (Newell, Margolin & Ruths, LREC 2018): attribution relations,
  brat standoff ``.ann`` (Source / Cue / Content), ``metadata.tsv``.
- Propaganda Techniques Corpus (Da San Martino et al., EMNLP 2019; SemEval-2020
  Task 11): technique spans.
- Narrative Frames Corpus (Frermann et al., ACL 2023): article-level frames.

The corpora are not shipped; point the readers at a copy (``root=``), or
let :func:`find_data_dir` find ``shared/data`` next to the checkout or in
the ``FRAMING_DATA`` environment variable. Cite the corpora's papers in
anything that reports figures on them.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from .corpus import LoadReport, load_corpus
from .spans import make_spans

_ANN_TYPES = ("T", "E", "A", "R", "#", "N")
_ANNOTATOR_SUFFIX = re.compile(r"_([0-9a-f]{4})$")
NFC_FRAMES = {"RE": "resolution", "HI": "human_interest", "CO": "conflict",
              "MO": "morality", "EC": "economic"}


def find_data_dir() -> Path | None:
    """The gold-data folder: ``$FRAMING_DATA``, else the first ``shared/data``
    found above the working directory or this package; ``None`` when absent.

    Examples
    --------
    >>> d = find_data_dir()
    >>> d is None or d.is_dir()
    True
    """
    env = os.environ.get("FRAMING_DATA")
    if env:
        return Path(env) if Path(env).is_dir() else None
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        for parent in (start, *start.parents):
            candidate = parent / "shared" / "data"
            if candidate.is_dir():
                return candidate
    return None


def _corpus_root(root, name):
    if root is None:
        data = find_data_dir()
        if data is None:
            raise FileNotFoundError(f"no {name} copy found: pass root= or set FRAMING_DATA")
        root = data / name
    root = Path(root)
    if (root / name).is_dir():
        root = root / name
    if not root.is_dir():
        raise FileNotFoundError(f"{name} folder not found: {root}")
    return root


def parse_brat(path) -> list[dict]:
    """Parse a brat standoff ``.ann`` file into text-bound annotation rows.

    Discontinuous spans (``start end;start end``) give one row per fragment
    (``fragment`` = 0, 1, ...); a line that does not start with a brat id
    continues the previous line's span text. Event lines link the text-bound
    annotations: each row carries the ``event`` id it takes part in.

    Returns
    -------
    list of dict
        ``id, type, start, end, fragment, event, ann_text``.
    """
    lines = []
    with open(path, encoding="utf-8", newline="") as f:
        for raw in f.read().split("\n"):
            if raw and not raw.startswith(_ANN_TYPES) and lines:
                lines[-1] += "\n" + raw
            elif raw:
                lines.append(raw)
    rows, events = [], {}
    for line in lines:
        fields = line.split("\t")
        if fields[0].startswith("T") and len(fields) >= 2:
            kind, _, offsets = fields[1].partition(" ")
            for fragment, part in enumerate(offsets.split(";")):
                start, end = (int(x) for x in part.split())
                rows.append({"id": fields[0], "type": kind, "start": start, "end": end,
                             "fragment": fragment, "event": "",
                             "ann_text": fields[2] if len(fields) > 2 else ""})
        elif fields[0].startswith("E") and len(fields) >= 2:
            for arg in fields[1].split():
                _, _, target = arg.partition(":")
                events[target] = fields[0]
    for row in rows:
        row["event"] = events.get(row["id"], "")
    return rows


def read_polnear(root=None, compartment: str = "train", annotator: str = "first"):
    """Read a PolNeAR compartment: articles and gold attribution spans.

    Parameters
    ----------
    root : path, optional
        The PolNeAR data folder (holding ``metadata.tsv`` and the compartments).
    compartment : {"train", "dev", "test", ...}
    annotator : {"first", "all"}
        Some articles are annotated by several annotators (one ``.ann`` each,
        suffix ``_xxxx``). ``first`` keeps the first annotator in sorted order,
        so each article is scored once; ``all`` keeps every annotation.

    Returns
    -------
    articles : DataFrame
        ``doc_id`` (file name stem), ``text``, ``headline``, ``outlet``
        (publisher code), ``date``, ``byline``, ``wire``, ``credit``,
        ``compartment``, ``annotators``.
    gold : DataFrame
        Span table with ``signal`` in ``source, cue, content`` (other brat
        types lower-cased), ``label`` = the brat type, and the columns
        ``attribution_id``, ``annotator``, ``fragment``.
    """
    root = _corpus_root(root, "polnear")
    folder = root / compartment
    articles = load_corpus(folder / "text", strict=True)
    meta = pd.read_csv(root / "metadata.tsv", sep="\t", dtype=str, keep_default_na=False)
    meta = meta.rename(columns={"filename": "doc_id", "publisher": "outlet", "title": "headline",
                                "publication_date": "date", "author": "byline"})
    keep = ["doc_id", "headline", "outlet", "date", "byline", "wire", "credit", "compartment",
            "annotators"]
    articles = articles[["doc_id", "text"]].merge(meta[keep].drop_duplicates("doc_id"),
                                                  on="doc_id", how="left")
    texts = dict(zip(articles["doc_id"], articles["text"]))
    chosen = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        match = _ANNOTATOR_SUFFIX.search(ann.stem)
        doc_id = ann.stem[:match.start()] if match else ann.stem
        who = match.group(1) if match else ""
        if annotator == "first" and doc_id in chosen:
            continue
        chosen.setdefault(doc_id, [])
        chosen[doc_id].append((who, ann))
    rows = []
    for doc_id, annotation_files in chosen.items():
        text = texts.get(doc_id)
        if text is None:
            raise ValueError(f"PolNeAR annotation {annotation_files[0][1]} has no text file")
        for who, ann in annotation_files:
            for row in parse_brat(ann):
                if row["type"] == "Attribution":  # the event trigger repeats the cue
                    continue
                rows.append({"doc_id": doc_id, "start": row["start"], "end": row["end"],
                             "signal": row["type"].lower(), "label": row["type"],
                             "text": text[row["start"]:row["end"]],
                             "attribution_id": row["event"], "annotator": who,
                             "fragment": row["fragment"]})
    gold = make_spans(rows, extra=("attribution_id", "annotator", "fragment"))
    return articles, gold


def read_ptc(root=None, techniques=None):
    """Read the Propaganda Techniques Corpus: articles and technique spans.

    Parameters
    ----------
    root : path, optional
        The PTC folder (``articles/``, ``labels/``).
    techniques : iterable of str, optional
        Keep only these techniques (e.g. ``["Loaded_Language"]``).

    Returns
    -------
    articles : DataFrame
        ``doc_id`` (the numeric article id used in the label files), ``text``
        (with a leading byte-order mark kept, as the offsets count it),
        ``headline`` (first line).
    gold : DataFrame
        Span table with ``signal`` = ``"propaganda"`` and ``label`` = technique.
    """
    root = _corpus_root(root, "ptc")
    articles = load_corpus(root / "articles", strict=True)[["doc_id", "text"]]
    articles["doc_id"] = articles["doc_id"].str.removeprefix("article")
    articles["headline"] = articles["text"].str.lstrip("\ufeff").str.split("\n", n=1).str[0]
    texts = dict(zip(articles["doc_id"], articles["text"]))
    wanted = set(techniques) if techniques is not None else None
    rows = []
    for path in sorted((root / "labels").glob("*.labels")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if len(fields) < 4:
                    continue
                doc_id, technique, start, end = fields[0], fields[1], int(fields[2]), int(fields[3])
                if wanted is not None and technique not in wanted:
                    continue
                text = texts[doc_id]
                rows.append({"doc_id": doc_id, "start": start, "end": end, "signal": "propaganda",
                             "label": technique, "text": text[start:end]})
    return articles, make_spans(rows)


def read_nfc(path=None):
    """Read the Narrative Frames Corpus TSV (articles with five frame labels).

    Parameters
    ----------
    path : path, optional
        ``articles_metadata.tsv`` (or the folder holding it).

    Returns
    -------
    articles : DataFrame
        ``doc_id, text, outlet, date, mbfc`` and one nullable boolean column per frame
        (missing where the label is unreadable, which the report lists):
        ``resolution, human_interest, conflict, morality, economic``.
    report : LoadReport
        Rows not loaded (the public file has one malformed row).
    """
    path = Path(path) if path is not None else _corpus_root(None, "nfc")
    if path.is_dir():
        path = path / "articles_metadata.tsv"
    articles, report = load_corpus(path, return_report=True)
    articles = articles.rename(columns=NFC_FRAMES)
    truth = {"true": True, "1": True, "1.0": True, "false": False, "0": False, "0.0": False}
    for frame in NFC_FRAMES.values():
        raw = articles[frame].astype(str)
        values = raw.str.strip().str.lower().map(truth)
        # An unreadable label is left missing, not guessed, and reported.
        for doc_id, value in zip(articles.loc[values.isna(), "doc_id"], raw[values.isna()]):
            report.problems.append({"source": str(path), "location": f"doc_id {doc_id}",
                                    "doc_id": doc_id, "counted": False,
                                    "reason": f"frame {frame!r} value {value!r} is not true/false; "
                                              f"left missing (article loaded)"})
        articles[frame] = values.astype("boolean")
    return articles, report


__all__ = ["NFC_FRAMES", "LoadReport", "find_data_dir", "parse_brat", "read_nfc", "read_polnear",
           "read_ptc"]
