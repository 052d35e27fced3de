"""Build ``framing/lexicons/evaluative.csv`` from two openly licensed word lists.

The loaded-term detector uses graded evaluation scores as features, so words
it never saw in training still carry a signal. They come from:

- VADER (Hutto & Gilbert, ICWSM 2014; MIT licence): ``vader_lexicon.txt`` of
  the ``vaderSentiment`` package, mean valence of ten human raters, -4..+4;
- Pattern's English adjective lexicon (De Smedt & Daelemans, JMLR 2012; PDDL,
  public domain), shipped as ``en/en-sentiment.xml`` by ``textblob``:
  subjectivity 0..1 and polarity -1..+1 per word sense, averaged over senses.

Only single alphabetic words (inner hyphens and apostrophes allowed) are kept.

Usage::

    pip download --no-deps vadersentiment==3.3.2 textblob==0.20.1 -d /tmp/lex
    (unzip both wheels in /tmp/lex)
    python scripts/build_evaluative_lexicon.py \
        /tmp/lex/vaderSentiment/vaderSentiment/vader_lexicon.txt \
        /tmp/lex/textblob/textblob/en/en-sentiment.xml
"""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "framing" / "lexicons" / "evaluative.csv"
WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")

HEADER = """\
# Evaluative word scores: graded valence and subjectivity, used as features by the
# loaded-term detector (framing.signals.loaded.LoadedTermDetector).
# Built by scripts/build_evaluative_lexicon.py from two openly licensed lists:
# - valence: VADER lexicon v3.3.2 (Hutto & Gilbert, ICWSM 2014; MIT licence), the mean of
#   ten human ratings from -4 (extremely negative) to +4 (extremely positive);
# - subjectivity (0 objective .. 1 subjective) and polarity (-1 .. +1): Pattern's English
#   adjective lexicon (De Smedt & Daelemans, JMLR 2012; PDDL), averaged over word senses.
# Only single lower-case words are kept; empty cells mean the source does not list the word.
"""


def main(vader_path, pattern_path):
    valence = {}
    with open(vader_path, encoding="utf-8") as f:
        for line in f:
            word, score, *_ = line.split("\t")
            if WORD.fullmatch(word):
                valence[word] = float(score)
    senses = defaultdict(list)
    for element in ET.parse(pattern_path).getroot():
        word = element.get("form", "").lower()
        if WORD.fullmatch(word):
            senses[word].append((float(element.get("subjectivity")),
                                 float(element.get("polarity"))))
    words = sorted(set(valence) | set(senses))
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER)
        out.write("word,valence,subjectivity,polarity\n")
        for word in words:
            v = f"{valence[word]:.1f}" if word in valence else ""
            if word in senses:
                s = sum(x for x, _ in senses[word]) / len(senses[word])
                p = sum(y for _, y in senses[word]) / len(senses[word])
                sp = f"{s:.2f},{p:.2f}"
            else:
                sp = ","
            out.write(f"{word},{v},{sp}\n")
    print(f"wrote {len(words)} words to {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
