"""Source types learned from hand-coded sources, stacked on the typing rules.

:class:`~framing.signals.sources.SourceTyper`'s rules read the roles an
article gives a source in the forms they know ("Sen. Jane Doe", "a
spokesman for the ministry"). Often the role is only implied by the words
around the person's other mentions ("her campaign", "the nominee", "at the
department"), which no rule lists. :class:`SourceTypeModel` is a
multinomial logistic regression that re-types a source whose mention gives
no role of its own (a bare name, a pronoun), when it is sure enough, from:

- the rules' answer (``rule=``), the mention's own rule type (``mention=``)
  and anaphor class (``pron=``), and the kinds of cue word in the mention
  (``mk=``: the ``source_types`` lexicon's types, and outlet names);
- the lower-case words of the mention (``mw=``) and of its sentence near it
  (``bw=``, ``aw=``);
- for the person it names or stands for: how often their surname occurs
  (``n_occ``), the lower-case words near every occurrence (``pw=``, log
  counts), and the kinds of role cue around its first occurrences
  (``pk=``, log counts): "Marco Rubio, the Florida senator," gives
  ``pk=official`` to every mention of Rubio.

Capitalised words are never features themselves, so the model learns the
words that go with a role, not which named person held which office in its
training articles; capitalised titles ("Sen.", "Secretary of State") count
only through the kind of role the ``source_types`` lexicon gives them.

The packaged weights (``framing/models/source_types.csv``) were fitted by
``scripts/train_source_model.py`` on the coded PolNeAR samples of
``validation/``; the table holds one row per feature and one weight column
per type, so it can be read, checked and refitted.
"""
from __future__ import annotations

import math
import re
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

#: A word all in lower case, hyphens and inner apostrophes allowed ("co-chair",
#: "don't"), quotes around it not ("'nominee'"); "anti-Trump" or "iPhone"
#: would carry a name, so they are no word here.
_LOWER = re.compile(r"(?<![\w-])(?<!\w['’])[a-z]+(?:[-'’][a-z]+)*(?![\w-])(?!['’]\w)")
#: What, just after a match, would have continued its word.
_JOINS_LOWER = re.compile(r"[\w-]|['’]\w")
#: Name tokens after the surname.
_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
_INTERCEPT = "(intercept)"
#: The mentions the model re-types: those whose own words give no role (a
#: bare name, a pronoun, or words no cue types). A mention with a role cue of
#: its own keeps the rules' answer: scored on articles the model never saw
#: (cross-validation grouped by article), re-typing those too loses 0.3
#: points, and pooling their probabilities with their person's other
#: mentions gains nothing (0.06 points) for the time it takes.
ROLELESS = frozenset({"named_person", "unknown", "pron"})
#: Characters of context read around a mention and around each other
#: mention of its surname.
_BEFORE, _AFTER, _NEAR = 60, 60, 50
#: Characters read for role cues either side of the first occurrences of a
#: surname, where an article introduces the person (reading all of them
#: scored no better when it was chosen, and costs more on long articles).
_NEAR_CUES, _CUED_OCCURRENCES = 40, 4


