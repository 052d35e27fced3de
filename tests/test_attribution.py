"""Attribution extraction: each construction on made-up sentences, the seed
article, the span contract, and (when the data is present) PolNeAR dev."""
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.corpus import load_corpus
from framing.datasets import find_data_dir, read_polnear
from framing.evaluate import score_spans
from framing.lexicons import load_lexicon
from framing.signals.attribution import (ATTRIBUTION_COLUMNS, AttributionExtractor,
                                         attribution_spans, attributions)
from framing.text import Document

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "000_f76838407aa520a6.txt"


@pytest.fixture(scope="module")
def ex():
    return AttributionExtractor()


def one(ex, text):
    found = ex.extract(Document(text))
    assert len(found) == 1, [(a["cue_text"], a["content_text"]) for a in found]
    return found[0]


def parts(att):
    return att["source_text"], att["cue_text"], att["content_text"], att["kind"]


# -- direct quotations ------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ('"We will win," Kim said.', ("Kim", "said", '"We will win,"', "direct")),
    ("“We will win,” Kim said.", ("Kim", "said", "“We will win,”", "direct")),
    ("“We will win,” said Kim.", ("Kim", "said", "“We will win,”", "direct")),
    ("''We will win,'' Kim said.", ("Kim", "said", "''We will win,''", "direct")),
    ("‘We will win,’ Kim says.", ("Kim", "says", "‘We will win,’", "direct")),
])
def test_direct_quotes_straight_curly_and_doubled_marks(ex, text, expected):
    assert parts(one(ex, text)) == expected


def test_quote_spanning_sentences(ex):
    att = one(ex, "“We won. They lost. It is over,” Kim told reporters.")
    assert att["content_text"] == "“We won. They lost. It is over,”"
    assert att["cue_text"] == "told" and att["source_text"] == "Kim"


def test_quote_spanning_paragraphs_gives_one_fragment_per_paragraph(ex):
    text = "“The first part.\n\n“The second part,” Kim said."
    att = one(ex, text)
    assert [text[s:e] for s, e in att["content_fragments"]] == ["“The first part.",
                                                                 "“The second part,”"]
    assert att["content_start"] == 0 and att["content_end"] == text.index(" Kim")


def test_quote_interrupted_by_its_cue(ex):
    text = "“We will win,” Kim said, “and they know it.”"
    att = one(ex, text)
    assert [text[s:e] for s, e in att["content_fragments"]] == ["“We will win,”",
                                                                 "“and they know it.”"]


def test_following_quoted_sentence_continues_the_quote(ex):
    text = "“We will win,” Kim said. “They know it.”\n\n“And so do we.”"
    att = one(ex, text)
    assert [text[s:e] for s, e in att["content_fragments"]] == [
        "“We will win,”", "“They know it.”", "“And so do we.”"]


def test_following_quote_continues_an_indirect_attribution(ex):
    att = one(ex, "The talks failed, Lee says. “We tried everything.”")
    assert att["content_text"] == "The talks failed […] “We tried everything.”"
    assert att["kind"] == "mixed"


def test_following_quote_skips_a_participle(ex):
    text = "“It worked,” Lee said, adding more. “We are glad.”"
    said = [a for a in ex.extract(Document(text)) if a["cue_text"] == "said"][0]
    assert said["content_text"].endswith("“We are glad.”")


@pytest.mark.parametrize("text", [
    'Kim said "we will win. Putin agreed.',
    "Kim said “we will win.\n\nPutin agreed” and “then",
    "“”“ Kim said ” it ”.",
    '"',
    "",
])
def test_unbalanced_quotation_marks_never_raise(ex, text):
    doc = Document(text)
    for row in ex.spans(doc):
        assert row["text"] == text[row["start"]:row["end"]]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Kim", "said", "told", "according to", "that", ",", ".", ":",
                                 "\"", "“", "”", "‘", "’", "''", "\n", "\n\n", " ", "he",
                                 "the talks", "failed", "We", "win", "—"]), max_size=40))
