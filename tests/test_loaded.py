"""Loaded terms: lexicon matching, user lexicons, density, KWIC and the trainable detector."""
import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

from framing.evaluate import score_spans
from framing.lexicons import read_provenance
from framing.signals.loaded import (LoadedTermDetector, LoadedTermMatcher, keywords_in_context,
                                    load_lexicon, loaded_density, loaded_terms, term_forms)
from framing.signals.loaded_detector import _evaluative_scores
from framing.spans import check_spans, make_spans
from framing.text import Document


def found(text, **kwargs):
    return [(row.text, row.term) for row in loaded_terms(text, **kwargs).itertuples()]


def test_default_lexicon_is_documented_and_covers_the_seed_examples():
    header = read_provenance("loaded_terms")
    for word in ("Category scheme", "emotive", "pejorative", "glorifying", "euphemism", "MPQA"):
        assert word in header
    table = load_lexicon()
    assert not table["term"].duplicated().any()
    assert set(table["category"]) >= {"emotive", "intensifier", "pejorative", "glorifying",
                                      "threat", "militarised", "propaganda_pr", "euphemism"}
    text = ("It was a major propaganda win for Kim. They fought courageously and heroically, "
            "doing their fraternal duty during Putin's three-year invasion, the regime said.")
    assert [t for t, _ in found(text)] == ["propaganda win", "courageously", "heroically",
                                           "fraternal", "invasion", "regime"]


def test_multi_word_terms_win_over_their_parts():
    # "propaganda" alone is a term too; the longer match takes the span.
    assert found("A propaganda coup, then more propaganda.") == [
        ("propaganda coup", "propaganda coup"), ("propaganda", "propaganda")]
    assert found("the so-called charm offensive") == [
        ("so-called", "so-called"), ("charm offensive", "charm offensive")]


def test_inflections():
    assert term_forms("weaponize", "v") == [("weaponize",), ("weaponizes",), ("weaponized",),
                                            ("weaponizing",)]
    assert ("decried",) in term_forms("decry", "v")
    assert ("slamming",) in term_forms("slam", "v")
    assert ("atrocities",) in term_forms("atrocity", "n")
    assert ("terribly",) in term_forms("terrible", "a")
    text = "Officials decried the smear campaigns; critics are weaponizing it, cruelly."
    assert [term for _, term in found(text)] == ["decry", "smear campaign", "weaponize", "cruel"]


def test_case_hyphen_space_and_apostrophe_variants():
    assert found("A RECORD BREAKING, Record-Breaking record breaking year") == [
        ("RECORD BREAKING", "record-breaking"), ("Record-Breaking", "record-breaking"),
        ("record breaking", "record-breaking")]
    assert found("a photo op and a photo-op") == [("photo op", "photo op"),
                                                  ("photo-op", "photo op")]
    assert found("the regime’s and the regime's aims") == [("regime", "regime"),
                                                          ("regime", "regime")]
    # Words of a term do not join across a line break or a sentence end.
    assert found("a charm\n\noffensive") == [("offensive", "offensive")]
    # A term inside a hyphenated word takes the whole word.
    assert found("anti-regime protests") == [("anti-regime", "regime")]


def test_curly_apostrophes_in_user_terms():
    mine = pd.DataFrame({"term": ["o'clock news"], "category": ["time"]})
    assert found("the nine o’clock news and the o'clock news", lexicon=mine) == [
        ("o’clock news", "o'clock news"), ("o'clock news", "o'clock news")]


def test_overlapping_terms_keep_the_longest_then_earliest():
    mine = pd.DataFrame({"term": ["war of words", "words of war", "words", "words of hatred"],
                         "category": ["a", "b", "c", "d"]})
    # equal length: the earliest wins, and the terms inside it are dropped
    assert found("a war of words of war", lexicon=mine) == [("war of words", "war of words")]
    # the longer match wins even when it starts later
    assert found("a war of words of hatred", lexicon=mine) == [
        ("words of hatred", "words of hatred")]
    spans = LoadedTermMatcher(mine).matches("war of words of war, words of hatred, words")
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_terms_opening_with_function_words_are_found_at_their_first_word():
    mine = pd.DataFrame({"term": ["on the brink", "brink", "of the people", "the people", "people"],
                         "category": ["a", "b", "c", "d", "e"]})
    assert found("Talks on the brink, said one of the people, and the people agreed.",
                 lexicon=mine) == [("on the brink", "on the brink"), ("of the people", "of the people"),
                                   ("the people", "the people")]
    # each start keeps its longest form, whichever word the lookup went by
    assert found("The brink of the People", lexicon=mine) == [("brink", "brink"),
                                                             ("of the People", "of the people")]


