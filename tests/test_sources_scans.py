"""The source typer's scans give what the plain regex gives: name runs
tried only at capitals, a word's mid-sentence capitalisation checked without
a regex per word, cues matched only where a word can open one, and a
surname's occurrences found with ``str.find``. Texts are generated or made
up for the test."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.lexicons import load_lexicon
from framing.signals.sources import (SourceTyper, _capitalised_mid_sentence, _longest_first, _occurrences,
                                     _top_level, _whole_words)

#: Capitals, lower case, honorifics, initials and word-joining punctuation.
TEXT = st.text(alphabet="DoeMrJ. ,’'-\nxé_1", max_size=50)
TYPER = SourceTyper()
RUN = SourceTyper._NAME_RUN


def _runs(matches, shift=0):
    return [(m.start() + shift, m.end() + shift, m.group()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(text=TEXT, data=st.data())
def test_name_runs_are_the_regex_runs(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert TYPER._name_runs(text, lo, hi) == _runs(RUN.finditer(text, lo, hi))
    assert TYPER._name_runs(text, lo, hi, cut=True) == _runs(RUN.finditer(text[lo:hi]), lo)
    endpos = data.draw(st.integers(hi, len(text)))
    assert TYPER._name_runs(text, lo, hi, endpos) == [
        r for r in _runs(RUN.finditer(text, lo, endpos)) if r[0] < hi]


@settings(max_examples=300, deadline=None)
@given(text=TEXT, word=st.sampled_from(["Doe", "D", "Do'", "", "é"]))
def test_capitalised_mid_sentence_is_the_regex_search(text, word):
    pattern = r"(?:[a-z,]|\b[A-Z]\.) " + re.escape(word) + r"\b"
    assert _capitalised_mid_sentence(text, word) == bool(re.search(pattern, text))


def test_name_runs_on_a_sentence():
    text = "Yesterday Mr. Jane Doe met McDonald, and x-Ray Smith left."
    assert [r[2] for r in TYPER._name_runs(text, 0, len(text))] == [
        "Yesterday Mr", "Jane Doe", "McDonald", "Smith"]
    assert _capitalised_mid_sentence(text, "Smith")
    assert not _capitalised_mid_sentence(text, "Yesterday")


#: Cue words and their near misses, in varied case, with joiners and odd letters.
WORDS = st.sampled_from(["sources", "Source", "officials", "official", "voters", "50 percent",
                         "two-thirds", "of", "the", "Senate", "Washington", "reporter", "anonymity",
                         "familiar with", "people familiar", "campaign", "Prof.", "Dr. Doe of",
                         "Google", "ﬁrms", "\u212aey", "\u0130nc", "é", "-", "’s", ",", " ",
                         # what the groups' needles are made of, whole and cut
                         "condition of anonymity", "on condition", "anonymity", "by", "By", "BY", "b",
                         "article", "story by", "press secretary", "secretary", "spokesman", "spokes",
                         "chief of staff", "twitter", "tweeted", "Joint Chiefs", "president", "pres",
                         "speaking privately", "not authorized to", "declined to be named"])


#: Each cue group's alternatives as one case-blind regex.
CUE_REGEX = {key: re.compile(_whole_words("|".join(
    f"(?:{a})" for row in load_lexicon("source_types").itertuples(index=False)
    if (row.type, row.scope) == key for a in _top_level(_longest_first(row.pattern)))), re.IGNORECASE)
    for key in TYPER._any_cue}


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, max_size=8))
def test_cue_groups_answer_as_their_regex(words):
    text = " ".join(words)
    for key, group in TYPER._any_cue.items():
        assert group.found(text) == (CUE_REGEX[key].search(text) is not None), key


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(["The", "the", "xthe", "_the", "-the", "Bathe", "former", "senator",
                                       "spokesman", "candidate", "’", "é", ",", "\n"]), max_size=8),
       lo=st.integers(0, 6))
def test_description_scan_is_the_word_boundary_regex(words, lo):
    text = " ".join(words)
    plain = re.compile(TYPER._description.pattern.replace(r"[Tt](?<!\w.)he", r"\b[Tt]he", 1))
    assert plain.pattern != TYPER._description.pattern
    assert [m.span("np") for m in TYPER._description.finditer(text, lo)] == [
        m.span("np") for m in plain.finditer(text, lo)]


#: Letters, word-joining punctuation and separators, so that boundaries vary.
SURNAME_TEXT = st.text(alphabet="RoeéÉ_-’' .\n1", max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=SURNAME_TEXT, word=st.sampled_from(["Roe", "Ro", "RoeRoe", "É"]))
def test_occurrences_are_the_whole_word_matches_of_the_regex(text, word):
    pattern = r"(?<![\w’'-])" + re.escape(word) + r"(?![\w-])"
    assert _occurrences(text, word) == [m.start() for m in re.finditer(pattern, text)]


def test_occurrences_on_a_sentence():
    text = "Roe said Roe's aide, not Roe-Smith or O'Roe, met Roe."
    assert _occurrences(text, "Roe") == [0, 9, 49]


#: What ``_mention_kinds`` gave before the one-pass finder: every mention
#: group asked in turn, behind one search for all of them.
def _kinds_by_groups(text):
    if not TYPER._any_mention_cue.found(text):
        return frozenset()
    return frozenset(kind for kind, group in TYPER._mention_groups if group.found(text))


@settings(max_examples=500, deadline=None)
@given(words=st.lists(WORDS | st.sampled_from(["Gen.", "Sen. Doe", "50 %", "New York Times", "FBI",
                                               "Fox News", "spokesman", "Pentagon", "White House"]),
                      max_size=10),
       joiner=st.sampled_from([" ", "", ", ", "-"]), case=st.sampled_from([str, str.upper, str.title]))
def test_mention_kinds_in_one_pass_are_the_groups_answers(words, joiner, case):
    text = case(joiner.join(words))
    assert TYPER._kinds.kinds(text) == TYPER._kinds.by_groups(text) == _kinds_by_groups(text)
    for kind, group in TYPER._mention_groups:
        assert TYPER._has_cue(kind, "mention", text) == (kind in _kinds_by_groups(text))


def test_mention_kinds_on_made_up_mentions():
    for text in ["a senior administration official", "Jane Doe, a professor at Yale", "Sen. Jane Doe",
                 "two-thirds of voters", "the \u212aremlin", "İstanbul officials", "Fox News host", ""]:
        assert TYPER._kinds.kinds(text) == _kinds_by_groups(text), text
    assert TYPER._mention_kinds("a senior administration official") == {"official"}
    assert "anonymous" in TYPER._mention_kinds("sources familiar with the talks")


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="DoeMrJ. ,’'-\nxé_1AbcdeFGH", max_size=80), at=st.integers(0, 80))
def test_title_case_line_counts_as_the_word_list(text, at):
    at = min(at, len(text))
    lo, hi = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = SourceTyper._LONG_WORD.findall(text, lo, len(text) if hi < 0 else hi)
    expected = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    assert TYPER._title_case_line(text, at) == expected


@settings(max_examples=300, deadline=None)
@given(text=TEXT, data=st.data())
def test_name_runs_memo_serves_shorter_windows(text, data):
    TYPER._name_runs(text, 0, len(text))  # every run matched in the whole text first
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    endpos = data.draw(st.integers(hi, len(text)))
    assert TYPER._name_runs(text, lo, hi, endpos) == [
        r for r in _runs(RUN.finditer(text, lo, endpos)) if r[0] < hi]


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(["His", "his", "her", "Her", "xher", "_his", "-her", "Other", "their",
                                       "years", "work", "as", "such", "a", "senator", "governor", "and", "’",
                                       "é", ",", "\n"]), max_size=10),
       lo=st.integers(0, 6))
def test_pronoun_post_scan_is_the_word_boundary_regex(words, lo):
    text = " ".join(words)
    scan = SourceTyper._PRONOUN_SERVED_AS
    plain = re.compile(scan.pattern.replace(r"[Hh](?<!\w.)(?:is|er)", r"\b(?:[Hh]is|[Hh]er)", 1))
    assert plain.pattern != scan.pattern
    assert [(m.span(), m.groups()) for m in scan.finditer(text, lo)] == [
        (m.span(), m.groups()) for m in plain.finditer(text, lo)]


def test_needles_are_strings_every_match_holds():
    from framing.signals.sources import _needles, _sre_parse
    assert _needles(_sre_parse.parse("ab(?:cd|efg)h+x|y")) == {"ab", "y"}
    assert _needles(_sre_parse.parse("(?:abc|de)fgh")) == {"fgh"}
    assert _needles(_sre_parse.parse("a?b*[cd]")) is None
    assert _needles(_sre_parse.parse("(?:xy)+z|(?:uv){2}")) == {"xy", "uv"}
    for key, group in TYPER._any_cue.items():
        if group.needles is not None:  # every needle is one of the group's literal runs
            assert all(n.isascii() and len(n) >= 2 for n in group.needles.pattern.replace("\\", "").split("|"))


def _premodifier_read_in_full(before):
    """``SourceTyper.premodifier`` as it read every text (no early answer)."""
    cut = before.rfind(" ", 0, max(len(before) - 60, 0)) + 1
    start, reached_cut = TYPER._title_start(before, cut)
    if reached_cut and cut:
        start, _ = TYPER._title_start(before, 0)
    return before[start:].strip()


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(["said", "Sen.", "Republican", "nominee", "the", "Fox", "News", "founder",
                                       "of", "Secretary", "state", "then-Gov.", "“", "”", ",", "(", "'", "’",
                                       "-", "_", "é", "Ü", "\n", "\t", " ", "3", "½", "group"]), max_size=14),
       joiner=st.sampled_from([" ", "", "  "]))
def test_premodifier_early_answer_is_the_full_reading(words, joiner):
    before = joiner.join(words)
    assert TYPER.premodifier(before) == _premodifier_read_in_full(before)
