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

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

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
# or an apostrophe (straight or curly) inside a word such as "o'clock".
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


def _words(text: str):
    """Word starts, ends and lower-cased forms of ``text``."""
    lower = text.lower()
    if len(lower) != len(text):  # rare letters whose lower case is longer ("İ")
        matches = list(_WORD.finditer(text))
        return ([m.start() for m in matches], [m.end() for m in matches],
                [m.group().lower() for m in matches])
    words = _WORD.findall(lower)
    spans = [m.span() for m in _WORD.finditer(lower)]
    return [s for s, _ in spans], [e for _, e in spans], words


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
        self._first = {}
        for variant, entry in forms.items():
            self._first.setdefault(variant[0], []).append((variant, entry))
        for candidates in self._first.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def matches(self, text: str) -> list[tuple[int, int, str, str]]:
        """Non-overlapping matches ``(start, end, term, category)`` in ``text``.

        Examples
        --------
        >>> LoadedTermMatcher().matches("Critics keep lashing out at the charm-offensives.")
        [(13, 24, 'lash out', 'combative'), (32, 48, 'charm offensive', 'propaganda_pr')]
        """
        starts, ends, words = _words(text)
        first = self._first
        hits = [i for i, w in enumerate(words) if w in first]
        found = []
        for i in hits:
            for variant, (term, category) in first[words[i]]:
                n = len(variant)
                if tuple(words[i:i + n]) != variant:
                    continue
                if n > 1 and not all(_JOIN.fullmatch(text, ends[k], starts[k + 1])
                                     for k in range(i, i + n - 1)):
                    continue
                start, end = self._whole_word(text, starts[i], ends[i + n - 1])
                found.append((start, end, term, category))
                break  # candidates are longest first
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
        matches = self.matches(text)
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
def _evaluative_scores():
    table = lexicons.load_lexicon("evaluative")
    scores = {}
    for word, valence, subjectivity, polarity in table[
            ["word", "valence", "subjectivity", "polarity"]].itertuples(index=False):
        scores[word] = (float(valence) if valence else None,
                        float(subjectivity) if subjectivity else None,
                        float(polarity) if polarity else None)
    return scores


@lru_cache(maxsize=1)
def _function_words() -> frozenset:
    return frozenset(lexicons.load_lexicon("function_words")["word"])


def _score_features(prefix: str, word: str, scores: dict) -> dict:
    valence, subjectivity, polarity = scores.get(word, (None, None, None))
    out = {}
    if valence is not None:
        out[f"{prefix}val={int(round(valence))}"] = 1.0
        out[f"{prefix}absval"] = abs(valence) / 4.0
    if subjectivity is not None:
        out[f"{prefix}subj={int(subjectivity * 4)}"] = 1.0
        out[f"{prefix}pol={int(round(polarity * 2))}"] = 1.0
    return out


