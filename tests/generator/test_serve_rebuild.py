"""A rebuild under `mkdocs serve` gives what a fresh build of the edited sources gives, though it
reuses what did not change (search entries, marked pages) from the builds before it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO
from site_build import MKDOCS_ENV

SERVE_URL = "http://127.0.0.1:8765/"
# Builds both editions as `mkdocs serve` does, in one process: the first config gets
# on_startup("serve"), every build the serve URL; with --edit-between, the edits are made after a
# first build and the site is built again. Prints what the in-process caches hold.
BUILDS = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from generator import language_parts, search_entry_cache

config_file, site, url, edits, edit_between = sys.argv[1:6]

def serve_build(first=False):
    config = load_config(config_file, site_dir=site)
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = url
    build(config, serve_url=url)

def edit():
    for name, old, new in json.loads(edits):
        path = Path(config_file).parent / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

held = []
if edit_between == "yes":
    serve_build(first=True)
    held.append(len(search_entry_cache._entries))
    edit()
    serve_build()
else:
    edit()
    serve_build(first=True)
held.append(len(search_entry_cache._entries))
print(json.dumps({"search_pages_held": held,
                  "marked_again": language_parts.mark_chinese_again.cache_info().hits}))
"""
# One value of the model (methodology and calculator pages of both editions) and a hand-written
# page of each edition.
EDITS = [
    ("data/model.yml", "  value: 0.05\n", "  value: 0.0531\n"),
    ("docs/contributing.md", "\n## ", "\nA sentence about kumquats.\n\n## "),
    ("docs/zh/contributing.md", "\n## ", "\n这是一句关于金橘的话。\n\n## "),
]


def _project(folder: Path) -> Path:
    for name in ("data", "docs", "overrides"):
        shutil.copytree(REPO / name, folder / name)
    for name in ("mkdocs.yml", "mkdocs.zh.yml"):
        shutil.copyfile(REPO / name, folder / name)
    return folder / "mkdocs.yml"


def _serve_builds(folder: Path, edit_between: bool) -> tuple[Path, dict]:
    config = _project(folder)
    site = folder / "site"
    done = subprocess.run(
        [sys.executable, "-c", BUILDS, str(config), str(site), SERVE_URL, json.dumps(EDITS),
         "yes" if edit_between else "no"],
        cwd=folder, env={**MKDOCS_ENV, "PYTHONPATH": str(REPO)}, capture_output=True,
        text=True, check=False)
    assert done.returncode == 0, done.stderr
    return site, json.loads(done.stdout.strip().splitlines()[-1])


def _search_text(site: Path) -> str:
    """All the text of an edition's search index, without jieba's zero-width spaces."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return "\n".join(entry["text"] for entry in index["docs"]).replace("\u200b", "")


def _files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_a_serve_rebuild_after_edits_equals_a_fresh_build_of_the_edited_sources(tmp_path):
    rebuilt, held = _serve_builds(tmp_path / "rebuilt", edit_between=True)
    fresh, _ = _serve_builds(tmp_path / "fresh", edit_between=False)
    rebuilt_files, fresh_files = _files(rebuilt), _files(fresh)
    assert sorted(rebuilt_files) == sorted(fresh_files)
    differing = [name for name in fresh_files if rebuilt_files[name] != fresh_files[name]]
    assert differing == []
    # The edits are in the served pages and in both editions' search indexes.
    assert "0.0531" in (rebuilt / "methodology" / "index.html").read_text("utf-8")
    assert "0.0531" in (rebuilt / "zh" / "methodology" / "index.html").read_text("utf-8")
    assert "A sentence about kumquats." in _search_text(rebuilt)
    assert "这是一句关于金橘的话。" in _search_text(rebuilt / "zh")
    # The rebuild reused what did not change: it indexed afresh only the pages the edits changed
    # (the value shows on 7 pages of each edition, the edited page is 1 more; a key that changed
    # on every build would index all of them again), and marked some pages from memory.
    first, after = held["search_pages_held"]
    pages = len(list(fresh.glob("**/index.html")))
    assert first == pages
    assert first < after < 2 * first
    assert held["marked_again"] > 0
