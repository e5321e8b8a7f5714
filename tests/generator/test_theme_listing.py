"""The installed theme is listed once per process; the project's own theme folder every time."""

from __future__ import annotations

import jinja2
from conftest import REPO
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from generator import theme_listing
from generator.theme_listing import list_installed_once


def _theme(custom_dir):
    config = load_config(str(REPO / "mkdocs.yml"))
    config.theme.dirs.insert(0, str(custom_dir))
    return config


def test_the_listing_is_jinjas_and_a_file_added_to_the_project_theme_is_found(tmp_path):
    overrides = tmp_path / "overrides"
    (overrides / "assets").mkdir(parents=True)
    (overrides / "assets" / "old.css").write_text("a{}")
    config = _theme(overrides)
    plain = jinja2.FileSystemLoader(config.theme.dirs)
    list_installed_once(config.theme)
    list_installed_once(config.theme)  # a second call changes nothing
    env = config.theme.get_env()
    assert type(env.loader) is theme_listing.InstalledListedOnce
    assert env.loader.list_templates() == plain.list_templates()
    assert len(plain.list_templates()) > 10_000  # Material's icons
    installed = [d for d in config.theme.dirs if "site-packages" in d]
    assert installed and all((d, False) in theme_listing._listings for d in installed)
    assert (str(overrides), False) not in theme_listing._listings

    (overrides / "assets" / "new.css").write_text("b{}")  # as while `mkdocs serve` runs
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    assert files.get_file_from_path("assets/new.css") is not None
    assert config.theme.get_env().loader.list_templates() == plain.list_templates()
