"""The attribution extractor's faster forms give the same results as the
plain ones they stand for (speed work must not change any output)."""
import re

import pytest

from framing.signals import attribution as A

try:
    from re import _parser as sre_parse  # Python >= 3.11
except ImportError:  # pragma: no cover
    import sre_parse


def _starts_at_space_or_comma(items):
    """Whether every match of the parsed pattern ``items`` starts with white
    space or a comma (conservative: ``False`` for anything not understood)."""
    for op, av in items:
        op = str(op)
        if op in ("ASSERT", "ASSERT_NOT") and av[0] == -1:
            continue  # a look-behind consumes nothing
        if op == "LITERAL":
            return av == ord(",")
        if op == "IN":
            return all(str(kind) == "LITERAL" and value == ord(",") or
                       str(kind) == "CATEGORY" and str(value) == "CATEGORY_SPACE"
                       for kind, value in av)
        if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            return av[0] >= 1 and _starts_at_space_or_comma(av[2])
        if op == "BRANCH":
            return all(_starts_at_space_or_comma(alt) for alt in av[1])
        if op == "SUBPATTERN":
            return _starts_at_space_or_comma(av[-1])
        return False
    return False


def test_clause_end_scan_needs_every_alternative_to_start_at_space_or_comma():
    # _CLAUSE_END_SCAN puts a look-ahead for [\s,] before _CLAUSE_END: the
    # same matches only while no alternative can start elsewhere
    parsed = sre_parse.parse(A._CLAUSE_END.pattern, A._CLAUSE_END.flags)
    assert _starts_at_space_or_comma(list(parsed))
    assert not _starts_at_space_or_comma(list(sre_parse.parse(r",\s+x|\bbut\b")))


@pytest.mark.parametrize("text", [
    "The plan, which failed, was said to work while they slept, but not on Monday night.",
    "He said, “no,” which was odd — and then walked away, despite the rain after dinner.",
    "Kim, however, argued that the talks, including the visit on Friday, went well.",
])
def test_clause_end_scan_finds_the_same_matches(text):
    for start in range(0, len(text), 5):
        assert [m.span() for m in A._CLAUSE_END_SCAN.finditer(text, start)] == \
            [m.span() for m in A._CLAUSE_END.finditer(text, start)]


def test_sentence_gap_matches_only_after_three_letters_or_digits():
    text = "It ended in the 1990s. She left. A.B. Smith came. Go! Now"
    gaps = [text[m.start():m.end() + 1] for m in A._SENTENCE_GAP.finditer(text)]
    assert gaps == [". S", ". A", ". G"]
    assert [m.span() for m in A._SENTENCE_GAP.finditer(text)] == \
        [m.span() for m in re.finditer(r"(?<=[a-z0-9]{3})[.!?]\s+(?=[A-Z])", text)]


@pytest.mark.parametrize("text, found", [
    ("Said Kim: they said so, unsaid.", [(0, 4, "said"), (15, 19, "said")]),
    ("said it", [(0, 4, "said")]),
    ("He pointed out that 3said and said3 and -said.",
     [(3, 14, "pointed out"), (21, 25, "said"), (30, 34, "said"), (41, 45, "said")]),
    ("well-known claims", [(11, 17, "claims")]),
])
def test_candidates_at_text_start_and_word_edges(text, found):
    # a form starts after any character but an ASCII letter, or at the start
    assert A.AttributionExtractor().candidates(text) == found


def test_quote_mark_matches_as_the_plain_alternation():
    text = "a''b``c'd`e\"f“g”h«i»j‘k’l''' ``` ' `"
    plain = re.compile(r"''|``|[\"“”«»‘]")
    assert [m.group() for m in A._QUOTE_MARK.finditer(text)] == \
        ["''", "``", '"', "“", "”", "«", "»", "‘", "''", "``"]
    for start in range(len(text)):
        assert [m.span() for m in A._QUOTE_MARK.finditer(text, start)] == \
            [m.span() for m in plain.finditer(text, start)]
        assert bool(A._QUOTE_MARK.match(text, start)) == bool(plain.match(text, start))