def test_any_mix_of_marks_and_cues_gives_valid_spans(ex, pieces):
    text = " ".join(pieces)
    doc = Document(text)
    atts = ex.extract(doc)
    for row in ex.spans(doc, atts):
        assert 0 <= row["start"] < row["end"] <= len(text)
        assert row["text"] == text[row["start"]:row["end"]]
    for att in atts:
        assert (att["source_start"] < 0) == (att["source_text"] == "")


def test_unbalanced_quote_best_effort(ex):
    att = one(ex, 'Kim said "we will win.')
    assert att["source_text"] == "Kim" and att["content_text"] == '"we will win.'


# -- speaker position ------------------------------------------------------
@pytest.mark.parametrize("text, source", [
    ("Kim said the talks failed.", "Kim"),
    ("“The talks failed,” said the Russian president.", "the Russian president"),
    ("Kim, the foreign minister, said the talks failed.", "Kim, the foreign minister"),
    ("Kim, 64, said the talks failed.", "Kim"),
    ("“It failed,” said Lee Min, chair of the party.", "Lee Min, chair of the party"),
    ("Ana Ruiz, a farmer from Lyon, France, said the talks failed.",
     "Ana Ruiz, a farmer from Lyon, France"),
    ("Ana Ruiz, who ran the farm for years, said the talks failed.",
     "Ana Ruiz, who ran the farm for years"),
    ("Ana Ruiz, for her part, said the talks failed.", "Ana Ruiz"),
    ("“It failed,” said Lee Min, who chairs the party.", "Lee Min, who chairs the party"),
])
def test_speaker_before_or_after_the_cue(ex, text, source):
    assert one(ex, text)["source_text"] == source


@pytest.mark.parametrize("text, source", [
    ("The plan failed, said Lee Min.", "Lee Min"),
    ("The plan failed, said Lee Min, a farmer from Lyon.", "Lee Min, a farmer from Lyon"),
    ("The plan failed, said some 10,000 protesters.", "some 10,000 protesters"),
    ("“It failed,” said Mrs. Lee.", "Mrs. Lee"),
])
def test_inverted_speaker_after_unquoted_content(ex, text, source):
    att = one(ex, text)
    assert att["source_text"] == source
    assert att["content_text"] in ("The plan failed", "“It failed,”")


def test_group_with_including_is_one_source(ex):
    att = one(ex, "Several farmers, including Lee Min and Ana Ruiz, criticized the plan.")
    assert att["source_text"] == "Several farmers, including Lee Min and Ana Ruiz"


def test_passive_ask_has_no_named_asker(ex):
    att = one(ex, "Lee was asked about the plan.")
    assert att["source_start"] == -1 and att["content_text"] == "the plan"


def test_scare_quote_is_not_a_direct_quotation(ex):
    att = one(ex, 'Workers struggle, even with a "good" job, she said.')
    assert parts(att) == ("she", "said", 'Workers struggle, even with a "good" job', "mixed")


def test_aside_between_subject_and_verb(ex):
    assert one(ex, "Lee, however, said the plan failed.")["source_text"] == "Lee"
    assert one(ex, "Lee, as she has before, opposed the plan.")["source_text"] == "Lee"
    assert one(ex, "Lee’s office, when contacted, said the plan failed.")["source_text"] == \
        "Lee’s office"
    assert one(ex, "Sen. Lee Min, R-Ohio, said the plan failed.")["source_text"] == \
        "Sen. Lee Min, R-Ohio"
    assert one(ex, "Farm workers, however, said the plan failed.")["source_text"] == "Farm workers"




# -- indirect speech -------------------------------------------------------
def test_coordinated_verb_takes_the_clause_subject(ex):
    att = one(ex, "Lee met the miners on Monday and criticized the new plan.")
    assert (att["source_text"], att["cue_text"]) == ("Lee", "criticized")


