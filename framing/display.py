"""Highlighted HTML views of spans over their article, for notebooks and reports.

Any span table works: predictions, gold annotations, or both (give them
different ``signal`` values). Overlapping spans are shown nested: each
stretch of text carries the classes of every span covering it, and hovering
shows the signals and labels.
"""
from __future__ import annotations

import html

import pandas as pd

#: Background colours per signal; unknown signals get grey.
COLOURS = {
    "source": "#a6cee3", "cue": "#fb9a99", "content": "#fff2ae", "loaded": "#fdbf6f",
    "wire": "#cab2d6", "media_ref": "#b2df8a", "boilerplate": "#d9d9d9",
    "gold": "#b3e2cd", "sentence": "transparent", "paragraph": "transparent",
}


class Highlighted:
    """HTML that Jupyter renders (``_repr_html_``); ``str()`` gives the markup."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup


def _legend(signals) -> str:
    items = "".join(
        f'<span style="background:{COLOURS.get(s, "#eee")};padding:0 4px;margin-right:6px">{html.escape(s)}</span>'
        for s in signals)
    return f'<div style="font-size:85%;margin-bottom:4px">{items}</div>'


def highlight(text: str, spans: pd.DataFrame, title: str | None = None) -> Highlighted:
    """Mark ``spans`` (``start, end, signal, label``) on ``text`` as HTML.

    Parameters
    ----------
    text : str
        The article as loaded.
    spans : DataFrame
        Spans of this article only.
    title : str, optional
        A heading above the text.

    Examples
    --------
    >>> s = pd.DataFrame({"start": [0], "end": [3], "signal": ["source"], "label": ["official"]})
    >>> "background" in str(highlight("Kim said so.", s))
    True
    """
    spans = spans[spans["signal"].map(lambda s: COLOURS.get(s, "#eee") != "transparent")]
    bounds = sorted({0, len(text), *spans["start"].tolist(), *spans["end"].tolist()})
    records = list(spans[["start", "end", "signal", "label"]].itertuples(index=False))
    parts = []
    for left, right in zip(bounds, bounds[1:]):
        covering = [r for r in records if r.start <= left and right <= r.end]
        chunk = html.escape(text[left:right]).replace("\n", "<br>")
        if not covering:
            parts.append(chunk)
            continue
        innermost = min(covering, key=lambda r: r.end - r.start)
        tip = "; ".join(f"{r.signal}: {r.label}" if r.label else r.signal for r in covering)
        colour = COLOURS.get(innermost.signal, "#eee")
        underline = "border-bottom:2px solid #e31a1c;" if any(r.signal == "cue" for r in covering) else ""
        parts.append(f'<span title="{html.escape(tip)}" style="background:{colour};{underline}">{chunk}</span>')
    heading = f"<h4>{html.escape(title)}</h4>" if title else ""
    markup = (f'<div class="framing-highlight" style="line-height:1.6;font-family:sans-serif">'
              f'{heading}{_legend(spans["signal"].unique())}{"".join(parts)}</div>')
    return Highlighted(markup)
