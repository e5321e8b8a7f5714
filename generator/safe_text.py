"""The only ways contributor text reaches a page.

Python-Markdown does not sanitize, and MkDocs runs it over every generated page, so:
- plain fields are HTML-escaped and their Markdown punctuation backslash-escaped, so they stay
  text wherever they land (headings, list items, table cells);
- Markdown fields are rendered here, sanitized with nh3 (Ammonia) to a small allowlist, and
  placed only as raw HTML blocks, which Python-Markdown passes through untouched;
- anything bound for <title> or <meta> is reduced to a conservative character set, because
  Material writes those into <head> unescaped.

Data names no repository address: a deploy sets it (REPO_URL, see the README's "Publishing").
A Markdown field links the repository as ``[its repository](repository:)`` or a page of it as
``[open an issue](repository:issues)``; without a repository address the link is its text alone.
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
_REPOSITORY_LINK = re.compile(r"\[([^\[\]\n]+)\]\(repository:([\w./#-]*)\)")
_HEAD_UNSAFE = re.compile(r"[^\w .,;:()/%+'\-，。、：；（）“”！？–—]", re.UNICODE)


def html_text(text: str) -> Markup:
    """A plain field inside raw HTML (where Markdown does not run): HTML-escaped."""
    return Markup(html.escape(" ".join(str(text).split()), quote=True))


def md_text(text: str) -> Markup:
    """A plain field inside Markdown (headings, lists, tables): shown exactly as written."""
    # Escape Markdown first: HTML escaping adds '#' and ';' of its own (&#x27;).
    return html_text(_MARKDOWN_SPECIALS.sub(r"\\\1", str(text)))


def repository_links(text: str, repo_url: str | None) -> str:
    """Markdown with its ``repository:`` links pointing into `repo_url`, or unlinked without one.

    >>> repository_links("[Open an issue](repository:issues).", "https://github.com/a/b/")
    '[Open an issue](https://github.com/a/b/issues).'
    >>> repository_links("In [its repository](repository:).", None)
    'In its repository.'
    """
    def resolve(link: re.Match) -> str:
        label, path = link.groups()
        if not repo_url:
            return label
        return f"[{label}]({repo_url.rstrip('/')}{'/' + path if path else ''})"
    return _REPOSITORY_LINK.sub(resolve, text)


def markdown_block(text: str, repo_url: str | None = None) -> Markup:
    """Contributor Markdown rendered and sanitized, as one raw HTML block (no blank lines).
    ``repository:`` links go into `repo_url` (see the module's doc)."""
    rendered = markdown.markdown(repository_links(str(text), repo_url), output_format="html")
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
