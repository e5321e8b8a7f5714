"""Builds of the real site: strict and silent, self-contained, and driven by data/ alone."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser

import pytest
from conftest import REPO
from site_build import MKDOCS_ENV, build_site, site_config

REPO_URL = "https://github.com/example/guide"
GENERATED = ["modes/fully-managed", "modes/semi-managed", "modes/self-operated", "compare",
             "calculator", "sources"]


def test_strict_build_passes_with_zero_warnings(real_site):
    _, build = real_site
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr


@pytest.mark.parametrize("page", GENERATED)
def test_generated_pages_are_in_the_site(real_site, page):
    site, _ = real_site
    assert (site / page / "index.html").is_file()


def test_nothing_generated_is_written_into_docs():
    assert not (REPO / "docs" / "modes").exists()
    assert not (REPO / "docs" / "compare.md").exists()


def test_edit_button_of_a_generated_page_opens_its_yaml(real_site):
    site, _ = real_site
    page = (site / "modes" / "semi-managed" / "index.html").read_text(encoding="utf-8")
    edit = f"{REPO_URL}/edit/main/"
    assert re.search(rf'<a href="{edit}data/modes/semi-managed.yml" title="Edit this page"', page)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<a href="{edit}docs/index.md" title="Edit this page"', home)


def test_the_chinese_edition_has_the_same_edit_buttons(real_site):
    """The Chinese build takes the root build's REPO_URL (it once read its own config's, none)."""
    site, _ = real_site
    edit = f"{REPO_URL}/edit/main/"
    page = (site / "zh" / "modes" / "semi-managed" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<a href="{edit}data/modes/semi-managed.yml" title="编辑此页"', page)
    home = (site / "zh" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<a href="{edit}docs/zh/index.md" title="编辑此页"', home)
    compare = (site / "zh" / "compare" / "index.html").read_text(encoding="utf-8")
    assert f'本页数据来自 <a href="{edit}data/modes/fully-managed.yml">' in compare


def test_a_page_from_several_files_links_each_of_them(real_site):
    site, _ = real_site
    page = (site / "compare" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<a href="{REPO_URL}/edit/main/data/modes/fully-managed.yml" '
                     'title="Edit this page"', page)
    files = re.search(r"The facts on this page come from (.*?)\.</p>", page).group(1)
    assert re.findall(r'href="([^"]+)"', files) == [
        f"{REPO_URL}/edit/main/data/{name}" for name in (
            "modes/fully-managed.yml", "modes/semi-managed.yml", "modes/self-operated.yml",
            "tasks.yml")]


# The repository's address as it stood in the About page before REPO_URL set it (issue 13).
DEFAULT_REPOSITORY = re.compile(r"github\.com/aliexpress-modes|aliexpress-modes/guide")


def test_a_build_for_another_repository_links_it_and_no_other(real_site):
    """The repository's address comes from REPO_URL alone: no page, script, search index or
    sitemap of either language names the default one, and the About page links the deploy's."""
    site, _ = real_site
    files = [path for path in site.rglob("*") if path.is_file()
             and path.suffix in (".html", ".js", ".json", ".xml", ".txt", ".css")]
    assert len(files) > 50
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not DEFAULT_REPOSITORY.search(text), path
    for about in (site / "about" / "index.html", site / "zh" / "about" / "index.html"):
        links = re.findall(r'href="([^"]+)"', about.read_text(encoding="utf-8"))
        assert REPO_URL in links and f"{REPO_URL}/issues" in links, about


def test_a_local_build_names_no_address_of_its_own(real_site):
    """No site_url: no canonical links and no localhost anywhere (a deploy sets SITE_URL)."""
    site, _ = real_site
    for path in [*site.rglob("*.html"), site / "sitemap.xml"]:
        text = path.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in text, path
        assert not re.search(r'(href|content)="https?://(127\.0\.0\.1|localhost)', text), path
        assert "<loc>" not in text, path


