"""Source reliance: wire-agency copy, other-media references, source types.

How much of a story is the outlet's own reporting, and whose account does it
rest on? Three instruments answer it, each a compiled rule set built once:

- :class:`WireDetector` finds **credits** to news agencies in the places
  outlets put them: datelines ("WASHINGTON (AP) —"), bylines ("By AFP"),
  closing lines ("(With agency inputs)", "(Reporting by ...; Editing by
  ...)"), copyright lines and "contributed to this report". An agency named
  in running prose ("Reuters reported on Monday that ...") is not a credit:
  it is a media reference.
- :class:`SourceReliance` adds **media references**: hat tips ("h/t The
  Hill"), "via", "first reported by", "X reported", "told X", and the
  "Also Read" cross-promotion lines the text layer marks as boilerplate.
- :class:`SourceTyper` gives every attribution source one type from the
  codebook (``validation/source_codebook.md``): anonymous, document,
  social_media, media, military, official, political, expert, citizen,
  organisation, named_person, unknown. Pronouns ("he", "they", "who") are
  resolved by reading back ("he" and "she" skip a person the article calls
  by the other pronoun or honorific). A source that names a person is
  typed by the person (the codebook's amendment and session-4 decision):
  the roles the article gives them anywhere (a title, an apposition, a
  shared plural title, a party-state tag such as "(D-Calif.)", a post after
  a possessive name or after "his"/"her", a description such as "the
  front-runner" or an epithet such as "the Texas senator" standing for the
  name) are gathered and the first in the codebook's list wins; a private
  person's marks ("Jane Doe, 44,") yield to any other role, and a person
  whose campaign the article speaks of is a candidate. A description
  source ("the candidate") is typed by the person it stands for. One
  shortcut departs from the codebook, for speed: a mention that gives its
  person an office, a military or a media role keeps it, though a media
  role given elsewhere would outrank an office.

Templates and word lists are package data (``lexicons/agencies.csv``,
``wire_credits.csv``, ``media_outlets.csv``, ``media_refs.csv``,
``source_types.csv``, ``pronouns.csv``, ``person_nouns.csv``,
``non_names.csv``, ``name_openers.csv``); every constructor takes a
replacement through ``lexicon=``-style parameters.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd

try:  # the regex parser, to read which characters a name or template starts with
    import re._constants as _sre
    import re._parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

from ..lexicons import load_lexicon
from ..spans import make_spans
from ..text import Document, strip_span
from .source_model import SourceFeatures, SourceTypeModel, person_keys

SOURCE_TYPES = ("anonymous", "document", "social_media", "media", "military", "official",
                "political", "expert", "citizen", "organisation", "named_person", "unknown")
"""Source types in codebook precedence order (the first that applies wins)."""

CREDIT_POSITIONS = ("dateline", "byline", "tail", "copyright", "contributed", "signature")

_CUE_TYPES = SOURCE_TYPES[1:10]  # typed by cue words, after anonymity
_PERSONAL_TYPES = frozenset({"named_person", "official", "political", "expert", "military",
                             "citizen", "anonymous", "media"})
#: Bound of the per-process memos of pure functions of short strings: source
#: mentions and their parts recur within and across articles, so typing one
#: costs a dictionary look-up after the first time; the bound keeps memory
#: flat on endless streams.
_MEMO_SIZE = 1 << 16
#: Types a body holding posts can have ("director of X": X is none of the others).
_BODY_TYPES = frozenset({"media", "military", "official", "political", "expert", "organisation"})
_POSSESSIVE = re.compile(r"['’]s?$")
_TEXT_TYPES = frozenset({"document", "social_media"})


def _longest_first(pattern):
    """Reorder a regex's top-level alternatives longest first, so that a
    phrase ("telegram channel") wins over a word it starts with ("telegram")."""
    return "|".join(sorted(_top_level(pattern), key=len, reverse=True))


def _top_level(pattern):
    """The top-level alternatives of a regex."""
    parts, depth, escaped, in_class, current = [], 0, False, False, []
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


#: An inline flag group ("(?-i:...)", "(?i)"): a pattern holding one cannot
#: be matched on lower-cased text.
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")
#: Characters that match another letter when case is ignored but do not
#: lower-case to it (long s, Kelvin sign, dotted and dotless i).
_ODD_CASE = re.compile("[\u017f\u212a\u0130\u0131]")


def _lower_pattern(pattern):
    """``pattern`` with its literal letters lower-cased; escapes are kept
    ("\\W" is not "\\w")."""
    out, escaped = [], False
    for char in pattern:
        out.append(char if escaped else char.lower())
        escaped = not escaped and char == "\\"
    return "".join(out)


def _lowered(text):
    """``text`` lower-cased, or None when that is not letter for letter what
    case-blind matching does (a letter whose lower case is longer or odd)."""
    lower = text.lower()
    return None if len(lower) != len(text) or _ODD_CASE.search(text) else lower


class _CaseBlind:
    """A case-insensitive regex with the matches (same offsets) of
    ``re.compile(pattern, re.IGNORECASE)``, run where it can as a
    case-sensitive regex on the lower-cased text: the regex engine then
    compares characters without folding them, several times faster on
    alternations of hundreds of words. A pattern with inline flags runs
    case-blind as it is.
    """

    def __init__(self, pattern):
        self.pattern = pattern
        self.regex = re.compile(pattern, re.IGNORECASE)
        self.lower = (None if _INLINE_FLAGS.search(pattern)
                      else re.compile(_lower_pattern(pattern)))

    def _target(self, text, lower):
        # The lower-cased pattern on the lower-cased text where both exist,
        # else the case-blind pattern on the text itself.
        if self.lower is not None:
            lower = lower or _lowered(text)
            if lower is not None:
                return self.lower, lower
        return self.regex, text

    def finditer(self, text, lower=None):
        """``regex.finditer(text)``; ``lower`` is ``_lowered(text)`` if known."""
        regex, target = self._target(text, lower)
        return regex.finditer(target)

    def search(self, text, lower=None):
        regex, target = self._target(text, lower)
        return regex.search(target)


class _CueGroup:
    """Whether any of several case-blind alternatives matches in a text as
    whole words: the alternatives without inline flags are matched on the
    lower-cased text (see :class:`_CaseBlind`), the others as they are.

    Only whether one matches is asked, not which: so the alternatives are
    grouped by the characters they can start with, each group behind a
    lookahead for them, and at a position the regex engine tries a few dozen
    groups instead of hundreds of alternatives.
    """

    def __init__(self, alternatives):
        plain = [a for a in alternatives if not _INLINE_FLAGS.search(a)]
        flagged = [a for a in alternatives if _INLINE_FLAGS.search(a)]
        self.plain = _CaseBlind(_whole_words(_by_first_char(plain))) if plain else None
        self.flagged = (re.compile(_whole_words(_by_first_char(flagged)), re.IGNORECASE)
                        if flagged else None)
        # Strings one of which every match holds (see _needles): a text that
        # holds none, lower-cased, is answered without the search. The plain
        # part's are read off its lower-cased pattern, which the lower-cased
        # text must match character for character; the flagged part's are
        # ASCII, which in a text _lowered accepts only its own case variants
        # match, case-blind or not.
        parts = []
        if self.plain is not None:
            parts.append(_needles(_sre_parse.parse(self.plain.lower.pattern))
                         if self.plain.lower is not None else None)
        if self.flagged is not None:
            found = _needles(_sre_parse.parse(self.flagged.pattern, re.IGNORECASE))
            parts.append(found and {n.lower() for n in found})
        needles = set().union(*parts) if parts and None not in parts else set()
        self.needles = (re.compile("|".join(map(re.escape, sorted(needles, key=len, reverse=True))))
                        if needles and all(len(n) >= 2 and n.isascii() for n in needles) else None)

    def found(self, text, lower=None):
        """Whether an alternative matches in ``text``; ``lower`` is
        ``_lowered(text)`` if known."""
        if self.needles is not None:
            lower = lower or _lowered(text)
            if lower is not None and self.needles.search(lower) is None:
                return False
        return (self.plain is not None and self.plain.search(text, lower) is not None
                or self.flagged is not None and self.flagged.search(text) is not None)


def _needles(items):
    """A set of strings one of which every match of parsed regex ``items``
    holds, or None when none is known: the runs of literal characters it
    must match in a row, through groups, alternatives (one set for each) and
    repeats of at least once; of several sets, the one whose shortest string
    is longest (then the smaller set)."""
    best, run = None, []
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        found = None
        if run:
            found, run = {"".join(run)}, []
        best = _longer_needles(best, found)
        if op is _sre.SUBPATTERN:
            found = _needles(av[-1])
        elif op is _sre.BRANCH:
            found = [_needles(branch) for branch in av[1]]
            found = None if None in found else set().union(*found)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            found = _needles(av[2])
        else:
            found = None  # anything else holds no known string (zero-width, classes, ...)
        best = _longer_needles(best, found)
    return best


def _longer_needles(a, b):
    """Of two sets of needles (or None), the one whose shortest is longest, then the smaller."""
    if a is None or b is not None and (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)):
        return b
    return a


def _by_first_char(alternatives):
    """The alternation of ``alternatives`` (any order: only whether one
    matches is asked), grouped behind a lookahead for the characters they can
    start with; one that can start with several is in each of their groups,
    one whose start is unknown stands alone."""
    groups, alone = {}, []
    for alternative in alternatives:
        first, nullable = _first_chars(list(_sre_parse.parse(alternative)))
        if first is None or nullable:
            alone.append(alternative)
        else:
            for char in first:
                groups.setdefault(char, []).append(alternative)
    return "|".join([f"(?={re.escape(char)})(?:{'|'.join(group)})" for char, group in sorted(groups.items())]
                    + alone)


def _whole_words(pattern):
    return r"(?<![\w-])(?:" + pattern + r")(?![\w-])"


class _KindFinder:
    """Which of several :class:`_CueGroup` match in a text, in one pass: the
    same answer as asking each group's :meth:`_CueGroup.found`.

    A group's lower-cased alternatives can only match where a whole word
    starts with one of their first characters; so the text is scanned once
    for such word starts, and at each only the alternatives of the groups
    not yet found that open with its character are tried (anchored there).
    Alternatives whose first characters are unknown are searched for as
    before, and so are those with inline flags, behind one search for all
    of them. Texts :func:`_lowered` cannot lower, and lexicons whose first
    characters lower oddly, are answered group by group.
    """

    def __init__(self, groups):
        self.groups = [(kind, _cue_group(alternatives)) for kind, alternatives in groups]
        self.any = _cue_group(tuple(a for _, alternatives in groups for a in alternatives))
        dispatch, alone, flagged, self.fast = {}, [], [], True
        every = {}  # first character -> the alternatives of every group opening with it
        for kind, alternatives in groups:
            by_char, lone, has_flags = {}, [], False
            for alternative in alternatives:
                if _INLINE_FLAGS.search(alternative):
                    has_flags = True
                    continue
                first, nullable = _first_chars(list(_sre_parse.parse(alternative)))
                if first is None or nullable:
                    lone.append(alternative)
                    continue
                for char in first:
                    # the character the lower-cased lookahead of _by_first_char requires
                    key = _lower_pattern(re.escape(char))
                    key = key[1:] if key[:1] == "\\" else key
                    if len(key) != 1:
                        self.fast = False
                    by_char.setdefault(key, []).append(alternative)
            for key, group in by_char.items():
                every.setdefault(key, []).extend(group)
                dispatch.setdefault(key, []).append(
                    (kind, re.compile(_lower_pattern(_whole_words("|".join(group))))))
            if lone:
                regex = re.compile(_lower_pattern(_whole_words("|".join(lone))))
                # a text holding none of the strings every match holds is not searched
                needles = _needles(_sre_parse.parse(regex.pattern))
                alone.append((kind, regex, re.compile("|".join(map(re.escape, sorted(
                    needles, key=len, reverse=True)))) if needles else None))
            if has_flags:
                flagged.append((kind, _cue_group(alternatives).flagged))
        # per first character: all its alternatives at once (most word
        # starts open none, and one failed match then answers for every group),
        # then each group's
        self.dispatch = {key: (re.compile(_lower_pattern(_whole_words("|".join(every[key])))), groups)
                         for key, groups in dispatch.items()}
        self.alone, self.flagged = alone, flagged
        # one character wherever a word starts with a dispatched one (the
        # lookbehind is _whole_words', checked after it so the engine skips ahead)
        self.starts = (re.compile("[" + "".join(map(re.escape, sorted(dispatch))) + r"](?<![\w-].)")
                       if dispatch else None)

    def by_groups(self, text, lower=None):
        """The answer group by group (what :meth:`kinds` gives)."""
        lower = lower or _lowered(text)
        if not self.any.found(text, lower):
            return frozenset()
        return frozenset(kind for kind, group in self.groups if group.found(text, lower))

    def kinds(self, text):
        """The kinds whose group matches in ``text``."""
        lower = _lowered(text)
        if lower is None or not self.fast:
            return self.by_groups(text, lower)
        found = set()
        if self.starts is not None:
            dispatch = self.dispatch
            for start in self.starts.finditer(lower):
                at = start.start()
                any_group, groups = dispatch[lower[at]]
                if any_group.match(lower, at):
                    for kind, regex in groups:
                        if kind not in found and regex.match(lower, at):
                            found.add(kind)
        for kind, regex, needles in self.alone:
            if kind not in found and (needles is None or needles.search(lower)) and regex.search(lower):
                found.add(kind)
        if self.flagged and any(kind not in found for kind, _ in self.flagged) \
                and self.any.flagged.search(text):
            for kind, regex in self.flagged:
                if kind not in found and regex.search(text):
                    found.add(kind)
        return frozenset(found)


@lru_cache(maxsize=16)
def _kind_finder(groups):
    """One finder per tuple of ``(kind, alternatives)`` (typers of the same lexicon share it)."""
    return _KindFinder(groups)


@lru_cache(maxsize=64)
def _cue_group(alternatives):
    """One group per tuple of alternatives (typers of the same lexicon share theirs)."""
    return _CueGroup(alternatives)


def _alternation(patterns, guard=""):
    """One regex alternation of several, longest first, as whole words.

    ``guard`` is a lookahead every match must satisfy at its start; it lets
    the regex engine skip most positions of a text at once.
    """
    ordered = sorted((p for p in patterns if p), key=len, reverse=True)
    return r"(?<![\w-])" + guard + r"(?:" + "|".join(f"(?:{p})" for p in ordered) + r")(?![\w-])"


#: Outlet and agency names start with a capital (after an optional "the"),
#: except "dpa"; matching only there is what makes outlet search cheap.
_NAME_GUARD = r"(?=[A-Z]|[Tt]he\s|dpa\b)"


def _first_chars(items):
    """``(chars, nullable)``: the characters a match of parsed regex ``items``
    can start with, and whether it can be empty; ``chars`` is None when they
    cannot be listed (wildcards, categories, case folding)."""
    chars = set()
    for op, av in items:
        if op is _sre.LITERAL:
            return chars | {chr(av)}, False
        if op is _sre.IN:
            for member, value in av:
                if member is _sre.LITERAL:
                    chars.add(chr(value))
                elif member is _sre.RANGE and value[1] - value[0] < 256:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None, False
            return chars, False
        if op is _sre.SUBPATTERN:
            if av[1] & _sre.SRE_FLAG_IGNORECASE:
                return None, False
            alternatives = [av[-1]]
        elif op is _sre.BRANCH:
            alternatives = av[1]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            alternatives = [av[2]]
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue  # zero-width: consumes nothing
        else:
            return None, False
        nullable = False
        for alternative in alternatives:
            first, empty = _first_chars(alternative)
            if first is None:
                return None, False
            chars |= first
            nullable = nullable or empty
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] == 0:
            nullable = True
        if not nullable:
            return chars, False
    return chars, True


def _prefixes(items, length):
    """The strings (at most ``length`` long) a match of parsed regex ``items``
    can start with; a shorter one may go on with anything, and ``""`` means
    the start is unknown (wildcards, categories, case folding, repeats)."""
    items = list(items)
    if length == 0 or not items:
        return {""}
    (op, av), rest = items[0], items[1:]
    if op in (_sre.LITERAL, _sre.IN):
        firsts, _ = _first_chars([items[0]])
        if firsts is None or len(firsts) > 4:
            return {""}
        return {c + tail for c in firsts for tail in _prefixes(rest, length - 1)}
    if op is _sre.SUBPATTERN and not av[1] & _sre.SRE_FLAG_IGNORECASE:
        return _prefixes(list(av[-1]) + rest, length)
    if op is _sre.BRANCH:
        return set().union(*(_prefixes(list(alternative) + rest, length) for alternative in av[1]))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[1] == 1:  # optional, or once
        once = _prefixes(list(av[2]) + rest, length)
        return once | _prefixes(rest, length) if av[0] == 0 else once
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return _prefixes(rest, length)  # zero-width: consumes nothing
    return {""}


def _start_scan(starts, check=""):
    """A regex matching (one character long) wherever one of the strings
    ``starts`` begins, ``check`` (a lookaround) holding after its first
    character. Each alternative opens with a literal character, which lets
    the regex engine skip other positions in C; consuming only that
    character, it skips no later start."""
    rests = {}
    for start in starts:
        rests.setdefault(start[0], set()).add(start[1:])
    return re.compile("|".join(
        re.escape(char) + check + ("" if "" in tails else "(?=" + "|".join(
            re.escape(t) for t in sorted(tails, key=len, reverse=True)) + ")")
        for char, tails in sorted(rests.items())))


class _Scanned:
    """A compiled template whose :meth:`finditer` gives ``regex.finditer``'s
    matches, trying the template only where one of its possible first few
    characters occur (a template opening with a character class or a
    lookbehind is otherwise tried at every position of the text)."""

    def __init__(self, regex):
        self.regex = regex
        starts = _prefixes(_sre_parse.parse(regex.pattern, regex.flags), 5)
        self.scan = (None if "" in starts or regex.flags & re.IGNORECASE
                     else _start_scan(starts))

    def finditer(self, text, lo=0, hi=None):
        hi = len(text) if hi is None else hi
        if self.scan is None:
            return self.regex.finditer(text, lo, hi)
        return _matches_at(self.regex, text, [m.start() for m in self.scan.finditer(text, lo, hi)], hi)


class _NameFinder:
    """Find canonical names (agencies, outlets) in text with one compiled regex.

    In a whole article the alternation of a hundred-odd names, tried at every
    position, is the cost; so long texts are searched in two steps with the
    same result: a scan for the positions where a name can start (a word
    start followed by the first few characters of a name: "the N", "Reu"),
    then at each of them only the names that can start with its first two
    characters, in the alternation's own order.
    """

    #: Texts at least this long take the two-step search.
    long_text = 400

    def __init__(self, names, patterns, guard=""):
        self.names = list(names)
        self.patterns = [re.compile(p) for p in patterns]
        self.regex = re.compile(_alternation(patterns, guard))
        self._cache = {}
        self._dispatch = {}  # first one or two characters -> alternation of the names
        prefixes = {p: _prefixes(parsed, 5) if not parsed.state.flags & _sre.SRE_FLAG_IGNORECASE
                    else {""} for p, parsed in ((p, _sre_parse.parse(p)) for p in patterns if p)}
        if not any("" in starts for starts in prefixes.values()):
            for key in {start[:2] for starts in prefixes.values() for start in starts}:
                # a one-character prefix (a name that may end there) serves
                # every second character: such keys are looked up last
                self._dispatch[key] = re.compile(_alternation(
                    [p for p in prefixes if any(key.startswith(start[:2]) for start in prefixes[p])],
                    guard))
            self._starts = _start_scan(set().union(*prefixes.values()), r"(?<![\w-].)")
        self.__setstate__(self.__dict__)

    # The memo is a per-instance wrapper, which pickle cannot store: it is
    # left out and made anew (workers of a parallel run get the finder pickled).
    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if k != "_find_short"}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._find_short = lru_cache(maxsize=_MEMO_SIZE)(self._uncached_find_short)

    def name_of(self, matched):
        """The canonical name whose pattern matches the whole string (first listed wins)."""
        if matched not in self._cache:
            self._cache[matched] = next(
                (n for n, p in zip(self.names, self.patterns) if p.fullmatch(matched)), "")
        return self._cache[matched]

    def find(self, text):
        """``[(start, end, name), ...]`` of every name in ``text``."""
        if len(text) < self.long_text or not self._dispatch:
            return self._find_short(text)
        return self.find_with_starts(text)[0]

    def find_with_starts(self, text):
        """:meth:`find`, and the sorted offsets where a name could start (None
        when the two-step search is off); see :meth:`starts_within`."""
        if not self._dispatch:
            return self._find_short(text), None
        starts = [m.start() for m in self._starts.finditer(text)]
        found, end, dispatch = [], 0, self._dispatch
        for at in starts:
            if at < end:
                continue  # inside the previous name, as finditer would skip it
            regex = dispatch.get(text[at:at + 2]) or dispatch.get(text[at])
            match = regex and regex.match(text, at)
            if match:
                found.append((at, match.end(), self.name_of(match.group())))
                end = match.end()
        return found, starts

    def occurs_within(self, text, lo, hi):
        """Whether a name matches in ``text[:hi]`` starting in ``[lo, hi)``: if
        not, no regex holding this finder's alternation matches there."""
        if not self._dispatch:
            return self.regex.search(text, lo, hi) is not None
        dispatch = self._dispatch
        for candidate in self._starts.finditer(text, lo, hi):
            at = candidate.start()
            regex = dispatch.get(text[at:at + 2]) or dispatch.get(text[at])
            if regex and regex.match(text, at, hi):
                return True
        return False

    def starts_within(self, text, starts, lo, hi):
        """The offsets of ``starts`` in ``[lo, hi)`` where a name matches in
        ``text[:hi]`` (overlapping names included): the only places a regex
        that opens with this finder's alternation can match there."""
        dispatch, found = self._dispatch, []
        for at in starts[bisect_left(starts, lo):bisect_left(starts, hi)]:
            regex = dispatch.get(text[at:at + 2]) or dispatch.get(text[at])
            if regex and regex.match(text, at, hi):
                found.append(at)
        return found

    def _uncached_find_short(self, text):  # memoised: mentions and matched credits recur
        return [(m.start(), m.end(), self.name_of(m.group())) for m in self.regex.finditer(text)]

    def first(self, text, default=""):
        found = self.find(text)
        return found[0][2] if found else default


