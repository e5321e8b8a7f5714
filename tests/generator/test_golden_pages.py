"""Golden tests: fixture YAML in, expected Markdown out, compared exactly.

After an intended change to the templates, regenerate with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/generator/test_golden_pages.py`
and review the diff.
"""

from __future__ import annotations

import os

import pytest
from conftest import FIXTURES, GOLDEN_DATA

from generator.load import load_data
from generator.render import render_pages
from generator.text import LANGUAGES

EXPECTED = FIXTURES / "golden" / "expected"
SITE = load_data(GOLDEN_DATA)
RENDERED = {language: {page.path: page for page in render_pages(SITE, language=language)}
            for language in LANGUAGES}
PAGES = RENDERED["en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_generator_writes_exactly_the_expected_pages(language):
    folder = EXPECTED / language
    assert sorted(RENDERED[language]) == sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


@pytest.mark.parametrize(("language", "path"),
                         [(language, path) for language in LANGUAGES for path in sorted(PAGES)])
def test_page_matches_golden_file(language, path):
    expected = EXPECTED / language / path
    markdown = RENDERED[language][path].markdown
    if os.environ.get("UPDATE_GOLDEN"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(markdown, encoding="utf-8")
    assert markdown == expected.read_text(encoding="utf-8")


def test_each_page_knows_the_data_file_it_comes_from():
    assert PAGES["modes/semi-managed.md"].edit_path == "data/modes/semi-managed.yml"
    assert PAGES["sources.md"].edit_path == "data/sources.yml"


def test_a_calculator_is_placed_on_mode_pages_and_the_calculator_page():
    calls = []

    def calculator(modes):
        calls.append(list(modes))
        return f'<div class="calc">{",".join(modes) or "all"}</div>'

    pages = {p.path: p.markdown for p in render_pages(load_data(GOLDEN_DATA), calculator)}
    assert '<div class="calc">self_operated</div>' in pages["modes/self-operated.md"]
    assert '<div class="calc">all</div>' in pages["calculator.md"]
    assert calls == [["fully_managed"], ["semi_managed"], ["self_operated"], []]


def test_generate_command_writes_the_same_pages_to_a_folder(tmp_path, capsys):
    from generator.cli import main

    assert main(["--data", str(GOLDEN_DATA), "generate", str(tmp_path / "en")]) == 0
    assert main(["--data", str(GOLDEN_DATA), "generate", "--language", "zh",
                 str(tmp_path / "zh")]) == 0
    for language in LANGUAGES:
        folder = tmp_path / language
        written = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
                   for p in folder.rglob("*.md")}
        assert written == {path: page.markdown for path, page in RENDERED[language].items()}


@pytest.mark.parametrize(("language", "words"), [("en", "a report"), ("zh", "反馈")])
def test_repository_links_go_to_the_repository_a_deploy_names(language, words):
    """Data names no repository: its `repository:` links take the deploy's REPO_URL, and stay
    words without one (the golden pages above)."""
    pages = render_pages(SITE, language=language, repo_url="https://git.example/shop/guide/")
    about = next(page.markdown for page in pages if page.path == "about.md")
    link = '<a href="https://git.example/shop/guide/issues" rel="noopener noreferrer">'
    assert f"{link}{words}</a>" in about
    assert "repository:" not in about
