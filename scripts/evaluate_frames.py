"""Cross-validated frame classification on the Narrative Frames Corpus.

Five folds over articles (stratified on the conflict frame); per frame,
precision/recall/F1 of :class:`framing.frames.FrameClassifier` beside a
majority-class baseline and a "always present" baseline, plus the gap
between training and held-out F1 (memorisation check).

Usage: python scripts/evaluate_frames.py [NFC_DIR]
"""
import sys

from framing.datasets import find_data_dir, read_nfc
from framing.frames import cross_validate


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else (find_data_dir() / "nfc" if find_data_dir() else None)
    if data is None:
        sys.exit("no NFC copy found: pass its folder or set FRAMING_DATA")
    articles, report = read_nfc(data)
    print(report, "\n")
    table, train_f1, skipped = cross_validate(articles)
    print(f"5-fold cross-validation over {len(articles) - skipped} articles "
          f"({skipped} left out for a missing label)")
    print(table.round(3).to_string(index=False))
    print(f"\nmacro F1 held-out {table.f1.mean():.3f}, on training folds {train_f1:.3f}, "
          f"always-present baseline {table.f1_always_present.mean():.3f}")


if __name__ == "__main__":
    main()