@lru_cache(maxsize=16)
def _name_finder(names, patterns, guard=""):
    """One finder per name list (the typer and the reliance share theirs)."""
    return _NameFinder(names, patterns, guard)


class WireDetector:
    """Detect credits to wire agencies and name the agency.

    Parameters
    ----------
    agencies : str, path or DataFrame
        Agency list with columns ``agency, pattern, country, kind``
        (default: the packaged ``agencies`` lexicon).
    credits : str, path or DataFrame
        Credit templates with columns ``position, where, agency, pattern``
        (default: the packaged ``wire_credits`` lexicon).
    head_chars, tail_chars : int
        How far from the start (datelines, bylines) and from the end
        (closing credits) of the article credits are looked for; the window
        is widened to whole lines.

    Examples
    --------
    >>> wd = WireDetector()
    >>> [(r["label"], r["credit_position"]) for r in wd.credits(
    ...     "Headline.\\n\\nWASHINGTON (AP) — The Senate voted.")]
    [('AP', 'dateline')]
    >>> wd.credits("Reuters reported on Monday that the Senate voted.")
    []
    """

    def __init__(self, agencies="agencies", credits="wire_credits", head_chars=800,
                 tail_chars=1200):
        table = load_lexicon(agencies)
        self.agencies = table
        self.kind = dict(zip(table["agency"], table["kind"]))
        self.finder = _name_finder(tuple(table["agency"]), tuple(table["pattern"]))
        alternation = _alternation(table["pattern"])
        self.rules = []
        for row in load_lexicon(credits).itertuples(index=False):
            pattern = row.pattern.replace("{agency}", alternation)
            self.rules.append((row.position, row.where, row.agency, "{agency}" in row.pattern,
                               _Scanned(re.compile(pattern, re.MULTILINE))))
        self.head_chars = head_chars
        self.tail_chars = tail_chars

    def _window(self, text, where):
        n = len(text)
        if where == "head":
            end = text.find("\n", min(self.head_chars, n))
            return 0, n if end < 0 else end
        if where == "tail":
            start = text.rfind("\n", 0, max(n - self.tail_chars, 0))
            return max(start + 1, 0), n
        return 0, n

    def _label(self, matched):
        found = [name for _, _, name in self.finder.find(matched)]
        named = [a for a in found if self.kind.get(a) != "generic"]
        return named[0] if named else (found[0] if found else "")

    def credits(self, text: str) -> list[dict]:
        """Wire-credit span rows (no ``doc_id``): ``signal="wire"``,
        ``label`` = agency, plus ``credit_position`` and ``agency_kind``."""
        rows, taken = [], []
        named = {}  # window -> whether an agency is named in it
        for position, where, fixed, needs_agency, regex in self.rules:
            lo, hi = self._window(text, where)
            # Most articles name no agency in their first and last lines: one
            # quick search then spares every template that needs a name. (The
            # whole text is not searched: its one template is cheaper.)
            if needs_agency and where in ("head", "tail"):
                if (lo, hi) not in named:
                    named[lo, hi] = self.finder.occurs_within(text, lo, hi)
                if not named[lo, hi]:
                    continue
            for match in regex.finditer(text, lo, hi):
                start, end = strip_span(text, *match.span())
                if end <= start or any(s < end and start < e for s, e in taken):
                    continue
                agency = fixed or self._label(text[start:end])
                if not agency:
                    continue
                taken.append((start, end))
                rows.append({"start": start, "end": end, "signal": "wire", "label": agency,
                             "text": text[start:end], "credit_position": position,
                             "agency_kind": self.kind.get(agency, "wire")})
        return sorted(rows, key=lambda r: r["start"])


