"""The attribution extractor's faster forms give the same results as the
plain ones they stand for (speed work must not change any output)."""
import bisect
import random
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


def _strings(alphabet, n=3000, longest=7, seed=6):
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def test_speech_end_is_the_regex_it_replaces():
    regex = re.compile(r"[,.!?…—–-][”\"’']+$")
    for text in _strings(",.!?…—–-”\"’'\n xA", longest=8):
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert A._speech_end(text, start, end) == bool(regex.search(text, start, end)), \
                    (text, start, end)


def test_inversion_slot_and_plural_end_are_the_regexes_they_replace():
    slot, plural = re.compile(r"(?:^|[,”\"’'])\s*$"), re.compile(r"s\b$")
    for text in _strings(",”\"’' \n\t\xa0sxS.", longest=6):
        assert A._inversion_slot(text) == bool(slot.search(text)), text
        assert A._plural_end(text) == bool(plural.search(text)), text


def test_cue_context_is_the_same_near_quotations_and_sentence_edges():
    # the context reuses its 40-character slices when they hold the whole run of
    # spaces/commas and the sentence's opening; longer runs take the slow path
    ex = A.AttributionExtractor()
    for text in ["“We won,”" + " " * 45 + "said Kim.", "Kim said" + " ," * 30 + " “yes.”",
                 "(" * 50 + "Said Kim", "“No.” Kim said:   “Yes.”", "Kim said it."]:
        doc = A.Document(text)
        quotes = ex.quotations(text, doc.paragraphs)
        for start, end, form in ex.candidates(text):
            sentence = doc.sentences[doc.sentence_of(start)]
            got = ex._context(text, start, end, form, sentence, sorted(e for _, e in quotes),
                              sorted(s for s, _ in quotes))
            assert got == _plain_context(text, start, end, form, sentence, quotes), text


def _plain_context(text, start, end, form, sentence, quotes):
    """The cue context as first written (before the speed work)."""
    ss, se = sentence
    quote_ends, quote_starts = sorted(e for _, e in quotes), sorted(s for s, _ in quotes)
    before = text[max(ss, start - 40):start].split()
    after = text[end:min(se, end + 40)].split()
    that_after = bool(after) and after[0].lower().strip(",") == "that" or \
        len(after) > 1 and after[1] == "that"
    k = start
    while k > ss and text[k - 1] in " ,\xa0":
        k -= 1
    i = bisect.bisect_left(quote_ends, k)
    if i < len(quote_ends) and quote_ends[i] == k:
        quote_before = 2
    else:
        i = bisect.bisect_left(quote_ends, max(ss, start - 60))
        quote_before = int(i < len(quote_ends) and quote_ends[i] < start)
    k = end
    while k < se and text[k] in " ,:\xa0":
        k += 1
    i = bisect.bisect_left(quote_starts, k)
    shape = A._shape
    return (form,
            shape(before[-1]) if before else "<s>", shape(before[-2]) if len(before) > 1 else "<s>",
            shape(after[0]) if after else "</s>", shape(after[1]) if len(after) > 1 else "</s>",
            min(len(before), 6), that_after, quote_before,
            i < len(quote_starts) and quote_starts[i] == k,
            text[end:end + 2].strip()[:1] == ":",
            start == ss or A._sentence_initial(text, ss, start),
            se - end < 3,
            text[se - 1] not in ".!?…\"”’')",
            0)


def test_not_a_person_on_lower_ascii_is_the_case_blind_pattern():
    assert not re.search(r"\\[A-Z]", A._NOT_A_PERSON.pattern)  # lower() keeps every escape
    names = ["Kremlin", "WHITE HOUSE", "the White house aide", "Reporters", "a report", "Polls",
             "Data", "datasets", "Courtney", "network's", "assessment", "Assessments-x"]
    for text in names + _strings("Ostudy ReportW_-'", longest=12, seed=3):
        assert bool(A._NOT_A_PERSON_LOWER.search(text.lower())) == \
            bool(A._NOT_A_PERSON.search(text)), text


def test_case_traps_are_every_letter_ignorecase_equates_with_ascii():
    # the lower-cased clause-end scan is exact only when lower() keeps each
    # character's class (word, space, the pattern's marks) and no character
    # but an ASCII letter matches an ASCII letter case-blind
    ascii_letter, word, space = re.compile("[a-z]", re.I), re.compile(r"\w"), re.compile(r"\s")
    traps = set()
    for code in range(128, 0x110000):
        char = chr(code)
        low = char.lower()
        if ascii_letter.fullmatch(char) or low.isascii() and low.isalpha():
            traps.add(char)
        elif len(low) == 1 and low != char:
            assert bool(word.match(char)) == bool(word.match(low)), hex(code)
            assert bool(space.match(char)) == bool(space.match(low)), hex(code)
            assert low not in "”\"’'—–-,.;", hex(code)
    assert traps == set(A._CASE_TRAPS.pattern.strip("[]"))
    assert not re.search(r"\\[A-Z]", A._CLAUSE_END_SCAN.pattern)  # lower() keeps every escape


