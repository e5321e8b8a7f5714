"""Shared by the browser tests and the benchmark: build the site, serve it, launch Chromium.

The server is a small threaded http.server on 127.0.0.1 that records every request and can add
a Content-Security-Policy header (``'auto'`` computes sha256 hashes of each HTML page's inline
scripts, so Material's inline scripts run without 'unsafe-inline'). Every file, pages included,
carries Last-Modified and an unchanged one revalidated gets a 304 without a body, as from a static
host (the byte counts of the benchmark and tests are bodies sent).
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import os
import re
import shutil
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# The pages the tests and the benchmark visit (MkDocs page URLs of the real site).
CALCULATOR_PAGE = "calculator/"
GUIDE_WITH_CALCULATOR = "modes/self-operated/"
PAGE_WITHOUT_CALCULATOR = "compare/"
# The repository a deploy of the test's GitHub Pages build names (its Edit buttons).
GUIDE_REPO_URL = "https://github.com/example/guide"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--disable-extensions",
]
# Paths whose names carry a version or content hash: safe to cache forever, as a host would.
IMMUTABLE = re.compile(r"/assets/(pyodide/\d|calculator/runtime-|calculator/parameters\.|vendor/)")
INLINE_SCRIPT = re.compile(rb"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


def missing_prerequisites() -> list[str]:
    """What the browser tests cannot run without, each with the fix."""
    problems = []
    if not CHROMIUM.exists():
        problems.append(f"{CHROMIUM} not found: install Debian's chromium (make system-deps)")
    if not (PROJECT_ROOT / "node_modules" / "pyodide" / "pyodide.asm.wasm").exists():
        problems.append("node_modules/pyodide is missing: run `npm ci`")
    if not (PROJECT_ROOT / "mkdocs.yml").exists():
        problems.append("mkdocs.yml is missing at the project root")
    return problems


def build_site(target: Path, config_file: Path | None = None,
               env: dict[str, str] | None = None) -> Path:
    """``mkdocs build --strict`` of the real site into ``target``; raises with mkdocs' output.

    ``env`` adds environment variables, such as the SITE_URL a deploy sets."""
    # CALCULATOR_TEST_MKDOCS lets a developer point tests and benchmark at another mkdocs.yml.
    config_file = Path(config_file or os.environ.get("CALCULATOR_TEST_MKDOCS")
                       or PROJECT_ROOT / "mkdocs.yml")
    if target.exists():
        shutil.rmtree(target)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "-f", str(config_file), "-d", str(target)]
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, check=False,
                          env={**os.environ, **(env or {})})
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}")
    return target


def csp_hashes(html: bytes) -> str:
    """'sha256-...' sources for every executable inline script of a page."""
    sources = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match["attrs"].decode("utf-8", "replace")
        if "src=" in attrs or re.search(r'type="?application/json', attrs):
            continue  # external scripts are covered by 'self'; JSON data blocks never execute
        digest = base64.b64encode(hashlib.sha256(match["body"]).digest()).decode()
        sources.append(f"'sha256-{digest}'")
    return " ".join(sources)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # The browser dropping a connection mid-response (a page closed while a file was still
        # downloading) is not the site's failure; anything else keeps its traceback.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


class SiteServer:
    """Serve ``root`` on 127.0.0.1 in a background thread; see the module docstring."""

    def __init__(self, root: Path, extra_files: dict[str, bytes] | None = None,
                 not_found_page: Path | None = None) -> None:
        self.root = root
        self.extra_files = extra_files or {}  # path -> body, e.g. the benchmark's bare page
        # Sent with status 404 for a missing path, as GitHub Pages sends a site's 404.html.
        self.not_found_page = not_found_page
        self.csp: str | None = None  # a policy; '{hashes}' in it is replaced per HTML page
        self.cache_headers = True  # False: no Cache-Control at all, like a plain static host
        self.gone: set[str] = set()  # path suffixes answered 404, as a host missing a file does
        self.requests: list[str] = []
        self.sent: list[tuple[str, int]] = []  # (path, response body bytes)
        self._lock = threading.Lock()
        handler = partial(_Handler, self, directory=str(root))
        self.httpd = _Server(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.origin + "/" + path.lstrip("/")

    def record(self, path: str) -> None:
        with self._lock:
            self.requests.append(path)

    def count(self, path: str, size: int) -> None:
        with self._lock:
            self.sent.append((path, size))

    def take_sent(self) -> list[tuple[str, int]]:
        with self._lock:
            taken, self.sent = self.sent, []
        return taken

    def take_requests(self) -> list[str]:
        with self._lock:
            taken, self.requests = self.requests, []
        return taken

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, site: SiteServer, *args, **kwargs) -> None:
        self.site = site
        super().__init__(*args, **kwargs)

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript",
                      ".wasm": "application/wasm", ".json": "application/json"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output clean
        pass

    def _gone(self) -> bool:
        """Answer 404 for a path the test removed from the site."""
        path = self.path.split("?", 1)[0]
        if any(path.endswith(suffix) for suffix in self.site.gone):
            self.send_error(404)
            return True
        return False

    def do_HEAD(self) -> None:
        if not self._gone():
            super().do_HEAD()

    def do_GET(self) -> None:
        self.site.record(self.path)
        if self._gone():
            return
        path = self.path.split("?", 1)[0]
        body = self.site.extra_files.get(path)
        modified = None
        if body is None and (path.endswith("/") or path.endswith(".html")):
            file = Path(self.translate_path(path))
            file = file / "index.html" if file.is_dir() else file
            if file.is_file():
                body, modified = file.read_bytes(), int(file.stat().st_mtime)
        # A page gets a validator as every other file here does (the standard library's
        # handler) and as static hosts send: revalidated unchanged, such as the service worker's
        # no-cache copy of the page just read, it costs a 304 and no body, as it would there.
        if modified is not None and self._unchanged_since(modified):
            self.send_response(304)
            self.end_headers()
            return
        status = 200
        if body is None and self.site.not_found_page and \
                not Path(self.translate_path(path)).exists():
            status, body = 404, self.site.not_found_page.read_bytes()
        if body is not None:  # HTML goes through here so its CSP can carry its script hashes
            self.send_response(status)
            kind = "text/javascript" if path.endswith(".js") else "text/html; charset=utf-8"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if modified is not None:
                self.send_header("Last-Modified", self.date_time_string(modified))
            if self.site.cache_headers:
                self.send_header("Cache-Control", "no-cache")
            self._send_csp(body)
            self.end_headers()
            self.wfile.write(body)
            self.site.count(self.path, len(body))
            return
        super().do_GET()

    def _unchanged_since(self, modified: int) -> bool:
        """If-Modified-Since at or after ``modified`` (seconds), as ``send_head`` checks it."""
        since = self.headers.get("If-Modified-Since")
        if not since or "If-None-Match" in self.headers:
            return False
        try:
            return email.utils.parsedate_to_datetime(since).timestamp() >= modified
        except (TypeError, ValueError, IndexError, OverflowError):
            return False

    def copyfile(self, source, outputfile) -> None:
        start = source.tell()
        super().copyfile(source, outputfile)
        self.site.count(self.path, source.tell() - start)

    def end_headers(self) -> None:
        if not self.site.cache_headers:
            if not self._headers_buffer_has(b"Content-Security-Policy"):
                self._send_csp(b"")
        elif not self._headers_buffer_has(b"Cache-Control"):
            immutable = IMMUTABLE.search(self.path.split("?", 1)[0])
            self.send_header("Cache-Control",
                             "public, max-age=31536000, immutable" if immutable else "no-cache")
            self._send_csp(b"")
        super().end_headers()

    def _headers_buffer_has(self, name: bytes) -> bool:
        return any(name in line for line in getattr(self, "_headers_buffer", []))

    def _send_csp(self, html: bytes) -> None:
        if self.site.csp:
            self.send_header("Content-Security-Policy",
                             self.site.csp.replace("{hashes}", csp_hashes(html)))


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                      headless=True)
