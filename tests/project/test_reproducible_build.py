"""One commit, built twice, in different folders on different days: byte-identical sites; and the
same commit built by ProperDocs: the same pages apart from the generator's name (issue 13).

Each build runs in its own copy of the project, committed with a fixed date, so it starts with
no cache. The second runs 400 days later under libfaketime (its library comes in the PyPI
package `libfaketime`), so any date taken from the clock would show as a difference.
"""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path

import libfaketime
import pytest
from project_copy import COMMIT_DATE, project_copy

FAKETIME_LIBRARY = Path(libfaketime.__file__).parent / "vendor/libfaketime/src/libfaketime.so.1"
GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(project: Path, engine: str = "mkdocs", days_later: int = 0) -> Path:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env |= {"SITE_URL": "https://example.github.io/guide/",
            "REPO_URL": "https://github.com/example/guide"}  # a deploy's build, sitemap and all
    if days_later:
        env |= {"LD_PRELOAD": str(FAKETIME_LIBRARY), "FAKETIME": f"+{days_later}d",
                "DONT_FAKE_MONOTONIC": "1"}
    site = project / f"site-{engine}"
    done = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return site


def differences(left: Path, right: Path) -> list[str]:
    """Files only in one tree or with different bytes, as paths relative to the trees."""
    found: list[str] = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in comparison.left_only + comparison.right_only)
        _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right,
                                               comparison.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(found)


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> Path:
    return project_copy(tmp_path_factory.mktemp("first") / "guide")


@pytest.fixture(scope="module")
def first_site(first) -> Path:
    return build(first)


def test_the_clock_is_really_moved():
    assert FAKETIME_LIBRARY.is_file()
    env = {**os.environ, "LD_PRELOAD": str(FAKETIME_LIBRARY), "FAKETIME": "+400d"}
    year = subprocess.run([sys.executable, "-c", "import time; print(time.gmtime().tm_year)"],
                          env=env, capture_output=True, text=True, check=True).stdout
    assert int(year) > int(subprocess.run(["date", "-u", "+%Y"], capture_output=True,
                                          text=True, check=True).stdout)


def test_two_builds_of_one_commit_are_byte_identical(first_site, tmp_path):
    second = project_copy(tmp_path / "elsewhere" / "another-name")
    assert differences(first_site, build(second, days_later=400)) == []


def test_dates_in_the_site_come_from_the_commit(first_site):
    sitemap = (first_site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)<", sitemap)) == {COMMIT_DATE[:10]}


def test_properdocs_builds_the_same_pages(first, first_site):
    properdocs_site = build(first, engine="properdocs")
    differing = differences(first_site, properdocs_site)
    # sw.js's version is a hash of the pages it caches, which name their generator: only that
    # line may differ.
    assert [name for name in differing if not name.endswith(".html") and name != "sw.js"] == []
    if "sw.js" in differing:
        lines = zip((first_site / "sw.js").read_text().splitlines(),
                    (properdocs_site / "sw.js").read_text().splitlines(), strict=True)
        assert [a.split(":")[0] for a, b in lines if a != b] == [' "version"']
        differing = [name for name in differing if name != "sw.js"]
    assert len(differing) >= 10  # every page names its generator
    for relative in differing:
        mkdocs_page = (first_site / relative).read_bytes()
        properdocs_page = (properdocs_site / relative).read_bytes()
        assert b'content="mkdocs-' in mkdocs_page
        assert b'content="mkdocs-ProperDocs ' in properdocs_page
        assert GENERATOR_META.sub(b"", mkdocs_page) == GENERATOR_META.sub(b"", properdocs_page), \
            relative


def test_a_figure_checked_today_builds_although_the_commit_is_older(first):
    """Dates in the output come from the commit; the check that no `checked` date lies in the
    future uses the real day, so an uncommitted edit made today still builds."""
    model = first / "data" / "model.yml"
    text = model.read_text(encoding="utf-8")
    today = subprocess.run(["date", "-u", "+%Y-%m-%d"], capture_output=True, text=True,
                           check=True).stdout.strip()
    assert today > COMMIT_DATE[:10]
    model.write_text(re.sub(r'checked: "\d{4}-\d{2}-\d{2}"', f'checked: "{today}"', text,
                            count=1), encoding="utf-8")
    site = build(first, engine="mkdocs")
    assert (site / "index.html").is_file()
