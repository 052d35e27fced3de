"""Notebooks are committed without outputs (the test run executes them: see
``make test``, which passes ``--nbmake notebooks``) and use the package
rather than private helpers."""
import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_stripped_and_framing_is_imported(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), \
        f"{path.name} has outputs: strip them before committing"
    assert any("import framing" in "".join(c["source"]) or "from framing" in "".join(c["source"])
               for c in code)


def test_every_notebook_is_numbered():
    assert NOTEBOOKS and all(p.name[:2].isdigit() for p in NOTEBOOKS)
