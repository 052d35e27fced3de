"""Source typing by the person (validation/source_codebook.md): under the
codebook's amendment a mention that gives its person no role takes the role
the article introduces them with, with the rules for posts, titles and
clauses added with it; then the clarifications after the ``blind3`` sample
(a person's several roles, roles given in other forms than the first
mention, groups of named people). Every text here is made up for the test.
These test the rules (``SourceTyper(model=None)``); the learned model is
tested in ``test_source_model.py``.
"""
import pytest

from framing.signals.sources import SourceTyper
from framing.text import Document


@pytest.fixture(scope="module")
def typer():
    return SourceTyper(model=None)


def types_of(typer, text, mentions, field="source_type"):
    """Type each ``(mention, occurrence)`` of ``text`` among all of them; the
    ``field`` of each result (``resolved_text``: the referent found)."""
    spans = []
    for mention, occurrence in mentions:
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(mention, start + 1)
        spans.append((start, start + len(mention)))
    return [r[field] for r in typer.type_sources(Document(text), spans)]


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


# -- the clarifications after the blind3 sample --------------------------------

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


# -- the codebook's session-4 decision: the person's roles decide, also for a
# mention that carries a role of its own ---------------------------------------

@pytest.mark.parametrize("text, mentions, expected", [
    ("Sen. Jane Roe voted no in May.\n\nRepublican candidate Jane Roe said taxes were too high.",
     [("Republican candidate Jane Roe", 0)], ["official"]),
    ("Jane Roe, the Republican nominee, spoke on Monday.\n\nAs a senator, Gov. Mark Doe "
     "backed her. Roe said taxes were too high.", [("Jane Roe, the Republican nominee,", 0)],
     ["political"]),
    # a name that only modifies the mention is not the source's person
    ("Gov. Jane Roe signed the budget.\n\nA Roe campaign spokesman said it was fair.",
     [("A Roe campaign spokesman", 0)], ["political"]),
    # a later media role outranks an office found first (a mention that has
    # an office itself is not looked up: the shortcut keeps the typer fast)
    ("Former Sen. Jane Roe spoke on Monday.\n\nRoe, now a CNN commentator, said taxes were "
     "too high. Roe said so.", [("Former Sen. Jane Roe", 0), ("Roe", 2)], ["official", "media"]),
])
def test_person_roles_outrank_the_mentions_own(typer, text, mentions, expected):
    assert types_of(typer, text, mentions) == expected


# -- where an article gives a person a role (found on blind4/blind5 errors) ------

@pytest.mark.parametrize("text, mentions, expected", [
    # a description standing for a person named before takes that person's roles
    ("Sen. Jane Roe spoke in Ohio. The candidate said taxes were too high.",
     [("The candidate", 0)], ["official"]),
    # an epithet with a place or "former" refers to the person just named
    ("Jane Roe spoke in Ohio, and crowds cheered the Utah senator.\n\nRoe said taxes were too high.",
     [("Roe", 1)], ["official"]),
    ("Jane Roe spoke in Ohio, and crowds cheered the former secretary of state.\n\nRoe said no.",
     [("Roe", 1)], ["official"]),
    # a post told after "his" or "her"
    ("Jane Roe spoke in Ohio. Critics cite her use of a private server as secretary of state.\n\n"
     "Roe said no.", [("Roe", 1)], ["official"]),
    # a title with "then-"; a legislator's party and state after the name
    ("Aides met then-Secretary Roe in May.\n\nJane Roe spoke in Ohio. Roe said no.",
     [("Roe", 2)], ["official"]),
    ("Jane Roe (D-Calif.) spoke in Ohio.\n\nRoe said taxes were too high.", [("Roe", 1)], ["official"]),
    # a candidacy: a title before a possessive name, or told by a verb
    ("The mayor rejected Republican presidential candidate Jane Roe's offer.\n\nRoe said no.",
     [("Roe", 1)], ["political"]),
    ("Jane Roe has run a remarkably loud presidential campaign.\n\nRoe said taxes were too high.",
     [("Roe", 1)], ["political"]),
    ("Jane Roe won the lottery.\n\nRoe said taxes were too high.", [("Roe", 1)], ["named_person"]),
    # a first lady holds a public title
    ("First lady Jane Roe said schools need more money.", [("First lady Jane Roe", 0)], ["official"]),
])
def test_roles_the_article_gives(typer, text, mentions, expected):
    assert types_of(typer, text, mentions) == expected