def _shape(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "UPPER"
    if word[0].isupper():
        return "Title"
    if word.isdigit():
        return "digit"
    return "lower"


class LoadedTermDetector(BaseEstimator):
    """A trainable loaded-language span detector (scikit-learn conventions).

    Each word of a document (letters/digits between hyphens, apostrophes and
    spaces) is described by cheap features: the lower-cased word, its
    suffixes and shape, the lexicon category it falls in, graded valence and
    subjectivity (``lexicons/evaluative.csv``), the words around it and their
    scores. A logistic regression, fitted on words inside versus outside the
    gold spans, gives each word a probability; a predicted span is a run of
    adjacent words (no sentence end or line break between) with probability
    at least ``extend_threshold`` that holds one word at or above
    ``threshold``, less any function words at its edges
    (``lexicons/function_words.csv``). Nothing is stored per training article: only the
    vectoriser's vocabulary and the model's weights, and words seen in fewer
    than ``min_count`` training articles are dropped, so the model cannot
    memorise spans of one article.

    Parameters
    ----------
    lexicon : None, str, path or DataFrame
        Loaded-term lexicon for the lexicon features (see :func:`load_lexicon`).
    C : float
        Inverse regularisation strength of the logistic regression.
    threshold : float
        Probability a word needs to start a span.
    extend_threshold : float
        Probability a neighbouring word needs to join a span.
    min_count : int
        Word-identity features must occur in at least this many training
        documents.
    window : int
        Words of context on each side used as features.
    max_words : int
        Longest span emitted; longer runs are cut around their most likely words.

    Attributes
    ----------
    vectorizer_ : DictVectorizer
    model_ : LogisticRegression
    categories_ : list of str
        Lexicon categories (for the density measures).
    n_train_docs_, n_train_spans_ : int

    Examples
    --------
    >>> texts = ["They staged a shameful, brutal crackdown on critics.",
    ...          "The committee met on Tuesday to review the budget."] * 5
    >>> gold = pd.DataFrame({"doc_id": [str(i) for i in range(0, 10, 2)],
    ...                      "start": 14, "end": 37})
    >>> det = LoadedTermDetector(min_count=1, threshold=0.5, extend_threshold=0.4)
    >>> det = det.fit(texts, gold)
    >>> det.predict(["A brutal crackdown began."])["text"].tolist()
    ['brutal crackdown']
    """

    def __init__(self, lexicon=None, C: float = 0.3, threshold: float = 0.2,
                 extend_threshold: float = 0.15, min_count: int = 2, window: int = 1,
                 max_words: int = 8):
        self.lexicon = lexicon
        self.C = C
        self.threshold = threshold
        self.extend_threshold = extend_threshold
        self.min_count = min_count
        self.window = window
        self.max_words = max_words

    # -- features -----------------------------------------------------------
    def _matcher(self):
        return _matcher(self.lexicon, False)

    def _document_features(self, text: str, matcher, scores):
        """Word offsets, feature dicts and the break-before flags of a text."""
        starts, ends, words = _words(text)
        n = len(words)
        lex = [""] * n
        if n:
            word_at = {s: i for i, s in enumerate(starts)}
            end_at = {e: i for i, e in enumerate(ends)}
            for s, e, _, category in matcher.matches(text):
                i = word_at.get(s)
                j = end_at.get(e)
                if i is None or j is None:  # grown to a hyphenated word: locate by offsets
                    i = int(np.searchsorted(starts, s, side="right")) - 1
                    j = int(np.searchsorted(ends, e, side="left"))
                for k in range(max(i, 0), min(j, n - 1) + 1):
                    lex[k] = category
        gaps = [text[ends[k - 1]:starts[k]] for k in range(1, n)]
        breaks = [True] + [bool(_BREAK.search(gap)) for gap in gaps]
        first_line_end = text.find("\n")
        basic = [_score_features("", w, scores) for w in words]
        # Sentence context: loaded words cluster, and exclamations carry them.
        sentence = np.cumsum(breaks) - 1 if n else np.zeros(0, dtype=int)
        hot = np.array([bool(c) or b.get("absval", 0) >= 0.5 for c, b in zip(lex, basic)])
        hot_per_sentence = np.bincount(sentence, weights=hot) if n else np.zeros(0)
        ends_excl = {sentence[k]: True for k, gap in enumerate(gaps) if "!" in gap}
        quoted = self._quoted(text, starts)
        # How loaded the article is overall shifts every word's odds: articles
        # written to persuade are annotated far more densely than reports.
        lex_rate = sum(1 for c in lex if c) / max(n, 1)
        strong = sum(1 for b in basic if b.get("absval", 0) >= 0.5) / max(n, 1)
        article = {f"doc_lex={min(int(lex_rate * 100), 6)}": 1.0,
                   f"doc_val={min(int(strong * 100), 6)}": 1.0}
        feats = []
        window = self.window
        for i, w in enumerate(words):
            raw = text[starts[i]:ends[i]]
            f = {"bias": 1.0, f"w={w}": 1.0, f"suf3={w[-3:]}": 1.0, f"suf2={w[-2:]}": 1.0,
                 f"shape={_shape(raw)}": 1.0, f"len={min(len(w), 12) // 3}": 1.0}
            f.update(basic[i])
            f.update(article)
            f[f"stem={_STEM.sub('', w) if len(w) > 5 else w}"] = 1.0
            if lex[i]:
                f["lex"] = 1.0
                f[f"lex={lex[i]}"] = 1.0
            if first_line_end < 0 or starts[i] < first_line_end:
                f["headline"] = 1.0
            others = int(hot_per_sentence[sentence[i]] - hot[i])
            f[f"sent_hot={min(others, 3)}"] = 1.0
            if ends_excl.get(sentence[i]):
                f["sent_excl"] = 1.0
            if quoted[i]:
                f["quoted"] = 1.0
            for d in range(1, window + 1):
                for sign, k in (("-", i - d), ("+", i + d)):
                    if not 0 <= k < n or (breaks[i] if sign == "-" and d == 1 else False):
                        f[f"w{sign}{d}=<s>"] = 1.0
                        continue
                    f[f"w{sign}{d}={words[k]}"] = 1.0
                    if lex[k]:
                        f[f"lex{sign}{d}"] = 1.0
                    for key, value in basic[k].items():
                        if key == "absval":
                            f[f"absval{sign}{d}"] = value
            if i > 0 and not breaks[i]:
                f[f"bigram-={words[i - 1]}_{w}"] = 1.0
            feats.append(f)
        return starts, ends, feats, breaks

    @staticmethod
    def _quoted(text, starts):
        """Whether each word start lies inside quotation marks (within its line)."""
        inside, state, marks = [], False, _QUOTE.finditer(text)
        mark = next(marks, None)
        for start in starts:
            while mark is not None and mark.start() < start:
                state = False if mark.group() in "\n”" else (True if mark.group() == "“" else not state)
                mark = next(marks, None)
            inside.append(state)
        return inside

    # -- API --------------------------------------------------------------
    def fit(self, texts, spans):
        """Learn from articles and their gold spans.

        Parameters
        ----------
        texts : corpus DataFrame (``doc_id, text``), list of str, or anything
            :func:`framing.corpus.as_corpus` accepts (a list gives doc_ids
            ``"0", "1", ...``).
        spans : DataFrame
            Gold spans with ``doc_id, start, end`` (filter to the label you
            want to learn first, e.g. ``Loaded_Language``).

        Returns
        -------
        self
        """
        corpus = as_corpus(texts)
        matcher, scores = self._matcher(), _evaluative_scores()
        gold = {d: g[["start", "end"]].to_numpy() for d, g in
                spans.assign(doc_id=spans["doc_id"].astype(str)).groupby("doc_id")}
        X, y, doc_freq = [], [], {}
        for doc_id, text in zip(corpus["doc_id"].astype(str), corpus["text"]):
            starts, ends, feats, _ = self._document_features(text, matcher, scores)
            g = gold.get(doc_id)
            if g is not None and len(g) and feats:
                s = np.asarray(starts)[:, None]
                e = np.asarray(ends)[:, None]
                inside = ((s < g[:, 1][None, :]) & (g[:, 0][None, :] < e)).any(axis=1)
            else:
                inside = np.zeros(len(feats), dtype=bool)
            for key in {k for f in feats for k in f if not k.startswith(("bias", "absval"))}:
                doc_freq[key] = doc_freq.get(key, 0) + 1
            X.extend(feats)
            y.extend(inside.tolist())
        if not any(y) or all(y):
            raise ValueError("fit needs words both inside and outside the gold spans")
        rare = {k for k, c in doc_freq.items() if c < self.min_count}
        if rare:
            X = [{k: v for k, v in f.items() if k not in rare} for f in X]
        self.vectorizer_ = DictVectorizer()
        matrix = self.vectorizer_.fit_transform(X)
        self.model_ = LogisticRegression(C=self.C, max_iter=1000)
        self.model_.fit(matrix, np.asarray(y))
        self.categories_ = matcher.categories
        self.n_train_docs_ = len(corpus)
        self.n_train_spans_ = int(sum(len(v) for v in gold.values()))
        return self

    def word_probabilities(self, text: str):
        """Words of ``text`` with the model's probability of being loaded.

        Returns
        -------
        DataFrame
            ``start, end, text, probability``.
        """
        starts, ends, feats, _ = self._document_features(text, self._matcher(),
                                                         _evaluative_scores())
        proba = self.model_.predict_proba(self.vectorizer_.transform(feats))[:, 1] if feats else []
        return pd.DataFrame({"start": starts, "end": ends,
                             "text": [text[s:e] for s, e in zip(starts, ends)],
                             "probability": proba})

    def _spans_of_text(self, text: str) -> list[tuple[int, int, float]]:
        starts, ends, feats, breaks = self._document_features(text, self._matcher(),
                                                              _evaluative_scores())
        if not feats:
            return []
        proba = self.model_.predict_proba(self.vectorizer_.transform(feats))[:, 1]
        words = [text[s:e].lower() for s, e in zip(starts, ends)]
        function_words = _function_words()
        out, n, i = [], len(proba), 0
        while i < n:
            if proba[i] < self.extend_threshold:
                i += 1
                continue
            j = i
            while j + 1 < n and not breaks[j + 1] and proba[j + 1] >= self.extend_threshold:
                j += 1
            run = proba[i:j + 1]
            if run.max() >= self.threshold:
                a, b = i, j
                while b - a + 1 > self.max_words:  # trim the less likely end
                    if proba[a] < proba[b]:
                        a += 1
                    else:
                        b -= 1
                while a < b and words[a] in function_words:
                    a += 1
                while b > a and words[b] in function_words:
                    b -= 1
                if words[a] not in function_words:
                    out.append((starts[a], ends[b], float(proba[a:b + 1].max())))
            i = j + 1
        return out

    def spans(self, doc: Document) -> list[dict]:
        """Predicted span rows for one document (``signal="loaded"``,
        ``label="loaded"``, plus ``term`` = the span text lower-cased), the
        shape :class:`LoadedTermMatcher` gives, so the pipeline takes either."""
        text = doc.text
        return [{"start": s, "end": e, "signal": SIGNAL, "label": "loaded", "text": text[s:e],
                 "term": text[s:e].lower()}
                for s, e, _ in _outside_boilerplate(self._spans_of_text(text), doc)]

    def measures(self, doc: Document, rows: list[dict]) -> dict:
        """Per-article measures: ``n_loaded`` and ``loaded_per_1000w``."""
        return _density(doc.n_words, [r["label"] for r in rows], [])

    def predict(self, texts) -> pd.DataFrame:
        """Predicted loaded spans of every article.

        Returns
        -------
        DataFrame
            ``doc_id, start, end, signal, label, text, term, score``.
        """
        corpus = as_corpus(texts)
        rows = [{"doc_id": doc_id, "start": s, "end": e, "signal": SIGNAL, "label": "loaded",
                 "text": text[s:e], "term": text[s:e].lower(), "score": p}
                for doc_id, text in zip(corpus["doc_id"], corpus["text"])
                for s, e, p in _outside_boilerplate(self._spans_of_text(text), Document(text))]
        columns = ["doc_id", "start", "end", "signal", "label", "text", "term", "score"]
        return pd.DataFrame(rows, columns=columns).astype({"start": "int64", "end": "int64"})