def test_participle_after_a_leading_adverbial(ex):
    att = [a for a in ex.extract(Document(
        "Later in the day, she visited the plant, criticizing the new plan.")) if
        a["cue_text"] == "criticizing"][0]
    assert att["source_text"] == "she"


def test_indirect_with_that(ex):
    assert parts(one(ex, "Kim said that the talks failed.")) == (
        "Kim", "said", "that the talks failed", "indirect")


def test_circumstance_before_that_clause(ex):
    att = one(ex, "Lee argued in a letter to the board, written last May, that the plan failed.")
    assert att["content_text"] == "that the plan failed"


def test_indirect_with_trailing_cue(ex):
    assert parts(one(ex, "The talks failed, Kim said.")) == (
        "Kim", "said", "The talks failed", "indirect")


def test_reported_clause_ends_after_a_quotation_not_inside_it(ex):
    att = one(ex, 'Kim said the plan was "a disaster" but Lee was not so sure.')
    assert att["content_text"] == 'the plan was "a disaster"'
    att = one(ex, 'Kim said the plan was "a disaster, which we regret" in the end.')
    assert att["content_text"] == 'the plan was "a disaster, which we regret" in the end'


def test_parenthetical_cue(ex):
    att = one(ex, "The talks, Kim said, had failed.")
    assert att["source_text"] == "Kim"
    assert att["content_text"] == "The talks […] had failed"


def test_mixed_quote(ex):
    att = one(ex, "Kim said the ties had “significantly strengthened” this year.")
    assert att["kind"] == "mixed"
    assert att["content_text"] == "the ties had “significantly strengthened” this year"


# -- according to, told, colon lead-ins, channels ----------------------------
def test_according_to_first_and_last(ex):
    assert parts(one(ex, "According to officials, the plan failed.")) == (
        "officials", "According to", "the plan failed", "according_to")
    assert parts(one(ex, "The plan failed, according to South Korean officials.")) == (
        "South Korean officials", "according to", "The plan failed", "according_to")


def test_according_to_after_a_short_opener(ex):
    att = one(ex, "Over the long term, according to the agency, the deficit will grow.")
    assert (att["source_text"], att["content_text"]) == ("the agency", "the deficit will grow")


@pytest.mark.parametrize("text", ["An article written by Lee Min praised the plan.",
                                  "The plan was first reported by Lee Min."])
def test_reduced_and_adverbial_passives_take_the_agent(ex, text):
    att = [a for a in ex.extract(Document(text)) if a["cue_lemma"] in ("write", "report")][0]
    assert att["source_text"] == "Lee Min"
    assert att["content_text"] in ("An article", "The plan")


def test_told_skips_the_addressee(ex):
    att = one(ex, "Putin told Kim that the soldiers were brave.")
    assert (att["source_text"], att["cue_text"], att["content_text"]) == (
        "Putin", "told", "that the soldiers were brave")
    assert one(ex, "Putin told reporters the talks went well.")["content_text"] == \
        "the talks went well"


@pytest.mark.parametrize("text, content", [
    ('Kim said: "We will win."', '"We will win."'),
    ('Kim said:\n\n"We will win."', '"We will win."'),
    ("Kim added: the talks went well.", "the talks went well"),
    ("Kim wrote in a long post on Friday: “We will win.”", "“We will win.”"),
])
def test_colon_lead_ins(ex, text, content):
    assert one(ex, text)["content_text"] == content


@pytest.mark.parametrize("text, cue", [
    ("The ministry said in a statement that talks failed.", "said in a statement"),
    ("The Kremlin said in a post on social media that the leaders met.",
     "said in a post on social media"),
    ("Kim said on Twitter that talks failed.", "said on Twitter"),
])
def test_channel_phrases_belong_to_the_cue(ex, text, cue):
    att = one(ex, text)
    assert att["cue_text"] == cue and att["content_text"].startswith("that")


