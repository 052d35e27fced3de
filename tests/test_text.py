import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import (Document, _boilerplate_rules, _line_matches, boilerplate_spans,
                          lower_words, paragraph_spans, sentence_spans, strip_span, text_spans,
                          token_spans, word_count)

# Made-up text built from the characters and pieces the fast paths treat
# specially: line breaks and other white space, joiners, underscores, a
# letter whose lower case is longer, sentence ends and boilerplate openings.
PIECES = st.sampled_from(list("aZé_0 .!?…\"'’”“(-‐\n\r\t\u2028İ") +
                         ["Mr.", "U.S.", "J.J.", "The ", "Also Read: ", "Share", " \n \n",
                          "(With agency inputs)", "Copyright 2016 AP.", "well-known"])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def sentences(text, method="rules"):
    return [text[s:e] for s, e in sentence_spans(text, method)]


def test_abbreviations_do_not_end_sentences():
    text = ("Mr. Smith met Sen. Jane Doe and Gov. Lee on Jan. 5 in Washington, D.C. at 3 p.m. "
            "with John F. Kennedy Jr. present. They left.")
    assert sentences(text) == [text[:-11], "They left."]


def test_joined_initials_do_not_end_a_sentence():
    text = "Analyst J.J. MacNab said so. Then G.W. Bush spoke."
    assert sentences(text) == ["Analyst J.J. MacNab said so.", "Then G.W. Bush spoke."]


def test_us_ends_a_sentence_before_a_sentence_starter():
    text = "The troops returned to the U.S. The president welcomed them. He spoke in the U.S. Senate."
    assert sentences(text) == ["The troops returned to the U.S.", "The president welcomed them.",
                               "He spoke in the U.S. Senate."]


def test_quotes_stay_with_their_sentence():
    text = '“We are ready,” she said. “Are you?” he asked. ‘Yes!’ Then silence.'
    assert sentences(text) == ['“We are ready,” she said.', '“Are you?” he asked.', '‘Yes!’',
                               'Then silence.']


def test_a_quote_spanning_sentences_splits_inside_it_without_losing_text():
    text = '"First point. Second point," Kim said.'
    assert "".join(sentences(text)).replace(" ", "") == text.replace(" ", "")


def test_line_breaks_end_sentences_and_offsets_index_the_text():
    text = "Headline without stop\r\nFirst line. Second.\n\nThird"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Headline without stop", "First line.", "Second.", "Third"]


def test_punkt_method_runs_offline_with_the_same_abbreviations():
    text = "Sen. Doe spoke. Mr. Lee agreed."
    assert sentences(text, "punkt") == ["Sen. Doe spoke.", "Mr. Lee agreed."]


def test_tokens_and_paragraphs():
    text = "Kim’s well-known U.S. visit.\n\nNew paragraph\nsame paragraph."
    assert [text[s:e] for s, e in token_spans(text)][:4] == ["Kim’s", "well-known", "U.S.", "visit"]
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "Kim’s well-known U.S. visit.", "New paragraph\nsame paragraph."]
    assert len(paragraph_spans("One.\nTwo.")) == 2


def test_boilerplate_kinds():
    text = ("Body text.\nAlso Read: Another story\nREAD MORE: elsewhere\nRead the rest here.\n"
            "Follow us on Twitter\nSubscribe to our newsletter today\n"
            "Jane Doe contributed to this report.\nCopyright 2016 The Associated Press. All rights reserved."
            "\nLast words. (With inputs from agencies)")
    found = [(text[s:e], label) for s, e, label in boilerplate_spans(text)]
    labels = [label for _, label in found]
    assert labels == ["promo", "promo", "read_more", "share", "subscribe", "credit", "copyright", "credit"]
    assert ("(With inputs from agencies)", "credit") in found
    assert ("Body text.", "promo") not in found


def test_boilerplate_ignores_ordinary_sentences():
    text = "The report said related talks would continue. Readers shared the story widely."
    assert boilerplate_spans(text) == []


def test_seed_article(seed_text):
    doc = Document(seed_text)
    assert len(doc.sentences) == 32
    promos = [seed_text[s:e] for s, e, label in doc.boilerplate if label == "promo"]
    assert len(promos) == 4 and all(p.startswith("Also Read:") for p in promos)
    assert [(seed_text[s:e], label) for s, e, label in doc.boilerplate if label == "credit"] == [
        ("(With agency inputs)", "credit")]
    table = text_spans(__import__("pandas").DataFrame({"doc_id": ["seed"], "text": [seed_text]}))
    assert (table.apply(lambda r: seed_text[r.start:r.end] == r.text, axis=1)).all()


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_word_counts_and_lower_words_agree_with_their_definitions(text):
    assert Document(text).n_words == word_count(text)
    starts, ends, words = lower_words(text)
    found = list(re.finditer(r"[^\W_]+", text))
    assert starts == [m.start() for m in found] and ends == [m.end() for m in found]
    assert words == [m.group().lower() for m in found]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_paragraph_blocks_run_to_the_next_blank_line(text):
    if not re.search(r"\n\s*\n", text):
        return
    blocks = [strip_span(text, *m.span()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]
    assert paragraph_spans(text) == [(s, e) for s, e in blocks if e > s]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_line_rules_are_tried_at_every_line_start(text):
    line_rule = _boilerplate_rules()[0]
    spanning = re.compile(r"^[ \t]*(?:share|also)\s*", re.MULTILINE | re.IGNORECASE)
    for rule in (line_rule, spanning):  # the second runs over line breaks
        assert [m.span() for m in _line_matches(rule, text)] == [m.span() for m in rule.finditer(text)]