class SourceTyper:
    """Type attribution sources with the codebook's rules.

    Parameters
    ----------
    lexicon : str, path or DataFrame
        Cue table with columns ``type, pattern, scope, case`` (default: the
        packaged ``source_types``); rows of scope ``role`` list posts
        ("president", "director") typed by the body named after them.
    pronouns, person_nouns, outlets, agencies, non_names, name_openers : str, path or DataFrame
        The anaphor table, the person-noun list, the outlet and agency lists
        (outlet and agency names type a mention as ``media``), the
        capitalised words that are never part of a personal name, and the
        closed-class words that open a capitalised run at a sentence start
        before a name or none ("After Jane Doe", "The Truman Show").
    model : str, path, SourceTypeModel or None
        The learned model that re-types mentions whose own words give no
        role (bare names, pronouns), reading the rules' answer beside the
        words around the mention and around the person's other mentions,
        pooled over the person's mentions (default: the packaged
        ``source_types`` weights, fitted on hand-coded PolNeAR sources; see
        :mod:`framing.signals.source_model`). Every result keeps the rules'
        answer as ``rule_type``. ``None`` keeps the codebook rules' answers
        alone.
    min_confidence : float
        The model's answer replaces the rules' only when the model gives it
        at least this probability. Lower thresholds score up to 0.7 points
        better in cross-validation grouped by article (0.717 at 0.25 against
        0.710 at 0.4), but below 0.4 the model's answers rest on its
        training corpus's priors: on the seed article, outside US politics,
        it would call North Korea's leader a ``political`` source at 0.35.

    Examples
    --------
    >>> typer = SourceTyper()
    >>> [typer.type_mention(m) for m in ["the Kremlin", "South Korean assessments",
    ...     "a North Korea expert in Seoul", "a video published by the Kremlin",
    ...     "sources", "Reuters", "Trump"]]
    ['official', 'document', 'expert', 'document', 'anonymous', 'media', 'named_person']
    """

    _SPLIT = re.compile(r",|\(|—|–| - |\b(?:who|whom|whose|which|that|of|for|at|with|from|in|on|to|by|"
                        r"about|inside|within|under|over|after|during|among|representing|"
                        r"published|released|posted|issued|obtained|seen|quoted|cited|close)\b"
                        # a participle after a plural noun opens a reduced
                        # relative clause: "the voters filing into rallies"
                        r"|(?<=[a-z]s )(?<!news )(?=[a-z]+ing\b)")
    _WORD = re.compile(r"[\w][\w.'’-]*")
    #: The characters of a _WORD besides letters and digits (\w is those and "_").
    _WORD_CHARS = frozenset("_.'’-")
    _APPOSITION = re.compile(
        r"\s*,\s*((?:(?:a|an|the|his|her|its|their|one of|both|former|then-\w+|now|"
        r"who (?:is|was|are|were|serves as|served as|heads|headed|leads|led|runs|ran|"
        r"(?:has |had )?campaigned|campaigns)|whose|"
        r"[A-Z][\w.&-]*['’]s?)\b|"
        r"(?P<bare>(?:[a-z][\w-]*\s+){1,4})(?:of|at|for)\s)[^,.;:!?“”\"()]{0,100})")
    #: Honorifics a personal name may open with ("Sen. Jane Doe").
    _HONORIFICS = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Adm|Prof|Rev)\."
    _NAME_RUN = re.compile(r"(?<![\w’'-])(?:" + _HONORIFICS + r"\s+)?"
                           r"[A-Z](?:[a-z’'-]|(?<=[a-z’'])[A-Z])*[a-z](?:\s+[A-Z]\.)?"
                           r"(?:\s+(?:[A-Z](?:[a-z’'-]|(?<=[a-z’'])[A-Z])*[a-z]|[A-Z]\.))*")
    _DETERMINER = re.compile(r"\b(?:the|a|an|his|her|its|their|our|this|these|those)\b", re.IGNORECASE)
    _TRAILING_NAME = re.compile(r"(?:\b(?:the|The)\s+)?(?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*"
                                r"(?:\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*)?$")
    #: A title phrase ending in a lower-case role noun, then the name it
    #: introduces ("undecided voter Jane Doe", "senior editor Josh Barro").
    _TITLED_NAME = re.compile(r"^(.*?\b[a-z][\w-]*)(?:\s+[A-Z][\w.'’-]*)+$")
    _CONJUNCTS = re.compile(r",?\s+and\s+(?=(?:a|an|the|former|then-\w+|now|longtime|long-time|"
                            r"onetime|one-time|current|retired)\s)")
    #: What may follow a party label to give its bearer's office: an
    #: apposition, a party-state tag "(R-Kan.)", or membership ("on the
    #: committee", "in the Senate"), but not a clause ("trying to win the Senate").
    _MEMBERSHIP = re.compile(r"\s*(?:[,(—–]|(?:in|on|of|from)\s)")
    _QUANTITY = re.compile(r"(?:\d|\b(?:percent|per cent|%|majority|plurality|half|thirds?|quarters?|dozens|"
                           r"hundreds|thousands|millions|scores|most|many|some|several|few|all|none))$",
                           re.IGNORECASE)
    _SHARE_OF = re.compile(r"\s+of\s+(?:the\s+|those\s+)?")
    _COUNT = re.compile(r"\d[\d,]*|(?i:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out of)\s+"
                        r"(?:\d+|three|four|five|ten)")
    _COUNTED = re.compile(r"\b\d[\d,]*\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*s)\b")
    _COORDINATED = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
    _RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b")
    _WHOSE = re.compile(r"[\s,]*whose\b")
    _CLAUSE = re.compile(r"[\s,]*(?:who|which|that)\b")
    _ROLE_CLAUSE = re.compile(r"[\s,]*(?:who|that)\s+(?:is|was|are|were|has been|had been|serves|served|"
                              r"heads|headed|leads|led|runs|ran|works|worked|chairs|chaired|represents|"
                              r"represented|teaches|taught|became|becomes|manages|managed|directs|directed|"
                              r"founded|co-founded|advises|advised|owns|owned|covers|covered|"
                              r"(?:has |had )?campaigned|campaigns|is campaigning|was campaigning)\b")
    _NOT_NAME = re.compile(r"[A-Z][a-z]+ly,|[A-Z][a-z]+-[a-z]+\W?")
    _DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
    _AUTHOR = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ourselves"})
    _POSSESSIVE_S = re.compile(r"['’]s$")
    #: Heads naming a political organisation, its post or a candidacy, not a
    #: party label: they outrank the office they are for ("Senate candidate").
    _POLITICAL_BODY = re.compile(r"\b(?:campaigns?|camp|team|part(?:y|ies)|tickets?|pacs?|"
                                 r"committees?|committeem[ae]n|committeewom[ae]n|chairm[ae]n|"
                                 r"chairwom[ae]n|chairs?|strategists?|secretar(?:y|ies)|managers?|directors?|"
                                 r"treasurers?|candidates?|nominees?|hopefuls?|front-?runners?|"
                                 r"challengers?|(?:vying|running|campaigning|bidding|competing)"
                                 r" (?:to be(?:come)?|for)\b.*)$", re.IGNORECASE)

    def __init__(self, lexicon="source_types", pronouns="pronouns", person_nouns="person_nouns",
                 outlets="media_outlets", agencies="agencies", non_names="non_names",
                 name_openers="name_openers", model="source_types", min_confidence=0.4):
        self.model = SourceTypeModel.read_csv(model) if isinstance(model, (str, Path)) else model
        if self.model is not None and not set(self.model.classes_) <= set(SOURCE_TYPES):
            raise ValueError(f"the source-type model's classes {sorted(self.model.classes_)} are not "
                             f"all source types ({', '.join(SOURCE_TYPES)})")
        if not 0 <= min_confidence <= 1:
            raise ValueError(f"min_confidence must be a probability, not {min_confidence!r}")
        self.min_confidence = min_confidence
        self._non_names = frozenset(load_lexicon(non_names)["word"])
        self._typed = {}  # (mention, title before, apposition after) -> type
        table = load_lexicon(lexicon)
        self.cues = {}  # (type, scope) -> [(compiled regex, lower_only)]
        alternatives = {}
        for row in table.itertuples(index=False):
            pattern = _longest_first(row.pattern)
            if row.scope == "whole":
                regex = re.compile(r"(?:" + pattern + r")", re.IGNORECASE)
            else:
                regex = _CaseBlind(r"(?<![\w-])(?:" + pattern + r")(?![\w-])")
            self.cues.setdefault((row.type, row.scope), []).append((regex, row.case == "lower"))
            alternatives.setdefault((row.type, row.scope), []).extend(
                f"(?:{a})" for a in _top_level(pattern))
        # All the cues of a (type, scope) at once: they match somewhere
        # exactly when one of them does, so a single failed search rules the
        # whole group out (the common case) before each cue's own case rule
        # is checked.
        self._any_cue = {key: _cue_group(tuple(alternatives[key]))
                         for key in self.cues if key[1] != "whole"}
        # Every mention cue of every type at once: most texts typed hold none,
        # and one failed search then answers for all types.
        self._any_mention_cue = _cue_group(
            tuple(a for key in self.cues if key[1] == "mention" for a in alternatives[key]))
        self._mention_groups = [(kind, group) for (kind, scope), group in self._any_cue.items()
                                if scope == "mention"]
        self._kinds = _kind_finder(tuple((kind, tuple(alternatives[kind, scope]))
                                         for kind, scope in self._any_cue if scope == "mention"))
        # (a type without fallback cues never matches one: not worth asking)
        self._fallback_types = [t for t in SOURCE_TYPES if (t, "fallback") in self.cues]
        self._before_types = [t for t in SOURCE_TYPES if (t, "before") in self.cues]
        self._memoise()
        pron = load_lexicon(pronouns)
        self.pronouns = dict(zip(pron["pronoun"], pron["refers"]))
        self.person_nouns = frozenset(load_lexicon(person_nouns)["noun"])
        # a capitalised run these open at a sentence start is no name
        # ("In Louisville") or holds one after them ("After Jane Doe")
        openers = load_lexicon(name_openers)
        self._determiners = frozenset(openers.loc[openers["class"] == "determiner", "word"])
        self._run_openers = frozenset(openers.loc[openers["class"] != "determiner", "word"])
        # "\b[Tt]he", its word boundary checked after the "T": opening with a
        # letter, the regex lets the engine skip to the next "T" or "t"
        self._description = re.compile(
            r"(?P<np>[Tt](?<!\w.)he\s+(?:[\w-]+\s+){0,3}?(?:"
            + "|".join(sorted(map(re.escape, self.person_nouns), key=len, reverse=True))
            + r"))(?![\w'’-])")
        outlet_table = load_lexicon(outlets)
        agency_table = load_lexicon(agencies)
        agency_table = agency_table[agency_table["kind"] != "generic"]
        self.media_names = _name_finder(
            (*outlet_table["outlet"], *agency_table["agency"]),
            (*outlet_table["pattern"], *agency_table["pattern"]), guard=_NAME_GUARD)

    #: Pure functions of short strings, memoised per typer (see _MEMO_SIZE).
    _MEMOISED = ("_cue", "_typed_by_cues", "_typed_by_head_noun",
                 "_typed_part", "name_tokens", "head", "pronoun_kind", "stands_for_government",
                 "_mention_facts")

    def _memoise(self):
        # text -> the types with a mention cue in it; a dictionary, so that a
        # question about one type can be answered from it when known
        self._kinds_memo = {}
        for name in self._MEMOISED:
            setattr(self, name, lru_cache(maxsize=_MEMO_SIZE)(getattr(type(self), name).__get__(self)))

    # The memos are per-instance wrappers, which pickle cannot store: they are
    # left out and made anew (workers of a parallel run get the typer pickled).
    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if k not in self._MEMOISED and k != "_kinds_memo"}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._memoise()

    # -- single mentions ------------------------------------------------------
    def _cues_in(self, kind, scope, text):
        """The cues of ``(kind, scope)``, or none when none of them matches in ``text``."""
        return self.cues[kind, scope] if self._has_cue(kind, scope, text) else ()

    def _mention_kinds(self, text):
        """The types with a mention cue matching anywhere in ``text`` (any case)."""
        kinds = self._kinds_memo.get(text)
        if kinds is None:
            if len(self._kinds_memo) >= _MEMO_SIZE:  # bound the memo on endless streams
                self._kinds_memo.clear()
            kinds = self._kinds_memo[text] = self._kinds.kinds(text)
        return kinds

    def _has_cue(self, kind, scope, text):
        """Whether a cue of ``(kind, scope)`` matches anywhere in ``text`` (any case)."""
        if scope == "mention":
            kinds = self._kinds_memo.get(text)
            if kinds is not None:
                return kind in kinds
            # else one group's search: a mention cue of one type is asked of
            # texts whose other types no one needs, such as a suffix of a phrase
        group = self._any_cue.get((kind, scope))
        return group is not None and group.found(text)

    def _cue(self, kind, scope, text):
        """Whether a cue of ``kind`` matches in ``text``, honouring the case rule."""
        cues = self._cues_in(kind, scope, text)
        lower = _lowered(text) if cues else None  # (once for all the cues)
        for regex, lower_only in cues:
            for match in regex.finditer(text, lower):
                if lower_only and text[match.start():match.end()][:1].isupper():
                    if match.start() != len(text) - len(text.lstrip()):
                        continue
                    following = self._WORD.match(text, match.end() + 1)
                    if following and following.group()[:1].isupper():
                        continue
                return True
        return False

    def _is_media(self, text):
        return bool(self._outlets_in(text)) or self._cue("media", "mention", text)

    _GIVEN_BEFORE = re.compile(r"(?<![\w.’'-])([A-Z][a-z]+) $")

    def _outlets_in(self, text):
        """The outlet and agency names in ``text``, but not a person's surname
        that spells one: "Michael Bloomberg" is no agency."""
        found = self.media_names.find(text)
        if not found:
            return found
        kept = []
        for s, e, name in found:
            given = self._GIVEN_BEFORE.search(text, max(0, s - 30), s)
            if given and " " not in name and self._given_name([given.group(1)]) \
                    and self._typed_by_cues(given.group(1)) is None:
                continue
            kept.append((s, e, name))
        return kept

    def _typed_by_cues(self, text):
        """The first type in precedence order with a cue in ``text``."""
        kinds = self._mention_kinds(text)
        if not kinds:  # only an outlet's name can type it
            return "media" if self._outlets_in(text) else None
        for kind in _CUE_TYPES:
            if kind == "media":
                if self._is_media(text):
                    return kind
            elif kind in kinds and self._cue(kind, "mention", text):
                return kind
        return None

    def _typed_by_head_noun(self, phrase):
        """The type of the longest cue that ends the phrase: its head noun
        decides ("conservative voters" are citizens, "campaign officials"
        political staff, "the police union" an organisation)."""
        phrase = _POSSESSIVE.sub("", phrase.rstrip(" ,.;:"))
        end = len(phrase)
        if not end:
            return None
        best, best_start, words = None, end, None
        kinds = self._mention_kinds(phrase)
        for kind in _CUE_TYPES:
            starts = []
            if kind == "media":
                starts = [s for s, e, _ in self._outlets_in(phrase) if e == end]
            for regex, _ in self.cues[kind, "mention"] if kind in kinds else ():
                # tried at every word, so that a cue inside a longer one is
                # seen: "Green Party activist" ends with "party activist"
                if words is None:
                    words = [m.start() for m in self._WORD_START.finditer(phrase)]
                for at in words:
                    found = regex.regex.match(phrase, at)
                    if found and found.end() == end and self._cue(kind, "mention", phrase[at:]):
                        starts.append(at)
                        break
            if starts and min(starts) < best_start:  # longer wins; ties keep precedence
                best, best_start = kind, min(starts)
        return best

    _WORD_START = re.compile(r"(?<![\w-])\w")

    def _typed_part(self, part):
        """Type a part of a mention: its head noun, then its head phrase, then all of it.

        The head noun outranks the codebook precedence of its modifiers
        ("conservative voters" are citizens; a party's voters are party
        members by their own cue), except that a legislature or other state
        body outranks a party label ("Senate Democrats" are
        officials) and coordinated heads ("Republicans and the movement")
        fall back to the precedence order.
        """
        phrase = self.head(part.strip(" ,"))
        if not phrase:
            return None
        body = self._body_of_role(part.strip(" ,"), phrase) or self._named_body_post(phrase)
        if body:
            return body
        by_order = self._typed_by_cues(phrase)
        by_head = None if " and " in phrase else self._typed_by_head_noun(phrase)
        titled = by_head is None and " and " not in phrase and self._TITLED_NAME.match(phrase)
        if titled:  # the role noun of a title before a name is its head
            by_head = self._typed_by_head_noun(titled.group(1))
        if by_head == "political" and by_order in ("official", "military") \
                and not self._POLITICAL_BODY.search(titled.group(1) if titled else phrase):
            # an office outranks a party label, but "Sen. Doe's campaign" is a
            # campaign and "White House hopeful Jane Doe" a candidate
            by_head = by_order
        if body == "":
            return by_head or by_order  # the rest of the part is about that person
        return by_head or by_order or self._typed_by_cues(part)

    _BODY = re.compile(r"\s+(of|at|for|with|to)\s+([^,;:()—–]+)")
    #: Posts held for a person rather than in a body ("an aide to Mr. Doe").
    _STAFF = re.compile(r"\b(?:advis[eo]rs?|aides?|spokesm[ae]n|spokeswom[ae]n|spokespersons?|"
                        r"spokespeople|counsel)$", re.IGNORECASE)
    _BODY_END = re.compile(r"\s+(?:and\s+(?=[a-z])|(?:who|whom|which|that)\s)")

    def _body_of_role(self, part, phrase):
        """The type of the body a post is held in ("president of X": X's type),
        ``""`` for a post held for a named person ("an adviser to Mr. Doe"),
        else None."""
        if not any(m.end() == len(phrase) for regex, _ in self._cues_in("role", "role", phrase)
                   for m in regex.finditer(phrase)):
            return None
        found = self._BODY.match(part, len(phrase))
        if not found:
            return None
        # the body ends before a coordinated post or a relative clause
        body = self._BODY_END.split(found.group(2), 1)[0].strip()
        if self.stands_for_government(body):
            return "official"
        kind = self._typed_part(body)
        if kind is None and self.name_tokens(self.head(body)):
            if self._STAFF.search(phrase):
                return ""
            if found.group(1) in ("of", "at") and phrase.split()[-1].islower():
                # a post in a named body: typed by any cue in its name ("a
                # program at the Brennan Center"), else the codebook's "any
                # other organisation" ("president of Acme"; a capitalised
                # post is a title: "Director of National Intelligence")
                kind = self._typed_by_cues(body)
                return kind if kind in _BODY_TYPES else "organisation"
        return kind if kind in _BODY_TYPES else None  # a post is held in a body, not a text

    #: A capitalised name, then a lower-case post, then a name or the end:
    #: "American Unity Fund president" Jane Doe.
    _NAMED_POST = re.compile(r"((?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*)\s+([a-z][\w-]*)(?=\s+[A-Z]|$)")

    def _named_body_post(self, phrase):
        """``"organisation"`` for a post held in a named body no cue types
        ("Acme president Jane Doe"), as ``_body_of_role`` reads "president of
        Acme"; else None (a post for a person, "Obama adviser", is none)."""
        found = self._NAMED_POST.search(phrase)
        if not found or self._STAFF.search(found.group(2)) or not any(
                m.end() == len(found.group(2)) for regex, _ in self._cues_in("role", "role", found.group(2))
                for m in regex.finditer(found.group(2))):
            return None
        name = found.group(1)
        tail = name.split()
        body = self._typed_by_cues(name)
        if body == "media":
            return body  # a post in an outlet: "Fox News president Jane Doe"
        if body is not None or any(
                self.stands_for_government(" ".join(tail[i:])) for i in range(len(tail))):
            return None  # a typed body, or a country's post: "former Mexico leader"
        words = self.name_tokens(name)
        # a name of two words or an acronym ("NARAL"), not an adjective ("Mexican")
        return "organisation" if words and (len(tail) > 1 or words[0].isupper()) else None

    def _masked(self, text):
        """``text`` with every cue and media name blanked out (names remain)."""
        chars = list(text)
        spans = [(s, e) for s, e, _ in self.media_names.find(text)]
        kinds = self._mention_kinds(text)
        for kind, scope in self.cues:
            if scope != "mention" or kind not in kinds:
                continue
            for regex, _ in self.cues[kind, scope]:
                spans.extend(m.span() for m in regex.finditer(text))
        for s, e in spans:
            chars[s:e] = " " * (e - s)
        return "".join(chars)

    def name_tokens(self, text):
        """Capitalised tokens of ``text`` that no cue explains: a personal name's words."""
        return [w for w in self._WORD.findall(self._masked(text))
                if w[:1].isupper() and w.rstrip(".’'s") not in self._non_names
                and w.rstrip(".") not in self._non_names]

    def head(self, mention):
        """The head phrase of a mention: up to the first comma, clause or preposition."""
        match = self._SPLIT.search(mention)
        return mention[:match.start()].strip() if match and match.start() > 0 else mention.strip()

    def pronoun_kind(self, mention):
        """The anaphor class of ``mention`` (``person``, ``group``, ...) or ``None``."""
        key = mention.strip().lower().rstrip(".,")
        key = self._POSSESSIVE_S.sub("", key)
        return self.pronouns.get(key)

    def premodifier(self, before):
        """Title words just before a mention in its sentence ("Republican nominee")."""
        # Titles run back from the end, so a tail is read first: cut just
        # after a space, it splits into words as the whole does (no word
        # holds a space); the whole is read only when the titles reach the cut.
        last = before.rstrip()[-1:]
        if not (last.isalnum() or last in self._WORD_CHARS):
            # nothing, or text no word ends with ("said, “"): no title word
            # ends the text, and the titles found are none
            return ""
        cut = before.rfind(" ", 0, max(len(before) - 60, 0)) + 1
        start, reached_cut = self._title_start(before, cut)
        if reached_cut and cut:
            start, _ = self._title_start(before, 0)
        return before[start:].strip()

    _AND_BEFORE = re.compile(r",?\s+and\s+$")

    #: A noun phrase set off by a comma before a name that opens a clause
    #: or follows a reporting verb: "his top aide, " Jane Doe.
    _TITLE_BEFORE = re.compile(r"(?:^|[“\"‘',]\s*|\b(?:said|says|told|added|wrote|according to)\s+)"
                               r"((?:his|her|their|its|the|a|an|[A-Z][\w.’'-]*['’]s?)\s+"
                               r"[^,;:.!?\"“”()]{1,60}?),\s*$")

    def _title_before(self, before):
        """A role set off before a mention ("his top aide, " Jane Doe), else ""."""
        found = before.rstrip().endswith(",") and self._TITLE_BEFORE.search(before)
        if not found:
            return ""
        head = _POSSESSIVE.sub("", found.group(1).split()[-1]).lower()
        return found.group(1) if head in self.person_nouns else ""

    def _shared_title(self, before):
        """A plural title shared by names coordinated before a mention
        ("Democratic candidates Hillary Clinton and" Bernie Sanders), else ""."""
        conjunction = before[-1:].isspace() and before.rstrip().endswith("and") \
            and self._AND_BEFORE.search(before)
        if not conjunction:
            return ""
        words = self.premodifier(before[:conjunction.start()]).split()
        for i in range(len(words) - 2, -1, -1):  # a name follows the title
            word = words[i].rstrip(".").lower()
            if word.endswith("s") and not word.endswith("ss") and (
                    words[i].endswith(".") or self._typed_by_cues(words[i]) is not None):
                return " ".join(words[:i + 1])
        return ""

    def _title_start(self, before, lo):
        """Where the title words ending ``before`` start, reading from ``lo``;
        and whether they may go on before ``lo``."""
        start = len(before)
        words = list(self._WORD.finditer(before, lo))
        i = len(words) - 1
        while i >= 0:
            word = words[i]
            if before[word.end():start].strip():
                return start, False
            if i == len(words) - 1 and i >= 1 and words[i - 1].group()[:1].isupper() \
                    and self._is_post(word.group()):
                # a post right after a body's name, right before the name it
                # introduces: "Fox News founder" Jane Doe
                start, i = word.start(), i - 1
                continue
            if word.group().islower() and not before[word.end():].lstrip()[:1].islower() and \
                    self._typed_by_cues(word.group()) in self._NOT_TITLES:
                # a body or a text names no one's title right before a name:
                # "the group Jane Doe founded", "trust Mrs. Doe"
                return start, False
            if self._title_word(word.group()):
                start, i = word.start(), i - 1
                continue
            # a title with its capitalised complement: "Chief of Staff"
            if word.group() == "of" and 1 <= i < len(words) - 1 and start == words[i + 1].start() \
                    and words[i + 1].group()[:1].isupper() and self._title_word(words[i - 1].group()):
                start, i = words[i - 1].start(), i - 2
                continue
            # a title noun with its complement: "secretary of state"
            if (i >= 2 and words[i - 1].group() == "of" and self._title_word(words[i - 2].group())
                    and not before[words[i - 2].end():word.start()].replace("of", "", 1).strip()):
                start, i = words[i - 2].start(), i - 3
                continue
            return start, False
        return start, True

    def _is_post(self, token):
        """Whether ``token`` is a post held in a body ("founder", "president")."""
        return any(m.start() == 0 and m.end() == len(token)
                   for regex, _ in self._cues_in("role", "role", token) for m in regex.finditer(token))

    _NOT_TITLES = frozenset({"organisation", "document", "social_media"})

    def _title_word(self, token):
        if "-" in token:  # (no prefix without its hyphen)
            token = self._TIME_PREFIX.sub("", token)  # "then-Secretary", "ex-Gov."
        return token[:1].isupper() or self._typed_by_cues(token) is not None

    _TIME_PREFIX = re.compile(r"^(?:[Tt]hen|[Ee]x|[Ff]ormer)-(?=\w)")

    def apposition(self, after):
        """An apposition right after a mention (", a professor at Yale")."""
        match = self._APPOSITION.match(after)
        if not match:
            return ""
        bare = match.group("bare")
        if bare and not (self._typed_by_head_noun(bare) or any(
                m.end() == len(bare.rstrip()) for regex, _ in self._cues_in("role", "role", bare)
                for m in regex.finditer(bare.rstrip()))):
            return ""  # ", director of X," but not ", who spoke for ..."
        return match.group(1).strip()

    def stands_for_government(self, mention):
        """Whether the mention is a capital or a country standing for its government."""
        return any(regex.fullmatch(mention.strip()) for regex, _ in self.cues.get(("official", "whole"), ()))

    def type_mention(self, mention: str, before: str = "", after: str = "") -> str:
        """Type one source mention from its words and its sentence context.

        Parameters
        ----------
        mention : str
            The source span text.
        before, after : str
            Text of the same sentence before and after the mention (titles
            before it, an apposition or anonymity formula after it).

        Returns
        -------
        str
            One of :data:`SOURCE_TYPES`; an unresolved pronoun is ``unknown``.

        Examples
        --------
        >>> t = SourceTyper()
        >>> t.type_mention("Smith", after=", a professor at Yale, said")
        'expert'
        >>> t.type_mention("an official", after=" who spoke on condition of anonymity")
        'anonymous'
        """
        mention = mention.strip()
        if "." in mention:  # (no initials without their dots)
            mention = self._DOTTED.sub(lambda m: m.group().replace(".", ""), mention)
        if not mention or self.pronoun_kind(mention):
            return "unknown"
        if self._COUNT.fullmatch(mention):
            # a count whose noun is elided: "520 delegates back Clinton and 160 have not"
            counted = [m.group(1) for m in self._COUNTED.finditer(before)]
            return self.type_mention(counted[-1]) if counted else "unknown"
        if self._cue("anonymous", "after", after[:160]):
            return "anonymous"
        for kind in self._before_types:  # "an article Monday by <writers>"
            if self._cue(kind, "before", before[-100:]):
                return kind
        title = self.premodifier(before) or self._shared_title(before) or self._title_before(before)
        if "-" in title:
            title = self._TIME_PREFIX.sub("", title)  # a former post is a post: "then-Secretary"
        key = (mention, title, self.apposition(after))
        if key not in self._typed:
            if len(self._typed) > 100_000:  # bound the memo on endless streams
                self._typed.clear()
            self._typed[key] = self._type_in_context(*key)
        return self._typed[key]

    def _type_in_context(self, mention, left, right):
        whole = " ".join(p for p in (left, mention, right) if p)
        if self._cue("anonymous", "mention", whole):
            return "anonymous"
        if self.stands_for_government(mention):
            return "official"
        conjuncts = self._COORDINATED.split(mention.strip(" ,"))
        if len(conjuncts) > 1 and all(self.stands_for_government(c) for c in conjuncts):
            return "official"  # countries, each for its government: "Britain and France"
        head = self.head(mention)
        rest = mention[len(head):]
        first, second = (" ".join(p for p in (left, head) if p), " ".join(p for p in (rest, right) if p))
        kind = self._typed_part(first)
        share = self._SHARE_OF.match(rest)
        if kind == "citizen" and share and self._QUANTITY.search(head):
            # a count or share of people takes the type of its noun: "dozens of
            # lawmakers", "74 percent of Democratic voters"
            other = self._typed_part(self.head(rest[share.end():]))
            if other in _PERSONAL_TYPES and other not in ("anonymous", "named_person"):
                return other
        if kind == "political" and second and self._MEMBERSHIP.match(rest or ", "):
            # an office held outranks the party ("Republican John Doe (R-Kan.)"),
            # as in the codebook's precedence
            other = self._typed_part(second)
            if other in ("official", "military"):
                return other
        if not kind and second:
            # coordinated appositions (", a professor at X and a former
            # chairman of Y"): each is typed, and the codebook's first wins
            kinds = []
            for conjunct in self._CONJUNCTS.split(second):
                relative = self._RELATIVE.search(conjunct)
                # no clause makes a person a text; a "whose" clause describes
                # someone else ("whose husband, a Navy SEAL,"), and tells only
                # that its family is private ("whose family moved ...")
                if self._WHOSE.match(conjunct):  # read up to its first comma
                    kind = self._typed_part(self.head(self._WHOSE.sub("", conjunct, 1).strip(" ,")))
                else:
                    kind = self._typed_part(conjunct)
                if relative and kind in _TEXT_TYPES or self._WHOSE.match(conjunct) and kind != "citizen":
                    kind = None
                elif self._CLAUSE.match(conjunct) and not self._ROLE_CLAUSE.match(conjunct):
                    kind = None
                kinds.append(kind)
                if relative:
                    break  # a later "and a ..." may belong to the relative clause
            kind = min((k for k in kinds if k), key=SOURCE_TYPES.index, default=None)
        if kind:
            return kind
        for kind in self._fallback_types:
            if self._cue(kind, "fallback", whole):
                return kind
        names = self.name_tokens(head)
        if names:
            acronyms = [w for w in names if len(w) > 1 and w.isupper() and w.isalpha()]
            return "organisation" if acronyms and len(acronyms) == len(names) else "named_person"
        return "unknown"

    # -- mentions in a document -------------------------------------------------
    def _sentence_context(self, doc, start, end):
        index = max(doc.sentence_of(start), 0)
        sentences = doc.sentences
        s_start = sentences[index][0] if sentences else 0
        s_end = sentences[doc.sentence_of(max(end - 1, start))][1] if sentences else len(doc.text)
        return doc.text[min(s_start, start):start], doc.text[end:max(s_end, end)]

    def _describe(self, doc, start, end, kind):
        """Facts about a typed mention used to resolve later pronouns."""
        mention = doc.text[start:end]
        person, plural = self._mention_facts(mention, kind)
        return {"start": start, "end": end, "type": kind, "person": person, "plural": plural,
                "text": mention}

    def _mention_facts(self, mention, kind):
        """``(person, plural)``: whether a mention of type ``kind`` names one person, or many."""
        head = self.head(mention)
        words = self._WORD.findall(head)
        last = words[-1] if words else ""
        names = self.name_tokens(head)
        noun = _POSSESSIVE.sub("", last).lower()
        person = bool(names and last in names) or noun in self.person_nouns
        plural = (not person and noun.endswith("s") and not noun.endswith("ss")) or " and " in head
        # a full name typed by its post in a company or other body is a person
        post_holder = kind == "organisation" and len(names) >= 2 and last in names
        if kind not in _PERSONAL_TYPES and not post_holder or self.stands_for_government(mention):
            person = False
        return person and not plural, plural

    def _scan_description(self, doc, start, limit=600):
        """The nearest definite description of one person ("the former
        senator") opening a sentence before ``start`` (within ``limit`` chars)."""
        lo = max(0, start - limit)
        for match in reversed(list(self._description.finditer(doc.text, lo, start))):
            s, e = match.start("np"), match.end("np")
            if doc.sentences and doc.text[doc.sentences[doc.sentence_of(s)][0]:s].strip(" \"'“‘") \
                    not in ("", "But", "And", "Yet", "So", "Then", "Still", "Later"):
                continue
            before, after = self._sentence_context(doc, s, e)
            kind = self.type_mention(doc.text[s:e], before, after)
            if kind in _PERSONAL_TYPES and kind not in ("named_person", "anonymous"):
                return {"start": s, "end": e, "type": kind, "person": True, "plural": False,
                        "text": doc.text[s:e]}
        return None

    def _scan_name(self, doc, start, memo, limit=600, sentence_initial=False, accept=None):
        """The nearest personal name before ``start`` (within ``limit`` chars),
        optionally only one that opens a sentence, or that ``accept`` (a
        function of the found mention) takes."""
        lo = max(0, start - limit)
        for s, e, run in reversed(self._name_runs(doc.text, lo, start, cut=True)):
            words = run.split()
            if all(w.rstrip(".") in self._non_names for w in words):
                continue
            if self.pronoun_kind(re.split(r"['’]", words[0])[0]):
                continue  # "I've", "We're": a pronoun, not a name
            if words[0].lower() in self._determiners:
                continue  # "The Democratic", "The Truman Show": no personal name
            if words[0].lower() in self._run_openers:
                # "After Jane Doe spoke": the name follows the preposition;
                # "In Louisville": no name at all
                rest = words[1:]
                if not rest or len(rest) == 1 and not self._is_person(
                        self._people(doc, memo), _POSSESSIVE.sub("", rest[0])):
                    continue
                s, words = doc.text.index(rest[0], s), rest
            if sentence_initial and doc.sentences:
                opening = doc.text[doc.sentences[doc.sentence_of(s)][0]:s]
                if opening.strip() and (self.premodifier(opening) != opening.strip()
                                        or self._typed_by_cues(opening) not in _PERSONAL_TYPES) \
                        and not (opening.rstrip().endswith(",") and self._VERB_AFTER.match(doc.text, e)):
                    continue  # a subject may open with its title: "Former Gov. Jane Doe",
                    # or follow an opening clause: "Asked about it, Trump deflected."
            # (a word absent from the text in lower case needs no word list)
            if all(w.rstrip(".").lower() in doc.text
                   and w.rstrip(".").lower() in _lower_words(doc.text) for w in words):
                continue  # a common word capitalised at a sentence start ("First, ...")
            if self._NOT_NAME.fullmatch(doc.text, s, min(e + 1, len(doc.text))):
                continue  # a sentence adverb ("Largely, ...") or compound ("Long-term")
            if len(words) == 1 and self._opens_line(doc.text, s) and not _capitalised_mid_sentence(
                    doc.text, _POSSESSIVE.sub("", words[0].rstrip("."))):
                continue  # one capitalised word opening a line, never capitalised mid-sentence
            if any(bs <= s < be for bs, be, _ in doc.boilerplate):
                continue
            named = " ".join(w for w in words if w.rstrip(".") not in self._non_names)
            if self.stands_for_government(named):
                continue  # "Both Russia and ..." names a state, not a person
            before, after = self._sentence_context(doc, s, e)
            kind = self.type_mention(doc.text[s:e], before, after)
            # "he" or "she" stands for one person, never a group ("Democrats")
            if self._mention_facts(doc.text[s:e], kind)[0]:
                found = {"start": s, "end": e, "type": kind, "person": True, "plural": False,
                         "text": doc.text[s:e]}
                if accept is None or accept(found):
                    return found
        return None

    @staticmethod
    def _opens_line(text, at):
        """Whether ``at`` opens a line or a sentence (after optional quotes)."""
        before = text[max(0, at - 3):at].rstrip(" \"'“‘")
        return not before or before[-1] in "\n.!?:"

    #: A past-tense or present verb right after a name: the name is a subject.
    _VERB_AFTER = re.compile(r"\s+(?:[a-z]+ed|said|says|told|added|spoke|wrote|went|took|made)\b")
    _PLURAL = re.compile(r"(?<![\w-])[A-Za-z][a-z-]+s(?![\w'’-])")

    def _scan_group(self, doc, start):
        """A plural noun that "they" may stand for when no earlier source is
        one: the first typed plural of the pronoun's sentence (its subject,
        more often than not), else of the sentence before."""
        index = doc.sentence_of(start)
        if index < 0 or not doc.sentences:
            return None
        for i in (index, index - 1):
            if i < 0:
                break
            lo = doc.sentences[i][0]
            hi = start if i == index else doc.sentences[i][1]
            for match in self._PLURAL.finditer(doc.text, lo, hi):
                word = match.group()
                if word.endswith("ss") or self.pronoun_kind(word):
                    continue
                kind = self._typed_by_cues(word)
                if kind in _PERSONAL_TYPES and kind != "anonymous":
                    return {"start": match.start(), "end": match.end(), "type": kind,
                            "text": word, "person": False, "plural": True}
        return None

    def type_sources(self, doc: Document, spans, resolved=None, max_distance=1500) -> list[dict]:
        """Type every source mention of a document, resolving anaphors.

        Parameters
        ----------
        doc : Document
        spans : list of (start, end)
            Source mentions of the document (gold or extracted), any order.
        resolved : list of str or None, optional
            Per mention, a referent text already found by the attribution
            extractor; typed for anaphors that reading back cannot resolve.
        max_distance : int
            How far back (characters) a referent may be.

        Returns
        -------
        list of dict
            Per mention, in the order given: ``source_type``, ``rule_type``,
            ``resolved_text`` (the referent for anaphors, else the mention),
            ``resolved_start``, ``resolved_end`` (-1 when not found in the
            text). ``rule_type`` is the codebook rules' answer; ``source_type``
            is the same, except for a mention with no role of its own (a
            bare name, a pronoun), which the typer's learned ``model`` (when
            there is one) re-types where it gives another type at least
            ``min_confidence`` probability, reading the rules' answer and the
            words around the mention and the person's other mentions.

        Examples
        --------
        >>> d = Document("Sen. Jane Doe spoke. She said no. It was late, they said.")
        >>> [r["source_type"] for r in SourceTyper().type_sources(d, [(0, 13), (21, 24), (48, 52)])]
        ['official', 'official', 'unknown']
        """
        text = doc.text
        order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        results = [None] * len(spans)
        named, described = [], {}  # (start, end) -> facts: a span shared by attributions is typed once
        for i in order:
            start, end = spans[i][0], spans[i][1]
            if (start, end) in described:
                info = described[start, end]
            elif self.pronoun_kind(text[start:end]) is None:
                before, after = self._sentence_context(doc, start, end)
                mention = text[start:end]
                if mention.isupper() and re.search(r"(?<!\w)" + re.escape(mention.title()) + r"(?!\w)", text):
                    mention = mention.title()  # a transcript's "PENCE:" is the Pence named elsewhere
                kind = self.type_mention(mention, before, after)
                info = described[start, end] = self._describe(doc, start, end, kind)
            else:
                continue
            results[i] = {"source_type": info["type"], "resolved_text": text[start:end],
                          "resolved_start": start, "resolved_end": end}
            named.append(info)
        history = []
        memo = {}  # facts of this document, found once for all its mentions
        for i in order:
            start, end = spans[i][0], spans[i][1]
            if results[i] is not None:
                history.append(described[start, end])
                continue
            referent = self._resolve(doc, start, end, history, named, max_distance, memo)
            hint = resolved[i] if resolved is not None and i < len(resolved) else None
            if referent is None and hint and isinstance(hint, str) and not self.pronoun_kind(hint):
                kind = self.type_mention(hint)
                referent = {"start": -1, "end": -1, "type": kind, "text": hint,
                            "person": kind in _PERSONAL_TYPES, "plural": False}
            if referent is None:
                results[i] = {"source_type": "unknown", "resolved_text": "",
                              "resolved_start": -1, "resolved_end": -1}
                continue
            results[i] = {"source_type": referent["type"], "resolved_text": referent["text"],
                          "resolved_start": referent["start"], "resolved_end": referent["end"]}
            history.append({**referent, "start": start, "end": end})
        for i, result in enumerate(results):
            # a mention that gives its person no role ("he", "Ryan", "Mr.
            # Ryan") takes the role the article introduces them with; a
            # pronoun stands for the person, whose several roles the first
            # in the codebook's list decides, not only the one its antecedent gives
            kind = result["source_type"]
            # and, by the codebook's session-4 decision, a named person whose
            # own mention has a role ("Republican candidate Jane Doe") still
            # takes any role of theirs earlier in the list ("Texas Sen.")
            mention = text[spans[i][0]:spans[i][1]]
            anaphor = (spans[i][0], spans[i][1]) not in described
            person = None if anaphor or kind not in self._ROLE_TYPES or kind == "anonymous" \
                else self._described_person(doc, spans[i][0], spans[i][1], memo)
            if person:  # "the candidate" for a person named before
                role = self._introduced_as(doc, {"resolved_text": person}, described, memo)
                if role and SOURCE_TYPES.index(role) < SOURCE_TYPES.index(kind):
                    results[i] = {**result, "source_type": role}
            elif kind == "named_person" or kind in self._ROLE_TYPES and kind != "anonymous" and (
                    # (a pronoun for "A North Korea expert" means no one named Korea)
                    self.pronoun_kind(mention) != "group" and not self._description_of_no_name(
                        result["resolved_text"]) if anaphor else kind not in self._TOP_PERSON_TYPES and self._headed_by_name(mention)):
                role = self._introduced_as(doc, result, described, memo)
                if role is None and kind == "named_person" and self._OWN_CANDIDACY.search(
                        self._sentence_context(doc, spans[i][0], spans[i][1])[1]):
                    role = "political"  # "... before he launched his presidential bid"
                if role and (kind == "named_person" or SOURCE_TYPES.index(role) < SOURCE_TYPES.index(kind)):
                    results[i] = {**result, "source_type": role}
        for result in results:
            result["rule_type"] = result["source_type"]
        if self.model is not None and results:
            features = SourceFeatures(self).transform(doc, spans, results, roleless_only=True)
            todo = [i for i, f in enumerate(features) if f is not None]
            features = [features[i] for i in todo]
            learned = self.model.retype(features, [results[i]["rule_type"] for i in todo],
                                        self.min_confidence, person_keys(features))
            for i, kind in zip(todo, learned):
                results[i]["source_type"] = kind
        return results

    #: A person the mention itself gives one of these roles keeps it, to
    #: save a lookup per mention: only a media or military role found
    #: elsewhere would outrank an office (the same labels on all 1,940 coded rows).
    _TOP_PERSON_TYPES = frozenset({"media", "military", "official"})

    def _described_person(self, doc, start, end, memo):
        """The surname of the person a source span that is a definite
        description of one person ("the candidate", "The Texas senator")
        refers to, as :meth:`_descriptions` finds it, else None."""
        if "descriptions" not in memo:
            memo["descriptions"] = self._descriptions(doc, memo)
        for s, e, referent, _, _ in memo["descriptions"]:
            if s > start + 4:
                break
            if s >= start and e >= end - 1 and doc.text[start:s].strip() == "":
                return referent
        return None

    _DETERMINED = re.compile(r"^(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Oo]ne|[Ss]ome|[Aa]nother)\s")

    def _description_of_no_name(self, referent):
        """Whether ``referent`` is a description a name only modifies ("A
        North Korea expert in Seoul"), not a name or a clause opening with
        one ("Jane Doe is doing best")."""
        return bool(self._DETERMINED.match(referent)) and not self._headed_by_name(referent)

    def _headed_by_name(self, mention):
        """Whether a personal name heads ``mention`` ("Republican candidate Jane
        Doe", "Doe, the nominee"), not only modifies it ("Doe campaign aides",
        "Doe's spokesman")."""
        head = self.head(mention)
        names = self.name_tokens(head)
        return bool(names) and head.split()[-1] == names[-1] and not _POSSESSIVE.search(names[-1])

    #: Types a mention can give a person (a person is never a text; having
    #: no role is what the introduction is looked up for).
    _ROLE_TYPES = frozenset(SOURCE_TYPES) - {"named_person", "unknown", "document", "social_media"}
    _AGE = re.compile(r",\s*\d{1,3}\s*,")
    _GROUP = re.compile(r"\s(?:and|nor|or)\s")
    _BOTH = re.compile(r"^(?:[Bb]oth|[Nn]either|[Ee]ither)\s+")
    _PEOPLE = re.compile(r"\s*,\s*(?:(?:and|nor|or)\s+)?|\s(?:and|nor|or)\s")
    #: What follows a surname that makes its bearer a candidate ("Doe's campaign").
    _CANDIDACY = re.compile(r"(?:['’]s?)?\s+(?:(?:presidential|[Ss]enate|[Hh]ouse|gubernatorial|"
                            r"mayoral|reelection|re-election|primary|White House|\d{4})\s+)?"
                            r"(?:campaign|candidacy|bid|ticket|running mate)\b")

    #: A candidacy told by the verb after a name: "Doe has run a tireless
    #: campaign", "Doe clinched the Republican nomination".
    _RAN = re.compile(r"(?:,[^,.;:]{0,60},)?\s+(?:(?:has|had|is|was|have)\s+(?:been\s+)?)?(?:\w+ly\s+)?"
                      r"(?:r[au]n|running|launched|launching|announced|won|wins|clinched|clinches|"
                      r"captured|secured|seeking|sought|seeks|accepted|accepts|lost)\s+"
                      r"(?:(?:a|an|the|his|her|their)\s+)?(?:party['’]s\s+)?(?:(?:[\w-]+\s+){0,2}?"
                      r"(?:nomination|candidacy|primary|primaries|caucus(?:es)?)|(?:[\w-]+\s+){0,2}?"
                      r"(?:presidential|[Ss]enate|[Hh]ouse|congressional|gubernatorial|mayoral|re-?election|"
                      r"White House|\d{4})\s+(?:campaign|bid|race))\b")

    #: A candidacy told later in the sentence of a name or pronoun: "Jane
    #: Doe said ... before she launched her presidential bid".
    _OWN_CANDIDACY = re.compile(r"\b(?:his|her)\s+(?:(?:own|first|second|third|failed|short-lived|"
                                r"long-shot|longshot|insurgent|underdog|\d{4}|presidential|White House|"
                                r"[Ss]enate|[Hh]ouse|gubernatorial|mayoral|reelection|re-election|primary)\s+)*"
                                r"(?:campaign|candidacy|bid(?!\s+to\b))\b")

    def _introduced_as(self, doc, result, described, memo):
        """The type of the person a mention refers to, by the roles the
        article gives them (the codebook's amendment and session-4
        decision): the first in the codebook's list of those roles (its
        clarification on several roles), or None when it gives none.

        The person is found by surname; where the article names several
        people with it ("Hillary Clinton", "Bill Clinton"), a bare surname is
        the one it names in full first. Lines in title case (headlines) are
        passed over: their capitals tell no name from a title. ``memo``
        keeps what is found per surname for the document's other mentions.
        """
        referent = result["resolved_text"]
        head = self.head(referent) if referent else ""
        if self._GROUP.search(head):
            # several people ("Mrs. Clinton and Ms. Warren"): each is looked
            # up, and the first of their types in the codebook's list wins
            parts = [p for p in self._PEOPLE.split(self._BOTH.sub("", head)) if p.strip()]
            if not all(w[:1].isupper() for p in parts for w in p.split()):
                return None  # "Christian and corporate speaker Jane Doe" is one person
            roles = [self._introduced_as(doc, {"resolved_text": p}, described, memo) for p in parts]
            return min(filter(None, roles), key=SOURCE_TYPES.index, default=None)
        names = self.name_tokens(head) if referent else []
        if not names:
            return None
        surname = _POSSESSIVE.sub("", names[-1]).rstrip(".")
        if len(surname) < 2 or not surname[:1].isupper():
            return None
        key = (surname, self._given_name(names[:-1]))
        if key not in memo:
            memo[key] = self._person_role(doc, surname, key[1], described, memo)
        return memo[key]

    def _person_role(self, doc, surname, given, described, memo):
        """:meth:`_introduced_as` for the person of that surname (and given
        name, if known)."""
        if ("mentions", surname) not in memo:
            memo["occurrences", surname] = _occurrences(doc.text, surname)
            memo["mentions", surname] = self._name_mentions(doc, memo["occurrences", surname],
                                                            surname, memo)
        mentions = memo["mentions", surname]
        # a bare surname is the person the article introduced first by it
        given = given or next((g for _, _, g in mentions if g), None)
        private, roles = None, []
        for start, end, other in mentions:
            if not _same_given(given, other):
                continue  # another person of that surname ("Ken" is "Kenneth")
            if ("role at", start, end, surname) not in memo:  # (people sharing a surname)
                memo["role at", start, end, surname] = self._role_at(doc, start, end, surname, described)
            kind = memo["role at", start, end, surname]
            if kind == "citizen":
                # a private person's marks ("Jane Doe, 44,", "his son") yield
                # to any post or office the article gives them elsewhere
                private = kind
            elif kind:
                roles.append(kind)
                if kind == "media":
                    break  # no role a person can have outranks it
        if "official" not in roles:  # (descriptions rarely give more than an office)
            if ("described as", surname, given) not in memo:
                memo["described as", surname, given] = self._described_as(doc, surname, given, memo)
            described_as = memo["described as", surname, given]
            if described_as:
                roles.append(described_as)
            roles.extend(kind for kind, other in self._posts_told_by_pronoun(doc, memo).get(surname, ())
                         if _same_given(given, other))
        if roles:
            # of several roles, the first in the codebook's list wins (a
            # senator running for president is an official)
            return min(roles, key=SOURCE_TYPES.index)
        if private is None and any(self._CANDIDACY.match(doc.text, at + len(surname))
                                   or self._RAN.match(doc.text, at + len(surname))
                                   for at in memo["occurrences", surname]):
            return "political"  # a person with a campaign is a candidate
        return private

    def _described_as(self, doc, surname, given, memo):
        """The role of the first definite description of one person ("the
        Republican front-runner") that refers to ``surname``, or None: a
        candidacy told by a description after the person last named, any
        other role by an epithet after the person last named ("the Texas
        senator", :attr:`_EPITHET`) or by a description that opens its
        sentence, taken to refer to the first person the sentence before
        names (else to the person last named)."""
        if "descriptions" not in memo:
            memo["descriptions"] = self._descriptions(doc, memo)
        text = doc.text
        for s, e, subject, named, named_given in memo["descriptions"]:
            if surname not in (subject, named):
                continue
            before, after = self._sentence_context(doc, s, e)
            kind = self.type_mention(text[s:e], before, after)
            # a candidacy is told anywhere ("a nod to the front-runner") of the
            # last person named; other roles only by a description that opens
            # its sentence, whose referent is likeliest the subject of the
            # sentence before (else the last person named)
            opens = before.strip(" \"'“‘") in self._OPENERS
            if kind == "political" and named == surname or (
                    opens and subject == surname
                    or named == surname and _same_given(given, named_given)
                    and self._stands_for_name(text, s, surname)) \
                    and kind in self._ROLE_TYPES and kind not in ("anonymous", "citizen"):
                return kind
        return None

    def _stands_for_name(self, text, at, surname):
        """Whether the epithet at ``at`` ("the Texas senator") stands in for
        ``surname`` named before it: not in that name's own clause, where it
        is someone else ("Doe criticized the Texas senator")."""
        if not self._EPITHET.match(text, at):
            return False
        named = text.rfind(surname, max(0, at - 600), at)
        return named >= 0 and bool(self._CLAUSE_BREAK.search(text, named + len(surname), at))

    _CLAUSE_BREAK = re.compile(r"[,;:.!?\n]|\s(?:and|but)\s")

    _OPENERS = ("", "But", "And", "Yet", "So", "Then", "Still", "Later")
    #: A description standing in for the name just used, its post tied to one
    #: person by a place or "former": "the Texas senator", "the former
    #: secretary of state" (a bare "the senator" may be anyone).
    _EPITHET = re.compile(r"[Tt]he\s+(?:(?:former\s+|then-)(?=[a-z])|(?!(?:Democratic|Republican|GOP|"
                          r"Libertarian|Conservative|Liberal|Labour|Green)\b)(?:[A-Z][a-z]+\s+){1,2}(?=[a-z]))")

    #: A post held, told after a possessive pronoun: "her work as senator",
    #: "her use of a private server as secretary of state" (not "such as").
    #: ("\b[Hh]", its word boundary checked after the "H": opening with a
    #: letter, the regex lets the engine skip to the next "H" or "h")
    _PRONOUN_SERVED_AS = re.compile(
        r"[Hh](?<!\w.)(?:is|er)\s+(?:[\w’'-]+\s+){1,5}?(?<!such )(?<!well )(?<!same )(?<!so )as\s+"
        r"((?:(?:a|an|the)\s+)?[^,.;:()\"“”]+?)(?=\s+and\b|\s+(?:in|from|to|when|during|under)\b|[,.;:()\"“”]|$)")

    def _posts_told_by_pronoun(self, doc, memo):
        """``{surname: [(type, given name or None), ...]}``: the posts told
        after "his" or "her" ("her years as secretary of state"), each given
        to the person named last before it (within 600 characters), with the
        given name that mention has."""
        if "pronoun posts" not in memo:
            posts, people = {}, None
            for match in self._PRONOUN_SERVED_AS.finditer(doc.text):
                kind = self.type_mention(self.head(match.group(1)))
                if kind not in self._ROLE_TYPES or kind in ("anonymous", "citizen"):
                    continue
                if people is None:
                    people = self._people(doc, memo)
                surname, given = self._last_named(doc, people, match.start())
                if surname:
                    posts.setdefault(surname, []).append((kind, given))
            memo["pronoun posts"] = posts
        return memo["pronoun posts"]

    def _descriptions(self, doc, memo):
        """``[(start, end, subject, surname, given name)]``: the definite
        descriptions of one person in the text that no name follows, with the
        surname of the person the sentence before names first when the
        description opens its sentence (else None), and the surname and given
        name (None if none) of the nearest person named before it (within 600
        characters)."""
        text, found = doc.text, []
        people, headline = None, {}
        for match in self._description.finditer(text):
            s, e = match.start("np"), match.end("np")
            if self._NAME_AFTER.match(text, e):
                continue  # a title before a name: "the senator Jane Doe"
            line = text.rfind("\n", 0, s) + 1
            if line not in headline:
                headline[line] = self._title_case_line(text, s)
            if headline[line]:
                continue  # a headline's capitals tell no noun from a name ("The General Election")
            if people is None:
                people = self._people(doc, memo)
            named, given = self._last_named(doc, people, s)
            found.append((s, e, self._previous_subject(doc, s, people) or named, named, given))
        return found

    def _previous_subject(self, doc, at, people):
        """The surname of the first person named in the sentence before the
        one ``at`` opens (its subject, more often than not), else None."""
        index = doc.sentence_of(at) if doc.sentences else -1
        if index < 1 or doc.text[doc.sentences[index][0]:at].strip(" \"'“‘") not in self._OPENERS:
            return None
        lo, hi = doc.sentences[index - 1]
        starts, ends, surnames = people[:3]
        for i in range(bisect_left(starts, lo), len(starts)):
            if ends[i] > hi:
                break
            if self._is_person(people, surnames[i]):
                return surnames[i]
        return None

    def _last_named(self, doc, people, at, limit=600):
        """``(surname, given name or None)`` of the nearest person named before
        ``at`` (within ``limit`` chars), else ``(None, None)``."""
        starts, ends, surnames = people[:3]
        for i in range(bisect_left(ends, at + 1) - 1, -1, -1):
            if starts[i] < at - limit:
                break
            if self._is_person(people, surnames[i]):
                return surnames[i], self._given_name(doc.text[starts[i]:ends[i]].split()[:-1])
        return None, None

    _HONORIFIC = re.compile(_HONORIFICS + "$")

    def _people(self, doc, memo):
        """:meth:`_names` of the document, found once per ``memo``."""
        if "people" not in memo:
            memo["people"] = self._names(doc)
        return memo["people"]

    def _names(self, doc):
        """``(starts, ends, surnames, full, memo)``: the capitalised name runs of
        the text, the full names per surname, and a memo of which surnames are
        a person's."""
        runs = self._name_runs(doc.text, 0, len(doc.text))
        surnames = [g[g.rfind(" ") + 1:] for _, _, g in runs]
        surnames = [_POSSESSIVE.sub("", w) if w[-1] in "s'’" else w for w in surnames]
        full = {}
        for (_, _, name), surname in zip(runs, surnames):
            if " " in name:
                full.setdefault(surname, []).append(name)
        return [r[0] for r in runs], [r[1] for r in runs], surnames, full, {}

    def _is_person(self, people, surname):
        """Whether the text writes ``surname`` as a person's (not a place's or an
        outlet's: "the Middle East"): in full ("Jane Doe") or after an honorific
        ("Mrs. Doe") somewhere."""
        full, memo = people[3:]
        if surname not in memo:
            memo[surname] = any(
                (self._HONORIFIC.match(words[0]) or self._given_name(words[:-1]))
                and self._typed_by_cues(self._LEADING_TITLES.sub("", name)) is None
                for name in full.get(surname, ()) for words in [name.split()])
        return memo[surname]

    #: Abbreviated titles opening a name run ("Sen. Jane Doe"): the person's
    #: post, not a sign that the run names a body.
    _LEADING_TITLES = re.compile(r"^(?:[A-Z][a-z]{1,4}\.\s+)+(?=[A-Z][a-z])")

    _NAME_AFTER = re.compile(r",?\s+(?:[A-Z][a-z]+\.\s+)?[A-Z][a-z]")

    def _given_name(self, words):
        """The given name among the words before a surname, if they end with one
        (initials skipped; titles such as "Sen." or "Speaker" are none)."""
        for word in reversed(words):
            if _INITIALS.fullmatch(word):
                continue  # middle initials ("W.", "H.W.")
            bare = word.rstrip(".")
            if (word.endswith(".") or bare in self._non_names
                    or self._typed_by_cues(word) in _PERSONAL_TYPES):
                return None  # a title ("Speaker"), not a name ("Bill")
            return word
        return None

    def _name_mentions(self, doc, occurrences, surname, memo):
        """``[(start, end, given name or None)]``: every personal name in the
        text that ends with ``surname`` (possessive allowed), given the
        offsets where the surname occurs as a word."""
        text, found = doc.text, []
        for at in occurrences:
            end = at + len(surname)
            lo = max(0, at - 80)
            # (a run starting after ``at`` cannot hold it: the scan stops there)
            run = next((r for r in self._name_runs(text, lo, at + 1, min(len(text), end + 60))
                        if r[1] >= end), None)
            if run is None:
                continue
            run_start, run_end, run_text = run
            words = list(_NON_SPACE.finditer(run_text))
            if _POSSESSIVE.sub("", words[-1].group()) != surname:
                continue  # a longer name ("Trump Tower")
            line = text.rfind("\n", 0, run_start) + 1
            if ("title case", line) not in memo:
                memo["title case", line] = self._title_case_line(text, run_start)
            if memo["title case", line]:
                continue  # a headline
            given = self._given_name([w.group() for w in words[:-1]])
            # the name alone, from its given name: titles before it are read
            # as the name's context ("White House Chief of Staff Denis Doe")
            first = next((w for w in words[:-1] if given and w.group() == given), words[-1])
            found.append((run_start + first.start(), run_end, given))
        return found

    def _name_runs(self, text, lo, hi, endpos=None, cut=False):
        """``[(start, end, run)]``: the runs of ``_NAME_RUN.finditer(text, lo,
        endpos)`` (``endpos`` defaults to ``hi``) that start before ``hi``;
        with ``cut``, those of ``text[lo:hi]`` (offsets in ``text``). A run
        starts only at a capital no word character precedes: those are found
        once per text, and the run is tried there alone."""
        starts = _capitals(text)
        starts = starts[bisect_left(starts, lo):bisect_left(starts, hi)]
        endpos = hi if endpos is None else endpos
        found, end = [], 0
        if cut and lo < hi and "A" <= text[lo] <= "Z" and (not starts or starts[0] != lo):
            # in the slice nothing precedes a word cut at ``lo``: it may open a run
            match = self._NAME_RUN.match(text[lo:hi])
            if match:
                end = lo + match.end()
                found.append((lo, end, match.group()))
        regex = self._NAME_RUN
        runs = _runs_at(regex, text)
        for at in starts:
            if at >= end:
                if at not in runs:
                    match = regex.match(text, at)
                    runs[at] = match and (match.end(), match.group())
                run = runs[at]
                if run and run[0] > endpos:
                    # (the regex has no lookahead: a run it matches in the
                    # whole text, ending by ``endpos``, is the one it matches
                    # in ``text[:endpos]``, and one it cannot match there it
                    # cannot match in less; a longer one is matched anew)
                    match = regex.match(text, at, endpos)
                    run = match and (match.end(), match.group())
                if run:
                    end = run[0]
                    found.append((at, end, run[1]))
        return found

    _LONG_WORD = re.compile(r"[A-Za-z][\w’'-]{3,}")
    _LONG_WORD_INITIAL = re.compile(r"([A-Za-z])[\w’'-]{3,}")

    def _title_case_line(self, text, at):
        """Whether the line holding ``at`` capitalises (nearly) all its long words."""
        lo, hi = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        # the first letters of the long words (findall of the group)
        words = self._LONG_WORD_INITIAL.findall(text, lo, len(text) if hi < 0 else hi)
        return len(words) >= 3 and sum(map(str.isupper, words)) >= 0.8 * len(words)

    def _role_at(self, doc, start, end, surname, described):
        """The role type a name at ``[start, end)`` is given there, or None: the
        type of a source span it heads, else of the name in its sentence."""
        text = doc.text
        for (s, e), info in described.items():
            if s <= start < e:
                head = self.head(text[s:e])
                if _POSSESSIVE.sub("", head).endswith(surname) and start < s + len(head) + 2:
                    return info["type"] if info["type"] in self._ROLE_TYPES else None
        if _POSSESSIVE.search(text[start:end]):
            # what follows is someone else's ("Gore's allies"), but a formal
            # title before the name is still the person's ("Secretary
            # Clinton's goal"; "bestselling author Jane Doe's book" is a byline)
            before, after = self._sentence_context(doc, start, end)
            served = self._SERVED_AS.match(after)
            posts = []
            while served:  # "Doe's tenure as secretary of state (and as ...)"
                posts.append(self.type_mention(self.head(served.group(1))))
                served = self._AND_AS.match(after, served.end())
            posts = [k for k in posts if k in self._ROLE_TYPES and k not in ("anonymous", "citizen")]
            if posts:
                return min(posts, key=SOURCE_TYPES.index)
            title = self.premodifier(before).split()
            if not title:
                return None
            kind = self.type_mention(text[start:end], before)
            if not title[-1][:1].isupper() and kind not in ("official", "military", "political"):
                return None  # a byline's trade, no title ("bestselling author Jane Doe's")
            return kind if kind in self._ROLE_TYPES and kind != "anonymous" else None
        if self._PARTY_STATE.match(text, end):
            return "official"  # "Jane Doe (D-Calif.)": the news convention for legislators
        age = self._AGE.match(text, end)
        if age:  # "Jane Doe, 44,": the news convention for private persons
            end = age.end()
        before, after = self._sentence_context(doc, start, end)
        kind = self.type_mention(text[start:end], before, after)
        # a named person is not anonymous: an anonymity formula after a name
        # belongs to someone else ("an adviser to Doe, who declined to be named")
        return kind if kind in self._ROLE_TYPES and kind != "anonymous" else None

    #: A legislator's party and state after the name: "Jane Doe (D-Calif.)".
    _PARTY_STATE = re.compile(r"['’]?s?\s*\((?:D|R|I|Dem|Rep|Ind)\.?\s*[-–,]\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)")

    #: A post held, told after a possessive name: "Doe's record as governor".
    _SERVED_AS = re.compile(r"\s+(?:[\w-]+\s+)?(?:record|tenure|time|years|terms?|career|service|stint|"
                            r"experience|days|work|role|stewardship)\s+as\s+((?:(?:a|an|the)\s+)?[^,.;:()\"“”]+?)"
                            r"(?=\s+and\b|[,.;:()\"“”]|$)")

    _AND_AS = re.compile(r"\s+and\s+as\s+((?:(?:a|an|the)\s+)?[^,.;:()\"“”]+?)(?=\s+and\b|[,.;:()\"“”]|$)")

    def _inside_quotation(self, doc, offset):
        """Whether ``offset`` lies inside quotation marks within its paragraph."""
        paragraph = next((s for s, e in doc.paragraphs if s <= offset < e), 0)
        before = doc.text[paragraph:offset]
        if before.lstrip()[:1] in ("“", '"', "'"):  # a quotation running on from earlier paragraphs
            return True
        opening, closing = before.count("“"), before.count("”")
        if opening or closing:
            return opening > closing
        return before.count('"') % 2 == 1 or before.count("''") % 2 == 1

    #: An opening that hands the article's voice to someone else.
    _GUEST_VOICE = re.compile(r"\b(?:[Ee]xcerpts?|Q&A|Q and A|[Qq]uestions and answers|"
                              r"[Ee]dited transcript)\b")
    _ANSWER = re.compile(r"\s*A[:.]?\s")

    def _own_voice_speaker(self, doc, start):
        """Who speaks as "I" outside quotation marks in an interview's answer
        or a book excerpt: the first person named in its opening, else None."""
        paragraph = next((s for s, e in doc.paragraphs if s <= start < e), 0)
        opening = doc.text[:600]
        if not (self._ANSWER.match(doc.text, paragraph) or self._GUEST_VOICE.search(opening)):
            return None
        for match in self._NAME_RUN.finditer(opening):
            s, e = match.span()
            words = match.group().split()
            if all(w.rstrip(".") in self._non_names for w in words) or all(
                    w.rstrip(".").lower() in _lower_words(doc.text) for w in words):
                continue
            named = self._mention_at(doc, s, e)
            if named:
                return named
        return None

    def _mention_at(self, doc, s, e):
        """The description of the text at ``[s, e)`` as a mention of one person, or None."""
        before, after = self._sentence_context(doc, s, e)
        kind = self.type_mention(doc.text[s:e], before, after)
        if kind in _PERSONAL_TYPES and self._mention_facts(doc.text[s:e], kind)[0]:
            return {"start": s, "end": e, "type": kind, "person": True, "plural": False,
                    "text": doc.text[s:e]}
        return None

    _PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                       "she": "f", "her": "f", "hers": "f", "herself": "f"}
    _HONORIFIC_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}
    _FIRST_PRONOUN = re.compile(r"[^.!?\n]*?\b(he|him|his|she|her|hers)\b", re.IGNORECASE)

    def _gender(self, doc, mention, memo):
        """``"m"``, ``"f"`` or None: how the article refers to the person whose
        surname ends ``mention``, from the honorifics before the surname ("Mr.",
        "Ms.", two votes each) and the first he/she pronoun after each mention
        in its sentence (one vote); None unless one reading has three votes at
        least and three times the other's, or when several people in the
        article share the surname. ``memo`` keeps the answers per surname
        for the document."""
        names = self.name_tokens(self.head(mention))
        if not names:
            return None
        surname = _POSSESSIVE.sub("", names[-1]).rstrip(".")
        key = ("gender", surname)
        if key not in memo and self._shared_surname(doc, surname, memo):
            memo[key] = None  # "Ms. Jane Roe" and "Sen. Mark Roe": the votes would mix
        if key not in memo:
            votes = {"m": 0, "f": 0}
            text = doc.text
            for at in _occurrences(text, surname):
                honorific = self._HONORIFIC_BEFORE.search(text, max(0, at - 8), at)
                if honorific:
                    votes[self._HONORIFIC_GENDER[honorific.group(1)]] += 2
                pronoun = self._FIRST_PRONOUN.match(text, at + len(surname), at + len(surname) + 160)
                if pronoun:
                    votes[self._PRONOUN_GENDER[pronoun.group(1).lower()]] += 1
            m, f = votes["m"], votes["f"]
            # a pronoun after a name is often someone else's ("Doe said he
            # [Roe] was wrong"): only a clear majority decides
            memo[key] = "m" if m >= 3 and m >= 3 * f else "f" if f >= 3 and f >= 3 * m else None
        return memo[key]

    _HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")

    def _shared_surname(self, doc, surname, memo):
        """Whether the article names more than one person ``surname`` ("Hillary
        Clinton" and "Bill Clinton"), by the given names of its full names."""
        full = self._people(doc, memo)[3].get(surname, ())
        given = {self._given_name(name.split()[:-1]) for name in full}
        return len(given - {None}) > 1

    def _resolve(self, doc, start, end, history, named, max_distance, memo):
        text = doc.text
        kind = self.pronoun_kind(text[start:end])
        earlier = [h for h in reversed(history) if start - h["end"] <= max_distance]
        if kind == "relative":
            before = text[max(0, start - 200):start]
            for h in earlier:
                if 0 <= start - h["end"] <= 3:
                    return h
            chunk = re.split(r"[;:.()“”\"\n]", before.rstrip(" ,"))[-1]
            chunk = " ".join(chunk.split(",")[-1].split()[-8:])
            name = self._TRAILING_NAME.search(chunk)
            determiner = list(self._DETERMINER.finditer(chunk))
            if name:  # the name or noun phrase the relative clause hangs on
                chunk = chunk[name.start():]
            elif determiner:
                chunk = chunk[determiner[-1].start():]
            if chunk:
                s = text.rfind(chunk, 0, start)
                typed = self.type_mention(chunk, text[max(0, s - 80):s])
                person, plural = self._mention_facts(chunk, typed)
                return {"start": s, "end": s + len(chunk), "type": typed, "text": chunk,
                        "person": person, "plural": plural}
            return None
        if kind == "speaker":
            if text[start:end].lower() in self._AUTHOR and not self._inside_quotation(doc, start):
                # "I" (or "we") in the article's own voice is its author: the medium,
                # unless the article gives the floor to someone it names
                # (an interview's answers, a book excerpt).
                speaker = self._own_voice_speaker(doc, start)
                if speaker:
                    return speaker
                return {"start": -1, "end": -1, "type": "media", "text": "(the author)",
                        "person": True, "plural": False, "author": True}
            paragraph = next(((s, e) for s, e in doc.paragraphs if s <= start < e), (start, end))
            near = [h for h in named if paragraph[0] <= h["start"] < paragraph[1]
                    and h["start"] != start and h["person"]]
            if near:
                return min(near, key=lambda h: abs(h["start"] - start))
            kind = "person"
        if kind == "person":
            # "he" or "she" is never the article's "I", nor a person the
            # article calls by the other pronoun
            gender = self._PRONOUN_GENDER.get(text[start:end].strip().lower())
            fits = (lambda h: h is not None and (
                gender is None or self._gender(doc, h["text"], memo) in (None, gender)))
            people = [h for h in earlier if h["person"] and not h.get("author")]
            candidate = next((h for h in people if fits(h)), None)
            # A name opening a sentence between that source and the pronoun
            # is the likelier antecedent ("Christie slipped out. He said ...").
            limit = start - candidate["end"] if candidate else 600
            subject = self._scan_name(doc, start, memo, limit=limit, sentence_initial=True, accept=fits)
            described = self._scan_description(doc, start, limit=limit)
            if described and (subject is None or described["start"] > subject["start"]):
                subject = described  # "The senator left. Later he said ..."
            # (with no one the pronoun fits, the nearest person at all)
            return subject or candidate or self._scan_name(doc, start, memo, accept=fits) \
                or (people[0] if people else self._scan_name(doc, start, memo))
        if kind == "group":
            for h in earlier:
                # "they" stands for people or a body, not for one text or post
                if h["plural"] or not (h["person"] or h["type"] in _TEXT_TYPES):
                    return h
            return self._scan_group(doc, start)
        if kind == "reader":
            # "you" in the article's own voice addresses its reader, an
            # ordinary person; inside a quotation, whoever is spoken to;
            if self._inside_quotation(doc, start):
                return None
            # in an interview's questions, the person interviewed
            return self._own_voice_speaker(doc, start) or {
                "start": -1, "end": -1, "type": "citizen", "text": "(the reader)",
                "person": True, "plural": False}
        if kind == "thing":
            for h in earlier:
                if not h["person"] and not h["plural"]:
                    return h
            return None
        return None


