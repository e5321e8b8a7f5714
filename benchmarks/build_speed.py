"""How long the site takes to build, against a plain Material build of the same pages.

    .venv/bin/python benchmarks/build_speed.py [--runs N]

In one run:
- **site build**: `mkdocs build --strict` of the real site, both editions (English at the root,
  Chinese in zh/, one command): data loaded and checked, pages generated and prerendered,
  runtime, wheel, CSP and service worker written, into an empty folder each time. The caches in
  build/ (wheel, bytecode, lockfile, compiled templates) are warm, as on any machine after its
  first build: they are keyed by content.
- **plain build**: the same pages of both editions, every generated page and table already
  written out with the calculator blocks in them, built by MkDocs and Material without this
  project's plugin (same theme, overrides, Markdown extensions and search settings, jieba for
  the Chinese index). Like the site build it is one process building both editions; as a
  diagnostic, also the two `mkdocs build` commands a plain two-language Material site runs,
  which pay Python's start and imports twice.
- **rebuild under `mkdocs serve`**: from saving a one-value edit of data/model.yml to the served
  methodology pages of both editions showing the new value (a copy of the project's data, docs
  and configs, so the repository is never edited).
Targets (issue 14): site build <= 1.3x the plain build; rebuild <= 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.bundle import build_bundle  # noqa: E402
from generator.calculator_html import render_calculator  # noqa: E402
from generator.catalogue_html import render_catalogue  # noqa: E402
from generator.chooser_html import render_chooser  # noqa: E402
from generator.load import load_data  # noqa: E402
from generator.reference import fill_markers  # noqa: E402
from generator.render import render_pages  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
# This checkout's generator, wherever mkdocs runs from (the serve copy lives in a temp folder).
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
EDITED_FILE = "data/model.yml"
EDIT = ("  value: 0.05\n", "  value: 0.0531\n")  # capital_cost_rate, shown on the methodology page
NEW_VALUE = "0.0531"
EDITED_PAGES = ("methodology/", "zh/methodology/")  # the edit shows in both editions
CONFIGS = ("mkdocs.yml", "mkdocs.zh.yml")
# Both editions in one process, as the site's own build makes them (the plugin builds the
# Chinese one after the English one): MkDocs and Material alone, nothing of this project.
PLAIN_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
site = sys.argv[1]
build(load_config("mkdocs.yml", site_dir=site, strict=True))
build(load_config("mkdocs.zh.yml", site_dir=site + "/zh", strict=True))
"""


def plain_project(target: Path) -> Path:
    """Both editions' pages as plain Markdown, and configs without this project's plugin."""
    site = load_data(ROOT / "data")
    bundle = build_bundle(site)
    docs = target / "docs"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copytree(ROOT / "overrides", target / "overrides")  # the plugin adds them to the theme
    for language, folder in (("en", docs), ("zh", docs / "zh")):
        # The interactive blocks as the plugin renders them (generator/plugin.py).
        def calculator(modes: list[str], language: str = language) -> str:
            return render_calculator(bundle, modes=modes, page_url="", language=language)

        def chooser(base: str, language: str = language) -> str:
            return render_chooser(site, bundle, base, language)

        def catalogue(language: str = language) -> str:
            return render_catalogue(bundle, "../../" if language == "zh" else "../", language)

        blocks = {"chooser": chooser("")}
        for path in folder.rglob("*.md"):
            if language == "en" and path.is_relative_to(docs / "zh"):
                continue
            path.write_text(fill_markers(path.read_text(encoding="utf-8"), bundle, language,
                                         blocks), encoding="utf-8")
        for page in render_pages(site, calculator, language=language, chooser=chooser,
                                 catalogue=catalogue):
            out = folder / page.path
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(fill_markers(page.markdown, bundle, language, blocks),
                           encoding="utf-8")
    english = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    english = _without_plugin(english, "\nmarkdown_extensions:")
    english = english.replace("theme:\n  name: material\n",
                              "theme:\n  name: material\n  custom_dir: overrides\n", 1)
    chinese = (ROOT / "mkdocs.zh.yml").read_text(encoding="utf-8")
    chinese = _without_plugin(chinese, "  - search:")
    chinese = chinese.replace("jieba_dict_user: data/", f"jieba_dict_user: {ROOT / 'data'}/")
    (target / "mkdocs.yml").write_text(english, encoding="utf-8")
    (target / "mkdocs.zh.yml").write_text(chinese, encoding="utf-8")
    return target / "mkdocs.yml"