def test_methodology_and_contributing_tables_are_generated(real_site):
    site, _ = real_site
    methodology = (site / "methodology" / "index.html").read_text(encoding="utf-8")
    assert "<!-- generated" not in methodology
    assert "<code>self_operated.technical_service_fee</code>" in methodology
    assert "Break-even units" in methodology
    contributing = (site / "contributing" / "index.html").read_text(encoding="utf-8")
    assert "<code>costs[].basis</code>" in contributing


class _Fetches(HTMLParser):
    """Every URL a page makes the browser fetch by itself (not links a reader may follow)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") \
                and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href") and \
                set((attrs.get("rel") or "").split()) - {"canonical", "alternate", "prev", "next"}:
            self.urls.append(attrs["href"])


def test_no_page_fetches_from_another_origin(real_site):
    site, _ = real_site
    foreign = {}
    for path in site.rglob("*.html"):
        fetches = _Fetches()
        fetches.feed(path.read_text(encoding="utf-8"))
        outside = [u for u in fetches.urls if re.match(r"^(https?:)?//", u)]
        if outside:
            foreign[str(path.relative_to(site))] = outside
    assert foreign == {}
    for css in site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css


def test_a_change_in_data_changes_the_page(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    mode = data / "modes" / "self-operated.yml"
    text = mode.read_text(encoding="utf-8")
    assert "    value: 10000\n" in text
    mode.write_text(text.replace("    value: 10000\n", "    value: 9876\n"), encoding="utf-8")
    build = build_site(tmp_path, data, calculators=False)
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "site" / "modes" / "self-operated" / "index.html").read_text("utf-8")
    row = re.search(r"<td>Yearly technical service fee</td>.*?</tr>", page, re.S).group(0)
    assert "<td>9,876</td>" in row  # within its plausible range, 0 to 10,000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_mkdocs_serve_rebuilds_when_a_data_file_changes(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    config = site_config(tmp_path, data, calculators=False)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr",
         f"127.0.0.1:{port}"],
        cwd=REPO, env=MKDOCS_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/modes/fully-managed/"
    chinese = f"http://127.0.0.1:{port}/zh/modes/fully-managed/"
    try:
        page = _wait_for(lambda: _get(url), lambda page: "Warehouse handling" in page)
        assert "Bonded warehouse handling" not in page
        assert "仓内操作费" in _wait_for(lambda: _get(chinese), lambda page: "仓内操作费" in page)
        mode = data / "modes" / "fully-managed.yml"
        mode.write_text(mode.read_text("utf-8").replace(
            "en: Warehouse handling", "en: Bonded warehouse handling").replace(
            "zh: 仓内操作费", "zh: 保税仓操作费"), "utf-8")
        _wait_for(lambda: _get(url), lambda page: "Bonded warehouse handling" in page)
        _wait_for(lambda: _get(chinese), lambda page: "保税仓操作费" in page)  # both editions
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(fetch, done, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        try:
            last = fetch()
            if done(last):
                return last
        except OSError as error:
            last = error
        time.sleep(0.3)
    raise AssertionError(f"condition not met within {timeout} s; last: {str(last)[:200]}")


def test_mkdocs_serve_shows_data_errors_in_the_browser_and_recovers(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    tasks = data / "tasks.yml"
    good = tasks.read_text("utf-8")
    tasks.write_text(good.replace("tasks:\n", "tasks: [\n", 1), "utf-8")  # a syntax error
    config = site_config(tmp_path, data, calculators=False)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr",
         f"127.0.0.1:{port}"],
        cwd=REPO, env=MKDOCS_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/modes/fully-managed/"
    try:
        page = _wait_for(lambda: _get(url), lambda page: "The data has errors" in page)
        assert re.search(r"data/tasks\.yml:\d+:\d+: YAML syntax error", page)
        assert "Warehouse handling" not in page
        home = _get(f"http://127.0.0.1:{port}/")  # every page says so, hand-written ones too
        assert "The data has errors" in home and "livereload" in home
        tasks.write_text(good, "utf-8")
        page = _wait_for(lambda: _get(url), lambda page: "Warehouse handling" in page)
        assert "The data has errors" not in page
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert re.search(r"ERROR   -  1 problem in data/:\ndata/tasks\.yml:\d+:\d+: YAML", stderr)
