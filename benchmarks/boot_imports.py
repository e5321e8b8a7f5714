"""What the calculator's boot imports that its first result does not need (a probe, issue 14).

    .venv/bin/python benchmarks/boot_imports.py [--runs N]

Builds the site and, in fresh module workers of headless Chromium, boots the site's Pyodide with
its wheel (as worker.js does), then times each group's first import in that order: the modules
that ``calculators.bridge`` imports only for Export and the catalogue planner (their standard
library first: decimal, hashlib, csv), then the rest of the bridge. The first two groups are the
most a lazy import in the bridge could take off the boot (and the package's ``__init__`` imports
the export too). Medians of the runs, ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calculator_load import (  # noqa: E402
    CALCULATOR_PAGE,
    SiteServer,
    build_site,
    launch_chromium,
    missing_prerequisites,
)

GROUPS = {
    "decimal, hashlib, csv, io (stdlib of the export)": "import decimal, hashlib, csv, io",
    # The package's __init__ imports api (the model: needed) and the export with it.
    "calculators (its __init__: the model and the export)": "import calculators",
    "catalogue modules": "import calculators.catalogue, calculators.catalogue_csv, "
                         "calculators.catalogue_report",
    "the rest of calculators.bridge": "import calculators.bridge",
}
PAGE = "/__probe/imports.html"
WORKER = "/__probe/imports-worker.js"


def worker_script(index: str, lock: str, stdlib: str, package: str) -> bytes:
    return f"""const indexURL = new URL("/{index}", location.href).href;
const {{ loadPyodide }} = await import(indexURL + "pyodide.mjs");
const pyodide = await loadPyodide({{ indexURL, lockFileURL: new URL("/{lock}", location.href).href,
  stdLibURL: new URL("/{stdlib}", location.href).href, packages: ["{package}"] }});
const groups = {json.dumps(GROUPS)};
const times = {{}};
for (const [name, code] of Object.entries(groups)) {{
  const start = performance.now();
  pyodide.runPython(code);
  times[name] = performance.now() - start;
}}
postMessage(times);""".encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if missing_prerequisites():
        print("\n".join(missing_prerequisites()), file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        site = build_site(Path(tmp) / "site")
        html = (site / CALCULATOR_PAGE / "index.html").read_text(encoding="utf-8")
        attr = lambda name: html.split(f'data-{name}="', 1)[1].split('"', 1)[0]  # noqa: E731
        page_html = (f'<!doctype html><meta charset="utf-8"><script type="module">'
                     f'const w = new Worker("{WORKER}", {{type: "module"}});'
                     f"w.onmessage = (e) => {{ window.times = e.data; }};</script>").encode()
        server = SiteServer(site, {PAGE: page_html, WORKER: worker_script(
            attr("pyodide-index"), attr("lock-file"), attr("stdlib"), attr("package"))})
        runs: list[dict[str, float]] = []
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                for _ in range(args.runs):
                    context = browser.new_context()
                    page = context.new_page()
                    page.goto(server.url(PAGE))
                    page.wait_for_function("() => window.times", timeout=60_000)
                    runs.append(page.evaluate("() => window.times"))
                    context.close()
                browser.close()
        finally:
            server.close()
    print(f"First import in the booted worker, median of {args.runs} runs")
    for name in GROUPS:
        print(f"  {name:<52} {statistics.median(r[name] for r in runs):6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
