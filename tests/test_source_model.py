"""The learned source-type model stacked on the typing rules.

Every text here is made up for the test.
"""
import math
import re

import numpy as np
import pandas as pd
import pytest

from framing.signals.source_model import SourceFeatures, SourceTypeModel, coded_features
from framing.signals.sources import SOURCE_TYPES, SourceReliance, SourceTyper, source_types
from framing.text import Document


@pytest.fixture(scope="module")
def rules():
    return SourceTyper(model=None)


@pytest.fixture(scope="module")
def typer():
    return SourceTyper()


def span_of(text, mention, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


CAMPAIGN = ("Jane Roe spoke to reporters on the trail. Roe leads in the polls, and her rivals "
            "attacked Roe in the debate. Roe said the race was far from over.")


def flat(features):
    return {**{k: v for k, v in features.items() if k != "person"}, **features.get("person", {})}


def test_features_hold_no_capitalised_word(rules):
    doc = Document(CAMPAIGN)
    spans = [span_of(CAMPAIGN, "Roe", 3)]
    f = flat(SourceFeatures(rules).transform(doc, spans, rules.type_sources(doc, spans))[0])
    words = [k.split("=", 1)[1] for k in f if "=" in k]
    assert words and not any(re.search(r"[A-Z]", w) for w in words)


def test_features_read_the_words_around_every_mention_of_the_person(rules):
    doc = Document(CAMPAIGN)
    spans = [span_of(CAMPAIGN, "Roe", 3)]
    f = SourceFeatures(rules).transform(doc, spans, rules.type_sources(doc, spans))[0]
    assert {"pw=trail", "pw=polls", "pw=rivals", "pw=debate"} <= set(f["person"])
    assert f["person"]["n_occ"] > 1 and f["has_name"] == 1.0


def test_the_mentions_of_one_person_share_their_person_features(rules):
    doc = Document(CAMPAIGN)
    spans = [span_of(CAMPAIGN, "Roe", i) for i in range(4)]
    features = SourceFeatures(rules).transform(doc, spans, rules.type_sources(doc, spans))
    assert all(f["person"] is features[0]["person"] for f in features)
    model = SourceTypeModel.read_csv("source_types")
    alone = [model.decision_function([f])[0] for f in features]
    together = model.decision_function(features)
    assert abs(together - alone).max() < 1e-9
    assert (model.decision_function([flat(f) for f in features]) - together).max() < 1e-9


def test_a_pronoun_is_described_by_its_referent(rules):
    text = "Jane Roe won the caucuses for her campaign. She said it was a start."
    doc = Document(text)
    spans = [span_of(text, "Jane Roe"), span_of(text, "She")]
    f = SourceFeatures(rules).transform(doc, spans, rules.type_sources(doc, spans))[1]
    assert f["mention=pron"] == 1.0 and f["pron=person"] == 1.0 and "pw=caucuses" in f["person"]


def test_role_cues_near_every_occurrence_of_the_person_are_counted(rules):
    text = "Marco Roe, the Florida senator, spoke. Later Roe said no."
    doc = Document(text)
    spans = [span_of(text, "Roe", 1)]
    person = SourceFeatures(rules).transform(doc, spans, rules.type_sources(doc, spans))[0]["person"]
    assert person["pk=official"] > 0 and "pw=senator" in person and "pk=expert" not in person


TOY_X = [{"rule=official": 1.0}, {"rule=named_person": 1.0, "pw=nominee": 1.0},
         {"rule=named_person": 1.0}] * 5
TOY_Y = ["official", "political", "named_person"] * 5


def test_fit_predict_and_probabilities():
    model = SourceTypeModel(C=10.0, min_df=1).fit(TOY_X, TOY_Y)
    assert model.predict(TOY_X[:3]) == TOY_Y[:3]
    proba = model.predict_proba(TOY_X[:3])
    assert proba.shape == (3, 3) and abs(proba.sum(axis=1) - 1).max() < 1e-9
    assert model.predict([]) == [] and model.retype([], []) == []


def test_two_classes_score_like_the_regression():
    X, y = [{"a": 1.0}, {"b": 1.0}] * 5, ["citizen", "expert"] * 5
    model = SourceTypeModel(C=10.0, min_df=1).fit(X, y)
    assert model.predict([{"a": 1.0}, {"b": 1.0}]) == ["citizen", "expert"]


def test_fit_reads_nested_features():
    X = [{"rule=named_person": 1.0, "person": {"pw=nominee": 1.0}}, {"rule=named_person": 1.0}] * 5
    model = SourceTypeModel(C=10.0, min_df=1).fit(X, ["political", "named_person"] * 5)
    assert "pw=nominee" in model.vocabulary_ and model.predict(X[:2]) == ["political", "named_person"]


def test_min_df_drops_rare_features():
    model = SourceTypeModel(C=1.0, min_df=2).fit(TOY_X + [{"rare": 1.0}], TOY_Y + ["official"])
    assert "rare" not in model.vocabulary_ and "rule=official" in model.vocabulary_


def test_retype_keeps_the_rules_answer_when_the_model_is_unsure():
    model = SourceTypeModel(C=10.0, min_df=1).fit(TOY_X, TOY_Y)
    unsure = {}  # no evidence: the three types are about equally likely
    assert max(model.predict_proba([unsure])[0]) < 0.5
    assert model.retype([TOY_X[1], unsure], ["named_person", "unknown"], min_confidence=0.5) \
        == ["political", "unknown"]
    assert model.retype([TOY_X[1]], ["named_person"], min_confidence=1.0) == ["named_person"]


def test_weights_round_trip_through_csv(tmp_path):
    model = SourceTypeModel(C=10.0, min_df=1).fit(TOY_X, TOY_Y)
    path = tmp_path / "model.csv"
    model.to_csv(path, header="made-up model\nfor a test")
    assert path.read_text(encoding="utf-8").startswith("# made-up model\n# for a test\nfeature,")
    again = SourceTypeModel.read_csv(path)
    assert again.classes_ == model.classes_ and again.predict(TOY_X) == model.predict(TOY_X)


def test_packaged_model_is_documented_and_never_saw_the_held_out_samples():
    model = SourceTypeModel.read_csv("source_types")
    assert set(model.classes_) <= set(SOURCE_TYPES) and len(model.vocabulary_) > 100
    assert not any(re.search(r"[A-Z]", name) for name in model.vocabulary_)
    from importlib import resources
    header = [line for line in (resources.files("framing") / "models" / "source_types.csv")
              .read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    text = " ".join(header)
    assert "scripts/train_source_model.py" in text and "blind13" in text
    assert not re.search(r"\bblind(?:14|30|31|32|43|44)\b", text)


def test_a_bare_name_takes_the_role_its_context_implies(typer, rules):
    doc = Document(CAMPAIGN)
    spans = [span_of(CAMPAIGN, "Roe", 3)]
    learned, = typer.type_sources(doc, spans)
    assert rules.type_sources(doc, spans)[0]["source_type"] == "named_person"
    assert learned["rule_type"] == "named_person" and learned["source_type"] == "political"


def test_with_no_evidence_the_rules_answer_stands(typer):
    text = "Kim stressed that ties were strong. It rained. They said so."
    typed = typer.type_sources(Document(text), [span_of(text, "Kim"), span_of(text, "They")])
    assert [t["source_type"] for t in typed] == ["named_person", "unknown"]


@pytest.mark.parametrize("text, mention, expected", [
    ("Sen. Jane Doe said the bill would pass.", "Sen. Jane Doe", "official"),
    ("A spokesman for the ministry said talks would resume.", "A spokesman for the ministry", "official"),
    ("Gen. Mark Roe said troops would stay.", "Gen. Mark Roe", "military"),
    ("A senior official, speaking on condition of anonymity, said the deal was off.",
     "A senior official", "anonymous"),
    ("South Korean assessments said the missile failed.", "South Korean assessments", "document"),
    ("Reuters reported that the plant closed.", "Reuters", "media"),
    ("A North Korea expert in Seoul said the visit mattered.", "A North Korea expert in Seoul", "expert"),
    ("One voter in line said she was undecided.", "One voter in line", "citizen"),
])
def test_a_mention_with_its_own_role_keeps_the_rules_answer(typer, text, mention, expected):
    typed, = typer.type_sources(Document(text), [span_of(text, mention)])
    assert typed["source_type"] == typed["rule_type"] == expected


def test_without_a_model_the_source_type_is_the_rules_answer(rules):
    doc = Document(CAMPAIGN)
    spans = [span_of(CAMPAIGN, "Roe", i) for i in range(4)]
    assert all(t["source_type"] == t["rule_type"] for t in rules.type_sources(doc, spans))


def test_tables_carry_the_rules_answer_beside_the_learned_one():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": [CAMPAIGN]})
    start, end = span_of(CAMPAIGN, "Roe", 3)
    spans = pd.DataFrame({"doc_id": ["a"], "start": [start], "end": [end], "signal": ["source"]})
    row = source_types(spans, corpus).iloc[0]
    assert (row["label"], row["source_type"], row["rule_type"]) == ("political", "political", "named_person")
    doc = Document(CAMPAIGN)
    typed = SourceReliance().type_attributions(doc, [{"source_start": start, "source_end": end},
                                                     {"source_start": None, "source_end": None}])
    assert [(a["source_type"], a["rule_type"]) for a in typed] == [("political", "named_person"),
                                                                   ("unknown", "unknown")]


def test_words_in_quotes_count_and_apostrophes_are_one_feature(rules):
    text = "Jane Roe, the 'nominee', spoke. Roe’s campaign and Roe's campaign said it was fine."
    doc = Document(text)
    spans = [span_of(text, "Roe", 2)]
    f = SourceFeatures(rules).transform(doc, spans, rules.type_sources(doc, spans))[0]
    assert "pw=nominee" in f["person"] and "campaign’s" not in "".join(f["person"])


def test_a_name_suffix_is_not_the_surname(rules):
    text = "John Roe Jr. spoke to the nominee. Roe said no. Roe left."
    doc = Document(text)
    spans = [span_of(text, "John Roe Jr.")]
    f = SourceFeatures(rules).transform(doc, spans, rules.type_sources(doc, spans))[0]
    assert f["person"]["n_occ"] == math.log1p(3)  # "Roe" three times, not "Jr" once


def test_bad_model_files_and_settings_get_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="no model weights"):
        SourceTypeModel.read_csv(tmp_path / "missing.csv")
    (tmp_path / "words.csv").write_text("word,type\nsaid,neutral\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not model weights"):
        SourceTypeModel.read_csv(tmp_path / "words.csv")
    odd = SourceTypeModel(C=10.0, min_df=1).fit([{"a": 1.0}, {"b": 1.0}] * 3, ["citizen", "Politcal"] * 3)
    with pytest.raises(ValueError, match="not all source types"):
        SourceTyper(model=odd)
    with pytest.raises(ValueError, match="probability"):
        SourceTyper(min_confidence=1.5)


def test_a_user_model_file_is_read_by_its_path(tmp_path):
    model = SourceTypeModel(C=10.0, min_df=1).fit(TOY_X, TOY_Y)
    model.to_csv(tmp_path / "mine.csv")
    typer = SourceTyper(model=tmp_path / "mine.csv")
    assert typer.model.classes_ == model.classes_


CODED_CORPUS = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "text": [
    "Jane Roe led the polls before the primary. Roe said the race was close.",
    "Mary Poe waited in line at the shop. Poe said prices were high.",
    "Tom Doe toured the state ahead of the caucuses. Doe said voters were angry.",
    "Ann Coe stood in line at the market. Coe said bread cost more."]})


