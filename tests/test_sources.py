"""Source reliance: wire credits, media references, source types, measures.

Every text here is made up for the test. Source types are checked against
the codebook's rules (``SourceTyper(model=None)``); the learned model that
re-types mentions with no role of their own is tested in
``test_source_model.py``.
"""
import math
import re

import pandas as pd
import pytest

from framing.datasets import find_data_dir
from framing.lexicons import load_lexicon, read_provenance
from framing.spans import check_spans
from framing.text import Document
from framing.signals.sources import (SOURCE_TYPES, SourceReliance, SourceTyper, WireDetector,
                                     simpson_diversity, source_reliance, source_types,
                                     wire_credits)


@pytest.fixture(scope="module")
def detector():
    return WireDetector()


@pytest.fixture(scope="module")
def typer():
    return SourceTyper(model=None)


@pytest.fixture(scope="module")
def reliance():
    return SourceReliance()


BODY = "The council approved the budget on Tuesday after a long debate.\n\n"


@pytest.mark.parametrize("text, agency, position", [
    ("Budget passes.\n\nWASHINGTON (AP) — " + BODY, "AP", "dateline"),
    ("Budget passes.\n\nLONDON, Sept 3 (Reuters) - " + BODY, "Reuters", "dateline"),
    ("Budget passes.\n\nDec 29 (Reuters) - " + BODY, "Reuters", "dateline"),
    ("Budget passes.\n\nParis (AFP) – " + BODY, "AFP", "dateline"),
    ("Budget passes.\n\nNEW YORK, Nov. 19 (UPI) — " + BODY, "UPI", "dateline"),
    ("Budget passes.\n\nNew Delhi, Sep 3 (PTI) The council met. " + BODY, "PTI", "dateline"),
    ("Budget passes.\n\nSEOUL, Sept 3 (Yonhap) -- " + BODY, "Yonhap", "dateline"),
    ("Budget passes.\n\nMOSCOW, TASS — " + BODY, "TASS", "dateline"),
    ("Budget passes.\nBy AFP\n" + BODY, "AFP", "byline"),
    ("Budget passes.\nBy The Associated Press\n" + BODY, "AP", "byline"),
    ("Budget passes.\nBy Jane Roe, Bloomberg\n" + BODY, "Bloomberg", "byline"),
    (BODY + "(With agency inputs)", "agencies", "tail"),
    (BODY + "(With inputs from agencies)", "agencies", "tail"),
    (BODY + "(With inputs from PTI)", "PTI", "tail"),
    (BODY + "(With Reuters inputs)", "Reuters", "tail"),
    (BODY + "(Reporting by Jane Roe; Editing by John Doe)", "Reuters", "tail"),
    (BODY + "— AFP", "AFP", "tail"),
    (BODY + "Copyright 2016 The Associated Press. All rights reserved.", "AP", "copyright"),
    (BODY + "The Associated Press contributed to this report.", "AP", "contributed"),
    (BODY + "Xinhua contributed to this report.", "Xinhua", "contributed"),
])
def test_credit_forms(detector, text, agency, position):
    credits = detector.credits(text)
    assert [(c["label"], c["credit_position"]) for c in credits] == [(agency, position)]
    for c in credits:
        assert text[c["start"]:c["end"]] == c["text"]


@pytest.mark.parametrize("text", [
    "Reuters reported on Monday that the council approved the budget.",
    "The council approved the budget, according to the Associated Press.",
    "She told AFP the vote was close.",
    "A photo showed the mayor. (AP Photo/Jane Roe)",
    "The AP count shows the mayor ahead.",
    "© AFP The mayor greets supporters at the rally",
    "© AP Photo / Jane Roe",
    "Jane Roe contributed to this report.",
])
def test_mentions_are_not_credits(detector, text):
    assert detector.credits(BODY + text + "\n\n" + BODY) == []


def test_credit_far_from_head_and_tail_is_not_a_dateline(detector):
    text = BODY * 30 + "WASHINGTON (AP) — " + BODY * 30
    assert detector.credits(text) == []


