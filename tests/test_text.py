from framing.text import (Document, boilerplate_spans, paragraph_spans, sentence_spans, text_spans,
                          token_spans)


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