class SourceFeatures:
    """Feature dictionaries of source mentions, for :class:`SourceTypeModel`.

    Parameters
    ----------
    typer : SourceTyper
        The rule-based typer whose answers and cue lists the features use.

    Examples
    --------
    >>> from framing.signals.sources import SourceTyper
    >>> from framing.text import Document
    >>> typer = SourceTyper(model=None)
    >>> doc = Document("Jane Doe, the party's nominee, spoke. Doe said the race was close.")
    >>> rules = typer.type_sources(doc, [(38, 41)])
    >>> f = SourceFeatures(typer).transform(doc, [(38, 41)], rules)[0]
    >>> [k for k in f if k.startswith("rule=")], f["person"]["pw=nominee"] > 0
    (['rule=political'], True)
    """

    def __init__(self, typer):
        self.typer = typer

    def _kinds(self, text):
        kinds = set(self.typer._mention_kinds(text))
        if self.typer._outlets_in(text):
            kinds.add("media")
        return kinds

    def transform(self, doc, spans, typed, roleless_only=False):
        """One feature dict per mention.

        The features of the person a mention names (``n_occ``, ``pw=``, ``pk=``)
        are the same for every mention of their surname: they are one dict,
        shared and nested under the key ``"person"``.

        Parameters
        ----------
        doc : Document
        spans : list of (start, end)
        typed : list of dict
            The rules' answers for ``spans`` (``source_type``,
            ``resolved_text``), as :meth:`SourceTyper.type_sources` gives them.
        roleless_only : bool
            Give ``None`` instead of features for a mention whose own words
            carry a role (see :data:`ROLELESS`): the model never re-types it.
        """
        typer, text = self.typer, doc.text
        # one apostrophe for the words' features: "campaign’s" is "campaign's"
        # (the same length, so offsets hold)
        plain = text.replace("’", "'")
        people = {}
        rows = []
        for (start, end), result in zip(spans, typed):
            mention = text[start:end]
            before, after = typer._sentence_context(doc, start, end)
            anaphor = typer.pronoun_kind(mention)
            own = "pron" if anaphor is not None else typer.type_mention(mention, before, after)
            if roleless_only and own not in ROLELESS:
                rows.append(None)
                continue
            # the rules' answer, whether or not a model has re-typed it since
            f = {"rule=" + result.get("rule_type", result["source_type"]): 1.0, "mention=" + own: 1.0,
                 "pron=" + (anaphor or "none"): 1.0}
            for kind in self._kinds(mention):
                f["mk=" + kind] = 1.0
            _count_words(plain, start, end, "mw=", f)
            _count_words(plain, start - min(len(before), _BEFORE), start, "bw=", f)
            _count_words(plain, end, end + min(len(after), _AFTER), "aw=", f)
            referent = result.get("resolved_text") or mention
            names = typer.name_tokens(typer.head(referent)) if typer.pronoun_kind(referent) is None else []
            names = [name for name in names if name not in _SUFFIXES]
            if names:
                surname = re.sub(r"['’]s?$", "", names[-1]).rstrip(".")
                if surname not in people:
                    people[surname] = _person(text, plain, surname, typer._kinds.kinds)
                f["has_name"] = 1.0
                f["person"] = people[surname]
            else:
                f["no_name"] = 1.0
            rows.append(f)
        return rows


def _count_words(text, lo, hi, prefix, into):
    """Add 1 to ``into[prefix + word]`` for each lower-case word wholly inside
    ``text[lo:hi]`` (``text`` with its curly apostrophes straightened)."""
    lo, hi = max(lo, 0), min(hi, len(text))
    # the search sees the text before ``lo``, so no word cut there matches,
    # but not after ``hi``: a word cut there would end there, and be the last
    words = _LOWER.findall(text, lo, hi)
    if words and hi < len(text) and _JOINS_LOWER.match(text, hi):
        last = _LOWER.match(text, hi - len(words[-1]), hi)
        if last and last.end() == hi:
            words.pop()
    for word in words:
        key = prefix + word
        into[key] = into.get(key, 0.0) + 1.0


def _occurrences(text, word):
    """Offsets of ``word`` in ``text`` with no word character or hyphen either side."""
    found, at = [], text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _joins(text[at - 1])) and (end == len(text) or not _joins(text[end])):
            found.append(at)
        at = text.find(word, at + 1)
    return found


def _joins(char):
    return char.isalnum() or char in "_-"


def _person(text, plain, surname, kinds):
    """The features of the person called ``surname``: how often the surname
    occurs in ``text`` (``n_occ``), the words of ``plain`` (the text with
    straight apostrophes) near each occurrence (``pw=``) and the ``kinds``
    of role cue found around the first ones (``pk=``), log counts."""
    found = _occurrences(text, surname) if len(surname) > 1 else []
    counts = {}
    for n, at in enumerate(found):
        end = at + len(surname)
        _count_words(plain, at - _NEAR, at, "pw=", counts)
        _count_words(plain, end, end + _NEAR, "pw=", counts)
        if n < _CUED_OCCURRENCES:
            for kind in kinds(text[max(at - _NEAR_CUES, 0):end + _NEAR_CUES]):
                counts["pk=" + kind] = counts.get("pk=" + kind, 0.0) + 1.0
    out = {"n_occ": math.log1p(len(found))}
    out.update((key, math.log1p(value)) for key, value in counts.items())
    return out


