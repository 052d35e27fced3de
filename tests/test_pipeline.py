"""One pass, streaming, parallel and Dask runs give identical results."""
import pandas as pd
import pytest

from framing.corpus import load_corpus
from framing.pipeline import ALL_SIGNALS, SignalPass, analyse, article_table, dask_spans, stream
from framing.signals.sources import SourceTyper
from framing.spans import check_spans, read_spans

ARTICLES = [
    "Senator Jane Doe said the bill would pass. “We will win,” she told reporters.\n"
    "Critics slammed the plan as a disaster, according to a report by the agency.",
    "WASHINGTON (AP) — Officials insisted the talks were heroic, a spokesman said.",
    "No attribution here at all.\nAlso Read: Another story",
    "Aides, who spoke on condition of anonymity, claimed the regime had collapsed.",
]


@pytest.fixture
def corpus():
    return pd.DataFrame({"doc_id": [f"a{i}" for i in range(40)],
                         "text": [ARTICLES[i % len(ARTICLES)] + f" Item {i}." for i in range(40)]})


def test_every_span_indexes_its_article(corpus):
    spans = analyse(corpus, signals=ALL_SIGNALS)
    check_spans(spans, corpus)
    assert {"sentence", "source", "cue", "content", "loaded", "wire", "boilerplate"} <= set(spans["signal"])


def test_a_prepared_document_gives_the_same_result(corpus):
    from framing.text import Document

    runner = SignalPass(signals=ALL_SIGNALS)
    for doc_id, text in zip(corpus["doc_id"][:4], corpus["text"][:4]):
        doc = Document(text, doc_id)
        doc.words, doc.boilerplate  # text layer computed before the signals ask for it
        assert runner.run_document(doc) == runner.run(doc_id, text)


def test_signal_selection(corpus):
    spans = analyse(corpus, signals=("cue",))
    assert set(spans["signal"]) == {"cue"}
    with pytest.raises(ValueError, match="unknown signals"):
        SignalPass(signals=("quotes",))


def test_parallel_equals_serial(corpus):
    serial = analyse(corpus, n_jobs=1, batch_size=7)
    parallel = analyse(corpus, n_jobs=2, batch_size=7)
    pd.testing.assert_frame_equal(serial, parallel)
    pd.testing.assert_frame_equal(article_table(corpus, n_jobs=1), article_table(corpus, n_jobs=2))


def test_article_table_keeps_every_article(corpus):
    table = article_table(corpus.assign(outlet="x"))
    assert table["doc_id"].tolist() == corpus["doc_id"].tolist()
    assert {"outlet", "n_words", "n_sentences", "n_attributions", "wire_agency"} <= set(table.columns)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_streaming_equals_in_memory(tmp_path, corpus, suffix):
    corpus.to_parquet(tmp_path / "corpus.parquet")
    report = stream(tmp_path / "corpus.parquet", spans_out=tmp_path / f"spans{suffix}",
                    articles_out=tmp_path / f"articles{suffix}", batch_size=6, n_jobs=2, progress=False)
    assert report.n_loaded == 40
    written = read_spans(tmp_path / f"spans{suffix}")
    expected = analyse(corpus)
    pd.testing.assert_frame_equal(written[expected.columns].astype(expected.dtypes.to_dict()),
                                  expected, check_dtype=False)
    check_spans(written, corpus)


def test_streaming_reports_bad_records(tmp_path):
    (tmp_path / "c.jsonl").write_text('{"id": "1", "text": "Kim said hello."}\n{"id": "2", "text": ""}\n',
                                      encoding="utf-8")
    report = stream(tmp_path / "c.jsonl", articles_out=tmp_path / "a.csv", progress=False)
    assert report.n_loaded == 1 and report.problems[0]["reason"] == "empty text"
    assert pd.read_csv(tmp_path / "a.csv")["doc_id"].tolist() == [1]


def test_dask_on_a_local_cluster_equals_local_run(tmp_path, corpus):
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    dd = pytest.importorskip("dask.dataframe")
    corpus.to_parquet(tmp_path / "corpus.parquet")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        result = dask_spans(dd.from_pandas(corpus, npartitions=3)).compute()
        from_files = dask_spans(str(tmp_path / "corpus.parquet")).compute()
        rules = dask_spans(dd.from_pandas(corpus, npartitions=3),
                           source_typer=SourceTyper(model=None)).compute()
    expected = analyse(corpus)
    pd.testing.assert_frame_equal(result.reset_index(drop=True), expected)
    pd.testing.assert_frame_equal(from_files.reset_index(drop=True), expected)
    pd.testing.assert_frame_equal(rules.reset_index(drop=True),
                                  analyse(corpus, source_typer=SourceTyper(model=None)))


def test_bundled_corpus_runs_end_to_end():
    corpus = load_corpus("corpus")
    spans = analyse(corpus)
    check_spans(spans, corpus)
    assert (spans["signal"] == "cue").sum() >= 8
