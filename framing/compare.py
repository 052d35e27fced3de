"""Compare article measures across outlets, groups and periods, with intervals.

Articles are the unit of resampling: intervals are percentile bootstrap
intervals over articles within each group, so an outlet with few articles
gets the wide interval it deserves.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def _bootstrap(values: np.ndarray, weights: np.ndarray | None, n_boot: int, rng, level: float):
    n = len(values)
    if n == 0:
        return np.nan, np.nan, np.nan
    if weights is None:
        estimate = values.mean()
        draws = rng.integers(0, n, size=(n_boot, n))
        stats = values[draws].mean(axis=1)
    else:
        estimate = values.sum() / weights.sum() if weights.sum() else np.nan
        draws = rng.integers(0, n, size=(n_boot, n))
        denominators = weights[draws].sum(axis=1)
        stats = np.where(denominators > 0, values[draws].sum(axis=1) / np.where(denominators > 0, denominators, 1), np.nan)
    low, high = np.nanpercentile(stats, [(1 - level) / 2 * 100, (1 + level) / 2 * 100])
    return estimate, low, high


def compare_groups(articles: pd.DataFrame, measure: str, by: str | list[str], per: str | None = None,
                   scale: float = 1.0, level: float = 0.95, n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Mean (or pooled rate) of a per-article measure in each group, with a bootstrap interval.

    Parameters
    ----------
    articles : DataFrame
        One row per article (e.g. :func:`framing.article_table`).
    measure : str
        Column to summarise.
    by : str or list of str
        Grouping column(s): outlet, bias group, month...
    per : str, optional
        Denominator column for a pooled rate, ``sum(measure) / sum(per) * scale``
        (e.g. ``measure="n_loaded", per="n_words", scale=1000`` gives loaded
        terms per 1,000 words, weighting long articles by their length).
        Without it, the plain mean over articles.
    level : float
        Interval coverage.
    n_boot : int
        Bootstrap resamples.
    seed : int
        Seed of the resampling, for reproducible intervals.

    Returns
    -------
    DataFrame
        The ``by`` columns, ``n_articles``, ``estimate``, ``ci_low``, ``ci_high``.

    Examples
    --------
    >>> a = pd.DataFrame({"outlet": ["x", "x", "y", "y"], "quotes": [1, 3, 0, 2]})
    >>> compare_groups(a, "quotes", "outlet", n_boot=200)[["outlet", "estimate"]].values.tolist()
    [['x', 2.0], ['y', 1.0]]
    """
    rng = np.random.default_rng(seed)
    rows = []
    for key, group in articles.groupby(by, dropna=False, sort=True):
        values = pd.to_numeric(group[measure], errors="coerce").to_numpy(dtype=float)
        weights = pd.to_numeric(group[per], errors="coerce").to_numpy(dtype=float) if per else None
        keep = ~np.isnan(values) if weights is None else ~(np.isnan(values) | np.isnan(weights))
        estimate, low, high = _bootstrap(values[keep], None if weights is None else weights[keep],
                                         n_boot, rng, level)
        keys = key if isinstance(key, tuple) else (key,)
        names = [by] if isinstance(by, str) else list(by)
        rows.append({**dict(zip(names, keys)), "n_articles": int(keep.sum()),
                     "estimate": estimate * scale, "ci_low": low * scale, "ci_high": high * scale})
    return pd.DataFrame(rows)


def interval_plot(table: pd.DataFrame, label: str, ax=None, title: str | None = None):
    """Dot-and-whisker plot of a :func:`compare_groups` table (one row per group).

    Examples
    --------
    >>> t = pd.DataFrame({"g": ["a"], "n_articles": [3], "estimate": [1.0], "ci_low": [0.5], "ci_high": [1.5]})
    >>> interval_plot(t, "g").get_title()
    ''
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 0.4 * len(table) + 1))
    table = table.sort_values("estimate")
    positions = np.arange(len(table))
    ax.errorbar(table["estimate"], positions,
                xerr=[table["estimate"] - table["ci_low"], table["ci_high"] - table["estimate"]],
                fmt="o", color="#4c72b0", capsize=3)
    ax.set_yticks(positions, [f"{g} (n={n})" for g, n in zip(table[label], table["n_articles"])])
    ax.set_title(title or "")
    return ax
