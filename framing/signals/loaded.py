"""Loaded terms: evaluative, emotive and framing vocabulary, by lexicon or learned.

Two detectors share one span shape (``signal="loaded"``, ``label`` = category):

:class:`LoadedTermMatcher`
    matches a curated lexicon (``lexicons/loaded_terms.csv``: term, category,
    pos) that users extend or replace. Every term is compiled once into a
    table of word sequences, with its inflections generated from its ``pos``
    (nouns +s/es; verbs +s/ed/ing with e-dropping, y->i and doubled final
    consonants; adjectives also as -ly adverbs). Matching is on lower-cased
    words, with curly apostrophes read as straight ones, and a space in a
    term matching a space or a hyphen in the text (and the reverse), so
    "record-breaking" = "record breaking". A match that starts or ends inside
    a hyphenated word grows to the whole word ("anti-regime"). Overlapping
    matches are resolved by **longest match**: the longest candidate wins,
    then the earliest; a shorter term inside it is dropped ("propaganda win"
    over "propaganda").

:class:`LoadedTermDetector`
    a scikit-learn estimator trained on span-annotated articles (e.g. the
    PTC's ``Loaded_Language`` spans): every word gets cheap features (the
    word, its affixes and shape, the lexicon category it falls in, graded
    valence and subjectivity from ``lexicons/evaluative.csv``, the
    neighbouring words and their scores) and a logistic regression scores
    how likely it is to lie inside a loaded span; runs of likely words,
    seeded by at least one very likely word, become predicted spans.

Public functions: :func:`loaded_terms` (spans), :func:`loaded_density`
(per-article or per-group density per 1,000 words by category),
:func:`keywords_in_context` (a KWIC table), :func:`load_lexicon`.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import compress, count

import pandas as pd

from .. import lexicons
from ..corpus import as_corpus
from ..text import Document

SIGNAL = "loaded"
DEFAULT_LEXICON = "loaded_terms"
SPAN_OUTPUT = ["doc_id", "start", "end", "text", "term", "category"]

# Words are runs of letters and digits: hyphens and apostrophes separate them,
# so "charm-offensive" and "charm offensive" give the same word sequence and
# "regime's" holds the word "regime".
_WORD = re.compile(r"[^\W_]+")
# What may stand between two words of one term: spaces/tabs, one hyphen or dash,
# or an apostrophe (straight or curly) inside a word such as "o'clock". (No
# letters: a gap matches alike lower-cased or not.)
_JOIN = re.compile(r"[ \t]+|[ \t]*[-‐‑–][ \t]*|['’]")
_HYPHENS = "-‐‑"
# Crude suffix stripping so that inflections share one feature.
_BREAK = re.compile(r"[.!?;:]\s|\n")
_QUOTE = re.compile(r'["“”\n]')
_STEM = re.compile(r"(?:ly|ed|ing|es|s|ness|ment)$")
_VOWELS = set("aeiou")


def _double_final(word: str) -> bool:
    """Whether a verb doubles its final consonant (slam -> slammed): one
    syllable ending consonant-vowel-consonant."""
    if len(word) < 3 or word[-1] in _VOWELS or word[-1] in "wxy":
        return False
    vowel_groups = re.findall(r"[aeiou]+", word)
    return len(vowel_groups) == 1 and len(vowel_groups[0]) == 1 and word[-2] in _VOWELS


def _noun_forms(word: str) -> list[str]:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word, word + "es"]
    if len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        return [word, word[:-1] + "ies"]
    return [word, word + "s"]


def _verb_forms(word: str) -> list[str]:
    forms = _noun_forms(word)
    if word.endswith("e"):
        stem = word[:-1]
        return [*forms, stem + "ed", stem + "ing"]
    if len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        return [*forms, word[:-1] + "ied", word + "ing"]
    if word.endswith("ic"):
        return [*forms, word + "ked", word + "king"]
    if _double_final(word):
        return [*forms, word + word[-1] + "ed", word + word[-1] + "ing"]
    if word.endswith("l"):  # both spellings: spiraled / spiralled
        return [*forms, word + "ed", word + "ing", word + "led", word + "ling"]
    return [*forms, word + "ed", word + "ing"]


def _adverb(word: str) -> str:
    if word.endswith("ic"):
        return word + "ally"
    if word.endswith("le") and not word.endswith("ile"):
        return word[:-1] + "y"
    if len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "ily"
    if word.endswith("ll"):
        return word + "y"
    return word + "ly"


def term_forms(term: str, pos: str = "") -> list[tuple[str, ...]]:
    """Word sequences a lexicon term matches, the term itself first.

    Parameters
    ----------
    term : str
        Lemma or phrase; hyphens and spaces both separate words.
    pos : {"n", "v", "a", "x", ""}
        Inflection class (see the module docstring); ``""`` gives noun and
        verb forms.

    Examples
    --------
    >>> [" ".join(f) for f in term_forms("charm offensive", "n")]
    ['charm offensive', 'charm offensives']
    >>> [" ".join(f) for f in term_forms("slam", "v")]
    ['slam', 'slams', 'slammed', 'slamming']
    >>> [" ".join(f) for f in term_forms("heroic", "a")]
    ['heroic', 'heroically']
    """
    words = tuple(w.lower() for w in _WORD.findall(term))
    if not words:
        return []
    pos = (pos or "").strip().lower()[:1]
    forms = [words]
    if pos in ("n", ""):
        forms += [(*words[:-1], f) for f in _noun_forms(words[-1])]
    if pos in ("v", ""):
        forms += [(f, *words[1:]) for f in _verb_forms(words[0])]
    if pos == "a" and len(words) == 1:
        forms.append((_adverb(words[0]),))
    unique = []
    for form in forms:
        if form not in unique:
            unique.append(form)
    return unique


def load_lexicon(lexicon=None, extend: bool = False) -> pd.DataFrame:
    """The loaded-term lexicon to use: the default, a user's, or both.

    Parameters
    ----------
    lexicon : None, str, path or DataFrame
        ``None`` for the packaged ``loaded_terms.csv``; otherwise a CSV path
        (``#`` lines are comments), a packaged lexicon name, or a DataFrame,
        with a ``term`` column and optionally ``category`` (default
        ``"loaded"``), ``pos`` and ``notes``.
    extend : bool
        With a user lexicon: ``True`` adds it to the default list (the user's
        rows take precedence for terms in both), ``False`` (default) uses it
        instead of the default.

    Returns
    -------
    DataFrame
        ``term, category, pos, notes`` (and any other columns), one row per
        distinct term (the first listing wins).

    Examples
    --------
    >>> mine = pd.DataFrame({"term": ["mission accomplished"], "category": ["pr"]})
    >>> len(load_lexicon(mine)), len(load_lexicon(mine, extend=True)) > 800
    (1, True)
    """
    table = lexicons.load_lexicon(DEFAULT_LEXICON if lexicon is None else lexicon)
    if "term" not in table.columns:
        raise ValueError(f"a loaded-term lexicon needs a 'term' column; it has {list(table.columns)}")
    table = table.astype({"term": str})
    for column, default in (("category", "loaded"), ("pos", ""), ("notes", "")):
        if column not in table.columns:
            table[column] = default
        table[column] = table[column].fillna(default).astype(str)
    table.loc[table["category"].str.strip() == "", "category"] = "loaded"
    if lexicon is not None and extend:
        table = pd.concat([table, load_lexicon(None)], ignore_index=True)
    table["term"] = table["term"].str.strip().str.lower()
    table = table[table["term"] != ""]
    return table.drop_duplicates("term").reset_index(drop=True)


class LoadedTermMatcher:
    """Match a loaded-term lexicon in documents; the lexicon is compiled once.

    Parameters
    ----------
    lexicon : None, str, path or DataFrame
        See :func:`load_lexicon`.
    extend : bool
        Add a user lexicon to the default instead of replacing it.
    skip_boilerplate : bool
        Leave out matches inside boilerplate (``Document.boilerplate``: "Also
        Read" promos, credit lines): they are not the article's own words.

    Attributes
    ----------
    lexicon : DataFrame
        The terms in use.
    categories : list of str
        Categories in lexicon order (the density columns).

    Examples
    --------
    >>> m = LoadedTermMatcher()
    >>> doc = Document("A major propaganda win for Kim, who fought heroically.")
    >>> [(r["text"], r["label"]) for r in m.spans(doc)]
    [('propaganda win', 'propaganda_pr'), ('heroically', 'glorifying')]
    """

    def __init__(self, lexicon=None, extend: bool = False, skip_boilerplate: bool = True):
        self.lexicon = load_lexicon(lexicon, extend)
        self.skip_boilerplate = skip_boilerplate
        self.categories = list(dict.fromkeys(self.lexicon["category"]))
        forms = {}
        # Exact terms before generated forms, so an inflection of one term
        # never hides another term spelled that way ("lies" vs "lie").
        expanded = [(term, category, term_forms(term, pos))
                    for term, category, pos in zip(self.lexicon["term"], self.lexicon["category"],
                                                   self.lexicon["pos"])]
        for term, category, variants in expanded:
            if variants:
                forms.setdefault(variants[0], (term, category))
        for term, category, variants in expanded:
            for variant in variants[1:]:
                forms.setdefault(variant, (term, category))
        # Each form is looked up by its first word that is not a function
        # word ("brink" in "on the brink"): most words of a text are not
        # looked at any further.
        function_words = frozenset(lexicons.load_lexicon("function_words")["word"])
        self._anchors = {}  # word -> [(form's words as a list, the word's index, (term, category))]
        for variant, entry in forms.items():
            k = next((k for k, w in enumerate(variant) if w not in function_words), 0)
            self._anchors.setdefault(variant[k], []).append((list(variant), k, entry))

    def matches(self, text: str) -> list[tuple[int, int, str, str]]:
        """Non-overlapping matches ``(start, end, term, category)`` in ``text``.

        Examples
        --------
        >>> LoadedTermMatcher().matches("Critics keep lashing out at the charm-offensives.")
        [(13, 24, 'lash out', 'combative'), (32, 48, 'charm offensive', 'propaganda_pr')]
        """
        return self._matches(Document(text))

    def _matches(self, doc: Document):
        text = doc.text
        pieces, words = doc.word_split  # gap, word, gap, ...: word i is piece 2i+1
        anchors = self._anchors
        longest = {}  # first word index -> the longest form starting there
        for j in compress(count(), map(anchors.__contains__, words)):
            for variant, k, entry in anchors[words[j]]:
                n, i = len(variant), j - k
                if n > 1 and (i < 0 or words[i:i + n] != variant or
                              not all(map(_JOIN.fullmatch, pieces[2 * i + 2:2 * (i + n) - 1:2]))):
                    continue
                if longest.get(i, (0,))[0] < n:
                    longest[i] = (n, *entry)
        found = []
        at, done = 0, 0  # the offset of piece `done`, counted on only for a match
        for i in sorted(longest):
            n, term, category = longest[i]
            at += sum(map(len, pieces[done:2 * i + 1]))
            done = 2 * i + 1
            end = at + sum(map(len, pieces[done:2 * (i + n)]))
            found.append((*self._whole_word(text, at, end), term, category))
        found.sort(key=lambda m: (m[0] - m[1], m[0]))
        kept, taken = [], []
        for match in found:
            if not any(match[0] < e and s < match[1] for s, e in taken):
                kept.append(match)
                taken.append(match[:2])
        return sorted(kept)

    @staticmethod
    def _whole_word(text, start, end):
        while start > 1 and text[start - 1] in _HYPHENS and text[start - 2].isalnum():
            start -= 2
            while start > 0 and text[start - 1].isalnum():
                start -= 1
        while end + 1 < len(text) and text[end] in _HYPHENS and text[end + 1].isalnum():
            end += 2
            while end < len(text) and text[end].isalnum():
                end += 1
        return start, end

    def spans(self, doc: Document) -> list[dict]:
        """Span rows (without ``doc_id``): ``start, end, signal="loaded",
        label=category, text, term``."""
        text = doc.text
        matches = self._matches(doc)
        if self.skip_boilerplate:
            matches = _outside_boilerplate(matches, doc)
        return [{"start": s, "end": e, "signal": SIGNAL, "label": category, "text": text[s:e],
                 "term": term} for s, e, term, category in matches]

    def measures(self, doc: Document, rows: list[dict]) -> dict:
        """Per-article measures: ``n_loaded``, ``loaded_per_1000w`` and
        ``loaded_<category>_per_1000w`` for every category of the lexicon."""
        return _density(doc.n_words, [r["label"] for r in rows], self.categories)


def _outside_boilerplate(matches, doc: Document):
    """``matches`` (tuples starting ``start, end``) not inside a boilerplate span."""
    if not matches or not doc.boilerplate:
        return matches
    spans = [(s, e) for s, e, _ in doc.boilerplate]
    return [m for m in matches if not any(s <= m[0] and m[1] <= e for s, e in spans)]


def _density(n_words: int, labels, categories) -> dict:
    scale = 1000.0 / n_words if n_words else 0.0
    counts = Counter(labels)
    total = sum(counts.values())
    out = {"n_loaded": total, "loaded_per_1000w": total * scale}
    for category in categories:
        out[f"loaded_{category}_per_1000w"] = counts.get(category, 0) * scale
    return out


@lru_cache(maxsize=8)
def _default_matcher():
    return LoadedTermMatcher()


def _matcher(lexicon, extend):
    if isinstance(lexicon, LoadedTermMatcher):
        return lexicon
    if lexicon is None:
        return _default_matcher()
    return LoadedTermMatcher(lexicon, extend)


def loaded_terms(corpus, lexicon=None, extend: bool = False) -> pd.DataFrame:
    """Loaded terms in every article of a corpus.

    Parameters
    ----------
    corpus : str, list of str, DataFrame or path
        Anything :func:`framing.corpus.as_corpus` accepts.
    lexicon : None, str, path, DataFrame or LoadedTermMatcher
        The default lexicon, a user's (see :func:`load_lexicon`), or a
        matcher already built.
    extend : bool
        Add a user lexicon to the default instead of replacing it.

    Returns
    -------
    DataFrame
        ``doc_id, start, end, text, term, category``; ``text`` is
        ``document[start:end]`` (the inflected form as written), ``term`` the
        lexicon entry it matched.

    Examples
    --------
    >>> loaded_terms("Putin's three-year invasion; the regime's fraternal duty.\\n"
    ...              "Also Read: Critics slam the heroic parade")[
    ...     ["text", "category"]].values.tolist()
    [['invasion', 'militarised'], ['regime', 'pejorative'], ['fraternal', 'glorifying']]
    """
    matcher = _matcher(lexicon, extend)
    corpus = as_corpus(corpus)
    rows = [{"doc_id": doc_id, "start": r["start"], "end": r["end"], "text": r["text"],
             "term": r["term"], "category": r["label"]}
            for doc_id, text in zip(corpus["doc_id"], corpus["text"])
            for r in matcher.spans(Document(text, doc_id))]
    return pd.DataFrame(rows, columns=SPAN_OUTPUT).astype({"start": "int64", "end": "int64"})


def loaded_density(corpus, lexicon=None, extend: bool = False, by=None) -> pd.DataFrame:
    """Loaded terms per 1,000 words, by category, per article or per group.

    Parameters
    ----------
    corpus : str, list of str, DataFrame or path
    lexicon, extend
        See :func:`loaded_terms`.
    by : str or list of str, optional
        Metadata column(s) of the corpus (e.g. ``"outlet"``) to pool articles
        by: a group's density is its loaded terms over its words.

    Returns
    -------
    DataFrame
        ``doc_id`` (or the ``by`` columns), ``n_words``, ``n_loaded``,
        ``loaded_per_1000w`` and ``loaded_<category>_per_1000w``.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
    ...                   "text": ["A brutal, shameful crackdown.", "Talks resumed."]})
    >>> loaded_density(t, by="outlet")[["outlet", "n_words", "n_loaded"]].values.tolist()
    [['X', 6, 3]]
    """
    matcher = _matcher(lexicon, extend)
    corpus = as_corpus(corpus)
    spans = loaded_terms(corpus, matcher)
    words = corpus["text"].map(lambda t: len(_WORD.findall(t)))
    counts = pd.crosstab(spans["doc_id"], spans["category"]).reindex(
        columns=matcher.categories, fill_value=0)
    table = pd.DataFrame({"doc_id": corpus["doc_id"].to_numpy(), "n_words": words.to_numpy()})
    table = table.join(counts, on="doc_id").fillna(0)
    keys = ["doc_id"]
    if by is not None:
        keys = [by] if isinstance(by, str) else list(by)
        table = pd.concat([corpus[keys].reset_index(drop=True), table], axis=1)
        table = table.groupby(keys, dropna=False)[["n_words", *matcher.categories]].sum().reset_index()
    scale = 1000.0 / table["n_words"].where(table["n_words"] > 0)
    out = table[keys + ["n_words"]].copy()
    out["n_loaded"] = table[matcher.categories].sum(axis=1).astype("int64")
    out["loaded_per_1000w"] = (out["n_loaded"] * scale).fillna(0.0)
    for category in matcher.categories:
        out[f"loaded_{category}_per_1000w"] = (table[category] * scale).fillna(0.0)
    return out.astype({"n_words": "int64"})


def keywords_in_context(corpus, spans=None, width: int = 40, lexicon=None, extend: bool = False,
                        term=None, category=None) -> pd.DataFrame:
    """Keyword-in-context view of loaded terms (or of any span table).

    Parameters
    ----------
    corpus : str, list of str, DataFrame or path
    spans : DataFrame, optional
        Spans with ``doc_id, start, end`` (e.g. a detector's predictions);
        by default the lexicon matches of :func:`loaded_terms`.
    width : int
        Characters of context on each side (line breaks shown as spaces).
    lexicon, extend
        See :func:`loaded_terms`.
    term, category : str or list of str, optional
        Keep only these terms / categories.

    Returns
    -------
    DataFrame
        The span columns plus ``left, keyword, right``, sorted by term.

    Examples
    --------
    >>> kwic = keywords_in_context("Kim hailed the fraternal duty of his soldiers.", width=10)
    >>> kwic[["left", "keyword", "right"]].values.tolist()
    [['ailed the ', 'fraternal', ' duty of h']]
    """
    corpus = as_corpus(corpus)
    if spans is None:
        spans = loaded_terms(corpus, lexicon, extend)
    spans = spans.copy()
    for column, wanted in (("term", term), ("category", category)):
        if wanted is not None and column in spans.columns:
            spans = spans[spans[column].isin([wanted] if isinstance(wanted, str) else wanted)]
    texts = dict(zip(corpus["doc_id"], corpus["text"]))

    def flat(s):
        return re.sub(r"\s", " ", s)

    spans["left"] = [flat(texts[d][max(0, s - width):s])
                     for d, s in zip(spans["doc_id"], spans["start"])]
    spans["keyword"] = [texts[d][s:e] for d, s, e in zip(spans["doc_id"], spans["start"], spans["end"])]
    spans["right"] = [flat(texts[d][e:e + width]) for d, e in zip(spans["doc_id"], spans["end"])]
    order = [c for c in ("term", "doc_id", "start") if c in spans.columns]
    return spans.sort_values(order).reset_index(drop=True)


@lru_cache(maxsize=1)
def __getattr__(name):
    # The trainable detector needs scikit-learn; importing it only when asked
    # keeps the lexicon path (and the CLI's memory) free of it.
    if name == "LoadedTermDetector":
        from .loaded_detector import LoadedTermDetector

        return LoadedTermDetector
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
