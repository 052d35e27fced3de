"""Score predicted spans against gold spans: precision, recall, F1.

Two matching rules:

``exact``
    same ``start`` and ``end``.
``overlap``
    a prediction matches a gold span when at least half of the prediction
    lies inside it and the prediction covers at least a quarter of it, so an
    over-long prediction earns nothing.

Precision is the share of predictions that match some gold span; recall the
share of gold spans matched by some prediction; F1 their harmonic mean.
Spans only match within the same document and the same ``by`` group
(``signal`` by default).

:func:`span_agreement` applies the same scoring between human coders, the
ceiling against which any system's figures should be read.
"""
from __future__ import annotations

from collections.abc import Sequence

import itertools

import numpy as np
import pandas as pd

MATCHES = ("exact", "overlap")


def _match_matrix(ps, pe, gs, ge, match):
    if match == "exact":
        return (ps[:, None] == gs[None, :]) & (pe[:, None] == ge[None, :])
    inter = np.minimum(pe[:, None], ge[None, :]) - np.maximum(ps[:, None], gs[None, :])
    inter = np.clip(inter, 0, None)
    return (inter > 0) & (2 * inter >= (pe - ps)[:, None]) & (4 * inter >= (ge - gs)[None, :])


def match_spans(pred: pd.DataFrame, gold: pd.DataFrame, match: str = "overlap",
                by: Sequence[str] = ("signal",)):
    """Mark which predictions and which gold spans are matched.

    Parameters
    ----------
    pred, gold : DataFrame
        Span tables with at least ``doc_id, start, end`` and the ``by`` columns.
    match : {"overlap", "exact"}
        The matching rule (see module docstring).
    by : sequence of str
        Columns that must agree for two spans to match.

    Returns
    -------
    (DataFrame, DataFrame)
        Copies of ``pred`` with a boolean ``matched`` column and of ``gold``
        with a boolean ``found`` column, original index kept.

    Examples
    --------
    >>> p = pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [4], "signal": ["cue"]})
    >>> g = pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [6], "signal": ["cue"]})
    >>> match_spans(p, g)[0]["matched"].tolist()
    [True]
    """
    if match not in MATCHES:
        raise ValueError(f"match must be one of {MATCHES}, not {match!r}")
    keys = ["doc_id", *by]
    for name, frame in (("pred", pred), ("gold", gold)):
        missing = [c for c in (*keys, "start", "end") if c not in frame.columns]
        if missing:
            raise ValueError(f"{name} spans lack columns {missing}")
    matched = np.zeros(len(pred), dtype=bool)
    found = np.zeros(len(gold), dtype=bool)
    p_start, p_end = pred["start"].to_numpy(), pred["end"].to_numpy()
    g_start, g_end = gold["start"].to_numpy(), gold["end"].to_numpy()
    # Positions, not index labels: callers often concatenate frames with repeated indexes.
    gold_groups = gold.groupby(keys, sort=False, dropna=False).indices if len(gold) else {}
    pred_groups = pred.groupby(keys, sort=False, dropna=False).indices if len(pred) else {}
    for key, p in pred_groups.items():
        g = gold_groups.get(key)
        if g is None:
            continue
        ok = _match_matrix(p_start[p], p_end[p], g_start[g], g_end[g], match)
        matched[p[ok.any(axis=1)]] = True
        found[g[ok.any(axis=0)]] = True
    pred_out, gold_out = pred.copy(), gold.copy()
    pred_out["matched"] = matched
    gold_out["found"] = found
    return pred_out, gold_out