def _same_given(given, other):
    """Whether two given names (None: not known) may be one person's ("Ken", "Kenneth")."""
    return not given or not other or given.startswith(other) or other.startswith(given)


_NON_SPACE = re.compile(r"\S+")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _is_word_char(char):
    """Whether ``char`` is what ``\\w`` matches in a str regex."""
    return char.isalnum() or char == "_"


def _occurrences(text, word):
    """Offsets of ``word`` in ``text`` as a whole word, as
    ``re.finditer(r"(?<![\\w’'-])" + re.escape(word) + r"(?![\\w-])", text)``
    finds them, without compiling a regex per word."""
    found, at = [], text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not (_is_word_char(text[at - 1]) or text[at - 1] in "’'-")) and (
                end == len(text) or not (_is_word_char(text[end]) or text[end] == "-")):
            found.append(at)
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return found


#: ``\b[a-z][a-z'’-]*\b`` with the opening word boundary checked after the
#: first letter, so that the regex engine can skip to lower-case letters.
_LOWER_WORD = re.compile(r"[a-z](?<!\w.)[a-z'’-]*\b")


#: A capital no word character precedes, where a personal name may start.
_CAPITAL = re.compile(r"[A-Z](?<![\w’'-].)")


@lru_cache(maxsize=8)
def _capitals(text):
    """The offsets of ``_CAPITAL`` in ``text``."""
    return [m.start() for m in _CAPITAL.finditer(text)]