def test_clause_end_scan_on_lower_cased_text_finds_the_same_matches():
    words = ["but", "But", "BUT", "which", "While", "who", "Despite", "as", "AND", "the", "A",
             "With", "including", "According", "saying", "SAYING", "warned", "WARNED", "also",
             "Then", "on", "Monday", "FRIDAY", "night", "Morning", "after", "When", "before",
             "whereas", "x", "Lee", ",", ";", ".", "—", "-", "–", "”", "\"", "'", "\n", "é", "Ü"]
    rng = random.Random(4)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", "", ", ", "  "])
                       for _ in range(rng.randint(1, 14)))
        if A._CASE_TRAPS.search(text) or len(text.lower()) != len(text):
            continue
        for start in (0, 1, 5):
            assert [m.span() for m in A._CLAUSE_END_LOWER_SCAN.finditer(text.lower(), start)] == \
                [m.span() for m in A._CLAUSE_END_SCAN.finditer(text, start)], text


def test_an_including_aside_with_nothing_before_it_is_no_source():
    # found by fuzzing the speed work: an empty group before ", including" raised IndexError
    text = ", Including , accused , Including "
    found = A.AttributionExtractor().extract(A.Document(text))
    assert [(a["source_text"], a["cue_text"]) for a in found] == [("", "accused")]


def test_last_nominative_word_is_the_last_nominative_pattern():
    # _source_before takes the pronoun from its word list, not by a regex
    # pass: every run of consecutive words, from the first to the last
    words = ["I", "he", "He", "HE", "she", "She", "SHE", "we", "We", "they", "They", "THEY",
             "hE", "it", "Lee", "the", "he's", "she’d", "they.", "-he", "he-", "_we", "I.",
             "Ib", "xI", "3he", "héhe", "é"]
    gaps = [" ", ", ", " (", "—", ": ", "“", "\n", " ; "]
    rng = random.Random(11)
    for _ in range(1500):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 8)))
        found = list(A._WORD.finditer(text))
        for i in range(len(found)):
            for j in range(i + 1, len(found) + 1):
                part = found[i:j]
                assert A._last_nominative_word(part) == \
                    A._last_nominative(text, part[0].start(), part[-1].end()), (text, i, j)


def test_score_context_sums_the_parts_in_their_order():
    # one dictionary per part: the same parts, added in the same order, so
    # the same float (not merely a close one)
    ex = A.AttributionExtractor()
    texts = ["He said that it rained.", "“No,” Kim told reporters on Monday.",
             "The plan, officials claimed, would fail, and Lee then warned: “Never.”",
             "Said a spokesman: they denied it, reportedly."]
    for text in texts:
        doc = A.Document(text)
        for _, _, context, _ in ex._candidate_contexts(doc, ex.quotations(text, doc.paragraphs)):
            form, prev, prev2, nxt, nxt2 = context[:5]
            lemma, verb_class = ex._entries[form][:2]
            total = 0.0
            for key in (("form", form), ("before", lemma, verb_class, prev, prev2),
                        ("after", lemma, verb_class, nxt, nxt2), ("around", prev, nxt, context[-1]),
                        ("flags", verb_class) + context[5:]):
                total += ex._part(key)
            assert ex._score_context(context) == total
            assert ex._score_context(context) == total  # memoised


def test_candidates_are_the_letter_runs_that_are_forms():
    # candidates() reads the form off its one regex pass: the same as asking
    # every maximal run of ASCII letters (lower-cased) in turn
    ex = A.AttributionExtractor()

    def plain(text):
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = text.translate(A._ASCII_LOWER)
        found, last_end = [], 0
        for m in re.finditer(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])", lowered):
            (start, end), word = m.span(), m.group()
            if start < last_end:
                continue
            if word in ex._multi:
                full = ex._multi[word].match(text, start)
                if full is not None:
                    found.append((start, full.end(), " ".join(full.group().lower().split())))
                    last_end = full.end()
                    continue
            compound = end < len(text) and text[end] in "-’'" and text[end + 1:end + 2].isalpha() \
                or start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()
            if word in ex._single and not compound:
                found.append((start, end, word))
        return found

    pieces = ["said", "Said", "SAYS", "told", "pointed", "out", "according", "to", "well", "-", "’",
              "'", "3", "_", "é", "İ", "K", "x", "than", "expected", " ", "  ", ", ", ".", "\n"]
    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert ex.candidates(text) == plain(text), text