class SourceTypeModel:
    """Multinomial logistic regression over :class:`SourceFeatures` dicts.

    Parameters
    ----------
    C : float
        Inverse regularisation strength of the logistic regression (0.05:
        the best of 0.01-1 in cross-validation grouped by article; weaker
        regularisation learns the people of the training articles).
    min_df : int
        Features seen in fewer training mentions are dropped.

    Attributes
    ----------
    classes_ : list of str
    vocabulary_ : dict
        Feature name -> row of ``coef_``.
    coef_ : ndarray of shape (n_features, n_classes)
    intercept_ : ndarray of shape (n_classes,)

    Examples
    --------
    >>> X = [{"rule=official": 1.0}, {"rule=named_person": 1.0, "pw=nominee": 1.0},
    ...      {"rule=named_person": 1.0}] * 5
    >>> y = ["official", "political", "named_person"] * 5
    >>> model = SourceTypeModel(C=10.0, min_df=1).fit(X, y)
    >>> model.predict([{"rule=named_person": 1.0, "pw=nominee": 1.0}, {"rule=official": 1.0}])
    ['political', 'official']
    """

    def __init__(self, C=0.05, min_df=10):
        self.C = C
        self.min_df = min_df

    def fit(self, X, y):
        """Fit the regression; returns ``self``.

        Parameters
        ----------
        X : list of dict
            Feature dicts (:meth:`SourceFeatures.transform`); a dict nested
            under a key (``"person"``) holds more features.
        y : list of str
            The coded type of each mention.
        """
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        X = [_flat(row) for row in X]
        seen = {}
        for row in X:
            for key in row:
                seen[key] = seen.get(key, 0) + 1
        kept = [{k: v for k, v in row.items() if seen[k] >= self.min_df} for row in X]
        vectorizer = DictVectorizer()
        matrix = vectorizer.fit_transform(kept)
        clf = LogisticRegression(C=self.C, max_iter=5000).fit(matrix, list(y))
        self.classes_ = [str(c) for c in clf.classes_]
        self.vocabulary_ = {name: i for i, name in enumerate(vectorizer.feature_names_)}
        self.coef_ = clf.coef_.T.copy()
        self.intercept_ = clf.intercept_.copy()
        # two classes give one score column, the second class's; a softmax
        # over (0, score) is the sigmoid the regression fitted
        if len(self.classes_) == 2:
            self.coef_ = np.hstack([np.zeros_like(self.coef_), self.coef_])
            self.intercept_ = np.array([0.0, self.intercept_[0]])
        return self

    def decision_function(self, X):
        """Scores, shape (len(X), n_classes)."""
        scores = np.tile(self.intercept_, (len(X), 1))
        shared = {}  # id of a nested dict -> its score: the mentions of one person share it
        for i, row in enumerate(X):
            flat = {}
            for key, value in row.items():
                if isinstance(value, dict):
                    if id(value) not in shared:
                        shared[id(value)] = self._score(value)
                    scores[i] += shared[id(value)]
                else:
                    flat[key] = value
            scores[i] += self._score(flat)
        return scores

    def _score(self, features):
        vocabulary = self.vocabulary_
        keys = [vocabulary[k] for k in features if k in vocabulary]
        if not keys:
            return 0.0
        values = np.fromiter((v for k, v in features.items() if k in vocabulary), float, len(keys))
        return values @ self.coef_[keys]

    def predict_proba(self, X):
        """Probabilities, shape (len(X), n_classes), columns in ``classes_`` order."""
        scores = self.decision_function(X)
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def predict(self, X):
        """The most likely type per feature dict."""
        if not len(X):
            return []
        return [self.classes_[i] for i in self.decision_function(X).argmax(axis=1)]

    def retype(self, X, rule_types, min_confidence=0.4, people=None):
        """Per feature dict, the most likely type if its probability is at
        least ``min_confidence`` and the mention's own words give no role
        (see :data:`ROLELESS`), else the rules' type.

        ``people``, one hashable key per dict (see :func:`person_keys`),
        pools the evidence on one person: a mention's probabilities are the
        mean of its own and of the mean over all mentions of its person, so
        that one person's mentions agree, as coders type the person.

        Examples
        --------
        >>> X = [{"rule=named_person": 1.0, "pw=nominee": 1.0}, {"rule=named_person": 1.0}] * 5
        >>> model = SourceTypeModel(C=10.0, min_df=1).fit(X, ["political", "named_person"] * 5)
        >>> model.retype([{"rule=named_person": 1.0, "pw=nominee": 1.0}, {}], ["named_person"] * 2)
        ['political', 'named_person']
        """
        if not len(X):
            return []
        proba = self.predict_proba(X)
        if people is not None:
            people = list(people)
            if len(people) != len(X):
                raise ValueError(f"{len(people)} person keys for {len(X)} mentions")
            ids = {}
            index = np.array([ids.setdefault(key, len(ids)) for key in people])
            sums = np.zeros((len(ids), proba.shape[1]))
            np.add.at(sums, index, proba)
            proba = (proba + sums[index] / np.bincount(index)[index, None]) / 2
        best = proba.argmax(axis=1)
        return [self.classes_[b] if p[b] >= min_confidence and _roleless(f) else rule
                for p, b, rule, f in zip(proba, best, rule_types, X)]

    def to_csv(self, path, header=""):
        """Write the weights: one row per feature (first the intercept), one
        column per type; ``header`` lines are written as ``#`` comments.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> model = SourceTypeModel(C=10.0, min_df=1).fit([{"a": 1.0}, {"b": 1.0}] * 3, ["citizen", "expert"] * 3)
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "model.csv"
        >>> model.to_csv(path, header="a made-up model")
        >>> SourceTypeModel.read_csv(path).predict([{"b": 1.0}])
        ['expert']
        """
        table = pd.DataFrame(np.vstack([self.intercept_, self.coef_]), columns=self.classes_)
        table.insert(0, "feature", [_INTERCEPT, *self.vocabulary_])
        with open(path, "w", encoding="utf-8", newline="") as f:
            for line in header.splitlines():
                f.write(f"# {line}".rstrip() + "\n")
            table.to_csv(f, index=False, float_format="%.6g", lineterminator="\n")

    @classmethod
    def read_csv(cls, path):
        """A model from weights written by :meth:`to_csv`.

        ``path`` is a file, or the name of a packaged table (``source_types``:
        ``framing/models/source_types.csv``) when no such file exists and the
        name holds no path separator or suffix.

        Examples
        --------
        >>> SourceTypeModel.read_csv("source_types").classes_[:3]
        ['anonymous', 'citizen', 'document']
        """
        name = str(path)
        if not Path(name).exists() and not Path(name).suffix and Path(name).name == name:
            with resources.as_file(resources.files("framing") / "models" / f"{name}.csv") as packaged:
                return cls.read_csv(packaged)
        if not Path(name).exists():
            raise FileNotFoundError(f"no model weights at {name!r} (nor a packaged model of that name)")
        table = pd.read_csv(name, comment="#", keep_default_na=False)
        if "feature" not in table.columns or table.empty or table["feature"].iloc[0] != _INTERCEPT:
            raise ValueError(f"{name}: not model weights written by SourceTypeModel.to_csv "
                             f"(a 'feature' column whose first row is {_INTERCEPT!r})")
        model = cls()
        model.classes_ = [c for c in table.columns if c != "feature"]
        weights = table[model.classes_].to_numpy(dtype=float)
        model.intercept_ = weights[0]
        model.coef_ = weights[1:]
        model.vocabulary_ = {name: i for i, name in enumerate(table["feature"].iloc[1:])}
        return model


