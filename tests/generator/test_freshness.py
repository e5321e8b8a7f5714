"""Old `checked` dates: located warnings that do not fail --strict; review dates on the pages."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import GOLDEN_DATA
from site_build import build_site

from generator.freshness import last_reviewed, months_before, stale_figures
from generator.load import load_data

SITE = load_data(GOLDEN_DATA)


@pytest.mark.parametrize(("today", "months", "expected"), [
    (date(2027, 1, 3), 12, date(2026, 1, 3)),
    (date(2027, 3, 31), 1, date(2027, 2, 28)),   # February is shorter
    (date(2024, 2, 29), 12, date(2023, 2, 28)),
    (date(2026, 1, 15), 18, date(2024, 7, 15)),
])
def test_months_before(today, months, expected):
    assert months_before(today, months) == expected


def test_figures_checked_before_the_cutoff_are_listed_with_file_and_line():
    stale = stale_figures(SITE, today=date(2027, 1, 3), max_age_months=12)
    assert [str(figure) for figure in stale] == [
        "data/model.yml:7: capital_cost_rate: checked 2026-01-01",
        "data/tasks.yml:12: tasks[0].hours: checked 2026-01-02",
        "data/tasks.yml:21: tasks[1].hours: checked 2026-01-02",
    ]


def test_nothing_is_stale_within_the_age():
    assert stale_figures(SITE, today=date(2026, 12, 31), max_age_months=12) == []


def test_a_mode_was_last_reviewed_on_its_newest_checked_date():
    """Figures are checked 2026-01-03 and -04 in the golden data; the facts 2026-01-06."""
    assert {mode.id: last_reviewed(mode) for mode in SITE.modes} == {
        "fully_managed": "2026-01-06", "semi_managed": "2026-01-06",
        "self_operated": "2026-01-06"}


def test_an_old_figure_warns_without_failing_the_strict_build(golden_copy, tmp_path):
    mode = golden_copy / "modes" / "semi-managed.yml"
    lines = mode.read_text(encoding="utf-8").splitlines(keepends=True)
    first = lines.index('  checked: "2026-01-03"\n')  # the responsibilities' date
    lines[first] = '  checked: "2019-05-06"\n'
    mode.write_text("".join(lines), encoding="utf-8")
    build = build_site(tmp_path, golden_copy, calculators=False)
    assert build.returncode == 0, build.stderr
    assert "WARNING -  1 figures were checked more than 12 months ago" in build.stderr
    assert f"\n  data/modes/semi-managed.yml:{first + 1}: responsibilities: checked 2019-05-06\n" \
        in build.stderr
    page = (tmp_path / "site" / "modes" / "semi-managed" / "index.html").read_text("utf-8")
    assert "<p>Data last reviewed: 2026-01-06.</p>" in page
