"""An injection payload in every text field of the data must not survive into the built HTML."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES
from site_build import build_site

# No digits: a guide-page section that states a figure must cite sources, and the payload is
# added to sections that cite none.
PAYLOAD = (
    '<script>alert("pwned")</script><img src=x onerror=alert(origin)>'
    '[click](javascript:alert(origin)) [img](data:text/html,pwned) '
    '"><svg onload=alert(origin)>'
    ' {: onclick="alert(origin)" } <a href="javascript:alert(origin)">a</a>'
)
TEXT_FIELDS = {"name", "tagline", "summary", "title", "text", "label", "description", "note",
               "unit", "publisher", "intro", "where"}


def poison(value):
    """Append the payload to every contributor text field, wherever it is."""
    if isinstance(value, dict):
        return {k: ({lang: text + PAYLOAD for lang, text in v.items()}
                    if k in TEXT_FIELDS and isinstance(v, dict) and "en" in v else poison(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [poison(item) for item in value]
    return value


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag, attrs):
        self._script_type = (dict(attrs).get("type") or "text/javascript") \
            if tag == "script" else "application/json" if tag == "template" else None
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction") and \
                    value.startswith(("javascript:", "data:")):
                self.findings.append(f"<{tag} {name}={value[:30]}>")
            if tag == "img" and name == "src" and value == "x":
                self.findings.append("<img src=x>")

    def handle_endtag(self, tag):
        self._script_type = None

    def handle_data(self, data):
        if self._script_type == "application/json":
            # Data for the calculator (in <template>) may hold the payload as text, but must stay
            # one JSON value: if the payload had closed the element, this would not parse.
            try:
                json.loads(data)
            except ValueError:
                self.findings.append("JSON script cut short")
        elif self._script_type and "alert(" in data:
            self.findings.append("script containing alert(")


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("injection")
    data = tmp / "data"
    shutil.copytree(FIXTURES / "golden" / "data", data)
    for path in data.rglob("*.yml"):
        first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
        document = poison(yaml.safe_load(path.read_text(encoding="utf-8")))
        path.write_text(first_line + "\n" + yaml.safe_dump(document, allow_unicode=True),
                        encoding="utf-8")
    build = build_site(tmp, data)
    assert build.returncode == 0, build.stderr
    return tmp / "site"


def test_payload_reached_the_pages_as_text(poisoned_site):
    """Guard against a vacuous pass: the payload is on the pages, escaped."""
    page = (poisoned_site / "modes" / "self-operated" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in page
    assert "javascript:alert(origin)" in page  # as text, never as a link target


def test_no_payload_survives_into_any_page(poisoned_site):
    findings = {}
    for path in sorted(poisoned_site.rglob("*.html")):
        audit = _Audit()
        audit.feed(path.read_text(encoding="utf-8"))
        if audit.findings:
            findings[str(path.relative_to(poisoned_site))] = sorted(set(audit.findings))
    assert findings == {}


def test_head_holds_no_contributor_markup(poisoned_site):
    """Material writes the title and description into <head> unescaped: nothing may be markup."""
    page = (poisoned_site / "modes" / "self-operated" / "index.html").read_text(encoding="utf-8")
    head = page.split("</head>", 1)[0]
    title = re.search(r"<title>(.*?)</title>", head, re.S).group(1)
    description = re.search(r'<meta name="description" content="([^"]*)"', head).group(1)
    assert description.startswith("How the Mode self-operated script alert")  # defused
    for text in (title, description):
        assert not re.search(r"[<>\"]", text), text
