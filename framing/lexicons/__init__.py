"""Word lists shipped as package data, and their loader.

Every list is a CSV file in this folder whose leading ``#`` lines document
its provenance (where the entries come from, how they were chosen, the
category scheme). Users extend or replace any list by passing their own
file or DataFrame wherever a ``lexicon=`` parameter is offered.
"""
from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

import pandas as pd


def lexicon_path(name: str) -> Path:
    """Path of the packaged lexicon ``name`` (with or without ``.csv``).

    Examples
    --------
    >>> lexicon_path("abbreviations").name
    'abbreviations.csv'
    """
    filename = name if name.endswith(".csv") else f"{name}.csv"
    path = Path(str(resources.files(__name__) / filename))
    if not path.exists():
        available = sorted(p.stem for p in path.parent.glob("*.csv"))
        raise FileNotFoundError(f"no packaged lexicon {name!r}; available: {available}")
    return path


def read_provenance(name_or_path) -> str:
    """The ``#`` header of a lexicon file, without the ``#`` marks."""
    path = Path(name_or_path) if Path(str(name_or_path)).suffix else lexicon_path(str(name_or_path))
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            lines.append(line[1:].strip())
    return "\n".join(lines)


def load_lexicon(name_or_path) -> pd.DataFrame:
    """Read a lexicon: a packaged name, a CSV path, or a DataFrame (copied).

    Lines starting with ``#`` are provenance comments and skipped; all
    columns are read as strings with empty cells as ``""``.

    Examples
    --------
    >>> load_lexicon("abbreviations").columns[0]
    'abbreviation'
    """
    if isinstance(name_or_path, pd.DataFrame):
        return name_or_path.copy()
    text = str(name_or_path)
    path = Path(text) if (text.endswith((".csv", ".tsv")) and Path(text).exists()) else lexicon_path(text)
    with open(path, encoding="utf-8") as f:
        body = "".join(line for line in f if not line.startswith("#"))
    sep = "\t" if path.suffix == ".tsv" else ","
    return pd.read_csv(io.StringIO(body), sep=sep, dtype=str, keep_default_na=False)