@pytest.mark.parametrize("mention, before, expected", [
    ("The prosecution", "", "official"),
    ("The two camps", "", "political"),
    ("Liberal groups", "", "political"),
    ("advocacy groups", "", "organisation"),
    ("the Holocaust Museum", "", "organisation"),
    ("union officials", "", "organisation"),
    # a count of the people a clause before counted: "four in 10 voters ..., while nine in 10"
    ("nine in 10", "Four out of 10 voters said prices rose, while ", "citizen"),
])
def test_group_nouns(typer, mention, before, expected):
    assert typer.type_mention(mention, before) == expected


@pytest.mark.parametrize("text, mentions, expected", [
    # "he" skips a person the article calls "she" (and "Ms.")
    ("Gov. Mark Doe attacked Jane Roe. Ms. Roe said she would win, and her aides agreed. "
     "Roe, she said, is ready. “She is wrong,” he said.", [("he said", 0)], ["Gov. Mark Doe"]),
    # ... but a pronoun with no gender, or a surname two people share, filters no one
    ("Mr. Mark Doe spoke in Ohio, and he was calm. Mr. Doe said he would win.\n\n"
     "“I will win,” I told them.", [("I told", 0)], ["Mr. Doe"]),
    ("Ms. Jane Roe spoke on Monday. Ms. Roe said she was ready. Sen. Mark Roe said the vote "
     "would pass. He said it was cold.", [("He said", 0)], ["Sen. Mark Roe"]),
    # a preposition opening a sentence is no part of a name; a place is no person
    ("After Mark Doe spoke, the crowd left. He said it was fine.", [("He said", 0)], ["Mark Doe"]),
    ("Jane Roe, a teacher, marched on Monday.\n\nIn Louisville the crowd grew. She said it was loud.",
     [("She said", 0)], ["Jane Roe"]),
])
def test_he_and_she_read_back_to_a_person_who_fits(typer, text, mentions, expected):
    spans = [(m[0].split()[0], m[1]) for m in mentions]
    assert types_of(typer, text, spans, field="resolved_text") == expected


@pytest.mark.parametrize("text, expected", [
    # an epithet in the name's own clause is someone else ("Roe criticized the Texas senator")
    ("Jane Roe criticized the Texas senator on Monday.\n\nRoe said taxes were too high.", "named_person"),
    # a party is no place: "the Democratic senator" may be anyone
    ("Jane Roe spoke in Ohio, and crowds cheered the Democratic senator.\n\nRoe said no.", "named_person"),
    # "her" as an object is no possessive
    ("Jane Roe lost her job. Then Mark Doe hired her as press secretary.\n\nRoe said no.", "named_person"),
    # a post or epithet of another person of the same surname lends no role
    ("Jane Roe arrived early. Her husband, Bill Roe, followed, and critics recalled his years as "
     "governor.\n\nJane Roe said the trip went well.", "named_person"),
    # a campaign, race or bid that is no candidacy
    ("Jane Roe launched an advertising campaign for her bakery.\n\nRoe said it paid.", "named_person"),
    ("Jane Roe won the Boston Marathon race.\n\nRoe said it was hard.", "named_person"),
    ("Jane Roe is running a campaign against smoking.\n\nRoe said it works.", "named_person"),
])
def test_roles_not_given(typer, text, expected):
    last = text.rindex("Roe said")
    typed = typer.type_sources(Document(text), [(last, last + 3)])[0]
    assert typed["source_type"] == expected


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