def _without_plugin(config: str, next_entry: str) -> str:
    """``config`` without the `aliexpress-modes` plugin entry, which ends at ``next_entry``."""
    start = config.index("  - aliexpress-modes:")
    end = config.index(next_entry, start)
    return config[:start] + config[end:].lstrip("\n")


class Timed(NamedTuple):
    wall: float  # seconds, start to end
    cpu: float  # seconds of CPU (user + system) the command and its children used

    def __add__(self, other: Timed) -> Timed:
        return Timed(self.wall + other.wall, self.cpu + other.cpu)


def time_command(command: list[str], cwd: Path, out: Path) -> Timed:
    """How long ``command`` takes to build into ``out`` (emptied first)."""
    if out.exists():
        shutil.rmtree(out)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])} failed:\n{done.stdout}\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(elapsed, cpu)


def time_site_build(config: Path, out: Path) -> Timed:
    """The site's own build: both editions, one command."""
    return time_command([*MKDOCS, "build", "--strict", "--quiet", "-f", str(config), "-d",
                         str(out)], config.parent, out)


def time_plain_build(config: Path, out: Path) -> Timed:
    """MkDocs and Material building both plain editions in one process."""
    return time_command([sys.executable, "-c", PLAIN_BUILD, str(out)], config.parent, out)


