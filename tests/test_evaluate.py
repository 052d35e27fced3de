import pandas as pd
import pytest

from framing.evaluate import cohen_kappa, match_spans, score_spans, span_agreement


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


def test_span_agreement_pools_ordered_coder_pairs_per_document():
    spans = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "start": [0, 0, 20, 0],
                          "end": [4, 5, 25, 3], "signal": "cue",
                          "annotator": ["x", "y", "y", "x"]})
    table = span_agreement(spans)
    # document b has one coder only and does not count
    assert table[["n_pred", "n_gold", "matched_pred", "matched_gold"]].values.tolist() == [[3, 3, 2, 2]]
    identical = spans.assign(annotator=["x", "y", "x", "x"], start=[0, 0, 20, 0], end=[4, 4, 25, 3])
    assert span_agreement(identical, match="exact")["f1"].tolist() == [pytest.approx(2 / 3)]


def test_span_agreement_needs_two_coders():
    with pytest.raises(ValueError, match="two or more coders"):
        span_agreement(pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [1], "signal": "cue",
                                     "annotator": ["x"]}))
