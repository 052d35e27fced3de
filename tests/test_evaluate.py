import pandas as pd
import pytest

from framing.evaluate import cohen_kappa, match_spans, score_spans


def spans(*triples, signal="cue"):
    return pd.DataFrame([{"doc_id": d, "start": s, "end": e, "signal": signal} for d, s, e in triples])


def test_overlap_rule_half_of_prediction_and_quarter_of_gold():
    gold = spans(("a", 0, 100))
    assert match_spans(spans(("a", 0, 25)), gold)[0]["matched"].all()        # covers a quarter
    assert not match_spans(spans(("a", 0, 24)), gold)[0]["matched"].any()    # less than a quarter
    assert match_spans(spans(("a", 50, 150)), gold)[0]["matched"].all()      # half inside
    assert not match_spans(spans(("a", 60, 180)), gold)[0]["matched"].any()  # over-long earns nothing
    assert not match_spans(spans(("a", 0, 300)), gold)[0]["matched"].any()


def test_exact_and_document_and_signal_must_agree():
    gold = spans(("a", 5, 9))
    assert match_spans(spans(("a", 5, 9)), gold, "exact")[0]["matched"].all()
    assert not match_spans(spans(("a", 5, 8)), gold, "exact")[0]["matched"].any()
    assert not match_spans(spans(("b", 5, 9)), gold)[0]["matched"].any()
    assert not match_spans(spans(("a", 5, 9), signal="source"), gold)[0]["matched"].any()


def test_scores_per_signal_and_match():
    pred = pd.concat([spans(("a", 0, 4), ("a", 10, 12)), spans(("a", 20, 30), signal="source")])
    gold = pd.concat([spans(("a", 0, 4)), spans(("a", 20, 25), ("a", 40, 50), signal="source")])
    table = score_spans(pred, gold, match=("exact", "overlap")).set_index(["match", "signal"])
    assert table.loc[("exact", "cue"), "precision"] == 0.5
    assert table.loc[("exact", "cue"), "recall"] == 1.0
    assert table.loc[("overlap", "source"), "recall"] == 0.5
    assert table.loc[("exact", "source"), "f1"] == 0.0
    assert table.loc[("overlap", "source"), "precision"] == 1.0


def test_unknown_match_rule_is_a_clear_error():
    with pytest.raises(ValueError, match="match must be"):
        score_spans(spans(("a", 0, 1)), spans(("a", 0, 1)), match="fuzzy")


def test_kappa():
    assert cohen_kappa("aabb", "aabb") == 1.0
    assert cohen_kappa(["x", "y"], ["y", "x"]) < 0