@pytest.mark.parametrize("line, kind, label", [
    ("(h/t Mediaite.)", "hat_tip", "Mediaite"),
    ("h/t: The Hill", "hat_tip", "The Hill"),
    ("H/T Some Blog", "hat_tip", "Some Blog"),
    ("The story was first reported by CNN.", "first_reported", "CNN"),
    ("Politico first reported the memo.", "first_reported", "Politico"),
    ("The clip went viral (via The Daily Beast).", "via", "The Daily Beast"),
    ("Reuters reported on Monday that the talks failed.", "reported", "Reuters"),
    ("The talks failed, according to The New York Times.", "reported", "The New York Times"),
    ("The mayor told the BBC she would stay.", "interview", "BBC"),
])
def test_media_references(reliance, line, kind, label):
    doc = Document(BODY + line)
    refs = [r for r in reliance.spans(doc) if r["signal"] == "media_ref"]
    assert [(r["ref_kind"], r["label"]) for r in refs] == [(kind, label)]


def test_also_read_promo_is_a_media_reference(reliance):
    doc = Document(BODY + "Also Read: Mayor wins second term\n" + BODY)
    refs = [r for r in reliance.spans(doc) if r["signal"] == "media_ref"]
    assert [(r["ref_kind"], r["text"]) for r in refs] == [("promo", "Also Read: Mayor wins second term")]


@pytest.mark.parametrize("mention, before, after, expected", [
    ("sources", "", " said", "anonymous"),
    ("a person familiar with the talks", "", "", "anonymous"),
    ("an official", "", " who spoke on condition of anonymity said", "anonymous"),
    ("aides", "", " who asked not to be named said", "anonymous"),
    ("South Korean assessments", "According to ", "", "document"),
    ("a video published by the Kremlin", "according to ", "", "document"),
    ("the poll", "", " found", "document"),
    ("court documents", "", " show", "document"),
    ("Jane Doe", "Acme Widgets founder ", " said", "organisation"),
    ("a tweet", "", " said", "social_media"),
    ("his Facebook post", "", "", "social_media"),
    ("the Kremlin's Telegram channel", "", "", "social_media"),
    ("Reuters", "", " reported", "media"),
    ("The New York Times", "", "", "media"),
    ("a CNN anchor", "", "", "media"),
    ("the Pentagon", "", " said", "military"),
    ("Gen. Jane Smith", "", "", "military"),
    ("a Navy admiral", "", "", "military"),
    ("the Kremlin", "", " said", "official"),
    ("the White House", "", "", "official"),
    ("the ministry", "", "", "official"),
    ("a spokesman for the ministry", "", "", "official"),
    ("Sen. Jane Doe", "", "", "official"),
    ("the mayor", "", "", "official"),
    ("police", "", "", "official"),
    ("Senate Democrats", "", "", "official"),
    ("Moscow", "", " said", "official"),
    ("the Clinton campaign", "", "", "political"),
    ("the Republican nominee", "", "", "political"),
    ("Democrats", "", "", "political"),
    ("a campaign spokeswoman", "", "", "political"),
    ("a North Korea expert in Seoul", "", "", "expert"),
    ("Professor Jane Doe", "", "", "expert"),
    ("analysts", "", "", "expert"),
    ("Smith", "", ", a professor at Yale, said", "expert"),
    ("a voter in Iowa", "", "", "citizen"),
    ("supporters", "", "", "citizen"),
    # voters named by their party are party members (clarification after blind3)
    ("Democratic voters", "", "", "political"),
    ("Jane Roe, 44, of Springfield,", "", "", "citizen"),
    ("the ACLU", "", "", "organisation"),
    ("the union", "", "", "organisation"),
    ("the American Bar Association", "", "", "organisation"),
    ("John Smith", "", "", "named_person"),
    ("Ms. Doe", "", "", "named_person"),
    ("Bill Clinton", "", "", "named_person"),
    ("Rand Paul", "", "", "named_person"),
    ("some", "", "", "unknown"),
    ("he", "", "", "unknown"),
])
def test_source_types(typer, mention, before, after, expected):
    assert typer.type_mention(mention, before, after) == expected