def time_plain_commands(config: Path, out: Path) -> Timed:
    """The same as two `mkdocs build` commands, one per edition (a diagnostic)."""
    english = time_command([*MKDOCS, "build", "--strict", "--quiet", "-f", str(config), "-d",
                            str(out)], config.parent, out)
    chinese_config = config.with_name("mkdocs.zh.yml")
    chinese = time_command([*MKDOCS, "build", "--strict", "--quiet", "-f", str(chinese_config),
                            "-d", str(out / "zh")], config.parent, out / "zh")
    return english + chinese


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


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the process ``pid`` has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_serve_rebuilds(project: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds from saving a one-value data edit to the served pages showing it, ``runs``
    times, and the CPU seconds the server used for each."""
    port = free_port()
    urls = [f"http://127.0.0.1:{port}/{page}" for page in EDITED_PAGES]
    command = [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", "-f",
               str(project / "mkdocs.yml")]
    server = subprocess.Popen(command, cwd=project, env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    data_file = project / EDITED_FILE
    original = data_file.read_text(encoding="utf-8")
    edited = original.replace(*EDIT, 1)
    assert edited != original, f"{EDITED_FILE} no longer holds {EDIT[0].strip()!r}"
    times, cpu = [], []
    try:
        deadline = time.monotonic() + 120
        while any(fetch(url) is None for url in urls):
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("mkdocs serve did not come up")
            time.sleep(0.1)
        for index in range(runs):
            editing = index % 2 == 0  # edit, then undo the edit: every run changes the value
            time.sleep(1.0)  # let the watcher settle after the previous build
            started, cpu_before = time.perf_counter(), cpu_seconds(server.pid)
            data_file.write_text(edited if editing else original, encoding="utf-8")
            while any((NEW_VALUE in (fetch(url) or "")) != editing for url in urls):
                if time.perf_counter() - started > 60:
                    raise RuntimeError("the edit never showed up on the served page")
                time.sleep(0.01)
            times.append(time.perf_counter() - started)
            cpu.append(cpu_seconds(server.pid) - cpu_before)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        tmp = Path(tmp)
        plain_config = plain_project(tmp / "plain")
        project = tmp / "project"
        project.mkdir()
        for name in ("data", "docs", "overrides"):  # all that mkdocs.yml names
            shutil.copytree(ROOT / name, project / name)
        for name in CONFIGS:
            shutil.copyfile(ROOT / name, project / name)
        time_site_build(ROOT / "mkdocs.yml", tmp / "warm-up")  # fills build/ caches if empty
        time_plain_build(plain_config, tmp / "warm-up")  # jieba's dictionary cache, for both
        site_times, plain_times, command_times = [], [], []
        for _ in range(args.runs):  # interleaved, so drift on the machine hits all alike
            site_times.append(time_site_build(ROOT / "mkdocs.yml", tmp / "site"))
            plain_times.append(time_plain_build(plain_config, tmp / "plain-site"))
            command_times.append(time_plain_commands(plain_config, tmp / "plain-site"))
        rebuilds, rebuild_cpu = time_serve_rebuilds(project, args.runs)
    def median(times: list[Timed], field: str) -> float:
        return statistics.median(getattr(t, field) for t in times)

    figures = {
        "runs": args.runs,
        "site_build_s": median(site_times, "wall"),
        "plain_build_s": median(plain_times, "wall"),
        "plain_commands_s": median(command_times, "wall"),
        "site_build_cpu_s": median(site_times, "cpu"),
        "plain_build_cpu_s": median(plain_times, "cpu"),
        "rebuild_s": statistics.median(rebuilds),
        "rebuild_cpu_s": statistics.median(rebuild_cpu),
        "load_average": os.getloadavg()[0],
        "all": {"site": site_times, "plain": plain_times, "plain_commands": command_times,
                "rebuild": rebuilds, "rebuild_cpu": rebuild_cpu},
    }
    figures["ratio"] = figures["site_build_s"] / figures["plain_build_s"]
    figures["ratio_to_commands"] = figures["site_build_s"] / figures["plain_commands_s"]
    figures["cpu_ratio"] = figures["site_build_cpu_s"] / figures["plain_build_cpu_s"]
    print_table(figures)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "build_speed.json").write_text(json.dumps(figures, indent=2) + "\n")
    return 0


def print_table(f: dict) -> None:
    def check(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    rows = [
        ("Site build, both editions (mkdocs build --strict)", f"{f['site_build_s']:.2f} s", ""),
        ("Plain Material build of the same pages, both editions, one process",
         f"{f['plain_build_s']:.2f} s", ""),
        ("Ratio (target <= 1.3)", f"{f['ratio']:.2f}", check(f["ratio"] <= 1.3)),
        ("  (plain as two `mkdocs build` commands, one per edition)",
         f"{f['plain_commands_s']:.2f} s", ""),
        ("  (ratio to the two commands, a diagnostic)", f"{f['ratio_to_commands']:.2f}", ""),
        ("  (CPU time, site build / plain build, one process each)",
         f"{f['site_build_cpu_s']:.2f} / {f['plain_build_cpu_s']:.2f} s", ""),
        ("  (ratio of CPU time, steadier than wall time on a busy machine)",
         f"{f['cpu_ratio']:.2f}", ""),
        ("Rebuild under mkdocs serve after a one-value data edit (target <= 1.5 s)",
         f"{f['rebuild_s']:.2f} s", check(f["rebuild_s"] <= 1.5)),
        ("  (CPU time of the server for that rebuild)", f"{f['rebuild_cpu_s']:.2f} s", ""),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"Build speed benchmark: median of {f['runs']} runs "
          f"(load average {f['load_average']:.1f} at the end)")
    for name, value, verdict in rows:
        print(f"{name:<{width}}  {value:>10}  {verdict}")


if __name__ == "__main__":
    sys.exit(main())
