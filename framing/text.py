"""The text layer: sentence, token, paragraph and boilerplate spans.

Everything here works offline: the sentence splitter is a compiled rule set
driven by the packaged abbreviation list (``lexicons/abbreviations.csv``), and
nltk's Punkt, given the same abbreviations as parameters instead of a
downloaded model, is available as ``method="punkt"`` for comparison. Tokens
come from nltk's ``RegexpTokenizer``. Nothing is deleted: boilerplate is
marked as spans, so every offset stays an offset into the text as loaded.

News is written one paragraph per line, so a line break always ends a
sentence; within a line a sentence ends at ``.``, ``!``, ``?`` or ``…``
(with any closing quotation marks or brackets) followed by white space and a
capitalised word, a digit or an opening quotation mark, unless the period
belongs to a known abbreviation or an initial.
"""
from __future__ import annotations

import re
import string
from bisect import bisect_right
from functools import cached_property, lru_cache
from itertools import accumulate

import pandas as pd
from .lexicons import load_lexicon

TOKEN_PATTERN = r"(?:[A-Za-z]\.){2,}|\w+(?:[-'’]\w+)*|[^\w\s]"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# Letter and digit runs, captured so that ``split`` keeps them between the
# gaps. "\w+" finds the same runs in text without underscores, and
# "[a-z0-9]+" in lower-cased ASCII text, both faster.
_ALNUM = re.compile(r"([^\W_]+)")
_ALNUM_NO_UNDERSCORE = re.compile(r"(\w+)")
_ALNUM_ASCII_LOWER = re.compile(r"([a-z0-9]+)")
_WORD_JOINERS = ("-", "'", "’")
_LINE = re.compile(r"[^\n]+")
_BLANK_LINE = re.compile(r"\n\s*\n")
# A block of lines up to a blank line, matched a whole line at a time.
_BLOCK = re.compile(r"\S[^\n]*(?:\n(?!\s*\n)[^\n]*)*")
# Scanned over the whole text at once; the look-ahead stays on its line. A
# single character class first ("[.!?…][.!?…]*", not "[.!?…]+") lets the
# regex engine skip to the next candidate character, twice as fast.
_CANDIDATE = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?=[^\S\n]+[\"'“‘«(\[]*[A-Z0-9])")
_ABBREVIATION_CHARS = string.ascii_letters + "."
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]*(\w+)")
# Initials written together ("J.J.", "G.W."): like U.S., they end a sentence
# only before a word that usually starts one.
_DOTTED_INITIALS = re.compile(r"^(?:[a-z]\.)+[a-z]$")
# Capitalised words that, after an abbreviation that can also end a
# sentence ("in the U.S. The ..."), show a new sentence has begun.
_SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I You His Her Its Their Our This That These Those "
    "But And Yet So Or In On At For As If When While After Before Since Although "
    "There Here Some Many Most Other Others Still However Meanwhile Now Then".split()
)


@lru_cache(maxsize=None)
def _abbreviations():
    table = load_lexicon("abbreviations")
    never_end = frozenset(table.loc[table["can_end"] != "yes", "abbreviation"])
    may_end = frozenset(table.loc[table["can_end"] == "yes", "abbreviation"])
    return never_end, may_end