def test_title_before_the_span_counts(typer):
    assert typer.type_mention("Jane Doe", before="said Republican nominee ") == "political"
    assert typer.type_mention("Jane Doe", before="said ") == "named_person"


def test_pronouns_are_typed_as_their_referent(typer):
    text = ("Sen. Jane Doe opposed the bill. She said it was rushed. "
            "The ministry disagreed. It said the bill was sound. "
            "Voters in the town were split, and they said so. "
            "The plan was backed by Acme Corp, which said it would help.")
    doc = Document(text)
    mentions = ["Sen. Jane Doe", "She", "The ministry", "It", "Voters in the town", "they",
                "which"]
    spans = []
    for m in mentions:
        start = text.index(m, spans[-1][1] if spans else 0)
        spans.append((start, start + len(m)))
    typed = typer.type_sources(doc, spans)
    assert [t["source_type"] for t in typed] == [
        "official", "official", "official", "official", "citizen", "citizen", "organisation"]
    assert typed[1]["resolved_text"] == "Sen. Jane Doe"


def test_a_pronoun_for_a_description_takes_its_role_not_a_place_name_s(typer):
    # "North Korea" in "A North Korea expert" names no person: the country
    # (an official source) is not the expert's role
    text = ("The minister met the envoy. A North Korea expert in Seoul called the visit a win. "
            "He said the talks were a show.")
    doc = Document(text)
    spans = [(text.index("A North"), text.index(" called")), (text.index("He said"), text.index(" said the"))]
    typed = typer.type_sources(doc, spans)
    assert [t["source_type"] for t in typed] == ["expert", "expert"]
    assert typed[1]["resolved_text"] == "A North Korea expert in Seoul"


def test_first_person_outside_quotes_is_the_author(typer):
    text = "The mayor spoke for an hour. I asked her about the budget."
    start = text.index("I asked")
    assert typer.type_sources(Document(text), [(start, start + 1)])[0]["source_type"] == "media"


def test_first_person_inside_quotes_is_the_speaker(typer):
    text = "“I will stay,” said Sen. Jane Doe."
    doc = Document(text)
    typed = typer.type_sources(doc, [(1, 2), (text.index("Sen."), len(text) - 1)])
    assert [t["source_type"] for t in typed] == ["official", "official"]


def test_unresolvable_pronoun_is_unknown(typer):
    assert typer.type_sources(Document("It rained. They said so."), [(11, 15)])[0]["source_type"] == "unknown"


def test_simpson_diversity():
    assert simpson_diversity([]) == 0.0
    assert simpson_diversity([5]) == 0.0
    assert simpson_diversity([1, 1, 1, 1]) == pytest.approx(0.75)


TEXT = "The Kremlin said talks began. Sources said “it was tense.” Then they left.\n(With agency inputs)"


def _span(part):
    start = TEXT.index(part)
    return start, start + len(part)


ATTRIBUTIONS = [
    {"attribution_id": "A1", "source_start": _span("The Kremlin")[0],
     "source_end": _span("The Kremlin")[1], "cue_start": _span("said talks")[0],
     "cue_end": _span("said talks")[0] + 4, "content_start": _span("talks began")[0],
     "content_end": _span("talks began")[1], "kind": "indirect", "resolved_source": ""},
    {"attribution_id": "A2", "source_start": _span("Sources")[0], "source_end": _span("Sources")[1],
     "cue_start": _span("said “")[0], "cue_end": _span("said “")[0] + 4,
     "content_start": _span("“it was tense.”")[0], "content_end": _span("“it was tense.”")[1],
     "kind": "direct", "resolved_source": ""},
]