def _capitalised_mid_sentence(text, word):
    """Whether ``re.search(r"(?:[a-z,]|\\b[A-Z]\\.) " + re.escape(word) + r"\\b", text)``
    finds ``word`` after a lower-case word, a comma or an initial, without
    compiling a regex per word."""
    n, at = len(text), text.find(" " + word, 1)
    while at >= 0:
        end = at + 1 + len(word)
        before = text[at - 1]
        if (end < n and _is_word_char(text[end])) != _is_word_char(text[end - 1]) and (
                "a" <= before <= "z" or before == "," or before == "." and at >= 2 and "A" <= text[at - 2] <= "Z"
                and (at == 2 or not _is_word_char(text[at - 3]))):
            return True
        at = text.find(" " + word, at + 1)
    return False


@lru_cache(maxsize=8)
def _runs_at(regex, text):
    """``{offset: (end, run) or None}``: the name run ``regex`` matches at an
    offset of the whole ``text`` (filled in by :meth:`SourceTyper._name_runs`)."""
    return {}


@lru_cache(maxsize=8)
def _lower_words(text):
    """The words a text uses in lower case (to tell names from common words)."""
    return frozenset(_LOWER_WORD.findall(text))


def _attribution_spans(attributions):
    spans, resolved = [], []
    for a in attributions:
        s, e = a.get("source_start"), a.get("source_end")
        if s is None or e is None or s < 0 or e <= s:
            continue
        spans.append((int(s), int(e)))
        resolved.append(a.get("resolved_source") or None)
    return spans, resolved