# -- reported states, passive, missing source ------------------------------
@pytest.mark.parametrize("text, cue", [
    ("Kim believes the talks failed.", "believes"),
    ("Kim wants a new deal with Seoul.", "wants"),
    ("Many voters fear the talks will fail.", "fear"),
])
def test_reported_states(ex, text, cue):
    att = one(ex, text)
    assert att["cue_text"] == cue and att["verb_class"] == "internal_state"


def test_passive_quoted_as_saying(ex):
    att = one(ex, "Kim was quoted as saying that the talks failed.")
    assert (att["source_text"], att["cue_text"], att["content_text"]) == (
        "Kim", "was quoted as saying", "that the talks failed")


def test_agentless_passive_has_no_source(ex):
    att = one(ex, "It was reported that the talks failed.")
    assert (att["source_start"], att["source_end"], att["source_text"]) == (-1, -1, "")
    rows = ex.spans(Document("It was reported that the talks failed."))
    assert [r["signal"] for r in rows] == ["cue", "content"]


def test_relative_pronoun_source_and_its_aside(ex):
    att = one(ex, "Lee, who later said the talks failed, left early.")
    assert (att["source_text"], att["cue_text"], att["content_text"]) == (
        "who", "later said", "the talks failed")


def test_preposition_after_the_verb_belongs_to_the_cue(ex):
    assert parts(one(ex, "Kim railed against the new plan.")) == (
        "Kim", "railed against", "the new plan", "indirect")


def test_evaluative_object_ends_at_a_comma(ex):
    att = ex.extract(Document("Kim praised the new plan, which Lee drew up."))[0]
    assert parts(att) == ("Kim", "praised", "the new plan", "indirect")


def test_raising_verbs(ex):
    att = one(ex, "Lee sometimes seems tired, at least for now.")
    assert att["source_start"] == -1 and att["content_text"] == "Lee […] tired"
    assert one(ex, "It seems that the talks failed.")["content_text"] == "that the talks failed"


def test_passive_subject_is_the_content(ex):
    att = one(ex, "Sanders was declared the winner in Ohio.")
    assert att["source_start"] == -1 and att["cue_text"] == "was declared"
    assert [f for f in att["content_text"].split(" […] ")] == ["Sanders", "the winner in Ohio"]


@pytest.mark.parametrize("text", ["Lee isn’t expected to attend.", "Lee is not expected to attend."])
def test_negated_passive(ex, text):
    att = one(ex, text)
    assert att["source_start"] == -1 and att["content_text"] == "Lee […] to attend"


def test_passive_with_agent(ex):
    att = one(ex, "The plan was criticized by opposition leaders.")
    assert att["source_text"] == "opposition leaders" and att["content_text"] == "The plan"


# -- pronouns ----------------------------------------------------------------
def test_pronoun_source_kept_and_resolved(ex):
    text = "Putin praised the troops. He said they fought bravely."
    found = ex.extract(Document(text))
    assert [a["source_text"] for a in found] == ["Putin", "He"]
    assert found[1]["resolved_source"] == "Putin"
    assert text[found[1]["source_start"]:found[1]["source_end"]] == "He"


def test_pronoun_skips_institutions(ex):
    text = ("A spokesman for Kim said the talks failed. The Kremlin said in a statement "
            "that they went well. He said nothing else.")
    found = ex.extract(Document(text))
    assert found[-1]["resolved_source"] == "A spokesman for Kim"


def test_pronoun_unresolved_when_unclear(ex):
    att = ex.extract(Document("Kim met Putin. He said the talks failed."))[0]
    assert att["source_text"] == "He" and att["resolved_source"] == ""


# -- verb classes and lexicon ------------------------------------------------
@pytest.mark.parametrize("verb, verb_class", [
    ("said", "neutral"), ("added", "neutral"), ("stressed", "assertive"),
    ("insisted", "assertive"), ("declared", "assertive"), ("praised", "evaluative_positive"),
    ("hailed", "evaluative_positive"), ("thanked", "evaluative_positive"),
    ("slammed", "evaluative_negative"), ("accused", "evaluative_negative"),
    ("blasted", "evaluative_negative"), ("criticised", "evaluative_negative"),
    ("claimed", "epistemic"), ("alleged", "epistemic"), ("suggested", "tentative"),
    ("announced", "institutional"), ("reported", "institutional"), ("stated", "institutional"),
])
def test_verb_classes(verb, verb_class):
    table = load_lexicon("reporting_verbs")
    row = table[table["forms"].str.split("|").apply(lambda forms: verb in forms)]
    assert row["verb_class"].tolist() == [verb_class]


