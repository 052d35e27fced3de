import pandas as pd
import pytest

from framing.spans import SPAN_COLUMNS, check_spans, make_spans


def test_make_spans_orders_columns_and_keeps_extras():
    frame = make_spans([{"text": "said", "doc_id": "a", "start": 4, "end": 8, "signal": "cue",
                         "verb_class": "neutral"}], extra=("verb_class",))
    assert list(frame.columns) == [*SPAN_COLUMNS, "verb_class"]
    assert frame["label"].tolist() == [""]
    assert frame["start"].dtype == "int64"


def test_make_spans_empty_has_schema():
    assert list(make_spans([]).columns) == list(SPAN_COLUMNS)


def test_check_spans_rejects_a_wrong_slice():
    spans = make_spans([{"doc_id": "a", "start": 0, "end": 3, "signal": "x", "text": "Kim"}])
    check_spans(spans, pd.DataFrame({"doc_id": ["a"], "text": ["Kim said"]}))
    with pytest.raises(ValueError, match="does not match"):
        check_spans(spans, {"a": "Putin said"})
    with pytest.raises(ValueError, match="unknown document"):
        check_spans(spans, {"b": "Kim"})
