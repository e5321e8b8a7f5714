"""The calculator markup as the real strict build writes it: not mangled by Markdown, labelled,
every parameter listed, and no asset fetched from another origin."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from browser_support import CALCULATOR_PAGE, GUIDE_WITH_CALCULATOR

import calculators
from generator.bundle import bundle_json


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def _calculator_html(site_dir, page: str) -> str:
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    start = html.index("<section class=\"amc")
    end = html.index('<template class="amc-prerendered"', start)
    return html[start:end]


def _bundle(site_dir) -> dict:
    import json

    (parameters,) = (site_dir / "assets" / "calculator").glob("parameters.*.json")
    return json.loads(parameters.read_text(encoding="utf-8"))


def test_markdown_left_the_block_alone(site_dir):
    block = _calculator_html(site_dir, CALCULATOR_PAGE)
    assert "<p><section" not in block and "<p><div" not in block and "<p><input" not in block
    assert "<pre><code" not in block
    assert block.count("<form") == block.count("</form>") == 1


def test_every_input_is_labelled_and_described(site_dir):
    collector = _Collector()
    collector.feed(_calculator_html(site_dir, CALCULATOR_PAGE))
    ids = {attrs.get("id") for _, attrs in collector.tags}
    labels = {attrs["for"] for tag, attrs in collector.tags if tag == "label"}
    controls = [attrs for tag, attrs in collector.tags if tag in ("input", "select")]
    # The scenario's values have names; the preset picker and a scenario's name are no values.
    values = [c for c in controls if "name" in c]
    assert {c["name"] for c in values if not c["name"].startswith("overrides.")} == {
        spec.name for spec in calculators.INPUTS
    }
    for control in values:
        assert control["id"] in labels, control["name"]
        for described in control["aria-describedby"].split():
            assert described in ids, (control["name"], described)
    for control in controls:  # every control, value or not, has its label
        assert control["id"] in labels, control["id"]
        for described in control.get("aria-describedby", "").split():
            assert described in ids, (control["id"], described)


def test_assumptions_list_every_parameter_of_the_shown_modes(site_dir):
    bundle = _bundle(site_dir)
    index = calculators.parameter_index(bundle)
    block = _calculator_html(site_dir, CALCULATOR_PAGE)
    for entry in index:
        assert f'name="overrides.{entry["id"]}"' in block
    compact = _calculator_html(site_dir, GUIDE_WITH_CALCULATOR)
    shown = set(re.findall(r'name="overrides\.([^"]+)"', compact))
    (mode,) = re.search(r'data-modes="([^"]+)"', compact)[1].split()
    assert shown == {e["id"] for e in index if e.get("mode") in (None, mode)}


def test_search_index_has_the_pages_but_not_their_calculators(site_dir):
    import json

    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = {doc["location"]: doc["title"] + " " + doc["text"] for doc in index["docs"]}
    calculator_page = " ".join(v for k, v in text.items() if k.startswith(CALCULATOR_PAGE))
    guide_page = " ".join(v for k, v in text.items() if k.startswith(GUIDE_WITH_CALCULATOR))
    assert "calculator" in calculator_page.lower()  # the page's own prose is found
    assert len(guide_page) > 1000
    for page_text in (calculator_page, guide_page):
        # Form help, the assumptions table and the prerendered report are not.
        for calculator_text in ("Product category", "Copy link", "Assumptions ("):
            assert calculator_text not in page_text, calculator_text


def test_shipped_bundle_is_the_one_the_page_was_prerendered_from(site_dir):
    bundle = _bundle(site_dir)
    (parameters,) = (site_dir / "assets" / "calculator").glob("parameters.*.json")
    assert parameters.read_bytes() == bundle_json(bundle).encode()
    assert f'data-parameters="assets/calculator/{parameters.name}"' in _calculator_html(
        site_dir, CALCULATOR_PAGE)


def test_site_lockfile_lists_exactly_the_calculators_wheel(site_dir):
    import hashlib
    import json

    (lock_path,) = (site_dir / "assets" / "calculator").glob("runtime-*/pyodide-lock.json")
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    (package,) = lock["packages"].values()
    wheel = lock_path.parent / package["file_name"]
    assert package["name"] == "aliexpress-modes-calculators"
    assert package["imports"] == ["calculators"]
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == package["sha256"]
    assert lock["info"]["python"].startswith("3.")


def test_no_page_loads_a_script_style_or_image_from_another_origin(site_dir):
    fetching = {"script": "src", "img": "src", "iframe": "src", "source": "src"}
    fetched_links = {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch"}
    for page in site_dir.rglob("*.html"):
        collector = _Collector()
        collector.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in collector.tags:
            url = attrs.get(fetching.get(tag, ""), "")
            if tag == "link" and set(attrs.get("rel", "").split()) & fetched_links:
                url = attrs.get("href", "")
            assert not re.match(r"(https?:)?//", url), f"{page}: <{tag}> {url}"


def test_the_page_carries_the_hash_of_every_file_the_worker_loads(site_dir):
    import base64
    import hashlib
    import json
    from html import unescape

    block = _calculator_html(site_dir, CALCULATOR_PAGE)
    integrity = json.loads(unescape(re.search(r'data-integrity="([^"]*)"', block).group(1)))
    shipped = {
        path.relative_to(site_dir).as_posix()
        for pattern in ("assets/pyodide/*/*", "assets/calculator/runtime-*/*",
                        "assets/calculator/parameters.*.json")
        for path in site_dir.glob(pattern)
    }
    assert set(integrity) == shipped
    assert {name.rsplit("/", 1)[1].rsplit(".", 1)[1] for name in shipped} >= {
        "mjs", "wasm", "zip", "json", "whl"}
    for path, value in integrity.items():
        digest = hashlib.sha256((site_dir / path).read_bytes()).digest()
        assert value == "sha256-" + base64.b64encode(digest).decode()
