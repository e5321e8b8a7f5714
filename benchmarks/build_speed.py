"""How long the site takes to build, against a plain Material build of the same pages.

    .venv/bin/python benchmarks/build_speed.py [--runs N]

In one run:
- **site build**: `mkdocs build --strict` of the real site (data loaded and checked, pages
  generated and prerendered, runtime, wheel and service worker written), into an empty folder
  each time. The wheel and bytecode caches in build/ are warm, as on any machine after its first
  build (they are keyed by content; a cold one costs a few seconds once).
- **plain build**: the same Markdown pages, with every generated page and table already written
  out and the calculator blocks in them, built by MkDocs and Material without this project's
  plugin: what the site costs over Material itself.
- **rebuild under `mkdocs serve`**: from saving a one-value edit of data/model.yml to the served
  methodology page showing the new value (a copy of the project's data and docs, so the
  repository is never edited).
Targets (issue 14): site build <= 1.3x the plain build; rebuild <= 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.bundle import build_bundle  # noqa: E402
from generator.calculator_html import render_calculator  # noqa: E402
from generator.load import load_data  # noqa: E402
from generator.reference import fill_markers  # noqa: E402
from generator.render import render_pages  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
# This checkout's generator, wherever mkdocs runs from (the serve copy lives in a temp folder).
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
EDITED_FILE = "data/model.yml"
EDIT = ("  value: 0.05\n", "  value: 0.0531\n")  # capital_cost_rate, shown on the methodology page
NEW_VALUE = "0.0531"
EDITED_PAGE = "methodology/"


def plain_project(target: Path) -> Path:
    """The site's pages as plain Markdown, and an mkdocs.yml without this project's plugin."""
    site = load_data(ROOT / "data")
    bundle = build_bundle(site)
    docs = target / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for path in docs.rglob("*.md"):
        path.write_text(fill_markers(path.read_text(encoding="utf-8"), bundle), encoding="utf-8")

    def calculator(modes: list[str]) -> str:
        return render_calculator(bundle, modes=modes, page_url="")

    for page in render_pages(site, calculator):
        out = docs / page.path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(fill_markers(page.markdown, bundle), encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("  - aliexpress-modes:")
    end = config.index("\n", config.index("edit_url_base", start)) + 1
    (target / "mkdocs.yml").write_text(config[:start] + config[end:], encoding="utf-8")
    return target / "mkdocs.yml"


def time_build(config: Path, out: Path) -> float:
    if out.exists():
        shutil.rmtree(out)
    command = [*MKDOCS, "build", "--strict", "--quiet", "-f", str(config), "-d", str(out)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=config.parent, env=ENV, capture_output=True, text=True,
                          check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{done.stdout}\n{done.stderr}")
    return elapsed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def time_serve_rebuilds(project: Path, runs: int) -> list[float]:
    """Seconds from saving a one-value data edit to the served page showing it, ``runs`` times."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{EDITED_PAGE}"
    command = [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", "-f",
               str(project / "mkdocs.yml")]
    server = subprocess.Popen(command, cwd=project, env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    data_file = project / EDITED_FILE
    original = data_file.read_text(encoding="utf-8")
    edited = original.replace(*EDIT, 1)
    assert edited != original, f"{EDITED_FILE} no longer holds {EDIT[0].strip()!r}"
    times = []
    try:
        deadline = time.monotonic() + 120
        while fetch(url) is None:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("mkdocs serve did not come up")
            time.sleep(0.1)
        for index in range(runs):
            editing = index % 2 == 0  # edit, then undo the edit: every run changes the value
            time.sleep(1.0)  # let the watcher settle after the previous build
            started = time.perf_counter()
            data_file.write_text(edited if editing else original, encoding="utf-8")
            while (NEW_VALUE in (fetch(url) or "")) != editing:
                if time.perf_counter() - started > 60:
                    raise RuntimeError("the edit never showed up on the served page")
                time.sleep(0.01)
            times.append(time.perf_counter() - started)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        tmp = Path(tmp)
        plain_config = plain_project(tmp / "plain")
        project = tmp / "project"
        project.mkdir()
        for name in ("data", "docs"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        time_build(ROOT / "mkdocs.yml", tmp / "warm-up")  # fills build/ caches if empty
        site_times, plain_times = [], []
        for _ in range(args.runs):  # interleaved, so drift on the machine hits both alike
            site_times.append(time_build(ROOT / "mkdocs.yml", tmp / "site"))
            plain_times.append(time_build(plain_config, tmp / "plain-site"))
        rebuilds = time_serve_rebuilds(project, args.runs)
    figures = {
        "runs": args.runs,
        "site_build_s": statistics.median(site_times),
        "plain_build_s": statistics.median(plain_times),
        "rebuild_s": statistics.median(rebuilds),
        "all": {"site": site_times, "plain": plain_times, "rebuild": rebuilds},
    }
    figures["ratio"] = figures["site_build_s"] / figures["plain_build_s"]
    print_table(figures)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "build_speed.json").write_text(json.dumps(figures, indent=2) + "\n")
    return 0


def print_table(f: dict) -> None:
    def check(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    rows = [
        ("Site build (mkdocs build --strict)", f"{f['site_build_s']:.2f} s", ""),
        ("Plain Material build of the same pages", f"{f['plain_build_s']:.2f} s", ""),
        ("Ratio (target <= 1.3)", f"{f['ratio']:.2f}", check(f["ratio"] <= 1.3)),
        ("Rebuild under mkdocs serve after a one-value data edit (target <= 1.5 s)",
         f"{f['rebuild_s']:.2f} s", check(f["rebuild_s"] <= 1.5)),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"Build speed benchmark: median of {f['runs']} runs")
    for name, value, verdict in rows:
        print(f"{name:<{width}}  {value:>10}  {verdict}")


if __name__ == "__main__":
    sys.exit(main())
