"""Shared fixtures. Gold corpora are read from ../shared/data when present."""
from pathlib import Path

import pytest

from framing.datasets import find_data_dir

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "000_f76838407aa520a6.txt"


@pytest.fixture(scope="session")
def data_dir():
    """The gold-data folder, or skip: tests on public corpora need a local copy."""
    found = find_data_dir()
    if found is None:
        pytest.skip("gold corpora not found (no ../shared/data and no FRAMING_DATA); "
                    "data-dependent test skipped")
    return found


@pytest.fixture(scope="session")
def seed_text():
    with open(SEED, encoding="utf-8", newline="") as f:
        return f.read()