def test_user_lexicon_replaces_or_extends(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("# my coding scheme\nterm,category\nmission accomplished,pr\n"
                    "Brutal,my_emotive\n", encoding="utf-8")
    text = "Mission accomplished, he said of the brutal and heroic raid."
    assert found(text, lexicon=str(path)) == [("Mission accomplished", "mission accomplished"),
                                              ("brutal", "brutal")]
    extended = loaded_terms(text, lexicon=path.as_posix(), extend=True)
    assert extended["term"].tolist() == ["mission accomplished", "brutal", "heroic"]
    # the user's category wins for a term in both lists
    assert extended["category"].tolist() == ["pr", "my_emotive", "glorifying"]
    no_category = load_lexicon(pd.DataFrame({"term": ["spin"]}))
    assert no_category["category"].tolist() == ["loaded"]
    with pytest.raises(ValueError, match="'term' column"):
        load_lexicon(pd.DataFrame({"word": ["spin"]}))


def test_spans_follow_the_span_contract():
    text = "Critics slammed the sham vote.\nIt was an unprecedented, shameful crackdown."
    doc = Document(text, "d1")
    matcher = LoadedTermMatcher()
    rows = matcher.spans(doc)
    table = make_spans([{"doc_id": "d1", **r} for r in rows], extra=("term",))
    check_spans(table, {"d1": text})
    assert set(table["signal"]) == {"loaded"}
    assert table["label"].tolist() == ["combative", "emotive", "intensifier", "emotive", "emotive"]
    measures = matcher.measures(doc, rows)
    assert measures["n_loaded"] == 5
    assert measures["loaded_per_1000w"] == pytest.approx(5 / 11 * 1000)
    assert measures["loaded_emotive_per_1000w"] == pytest.approx(3 / 11 * 1000)
    assert measures["loaded_glorifying_per_1000w"] == 0


def test_density_per_article_and_group():
    corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
                           "text": ["A brutal crackdown.", "Talks resumed today.", "None here."]})
    per_article = loaded_density(corpus)
    assert per_article["n_loaded"].tolist() == [2, 0, 0]
    assert per_article.loc[0, "loaded_per_1000w"] == pytest.approx(2 / 3 * 1000)
    per_outlet = loaded_density(corpus, by="outlet").set_index("outlet")
    assert per_outlet.loc["X", "n_words"] == 6
    assert per_outlet.loc["X", "loaded_emotive_per_1000w"] == pytest.approx(2 / 6 * 1000)
    assert per_outlet.loc["Y", "loaded_per_1000w"] == 0


def test_keywords_in_context():
    # line breaks in the context are shown as spaces
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["He hailed\nthe heroic, fraternal duty."]})
    kwic = keywords_in_context(corpus, width=6)
    assert kwic[["left", "keyword", "right"]].values.tolist() == [
        ["roic, ", "fraternal", " duty."], ["d the ", "heroic", ", frat"]]
    assert keywords_in_context(corpus, category="glorifying", term="heroic")["keyword"].tolist() == [
        "heroic"]


# -- the trainable detector, on made-up data ---------------------------------------------

LOADED = ["shameful", "brutal", "disgraceful", "vile", "outrageous", "sham", "pathetic",
          "despicable"]


def made_up_corpus(n=40):
    texts, spans = [], []
    for i in range(n):
        word = LOADED[i % len(LOADED)]
        prefix = f"Report {i}: the council met on Monday and approved the budget. Critics called it a "
        text = prefix + f"{word} deal. The session ended at noon."
        texts.append(text)
        spans.append({"doc_id": str(i), "start": len(prefix), "end": len(prefix) + len(word)})
    return texts, pd.DataFrame(spans)


