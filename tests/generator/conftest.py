"""Shared fixtures for the generator tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOLDEN_DATA = FIXTURES / "golden" / "data"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def golden_copy(tmp_path: Path) -> Path:
    """A writable copy of the golden fixture data, in a folder named data/."""
    target = tmp_path / "data"
    shutil.copytree(GOLDEN_DATA, target)
    return target
