"""Source typing under the codebook's amendment (validation/source_codebook.md):
a mention that gives its person no role takes the role the article
introduces them with; and the rules for posts, titles and clauses added with
it. Every text here is made up for the test.
"""
import pytest

from framing.signals.sources import SourceTyper
from framing.text import Document


@pytest.fixture(scope="module")
def typer():
    return SourceTyper()


def types_of(typer, text, mentions):
    """Type each ``(mention, occurrence)`` of ``text`` among all of them."""
    spans = []
    for mention, occurrence in mentions:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(mention, start + 1)
        spans.append((start, start + len(mention)))
    return [r["source_type"] for r in typer.type_sources(Document(text), spans)]


@pytest.mark.parametrize("text, mentions, expected", [
    # a pronoun after a bare name is typed as the person was introduced
    ("House Speaker Jane Roe opened the session. Roe thanked the staff. She said the vote would pass.",
     [("Roe", 1), ("She", 0)], ["official", "official"]),
    # a bare name, with a courtesy title or none
    ("Sen. Mark Doe spoke first.\n\nLater, Doe said no. Mr. Doe left.", [("Doe", 1), ("Mr. Doe", 0)],
     ["official", "official"]),
    # read forward when the article gives the role only later
    ("Doe said the plan would fail.\n\nDoe, a professor at Yale, has studied it for years.",
     [("Doe", 0)], ["expert"]),
    # an apposition set off before the name: "his top aide, Jane Roe,"
    ("The campaign is far from over, his top aide, Jane Roe, told reporters. Roe said more.",
     [("Roe", 1)], ["political"]),
    # a plural title shared by coordinated names
    ("The bill was written by Sens. Ann Smith and Mark Doe last year. Doe said it would pass.",
     [("Doe", 1)], ["official"]),
    # a person with a campaign is a candidate
    ("Jane Roe's campaign raised money in May. Roe said it was enough.", [("Roe", 1)], ["political"]),
    # a description of one person after their name: "the front-runner"
    ("Jane Roe toured the state on Monday. Asked about taxes, the Republican front-runner said no."
     "\n\nRoe said more later.", [("Roe", 1)], ["political"]),
    # the marks of a private person yield to an office given elsewhere
    ("Jane Roe, 44, runs a bakery. Roe said taxes were high.\n\nMayor Jane Roe later agreed.",
     [("Roe", 1)], ["official"]),
    ("Jane Roe, 44, runs a bakery. Roe said taxes were high.", [("Roe", 1)], ["citizen"]),
    # a name no mention gives a role stays a named person
    ("Jane Roe spoke on Monday. Roe said the plan was fair.", [("Roe", 1)], ["named_person"]),
])
def test_mentions_without_a_role_take_the_introduction(typer, text, mentions, expected):
    assert types_of(typer, text, mentions) == expected


def test_another_person_of_the_same_surname_lends_no_role(typer):
    text = ("Jane Roe arrived early. Her husband, former President Bill Roe, followed.\n\n"
            "Jane Roe said the trip went well. Roe said more.")
    assert types_of(typer, text, [("Jane Roe", 1), ("Roe", 3)]) == ["named_person", "named_person"]


def test_headlines_in_title_case_give_no_role(typer):
    text = "Why Progressive Voters Are Cheering Jane Roe Tonight\n\nJane Roe spoke. Roe said no."
    assert types_of(typer, text, [("Roe", 2)]) == ["named_person"]


def test_a_name_after_a_preposition_is_not_anonymous(typer):
    text = ("Jane Roe spoke. An adviser to Roe, who declined to be named, disagreed.\n\n"
            "Roe said the plan was fair.")
    assert types_of(typer, text, [("Roe", 2)]) == ["named_person"]


@pytest.mark.parametrize("mention, before, after, expected", [
    ("Jane Roe", "", ", president of Acme Widgets, said", "organisation"),
    ("Jane Roe", "", ", senior vice president for sales, said", "organisation"),
    ("Jane Roe", "", ", her counterpart at Acme,", "organisation"),
    ("Jane Roe", "White House Chief of Staff ", " said", "official"),
    ("Jane Roe", "White House hopeful ", " said", "political"),
    ("Jane Roe, who has made a study of rallies,", "", " said", "named_person"),
    ("Jane Roe, whose family moved here in 2009,", "", " said", "citizen"),
    ("Jane Roe, who graduated with a degree in business administration,", "", " said", "named_person"),
    ("Jane Roe of Springfield, Illinois", "", " said", "citizen"),
    ("the prince", "", " said", "official"),
    ("Crown Prince Ali", "", " said", "official"),
    ("Martin Luther King Jr.", "", " said", "named_person"),
    ("his nephew", "", " said", "citizen"),
    ("the officer known only as Bob", "", " said", "anonymous"),
    ("an interview with the magazine", "In ", ", she said", "document"),
    ("Jane Roe", "the group ", " founded", "named_person"),
    ("Jane Roe", "", ", whose husband, an Army colonel, died in 2012,", "citizen"),
    ("Jane Roe, a physician from Ohio and longtime Green Party activist,", "", " said", "political"),
    ("Jane Roe, who is vying to be the next president,", "", " said", "political"),
    ("Jane Roe", "said Acme Unity Fund president ", ".", "organisation"),
    ("Jane Roe", "Democratic strategist ", ", a former White House aide,", "official"),
])
def test_posts_titles_and_clauses(typer, mention, before, after, expected):
    assert typer.type_mention(mention, before, after) == expected


def test_first_person_plural_and_second_person_in_the_articles_voice(typer):
    text = "We checked the figures. You may not have seen the speech. “You are wrong,” Roe said."
    spans = [(0, 2), (24, 27), (text.index("You are"), text.index("You are") + 3)]
    assert [r["source_type"] for r in typer.type_sources(Document(text), spans)] == \
        ["media", "citizen", "unknown"]