def coded_rows():
    coded = []
    for doc_id, text, label in zip(CODED_CORPUS["doc_id"], CODED_CORPUS["text"],
                                   ["political", "citizen", "political", "citizen"]):
        start = text.rindex(" said") - 3
        coded.append({"doc_id": doc_id, "start": start, "end": start + 3, "label": label})
    return pd.DataFrame(coded)


def test_a_model_fitted_on_a_users_coding_plugs_into_the_typer():
    rows = coded_features(CODED_CORPUS, coded_rows())
    assert list(rows.columns) == ["doc_id", "start", "end", "label", "rule_type", "features", "person"]
    assert len(rows) == 4 and set(rows["rule_type"]) == {"named_person"}
    model = SourceTypeModel(C=10.0, min_df=1).fit(rows["features"], rows["label"])
    text = "Sue Loe campaigned before the primary and led the polls. Loe said she would win."
    start = text.index("Loe said")
    typed, = SourceTyper(model=model).type_sources(Document(text), [(start, start + 3)])
    assert (typed["rule_type"], typed["source_type"]) == ("named_person", "political")


def test_coded_mentions_are_typed_among_the_articles_sources():
    text = CODED_CORPUS["text"][0]
    sources = pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [8]})  # "Jane Roe" only
    rows = coded_features(CODED_CORPUS, coded_rows().iloc[:1], sources=sources)
    assert rows[["start", "end"]].values.tolist() == [[text.rindex(" said") - 3, text.rindex(" said")]]