def test_measures():
    reliance = SourceReliance()
    doc = Document(TEXT)
    atts = [dict(a) for a in ATTRIBUTIONS]
    rows = reliance.spans(doc, atts)
    m = reliance.measures(doc, atts, rows)
    assert m["wire_agency"] == "agencies" and m["credit_position"] == "tail"
    assert m["n_attributions"] == 2 and m["n_sources"] == 2
    assert m["anonymous_share"] == 0.5 and m["official_share"] == 0.5
    assert m["direct_quote_share"] == 0.5
    assert m["sources_official"] == 1 and m["sources_anonymous"] == 1
    assert m["source_diversity"] == pytest.approx(0.5)
    assert 0 < m["attributed_sentence_share"] <= 1
    assert set(f"sources_{t}" for t in SOURCE_TYPES) <= set(m)


def test_measures_without_attributions():
    m = SourceReliance().measures(Document("A quiet day."), [])
    assert m["wire_agency"] == "" and m["n_attributions"] == 0
    assert math.isnan(m["anonymous_share"]) and math.isnan(m["source_diversity"])


def test_label_sources():
    reliance = SourceReliance()
    doc = Document(TEXT)
    atts = [dict(a) for a in ATTRIBUTIONS]
    reliance.spans(doc, atts)
    rows = [{"signal": "source", "label": "name", "attribution_id": "A1"},
            {"signal": "cue", "label": "neutral", "attribution_id": "A1"}]
    assert [r["label"] for r in reliance.label_sources(rows, atts)] == ["official", "neutral"]


def test_dataframe_functions():
    corpus = pd.DataFrame({"doc_id": ["a", "b"],
                           "text": ["Vote held.\n\nWASHINGTON (AP) — The vote was held.", TEXT]})
    credits = wire_credits(corpus)
    check_spans(credits, corpus)
    assert credits[["doc_id", "label", "credit_position"]].values.tolist() == [
        ["a", "AP", "dateline"], ["b", "agencies", "tail"]]
    attributions = pd.DataFrame([{"doc_id": "b", **a} for a in ATTRIBUTIONS])
    typed = source_types(attributions, corpus)
    assert typed["source_type"].tolist() == ["official", "anonymous"]
    doubled = pd.concat([attributions, attributions])   # repeated index labels
    assert source_types(doubled, corpus)["source_type"].tolist() == ["official", "anonymous"] * 2
    spans = pd.DataFrame({"doc_id": ["b", "b"], "start": [0, 0], "end": [11, 3],
                          "signal": ["source", "cue"], "label": ["name", "neutral"]})
    assert source_types(spans, corpus)["label"].tolist() == ["official", "neutral"]
    table = source_reliance(corpus, attributions={"b": [dict(a) for a in ATTRIBUTIONS]})
    assert table["wire_agency"].tolist() == ["AP", "agencies"]
    assert table.loc[1, "n_attributions"] == 2


def test_lexicons_have_provenance():
    for name in ("agencies", "wire_credits", "media_outlets", "media_refs", "source_types",
                 "pronouns", "person_nouns", "non_names"):
        assert len(read_provenance(name)) > 100, name
        assert len(load_lexicon(name)) > 0
    table = load_lexicon("source_types")
    # role rows list posts typed by their body, not a source type of their own
    assert set(table.loc[table["scope"] == "role", "type"]) == {"role"}
    assert set(table.loc[table["scope"] != "role", "type"]) <= set(SOURCE_TYPES)