def _source_key(row, typer):
    """A name that identifies one voice: a person's surname, else the lower-cased mention."""
    text = row["resolved_text"] or ""
    if not text:
        return ""
    names = typer.name_tokens(typer.head(text))
    if row["source_type"] in _PERSONAL_TYPES and names:
        return _POSSESSIVE.sub("", names[-1]).lower()
    return re.sub(r"^(?:the|a|an)\s+", "", text.lower().strip())


def simpson_diversity(counts) -> float:
    """Gini-Simpson index 1 - sum p_i^2 of category counts (0 when empty).

    The probability that two attributions drawn at random (with replacement)
    come from different sources. Chosen over Shannon entropy because it is
    bounded in [0, 1), reads as a probability, and is dominated by the main
    voices rather than by one-off mentions, so longer articles (which name
    more one-off sources) do not score as more diverse just for their length.

    Examples
    --------
    >>> simpson_diversity([1, 1])
    0.5
    >>> simpson_diversity([4])
    0.0
    """
    counts = [c for c in counts if c > 0]
    total = sum(counts)
    if not total:
        return 0.0
    return 1.0 - sum((c / total) ** 2 for c in counts)


def _matches_at(regex, text, starts, hi):
    """``regex.finditer(text, starts[0], hi)`` for a regex whose matches can
    only begin at one of the sorted offsets ``starts``: tried there alone."""
    end = 0
    for at in starts:
        if at >= end:
            match = regex.match(text, at, hi)
            if match:
                yield match
                end = match.end()


