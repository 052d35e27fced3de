"""Source typing under the codebook's clarifications after the ``blind3``
sample (validation/source_codebook.md): a person's several roles, roles given
in other forms than the first mention, and groups of named people. Every text
here is made up for the test.
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
    # several roles: the first in the codebook's list wins, wherever it is given
    ("Republican candidate Jane Roe toured Ohio. Roe said taxes were too high.\n\n"
     "Gov. Jane Roe signed the budget last year.", [("Roe", 1)], ["official"]),
    # a pronoun stands for the person, not only for the role its antecedent gives
    ("Sen. Jane Roe voted no in May.\n\nPresidential candidate Jane Roe spoke on Monday. "
     "She said taxes were too high.", [("She", 0)], ["official"]),
    # ... but "they" stays with the group it reads back to
    ("Sen. Jane Roe voted no in May.\n\nRoe campaign aides spoke on Monday. "
     "They said taxes were too high.", [("Roe campaign aides", 0), ("They", 0)],
     ["political", "political"]),
    # a formal title before a possessive name, as in a quotation
    ("Jane Roe spoke on Monday. \"We will beat Secretary Roe's record,\" a rival said.\n\n"
     "Roe said she was proud of it.", [("Roe", 2)], ["official"]),
    # a short given name is the same person as the long one
    ("Ken Roe praises the plan.\n\nKenneth Roe, the independent counsel, spoke on Monday.",
     [("Ken Roe", 0)], ["official"]),
    # a candidacy told later in the sentence of a pronoun
    ("Jane Roe spoke in Ohio. She gave paid speeches until she launched her presidential bid.",
     [("Jane Roe", 0), ("she", 0)], ["named_person", "political"]),
    # a description refers back to a person's name, not to a place or outlet
    ("Jane Roe wrote to the Washington Post on Monday, and the Republican nominee said more.\n\n"
     "Roe said it again.", [("Roe", 1)], ["political"]),
    ("Jane Roe toured the Middle East. The former senator said peace was near.\n\n"
     "Roe said it again.", [("Roe", 1)], ["official"]),
    # a post told after a possessive name: "Doe's record as governor"
    ("Jane Roe spoke in Ohio on Monday. An ad attacks Roe's record as a senator.\n\nRoe said it lied.",
     [("Roe", 2)], ["official"]),
    ("Jane Roe spoke in Ohio. An ad praises Roe's time as a banker and as a mayor.\n\nRoe said thanks.",
     [("Roe", 2)], ["official"]),
    # a description opening a sentence refers to the subject of the one before
    ("Jane Roe attacked Mark Doe on Monday over taxes. The former senator said his plan was weak.\n\n"
     "Roe said it again.", [("Roe", 1)], ["official"]),
])
def test_roles_of_a_person(typer, text, mentions, expected):
    assert types_of(typer, text, mentions) == expected


def test_lowercase_role_before_a_possessive_name_is_no_title(typer):
    # "bestselling author Jane Roe's book" credits a book, the author has no codebook role
    text = "An excerpt from bestselling author Jane Roe's new book follows. Roe said it was true."
    assert types_of(typer, text, [("Roe", 1)]) == ["named_person"]


@pytest.mark.parametrize("text, mentions, expected", [
    # coordinated names: each person's type, the first in the list wins
    ("Sen. Jane Roe and candidate Mark Doe met.\n\nRoe and Doe said they agreed.",
     [("Roe and Doe", 0)], ["official"]),
    ("Jane Roe and candidate Mark Doe met.\n\nNeither Roe nor Doe said more.",
     [("Neither Roe nor Doe", 0)], ["political"]),
    # "and" inside one person's title coordinates no people
    ("Popular Christian and corporate speaker Mark Doe spoke.", [("Popular Christian and corporate speaker Mark Doe", 0)],
     ["named_person"]),
])
def test_groups_of_named_people(typer, text, mentions, expected):
    assert types_of(typer, text, mentions) == expected


def test_headline_description_gives_no_role(typer):
    text = "Jane Roe And The General Election Ahead\n\nJane Roe spoke. Roe said no."
    assert types_of(typer, text, [("Roe", 2)]) == ["named_person"]


@pytest.mark.parametrize("mention, before, after, expected", [
    # a candidacy told by the verb of a relative clause
    ("Mr. Doe", "", ", who has campaigned as a populist, said", "political"),
    ("Mr. Doe", "", ", who campaigned for the seat in 2010, said", "political"),
    # local offices and those that run elections
    ("Jane Roe", "Lake County Supervisor of Elections ", " said", "official"),
    ("the county clerk", "", "", "official"),
    ("a town selectman", "", "", "official"),
])
def test_clauses_and_local_offices(typer, mention, before, after, expected):
    assert typer.type_mention(mention, before, after) == expected


@pytest.mark.parametrize("mention, expected", [
    # voters and respondents named by their party are party members
    ("Democratic voters", "political"),
    ("Republicans surveyed", "political"),
    ("likely Republican primary voters", "political"),
    ("Iowa voters", "citizen"),
    # a count or share of people takes the type of its noun
    ("60 percent of the Democratic voters polled", "political"),
    ("dozens of lawmakers", "official"),
    ("thousands of marchers", "citizen"),
    ("9 percent", "citizen"),
    # ... but only a count: a relation's noun is its own
    ("the spouse of a soldier", "citizen"),
])
def test_party_voters_and_counts(typer, mention, expected):
    assert typer.type_mention(mention) == expected


@pytest.mark.parametrize("mention, expected", [
    ("the independent counsel", "official"),
    ("a special prosecutor", "official"),
    ("independents", "political"),
])
def test_appointed_prosecutors_are_officials(typer, mention, expected):
    assert typer.type_mention(mention) == expected


def test_a_surname_that_spells_an_outlet_is_a_person(typer):
    assert typer.type_mention("Jane Reuters") == "named_person"
    assert typer.type_mention("Reuters") == "media"
    assert typer.type_mention("a Reuters reporter") == "media"


@pytest.mark.parametrize("before, expected", [
    # a post in an outlet is the outlet's; in a company, the company's
    ("CNN president ", "media"),
    ("Fox News founder ", "media"),
    ("Acme Widgets founder ", "organisation"),
    # a post held for a person is staff, not a body's
    ("Doe adviser ", "political"),
])
def test_posts_in_named_bodies(typer, before, expected):
    assert typer.type_mention("Jane Roe", before) == expected