def test_verb_class_on_sentences(ex):
    assert one(ex, "Kim stressed that the talks failed.")["verb_class"] == "assertive"
    assert one(ex, "Kim slammed the deal as a disaster.")["verb_class"] == "evaluative_negative"


def test_lexicon_has_provenance_and_columns():
    from framing.lexicons import read_provenance
    assert "PolNeAR train" in read_provenance("reporting_verbs")
    table = load_lexicon("reporting_verbs")
    assert {"lemma", "forms", "verb_class", "pos", "construction", "train_rates"} <= set(table)
    assert not table["lemma"].duplicated().any()
    for forms, rates in zip(table["forms"], table["train_rates"]):
        assert not rates or len(rates.split("|")) == len(forms.split("|"))


def test_user_lexicon_extends_the_packaged_one():
    table = load_lexicon("reporting_verbs")
    extra = pd.DataFrame([{"lemma": "harrumph", "forms": "harrumph|harrumphed",
                           "verb_class": "evaluative_negative", "pos": "verb",
                           "construction": "verb", "train_rates": ""}])
    custom = AttributionExtractor(lexicon=pd.concat([table, extra], ignore_index=True))
    att = one(custom, "Kim harrumphed that the talks had failed.")
    assert att["cue_lemma"] == "harrumph" and att["verb_class"] == "evaluative_negative"
    assert AttributionExtractor().extract("Kim harrumphed that the talks had failed.") == []


def test_words_inside_quotes_and_names_are_not_cues(ex):
    found = ex.extract(Document("“They said no,” Kim said. Hope Hicks arrived."))
    assert [a["cue_text"] for a in found] == ["said"]
    assert found[0]["cue_start"] == 20


# -- span rows, measures, the table ------------------------------------------
def test_span_rows_follow_the_contract(ex):
    text = "“We will win,” Kim said. Putin praised the troops."
    doc = Document(text, "d1")
    rows = ex.spans(doc)
    assert {r["signal"] for r in rows} == {"source", "cue", "content"}
    for r in rows:
        assert r["text"] == text[r["start"]:r["end"]]
        assert set(r) == {"start", "end", "signal", "label", "text", "attribution_id"}
    labels = {(r["signal"], r["text"]): r["label"] for r in rows}
    assert labels[("cue", "praised")] == "evaluative_positive"
    assert labels[("content", "“We will win,”")] == "direct"
    assert labels[("source", "Kim")] == "name"


def test_measures(ex):
    doc = Document("“Yes,” Kim said. Putin praised the troops. He slammed the West.")
    m = ex.measures(doc)
    assert m["n_attributions"] == 3
    assert m["direct_quote_share"] == pytest.approx(1 / 3)
    assert m["cue_evaluative_positive"] == 1 and m["cue_evaluative_negative"] == 1
    assert m["missing_source_share"] == 0
    assert ex.measures(Document("No one spoke."))["n_attributions"] == 0


def test_attributions_table_accepts_text_list_and_frame():
    table = attributions("Kim said the talks failed.")
    assert list(table.columns) == ["doc_id", *ATTRIBUTION_COLUMNS]
    assert len(attributions(["Kim said it.", "Lee said it."])) == 2
    frame = pd.DataFrame({"doc_id": ["a"], "text": ["According to Lee, it rained."]})
    assert attributions(frame)["kind"].tolist() == ["according_to"]
    empty = attributions("Nothing here.")
    assert empty.empty and list(empty.columns) == ["doc_id", *ATTRIBUTION_COLUMNS]


