"""The two editions: English at the root, Chinese under /zh/, each page with its counterpart, the
right language on every page, no sentence of one language in the other, and Chinese search."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from generator.load import load_data

SITE_DATA = load_data(REPO / "data")
# Words that may appear in either language: the glossary's terms in both forms.
GLOSSARY_WORDS = sorted({w for t in SITE_DATA.glossary for w in (t.term, *t.also, t.english)},
                        key=len, reverse=True)
# Latin words a Chinese page may use: units, formats, platform and product names, file names.
LATIN_OK = {
    "sku", "skus", "cny", "usd", "kg", "json", "yaml", "csv", "markdown", "html", "https",
    "schema", "pull", "request", "vs", "code", "ci", "nan", "erp", "aliexpress", "temu",
    "cainiao", "pop", "choice", "jit", "sellbrite", "ssop", "hb2b", "bayexp", "alihelper",
    "technode", "sailer", "partners", "python", "id", "en", "zh", "make", "serve", "test",
    "validate", "mode", "modes", "fully", "semi", "managed", "self", "operated", "store",
}


def pages(site: Path) -> set[str]:
    """Every page of one edition, as its path in the site (the Chinese edition's own folder
    left out of the English one)."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if not p.relative_to(site).as_posix().startswith(("zh/", "assets/", "search/"))}


class _Text(HTMLParser):
    """The reader's text of a page's article, without code and scripts."""

    SKIP = {"code", "pre", "script", "style", "kbd", "svg", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.skipping: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if tag in self.SKIP:
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.parts.append(data)


def article_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def english_runs(text: str) -> list[str]:
    """Runs of three or more Latin words that are not allowed terms: an English sentence."""
    text = re.sub(r"https?://\S+|<[^>]*>|\S+\.(?:yml|json|md|txt)\b|`[^`]*`", " ", text)
    for word in GLOSSARY_WORDS:
        text = text.replace(word, " ")
    runs = re.findall(r"[A-Za-z][A-Za-z'’]*(?:[ \-,.:;()/]+[A-Za-z][A-Za-z'’]*){2,}", text)
    return [run for run in runs
            if sum(w.lower() not in LATIN_OK for w in re.findall(r"[A-Za-z]+", run)) >= 3]


CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+")


def chinese_runs(text: str) -> list[str]:
    for word in GLOSSARY_WORDS:
        text = text.replace(word, " ")
    return CHINESE.findall(text)


def a_chinese_term(run: str) -> bool:
    """A run left once the glossary's words are out (chinese_runs): a term of six characters at
    most, after its English (成交不卖) or as a column name (每月新品数), not a sentence with its
    punctuation."""
    return len(run) <= 6 and not re.search(r"[\u3000-\u303f\uff00-\uffef]", run)


class _Languages(HTMLParser):
    """Every run of Chinese in the text a reader sees (the <body>, code included), with the
    language of the nearest element that declares one."""

    HIDDEN = {"script", "style", "template", "head"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []  # (tag, its lang attribute)
        self.runs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, -1, -1):  # closes what it implicitly ends too
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        if any(tag in self.HIDDEN for tag, _ in self.open):
            return
        lang = next((lang for _, lang in reversed(self.open) if lang is not None), "")
        self.runs += [(run, lang) for run in CHINESE.findall(data)]


def unmarked_chinese(html: str) -> list[str]:
    """The runs of Chinese in a page's visible text that no lang="zh…" element holds."""
    parser = _Languages()
    parser.feed(html)
    return [run for run, lang in parser.runs if not lang.lower().startswith("zh")]


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    site, build = real_site
    assert build.returncode == 0, build.stderr
    return site


def test_every_page_has_its_counterpart(site):
    english, chinese = pages(site), pages(site / "zh")
    assert "glossary/index.html" in english and "methodology/index.html" in chinese
    assert english == chinese


def test_each_page_is_in_its_language_and_links_to_its_counterpart(site):
    for path in sorted(pages(site)):
        for language, page, other in (("en", site / path, site / "zh" / path),
                                      ("zh", site / "zh" / path, site / path)):
            html = page.read_text(encoding="utf-8")
            assert f'<html lang="{language}"' in html, path
            if path == "404.html":
                continue
            switch = re.search(
                rf'<a href="([^"]+)" hreflang="{"zh" if language == "en" else "en"}"', html)
            assert switch, path
            target = (page.parent / switch.group(1) / "index.html").resolve()
            assert target == other.resolve(), f"{language} {path}: switcher goes to {target}"


def test_head_names_this_page_in_each_edition_with_hreflang(site):
    """Every page's <head> names itself in each edition and x-default (English), never the
    editions' home pages; the 404 page, which stands for no address, names none."""
    for path in sorted(pages(site)):
        for page in (site / path, site / "zh" / path):
            links = re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">',
                               page.read_text(encoding="utf-8"))
            if path == "404.html":
                assert links == [], page
                continue
            targets = [(lang, (page.parent / href / "index.html").resolve())
                       for href, lang in links]
            english, chinese = (site / path).resolve(), (site / "zh" / path).resolve()
            assert targets == [("en", english), ("zh", chinese), ("x-default", english)], page


