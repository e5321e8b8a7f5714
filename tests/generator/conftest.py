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


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """One strict build of the real site (both languages) from data/: (site folder, process)."""
    from site_build import build_site

    tmp = tmp_path_factory.mktemp("real")
    # REPO_URL as a deploy sets it: the tests check the Edit buttons.
    return tmp / "site", build_site(tmp, REPO / "data",
                                    env={"REPO_URL": "https://github.com/example/guide"})
