"""The source typer's name scans give what the plain regex gives: name runs
tried only at capitals, and a word's mid-sentence capitalisation checked
without a regex per word. Texts are generated or made up for the test."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.signals.sources import SourceTyper, _capitalised_mid_sentence

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
