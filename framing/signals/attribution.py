"""Attribution: who is quoted, with which reporting verb, saying what.

An *attribution* links a **source** (who speaks or holds a view), a **cue**
(the reporting verb or phrase: "said", "told", "according to", "believes")
and a **content** (what is said or held). The extractor follows the
annotation conventions of PolNeAR (Newell, Margolin & Ruths, LREC 2018),
learned from its ``train`` compartment:

- the cue is the reporting verb with its auxiliaries and adverbs ("has
  said", "also noted"), a preposition right after it ("railed against")
  and, when present, the channel phrase that PolNeAR counts as part of the
  cue ("said in a statement", "said in a post on social media");
- the source is the whole noun phrase with its appositives ("Lee Min, a
  farmer from Lyon"), a pronoun ("he") or a relative pronoun ("who") that
  speaks; a source missing from the text (agentless passive, "It was
  reported that ...") has ``source_start == source_end == -1`` and
  ``source_text == ""``, and the subject of such a passive is content
  ("Sanders was declared the winner");
- the content is the quotation with its marks, or the reported clause
  (with its "that", without the sentence's final period). A content that a
  cue interrupts ("“A,” he said, “B.”"), that goes on in the following
  quoted sentences, or that runs over several paragraphs is one
  attribution whose content has several *fragments*: ``content_fragments``
  lists them, ``content_start/end`` give their hull and ``content_text``
  joins them with " […] "; :meth:`AttributionExtractor.spans` emits one
  ``content`` row per fragment, as PolNeAR annotates them;
- a coordinated verb, a participle or an infinitive ("..., saying", "and
  says", "went on to ridicule") takes the subject of its clause, a noun
  phrase up to its verb when no name or pronoun opens it; a cue with no
  subject takes the agent after it ("As reported by the Post, ...");
- a paragraph that opens with a name and a colon ("Lee: We will win.",
  interview transcripts) is an attribution whose cue is the colon
  (``lexicons/colon_labels.csv`` lists the labels that name no speaker).

Cues are found by the reporting-verb lexicon (``lexicons/reporting_verbs.csv``)
and kept or dropped by a logistic model (``lexicons/attribution_cue_model.csv``,
fitted on PolNeAR ``train`` by ``scripts/train_cue_model.py``) over cheap
features: the rate at which the verb form is a cue in PolNeAR ``train``
(outside quotations), its lemma and class, the words around it, adjacent
quotation marks, colons and "that", and its rank among the sentence's
reporting words; ``cue_score`` is the model's log-odds.
Words inside a quotation are never cues: PolNeAR, like most attribution
schemes, annotates the outer attribution only, and where two attributions
nest the more certain cue (or a trailing "..., X reported") keeps the
words. A quotation opening a sentence without a cue continues the
attribution before it. Pronoun sources keep the pronoun as their span; ``resolved_source``
names the nearest preceding source that fits (or the one name in the
sentence before), empty when none is clear.

Quotation marks are paired per paragraph, straight and curly alike; an
unclosed quotation runs to the end of its paragraph and continues into the
next paragraph when that one opens with a quotation mark (the newspaper
convention for multi-paragraph quotes). Unbalanced marks never raise.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import repeat
from operator import itemgetter

import pandas as pd

from ..corpus import as_corpus
from ..lexicons import load_lexicon
from ..spans import make_spans
from ..text import Document

#: Columns of :func:`attributions` (after ``doc_id``).
ATTRIBUTION_COLUMNS = (
    "attribution_id", "source_start", "source_end", "source_text", "cue_start", "cue_end",
    "cue_text", "cue_lemma", "verb_class", "content_start", "content_end", "content_text",
    "kind", "resolved_source", "cue_score",
)

_OPEN = "“‘«"
_QUOTE_CHARS = "\"“”«»'`"
# ''|``|["“”«»‘], written to open with a character class so that the
# regex engine skips straight to the next candidate mark (twice as fast).
_QUOTE_MARK = re.compile(r"[\"“”«»‘'`](?:(?<=')'|(?<=`)`|(?<=[\"“”«»‘]))")
_PRONOUNS = frozenset("he she they it we i you who which".split())
_PERSONAL = frozenset("he she they him her them his their".split())
# Words that end a subject noun phrase when scanning left from a cue: the
# conjunctions and complementisers that open the clause the cue belongs to.
_CLAUSE_OPENERS = frozenset(
    "that and but because while as when if although though since after before where so "
    "than whereas unless until once whether yet or nor then".split())
# Verbs whose subject is part of what is held, not who holds it: "X seems",
# and in the passive "X is expected / seen / considered".
_RAISING = frozenset("seem appear".split())
_PASSIVE_RAISING = frozenset(
    "expect see view consider regard deem know think believe say report rumor".split())
# Verbs that take an addressee before their content ("told reporters that").
_ADDRESSEE_VERBS = frozenset("tell assure remind inform warn urge ask brief promise".split())
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Auxiliaries and adverbs PolNeAR puts inside the cue ("has long said").
_CUE_PREFIX_WORDS = frozenset(
    "has have had was were is are been will would could did does do also not never later then "
    "once first again already still just even only further previously recently repeatedly "
    "publicly privately openly reportedly often long frequently explicitly initially "
    "originally specifically formally officially strongly widely quickly clearly flatly "
    "sharply bluntly simply finally subsequently consistently briefly angrily firmly directly "
    "personally immediately generally usually increasingly loudly quietly forcefully "
    "vehemently separately jokingly similarly likewise emphatically pointedly falsely wrongly "
    "correctly rightly indirectly implicitly".split())
_NEGATED_AUX = frozenset("didn’t didn't doesn’t doesn't don’t don't hasn’t hasn't haven’t haven't "
                         "wasn’t wasn't won’t won't wouldn’t wouldn't isn’t isn't".split())


def _cue_prefix_start(text, floor, start):
    """Start of the auxiliaries and adverbs just before a reporting verb,
    which PolNeAR puts inside the cue ("has long said", "did not mention")."""
    pos = start
    while pos - 1 > floor and text[pos - 1] == " ":
        j = text.rfind(" ", floor, pos - 1)
        word_start = j + 1 if j >= 0 else floor
        word = text[word_start:pos - 1].lower()
        if word in _CUE_PREFIX_WORDS or word in _NEGATED_AUX:
            pos = word_start
        else:
            break
    return pos


# Channel phrases that PolNeAR annotates as part of the cue more often than
# not ("said in a statement", "said in a post on social media"); interviews,
# speeches and e-mails it mostly leaves outside.
_CUE_SUFFIX = re.compile(
    r"\s+(?:in|on|via)\s+(?:a|an|his|her|their|its|the|one)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:statement|release|post|appearance|message)"
    r"(?:\s+on\s+(?:social\s+media|Twitter|Facebook|Instagram|Telegram|X|its\s+website))?"
    r"|\s+on\s+(?:Twitter|Facebook|Instagram|social\s+media)"
)
# A manner adverb right after the verb is part of the cue ("responds
# enthusiastically:", "said flatly").
_ADVERB_AFTER = re.compile(r"\s+(?!(?:only|early|reportedly)\b)[a-z]+ly\b(?=\s*[,:.“\"]|\s+that\b)")
# Time phrases between a cue and its source or content, in neither.
_TIME = re.compile(
    rf"\s*(?:,\s*)?(?:(?:on\s+)?{_DAY}(?:\s+(?:night|morning|afternoon|evening))?|"
    r"(?:last|this|next)\s+(?:week|month|year|night|weekend)|yesterday|today|tonight|"
    r"earlier(?:\s+this\s+(?:week|month|year))?|recently|later|again|also|once|"
    r"in\s+\w+\s+\d{4}|on\s+\w+\.?\s+\d{1,2})(?=[\s,.:;])", re.IGNORECASE)
_ADDRESSEE = re.compile(
    r"\s+(?:(?:him|her|them|me|us|you|reporters|journalists|voters|supporters|the\s+\w+|"
    r"an?\s+\w+(?:\s+\w+)?|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*))"
    rf"(?=(?:\s+(?:on\s+)?{_DAY})?\s*(?:that\b|[,:“\"‘.]|$))"
    r"|\s+(?:him|her|them|me|us|you|reporters|journalists|voters|supporters|"
    r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\b")
# Patterns of the construction rules below, compiled once.
_COMMA_OR_COLON = re.compile(r"\s*[,:]\s*")
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|being)(?:n[’']t)?\s+"
                          r"(?:(?:not|\w+ly|first|also|later|long|never|already|just|still|once|since)\s+)*$")
_PARTICIPLE_ENDINGS = ("ed", "en", "wn")
_NAME_PHRASE = re.compile(r"(?:[A-Z][\w.’'-]*\s+(?:(?:of|the|and|de|van|von)\s+)*)*[A-Z][\w.’'-]*")
_BY_OR_AS = re.compile(r"\s+(?:by|as)\s")
_BY = re.compile(r"\s+by\s+")
_BY_OR_FROM = re.compile(r"\s+(?:by|from)\s+")
_COMMA = re.compile(r"\s*,")
_SPACES = re.compile(r"\s*")
# A circumstance or an aside filling the rest of a sentence after its cue
# ("... in a follow-up interview.", "... -- a development that ...").
_CIRCUMSTANCE_TO_END = re.compile(
    r"\s*(?:(?:in|during|after|before|via)(?:\s+[^\s“”\"]+){1,7}\s*[.!?]?\s*$|"
    r"(?:--|[—–]|-\s)[^“”\"]*$)")
_OPT_COLON = re.compile(r"\s*[:,]?\s*")
_PUNCT_AFTER = re.compile(r"\s*[,:.]")
_SEPARATORS = re.compile(r"[\s,:]*")
_END_OR_COLON = re.compile(r"\s*[.:]\s*$")
_PHRASE_STOP = re.compile(r"(?<!\d),|,(?!\d)|[;:()—–]")
_ABBREVIATION_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Inc|Co|Corp|Ltd)|"
                               r"\b[A-Z]\.[A-Z])\.$")
# The mark first, then a look behind it: a pattern opening with a character
# class lets the regex engine skip straight to the next mark.
_SENTENCE_GAP = re.compile(r"[.!?](?<=[a-z0-9]{3}[.!?])\s+(?=[A-Z])")
_PREP_HEAD = re.compile(r"\s*(?:about|against|of|over|for|on|upon|with|at)\s+")
# Classes whose verbs take a noun-phrase object ("praised Kim's record",
# "accused him of lying") that ends at the first comma, as does a question
# ("when asked about X, ...").
_NP_OBJECT_CLASSES = ("evaluative",)
_ASIDE_END = re.compile(r",(?![”\"’'])")
_OWNER = re.compile(r"(?:^|\s)([\w.’'-]+(?:[’']s?)|his|her|their|its)(?:\s+[a-z][\w-]*){0,2}\s*$")
_QUOTE_ENDS_CLAUSE = re.compile(r"[,?!—–-][”\"’']+$")
_QUOTE_OR_COLON = re.compile(r"[;:“”\"]|''")
_WORD = re.compile(r"[\w’'.-]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
#: Joins the fragments of a content interrupted by its cue or by paragraphs.
_FRAGMENT_JOIN = " […] "
_SOURCE_AFTER = re.compile(
    r"\s*((?:(?:the|a|an|his|her|their|its|former|then|Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.)\s+)*"
    r"(?:[\w’'.%$-]|(?<=\d),(?=\d))+(?:\s+(?!(?:that|and|but|as|in|on|at|to|who|which|when|while|"
    r"because|after)\b)(?:[\w’'.%$-]|(?<=\d),(?=\d))+){0,7})")


def _logit(p):
    p = min(max(p, 0.02), 0.98)
    return math.log(p / (1 - p))


@lru_cache(maxsize=8)
def _compile(lexicon_key, lexicon):
    table = load_lexicon(lexicon if lexicon is not None else "reporting_verbs")
    entries = {}
    for row in table.itertuples(index=False):
        forms = str(row.forms).split("|")
        rates = str(getattr(row, "train_rates", "") or "").split("|")
        construction = str(getattr(row, "construction", "") or "verb")
        for i, form in enumerate(forms):
            form = form.strip().lower()
            if not form:
                continue
            rate = float(rates[i]) if i < len(rates) and rates[i].strip() else None
            pos = str(getattr(row, "pos", "") or "verb")
            entries[form] = (row.lemma, row.verb_class, construction, rate, pos)
    # One dictionary look-up per word: single-word forms directly, multiword
    # forms through a small pattern keyed by their first word.
    single, multi = {}, {}
    for form in entries:
        words = form.split()
        if len(words) == 1:
            single[form] = form
        else:
            multi.setdefault(words[0], []).append(form)
    # The character before a first word is matched, not looked behind at: a
    # pattern that opens with a character class lets the regex engine skip
    # ahead to the next non-letter (a sixth faster; see candidates).
    first_words = re.compile(r"[^A-Za-z](" + _trie_pattern(set(single) | {f.split()[0] for f in entries}) +
                             r")(?![A-Za-z])")
    multi = {first: re.compile("|".join(r"\s+".join(map(re.escape, f.split()))
                                        for f in sorted(forms, key=len, reverse=True))
                               + r"(?![\w’'-])", re.IGNORECASE)
             for first, forms in multi.items()}
    return entries, single, multi, first_words


def _trie_pattern(words):
    """A regular expression matching exactly ``words``, factored as a prefix
    tree so that matching costs one pass over the text, not one per word."""
    tree = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node):
        ends = "" in node
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return render(tree)


class AttributionExtractor:
    """Find attributions (source, cue, content) in documents.

    Build it once per process: the lexicon is read and compiled into one
    regular expression in ``__init__``.

    Parameters
    ----------
    lexicon : str, path or DataFrame, optional
        A reporting-verb table with the columns of
        ``lexicons/reporting_verbs.csv`` (``lemma, forms, verb_class`` and
        optionally ``construction, train_rates``); the packaged one by default.
    cue_model : str, path or DataFrame, optional
        Weights (``feature, weight``) of the logistic cue model over
        :meth:`features`; the packaged ``attribution_cue_model.csv``, fitted
        on PolNeAR ``train`` by ``scripts/train_cue_model.py``, by default.
    threshold : float
        Minimum cue score (a log-odds) for a candidate to count as a cue.
    default_rate : float
        Prior cue rate of forms that have no ``train_rates`` entry (user
        additions): high, since a user who lists a verb means it.

    Examples
    --------
    >>> ex = AttributionExtractor()
    >>> doc = Document("“We will win,” Kim said. Putin told Kim that talks went well.")
    >>> [(a["source_text"], a["cue_text"], a["verb_class"], a["kind"]) for a in ex.extract(doc)]
    [('Kim', 'said', 'neutral', 'direct'), ('Putin', 'told', 'neutral', 'indirect')]
    """

    def __init__(self, lexicon=None, cue_model=None, threshold: float = -0.4,
                 default_rate: float = 0.8):
        key = lexicon if isinstance(lexicon, (str, type(None))) else id(lexicon)
        if isinstance(lexicon, pd.DataFrame):
            compiled = _compile.__wrapped__(key, lexicon)
        else:
            compiled = _compile(key, lexicon)
        self._entries, self._single, self._multi, self._first_words = compiled
        self.threshold = threshold
        self.default_rate = default_rate
        model = load_lexicon(cue_model if cue_model is not None else "attribution_cue_model")
        weights = dict(zip(model["feature"], model["weight"].astype(float)))
        self._bias = weights.pop("bias", 0.0)
        self._weights = weights
        # the parts of cue scores seen: by form, words before, words after,
        # words around and flags (see _score_context)
        self._memo = ({}, {}, {}, {}, {})
        self._verb_classes = sorted({entry[1] for entry in self._entries.values()})

    # -- quotations -------------------------------------------------------
    @staticmethod
    def quotations(text: str, paragraphs) -> list[tuple[int, int]]:
        """Quotation spans ``(start, end)``, marks included, best effort.

        Examples
        --------
        >>> t = 'He said "yes" and “no\\n“More.” Then ‘x’.'
        >>> d = Document(t)
        >>> [t[s:e] for s, e in AttributionExtractor.quotations(t, d.paragraphs)]
        ['"yes"', '“no\\n“More.”', '‘x’']
        """
        spans = []
        carry = None  # start of a quotation left open by the previous paragraph
        prev_end = 0
        for p_start, p_end in paragraphs:
            opened = None
            if carry is not None:
                if _QUOTE_MARK.match(text, p_start):
                    opened = carry
                else:
                    spans.append((carry, _trim_end(text, carry, prev_end)))
                carry = None
            skip_to = p_start + 1 if opened is not None else p_start
            for m in _QUOTE_MARK.finditer(text, skip_to, p_end):
                i, mark = m.start(), m.group()
                if i < skip_to:
                    continue
                if mark in ("“", "«", "``"):
                    if opened is None:
                        opened = i
                elif mark in ("”", "»"):
                    if opened is not None:
                        spans.append((opened, m.end()))
                        opened = None
                elif mark in ('"', "''"):
                    before = text[i - 1] if i > p_start else " "
                    if opened is None and (before.isspace() or before in "([—–-/:"):
                        opened = i
                    elif opened is not None:
                        spans.append((opened, m.end()))
                        opened = None
                elif opened is None and (i == p_start or not text[i - 1].isalnum()):
                    close = _single_close(text, i, p_end)  # ‘single’ quotes, apostrophes aside
                    if close:
                        spans.append((i, close))
                        skip_to = close
            if opened is not None:
                carry = opened
            prev_end = p_end
        if carry is not None:
            spans.append((carry, _trim_end(text, carry, prev_end)))
        return spans

    # -- cues ----------------------------------------------------------------
    def features(self, text, start, end, form, sentence, quote_ends, quote_starts, nth=0):
        """Cheap context features of a cue candidate, for the cue model
        (``quote_ends``, ``quote_starts``: sorted offsets of quotations;
        ``nth``: how many candidates precede it in its sentence).

        The form's PolNeAR-train cue rate (as a log-odds), its lemma, class
        and part of speech, the words just before and after (function words
        as they are, other words by shape) and their pairings with the lemma
        and class, quotation marks and colons next to it, a following
        "that", its position in the sentence and among the sentence's
        candidates (the first reporting word of a sentence is its cue more
        often than a later one).

        Examples
        --------
        >>> ex = AttributionExtractor()
        >>> t = "He said that it rained."
        >>> feats = ex.features(t, 3, 7, "said", (0, len(t)), [], [])
        >>> feats["lemma=say"], feats["prev=he"], feats["next=that"], feats["that_after"]
        (1.0, 1.0, 1.0, 1.0)
        """
        return self._features_of(self._context(text, start, end, form, sentence, quote_ends,
                                               quote_starts, nth))

    @staticmethod
    def _context(text, start, end, form, sentence, quote_ends, quote_starts, nth=0):
        """Everything :meth:`features` looks at, as a hashable tuple: the
        form, the shapes of the two words either side, the position in the
        sentence and the mark/colon/"that" flags (equal contexts score equally,
        so :meth:`_cues` scores each distinct context once)."""
        ss, se = sentence
        lo, hi = start - 40, end + 40
        pre = text[lo if lo > ss else ss:start]
        post = text[end:hi if hi < se else se]
        # the words either side: the last six before, the first two after
        before = pre.rsplit(None, 6)
        after = post.split(None, 2)
        that_after = bool(after) and after[0].lower().strip(",") == "that" or \
            len(after) > 1 and after[1] == "that"
        if quote_ends:
            # the mark (or comma) run next to the candidate, from the slices
            # already cut when they hold it whole
            kept = pre.rstrip(" ,\xa0")
            if kept or lo <= ss:
                k = start - len(pre) + len(kept)
            else:
                k = start
                while k > ss and text[k - 1] in " ,\xa0":
                    k -= 1
            i = bisect_left(quote_ends, k)
            if i < len(quote_ends) and quote_ends[i] == k:
                quote_before = 2
            else:
                i = bisect_left(quote_ends, max(ss, start - 60))
                quote_before = int(i < len(quote_ends) and quote_ends[i] < start)
            kept = post.lstrip(" ,:\xa0")
            if kept or hi >= se:
                k = end + len(post) - len(kept)
            else:
                k = end
                while k < se and text[k] in " ,:\xa0":
                    k += 1
            i = bisect_left(quote_starts, k)
            quote_after = i < len(quote_starts) and quote_starts[i] == k
        else:
            quote_before, quote_after = 0, False
        shape = _SHAPES.get
        n_before = len(before)
        return (form,
                (shape(before[-1]) or _shape(before[-1])) if before else "<s>",
                (shape(before[-2]) or _shape(before[-2])) if n_before > 1 else "<s>",
                (shape(after[0]) or _shape(after[0])) if after else "</s>",
                (shape(after[1]) or _shape(after[1])) if len(after) > 1 else "</s>",
                n_before if n_before < 6 else 6, that_after, quote_before, quote_after,
                text[end:end + 2].strip()[:1] == ":",
                # a non-opening character in the slice settles it without the sentence
                start == ss or not pre.strip(_OPENING_CHARS) and _sentence_initial(text, ss, start),
                se - end < 3,
                text[se - 1] not in ".!?…\"”’')",  # a headline or subheading
                nth if nth < 2 else 2)

    def _features_of(self, context):
        (form, prev, prev2, nxt, nxt2, position, that_after, quote_before, quote_after,
         colon_after, sentence_initial, sentence_final, headline, nth) = context
        lemma, verb_class, construction, rate, pos = self._entries[form]
        feats = {"rate": _logit(rate if rate is not None else self.default_rate),
                 f"lemma={lemma}": 1.0, f"class={verb_class}": 1.0,
                 f"pos={pos}": 1.0}
        feats[f"prev={prev}"] = 1.0
        feats[f"prev2={prev2}"] = 1.0
        feats[f"next={nxt}"] = 1.0
        pk, nk = _kind(prev), _kind(nxt)
        feats[f"prev+next={pk}|{nk}"] = 1.0
        feats[f"lemma+prev={lemma}|{pk}"] = 1.0
        feats[f"lemma+next={lemma}|{nk}"] = 1.0
        feats[f"class+prev={verb_class}|{pk}"] = 1.0
        feats[f"class+next={verb_class}|{nk}"] = 1.0
        feats[f"position={position}"] = 1.0
        feats[f"next2={nxt2}"] = 1.0
        feats[f"prev2+prev={_kind(prev2)}|{pk}"] = 1.0
        feats[f"lemma+next2={lemma}|{_kind(nxt2)}"] = 1.0
        if that_after:
            feats["that_after"] = 1.0
        if quote_before == 2:
            feats["quote_before"] = 1.0
        elif quote_before:
            feats["quote_before_near"] = 1.0
        if quote_after:
            feats["quote_after"] = 1.0
        if colon_after:
            feats["colon_after"] = 1.0
        if sentence_initial:
            feats["sentence_initial"] = 1.0
        if sentence_final:
            feats["sentence_final"] = 1.0
        if headline:
            feats["headline"] = 1.0
            feats[f"headline+class={verb_class}"] = 1.0
        feats[f"nth={nth}"] = 1.0
        feats[f"nth+prev={nth}|{pk}"] = 1.0
        return feats

    def _score(self, feats):
        # every feature is binary but the rate: sum the weights, then scale the rate's
        return (self._bias + sum(map(self._weights.get, feats, repeat(0.0))) +
                self._weights.get("rate", 0.0) * (feats["rate"] - 1.0))

    def candidates(self, text, lower=None):
        """Lexicon matches ``(start, end, form)`` in ``text``, longest form first
        (``lower``: ``text.lower()``, if already made).

        Examples
        --------
        >>> [f for _, _, f in AttributionExtractor().candidates("He pointed out, she said.")]
        ['pointed out', 'said']
        """
        single, multi = self._single, self._multi
        found = []
        last_end = 0
        # matching lower-cased text is faster than a case-insensitive pattern;
        # the rare characters whose lower case is longer fall back to ASCII
        lowered = text.lower() if lower is None else lower
        if len(lowered) != len(text):
            lowered = text.translate(_ASCII_LOWER)
        n = len(text)
        # a space before the text stands for its start (offsets shift by one:
        # the match opens with the one character before the word, so in the
        # text the word starts where the match does)
        for m in self._first_words.finditer(" " + lowered):
            start, end = m.start(), m.end() - 1
            if start < last_end:
                continue
            word = m.group(1)
            pattern = multi.get(word)
            if pattern is not None:
                full = pattern.match(text, start)
                if full is not None:
                    found.append((start, full.end(), " ".join(full.group().lower().split())))
                    last_end = full.end()
                    continue
            if word in single and not (  # not "well-known", "than-expected"
                    end < n and text[end] in "-’'" and text[end + 1:end + 2].isalpha() or
                    start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()):
                found.append((start, end, word))
        return found

    def scored_candidates(self, doc, quotes=None):
        """Cue candidates of a document: lexicon matches outside quotations
        and boilerplate (capitalised matches inside a sentence are names and
        skipped), as ``(start, end, form, features)`` tuples.

        Examples
        --------
        >>> doc = Document("Then Hope said “we think so.”")
        >>> [form for _, _, form, _ in AttributionExtractor().scored_candidates(doc)]
        ['said']
        """
        if quotes is None:
            quotes = self.quotations(doc.text, doc.paragraphs)
        for start, end, context, s_idx in self._candidate_contexts(doc, quotes):
            yield start, end, context[0], self._features_of(context)

    def _candidate_contexts(self, doc, quotes):
        text = doc.text
        blocked = sorted([(s, e) for s, e in quotes] + [(s, e) for s, e, _ in doc.boilerplate])
        blocked_starts = [s for s, _ in blocked]
        quote_starts = sorted(s for s, _ in quotes)
        quote_ends = sorted(e for _, e in quotes)
        sentences = doc.sentences
        sentence_starts = [s for s, _ in sentences]  # doc.sentence_of, without a call per candidate
        title_case = {}  # per sentence, asked only of capitalised candidates
        last_sentence, nth = -1, 0
        for start, end, form in self.candidates(text, doc.lower):
            # a cue word inside a quotation or boilerplate line is what
            # someone said or a promo, not the journalist's attribution; the
            # nearest blocked span starting before it is the one asked (a
            # quotation holding a boilerplate line before the cue would let
            # the cue through: rare enough not to pay a scan per candidate)
            k = bisect_right(blocked_starts, start) - 1
            if k >= 0 and blocked[k][0] < start and end <= blocked[k][1]:
                continue
            s_idx = bisect_right(sentence_starts, start) - 1
            if s_idx < 0:
                continue
            ss, se = sentences[s_idx]
            if end > se:
                continue  # a multiword cue across a sentence break is two words, not a cue
            if text[start].isupper() and start != ss and not _sentence_initial(text, ss, start):
                if s_idx not in title_case:
                    title_case[s_idx] = _title_case(text, ss, se)
                if not title_case[s_idx]:
                    continue  # a name ("Hope Hicks", "Will"), not a verb
            nth = nth + 1 if s_idx == last_sentence else 0
            last_sentence = s_idx
            yield start, end, self._context(text, start, end, form, (ss, se), quote_ends,
                                            quote_starts, nth), s_idx

    def _score_context(self, context):
        """``self._score(self._features_of(context))``, summed from parts that
        repeat across candidates (the form; the words before it; the words
        after it; the word either side with the candidates before; the
        position and flags), each part computed once per process and then
        looked up (one dictionary per part, keyed without its name)."""
        form, prev, prev2, nxt, nxt2 = context[:5]
        forms, befores, afters, arounds, flags = self._memo
        lemma, verb_class = self._entries[form][:2]
        # the words either side count through the form's lemma and class only:
        # keyed by those, the parts of a verb's several forms are one
        a = forms.get(form)
        if a is None:
            a = self._memo_part(forms, form, ("form", form))
        key = (lemma, verb_class, prev, prev2)
        b = befores.get(key)
        if b is None:
            b = self._memo_part(befores, key, ("before",) + key)
        key = (lemma, verb_class, nxt, nxt2)
        c = afters.get(key)
        if c is None:
            c = self._memo_part(afters, key, ("after",) + key)
        key = (prev, nxt, context[-1])
        d = arounds.get(key)
        if d is None:
            d = self._memo_part(arounds, key, ("around",) + key)
        key = (verb_class,) + context[5:]
        e = flags.get(key)
        if e is None:
            e = self._memo_part(flags, key, ("flags",) + key)
        return 0.0 + a + b + c + d + e  # the order of the sum as ever: same float

    def _memo_part(self, memo, key, full_key):
        if len(memo) > 100_000:  # bound the memory of a long-running process
            memo.clear()
        part = memo[key] = self._part(full_key)
        return part

    def _part(self, key):
        w = self._weights.get
        which = key[0]
        if which == "form":  # its prior, lemma, class, part of speech
            lemma, verb_class, _, rate, pos = self._entries[key[1]]
            return (self._bias + w("rate", 0.0) * _logit(rate if rate is not None else
                                                          self.default_rate) +
                    w(f"lemma={lemma}", 0.0) + w(f"class={verb_class}", 0.0) + w(f"pos={pos}", 0.0))
        if which == "before":  # the two words before
            _, lemma, verb_class, prev, prev2 = key
            pk = _kind(prev)
            return (w(f"prev={prev}", 0.0) + w(f"prev2={prev2}", 0.0) +
                    w(f"lemma+prev={lemma}|{pk}", 0.0) + w(f"class+prev={verb_class}|{pk}", 0.0) +
                    w(f"prev2+prev={_kind(prev2)}|{pk}", 0.0))
        if which == "after":  # the two words after
            _, lemma, verb_class, nxt, nxt2 = key
            nk = _kind(nxt)
            return (w(f"next={nxt}", 0.0) + w(f"next2={nxt2}", 0.0) +
                    w(f"lemma+next={lemma}|{nk}", 0.0) + w(f"class+next={verb_class}|{nk}", 0.0) +
                    w(f"lemma+next2={lemma}|{_kind(nxt2)}", 0.0))
        if which == "around":  # the word either side, and the candidates before
            _, prev, nxt, nth = key
            return (w(f"prev+next={_kind(prev)}|{_kind(nxt)}", 0.0) +
                    w(f"nth+prev={nth}|{_kind(prev)}", 0.0))
        (_, verb_class, position, that_after, quote_before, quote_after, colon_after,
         sentence_initial, sentence_final, headline, nth) = key
        flags = {"that_after": that_after, "quote_before": quote_before == 2,
                 "quote_before_near": quote_before == 1, "quote_after": quote_after,
                 "colon_after": colon_after, "sentence_initial": sentence_initial,
                 "sentence_final": sentence_final, "headline": headline,
                 f"headline+class={verb_class}": headline}
        return (w(f"position={position}", 0.0) + w(f"nth={nth}", 0.0) +
                sum(w(f, 0.0) for f, on in flags.items() if on))

    def _cues(self, doc, quotes):
        cues = []
        score_context = self._score_context
        threshold = self.threshold
        for start, end, context, s_idx in self._candidate_contexts(doc, quotes):
            score = score_context(context)
            if score >= threshold:
                cues.append((start, end, self._entries[context[0]], s_idx, score))
        return cues

    # -- attributions ----------------------------------------------------
    def extract(self, doc) -> list[dict]:
        """Attributions of one document, in text order.

        Parameters
        ----------
        doc : framing.text.Document or str

        Returns
        -------
        list of dict
            One dict per attribution with the keys of
            :data:`ATTRIBUTION_COLUMNS` (without ``doc_id``) plus
            ``content_fragments`` (list of ``(start, end)``). A missing span
            has ``-1, -1, ""``.

        Examples
        --------
        >>> ex = AttributionExtractor()
        >>> a = ex.extract(Document("According to officials, the plan failed."))[0]
        >>> a["source_text"], a["cue_text"], a["content_text"], a["kind"]
        ('officials', 'According to', 'the plan failed', 'according_to')
        """
        if isinstance(doc, str):
            doc = Document(doc)
        text = doc.text
        quotes = self.quotations(text, doc.paragraphs)
        cues = self._cues(doc, quotes)
        lower = doc.lower  # for the clause-end scan, when its offsets are the text's
        lower = lower if len(lower) == len(text) and not _CASE_TRAPS.search(text) else None
        found = []
        last_cue_end = -1
        for i, (start, end, entry, s_idx, score) in enumerate(cues):
            if start < last_cue_end:
                continue  # part of the previous cue ("said in a statement")
            ss, se = doc.sentences[s_idx]
            lo = cues[i - 1][1] if i and cues[i - 1][3] == s_idx else ss
            att = self._build(doc, quotes, start, end, entry, ss, se, lo, lower)
            if att is not None:
                att["cue_score"] = score
                found.append(att)
                # nor is a word of a source after its cue ("said Lee, who chairs the forum")
                last_cue_end = max(att["cue_end"], att["source_end"])
        found = _untangle(text, found + self._colon_speakers(doc, quotes))
        seen_sources = set()
        for att in found:  # univocal: a shared subject is the first cue's source only
            span = (att["source_start"], att["source_end"])
            if span in seen_sources and span[0] >= 0:
                att["source_start"] = att["source_end"] = -1
                att["source_text"] = ""
            seen_sources.add(span)
        _attach_quotations(doc, quotes, found)
        _resolve_pronouns(doc, found)
        for n, att in enumerate(found):
            att["attribution_id"] = n
        return found

    def _build(self, doc, quotes, start, end, entry, ss, se, lo, lower=None):
        hi = se
        text = doc.text
        floor = max(lo, ss)  # where the cue's clause may begin
        verb = text[start:end]
        lemma, verb_class, construction, _, pos = entry
        cue_start, cue_end = start, end
        if construction == "according_to":
            return self._according_to(doc, quotes, start, end, entry, ss, se)
        # auxiliaries and adverbs before the verb are part of the cue
        cue_start = _cue_prefix_start(text, floor, start)
        suffix = _CUE_SUFFIX.match(text, cue_end, se) or _ADVERB_AFTER.match(text, cue_end, se)
        if suffix:
            cue_end = suffix.end()
        source = content = None
        fragments = []
        kind = "indirect"
        # a quotation closing just before the cue: “...,” [source] said [source]
        q_before = _quote_ending_before(quotes, text, cue_start, floor - 1)
        if q_before is not None:
            qs, qe = q_before
            gap = text[qe:cue_start]
            if gap.strip(" ,—–-\n"):
                source = _trim(text, qe, cue_start, " ,—–-")
                comma = text.rfind(",", *source)
                if comma > 0 and text[source[0]].islower() and \
                        text[source[0]:comma].split()[0] not in _ARTICLES:
                    source = _trim(text, comma + 1, source[1])  # “...” job, he said
            else:
                source = _source_after(text, cue_end, se)
                if source is not None:
                    source = _with_appositive(text, source, se)
            fragments.append((qs, qe))
            kind = "direct"
            tail_from = source[1] if source and source[0] >= cue_end else cue_end
            tail = _COMMA_OR_COLON.match(text, tail_from, se) or \
                _CIRCUMSTANCE_THEN_COMMA.match(text, tail_from, se)
            if tail:
                # the quotation goes on after the cue, perhaps after a short
                # circumstance ("he said of Trump, “...”"); any other tail
                # ("..., adding that ...") is a clause of its own
                nxt = _quote_starting_at(quotes, tail.end())
                if nxt is not None:
                    fragments.append(nxt)
            return self._row(text, source, (cue_start, cue_end), fragments, kind, lemma, verb_class)
        # subject before the cue; a noun cue has only a possessive source
        # ("Trump's criticism of", "his statement")
        participle = verb.endswith("ing") and \
            text[floor:cue_start].rstrip().endswith(",")
        source = _source_before(text, floor if not participle else ss, cue_start, participle,
                                lo <= ss)
        if pos == "noun" and source is not None:
            owner = _OWNER.search(text[source[0]:cue_start])
            source = (source[0] + owner.start(1), source[0] + owner.end(1)) if owner and \
                (owner.group(1).lower() in ("his", "her", "their", "its") or
                 owner.group(1)[-2:] in ("'s", "’s") or owner.group(1)[-1] in "'’") else None
        after = cue_end
        time = _TIME.match(text, after, se)
        if time:
            after = time.end()
        passive_agent = None
        # "is reporting", "isn't saying" are progressive, not passive
        passive = _PASSIVE_AUX.search(text[max(ss, start - 24):start]) and \
            not verb.split()[0].endswith("ing") or (
            # a reduced relative: "an article written by X", "the team known as"
            source is not None and verb.endswith(_PARTICIPLE_ENDINGS) and
            _BY_OR_AS.match(text, after, se) is not None and
            text[source[0]:source[1]].lower() not in _PRONOUNS)
        if passive and source is not None and text[source[0]:source[1]].lower() in ("it", "there"):
            source = None  # "It was reported that ...": no source in the text
        if source is not None and passive:
            by = _BY.match(text, after, se)
            if by:
                passive_agent = _source_after(text, by.end(), se)
                name = passive_agent and _NAME_PHRASE.match(text, *passive_agent)
                if name:  # "written by Lee Min praised ...": the name, not the clause
                    passive_agent = name.span()
        if passive and passive_agent is None and lemma == "ask" and source is not None:
            source = None  # "Lee was asked about ...": the asker is not named
        if passive_agent is not None:
            content = source
            source = passive_agent
            fragments = [content]
            return self._row(text, source, (cue_start, cue_end), fragments, "indirect", lemma,
                             verb_class)
        if source is not None and (lemma in _RAISING or passive and (
                lemma in _PASSIVE_RAISING or verb_class != "internal_state" and
                lemma not in _ADDRESSEE_VERBS and lemma != "quote" and
                not verb.endswith("ing"))):
            # "The field appeared poised to narrow", "Many Democrats are expected to
            # follow", "Sanders was declared the winner": the subject is what is
            # held or reported, by nobody named (an agent after "by" is handled
            # above; in "X was asked" X is the addressee, in "X is worried" the source)
            comma = _ASIDE_END.search(text, after, se)
            rest = _clause(text, after, comma.start() if comma else se, lower=lower)
            # "It seems that ...": an expletive subject holds nothing
            held = [] if text[source[0]:source[1]].lower() in ("it", "there") else [source]
            fragments = held + ([rest] if rest else [])
            return self._row(text, None, (cue_start, cue_end), fragments, "indirect", lemma,
                             verb_class)
        if lemma in _ADDRESSEE_VERBS:
            addressee = _ADDRESSEE.match(text, after, se)
            if addressee:
                after = addressee.end()
                time = _TIME.match(text, after, se)
                if time:
                    after = time.end()
        if source is None:
            # no subject, but an agent: "As reported by the Post, ...", "disliked
            # by the establishment", "drew criticism from his rivals"
            agent = (_BY if pos != "noun" else _BY_OR_FROM).match(text, after, se)
            if agent and (pos == "noun" or passive or verb.endswith(_PARTICIPLE_ENDINGS)):
                source = _source_after(text, agent.end(), se)
                if source is not None:
                    after = source[1]
        if source is not None and _COMMA.match(text, after, se) and \
                text[floor:source[0]].rstrip().endswith(","):
            # a parenthetical cue: "The plan, he said, would fail."
            head = _trim(text, ss, source[0], " ,—–-\n")
            tail = _clause(text, after + text[after:se].index(",") + 1, se, lower=lower)
            fragments = [f for f in (head, tail) if f and f[1] > f[0]]
            if fragments:
                kind = "direct" if all(_quote_covers(quotes, *f) for f in fragments) else (
                    "mixed" if any(_contains_quote(quotes, *f) for f in fragments) else "indirect")
                return self._row(text, source, (cue_start, cue_end), fragments, kind, lemma,
                                 verb_class)
        if source is not None and source[1] <= cue_start and \
                _CIRCUMSTANCE_TO_END.match(text, after, se) and \
                text[floor:source[0]].rstrip().endswith(","):
            # "The deficit will grow, the agency reported on Tuesday -- a blow to ...",
            # "..., she told a Senate panel": what was said precedes the source
            head = _trim(text, floor, source[0], " ,—–-\n")
            if head[1] > head[0] and not _circumstance_only(text, head[0], source[0]):
                kind = "direct" if _quote_covers(quotes, *head) else (
                    "mixed" if _contains_quote(quotes, *head) else "indirect")
                return self._row(text, source, (cue_start, cue_end), [head], kind, lemma,
                                 verb_class)
        content_start = _OPT_COLON.match(text, after, se).end()
        that = _PP_THEN_THAT.match(text, content_start, se)
        if that:
            content_start = that.start(1)  # "contended in its letter, ..., that ...": the clause
        lead_in = _LEAD_IN.match(text, content_start, se)
        if lead_in and source is not None:
            # "X wrote in a tweet on Friday: “...”": the circumstance before
            # the colon is in neither the cue nor the content
            content_start = lead_in.end()
        # "..., said Trump" inverts; "..., saying the law was unfair" does not
        inverted_ok = _inversion_slot(text[floor:cue_start]) and \
            not verb.endswith("ing")
        if source is None and inverted_ok:
            inverted = _source_after(text, after, se)
            if inverted is not None and _PUNCT_AFTER.match(text[inverted[1]:se] or "."):
                # "..., said Trump." / "said Trump:" / "Said a spokesman: ..."
                source = _with_appositive(text, inverted, se)  # "..., said Lee Min, a farmer."
                content_start = source[1] + len(_SEPARATORS.match(text[source[1]:se]).group())
        prep = _PREP_HEAD.match(text, cue_end, se)
        if prep and prep.end() > content_start and not text[cue_end:content_start].strip():
            # "railed against it", "talked about immigration": PolNeAR's cue
            # takes the preposition, the content is its object
            cue_end = _trim(text, cue_end, prep.end())[1]
            content_start = prep.end()
        if content_start < min(se, hi) and not text[content_start:se].strip(" .!?\n") == "":
            q = _quote_starting_at(quotes, content_start)
            if q is not None and q[1] >= _trim(text, content_start, se, " .")[1] - 1:
                fragments = [q]
                kind = "direct"
            else:
                stop = min(se, hi)
                if source is not None and text[source[0]:source[1]].lower() in _RELATIVE and \
                        text[max(ss, source[0] - 3):source[0]].rstrip().endswith(","):
                    # "Lee, who said the talks failed, left": the aside ends at its comma
                    comma = _ASIDE_END.search(text, content_start, stop)
                    stop = comma.start() if comma else stop
                if verb_class.startswith(_NP_OBJECT_CLASSES) or lemma == "ask":
                    # "praised Kim's record, crediting her ...": the object ends at a comma
                    comma = _ASIDE_END.search(text, content_start, stop)
                    stop = comma.start() if comma else stop
                clause = _clause(text, content_start, stop, lower=lower)
                if clause:
                    i = bisect_right(quotes, clause[1], key=_START) - 1
                    if i >= 0 and clause[0] <= quotes[i][0] and quotes[i][1] > clause[1] and \
                            stop == se:
                        # a quotation the clause opens runs on past the sentence
                        clause = (clause[0], quotes[i][1])
                    fragments = [clause]
                    kind = "mixed" if _contains_quote(quotes, *clause) else "indirect"
            if fragments and text[cue_end:fragments[0][0]].rstrip().endswith(":") and \
                    fragments[0][1] >= se - 1:
                fragments.extend(_following_quotes(text, quotes, doc.paragraphs, se))
        elif text[cue_end:se].strip() == "" or _END_OR_COLON.match(text, cue_end, se):
            # "X said:" ending a paragraph introduces the next one
            if text[cue_end:se].strip().startswith(":"):
                fragments = _following_quotes(text, quotes, doc.paragraphs, se, any_paragraph=True)
                kind = "direct" if fragments and text[fragments[0][0]] in _QUOTE_CHARS + _OPEN else "indirect"
        if not fragments and source is not None:
            # content before the source: "The plan failed, X said." / "“...” X said."
            head_end = min(source[0], cue_start)
            head = _trim(text, ss, head_end, " ,—–-\n")
            if head[1] > head[0] and text[head[1]:head_end].strip(" \n") in (",", "", "—", "–") \
                    and not _circumstance_only(text, head[0], head_end):
                fragments = [head]
                kind = "direct" if _quote_covers(quotes, *head) else (
                    "mixed" if _contains_quote(quotes, *head) else "indirect")
            elif not text[cue_end:se].strip(" .\n"):
                # "In a statement, Lee said. “...”": the quotation that follows
                nxt = _quote_starting_at(quotes, _SPACES.match(text, se).end())
                if nxt is not None:
                    fragments = _split_paragraphs(nxt, doc.paragraphs)
                    kind = "direct"
        if not fragments:
            return None
        return self._row(text, source, (cue_start, cue_end), fragments, kind, lemma, verb_class)

    def _colon_speakers(self, doc, quotes):
        """Paragraphs opening with a speaker's name and a colon ("Lee: We
        will win.", interview transcripts, "Lee: ..." headlines): the colon
        is the cue, the rest of the paragraph the content."""
        text = doc.text
        found = []
        find = text.find
        for ps, pe in doc.paragraphs:
            if find(":", ps, ps + 80) < 0:  # most paragraphs: no colon near the start
                continue
            m = _COLON_SPEAKER.match(text, ps, pe)
            if m is None:
                continue
            words = m.group(1).lower().split()
            if words[0].strip(".") in _colon_labels() or any(
                    w in _FUNCTION_WORDS or w in _CLAUSE_OPENERS for w in words) or \
                    any(bs <= ps < be for bs, be, _ in doc.boilerplate):
                continue
            content = _clause(text, m.end(), pe, cut=False)
            if content is None or len(text[content[0]:content[1]].split()) < 2:
                continue
            kind = "direct" if _quote_covers(quotes, *content) else (
                "mixed" if _contains_quote(quotes, *content) else "indirect")
            att = self._row(text, m.span(1), m.span(2), [content], kind, ":", "neutral")
            att["cue_score"] = 0.0
            found.append(att)
        return found

    def _according_to(self, doc, quotes, start, end, entry, ss, se):
        hi = se
        text = doc.text
        lemma, verb_class, _, _, _ = entry
        source = _source_after(text, end, se)
        if source is None:
            return None
        after = text[source[1]:se]
        lead = text[ss:start].strip(" ,—–-(\n")
        if _COMMA.match(after) and len(lead.split()) < 5 and \
                (not lead or text[ss:start].rstrip().endswith(",")):
            # "According to X, ..." / "Over the long term, according to X, ...":
            # the clause after; a short opener before is in neither
            content = _clause(text, source[1] + after.index(",") + 1, min(se, hi))
        else:
            content = _trim(text, ss, start, " ,—–-(\n")
            if content[1] <= content[0]:
                content = _clause(text, source[1], min(se, hi))
        if not content or content[1] <= content[0]:
            return None
        return self._row(text, source, (start, end), [content], "according_to", lemma, verb_class)

    @staticmethod
    def _row(text, source, cue, fragments, kind, lemma, verb_class):
        c0 = c1 = -1
        if len(fragments) == 1 and fragments[0] and text.find("\n", *fragments[0]) < 0:
            c0, c1 = _trim(text, *fragments[0])  # most contents: one piece on one line
        if c1 > c0:
            fragments = [(c0, c1)]
            content_text = text[c0:c1]
        else:
            fragments = sorted({piece for f in fragments if f and f[1] > f[0]
                                for piece in _split_lines(text, *f)})
            c0, c1 = (fragments[0][0], fragments[-1][1]) if fragments else (-1, -1)
            content_text = _FRAGMENT_JOIN.join(text[fs:fe] for fs, fe in fragments)
        s0, s1 = source if source is not None else (-1, -1)
        return {
            "source_start": s0, "source_end": s1, "source_text": text[s0:s1] if s0 >= 0 else "",
            "cue_start": cue[0], "cue_end": cue[1], "cue_text": text[cue[0]:cue[1]],
            "cue_lemma": lemma, "verb_class": verb_class,
            "content_start": c0, "content_end": c1,
            "content_text": content_text,
            "kind": kind, "resolved_source": "", "content_fragments": fragments,
        }

    # -- span rows and measures -------------------------------------------
    def spans(self, doc, attributions=None) -> list[dict]:
        """Span rows (without ``doc_id``): one ``source``, one ``cue`` and one
        ``content`` row per content fragment of each attribution.

        ``label`` is the verb class on cues, the kind on contents and the
        source's kind on sources (``pronoun`` or ``name``); ``attribution_id``
        links the rows of one attribution.

        Examples
        --------
        >>> ex = AttributionExtractor()
        >>> [(r["signal"], r["label"], r["text"]) for r in ex.spans(Document("Kim stressed that it worked."))]
        [('source', 'name', 'Kim'), ('cue', 'assertive', 'stressed'), ('content', 'indirect', 'that it worked')]
        """
        if isinstance(doc, str):
            doc = Document(doc)
        if attributions is None:
            attributions = self.extract(doc)
        text = doc.text
        rows = []
        for att in attributions:
            aid = att["attribution_id"]
            if att["source_start"] >= 0:
                src = att["source_text"]
                label = "pronoun" if src.lower() in _PRONOUNS else "name"
                rows.append({"start": att["source_start"], "end": att["source_end"],
                             "signal": "source", "label": label, "text": src,
                             "attribution_id": aid})
            rows.append({"start": att["cue_start"], "end": att["cue_end"], "signal": "cue",
                         "label": att["verb_class"], "text": att["cue_text"],
                         "attribution_id": aid})
            for s, e in att["content_fragments"]:
                rows.append({"start": s, "end": e, "signal": "content", "label": att["kind"],
                             "text": text[s:e], "attribution_id": aid})
        return rows

    def measures(self, doc, attributions=None) -> dict:
        """Per-article attribution measures.

        ``n_attributions``; ``direct_quote_share`` (direct or mixed quotations among
        attributions); ``attributions_per_100_words``; ``missing_source_share``;
        and one ``cue_<verb_class>`` count per class.

        Examples
        --------
        >>> ex = AttributionExtractor()
        >>> m = ex.measures(Document("“Yes,” Kim said. Putin praised the troops."))
        >>> m["n_attributions"], m["direct_quote_share"], m["cue_evaluative_positive"]
        (2, 0.5, 1)
        """
        if isinstance(doc, str):
            doc = Document(doc)
        if attributions is None:
            attributions = self.extract(doc)
        n = len(attributions)
        out = {"n_attributions": n,
               "direct_quote_share": (sum(a["kind"] in ("direct", "mixed") for a in attributions) / n
                                if n else 0.0),
               "attributions_per_100_words": 100 * n / doc.n_words if doc.n_words else 0.0,
               "missing_source_share": (sum(a["source_start"] < 0 for a in attributions) / n
                                        if n else 0.0)}
        classes = Counter(a["verb_class"] for a in attributions)
        for cls in self._verb_classes:
            out[f"cue_{cls}"] = classes[cls]
        return out


# -- helpers -----------------------------------------------------------------
_FUNCTION_WORDS = frozenset(
    "the a an this that these those his her their its our my your he she they it we i you who "
    "which to of in on at by for with from as and but or not has have had was were is are be "
    "been will would could should may might can also".split())


def _shape(token):
    """A context word as a feature: function words and punctuation as they
    are, other words by shape, so the model generalises past names."""
    shape = _SHAPES.get(token)
    if shape is None:
        if len(_SHAPES) > 100_000:  # bound the memory of a long-running process
            _SHAPES.clear()
        shape = _SHAPES[token] = _word_shape(token)
    return shape


_SHAPES = {}


def _word_shape(token):
    word = token.lower().strip(".,;:!?()[]")
    if word in _FUNCTION_WORDS:
        return word
    if not word:
        return token[:1] if token[:1] in "“”\"'‘’:,;—–-(" else "punct"
    if token[:1] in "“\"‘'" or token[-1:] in "”\"’'":
        return "quoted"
    if token[:1].isupper():
        return "Cap"
    if word.endswith("ly"):
        return "adverb"
    return "lower"


def _kind(shape):
    if shape in _PRONOUNS:
        return "pron"
    if shape in ("the", "a", "an", "this", "his", "her", "their", "its", "our", "my", "your"):
        return "det"
    return shape if shape in ("Cap", "lower", "quoted", "<s>", "</s>", "to", "that") else "other"


def _trim(text, start, end, chars=" "):
    chars = chars + " \t\n\xa0"
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _trim_end(text, start, end):
    return _trim(text, start, end)[1]


def _split_lines(text, start, end):
    """``(start, end)`` cut at line breaks into trimmed pieces: PolNeAR
    annotates a quotation running over paragraphs as one fragment each."""
    pieces = []
    while True:
        cut = text.find("\n", start, end)
        s, e = _trim(text, start, cut if cut >= 0 else end)
        if e > s:
            pieces.append((s, e))
        if cut < 0:
            return pieces
        start = cut + 1


def _single_close(text, i, limit):
    """End of a ‘single-quoted’ stretch opened at ``i``, or 0."""
    j = i + 1
    while True:
        j = text.find("’", j, limit)
        if j < 0:
            return 0
        after = text[j + 1] if j + 1 < len(text) else " "
        if not after.isalnum():
            return j + 1
        j += 1


def _title_case(text, ss, se):
    """Whether a sentence is a title-case headline ("Trump Slams Clinton Over
    Emails"), where capitals do not mark names."""
    words = [w for w in text[ss:se].split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_OPENING_CHARS = " “\"‘(—–-"


def _inversion_slot(seg):
    """Whether a cue after ``seg`` can take its source after it ("...,
    said Lee", "“...” said Lee"): ``seg`` is blank or ends in a comma or a
    closing quotation mark."""
    seg = seg.rstrip()
    return not seg or seg[-1] in ",”\"’'"


def _sentence_initial(text, ss, start):
    return text[ss:start].strip(_OPENING_CHARS) == ""


# A paragraph opening with up to five capitalised words, a colon and words (not a
# time or a score): a speaker and what they said ("Lee: We will win.").
_COLON_SPEAKER = re.compile(r"((?:[A-Z][\w.’'-]*+[ \t]++){0,4}+[A-Z][\w.’'-]*+)(:)[ \t]+(?=[^\d\s])")


@lru_cache(maxsize=1)
def _colon_labels():
    return frozenset(load_lexicon("colon_labels")["label"].str.lower())


# A short circumstance after a cue and before the rest of its quotation
# ("of Trump", "after the debate", "to CNN on Sunday"), no verb in it.
_CIRCUMSTANCE_THEN_COMMA = re.compile(
    r"\s+(?:of|about|to|on|in|at|after|before|during|from|with|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|later|earlier|again|yesterday|today|last)\b"
    r"(?:\s+(?!(?:that|and|but|adding|saying|noting)\b)[\w.’'-]+){0,7}\s*,\s*(?=[“\"‘]|'')")
_PP_THEN_THAT = re.compile(r"(?:in|on|at|during|after|before|to|with|from)\s[^“”\"]{1,120}?,\s+(that)\s")
_ARTICLES = frozenset("the a an this".split())
_NOT_SPACE = re.compile(r"\S")


def _speech_end(text, start, end):
    """Whether ``text[start:end]`` ends in speech punctuation and closing
    marks (maybe before a final line break): what ``re.search(r"[,.!?…—–-][”\"’']+$")``
    finds, looking only at the end rather than trying each character."""
    for stop in (end, end - 1 if end > start and text[end - 1] == "\n" else -1):
        k = stop
        while k > start and text[k - 1] in _CLOSING_MARKS:
            k -= 1
        if start < k < stop and text[k - 1] in _SPEECH_PUNCT:
            return True
    return False


_CLOSING_MARKS = "”\"’'"
_SPEECH_PUNCT = ",.!?…—–-"
# Quotations are sorted and never overlap (see AttributionExtractor.quotations),
# so their starts and their ends are both in order: look them up by bisection.
_START, _END = itemgetter(0), itemgetter(1)


def _quote_ending_before(quotes, text, cue_start, floor):
    """The quotation that ends just before ``cue_start`` with only a short
    source or punctuation between them (``“...,” he said`` / ``“...” Putin told``)."""
    i = bisect_right(quotes, cue_start, key=_END) - 1
    if i < 0:
        return None
    qs, qe = quotes[i]
    if qs > floor + 1 and text[floor + 1:qs].strip() and not _speech_end(text, qs, qe):
        return None  # a scare quote inside the clause: 'a "good" job, he said' 
    # (the first non-space after the quotation found without copying what
    # may be most of the article)
    if qe <= floor and (_NOT_SPACE.search(text, qe, floor + 1) or
                        not _QUOTE_ENDS_CLAUSE.search(text[qs:qe])):
        return None  # a quotation in an earlier sentence, unless it ends in ",” or ?”
    gap = text[qe:cue_start]
    gap_words = gap.split()
    first = gap_words[0].lower() if gap_words else ""
    if first in _CLAUSE_OPENERS or first in _NOT_A_SOURCE and first not in _ARTICLES:
        return None  # “...” and said: the quotation belongs to what went before
    if "\n" in gap or "." in gap and \
            "." in gap.replace("Mr.", "").replace("Mrs.", "").replace("Ms.", "").replace("Dr.", ""):
        return None
    if len(gap_words) <= 25 and not _QUOTE_OR_COLON.search(gap):
        return qs, qe
    return None


def _quote_starting_at(quotes, pos):
    i = bisect_left(quotes, pos, key=_START)
    return quotes[i] if i < len(quotes) and quotes[i][0] == pos else None


def _quote_covers(quotes, start, end):
    i = bisect_right(quotes, start, key=_START) - 1
    return i >= 0 and end <= quotes[i][1]


def _contains_quote(quotes, start, end):
    i = bisect_left(quotes, start, key=_START)
    return i < len(quotes) and quotes[i][1] <= end


# Where a reported clause ends before its sentence does: a following
# adverbial or relative clause belongs to the journalist's narration. A
# "because", "while", "during" or "despite" with no comma before it mostly
# goes on with what is reported (over 80% of the time in PolNeAR train).
_CLAUSE_END = re.compile(
    r"(?<=,[”\"’'])\s+(?:but|which|while|who|whereas|although|though|[a-z]+ing)\b|"
    r",\s+(?:but|which|while|who|even|despite|whereas|although|though|as|and|the|a|an|with|including|according)\b|"
    r",\s+[a-z]+ing\s|\s[—–-]\s|\s+but\s|\s+and\s+(?:also\s+|then\s+)?[a-z]+ed\s|"
    rf"\s+(?:on\s+)?{_DAY}(?:\s+(?:night|morning|afternoon|evening))?(?=[\s,.;]*$|,)|"
    r"\s+(?:after|when|before|whereas)\s", re.IGNORECASE)
# Every alternative above starts at white space or a comma: behind a
# look-ahead for one, the same pattern rejects every other position at once
# and scans in 40% less time (same matches; a new alternative must start so,
# which tests/test_attribution_speed.py checks).
_CLAUSE_END_SCAN = re.compile(r"(?=[\s,])(?:" + _CLAUSE_END.pattern + ")", _CLAUSE_END.flags)
# Case-blind matching is slow: on lower-cased text the lower-cased pattern
# finds the same clause ends in a third less time, unless the text holds one
# of the four non-ASCII letters that IGNORECASE equates with ASCII ones
# (dotted and dotless i, long s, the Kelvin sign; tests/test_attribution_speed.py
# checks the list against every code point).
_CLAUSE_END_LOWER_SCAN = re.compile(_CLAUSE_END_SCAN.pattern.lower())
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")


def _clause(text, start, end, cut=True, lower=None):
    """The reported clause from ``start`` to ``end`` without the final
    punctuation (a closing quotation mark stays), ending before a trailing
    adverbial clause ("..., which", "... after ...") outside quotations
    (``lower``: the text lower-cased with the same offsets and no
    :data:`_CASE_TRAPS`, scanned faster)."""
    if cut:
        semicolon = text.find(";", start, end)
        end = semicolon if semicolon > start else end
        scan = _CLAUSE_END_SCAN if lower is None else _CLAUSE_END_LOWER_SCAN
        for m in scan.finditer(text if lower is None else lower, start + 1, end):
            if len(text[start:m.start()].split()) >= 4:  # "that after the attacks, ..." goes on
                # not inside a quotation (an even number of marks before it)
                if len(_QUOTE_MARK.findall(text, start, m.start())) % 2 == 0:
                    end = m.start()
                    break
    s, e = _trim(text, start, end, " ,:")
    while e > s and text[e - 1] in ".,;:!?—–-" and text[e - 1] not in "!?":
        e -= 1
    s, e = _trim(text, s, e)
    return (s, e) if e > s else None


def _circumstance_only(text, start, end):
    """Whether ``text[start:end]`` (up to a source and its cue) is one word
    or an opening circumstance with no verb ("Still, she said", "In a
    statement Thursday, he said"), not what was said ("In 2012 the plan
    failed, he said")."""
    if text[start] in _QUOTE_CHARS + _OPEN:
        return False
    words = text[start:end].lower().replace(",", " ").split()
    if len(words) < 2:
        return True
    lead = _LEADING_ADVERBIAL.match(text, start, end)
    return lead is not None and lead.end() >= _trim(text, start, end, " ,—–-")[1] and not any(
        w in _AUXILIARIES or w.endswith("ed") and len(w) > 4 for w in words)


def _following_quotes(text, quotes, paragraphs, after, any_paragraph=False):
    """Paragraphs after a colon lead-in: a quotation (all of it), or with
    ``any_paragraph`` the next paragraph."""
    for ps, pe in paragraphs:
        if ps < after:
            continue
        q = _quote_starting_at(quotes, ps)
        if q is not None:
            return [_trim(text, q[0], min(q[1], pe))] if q[1] <= pe else \
                [_trim(text, s, e) for s, e in _split_paragraphs(q, paragraphs)]
        if any_paragraph:
            return [(ps, pe)]
        return []
    return []


def _split_paragraphs(span, paragraphs):
    s, e = span
    return [(max(s, ps), min(e, pe)) for ps, pe in paragraphs if ps < e and pe > s]


_TIME_WORDS = frozenset(
    "earlier later today yesterday tonight on monday tuesday wednesday thursday friday saturday "
    "sunday night morning afternoon evening last this week month year also then now again "
    "once first still already even just sometimes often always usually".split())
_RELATIVE = frozenset("who which whose".split())
_LEADING_ADVERBS = frozenset("now then still also again already sometimes often".split())
# A short circumstance ending in a colon after a cue ("in a tweet on Friday:").
_LEAD_IN = re.compile(r"(?:in|on|at|after|during|before|to|via|from|with)\s[^:;“”\"]{1,70}?:\s*(?=\S)")


_AUXILIARIES = frozenset("is was are were has have had will would did does do can could".split())
_SHORT_PAREN = re.compile(r"\([^()]{1,25}\)")


def _mask(match):
    return "x" * len(match.group())
_NOT_A_SOURCE = frozenset(
    "and or but the a an of to in on at by for with including also even just only this that "
    "after before while as".split())
_PREPOSITIONS = frozenset("by in of for after before while about with without on upon from as".split())
_CLAUSE_SUBJECT = re.compile(
    r"\s*(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col)\.\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
    r"(?=\s+[a-z])|\s*(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b")


_LEADING_ADVERBIAL = re.compile(
    r"\s*(?:(?:But|And|So|Yet|Still|Here|There|Now|Then|Instead|Meanwhile|However|Also|"
    r"Later|Earlier|Again)\b,?\s*|(?:[Ii]n|[Oo]n|[Aa]t|After|Before|During|Since|With|For|By|From|To|"
    r"As|When|While|If|Although|Though|Despite|Following|Amid|Under|Unlike|Like|"
    r"[A-Z][a-z]{3,}ing)\s+[^,]{1,60},\s*)+")  # "Walking to the car, Lee said"


_LAST_BREAK = re.compile(r".*[,;:()—–“”\"\[\]\n]", re.DOTALL)
_LAST_HARD_BREAK = re.compile(r".*[;:()—–“”\"\[\]\n]", re.DOTALL)


def _last_break(seg, pattern=_LAST_BREAK):
    """Offset in ``seg`` of its last punctuation break (``pattern``), or -1."""
    m = pattern.match(seg)
    return m.end() - 1 if m else -1


def _clause_subject(text, floor, cue_start):
    """The name or pronoun that opens the clause at ``floor`` (after a
    leading adverbial), the subject of a participle or a verb after a
    preposition later in it; ``None`` when the clause opens otherwise."""
    lead = _LEADING_ADVERBIAL.match(text, floor, cue_start)
    m = _CLAUSE_SUBJECT.match(text, lead.end() if lead else floor, cue_start)
    word = m.group().strip().lower() if m is not None else ""
    if " " not in word and (word.endswith("ly") or word.endswith("ed") and len(word) > 5):
        return None  # "Shortly after ..., the families had mobilized": an adverb, not a name
    if m is None or not m.group().strip() or m.group().strip()[0].islower() and \
            m.group().strip().lower() not in _PRONOUNS or \
            m.group().split()[0].lower() in _NOT_A_SOURCE | _CLAUSE_OPENERS:
        return _noun_phrase_subject(text, lead.end() if lead else floor, cue_start)
    if m.group().endswith(("'s", "’s")):
        return _noun_phrase_subject(text, m.start(), cue_start)
    return _trim(text, *m.span())


# Words that open a subject noun phrase ("The Pentagon's top adviser", "Many
# Democrats", "Some of those activists").
_NP_OPENERS = frozenset(
    "the a an his her their its our my this these those some many several most all both other "
    "few each every another".split())


_BE = frozenset("is was are were".split())
_DEMONSTRATIVES = frozenset("this that these those it".split())


def _noun_phrase_subject(text, start, cue_start):
    """The noun phrase opening a clause at ``start`` (a determiner or a
    capitalised word, then up to eight words without a comma) up to its
    verb, which an auxiliary or a past form in -ed marks; ``None`` when
    there is no such verb before ``cue_start`` ("The Arizona Republican
    survived ... and says", "Clinton's aide rallied supporters, saying")."""
    words = _WORD.findall(text, start, cue_start)[:10]
    if len(words) < 2:
        return None
    first = words[0]
    if not (first.lower() in _NP_OPENERS or first[:1].isupper() or first[:1].isdigit()) or \
            text[start:cue_start].lstrip()[:1] in _QUOTE_CHARS + _OPEN:
        return None
    end = start
    for k, word in enumerate(words):
        low = word.lower()
        if k and low in _BE:
            return None  # "A lawsuit was filed", "The senator was rallying": not a speaker
        if k and (low in _AUXILIARIES or low in _NEGATED_AUX or
                  low.endswith("ed") and len(low) > 4 and word[:1].islower() and
                  (k > 1 or first.lower() not in _NP_OPENERS)):  # "The retired judge"
            s, e = _trim(text, start, end, " ,")
            return (s, e) if e > s and k > 1 or first[:1].isupper() and \
                first.lower() not in _NP_OPENERS | _DEMONSTRATIVES else None
        if low in _CLAUSE_OPENERS or low in _RELATIVE or k > 8:
            return None
        end = text.index(word, end) + len(word)
        if text[end:end + 1] in ",;:" or text[end:end + 2] in (" —", " –"):
            return None
    return None


def _last_nominative(text, start, end):
    """Span of the last nominative pronoun ("he", "they") in ``text[start:end]``, or ``None``."""
    m = _LAST_NOMINATIVE.match(text, start, end)
    return m.span(1) if m else None


def _last_nominative_word(words):
    """Span of the last of ``words`` (consecutive :data:`_WORD` matches) that
    is a nominative pronoun, or ``None``: what :func:`_last_nominative` finds
    from the first word's start to the last word's end (its pronoun is a
    whole run of the characters ``_WORD`` matches), without a regex pass
    over the text. Where the first word starts inside a run, the regex
    would not take it: it must not be a pronoun then (in
    :func:`_source_before` it starts with the non-letter after a cue)."""
    for word in reversed(words):
        if word.group() in _NOMINATIVE_WORDS:
            return word.span()
    return None


_NOMINATIVE_WORDS = frozenset("I He he She she We we They they HE SHE WE THEY".split())
_MATCHED_TEXT = re.Match.group
_LAST_NOMINATIVE = re.compile(r".*(?<![\w’'.-])(I|[Hh]e|[Ss]he|[Ww]e|[Tt]hey|HE|SHE|WE|THEY)(?![\w’'.-])",
                              re.DOTALL)


def _modifies_verb(word):
    """An auxiliary, a time word or an adverb: no subject of its own."""
    word = word.lower()
    return word in _AUXILIARIES or word in _NEGATED_AUX or word in _TIME_WORDS or \
        word in _CUE_PREFIX_WORDS or word.endswith("ly")


@lru_cache(maxsize=1)
def _titles():
    """Abbreviations that never end a sentence ("Sens.", "Sept."): the sentence
    splitter's list, ``lexicons/abbreviations.csv``."""
    table = load_lexicon("abbreviations")
    return frozenset(table.loc[table["can_end"] != "yes", "abbreviation"])


_COORDINATORS = frozenset("and but".split())


def _joins_names(words):
    """Whether the words before an "and" are names (capitalised words and
    their joiners: "Sens. Kim Lee of Ohio"), so that "and" coordinates two
    subjects rather than two clauses."""
    return len(words) <= 6 and words[0].group()[:1].isupper() and all(
        w.group()[:1].isupper() or w.group() in _NAME_JOINERS for w in words)


def _source_before(text, floor, cue_start, participle=False, clause_start=False):
    """The subject noun phrase that ends at ``cue_start``, scanning left to
    the nearest clause boundary; ``None`` when there is none. An appositive
    ("Thomas Coan, her attorney, said") is kept with its head; a relative
    clause ("Bamberg, who is 28, said") is kept too, as PolNeAR mostly does.
    A participle or a verb after a preposition ("..., saying", "by saying")
    takes the name or pronoun that opens its clause ("Gowdy did not ...,
    saying"), and so does a coordinated verb ("Lee met Kim and said") when
    ``clause_start`` (``floor`` opens the sentence, no cue before it)."""
    seg = text[floor:cue_start].rstrip()
    closed = seg.endswith(",")  # a clause closed before the cue: "Lee, who is 28, said"
    last_word = seg.rsplit(None, 1)[-1:]
    if participle or (last_word and last_word[0].lower() in _PREPOSITIONS):
        return _clause_subject(text, floor, cue_start)
    if seg.endswith(","):  # "Bamberg, who is 28, said": look behind the comma
        aside = _TRAILING_ASIDE.search(seg)
        seg = seg[:aside.start()] if aside else seg[:-1]  # "Lee, however, said"
        appositive = _appositive_source(text, floor, floor + len(seg))
        if appositive is not None:
            return appositive
        if not aside and "," not in seg[_last_break(seg, _LAST_HARD_BREAK) + 1:]:
            return None  # "The plan failed, said Lee": no subject before the comma
    cue_start = floor + len(seg)
    # a short parenthesis belongs to the name: "Sen. Ted Cruz (R-Tex.) said"
    plain = _SHORT_PAREN.sub(_mask, seg) if "(" in seg else seg
    if " - " in plain:
        plain = plain.replace(" - ", " — ")  # a spaced hyphen is a dash
    cut = _last_break(plain)
    start = floor + cut + 1 if cut >= 0 else floor
    for gap in _SENTENCE_GAP.finditer(text, start, cue_start):
        if text[text.rfind(" ", start, gap.start()) + 1:gap.start()].lower() in _titles():
            continue  # "Sens. Kim Lee and Jo Park said"
        start = gap.end()  # a sentence break the splitter missed: "... 1990s. She has"
    words = list(_WORD.finditer(text, start, cue_start))
    # the clause begins after the last complementiser or conjunction; a
    # relative pronoun is the source itself ("women who remember")
    opened = False
    for k in range(len(words) - 1, -1, -1):
        w = words[k].group().lower()
        if w in _RELATIVE and (k > 0 or k + 1 < len(words)):
            if k == 0 and cut >= 0 and seg[cut] == "," and closed:
                head = _relative_head(text, floor, floor + cut)
                if head is not None:  # "Trump, who has many followers, tweeted"
                    return head[0], words[-1].end()
            if all(_modifies_verb(x.group()) for x in words[k + 1:]):
                return words[k].span()  # "Cruz, who last year threatened", "who could easily guess"
            # "women who remember": the pronoun; "a pledge which he made": its subject
            words = words[k + 1:] if k + 1 < len(words) else words[k:]
            break
        if w == "and" and 0 < k < len(words) - 1 and _joins_names(words[:k]):
            continue  # "Trump and Cruz said": one subject
        if w == "that" and 0 < k == len(words) - 1:
            return words[k].span()  # "a poll that found": a relative pronoun before its verb
        if w in _CLAUSE_OPENERS and not (  # "Lee, then 38, said": an age
                w == "then" and k + 1 < len(words) and words[k + 1].group()[:1].isdigit()):
            words = words[k + 1:]
            opened, opener = True, w
            break
    # a time phrase or adverb between subject and verb is in neither
    # (and so are auxiliaries the cue did not take: "Lee Is Now Calling")
    while words:
        last = words[-1].group().lower()
        if not (last.strip(".") in _TIME_WORDS or len(words) > 1 and (
                last in _AUXILIARIES or last.endswith("ly"))):
            break
        words = words[:-1]
    while len(words) > 1 and words[0].group().lower() in _LEADING_ADVERBS:
        words = words[1:]  # "now it seemed", "still, Lee said"
    if opened and not words and opener in _COORDINATORS and clause_start:
        return _clause_subject(text, floor, cue_start)  # "Kim met Lee and said ..."
    if cut >= 0 and seg[cut] == "," and words and not opened:
        head = _comma_head(text, floor, floor + cut)
        first = words[0].group()
        if head is not None and first.lower() not in _PRONOUNS:  # "Lee, who said": "who"
            if first.isdigit() or first.lower() in _NOT_APPOSITIVE:
                return head  # an age or an aside: "Bamberg, 28, said", "Bush, however, said"
            if first[:1].islower() or first.lower() in ("a", "an", "the"):
                return head[0], words[-1].end()
    pronoun = _last_nominative_word(words) if len(words) > 1 else None
    if pronoun is not None:
        # "the only thing we remember", "she sent an email saying": a
        # nominative pronoun is a whole subject
        return pronoun
    if not words or len(words) > 16:
        return None
    first = words[0].group().lower().strip(".")
    if first in ("when", "where", "how", "why", "what", "it's", "there", "here"):
        return None
    if words[-1].group().lower() == "to":
        # "Lee went on to criticise", "Lee wants to tell": the clause's subject
        return _clause_subject(text, floor, cue_start) if clause_start else None
    if len(words) == 1 and words[0].group().lower() in _NOT_A_SOURCE:
        return None
    if not opened and not _AUXILIARIES.isdisjoint(map(str.lower, map(_MATCHED_TEXT, words[1:]))):
        return None  # the scan ran into another clause: "Some have been poring over data"
    s, e = _trim(text, words[0].start(), words[-1].end(), " .'’-")
    if text[s:e].count("(") > text[s:e].count(")"):
        e = text.find(")", e) + 1
    return (s, e) if e > s else None


# Words opening a comma-enclosed aside that is not an appositive of the name
# before it ("Clinton, for her part, said", "Bush, however, said").
_NOT_APPOSITIVE = frozenset(
    "however meanwhile though too also in at on for by from after before during when while if "
    "asked then still instead in contrast speaking".split())


def _appositive_source(text, floor, end):
    """``Name, appositive[, more], `` ending at ``end`` (the comma before the
    cue), as one source span: PolNeAR keeps appositives and relative clauses
    with the name they describe ("Rachel Berg, a philanthropist from Monsey,
    New York, said"); ``None`` when the clause does not open that way."""
    seg = text[floor:end]
    seg = _SHORT_PAREN.sub(_mask, seg) if "(" in seg else seg
    opened = _last_break(seg, _LAST_HARD_BREAK) + 1
    lead = _LEADING_ADVERBIAL.match(text, floor + opened, end)
    if lead:  # "Earlier, Rep. Lee, R-Ohio, said"
        opened = lead.end() - floor
    comma = seg.find(",", opened)
    if comma < 0:
        return None
    rest = text[floor + comma + 1:end].split()
    if not rest or len(rest) > 30:
        return None
    first = rest[0].lower()
    head = _comma_head(text, floor + opened, floor + comma)
    if head is not None and _PARTY.match(rest[0]):
        first = "a"  # "Sen. Rand Paul, R-Ky., said"
    if head is None and first in ("including", "like", "among"):
        # "Several candidates, including Cruz and Rubio, criticized": the whole group
        head = _trim(text, floor + opened, floor + comma)
        lead = _LEADING_ADVERBIAL.match(text, head[0], head[1] + 1)
        group = text[head[0]:head[1]].split()
        if lead or not group or len(group) > 8 or group[0].lower() in _CLAUSE_OPENERS:
            return None  # (no group at all: ", including ..., said")
        first = "a"
    if head is None:
        return _title_then_name(text, floor + opened, floor + comma, end, rest)
    if len(rest) > 2 and rest[0].rstrip(",").isdigit():  # "Lee, 53, a guard at a casino, said"
        rest = rest[1:]
        first = rest[0].lower()
    if not (rest[0][:1].islower() or first in ("a", "an", "the")) or first in _NOT_APPOSITIVE \
            or first.endswith(("ing", "ly")):
        return None
    s, e = _trim(text, head[0], end, " ,")
    return (s, e) if e > s else None


_AGE_END = re.compile(r",\s*\d+\s*$")


def _relative_head(text, floor, comma):
    """The name before the comma that opens a relative clause, past an age
    ("Lee Min, 58, who lives in Lyon") and after a leading adverbial ("At
    one point, Lee, who ..."), or ``None``."""
    age = _AGE_END.search(text, floor, comma)
    lead = _LEADING_ADVERBIAL.match(text, floor, comma)
    return _comma_head(text, lead.end() if lead else floor, age.start() if age else comma)


def _title_then_name(text, start, comma, end, rest):
    """``the director of the agency, James B. Comey,`` (a noun phrase, then
    the name it describes after a comma) as one source, or ``None``."""
    if len(rest) > 5 or not all(w[:1].isupper() or w in _NAME_JOINERS for w in rest):
        return None
    s, e = _trim(text, start, comma)
    words = text[s:e].lower().split()
    if not words or len(words) > 8 or not (words[0] in _NP_OPENERS or words[0].endswith(("’s", "'s"))) \
            or any(w in _AUXILIARIES or w in _CLAUSE_OPENERS for w in words):
        return None
    s, e = _trim(text, s, end, " ,")
    return (s, e) if e > s else None


_PARTY = re.compile(r"\(?[RDI]-[A-Z][\w.]*")
# An aside between a subject and its verb ("Lee, however, said").
_TRAILING_ASIDE = re.compile(
    r",\s*(?:however|meanwhile|though|too|also|instead|nonetheless|nevertheless|"
    r"for (?:his|her|its|their|our|my) part|in (?:turn|contrast|fact|response|particular)|"
    r"on the other hand|for example|for instance|of course|[a-z]+ly|as\s[^,]{1,40}|"
    r"(?:when|while|after|before|if|in|at|on|during|like|unlike|with|without|despite|"
    r"according to|speaking|both)\s[^,]{1,80}|\d[\d.]*%)\s*,$")
_NAME_JOINERS = frozenset("of the and for de van von al bin da di du la le".split())


def _comma_head(text, floor, comma):
    """The capitalised name phrase that ends at ``comma`` and opens its
    clause (sentence start, or after a quotation/colon), or ``None``."""
    seg = text[floor:comma]
    cut = _last_break(seg)
    start = floor + cut + 1 if cut >= 0 else floor
    if cut >= 0 and seg[cut] == ",":
        return None
    s, e = _trim(text, start, comma)
    words = text[s:e].split()
    if any(not w[:1].isupper() and w not in _NAME_JOINERS for w in words):
        return None
    if not words or len(words) > 8 or not words[0][:1].isupper() or \
            words[0].lower() in _CLAUSE_OPENERS or words[0].lower() in (
                "in", "on", "at", "after", "before", "during", "for", "with", "asked", "still",
                "meanwhile", "however", "instead", "now", "then", "yet", "also", "later"):
        return None
    return s, e


_PAREN_AFTER = re.compile(r"\s*\([^()]{1,25}\)")


def _with_appositive(text, source, limit):
    """An inverted source ("“...,” said Lee Min, ...") with the appositive or
    relative clause after it, up to the end of its clause or a quotation
    that resumes after a comma: PolNeAR keeps them with the name ("“...,”
    said Lee Min, 53, a farmer from Lyon who backs Kim, “...”")."""
    paren = _PAREN_AFTER.match(text, source[1], limit)
    if paren:  # "said Sen. Kim Lee (D-Ohio)"
        source = source[0], paren.end()
    if not text.startswith(",", source[1]):
        return source
    stop = _QUOTE_OR_COLON.search(text, source[1], limit)
    if stop and not text[source[1]:stop.start()].rstrip().endswith(","):
        return source  # a title inside the description: "Lee, the author of “Hacked”"
    end = _clause(text, source[0], stop.start() if stop else limit)
    return _trim(text, source[0], end[1], " ,") if end else source


def _source_after(text, start, limit):
    """The noun phrase right after ``start`` (inverted "said Trump", "according to X")."""
    m = _SOURCE_AFTER.match(text, start, limit)
    if not m or not m.group(1):
        return None
    s, e = m.span(1)
    s, e = _trim_phrase(text, s, e)
    if text[s:e].split(" ", 1)[0].lower() in ("to", "by", "in", "on", "at", "for", "with", "and",
                                              "from", "that", "of", "as", "about", "it"):
        return None
    # stop at a comma (not a thousands separator), parenthesis or dash inside the phrase
    stop = _PHRASE_STOP.search(text[s:e])
    if stop:
        e = s + stop.start()
    s, e = _trim_phrase(text, s, e)
    return (s, e) if e > s else None


def _trim_phrase(text, s, e):
    """Trim spaces, commas and a final period, but not an abbreviation's
    ("Mrs.", "D.C.", "Jr.")."""
    s, e = _trim(text, s, e, " ,")
    if e > s and text[e - 1] == "." and not _ABBREVIATION_END.search(text, s, e):
        s, e = _trim(text, s, e - 1, " ,")
    return s, e


_COORDINATED_GAP = re.compile(r"(?:[,;:]|\band)\s*$")


def _untangle(text, found):
    """Make attributions univocal, as PolNeAR is. When a cue falls inside
    another attribution's content, the more certain cue wins: if it is the
    inner one (or the inner attribution is coordinated: "X said A, adding
    B"), the outer content ends where the inner attribution begins;
    otherwise the inner attribution is nested ("X said Y claimed Z") and
    belongs to the outer content."""
    found = sorted(found, key=lambda a: a["cue_start"])
    cue_starts = [a["cue_start"] for a in found]
    dropped = set()
    for i, outer in enumerate(found):
        if i in dropped or not outer["content_fragments"]:
            continue
        lo = bisect_left(cue_starts, outer["content_fragments"][0][0])
        hi = bisect_right(cue_starts, outer["content_fragments"][-1][1])
        for j in range(lo, hi):
            inner = found[j]
            if j == i or j in dropped or i in dropped:
                continue
            frags = outer["content_fragments"]
            hit = next((k for k, (fs, fe) in enumerate(frags)
                        if fs <= inner["cue_start"] and inner["cue_end"] <= fe), None)
            if hit is None:
                continue
            fs, fe = frags[hit]
            begin = min([inner["cue_start"]] +
                        [x for x in (inner["source_start"], inner["content_start"]) if x >= fs])
            gap = text[fs:begin]
            coordinated = inner["cue_start"] > outer["cue_end"] and \
                _COORDINATED_GAP.search(gap) is not None
            if outer["content_end"] <= outer["cue_start"] and inner["cue_end"] <= outer["cue_start"]:
                dropped.add(j)  # "A said B, CNN reported": the trailing report holds it all
            elif (coordinated or inner["cue_score"] > outer["cue_score"]) and \
                    len(gap.strip(" ,;:—–-").split()) >= (1 if coordinated else 3):
                s, e = _trim(text, fs, begin, " ,;:—–-")
                if text[s:e].endswith(" and"):
                    e -= 4
                outer["content_fragments"] = frags[:hit] + [(s, e)]
                _refresh_content(text, outer)
            elif inner["cue_score"] > outer["cue_score"] and not gap.strip(" ,;:—–-"):
                dropped.add(i)
            else:
                dropped.add(j)
    return [a for k, a in enumerate(found) if k not in dropped and a["content_fragments"]]


_SPEECH_CLOSE = re.compile(r"[.!?…,][”\"’']*$")


def _attach_quotations(doc, quotes, found):
    """A quotation that opens a sentence without a cue of its own continues
    the attribution just before it (the speaker is named once, then quoted
    on: "“A,” he said. “B.”", "A, he says. “B.”" and following quoted
    paragraphs); a participle ("..., adding") is not the one continued."""
    if not found:
        return
    text = doc.text
    sentences = doc.sentences
    by_cue = sorted(found, key=lambda a: a["cue_start"])
    cue_sentences = {doc.sentence_of(a["cue_start"]) for a in found}
    covered = [f for a in found for f in a["content_fragments"]]
    k, current = 0, None
    for qs, qe in quotes:
        while k < len(by_cue) and by_cue[k]["cue_start"] < qs:
            if not by_cue[k]["cue_text"].endswith("ing"):
                current = by_cue[k]
            k += 1
        if current is None:
            continue
        first, last = doc.sentence_of(qs), doc.sentence_of(max(qs, qe - 1))
        if first < 0 or sentences[first][0] != qs:
            continue
        if any(i in cue_sentences for i in range(first, last + 1)) or \
                any(fs <= qs < fe for fs, fe in covered):
            continue
        if qs - current["content_end"] > 600 or qs - current["cue_end"] > 600 or \
                any(current["cue_end"] < bs < qs for bs, _, _ in doc.boilerplate):
            current = None
            continue
        if not _SPEECH_CLOSE.search(text[qs:qe]):
            continue  # a quoted title or headline, not speech
        for fs, fe in _split_paragraphs((qs, qe), doc.paragraphs):
            fs, fe = _trim(text, fs, fe)
            if fe > fs:
                current["content_fragments"] = current["content_fragments"] + [(fs, fe)]
        if current["kind"] == "indirect":
            current["kind"] = "mixed"  # paraphrase, then the speaker's own words
        _refresh_content(text, current)


def _refresh_content(text, att):
    frags = [f for f in att["content_fragments"] if f[1] > f[0]]
    att["content_fragments"] = frags
    if frags:
        att["content_start"], att["content_end"] = frags[0][0], frags[-1][1]
        att["content_text"] = _FRAGMENT_JOIN.join(text[fs:fe] for fs, fe in frags)


# Sources that a personal pronoun cannot stand for: institutions, documents
# and plurals (for "he"/"she").
_NOT_A_PERSON = re.compile(
    r"\b(?:Kremlin|White House|government|ministry|report|video|statement|poll|survey|"
    r"assessments?|agency|committee|campaign|office|department|study|data|analysis|"
    r"court|newspaper|website|network)\b", re.IGNORECASE)
# The same words for lower-cased ASCII text, matched without IGNORECASE
# (twice as fast): ASCII letters have no other case forms.
_NOT_A_PERSON_LOWER = re.compile(_NOT_A_PERSON.pattern.lower())


_NAME = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)*")


def _plural_end(phrase):
    """Whether ``phrase`` ends in "s" (before at most a final line break)."""
    return phrase[-1:] == "s" or phrase[-2:] == "s\n"


def _resolve_pronouns(doc, found):
    """Fill ``resolved_source``: a named source stands for itself; a personal
    pronoun stands for the nearest preceding non-pronoun source that fits it
    (a person for "he"/"she", anyone for "they"), or else for the one name
    of the sentence before, when there is exactly one."""
    text = doc.text
    person = plural = ""
    for att in found:
        src = att["source_text"]
        if not src:
            continue
        low = src.lower()
        if low in _PERSONAL:
            att["resolved_source"] = plural or person if low in ("they", "them", "their") \
                else person
            if not att["resolved_source"]:
                k = doc.sentence_of(att["source_start"]) - 1
                names = set()
                if k >= 0:
                    names = {m.group() for m in _NAME.finditer(text, *doc.sentences[k])
                             if m.group().lower() not in _CLAUSE_OPENERS | _PRONOUNS
                             and m.group() not in ("The", "A", "An", "In", "On", "At")}
                att["resolved_source"] = names.pop() if len(names) == 1 else ""
        elif low in _PRONOUNS:
            att["resolved_source"] = ""
        else:
            att["resolved_source"] = src
            if (_NOT_A_PERSON_LOWER.search(low) if src.isascii() else _NOT_A_PERSON.search(src)) \
                    or _plural_end(src.split(",")[0]) and \
                    not src[:1].isupper():
                plural = src
            else:
                person = src


def attributions(corpus_or_text, lexicon=None) -> pd.DataFrame:
    """One row per attribution in a corpus (or a text, or a list of texts).

    Parameters
    ----------
    corpus_or_text : str, list of str, DataFrame or path
        Anything :func:`framing.corpus.as_corpus` accepts.
    lexicon : str, path or DataFrame, optional
        Reporting-verb table replacing the packaged one.

    Returns
    -------
    DataFrame
        ``doc_id`` then :data:`ATTRIBUTION_COLUMNS`. Offsets index the text
        as loaded; a missing source is ``-1, -1, ""``.

    Examples
    --------
    >>> df = attributions("Putin told Kim the soldiers were brave. He also praised Kim.")
    >>> df[["source_text", "cue_text", "verb_class", "resolved_source"]].values.tolist()
    [['Putin', 'told', 'neutral', 'Putin'], ['He', 'also praised', 'evaluative_positive', 'Putin']]
    """
    corpus = as_corpus(corpus_or_text)
    extractor = AttributionExtractor(lexicon)
    rows = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        for att in extractor.extract(Document(text, doc_id)):
            att = {k: v for k, v in att.items() if k != "content_fragments"}
            rows.append({"doc_id": doc_id, **att})
    return pd.DataFrame(rows, columns=["doc_id", *ATTRIBUTION_COLUMNS])


def attribution_spans(corpus_or_text, lexicon=None) -> pd.DataFrame:
    """The span table (``source``, ``cue``, ``content`` rows) of a corpus.

    Examples
    --------
    >>> attribution_spans("Kim said it rained.")["signal"].tolist()
    ['source', 'cue', 'content']
    """
    corpus = as_corpus(corpus_or_text)
    extractor = AttributionExtractor(lexicon)
    rows = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        rows += [{"doc_id": doc_id, **r} for r in extractor.spans(Document(text, doc_id))]
    return make_spans(rows, extra=("attribution_id",))