def score_spans(pred: pd.DataFrame, gold: pd.DataFrame, match="overlap",
                by: Sequence[str] = ("signal",)) -> pd.DataFrame:
    """Precision, recall and F1 of predicted spans against gold spans.

    Parameters
    ----------
    pred, gold : DataFrame
        Span tables (``doc_id, start, end`` and the ``by`` columns). Score only
        documents that were annotated: filter ``pred`` to gold's documents first
        if predictions cover more.
    match : {"overlap", "exact"} or sequence of them
        Matching rule(s); several give one block of rows per rule.
    by : sequence of str
        Grouping columns; one row of scores per group (``()`` for one total).

    Returns
    -------
    DataFrame
        Columns ``match``, the ``by`` columns, ``n_pred, n_gold, matched_pred,
        matched_gold, precision, recall, f1``.

    Examples
    --------
    >>> p = pd.DataFrame({"doc_id": ["a", "a"], "start": [0, 10], "end": [4, 12],
    ...                   "signal": ["cue", "cue"]})
    >>> g = pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [6], "signal": ["cue"]})
    >>> score_spans(p, g)[["precision", "recall"]].round(2).values.tolist()
    [[0.5, 1.0]]
    """
    matches = [match] if isinstance(match, str) else list(match)
    by = list(by)
    rows = []
    for rule in matches:
        p, g = match_spans(pred, gold, rule, by)
        p_groups = p.groupby(by, dropna=False)["matched"].agg(["size", "sum"]) if by else \
            pd.DataFrame({"size": [len(p)], "sum": [p["matched"].sum()]})
        g_groups = g.groupby(by, dropna=False)["found"].agg(["size", "sum"]) if by else \
            pd.DataFrame({"size": [len(g)], "sum": [g["found"].sum()]})
        table = p_groups.add_suffix("_pred").join(g_groups.add_suffix("_gold"), how="outer").fillna(0)
        for key, r in table.iterrows():
            n_pred, n_gold = int(r["size_pred"]), int(r["size_gold"])
            mp, mg = int(r["sum_pred"]), int(r["sum_gold"])
            precision = mp / n_pred if n_pred else 0.0
            recall = mg / n_gold if n_gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            keyvals = dict(zip(by, key if isinstance(key, tuple) else (key,))) if by else {}
            rows.append({"match": rule, **keyvals, "n_pred": n_pred, "n_gold": n_gold,
                         "matched_pred": mp, "matched_gold": mg,
                         "precision": precision, "recall": recall, "f1": f1})
    return pd.DataFrame(rows)


def span_agreement(spans: pd.DataFrame, coder: str = "annotator", match="overlap",
                   by: Sequence[str] = ("signal",)) -> pd.DataFrame:
    """Agreement between coders who annotated the same documents with spans.

    Every ordered pair of coders (A, B) on a document is scored as if A's
    spans were predictions and B's the gold, and the counts are pooled over
    all pairs and documents (so precision and recall are symmetric overall
    and F1 is the pairwise F1 used for span annotation agreement). Only
    documents with at least two coders count.

    Parameters
    ----------
    spans : DataFrame
        A span table with a ``coder`` column.
    coder : str
        The column naming who annotated each span.
    match, by
        As in :func:`score_spans`.

    Returns
    -------
    DataFrame
        As :func:`score_spans`.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "a"], "start": [0, 0, 20], "end": [4, 5, 25],
    ...                   "signal": "cue", "annotator": ["x", "y", "y"]})
    >>> span_agreement(s)[["precision", "recall", "f1"]].round(2).values.tolist()
    [[0.67, 0.67, 0.67]]
    """
    pred, gold = [], []
    for doc_id, doc in spans.groupby("doc_id", sort=True):
        coders = sorted(doc[coder].dropna().unique())
        for a, b in itertools.permutations(coders, 2):
            # A key per comparison, so pooled scoring never matches across pairs.
            key = f"{doc_id}|{a}|{b}"
            pred.append(doc[doc[coder] == a].assign(doc_id=key))
            gold.append(doc[doc[coder] == b].assign(doc_id=key))
    if not pred:
        raise ValueError(f"no document has spans from two or more coders (column {coder!r})")
    return score_spans(pd.concat(pred), pd.concat(gold), match=match, by=by)


def cohen_kappa(a: Sequence, b: Sequence) -> float:
    """Cohen's kappa between two codings of the same items.

    Examples
    --------
    >>> round(cohen_kappa(["x", "y", "x", "x"], ["x", "y", "y", "x"]), 2)
    0.5
    """
    a, b = list(a), list(b)
    if len(a) != len(b) or not a:
        raise ValueError("two codings of the same, non-empty list of items are needed")
    labels = sorted(set(a) | set(b))
    observed = sum(x == y for x, y in zip(a, b)) / len(a)
    expected = sum((a.count(lab) / len(a)) * (b.count(lab) / len(b)) for lab in labels)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)