class SourceReliance:
    """Wire credits, media references and source-type measures of an article.

    Parameters
    ----------
    wire : WireDetector, optional
    typer : SourceTyper, optional
    outlets, agencies, refs : str, path or DataFrame
        Outlet list, agency list and media-reference templates
        (``media_outlets``, ``agencies``, ``media_refs`` by default).

    Examples
    --------
    >>> sr = SourceReliance()
    >>> doc = Document("MOSCOW, TASS — Talks began.\\nThe Kremlin said so, Politico reported."
    ...                "\\n(With agency inputs)")
    >>> [(r["signal"], r["label"]) for r in sr.spans(doc)]
    [('wire', 'TASS'), ('media_ref', 'Politico'), ('wire', 'agencies')]
    """

    #: How far (characters) around an outlet name a media-reference frame may reach.
    window = 150

    def __init__(self, wire=None, typer=None, outlets="media_outlets", agencies="agencies",
                 refs="media_refs"):
        self.wire = wire or WireDetector(agencies=agencies)
        self.typer = typer or SourceTyper(outlets=outlets, agencies=agencies)
        outlet_table = load_lexicon(outlets)
        agency_table = load_lexicon(agencies)
        agency_table = agency_table[agency_table["kind"] != "generic"]
        names = list(outlet_table["outlet"]) + list(agency_table["agency"])
        patterns = list(outlet_table["pattern"]) + list(agency_table["pattern"])
        self.outlets = _name_finder(tuple(names), tuple(patterns), guard=_NAME_GUARD)
        alternation = _alternation(patterns, _NAME_GUARD)
        # Templates naming an outlet are only tried near an outlet the finder
        # saw, which spares a scan of the whole text per template; those that
        # open with the outlet only where an outlet name can start.
        self.refs = [(row.ref_kind, "{outlet}" in row.pattern, row.pattern.startswith("{outlet}"),
                      _Scanned(re.compile(row.pattern.replace("{outlet}", alternation), re.MULTILINE)))
                     for row in load_lexicon(refs).itertuples(index=False)]

    def media_refs(self, doc: Document, wire_rows=()) -> list[dict]:
        """Media-reference span rows (``signal="media_ref"``, ``label`` =
        outlet or credited name, ``ref_kind``).

        Examples
        --------
        >>> doc = Document("WASHINGTON (AP) - The White House said the talks failed, Yonhap reported. h/t The Hill")
        >>> [(r["label"], r["ref_kind"]) for r in SourceReliance().media_refs(doc)]
        [('Yonhap', 'reported'), ('The Hill', 'hat_tip')]
        """
        text = doc.text
        taken = [(r["start"], r["end"]) for r in wire_rows]
        windows = []
        found, name_starts = self.outlets.find_with_starts(text)
        for start, end, _ in found:
            lo, hi = max(0, start - self.window), min(len(text), end + self.window)
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], hi)
            else:
                windows.append((lo, hi))
        if name_starts is not None:
            starts = [(self.outlets.starts_within(text, name_starts, lo, hi), hi) for lo, hi in windows]
        rows = []
        for kind, needs_outlet, outlet_first, regex in self.refs:
            if outlet_first and name_starts is not None:
                matches = [m for at, hi in starts for m in _matches_at(regex.regex, text, at, hi)]
            elif needs_outlet:
                matches = [m for lo, hi in windows for m in regex.finditer(text, lo, hi)]
            else:
                matches = regex.finditer(text)
            for match in matches:
                start, end = match.span()
                if end <= start or any(s < end and start < e for s, e in taken):
                    continue
                if "name" in regex.regex.groupindex and match.group("name"):
                    name = match.group("name").strip(" .:;")
                    label = self.outlets.first(name, default=name)
                else:
                    label = self.outlets.first(match.group())
                taken.append((start, end))
                rows.append({"start": start, "end": end, "signal": "media_ref", "label": label,
                             "text": text[start:end], "ref_kind": kind})
        for start, end, label in doc.boilerplate:
            if label == "promo" and not any(s < end and start < e for s, e in taken):
                rows.append({"start": start, "end": end, "signal": "media_ref", "label": "",
                             "text": text[start:end], "ref_kind": "promo"})
        return sorted(rows, key=lambda r: r["start"])

    def spans(self, doc: Document, attributions=None) -> list[dict]:
        """Span rows (no ``doc_id``): ``wire`` credits and ``media_ref`` references.

        When ``attributions`` (dicts of the attribution extractor) are given,
        each is typed in place: ``source_type``, ``rule_type`` and
        ``resolved_text`` are set on it, so that :meth:`measures` and
        :meth:`label_sources` reuse them.

        Examples
        --------
        >>> doc = Document("WASHINGTON (AP) - The White House said the talks failed, Yonhap reported. h/t The Hill")
        >>> [(r["signal"], r["label"], r["text"]) for r in SourceReliance().spans(doc)]
        [('wire', 'AP', 'WASHINGTON (AP) -'), ('media_ref', 'Yonhap', 'Yonhap reported'), ('media_ref', 'The Hill', 'h/t The Hill')]
        """
        if attributions:
            for att, typed in zip(attributions, self.type_attributions(doc, attributions)):
                att["source_type"] = typed["source_type"]
                att["rule_type"] = typed["rule_type"]
                att["resolved_text"] = typed["resolved_text"]
        wire_rows = self.wire.credits(doc.text)
        return sorted(wire_rows + self.media_refs(doc, wire_rows), key=lambda r: r["start"])

    @staticmethod
    def label_sources(rows, attributions):
        """Set ``label`` of ``source`` span rows to their attribution's source type.

        ``rows`` carry ``attribution_id`` (as the attribution extractor's span
        rows do); attributions must have been typed (see :meth:`spans`).
        Returns the rows (changed in place).

        Examples
        --------
        >>> rows = [{"signal": "source", "label": "name", "attribution_id": "A1"}]
        >>> SourceReliance.label_sources(rows, [{"attribution_id": "A1", "source_type": "official"}])
        [{'signal': 'source', 'label': 'official', 'attribution_id': 'A1'}]
        """
        types = {a.get("attribution_id"): a["source_type"] for a in attributions
                 if "source_type" in a}
        for row in rows:
            if row.get("signal") == "source" and row.get("attribution_id") in types:
                row["label"] = types[row["attribution_id"]]
        return rows

    def type_attributions(self, doc: Document, attributions) -> list[dict]:
        """The attribution dicts with ``source_type``, ``rule_type``, ``resolved_text`` added
        (a copy; attributions without a source span get ``unknown``).

        Examples
        --------
        >>> from framing.signals.attribution import AttributionExtractor
        >>> doc = Document("WASHINGTON (AP) - The White House said the talks failed, Yonhap reported. h/t The Hill")
        >>> attributions = AttributionExtractor().extract(doc)
        >>> [(a["source_text"], a["source_type"])
        ...  for a in SourceReliance().type_attributions(doc, attributions)]
        [('The White House', 'official'), ('Yonhap', 'media')]
        """
        spans, resolved = _attribution_spans(attributions)
        typed = iter(self.typer.type_sources(doc, spans, resolved))
        out = []
        for a in attributions:
            s, e = a.get("source_start"), a.get("source_end")
            if s is None or e is None or s < 0 or e <= s:
                out.append({**a, "source_type": "unknown", "rule_type": "unknown", "resolved_text": ""})
            else:
                out.append({**a, **next(typed)})
        return out

    _PART_KEYS = tuple((f"{part}_start", f"{part}_end") for part in ("source", "cue", "content"))

    def measures(self, doc: Document, attributions=(), rows=None) -> dict:
        """Per-article source-reliance measures.

        Returns
        -------
        dict
            ``wire_agency`` (credited agencies, "; "-joined in text order, ""
            when none), ``credit_position`` (likewise), ``n_media_refs``,
            ``n_hat_tips``, ``n_promos``, ``n_attributions``, ``n_sources``
            (distinct voices), ``attributed_sentence_share`` (sentences that
            hold a source, cue or content span), ``direct_quote_share``
            (attributions quoting verbatim: kind ``direct`` or ``mixed``),
            ``anonymous_share``,
            ``official_share`` (official or military sources: the state's
            voice), ``sources_<type>`` counts for every source type, and
            ``source_diversity`` (Gini-Simpson over distinct voices; see
            :func:`simpson_diversity`).

        Examples
        --------
        >>> from framing.signals.attribution import AttributionExtractor
        >>> doc = Document("WASHINGTON (AP) - The White House said the talks failed, Yonhap reported. h/t The Hill")
        >>> m = SourceReliance().measures(doc, AttributionExtractor().extract(doc))
        >>> m["wire_agency"], m["credit_position"], m["n_attributions"], m["official_share"]
        ('AP', 'dateline', 2, 0.5)
        """
        if rows is None:
            rows = self.spans(doc, attributions)
        wire_rows = [r for r in rows if r["signal"] == "wire"]
        refs = [r for r in rows if r["signal"] == "media_ref"]
        out = {
            "wire_agency": "; ".join(dict.fromkeys(r["label"] for r in wire_rows)),
            "credit_position": "; ".join(dict.fromkeys(r["credit_position"] for r in wire_rows)),
            "n_media_refs": len(refs),
            "n_hat_tips": sum(r["ref_kind"] == "hat_tip" for r in refs),
            "n_promos": sum(r["ref_kind"] == "promo" for r in refs),
        }
        attributions = list(attributions or ())
        typed = [a if "source_type" in a else None for a in attributions]
        if attributions and any(t is None for t in typed):
            typed = self.type_attributions(doc, attributions)
        n = len(typed)
        counts = Counter(a["source_type"] for a in typed)
        keys = Counter(k for k in (_source_key(a, self.typer) for a in typed) if k)
        sentences = doc.sentences
        starts = [s for s, _ in sentences]  # (doc.sentence_of, without a call per offset)
        touched = set()
        for a in typed:
            for start_key, end_key in self._PART_KEYS:
                s, e = a.get(start_key), a.get(end_key)
                if s is None or e is None or s < 0 or e <= s:
                    continue
                first, last = bisect_right(starts, s) - 1, bisect_right(starts, e - 1) - 1
                touched.update(range(max(first, 0), last + 1))
        out.update({
            "n_attributions": n,
            "n_sources": len(keys),
            "attributed_sentence_share": len(touched) / len(sentences) if sentences else math.nan,
            "direct_quote_share": (sum(a.get("kind") in ("direct", "mixed") for a in typed) / n
                                   if n else math.nan),
            "anonymous_share": counts["anonymous"] / n if n else math.nan,
            "official_share": (counts["official"] + counts["military"]) / n if n else math.nan,
        })
        out.update({f"sources_{t}": counts[t] for t in SOURCE_TYPES})
        out["source_diversity"] = simpson_diversity(keys.values()) if keys else math.nan
        return out


