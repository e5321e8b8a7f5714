"""generator.browser_assets without a browser: clear errors and a reproducible, cached wheel."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from generator import browser_assets


def test_missing_node_modules_is_a_clear_plugin_error(tmp_path, monkeypatch):
    monkeypatch.setattr(browser_assets, "NODE_MODULES", tmp_path / "node_modules")
    with pytest.raises(PluginError, match=r"npm package 'pyodide'.*Run `npm ci`"):
        browser_assets.write_assets(tmp_path / "site", {"any": "bundle"})


def test_wheel_is_reproducible_and_cached_by_source(tmp_path, monkeypatch):
    monkeypatch.setattr(browser_assets, "WHEEL_CACHE", tmp_path / "first")
    first = browser_assets.build_calculators_wheel()
    assert browser_assets.build_calculators_wheel() == first  # second call: from the cache
    monkeypatch.setattr(browser_assets, "WHEEL_CACHE", tmp_path / "second")
    second = browser_assets.build_calculators_wheel()
    assert second != first and second.read_bytes() == first.read_bytes()
    assert first.name.endswith("-py3-none-any.whl")
