import subprocess
import sys

import pandas as pd

from framing.cli import main
from framing.spans import check_spans, read_spans
from framing.corpus import load_corpus


def test_spans_command_writes_the_span_table(tmp_path, capsys):
    assert main(["spans", "corpus", "-o", str(tmp_path / "spans.csv"), "--quiet"]) == 0
    spans = read_spans(tmp_path / "spans.csv")
    assert list(spans.columns[:6]) == ["doc_id", "start", "end", "signal", "label", "text"]
    check_spans(spans, load_corpus("corpus"))
    assert {"cue", "source", "content", "loaded", "wire", "boilerplate"} <= set(spans["signal"])


def test_articles_command_and_formats(tmp_path):
    for suffix in (".csv", ".jsonl", ".parquet"):
        assert main(["articles", "corpus", "-o", str(tmp_path / f"a{suffix}"), "--quiet"]) == 0
    table = pd.read_parquet(tmp_path / "a.parquet")
    assert table["doc_id"].tolist() == ["000_f76838407aa520a6"]
    assert table["headline"].iloc[0].startswith("Putin praises")
    assert "n_attributions" in table.columns


def test_signals_option(tmp_path):
    main(["spans", "corpus", "-o", str(tmp_path / "s.csv"), "--signals", "sentence,wire", "--quiet"])
    assert set(read_spans(tmp_path / "s.csv")["signal"]) == {"sentence", "wire"}


def test_run_command_writes_everything(tmp_path, capsys):
    assert main(["run", "corpus", "-o", str(tmp_path / "out")]) == 0
    for name in ("spans.csv", "articles.csv", "load_report.csv", "report.html"):
        assert (tmp_path / "out" / name).exists()
    assert "report.html" in capsys.readouterr().err


def test_bad_input_is_reported_on_stderr_and_strict_fails(tmp_path, capsys):
    (tmp_path / "c.csv").write_text("id,text\n1,Kim said so.\n2,\n", encoding="utf-8")
    assert main(["spans", str(tmp_path / "c.csv"), "-o", str(tmp_path / "s.csv"), "--quiet"]) == 0
    assert "line 3: empty text" in capsys.readouterr().err
    assert main(["spans", str(tmp_path / "c.csv"), "-o", str(tmp_path / "s.csv"), "--strict"]) == 2
    assert "error" in capsys.readouterr().err
    assert main(["spans", str(tmp_path / "missing"), "-o", str(tmp_path / "s.csv")]) == 2
    assert main(["spans", "corpus", "-o", str(tmp_path / "s.xlsx")]) == 2


def test_console_script_is_installed():
    result = subprocess.run([sys.executable, "-m", "framing.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "spans" in result.stdout


def test_source_model_option(tmp_path, capsys):
    import framing
    from framing.signals.source_model import SourceTypeModel
    from framing.signals.sources import SourceTyper

    def source_labels(*option):
        assert main(["spans", "corpus", "-o", str(tmp_path / "s.csv"), "--quiet", *option]) == 0
        spans = read_spans(tmp_path / "s.csv")
        spans = spans[spans["signal"] == "source"]
        return sorted(zip(spans["start"], spans["end"], spans["label"]))

    corpus = load_corpus("corpus")
    rules = framing.source_types(framing.attributions(corpus), corpus, typer=SourceTyper(model=None))
    assert source_labels("--source-model", "none") == sorted(
        zip(rules["source_start"], rules["source_end"], rules["source_type"]))
    # a user's own weights: this toy model calls every bare name a media source
    toy = SourceTypeModel(C=10.0, min_df=1).fit([{"rule=named_person": 1.0}, {"rule=expert": 1.0}] * 5,
                                                 ["media", "expert"] * 5)
    toy.to_csv(tmp_path / "toy.csv")
    labels = {label for _, _, label in source_labels("--source-model", str(tmp_path / "toy.csv"))}
    assert "media" in labels and "named_person" not in labels and "official" in labels
    assert main(["spans", "corpus", "-o", str(tmp_path / "s.csv"), "--source-model",
                 str(tmp_path / "missing.csv")]) == 2
    assert "no model weights" in capsys.readouterr().err


def test_fit_sources_command_fits_a_model_the_spans_command_uses(tmp_path, capsys):
    texts = {"a": "Jane Roe led the polls before the primary. Roe said the race was close.",
             "b": "Mary Poe waited in line at the shop. Poe said prices were high.",
             "c": "Tom Doe toured the state ahead of the caucuses. Doe said voters were angry.",
             "d": "Ann Coe stood in line at the market. Coe said bread cost more."}
    folder = tmp_path / "articles"
    folder.mkdir()
    rows = []
    for (doc_id, text), label in zip(texts.items(), ["political", "citizen"] * 2):
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        start = text.rindex(" said") - 3
        rows.append({"doc_id": doc_id, "start": start, "end": start + 3, "label": label})
    pd.DataFrame(rows).to_csv(tmp_path / "coded.csv", index=False)
    model = tmp_path / "mine.csv"
    assert main(["fit-sources", str(tmp_path / "coded.csv"), str(folder), "-o", str(model),
                 "--min-df", "1", "--C", "10"]) == 0
    assert "4 coded mentions" in capsys.readouterr().err
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "x.txt").write_text(
        "Sue Loe campaigned before the primary and led the polls. Loe said she would win.", encoding="utf-8")
    assert main(["spans", str(tmp_path / "new"), "-o", str(tmp_path / "s.csv"), "--quiet",
                 "--source-model", str(model)]) == 0
    spans = read_spans(tmp_path / "s.csv")
    assert spans.loc[spans["signal"] == "source", "label"].tolist() == ["political"]
    pd.DataFrame(rows).drop(columns="label").to_csv(tmp_path / "bad.csv", index=False)
    assert main(["fit-sources", str(tmp_path / "bad.csv"), str(folder), "-o", str(model)]) == 2
    assert "need doc_id, start, end, label" in capsys.readouterr().err
    pd.DataFrame(rows[:1]).to_csv(tmp_path / "one.csv", index=False)
    assert main(["fit-sources", str(tmp_path / "one.csv"), str(folder), "-o", str(model)]) == 2
    assert "at least two source types" in capsys.readouterr().err
    assert main(["fit-sources", str(tmp_path / "coded.csv"), str(folder), "-o", str(model)]) == 2
    assert "lower --min-df" in capsys.readouterr().err
