"""A Content-Security-Policy <meta> in every built page, with the hashes of its inline scripts.

Run after the build (the MkDocs plugin's ``on_post_build``), when every page's final HTML exists.
Each page carries the same policy, with the hashes of the inline scripts of *all* pages: Material's
instant navigation swaps pages without reloading, so the first page's policy stays in force.
Scripts may come only from the site itself (plus those hashes); no 'unsafe-inline' for scripts.
'wasm-unsafe-eval' lets WebAssembly compile (Pyodide runs in a worker, whose own policy comes
from its response headers; the page allows it too, so a host that copies the policy into headers
for every file keeps the calculator working).

A <meta> policy cannot carry frame-ancestors (nor report-to): hosts that can send headers should
send the same policy as a header with ``frame-ancestors 'self'`` added (docs/contributing.md).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# Inline scripts that run: no src, and not a data block (application/json is never executed).
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?![^>]*\bsrc=)[^>]*)>(?P<body>.*?)</script>", re.S)
_DATA_TYPE = re.compile(r"""\btype=["']?application/(?:ld\+)?json""")
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)

POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "worker-src 'self'; "
    "connect-src 'self'; "
    "img-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; "  # Material and uPlot set style attributes
    "font-src 'self'; "
    "object-src 'none'; "
    "base-uri 'self'; "
    "form-action 'self'"
)


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions ('sha256-...') of the inline scripts that run in ``html``."""
    return {
        f"'sha256-{_b64_sha256(match['body'])}'"
        for match in _INLINE_SCRIPT.finditer(html)
        if not _DATA_TYPE.search(match["attrs"])
    }


def _b64_sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def policy(hashes: set[str]) -> str:
    return POLICY.format(hashes=" ".join(sorted(hashes)))


def write_csp(site_dir: Path) -> str:
    """Put the policy into every HTML file under ``site_dir``; returns it."""
    pages = sorted(Path(site_dir).rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes = set().union(*(inline_script_hashes(text) for text in texts.values()))
    text_policy = policy(hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{text_policy}">'
    for page, text in texts.items():
        if 'http-equiv="Content-Security-Policy"' in text:
            continue  # already done (mkdocs serve rebuilds into the same folder)
        charset = _CHARSET.search(text)
        if charset is None:  # not a full page (a fragment or a redirect stub)
            continue
        # Right after <meta charset>: before any script, so the policy covers them all.
        text = text[: charset.end()] + meta + text[charset.end():]
        page.write_text(text, encoding="utf-8")
    return text_policy