@lru_cache(maxsize=1)
def _default():
    return SourceReliance()


def _documents(corpus):
    from ..corpus import as_corpus

    frame = as_corpus(corpus)
    for doc_id, text in zip(frame["doc_id"], frame["text"]):
        yield Document(text, doc_id)


def wire_credits(corpus, detector=None) -> pd.DataFrame:
    """Wire-agency credits of every article, as a span table.

    Parameters
    ----------
    corpus : anything :func:`framing.as_corpus` accepts
    detector : WireDetector, optional

    Returns
    -------
    DataFrame
        ``doc_id, start, end, signal ("wire"), label (agency), text,
        credit_position, agency_kind``.

    Examples
    --------
    >>> wire_credits(["NEW YORK (Reuters) - Stocks rose."])[["label", "credit_position"]].values.tolist()
    [['Reuters', 'dateline']]
    """
    detector = detector or _default().wire
    rows = [{"doc_id": doc.doc_id, **row} for doc in _documents(corpus)
            for row in detector.credits(doc.text)]
    return make_spans(rows, extra=("credit_position", "agency_kind"))


def source_types(attributions_df: pd.DataFrame, corpus, typer=None) -> pd.DataFrame:
    """Add the source type to attribution rows or source spans.

    Parameters
    ----------
    attributions_df : DataFrame
        Either attributions (``doc_id, source_start, source_end`` and
        optionally ``resolved_source``) or a span table whose
        ``signal == "source"`` rows are typed (``start, end``).
    corpus : anything :func:`framing.as_corpus` accepts
        The articles the offsets point into.
    typer : SourceTyper, optional

    Returns
    -------
    DataFrame
        A copy with ``source_type``, ``rule_type`` (the rules' answer, see
        :meth:`SourceTyper.type_sources`), ``resolved_text``, ``resolved_start``,
        ``resolved_end``; for a span table, source rows also get
        ``label = source_type``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["The Kremlin said so. It added more."]})
    >>> spans = pd.DataFrame({"doc_id": ["a", "a"], "start": [0, 21], "end": [11, 23],
    ...                       "signal": ["source", "source"]})
    >>> source_types(spans, corpus)["label"].tolist()
    ['official', 'official']
    """
    from ..corpus import as_corpus

    typer = typer or _default().typer
    frame = attributions_df.copy()
    articles = as_corpus(corpus)
    texts = dict(zip(articles["doc_id"], articles["text"]))
    is_span_table = "source_start" not in frame.columns
    start_col, end_col = ("start", "end") if is_span_table else ("source_start", "source_end")
    if is_span_table and "signal" in frame:
        mask = (frame["signal"] == "source").to_numpy()
    else:
        mask = (frame[start_col].notna() & frame[end_col].notna()
                & (frame[start_col].fillna(-1) >= 0)).to_numpy()
    columns = {"source_type": "", "rule_type": "", "resolved_text": "", "resolved_start": -1,
               "resolved_end": -1}
    values = {name: [default] * len(frame) for name, default in columns.items()}
    if not is_span_table:
        values["source_type"] = ["unknown"] * len(frame)
        values["rule_type"] = ["unknown"] * len(frame)
    # Positions, not index labels: the caller's index may repeat (concatenated tables).
    chosen = frame.iloc[mask.nonzero()[0]].assign(_position=mask.nonzero()[0])
    for doc_id, group in chosen.groupby("doc_id", sort=False):
        doc = Document(texts[doc_id], doc_id)
        spans = list(zip(group[start_col].astype(int), group[end_col].astype(int)))
        hints = list(group["resolved_source"]) if "resolved_source" in group else None
        for position, typed in zip(group["_position"], typer.type_sources(doc, spans, hints)):
            for name in columns:
                values[name][position] = typed[name]
    for name, column in values.items():
        frame[name] = column
    if is_span_table:
        labels = frame["label"] if "label" in frame else pd.Series("", index=frame.index)
        frame["label"] = labels.where(~mask, frame["source_type"])
    return frame


def _extract_attributions(doc):
    try:
        extractor = _attribution_extractor()
    except ImportError:  # the attribution signal is optional for this one
        return None
    return extractor.extract(doc)


@lru_cache(maxsize=1)
def _attribution_extractor():
    from .attribution import AttributionExtractor

    return AttributionExtractor()


def source_reliance(corpus, attributions=None, reliance=None) -> pd.DataFrame:
    """Per-article source-reliance measures for a corpus.

    Parameters
    ----------
    corpus : anything :func:`framing.as_corpus` accepts
    attributions : dict, optional
        ``{doc_id: [attribution dicts]}``; by default they are extracted with
        :class:`framing.signals.attribution.AttributionExtractor` when that
        module is available (else the attribution measures are empty).
    reliance : SourceReliance, optional

    Returns
    -------
    DataFrame
        One row per article: ``doc_id`` and the measures of
        :meth:`SourceReliance.measures`.

    Examples
    --------
    >>> source_reliance(["WASHINGTON (AP) — A vote."], attributions={})["wire_agency"].tolist()
    ['AP']
    """
    reliance = reliance or _default()
    records = []
    for doc in _documents(corpus):
        if attributions is not None:
            found = attributions.get(doc.doc_id, [])
        else:
            found = _extract_attributions(doc) or []
        records.append({"doc_id": doc.doc_id, **reliance.measures(doc, found)})
    return pd.DataFrame.from_records(records)


__all__ = ["CREDIT_POSITIONS", "SOURCE_TYPES", "SourceReliance", "SourceTyper", "WireDetector",
           "simpson_diversity", "source_reliance", "source_types", "wire_credits"]
