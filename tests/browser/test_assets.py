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


def test_site_lockfile_is_cached_by_content_and_a_failure_caches_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(browser_assets, "LOCKFILE_CACHE", tmp_path / "locks")
    npm_lockfile = browser_assets.NODE_MODULES / "pyodide" / "pyodide-lock.json"
    wheel = browser_assets.build_calculators_wheel()
    made = browser_assets.site_lockfile(npm_lockfile, wheel)
    (cached,) = (tmp_path / "locks").glob("*.json")
    assert cached.read_bytes() == made
    assert browser_assets.site_lockfile(npm_lockfile, wheel) == made  # from the cache

    # Another wheel is another entry; one Pyodide cannot install caches nothing.
    bad = tmp_path / "calculators-1.0-cp27-cp27mu-manylinux1_x86_64.whl"
    bad.write_bytes(wheel.read_bytes())
    with pytest.raises(PluginError, match=bad.name):
        browser_assets.site_lockfile(npm_lockfile, bad)
    assert [p.name for p in (tmp_path / "locks").iterdir()] == [cached.name]
