"""Under `mkdocs serve`, an edit of the Chinese edition's config (mkdocs.zh.yml) rebuilds the site
and shows in the served Chinese pages.

The plugin builds the translation with the same plugin instance (MkDocs reuses it), so when
on_serve runs, after the first build, the instance holds the Chinese config, whose
`translations` is empty: mkdocs.zh.yml went unwatched until the plugin kept the list apart."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import REPO
from site_build import MKDOCS_ENV


def _project(folder: Path) -> Path:
    """A copy of the site's sources (both configs beside each other, as in the repository),
    built without the calculators, which this does not need."""
    for name in ("data", "docs", "overrides"):
        shutil.copytree(REPO / name, folder / name)
    shutil.copyfile(REPO / "mkdocs.zh.yml", folder / "mkdocs.zh.yml")
    config = folder / "mkdocs.yml"
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    assert "      data_dir: data\n" in text
    config.write_text(text.replace("      data_dir: data\n",
                                   "      data_dir: data\n      calculators: false\n", 1), "utf-8")
    return config


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


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


def test_an_edit_of_the_chinese_config_shows_in_the_served_chinese_pages(tmp_path):
    config = _project(tmp_path)
    chinese_config = tmp_path / "mkdocs.zh.yml"
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr",
         f"127.0.0.1:{port}"],
        cwd=tmp_path, env={**MKDOCS_ENV, "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    home = f"http://127.0.0.1:{port}/zh/"
    try:
        page = _wait_for(lambda: _get(home), lambda page: "速卖通经营模式怎么选" in page)
        assert "金橘" not in page
        text = chinese_config.read_text("utf-8")
        for old in ("site_name: 速卖通经营模式怎么选\n", "  - 常见问题: faq.md\n"):
            assert old in text, old
        chinese_config.write_text(text.replace(
            "site_name: 速卖通经营模式怎么选\n", "site_name: 速卖通金橘指南\n").replace(
            "  - 常见问题: faq.md\n", "  - 金橘问答: faq.md\n"), "utf-8")
        # Both the site name (in every title) and the nav title, on a page other than the one
        # edited: the whole Chinese edition was rebuilt from the edited config.
        page = _wait_for(lambda: _get(home),
                         lambda page: "速卖通金橘指南" in page and "金橘问答" in page)
        assert "速卖通经营模式怎么选" not in page
        glossary = _get(f"http://127.0.0.1:{port}/zh/glossary/")
        assert "速卖通金橘指南" in glossary and "金橘问答" in glossary
        assert "金橘" not in _get(f"http://127.0.0.1:{port}/")  # the English edition: unchanged
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert "mkdocs.zh.yml" in stderr  # among the watched paths MkDocs lists