def _roleless(features):
    """Whether a feature dict's mention gives no role of its own (a dict
    without ``mention=`` features, as in a user's own model, counts as one)."""
    return not any(key.startswith("mention=") and key[8:] not in ROLELESS for key in features)


def person_keys(features):
    """One key per feature dict of :meth:`SourceFeatures.transform`'s list:
    the same for the mentions of one person (their shared ``"person"``
    features), else the dict's own position.

    Examples
    --------
    >>> doe = {"n_occ": 1.0}
    >>> person_keys([{"person": doe}, {"rule=unknown": 1.0}, {"person": doe}])
    [0, 1, 0]
    """
    first = {}
    return [first.setdefault(id(f["person"]), i) if "person" in f else i for i, f in enumerate(features)]


def _flat(row):
    """``row`` with the features of its nested dicts in place of them."""
    if not any(isinstance(value, dict) for value in row.values()):
        return row
    flat = {}
    for key, value in row.items():
        if isinstance(value, dict):
            flat.update(value)
        else:
            flat[key] = value
    return flat


def coded_features(corpus, coded, sources=None, typer=None, uncoded=False) -> pd.DataFrame:
    """Feature rows of hand-coded source mentions, to fit a :class:`SourceTypeModel`.

    Parameters
    ----------
    corpus : anything :func:`framing.as_corpus` accepts
        The articles the offsets point into.
    coded : DataFrame
        ``doc_id, start, end, label``: one row per coded mention, ``label``
        one of :data:`~framing.signals.sources.SOURCE_TYPES`.
    sources : DataFrame, optional
        ``doc_id, start, end`` of every source mention of the coded articles
        (the attribution extractor's, or gold ones): the rules type each
        coded mention among them, as they type extracted sources, so that a
        pronoun finds its antecedent. Coded mentions missing from it are
        typed too. Default: the coded mentions alone.
    typer : SourceTyper, optional
        The rules (default: ``SourceTyper(model=None)``).
    uncoded : bool
        Also give the rows of the other mentions in ``sources`` (``label``
        missing), to score a model as the typer applies it, pooling each
        person's mentions (:meth:`SourceTypeModel.retype`).

    Returns
    -------
    DataFrame
        ``doc_id, start, end, label, rule_type, features, person``, in the
        order of the articles in ``coded`` and of the mentions in
        ``sources``; ``person`` is the same for the mentions of one person in
        an article (:func:`person_keys`).

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Jane Roe led the polls. Roe said so.",
    ...                                                   "Mary Poe waited in line. Poe said so."]})
    >>> coded = pd.DataFrame({"doc_id": ["a", "b"], "start": [24, 25], "end": [27, 28],
    ...                       "label": ["political", "citizen"]})
    >>> rows = coded_features(corpus, coded)
    >>> rows[["label", "rule_type"]].values.tolist(), "pw=polls" in rows["features"][0]["person"]
    ([['political', 'named_person'], ['citizen', 'named_person']], True)
    >>> SourceTypeModel(C=10.0, min_df=1).fit(rows["features"], rows["label"]).classes_
    ['citizen', 'political']
    """
    from ..corpus import as_corpus
    from ..text import Document
    from .sources import SOURCE_TYPES, SourceTyper

    typer = typer or SourceTyper(model=None)
    featurizer = SourceFeatures(typer)
    texts = dict(zip(*as_corpus(corpus)[["doc_id", "text"]].to_numpy().T))
    bad = coded[~coded["label"].isin(SOURCE_TYPES)]
    if len(bad):
        raise ValueError(f"coded labels that are no source type, rows {list(bad.index[:5])}: "
                         f"{sorted(set(map(str, bad['label'])))}")
    missing = sorted(set(coded["doc_id"]) - set(texts))
    if missing:
        raise ValueError(f"coded mentions of articles not in the corpus: {missing[:5]}")
    wanted = {}
    for row in coded.itertuples(index=False):
        if not 0 <= int(row.start) < int(row.end) <= len(texts[row.doc_id]):
            raise ValueError(f"coded span {row.start}-{row.end} is outside article {row.doc_id!r}")
        wanted.setdefault((row.doc_id, int(row.start), int(row.end)), row.label)
    if sources is None:
        sources = coded
    rows = []
    for doc_id in dict.fromkeys(coded["doc_id"]):
        doc = Document(texts[doc_id], doc_id)
        group = sources[sources["doc_id"] == doc_id]
        spans = list(zip(group["start"].astype(int), group["end"].astype(int)))
        spans += [(s, e) for d, s, e in wanted if d == doc_id and (s, e) not in set(spans)]
        typed = typer.type_sources(doc, spans)
        features = featurizer.transform(doc, spans, typed)
        done = set()
        for (start, end), result, row, person in zip(spans, typed, features, person_keys(features)):
            if (uncoded or (doc_id, start, end) in wanted) and (start, end) not in done:
                done.add((start, end))
                rows.append({"doc_id": doc_id, "start": start, "end": end,
                             "label": wanted.get((doc_id, start, end)), "rule_type": result["rule_type"],
                             "features": row, "person": person})
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "label", "rule_type", "features", "person"])
