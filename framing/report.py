"""The corpus run: span and article tables, load report and an HTML report."""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from .corpus import LoadReport, iter_corpus
from .display import highlight
from .pipeline import DEFAULT_SIGNALS, analyse, stream

#: Articles shown highlighted in the HTML report (the tables cover them all).
SHOWN_ARTICLES = 20


def write_run(corpus, out: Path, n_jobs=1, loaded=None, batch_size=1000, progress=None,
              report: LoadReport | None = None, source_typer=None, **load_options) -> list[Path]:
    """Analyse a corpus and write ``spans.csv``, ``articles.csv``,
    ``load_report.csv`` and ``report.html`` into ``out``.

    Returns
    -------
    list of Path
        The files written.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = LoadReport() if report is None else report
    spans_path, articles_path = out / "spans.csv", out / "articles.csv"
    stream(corpus, spans_out=spans_path, articles_out=articles_path, n_jobs=n_jobs, loaded=loaded,
           batch_size=batch_size, progress=progress, report=report, source_typer=source_typer,
           **load_options)
    report_path = out / "load_report.csv"
    report.to_frame().to_csv(report_path, index=False)
    html_path = out / "report.html"
    shown = next(iter_corpus(corpus, batch_size=SHOWN_ARTICLES, **load_options), None)
    html_path.write_text(render_report(shown, pd.read_csv(articles_path, dtype={"doc_id": str}),
                                       report, loaded, source_typer), encoding="utf-8")
    return [spans_path, articles_path, report_path, html_path]


def render_report(shown: pd.DataFrame | None, articles: pd.DataFrame, report: LoadReport,
                  loaded=None, source_typer=None) -> str:
    """The HTML report: load summary, article measures, highlighted articles."""
    parts = ["<html><head><meta charset='utf-8'><title>framing report</title></head>",
             "<body style='font-family:sans-serif;max-width:1100px;margin:auto'>",
             "<h1>framing report</h1>",
             f"<p>{html.escape(str(report).splitlines()[0])}.</p>"]
    if report.problems:
        parts += ["<h2>Records not loaded</h2>", report.to_frame().to_html(index=False)]
    parts += ["<h2>Article measures</h2>", articles.to_html(index=False, na_rep="")]
    if shown is not None and len(shown):
        spans = analyse(shown, signals=DEFAULT_SIGNALS, loaded=loaded, progress=False,
                        source_typer=source_typer)
        parts.append(f"<h2>Highlighted articles (first {len(shown)})</h2>")
        for doc_id, text in zip(shown["doc_id"], shown["text"]):
            parts.append(str(highlight(text, spans[spans["doc_id"] == doc_id], title=str(doc_id))))
            parts.append("<hr>")
    parts.append("</body></html>")
    return "\n".join(parts)
