"""The only ways contributor text reaches a page.

Python-Markdown does not sanitize, and MkDocs runs it over every generated page, so:
- plain fields are HTML-escaped and their Markdown punctuation backslash-escaped, so they stay
  text wherever they land (headings, list items, table cells);
- Markdown fields are rendered here, sanitized with nh3 (Ammonia) to a small allowlist, and
  placed only as raw HTML blocks, which Python-Markdown passes through untouched;
- anything bound for <title> or <meta> is reduced to a conservative character set, because
  Material writes those into <head> unescaped.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3
from markupsafe import Markup

# Python-Markdown's backslash-escapable characters, plus '|' which the tables extension adds.
# '<' and '&' are handled by HTML escaping; '{' stops attribute lists, '[' links and footnotes.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_ALLOWED_TAGS = {"p", "em", "strong", "code", "a", "ul", "ol", "li", "br"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
# Chinese punctuation is as harmless in <head> as its ASCII counterparts.
_HEAD_UNSAFE = re.compile(r"[^\w .,;:()/%+'\-，。、：；（）“”！？–—]", re.UNICODE)


def html_text(text: str) -> Markup:
    """A plain field inside raw HTML (where Markdown does not run): HTML-escaped."""
    return Markup(html.escape(" ".join(str(text).split()), quote=True))


def md_text(text: str) -> Markup:
    """A plain field inside Markdown (headings, lists, tables): shown exactly as written."""
    # Escape Markdown first: HTML escaping adds '#' and ';' of its own (&#x27;).
    return html_text(_MARKDOWN_SPECIALS.sub(r"\\\1", str(text)))


def markdown_block(text: str) -> Markup:
    """Contributor Markdown rendered and sanitized, as one raw HTML block (no blank lines)."""
    rendered = markdown.markdown(str(text), output_format="html")
    clean = nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer",
    )
    # A blank line would end the raw HTML block and hand the rest back to Markdown.
    body = "\n".join(line for line in clean.splitlines() if line.strip())
    return Markup(f'<div class="amg-text">\n{body}\n</div>')


def head_text(text: str, limit: int = 160) -> str:
    """Text for <title> or <meta>: letters, digits and plain punctuation only."""
    return " ".join(_HEAD_UNSAFE.sub(" ", str(text)).split())[:limit]