@pytest.mark.parametrize("mention, after, expected", [
    ("Jane Roe", ", executive director of the Anytown Civic League, said", "organisation"),
    ("Jane Roe", ", director of the FBI, said", "official"),
    ("Jane Roe", ", director of the Anytown Policy Center, said", "expert"),
    ("John Doe", ", president of the United States, said", "official"),
    ("undecided Republican voter Jane Roe", " said", "political"),  # a party's voter
    ("undecided voter Jane Roe", " said", "citizen"),
    ("Daily Planet senior editor Jim Poe", " noted", "media"),
    ("Intelligence Republican Jim Poe (R-Kan.)", " said", "official"),
    ("John Doe", ", director general of the International Widget Agency, said", "official"),
    ("the widow of a soldier", " said", "citizen"),
    ("handwritten ledgers", " show", "document"),
    ("a jury", " found", "official"),
    ("Jane Roe, a doctoral candidate at Anytown University,", " wrote", "expert"),
    ("Jim Poe, a professor at Anytown University and a former chairman of the Council of Advisers,",
     " said", "official"),
    ("every Democrat on the conference committee", " voted", "official"),
])
def test_roles_titles_and_heads(mention, after, expected):
    assert SourceTyper(model=None).type_mention(mention, after=after) == expected


def test_relative_after_name_of_place():
    d = Document("Rivals such as Sen. John Doe of Texas, who spoke first, disagreed.")
    start = d.text.index("who")
    assert SourceTyper(model=None).type_sources(d, [(start, start + 3)])[0]["source_type"] == "official"


def test_replacement_lexicon(tmp_path):
    path = tmp_path / "agencies.csv"
    path.write_text("# a test list\nagency,pattern,country,kind\nNewsCo,NewsCo,XX,wire\n")
    detector = WireDetector(agencies=str(path))
    assert [c["label"] for c in detector.credits("Title.\n\nPARIS (NewsCo) — Text.")] == ["NewsCo"]
    assert detector.credits("Title.\n\nPARIS (AP) — Text.") == []


DATA = find_data_dir()


@pytest.mark.skipif(DATA is None or not (DATA / "polnear").is_dir(),
                    reason="PolNeAR gold data (shared/data/polnear) not present")
def test_wire_detection_on_polnear_dev():
    from framing.datasets import read_polnear
    articles, _ = read_polnear(DATA / "polnear", compartment="dev")
    detector = WireDetector()
    gold = articles["wire"].str.lower()
    known = gold != "na"
    predicted = pd.Series([bool(detector.credits(t)) for t in articles["text"]], index=articles.index)
    truth = gold != "none"
    tp = int((predicted & truth & known).sum())
    fp = int((predicted & ~truth & known).sum())
    fn = int((~predicted & truth & known).sum())
    assert tp + fn > 0
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.9


@pytest.mark.skipif(DATA is None or not (DATA / "polnear").is_dir(),
                    reason="PolNeAR gold data (shared/data/polnear) not present")
def test_source_types_on_polnear_gold_sources_are_valid():
    from framing.datasets import read_polnear
    articles, gold = read_polnear(DATA / "polnear", compartment="dev")
    first = articles.head(5)
    sources = gold[(gold["signal"] == "source") & gold["doc_id"].isin(first["doc_id"])]
    typed = source_types(sources, first)
    assert len(typed) == len(sources)
    assert set(typed["label"]) <= set(SOURCE_TYPES)
    check_spans(typed, first)


def test_they_reads_back_to_a_plural_subject():
    d = Document("If Democrats win the vote, they will change the rules.")
    start = d.text.index("they")
    assert SourceTyper(model=None).type_sources(d, [(start, start + 4)])[0]["source_type"] == "political"


def test_title_with_complement_and_titled_subject():
    typer = SourceTyper(model=None)
    assert typer.premodifier("Former secretary of state ") == "Former secretary of state"
    d = Document("Former secretary of state Jane Roe, a friend of the family, spoke. "
                 "Later she said no.")
    start = d.text.index("she")
    assert typer.type_sources(d, [(start, start + 3)])[0]["source_type"] == "official"


def test_pronoun_reads_back_to_a_described_subject():
    d = Document("Jane Roe spoke first. But the former senator was not done. "
                 "\"We will win,\" she said.")
    start = d.text.index("she")
    assert SourceTyper(model=None).type_sources(d, [(0, 8), (start, start + 3)])[1]["source_type"] == "official"


