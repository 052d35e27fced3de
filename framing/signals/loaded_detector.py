"""The trainable loaded-term detector (scikit-learn), kept apart from the
lexicon matcher in :mod:`framing.signals.loaded` so that the lexicon path does
not import scikit-learn.

See :class:`LoadedTermDetector`.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from .. import lexicons
from ..corpus import as_corpus
from ..text import Document, lower_words
from .loaded import SIGNAL, _BREAK, _STEM, _density, _matcher, _outside_boilerplate


@lru_cache(maxsize=1)
def _evaluative_scores() -> dict:
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
    subjectivity (``lexicons/evaluative.csv``) and the words next to it
    (nothing beyond the sentence, nothing article-wide). A logistic regression, fitted on words inside versus outside the
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
    weights_ : dict
        Non-zero coefficients by feature name (what :meth:`predict` sums).
    intercept_ : float
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
        starts, ends, words = lower_words(text)
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
        breaks = [True] + [bool(_BREAK.search(text[ends[k - 1]:starts[k]])) for k in range(1, n)]
        # Only the word and its immediate neighbours: article- and sentence-level
        # context (density of lexicon and strongly valenced words, exclamations,
        # quotation, headline, a separate sentence classifier) lowered held-out
        # F1 in cross-validation on the PTC, because whether a loaded word is
        # marked varies from article to article in ways the text does not show.
        sentence = np.cumsum(breaks).tolist()
        feats, by_form = [], {}
        window = self.window
        for i, w in enumerate(words):
            raw = text[starts[i]:ends[i]]
            own = by_form.get(raw)
            if own is None:  # features of the word itself, the same wherever it occurs
                own = {"bias": 1.0, f"w={w}": 1.0, f"suf3={w[-3:]}": 1.0, f"suf2={w[-2:]}": 1.0,
                       f"shape={_shape(raw)}": 1.0, f"len={min(len(w), 12) // 3}": 1.0,
                       f"stem={_STEM.sub('', w) if len(w) > 5 else w}": 1.0,
                       **_score_features("", w, scores)}
                by_form[raw] = own
            f = own.copy()
            if lex[i]:
                f["lex"] = 1.0
                f[f"lex={lex[i]}"] = 1.0
            for d in range(1, window + 1):
                for sign, k in (("-", i - d), ("+", i + d)):
                    inside = 0 <= k < n and sentence[k] == sentence[i]
                    f[f"w{sign}{d}={words[k] if inside else '<s>'}"] = 1.0
            feats.append(f)
        return starts, ends, feats, breaks

    def _probabilities(self, feats) -> np.ndarray:
        """The model's probabilities for feature dicts, summed straight from
        ``weights_`` (``DictVectorizer.transform`` costs more than the rest of
        the prediction)."""
        weights = self.weights_
        z = np.fromiter((sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in feats),
                        dtype=float, count=len(feats))
        return 1.0 / (1.0 + np.exp(-(z + self.intercept_)))

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
        coef = self.model_.coef_[0]
        self.weights_ = {name: float(coef[j]) for name, j in self.vectorizer_.vocabulary_.items()
                         if coef[j] != 0.0}
        self.intercept_ = float(self.model_.intercept_[0])
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
        proba = self._probabilities(feats)
        return pd.DataFrame({"start": starts, "end": ends,
                             "text": [text[s:e] for s, e in zip(starts, ends)],
                             "probability": proba})

    def _spans_of_text(self, text: str) -> list[tuple[int, int, float]]:
        starts, ends, feats, breaks = self._document_features(text, self._matcher(),
                                                              _evaluative_scores())
        if not feats:
            return []
        proba = self._probabilities(feats)
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