def test_the_404_page_speaks_both_languages_its_own_first(site):
    """Each edition's 404 page holds both texts, each linking its own edition's home and search."""
    for edition, own, other in (("", "en", "zh"), ("zh/", "zh", "en")):
        html = (site / edition / "404.html").read_text(encoding="utf-8")
        sections = re.findall(r'<section lang="(\w+)" data-home="([^"]+)">(.*?)</section>',
                              html, re.S)
        assert [lang for lang, _, _ in sections] == [own, other]
        homes = {lang: home for lang, home, _ in sections}
        assert homes == {"en": "/", "zh": "/zh/"}
        for lang, home, body in sections:
            assert re.findall(r'<a href="([^"]+)"', body) == [home, home + "?q="]
            assert ("页面不存在" in body) == (lang == "zh")
            assert ("Page not found" in body) == (lang == "en")


def prose_pages(site: Path) -> list[str]:
    """The pages that speak one language: every page but the 404 page, which holds both texts
    (test_the_404_page_speaks_both_languages_its_own_first)."""
    return sorted(pages(site) - {"404.html"})


def test_no_english_sentence_on_a_chinese_page(site):
    short = [path for path in prose_pages(site / "zh")
             if len(re.findall(r"[\u4e00-\u9fff]", article_text(site / "zh" / path))) <= 100]
    assert short == [], "pages with no Chinese text"
    leaks = {path: runs for path in prose_pages(site / "zh")
             if (runs := english_runs(article_text(site / "zh" / path)))}
    assert leaks == {}


def test_no_chinese_sentence_on_an_english_page(site):
    """Chinese on an English page is a term the reader meets on the platform, not a sentence."""
    leaks = {path: runs for path in prose_pages(site)
             if (runs := [run for run in chinese_runs(article_text(site / path))
                          if not a_chinese_term(run)])}
    assert leaks == {}


def test_chinese_on_an_english_page_is_marked_as_chinese(site):
    """Every run of Chinese a reader sees on an English page, theme and code included, sits in an
    element whose lang is Chinese: screen readers speak it as Chinese, browsers pick its font."""
    unmarked = {path: runs for path in sorted(pages(site))
                if (runs := unmarked_chinese((site / path).read_text(encoding="utf-8")))}
    assert unmarked == {}


def test_every_chinese_page_says_it_is_chinese(site):
    chinese = sorted(pages(site / "zh"))
    assert "modes/self-operated/index.html" in chinese and "404.html" in chinese
    wrong = [path for path in chinese
             if not re.search(r'<html lang="zh"', (site / "zh" / path).read_text("utf-8"))]
    assert wrong == []


def test_the_leak_checks_can_fail():
    assert english_runs("全托管的 supply price is agreed in advance 模式") == [
        "is agreed in advance"]
    assert chinese_runs("Fully managed (全托管) means 平台来卖") == ["平台来卖"]
    runs = ("成交不卖", "每月新品数", "平台来帮你卖货", "不卖。")
    assert [a_chinese_term(run) for run in runs] == [True, True, False, False]
    assert unmarked_chinese(
        '<html lang="en"><head><title>全托管</title></head><body><p>Fully managed (全托管) and '
        '<span lang="zh-Hans">半托管</span><template>{"zh": "自运营"}</template></p>'
        '<pre><code>zh: 你只管供货</code></pre><div lang="zh"><p>也<b>是</b></p></div>'
        '<script>"核价"</script></body></html>') == ["全托管", "你只管供货"]


