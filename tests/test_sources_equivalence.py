"""The shortcuts the source typer takes for speed give what the plain regex
gives. Texts are generated or made up for the test."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.signals.sources import _occurrences

#: Letters, word-joining punctuation and separators, so that boundaries vary.
TEXT = st.text(alphabet="RoeéÉ_-’' .\n1", max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, word=st.sampled_from(["Roe", "Ro", "RoeRoe", "É"]))
def test_occurrences_are_the_whole_word_matches_of_the_regex(text, word):
    pattern = r"(?<![\w’'-])" + re.escape(word) + r"(?![\w-])"
    assert _occurrences(text, word) == [m.start() for m in re.finditer(pattern, text)]


def test_occurrences_on_a_sentence():
    text = "Roe said Roe's aide, not Roe-Smith or O'Roe, met Roe."
    assert _occurrences(text, "Roe") == [0, 9, 49]