def test_uncoded_mentions_come_with_a_key_per_person():
    sources = pd.DataFrame({"doc_id": ["a", "a"], "start": [0, 43], "end": [8, 46]})  # "Jane Roe", "Roe"
    rows = coded_features(CODED_CORPUS, coded_rows().iloc[:1], sources=sources, uncoded=True)
    assert rows["start"].tolist() == [0, 43] and rows["label"].isna().tolist() == [True, False]
    assert rows["person"].nunique() == 1


def test_retype_pools_the_mentions_of_one_person():
    model = SourceTypeModel(C=10.0, min_df=1).fit(TOY_X, TOY_Y)
    X = [{"rule=named_person": 1.0, "pw=nominee": 1.0}, {}, {}]
    proba = model.predict_proba(X)
    # the first two are one person: each half its own, half their mean
    pooled = np.vstack([(proba[:2] + proba[:2].mean(axis=0)) / 2, proba[2:]])
    expected = [model.classes_[i] for i in pooled.argmax(axis=1)]
    assert model.retype(X, ["unknown"] * 3, 0.0, people=[7, 7, 3]) == expected
    assert expected[1] != expected[2] == model.retype(X, ["unknown"] * 3, 0.0)[1]


@pytest.mark.parametrize("change, message", [
    ({"label": "Politcal"}, "no source type"),
    ({"doc_id": "zz"}, "not in the corpus"),
    ({"end": 10_000}, "outside article"),
])
def test_bad_coding_gets_a_clear_error(change, message):
    coded = coded_rows().iloc[:1].assign(**change)
    with pytest.raises(ValueError, match=message):
        coded_features(CODED_CORPUS, coded)


def test_retype_keeps_the_rules_answer_for_a_mention_with_a_role_of_its_own():
    model = SourceTypeModel(C=10.0, min_df=1).fit(TOY_X, TOY_Y)
    cued = {"rule=named_person": 1.0, "pw=nominee": 1.0, "mention=expert": 1.0}
    bare = {"rule=named_person": 1.0, "pw=nominee": 1.0, "mention=named_person": 1.0}
    assert model.retype([cued, bare], ["expert", "named_person"]) == ["expert", "political"]


def test_retype_takes_any_hashable_person_keys_and_checks_their_number():
    model = SourceTypeModel(C=10.0, min_df=1).fit(TOY_X, TOY_Y)
    X = [TOY_X[1], {}]
    assert model.retype(X, ["unknown"] * 2, 0.0, people=[("d1", 0), ("d1", 0)]) == \
        model.retype(X, ["unknown"] * 2, 0.0, people=[5, 5])
    with pytest.raises(ValueError, match="1 person keys for 2 mentions"):
        model.retype(X, ["unknown"] * 2, people=[1])