def test_bare_apposition_needs_a_role():
    typer = SourceTyper(model=None)
    assert typer.apposition(", director of the FBI, said") == "director of the FBI"
    assert typer.apposition(", who spoke for an hour, said") == ""
    assert typer.apposition(", are many for the") == ""


@pytest.mark.parametrize("mention, before, after, expected", [
    ("Some Republicans", "", "", "political"),  # a quantified party is no citizenry
    ("some Canadians", "", "", "citizen"),
    ("The Freedonians", "", "", "named_person"),  # not a listed people
    ("The Iranians", "", "", "official"),  # "the" + a people: its government
    ("Iranians", "", "", "citizen"),
    ("his American counterpart", "", "", "official"),
    ("Acme Rivals, Sens. Jane Doe of Ohio and John Roe of Utah,", "", "", "official"),
    ("the Vatican", "", "", "official"),
    ("Google", "", "", "organisation"),
    ("The more liberal backers of her party", "", "", "citizen"),
    ("hundreds", "", "", "citizen"),
    ("the voters filing into the rallies", "", "", "citizen"),  # not "a filing"
    ("Jane Doe", "", ", research director for Acme Life Sciences,", "expert"),
    ("Jane Doe", "", ", a Democratic pollster,", "political"),
    ("some analysts and activists", "", "", "expert"),
    ("One question", "", "", "document"),
    ("Jane Doe and John Roe", "in a Daily Planet article on Monday by ", "", "media"),
    ("the inspector general", "a report by ", "", "official"),
    ("A House panel", "", "", "official"),  # not a television panel
    ("far fewer publications", "", "", "media"),
    ("the two countries", "", "", "official"),
    ("The city", "", "", "official"),
    ("Twelve percent", "", "", "citizen"),
    ("Not everyone", "", "", "unknown"),
    ("Jane Doe", "", ", a senior adviser to Mr. Roe and past president of the Acme Workers Union,",
     "political"),  # "senior" is no citizen, a post for a person no body
    ("Jane Doe", "", ", an outside adviser to the campaign on budget issues,", "political"),
    ("a high school senior", "", "", "citizen"),
    ("Sen. Jane Doe's campaign", "", "", "political"),
    ("Senate Republicans", "", "", "official"),
    ("Jane Doe", "", ", the campaign’s press secretary,", "political"),
    ("Attorney General Jane Doe", "", "", "official"),  # no general of an army
    ("a general", "", "", "military"),
    ("an arbitration panel", "", "", "official"),
    ("many African-Americans", "", "", "citizen"),
    ("PolitiFact", "", "", "media"),
    ("Former DNC chairman", "", "", "political"),
    ("Oversight Chairman Jane Doe (R-Utah)", "", "", "official"),
    ("the RNC finance chairman", "", "", "political"),
    ("City Attorney Jane Doe", "", "", "official"),
    ("federal investigators", "", "", "official"),
    ("His ex-wife", "", "", "citizen"),
    ("Freedonia and Sylvania", "", "", "named_person"),
    ("Britain and France", "", "", "official"),  # each country for its government
    ("Washington", "", ", star of the show,", "official"),
    ("Washington, star of the show,", "", "", "named_person"),
    ("World leaders", "", "", "official"),
    ("Voting rights advocates", "", "", "citizen"),
    ("The Advocate", "", "", "named_person"),
    ("Jane Doe, of Springfield, Va.,", "", "", "citizen"),  # a private person’s home town
    ("two Democratic speechwriters", "", "", "political"),
    ("Jane Roe's brief", "", "", "document"),
    ("160", "Already 520 superdelegates back Doe, 39 back Roe and ", " have not.", "political"),
    ("160", "", " have not.", "unknown"),
])
def test_generalised_cues(typer, mention, before, after, expected):
    assert typer.type_mention(mention, before, after) == expected


