import csv
import json
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.corpus import CorpusError, as_corpus, iter_corpus, load_corpus
from framing.spans import CSV_QUOTING, check_spans, make_spans, read_spans


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


# Texts with the characters that break naive loaders: CR LF, lone CR, BOM,
# curly quotes, non-BMP characters, tabs and separators.
texts = st.text(alphabet=st.sampled_from(list("ab ,\t\"'“”\r\n.é😀")) | st.characters(
    blacklist_categories=("Cs",)), min_size=1, max_size=200).filter(lambda t: t.strip())


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(text=texts, bom=st.booleans(), cut=st.tuples(st.integers(0, 400), st.integers(0, 400)))
def test_random_spans_of_loaded_text_round_trip(tmp_path_factory, text, bom, cut):
    folder = tmp_path_factory.mktemp("c")
    text = ("\ufeff" if bom else "") + text
    write(folder / "doc.txt", text)
    pd.DataFrame({"id": ["doc"], "text": [text]}).to_parquet(folder / "c.parquet")
    (folder / "c.jsonl").write_text(json.dumps({"id": "doc", "text": text}) + "\n", encoding="utf-8")
    with open(folder / "c.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "body"], ["doc", text]])
    for source in (folder, folder / "c.parquet", folder / "c.jsonl", folder / "c.csv"):
        corpus = load_corpus(source)
        assert corpus["text"].tolist() == [text], source
    start, end = sorted(min(c, len(text)) for c in cut)
    spans = make_spans([{"doc_id": "doc", "start": start, "end": end, "signal": "x", "text": text[start:end]}])
    spans.to_csv(folder / "spans.csv", index=False, quoting=CSV_QUOTING)
    check_spans(read_spans(folder / "spans.csv"), {"doc": text})


def test_folder_with_sidecar_metadata(tmp_path):
    write(tmp_path / "a.txt", "First article.\r\nSecond line.")
    write(tmp_path / "b.txt", "Another.")
    write(tmp_path / "metadata.csv", "doc_id,title,publisher,date,extra\na,Head A,Daily,2025-01-02,x\n"
                                     "ghost,Nope,Daily,2025-01-03,y\n")
    corpus, report = load_corpus(tmp_path, return_report=True)
    assert corpus["doc_id"].tolist() == ["a", "b"]
    assert corpus.loc[0, "text"] == "First article.\r\nSecond line."
    assert list(corpus.columns[:5]) == ["doc_id", "text", "headline", "outlet", "date"]
    assert corpus.loc[0, "extra"] == "x"
    assert pd.isna(corpus.loc[1, "headline"])
    assert report.n_records == 2 and report.n_loaded == 2
    assert "no text file" in report.to_frame()["reason"].iloc[0]


def test_explicit_columns_tsv_and_generated_ids(tmp_path):
    write(tmp_path / "c.tsv", "key\tstory\tsource\nk1\tHello there.\tWire\n")
    corpus = load_corpus(tmp_path / "c.tsv", id_column="key", text_column="story")
    assert corpus[["doc_id", "text", "outlet"]].values.tolist() == [["k1", "Hello there.", "Wire"]]
    write(tmp_path / "noid.csv", "content\nOne.\nTwo.\n")
    assert load_corpus(tmp_path / "noid.csv")["doc_id"].tolist() == ["noid-1", "noid-2"]


def test_bad_records_are_reported_never_lost(tmp_path):
    write(tmp_path / "c.csv", 'id,text,outlet\n1,Good one.,A\n2,,A\n1,Duplicate.,B\n3,"Too",many,fields\n'
                              '4,"Quoted\nacross lines.",C\n')
    corpus, report = load_corpus(tmp_path / "c.csv", return_report=True)
    assert corpus["doc_id"].tolist() == ["1", "4"]
    reasons = report.to_frame()["reason"].tolist()
    assert reasons[0] == "empty text"
    assert reasons[1].startswith("duplicate id")
    assert reasons[2].startswith("malformed row: expected 3 fields, found 4")
    assert report.n_loaded + report.n_rejected == report.n_records == 5
    assert report.to_frame()["location"].tolist() == ["line 3", "line 4", "line 5"]


def test_unreadable_encoding_and_jsonl_problems(tmp_path):
    write(tmp_path / "good.txt", "Fine.")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 society.".encode("latin-1"))
    corpus, report = load_corpus(tmp_path, return_report=True)
    assert corpus["doc_id"].tolist() == ["good"]
    assert "unreadable encoding" in report.problems[0]["reason"]
    lines = ['{"id": 1, "text": "One."}', "not json", '{"id": 2}', '[1, 2]', '{"id": 3, "text": 7}']
    write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
    corpus, report = load_corpus(tmp_path / "c.jsonl", return_report=True)
    assert corpus["doc_id"].tolist() == ["1"]
    reasons = [p["reason"] for p in report.problems]
    assert reasons[0].startswith("malformed row: invalid JSON")
    assert reasons[1].startswith("missing column")
    assert reasons[2] == "malformed row: not a JSON object"
    assert "not a string" in reasons[3]
    assert report.n_loaded + report.n_rejected == report.n_records == 5


def test_strict_raises_on_first_problem_and_warning_otherwise(tmp_path):
    write(tmp_path / "c.csv", "id,text\n1,\n2,ok\n")
    with pytest.raises(CorpusError, match="line 2: empty text"):
        load_corpus(tmp_path / "c.csv", strict=True)
    with pytest.warns(UserWarning, match="1 of 2 records were not loaded"):
        load_corpus(tmp_path / "c.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_corpus(tmp_path / "c.csv", return_report=True)


def test_whole_file_problems_are_clear_errors(tmp_path):
    write(tmp_path / "c.csv", "id,headline\n1,No text column\n")
    with pytest.raises(CorpusError, match="missing column: no text column"):
        load_corpus(tmp_path / "c.csv")
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus(tmp_path / "absent.csv")
    write(tmp_path / "c.xml", "<a/>")
    with pytest.raises(CorpusError, match="unsupported corpus format"):
        load_corpus(tmp_path / "c.xml")
    with pytest.raises(CorpusError, match="no text column 'story'"):
        load_corpus(tmp_path / "c.csv", text_column="story")


def test_streaming_batches_equal_the_whole(tmp_path):
    frame = pd.DataFrame({"id": [f"d{i}" for i in range(25)], "text": [f"Article {i}." for i in range(25)]})
    frame.to_parquet(tmp_path / "c.parquet")
    batches = list(iter_corpus(tmp_path / "c.parquet", batch_size=10))
    assert [len(b) for b in batches] == [10, 10, 5]
    pd.testing.assert_frame_equal(pd.concat(batches, ignore_index=True), load_corpus(tmp_path / "c.parquet"))


def test_glob_and_list_inputs(tmp_path):
    write(tmp_path / "a.jsonl", '{"id": "a", "text": "A."}\n')
    write(tmp_path / "b.jsonl", '{"id": "b", "text": "B."}\n')
    assert load_corpus(str(tmp_path / "*.jsonl"))["doc_id"].tolist() == ["a", "b"]
    assert load_corpus([tmp_path / "b.jsonl", tmp_path / "a.jsonl"])["doc_id"].tolist() == ["b", "a"]


def test_as_corpus_accepts_text_lists_frames_and_paths(tmp_path):
    assert as_corpus("Just one article.")["doc_id"].tolist() == ["doc"]
    assert as_corpus(["a", "b"])["doc_id"].tolist() == ["0", "1"]
    assert as_corpus(pd.DataFrame({"text": ["x"]}))["doc_id"].tolist() == ["0"]
    write(tmp_path / "z.txt", "Zed.")
    assert as_corpus(str(tmp_path))["doc_id"].tolist() == ["z"]
    with pytest.raises(CorpusError):
        as_corpus(pd.DataFrame({"body": ["x"]}))


def test_bundled_corpus_loads_with_metadata():
    corpus, report = load_corpus("corpus", return_report=True)
    assert report.n_rejected == 0
    row = corpus.iloc[0]
    assert row["doc_id"] == "000_f76838407aa520a6"
    assert row["date"] == "2025-09-03"
    assert row["headline"].startswith("Putin praises N Korean soldiers")
    assert row["outlet"] == ""


def test_nfc_file_reports_its_malformed_row(data_dir):
    corpus, report = load_corpus(data_dir / "nfc" / "articles_metadata.tsv", return_report=True)
    assert report.n_records == 313 and report.n_loaded == 312
    assert report.problems[0]["location"] == "line 152"
    assert report.problems[0]["reason"].startswith("malformed row: expected 10 fields, found 5")