def _is_boundary(text, start, match):
    """Whether the candidate ``match`` ends a sentence (``start`` = line start)."""
    punct = match.group()
    if punct[0] != "." or punct.count(".") > 1:  # an ellipsis "..." ends where it stands
        return True
    # The word before the period: the run of letters and periods ending at
    # it (within 40 characters and the line), from its first letter.
    end = match.start() + 1
    window = text[max(start, end - 40):end]
    run = window[len(window.rstrip(_ABBREVIATION_CHARS)):].lstrip(".")
    if len(run) < 2:
        return True
    word = run[:-1].lower().rstrip(".")
    never_end, may_end = _abbreviations()
    if word in never_end:
        return False
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return False
    if word in may_end or _DOTTED_INITIALS.match(word):
        following = _NEXT_WORD.match(text, match.end())
        return bool(following) and following.group(1) in _SENTENCE_STARTERS
    return True


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past white space at either edge.

    Examples
    --------
    >>> strip_span("  Kim said ", 0, 11)
    (2, 10)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str, method: str = "rules") -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, white space trimmed.

    Parameters
    ----------
    text : str
    method : {"rules", "punkt"}
        ``rules`` (default) is the fast abbreviation-aware splitter described
        in the module docstring; ``punkt`` runs nltk's Punkt on each line with
        the same abbreviation list as its parameters.

    Examples
    --------
    >>> t = 'Sen. Smith arrived in the U.S. on Jan. 3. "We won," he said. Done.'
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Sen. Smith arrived in the U.S. on Jan. 3.', '"We won," he said.', 'Done.']
    """
    spans = []
    if method == "punkt":
        splitter = _punkt()
        for line in _LINE.finditer(text):
            base = line.start()
            for s, e in splitter.span_tokenize(line.group()):
                s, e = strip_span(text, base + s, base + e)
                if e > s:
                    spans.append((s, e))
        return spans
    if method != "rules":
        raise ValueError(f"method must be 'rules' or 'punkt', not {method!r}")
    candidates, k = list(_CANDIDATE.finditer(text)), 0
    for line in _LINE.finditer(text):
        start, line_end = line.span()
        segment_start = start
        while k < len(candidates) and candidates[k].start() < line_end:
            match = candidates[k]
            k += 1
            if _is_boundary(text, start, match):
                s, e = strip_span(text, segment_start, match.end())
                if e > s:
                    spans.append((s, e))
                segment_start = match.end()
        s, e = strip_span(text, segment_start, line_end)
        if e > s:
            spans.append((s, e))
    return spans


# nltk is imported on first use: importing it loads nltk.classify, which
# imports scikit-learn, and the signal pass needs neither.
@lru_cache(maxsize=None)
def _tokenizer():
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(TOKEN_PATTERN)


@lru_cache(maxsize=None)
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    never_end, may_end = _abbreviations()
    params = PunktParameters()
    params.abbrev_types = set(never_end | may_end)
    return PunktSentenceTokenizer(params)


def token_spans(text: str) -> list[tuple[int, int]]:
    """Token spans: words (with inner hyphens/apostrophes), acronyms, punctuation.

    Examples
    --------
    >>> t = "Kim's U.S. trip, well-planned."
    >>> [t[s:e] for s, e in token_spans(t)]
    ["Kim's", 'U.S.', 'trip', ',', 'well-planned', '.']
    """
    return list(_tokenizer().span_tokenize(text))


def lower_words(text: str) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and lower-cased forms of the words of ``text``, a word
    being a run of letters and digits (hyphens, apostrophes and underscores
    separate words).

    Examples
    --------
    >>> lower_words("Kim's anti-US")
    ([0, 4, 6, 11], [3, 5, 10, 13], ['kim', 's', 'anti', 'us'])
    """
    return _word_offsets(*word_split(text))


def word_split(text: str, lower=None) -> tuple[list[str], list[str]]:
    """``text`` cut at its words: ``pieces`` alternate gap, word, gap, ...,
    word, gap (a word being a run of letters and digits, a gap maybe empty),
    each as long as in ``text`` (lower-cased unless that changes a length),
    so an offset is a sum of piece lengths; and the ``words``, lower-cased.
    Offsets are left to the caller: most need only a few.

    Parameters
    ----------
    text : str
    lower : str, optional
        ``text.lower()``, if already made.

    Examples
    --------
    >>> word_split("Kim's anti-US")
    (['', 'kim', "'", 's', ' ', 'anti', '-', 'us', ''], ['kim', 's', 'anti', 'us'])
    """
    lower = text.lower() if lower is None else lower
    same_length = len(lower) == len(text)  # not so for a few letters ("İ" -> "i̇")
    if text.isascii():
        pattern = _ALNUM_ASCII_LOWER
    else:
        pattern = _ALNUM_NO_UNDERSCORE if "_" not in text else _ALNUM
    pieces = pattern.split(lower if same_length else text)
    words = pieces[1::2] if same_length else [w.lower() for w in pieces[1::2]]
    return pieces, words