def test_detector_fits_and_predicts_spans():
    texts, gold = made_up_corpus()
    detector = LoadedTermDetector(min_count=1).fit(texts[:32], gold[gold["doc_id"].astype(int) < 32])
    assert hasattr(detector, "model_") and detector.n_train_docs_ == 32
    held_out = pd.DataFrame({"doc_id": [str(i) for i in range(32, 40)], "text": texts[32:]})
    pred = detector.predict(held_out)
    assert list(pred.columns[:6]) == ["doc_id", "start", "end", "signal", "label", "text"]
    check_spans(pred, held_out)
    gold_out = gold[gold["doc_id"].astype(int) >= 32]
    scores = score_spans(pred.assign(signal="x"), gold_out.assign(signal="x"), by=())
    assert scores["f1"].iloc[0] == 1.0
    # gold spans that take in the article "a" teach the model that "a" is inside,
    # but predicted spans never begin or end with a function word
    with_article = gold.assign(start=gold["start"] - 2)
    assert texts[0][with_article["start"][0]:with_article["end"][0]] == "a shameful"
    trimmed = clone(detector).fit(texts[:32], with_article.iloc[:32]).predict(held_out)
    assert trimmed["text"].isin(LOADED).all() and len(trimmed) == 8
    probabilities = detector.word_probabilities(texts[35])
    assert probabilities.sort_values("probability")["text"].iloc[-1] in LOADED


def test_detector_plugs_into_the_signal_pass_shape():
    texts, gold = made_up_corpus()
    detector = LoadedTermDetector(min_count=1).fit(texts, gold)
    doc = Document(texts[0], "0")
    rows = detector.spans(doc)
    assert rows and all(r["signal"] == "loaded" and r["text"] == texts[0][r["start"]:r["end"]]
                        for r in rows)
    assert detector.measures(doc, rows)["n_loaded"] == len(rows)


def test_detector_sums_the_same_probabilities_as_its_model():
    texts, gold = made_up_corpus()
    detector = LoadedTermDetector(min_count=1).fit(texts, gold)
    text = "Critics said the shameful vote was a sham. The budget passed."
    _, _, feats, _ = detector._document_features(text, detector._matcher(), _evaluative_scores())
    expected = detector.model_.predict_proba(detector.vectorizer_.transform(feats))[:, 1]
    assert np.allclose(detector.word_probabilities(text)["probability"], expected)


def test_detector_follows_sklearn_conventions():
    detector = LoadedTermDetector(C=0.5, threshold=0.3)
    params = detector.get_params()
    assert params["C"] == 0.5 and params["threshold"] == 0.3 and params["lexicon"] is None
    copy = clone(detector.set_params(window=1))
    assert copy.get_params()["window"] == 1
    assert not any(name.endswith("_") for name in vars(copy))
    with pytest.raises(ValueError, match="inside and outside"):
        LoadedTermDetector().fit(["No spans here."], pd.DataFrame(columns=["doc_id", "start", "end"]))


def test_detector_on_ptc_beats_chance_on_held_out_articles(data_dir):
    if not (data_dir / "ptc").is_dir():
        pytest.skip("PTC not found under the gold-data folder")
    from framing.datasets import read_ptc

    articles, gold = read_ptc(data_dir / "ptc", techniques=["Loaded_Language"])
    articles = articles.sort_values("doc_id").head(80)
    gold = gold[gold["doc_id"].isin(articles["doc_id"])]
    train, test = articles.iloc[:60], articles.iloc[60:]
    detector = LoadedTermDetector().fit(train, gold[gold["doc_id"].isin(train["doc_id"])])
    pred = detector.predict(test)
    check_spans(pred, test)
    scores = score_spans(pred.assign(signal="x"),
                         gold[gold["doc_id"].isin(test["doc_id"])].assign(signal="x"), by=())
    assert scores["f1"].iloc[0] > 0.1


def test_boilerplate_is_skipped_unless_asked():
    text = "Critics slam the sham vote.\nAlso Read: Minister slams brutal crackdown"
    assert loaded_terms(text)["text"].tolist() == ["slam", "sham"]
    everything = LoadedTermMatcher(skip_boilerplate=False).spans(Document(text))
    assert [r["text"] for r in everything] == ["slam", "sham", "slams", "brutal", "crackdown"]
