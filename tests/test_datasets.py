"""Readers on small made-up fixtures, and on the real corpora when present."""
import pandas as pd

from framing.datasets import find_data_dir, parse_brat, read_nfc, read_polnear, read_ptc

POLNEAR_TEXT = "Headline\nThe senator said the bill would pass.\nAides worried,\nsaid one."
POLNEAR_ANN = (
    "T1\tSource 9 21\tThe senator\n"
    "T2\tCue 22 26\tsaid\n"
    "T3\tContent 27 49\tthe bill would pass\n"
    "T4\tAttribution 22 26\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 50 64;71 79\tAides worried,\n"
    "said one\n"
)


def make_polnear(root):
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    (root / "dev" / "text" / "nyt_2016-10-01_x.txt").write_text(POLNEAR_TEXT, encoding="utf-8")
    (root / "dev" / "attributions" / "nyt_2016-10-01_x_ab12.ann").write_text(POLNEAR_ANN, encoding="utf-8")
    (root / "dev" / "attributions" / "nyt_2016-10-01_x_cd34.ann").write_text(POLNEAR_ANN[:60], encoding="utf-8")
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\t"
        "trump_count\tclinton_count\tcredit\twire\n"
        "dev\tnyt_2016-10-01_x\t1\tab12|cd34\tnyt\t2016-10-01\tJ. Doe\tHeadline\t0\t1\tNone\tAP\n",
        encoding="utf-8")
    return root


def test_parse_brat_fragments_continuations_and_events(tmp_path):
    path = tmp_path / "a.ann"
    path.write_text(POLNEAR_ANN, encoding="utf-8")
    rows = parse_brat(path)
    content = [r for r in rows if r["id"] == "T5"]
    assert [(r["start"], r["end"], r["fragment"]) for r in content] == [(50, 64, 0), (71, 79, 1)]
    assert content[0]["ann_text"] == "Aides worried,\nsaid one"
    assert {r["event"] for r in rows if r["id"] in ("T1", "T2", "T3")} == {"E1"}


def test_read_polnear_fixture(tmp_path):
    root = make_polnear(tmp_path / "polnear")
    articles, gold = read_polnear(root, "dev")
    assert articles[["doc_id", "outlet", "wire", "headline"]].values.tolist() == [
        ["nyt_2016-10-01_x", "nyt", "AP", "Headline"]]
    assert gold["signal"].tolist() == ["source", "cue", "content", "content", "content"]
    assert (gold["annotator"] == "ab12").all()
    text = articles["text"].iloc[0]
    assert all(text[s:e] == t for s, e, t in zip(gold["start"], gold["end"], gold["text"]))
    _, both = read_polnear(root, "dev", annotator="all")
    assert set(both["annotator"]) == {"ab12", "cd34"}


def test_read_ptc_fixture_keeps_the_bom(tmp_path):
    root = tmp_path / "ptc"
    (root / "articles").mkdir(parents=True)
    (root / "labels").mkdir()
    text = "\ufeffA Title\n\nThey are evil thugs."
    (root / "articles" / "article42.txt").write_text(text, encoding="utf-8")
    (root / "labels" / "article42.task2-TC.labels").write_text(
        "42\tLoaded_Language\t19\t29\n42\tName_Calling,Labeling\t24\t29\n", encoding="utf-8")
    articles, gold = read_ptc(root)
    assert articles["headline"].tolist() == ["A Title"]
    assert gold["text"].tolist() == ["evil thugs", "thugs"]
    _, only = read_ptc(root, techniques=["Loaded_Language"])
    assert only["label"].tolist() == ["Loaded_Language"]


def test_read_nfc_fixture_reports_malformed_rows_and_bad_labels(tmp_path):
    path = tmp_path / "nfc.tsv"
    path.write_text("ID\tsource\tmbfc\tdate\ttext\tRE\tHI\tCO\tMO\tEC\n"
                    "1\tout\tleft\t2020-01-01\tStorms grow.\tTrue\tFalse\tFalse\tFalse\tTrue\n"
                    "2\tout\tleft\t2020-01-02\tcut off\n"
                    "3\tout\tright\t2020-01-03\tCosts rise.\tFalse\tFalse\tTrue\tFalse\tFalse)\n",
                    encoding="utf-8")
    articles, report = read_nfc(path)
    assert articles["doc_id"].tolist() == ["1", "3"]
    assert bool(articles["economic"].iloc[0]) is True
    assert pd.isna(articles["economic"].iloc[1])
    assert report.n_records == 3 and report.n_loaded == 2
    assert [p["location"] for p in report.problems] == ["line 3", "doc_id 3"]


# --- the real corpora, when present -------------------------------------------------------------

def test_polnear_offsets_agree_with_annotation_text(data_dir):
    articles, gold = read_polnear(data_dir / "polnear", "dev")
    assert len(articles) == 84
    assert {"source", "cue", "content"} <= set(gold["signal"])
    texts = dict(zip(articles["doc_id"], articles["text"]))
    assert all(texts[d][s:e] == t for d, s, e, t in
               zip(gold["doc_id"], gold["start"], gold["end"], gold["text"]))
    # the .ann files carry the span text too: single-fragment spans must equal it
    from framing.datasets import parse_brat
    ann = sorted((data_dir / "polnear" / "dev" / "attributions").glob("*.ann"))[0]
    doc_id = ann.stem.rsplit("_", 1)[0]
    for row in parse_brat(ann):
        if row["fragment"] == 0 and row["ann_text"] and ";" not in row["ann_text"]:
            piece = texts[doc_id][row["start"]:row["end"]]
            assert piece == row["ann_text"][:len(piece)]


def test_ptc_bom_article_offsets_count_the_bom(data_dir):
    articles, gold = read_ptc(data_dir / "ptc")
    assert len(articles) == 281
    text = articles.set_index("doc_id").loc["705409419", "text"]
    assert text[0] == "\ufeff"
    spans = gold[gold["doc_id"] == "705409419"]
    assert len(spans)
    # PTC v2 trimmed every span of surrounding blanks and punctuation; shifted
    # offsets (BOM dropped) would start or end spans on blanks.
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in zip(spans["start"], spans["end"]))
    assert all(t.strip() == t for t in gold["text"])


def test_nfc_reader_on_the_public_file(data_dir):
    articles, report = read_nfc(data_dir / "nfc")
    assert len(articles) == 312 and report.n_records == 313
    assert set(articles.columns) >= {"outlet", "mbfc", "date", "conflict", "economic"}


def test_find_data_dir_honours_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FRAMING_DATA", str(tmp_path))
    assert find_data_dir() == tmp_path
    monkeypatch.setenv("FRAMING_DATA", str(tmp_path / "absent"))
    assert find_data_dir() is None
