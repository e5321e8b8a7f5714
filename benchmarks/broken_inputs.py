"""Time and peak memory of `validate` and the calculators CLI on broken input (issue 8).

Every broken-data fixture in tests/fixtures/broken/, plus cases too large to keep in git (a 50 MB
data file, a 50 MB scenario, JSON nested 1,000,000 deep, a 1,000,000-digit integer), each run as
its own process. The target: exit status 1, under 2 s and under 200 MB each. Prints a table of
medians and writes benchmarks/results/broken_inputs.json.

    .venv/bin/python benchmarks/broken_inputs.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "broken"
GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "data"
BUNDLE = ROOT / "tests" / "fixtures" / "parameters-v1.json"
RESULTS = ROOT / "benchmarks" / "results" / "broken_inputs.json"


def _write_large(handle, start: bytes, end: bytes) -> None:
    """50 MB of "x" between `start` and `end`, written in pieces: this process stays small, so
    the peak memory of the processes it starts is theirs alone (a fork starts as a copy)."""
    handle.write(start)
    for _ in range(50):
        handle.write(b"x" * 2**20)
    handle.write(end)


def measure(command: list[str]) -> tuple[int, float, float]:
    """Exit status, wall seconds and peak resident memory (MB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024


def data_cases(work: Path) -> dict[str, list[str]]:
    """Each broken data folder: a copy of the golden data with the fixture's files over it."""
    cases = {}
    validate = [sys.executable, "-m", "generator.cli", "--data"]
    for case in sorted(p.name for p in BROKEN.iterdir()):
        data = work / case / "data"
        shutil.copytree(GOLDEN, data)
        shutil.copytree(BROKEN / case, data, dirs_exist_ok=True)
        cases[f"validate: {case}"] = [*validate, str(data), "validate"]
    data = work / "50-mb-file" / "data"
    shutil.copytree(GOLDEN, data)
    with (data / "model.yml").open("ab") as handle:
        _write_large(handle, b"# ", b"\n")
    cases["validate: 50 MB file"] = [*validate, str(data), "validate"]
    return cases


def cli_cases(work: Path) -> dict[str, list[str]]:
    with (work / "50 MB scenario.json").open("wb") as handle:
        _write_large(handle, b'"', b'"')
    inputs = {
        "JSON 1,000,000 deep": b"[" * 1_000_000,
        "1,000,000-digit integer": b"9" * 1_000_000,
        "UTF-16 scenario": '{"units_per_month": 5}'.encode("utf-16"),
        "100,000 unknown overrides": json.dumps(
            {"overrides": {f"x{i}": 1 for i in range(100_000)}}).encode(),
    }
    for name, raw in inputs.items():
        (work / f"{name}.json").write_bytes(raw)
    return {f"calculators: {name}": [sys.executable, "-m", "calculators",
                                     str(work / f"{name}.json"), "--params", str(BUNDLE)]
            for name in ["50 MB scenario", *inputs]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case (default 3)")
    runs = parser.parse_args().runs
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cases = {**data_cases(work), **cli_cases(work)}
        width = max(map(len, cases))
        print(f"{'case':<{width}}  exit  seconds  peak MB")
        for name, command in cases.items():
            measured = [measure(command) for _ in range(runs)]
            codes = {code for code, _, _ in measured}
            seconds = statistics.median(s for _, s, _ in measured)
            peak = statistics.median(m for _, _, m in measured)
            print(f"{name:<{width}}  {','.join(map(str, sorted(codes))):>4}  {seconds:7.2f}  "
                  f"{peak:7.1f}")
            rows.append({"case": name, "exit": sorted(codes), "seconds": seconds, "peak_mb": peak})
    worst = max(rows, key=lambda row: row["seconds"])
    print(f"\nslowest: {worst['case']} {worst['seconds']:.2f} s; "
          f"largest: {max(row['peak_mb'] for row in rows):.1f} MB (target: 2 s, 200 MB)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"runs": runs, "cases": rows}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
