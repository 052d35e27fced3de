"""Small matplotlib figures for the common views of spans and articles.

Each function draws on ``ax`` (a new figure when omitted) and returns it, so
figures compose and can be styled further.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd


def _axes(ax, figsize=(7, 3.5)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def counts_by(frame: pd.DataFrame, column: str, ax=None, title: str | None = None, top: int = 20):
    """Horizontal bars: how many rows per value of ``column`` (most frequent on top).

    Examples
    --------
    >>> ax = counts_by(pd.DataFrame({"outlet": ["a", "b", "a"]}), "outlet")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['b', 'a']
    """
    ax = _axes(ax)
    counts = frame[column].fillna("(missing)").value_counts().head(top).sort_values()
    counts.plot.barh(ax=ax, color="#4c72b0")
    ax.set_xlabel("count")
    ax.set_ylabel(column)
    ax.set_title(title or f"rows per {column}")
    return ax


def over_time(frame: pd.DataFrame, date_column: str = "date", freq: str = "MS", by: str | None = None,
              ax=None, title: str | None = None):
    """Rows per period (``freq``, e.g. ``"MS"`` months), one line per ``by`` group.

    Dates that cannot be parsed are left out of the plot and counted in the
    title, never dropped silently.

    Examples
    --------
    >>> ax = over_time(pd.DataFrame({"date": ["2020-01-05", "2020-02-01", "n/a"]}))
    >>> "1 undated" in ax.get_title()
    True
    """
    ax = _axes(ax)
    dates = pd.to_datetime(frame[date_column], errors="coerce")
    undated = int(dates.isna().sum())
    data = frame.assign(_date=dates).dropna(subset=["_date"])
    if by is None:
        data.set_index("_date").resample(freq).size().plot(ax=ax, marker="o")
    else:
        table = data.groupby([pd.Grouper(key="_date", freq=freq), by]).size().unstack(fill_value=0)
        table.plot(ax=ax, marker="o")
        ax.legend(fontsize="small", ncol=2)
    ax.set_xlabel("")
    ax.set_ylabel("articles")
    suffix = f" ({undated} undated)" if undated else ""
    ax.set_title((title or "articles over time") + suffix)
    return ax


def stacked_shares(table: pd.DataFrame, ax=None, title: str | None = None):
    """Stacked horizontal bars of row shares: ``table`` is counts, rows = groups.

    Examples
    --------
    >>> ax = stacked_shares(pd.DataFrame({"x": [1, 3], "y": [1, 1]}, index=["g1", "g2"]))
    >>> len(ax.patches)
    4
    """
    ax = _axes(ax)
    shares = table.div(table.sum(axis=1).where(lambda s: s > 0), axis=0).fillna(0)
    shares.plot.barh(stacked=True, ax=ax, width=0.8, colormap="tab20")
    ax.set_xlim(0, 1)
    ax.set_xlabel("share")
    ax.legend(fontsize="small", bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.set_title(title or "")
    return ax