def test_he_reads_back_to_one_person_not_a_party():
    d = Document("Democrats changed the rules. In 1972, Sen. John Roe, D-Utah, won "
                 "voters on the strength of his stand.")
    start = d.text.index("his")
    typed = SourceTyper(model=None).type_sources(d, [(start, start + 3)])[0]
    assert (typed["source_type"], typed["resolved_text"]) == ("official", "Sen. John Roe")


def test_they_is_not_a_text():
    d = Document("His second tweet was short. The choice facing voters is stark: do they "
                 "see it?")
    start = d.text.index("His")
    they = d.text.index("they")
    typed = SourceTyper(model=None).type_sources(d, [(start, start + 17), (they, they + 4)])
    assert [t["source_type"] for t in typed] == ["social_media", "citizen"]


def test_first_person_of_an_interviewee_or_excerpted_author():
    text = ("Q&A with Gov. Jane Roe.\n\nThe governor spoke to us this week.\n\n"
            "Q: Will you run?\n\nA: I think not.")
    start = text.index("I think")
    typed = SourceTyper(model=None).type_sources(Document(text), [(start, start + 1)])[0]
    assert (typed["source_type"], typed["resolved_text"]) == ("official", "Gov. Jane Roe")
    text = "Excerpt: John Roe's new book.\n\nThe trial began. I was calm."
    start = text.index("I was")
    assert SourceTyper(model=None).type_sources(Document(text), [(start, start + 1)])[0]["source_type"] \
        == "named_person"


@pytest.mark.parametrize("text", ["The SOURCES said", "a Person Familiar with it", "İstanbul sources",
                                  "ſources", "\\W and W", "Sen. Doe", ""])
def test_case_blind_cues_match_as_case_insensitive_regexes(text):
    from framing.signals.sources import _CaseBlind

    for pattern in (r"(?<![\w-])(?:sources?|person\s+familiar|\\W)(?![\w-])",
                    r"(?<![\w-])(?:(?-i:Sen\.)|doe)(?![\w-])", r"[A-Z]\w+"):
        blind = _CaseBlind(pattern)
        expected = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
        assert [m.span() for m in blind.finditer(text)] == expected
        assert (blind.search(text) is None) == (not expected)


def test_he_is_never_the_articles_own_i():
    text = "I asked about taxes. Tax rates fell. He has proposed nothing, said Sen. Jane Doe."
    start = text.index("He")
    typed = SourceTyper(model=None).type_sources(Document(text), [(0, 1), (start, start + 2)])
    assert typed[0]["source_type"] == "media" and typed[1]["resolved_text"] != "(the author)"


def test_transcript_speaker_in_capitals_is_the_person_named_elsewhere():
    text = "Jane Roe spoke on Sunday.\n\nROE: We will win.\n\nACLU: No."
    start, other = text.index("ROE"), text.index("ACLU")
    typed = SourceTyper(model=None).type_sources(Document(text), [(start, start + 3), (other, other + 4)])
    assert [t["source_type"] for t in typed] == ["named_person", "organisation"]


def test_a_capitalised_word_opening_a_line_is_no_name_unless_used_as_one():
    text = ("Sen. Jane Roe spoke at length.\n\nPerhaps the vote will fail, she said. "
            "Ms. Roe and Kim left.\n\nKim waved. Then he said no.")
    she = text.index("she said")
    typed = SourceTyper(model=None).type_sources(Document(text), [(she, she + 3)])[0]
    assert typed["resolved_text"] == "Sen. Jane Roe"
    later = text.index("he said no")
    assert SourceTyper(model=None).type_sources(Document(text), [(later, later + 2)])[0]["resolved_text"] == "Kim"


def test_he_reads_back_to_a_subject_after_an_opening_clause():
    text = ("A reporter asked Sen. Jane Roe about it. Pressed on the database, Kim deflected. "
            "\u201cYou tell me,\u201d he said.")
    roe, he = text.index("A reporter"), text.index("he said")
    typed = SourceTyper(model=None).type_sources(Document(text), [(roe, roe + 10), (he, he + 2)])
    assert typed[1]["resolved_text"] == "Kim"