def test_chinese_headings_get_readable_anchors(site):
    html = (site / "zh" / "modes" / "fully-managed" / "index.html").read_text(encoding="utf-8")
    assert 'id="怎么运作"' in html and 'id="要花多少钱"' in html
    assert 'id="_1"' not in html


def _search(site: Path, word: str) -> set[str]:
    """Pages whose Chinese search index holds `word` as a whole token."""
    index = json.loads((site / "zh" / "search" / "search_index.json").read_text("utf-8"))
    separator = re.compile(index["config"]["separator"])
    return {doc["location"].split("#")[0] for doc in index["docs"]
            if word in separator.split(doc["title"] + " " + doc["text"])}


def test_chinese_search_finds_the_platform_terms_whole(site):
    assert {"modes/fully-managed/", "compare/", "glossary/"} <= _search(site, "全托管")
    assert {"modes/fully-managed/", "glossary/"} <= _search(site, "供货价")
    assert {"modes/semi-managed/", "modes/self-operated/"} <= _search(site, "运费")
    assert _search(site, "速卖") == set()  # 速卖通 is one word, not 速卖|通


def test_english_search_index_is_its_own(site):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["en"]
    assert not any(doc["location"].startswith("zh/") for doc in index["docs"])


def test_user_dictionary_keeps_every_glossary_term_whole():
    dictionary = (REPO / "data" / "search" / "jieba-user-dict.txt").read_text("utf-8")
    words = {line.split()[0] for line in dictionary.splitlines() if line.strip()}
    required = {"速卖通"} | {w for t in SITE_DATA.glossary for w in (t.term, *t.also)
                            if not w.isascii()}
    assert required <= words


def test_glossary_covers_the_platform_terms_in_both_languages(site):
    terms = {"全托管", "半托管", "自运营", "POP", "核价", "供货价", "备货", "JIT", "Choice",
             "托管费"}
    assert terms <= {w for t in SITE_DATA.glossary for w in (t.term, *t.also)}
    for language in ("", "zh/"):
        html = (site / f"{language}glossary" / "index.html").read_text(encoding="utf-8")
        for term in SITE_DATA.glossary:
            assert f'id="{term.id}"' in html and term.english in html


def test_guide_pages_link_the_first_use_of_each_term(site):
    for language, term in (("", "supply price"), ("zh/", "供货价")):
        html = (site / f"{language}modes" / "fully-managed" / "index.html").read_text("utf-8")
        links = re.findall(r'<a class="amg-term" href="([^"]+)">([^<]+)</a>', html)
        assert ("../../glossary/#supply-price", term) in links
        assert len([1 for href, _ in links if href.endswith("#supply-price")]) == 1


def test_no_glossary_link_inside_the_interactive_blocks(site):
    """A term in the chooser's questions (a form's legends) or the planner stays plain text;
    the prose around the home page's chooser keeps its links."""
    pages = {"": "amc-chooser", "zh/": "amc-chooser", "chooser/": "amc-chooser",
             "zh/chooser/": "amc-chooser", "catalogue/": "amc-catalogue",
             "zh/catalogue/": "amc-catalogue"}
    for page, block in pages.items():
        html = (site / page / "index.html").read_text("utf-8")
        start = html.index(f'class="{block}"')
        end = html.index("</section>", start)
        assert html.count("<section", start, end) == 0, page  # the block's own end is found
        assert 'class="amg-term"' not in html[start:end], (page, block)
        if page in ("", "zh/"):  # the home page's prose, outside the chooser, is linked
            assert 'class="amg-term"' in html[:start] + html[end:], page


def test_the_template_words_exist_in_both_languages():
    words = yaml.safe_load((REPO / "generator" / "templates" / "words.yml").read_text("utf-8"))
    assert all(set(entry) == {"en", "zh"} and all(entry.values()) for entry in words.values())


def _untranslated(node, where: str) -> list[str]:
    if isinstance(node, list):
        return [m for i, item in enumerate(node) for m in _untranslated(item, f"{where}[{i}]")]
    if not isinstance(node, dict):
        return []
    missing = [where] if isinstance(node.get("description"), str) \
        and not node.get("description_zh") else []
    return missing + [m for key, value in node.items()
                      for m in _untranslated(value, f"{where}/{key}")]


def test_every_schema_description_has_its_chinese():
    """The data reference on the Chinese contributing page reads `description_zh`."""
    for path in sorted((REPO / "data" / "schemas").glob("*.json")):
        assert _untranslated(json.loads(path.read_text("utf-8")), path.name) == []