def test_attribution_spans_table():
    spans = attribution_spans(["Kim said it rained.", "“No,” Lee said."])
    assert spans.columns[:6].tolist() == ["doc_id", "start", "end", "signal", "label", "text"]
    assert "attribution_id" in spans.columns


# -- the seed article ----------------------------------------------------------
def test_seed_article_attributions():
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    corpus = load_corpus(SEED.parent)
    text = corpus.set_index("doc_id").loc[SEED.stem, "text"]
    found = AttributionExtractor().extract(Document(text))
    got = {(a["source_text"], a["cue_text"]): a for a in found}
    expected = {
        ("Putin", "told"): ("neutral", "direct"),
        ("Kim", "stressed"): ("assertive", "mixed"),
        ("the Kremlin", "said in a post on social media"): ("neutral", "indirect"),
        ("South Korean assessments", "According to"): ("neutral", "according_to"),
        ("A North Korea expert in Seoul", "called"): ("neutral", "indirect"),
        ("Putin", "praised"): ("evaluative_positive", "indirect"),
        ("the Russian president", "continued"): ("neutral", "direct"),
        ("Kim", "told"): ("neutral", "direct"),
        ("Putin", "responded"): ("neutral", "direct"),
        ("Putin", "invites"): ("directive", "direct"),
    }
    for key, (verb_class, kind) in expected.items():
        assert key in got, f"missing {key}"
        assert (got[key]["verb_class"], got[key]["kind"]) == (verb_class, kind), key
    assert got[("A North Korea expert in Seoul", "called")]["content_text"] == \
        "the Beijing visit a major propaganda win for Kim"
    assert got[("Putin", "told")]["content_text"].startswith("“Recently, relations")
    he = [a for a in found if a["source_text"] == "He"]
    assert he and he[0]["resolved_source"] == "A North Korea expert in Seoul"


# -- PolNeAR dev -------------------------------------------------------------
def test_polnear_dev_scores():
    root = find_data_dir()
    if root is None or not (Path(root) / "polnear" / "dev").exists():
        pytest.skip("PolNeAR data not found (framing.datasets.find_data_dir)")
    articles, gold = read_polnear(Path(root) / "polnear", compartment="dev")
    ex = AttributionExtractor()
    rows = [{"doc_id": d, **r} for d, t in zip(articles["doc_id"], articles["text"])
            for r in ex.spans(Document(t, d))]
    pred = pd.DataFrame(rows)
    gold = gold[gold["signal"].isin(["source", "cue", "content"])]
    table = score_spans(pred, gold, match="overlap").set_index("signal")
    # A regression floor a little under the measured overlap F1 (cue 0.755,
    # source 0.756, content 0.744); the targets (0.88 / 0.80 / 0.75)
    # are not met (human-human agreement on PolNeAR: 0.77 / 0.82 / 0.81),
    # see the closing note of issue 3.
    assert table.loc["cue", "f1"] >= 0.73
    assert table.loc["source", "f1"] >= 0.73
    assert table.loc["content", "f1"] >= 0.72


def test_cue_features_count_earlier_candidates_in_the_sentence(ex):
    doc = Document("Kim said Lee argued that it failed. Lee agreed.")
    feats = [f for _, _, _, f in ex.scored_candidates(doc)]
    assert [next(k for k in f if k.startswith("nth=")) for f in feats] == ["nth=0", "nth=1", "nth=0"]


def test_cue_scores_summed_from_parts_equal_the_model_score(ex):
    text = ("“We won,” Kim said on Monday. Lee, the minister, told reporters that talks went "
            "well, adding: “Yes.” The plan was announced. Officials believe it will pass.")
    doc = Document(text)
    contexts = [c for _, _, c, _ in ex._candidate_contexts(doc, ex.quotations(text, doc.paragraphs))]
    assert len(contexts) >= 5
    for context in contexts:
        assert ex._score_context(context) == pytest.approx(ex._score(ex._features_of(context)))