def _word_offsets(pieces, words):
    offsets = list(accumulate(map(len, pieces)))
    return offsets[0:-1:2], offsets[1::2], words


def _joins(text):
    """Hyphens and apostrophes with a letter or digit on either side."""
    n = 0
    for joiner in _WORD_JOINERS:
        at = text.find(joiner, 1)
        while 0 < at < len(text) - 1:
            n += text[at - 1].isalnum() and text[at + 1].isalnum()
            at = text.find(joiner, at + 1)
    return n


def word_count(text: str) -> int:
    """Number of words (tokens made of word characters).

    Examples
    --------
    >>> word_count("Putin told Kim: “See you soon.”")
    6
    """
    return len(_WORD.findall(text))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line separated blocks when the text has blank
    lines between paragraphs, otherwise one paragraph per non-empty line.

    Examples
    --------
    >>> t = "First line.\\nSecond line."
    >>> [t[s:e] for s, e in paragraph_spans(t)]
    ['First line.', 'Second line.']
    """
    pattern = _BLOCK if _BLANK_LINE.search(text) else _LINE
    spans = []
    for match in pattern.finditer(text):
        s, e = strip_span(text, *match.span())
        if e > s:
            spans.append((s, e))
    return spans


@lru_cache(maxsize=None)
def _boilerplate_rules(lexicon=None):
    """One regex for all line rules (a single scan of the line starts), and the
    inline rules, each with its literal prefix, scanned separately."""
    table = load_lexicon(lexicon or "boilerplate")
    line = table[table["scope"] == "line"]
    combined = "|".join(f"(?P<r{i}>{pattern})" for i, pattern in enumerate(line["pattern"]))
    line_rule = re.compile(r"^[ \t\"'“‘]*(?:" + combined + ")", re.IGNORECASE | re.MULTILINE)
    line_labels = {f"r{i}": label for i, label in enumerate(line["label"])}
    inline = table[table["scope"] == "inline"]
    requires = inline["requires"] if "requires" in inline.columns else [""] * len(inline)
    inline_rules = [(re.compile(p, re.IGNORECASE | re.MULTILINE), label, need)
                    for p, label, need in zip(inline["pattern"], inline["label"], requires)]
    return line_rule, line_labels, inline_rules


def _line_matches(rule, text):
    """``rule.finditer(text)`` for a rule anchored at line starts (``^`` in
    multi-line mode), tried only where a line starts rather than at every
    character; a match running over line starts hides them, as in finditer."""
    start = scanned = 0
    while start >= 0:
        if start >= scanned:
            match = rule.match(text, start)
            if match is not None:
                scanned = match.end()
                yield match
        newline = text.find("\n", start)
        start = newline + 1 if newline >= 0 else -1


def boilerplate_spans(text: str, lexicon=None, lower=None) -> list[tuple[int, int, str]]:
    """Boilerplate spans ``(start, end, label)``: promos, "read more" links,
    share/subscribe prompts and credit lines (see ``lexicons/boilerplate.csv``).

    Parameters
    ----------
    text : str
    lexicon : str, optional
        Path of a CSV with the columns of ``boilerplate.csv`` to use instead.
    lower : str, optional
        ``text.lower()``, if already made.

    Examples
    --------
    >>> t = "Talks began.\\nAlso Read: Kim arrives\\nThey ended. (With agency inputs)"
    >>> [(t[s:e], label) for s, e, label in boilerplate_spans(t)]
    [('Also Read: Kim arrives', 'promo'), ('(With agency inputs)', 'credit')]
    """
    line_rule, line_labels, inline_rules = _boilerplate_rules(lexicon)
    spans = []
    for match in _line_matches(line_rule, text):
        line_end = text.find("\n", match.start())
        s, e = strip_span(text, match.start(), len(text) if line_end < 0 else line_end)
        spans.append((s, e, line_labels[match.lastgroup]))
    covered = [(s, e) for s, e, _ in spans]
    lowered = text.lower() if lower is None else lower
    for rule, label, need in inline_rules:
        if need and need not in lowered:
            continue
        for match in rule.finditer(text):
            s, e = strip_span(text, *match.span())
            if e > s and not any(cs <= s and e <= ce for cs, ce in covered):
                spans.append((s, e, label))
                covered.append((s, e))
    return sorted(spans)


class Document:
    """One article's text with its lower-cased form, words, word count,
    sentences, tokens, paragraphs and boilerplate computed once, on first
    use, and shared by every signal: a signal that needs one of them reads it
    here rather than scanning the text again.

    Parameters
    ----------
    text : str
        The article exactly as loaded.
    doc_id : str, optional

    Examples
    --------
    >>> doc = Document("Kim said it. Putin agreed.", doc_id="d1")
    >>> len(doc.sentences), doc.sentence_of(15), doc.n_words, doc.words[2][:3]
    (2, 1, 5, ['kim', 'said', 'it'])
    """

    def __init__(self, text: str, doc_id=None):
        self.text = text
        self.doc_id = doc_id

    @cached_property
    def lower(self) -> str:
        """The text lower-cased (``str.lower``: a few letters grow longer)."""
        return self.text.lower()

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentence_spans(self.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def tokens(self) -> list[tuple[int, int]]:
        return token_spans(self.text)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        return paragraph_spans(self.text)

    @cached_property
    def boilerplate(self) -> list[tuple[int, int, str]]:
        return boilerplate_spans(self.text, lower=self.lower)

    @cached_property
    def word_split(self) -> tuple[list[str], list[str]]:
        """:func:`word_split` of the text: gap and word pieces, lower-cased words."""
        return word_split(self.text, self.lower)

    @cached_property
    def words(self) -> tuple[list[int], list[int], list[str]]:
        """:func:`lower_words` of the text: starts, ends, lower-cased words."""
        return _word_offsets(*self.word_split)

    @cached_property
    def n_words(self) -> int:
        if "_" in self.text:
            return word_count(self.text)
        # Without underscores a word_count word is a chain of letter/digit
        # runs joined by single hyphens or apostrophes: the runs already
        # split for .word_split, less the joins.
        return len(self.word_split[1]) - _joins(self.text)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing (or last starting before) ``offset``; -1 if none."""
        return bisect_right(self._sentence_starts, offset) - 1

    def spans(self, signals=("sentence", "paragraph", "boilerplate")) -> list[dict]:
        """Span rows (without ``doc_id``) of the text layer: ``sentence``,
        ``paragraph`` and ``boilerplate`` (label = kind of boilerplate)."""
        text, rows = self.text, []
        if "sentence" in signals:
            rows += [{"start": s, "end": e, "signal": "sentence", "label": "", "text": text[s:e]}
                     for s, e in self.sentences]
        if "paragraph" in signals:
            rows += [{"start": s, "end": e, "signal": "paragraph", "label": "", "text": text[s:e]}
                     for s, e in self.paragraphs]
        if "boilerplate" in signals:
            rows += [{"start": s, "end": e, "signal": "boilerplate", "label": label,
                      "text": text[s:e]} for s, e, label in self.boilerplate]
        return rows


def text_spans(corpus) -> pd.DataFrame:
    """Sentence, paragraph and boilerplate spans of every article in a corpus.

    Parameters
    ----------
    corpus : DataFrame
        With ``doc_id`` and ``text`` columns (see :func:`framing.load_corpus`).

    Returns
    -------
    DataFrame
        The span table (``doc_id, start, end, signal, label, text``).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["One. Two."]})
    >>> text_spans(corpus)["signal"].tolist()
    ['sentence', 'sentence', 'paragraph']
    """
    from .spans import make_spans

    rows = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        for row in Document(text, doc_id).spans():
            rows.append({"doc_id": doc_id, **row})
    return make_spans(rows)
