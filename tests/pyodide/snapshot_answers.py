"""What the worker may ask of a restored snapshot, answered in Pyodide (snapshot_check.mjs under
Node, no standard library, no wheel) and in CPython, for tests/pyodide/test_snapshot.py and
benchmarks/memory_snapshot.py."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODES = ["fully_managed", "semi_managed", "self_operated"]
TABLE = "product\tcategory\tprice\n商品\tapparel\t10\n坏行\tapparel\tabc\n"
# Results, problems and both stages in both languages; exports; catalogues in GB18030 and UTF-8.
REQUESTS = {
    "handle": [{"id": 1, "raw": raw, "overrides": {}, "modes": MODES, "language": language}
               for language in ("en", "zh")
               for raw in ({}, {"units_per_month": "x"}, {"units_per_month": "250"})],
    "export": [{"raw": {}, "overrides": {}, "language": language, "format": form}
               for language in ("en", "zh") for form in ("csv", "json")],
    "catalogue": [[TABLE.encode(encoding).hex(), language]
                  for encoding in ("gb18030", "utf-8") for language in ("en", "zh")],
}


def restored_answers(snapshot: Path, parameters: Path, scratch: Path) -> dict:
    """Restore ``snapshot`` (raw XOR form; Pyodide's own form if it ends in .plain) under Node."""
    requests = scratch / "requests.json"
    requests.write_text(json.dumps(REQUESTS), encoding="utf-8")
    done = subprocess.run(["node", str(ROOT / "tests" / "pyodide" / "snapshot_check.mjs"),
                           str(ROOT / "node_modules" / "pyodide"), str(snapshot), str(parameters),
                           str(requests)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"restoring {snapshot.name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cpython_answers(parameters: Path) -> dict:
    from calculators.bridge import Session

    session = Session(parameters.read_text(encoding="utf-8"))
    return {
        "handle": [session.handle(json.dumps(r)) for r in REQUESTS["handle"]],
        "stages": [[s for s in session.stages(json.dumps(r)) if s is not None]
                   for r in REQUESTS["handle"]],
        "export": [session.export(json.dumps(r)) for r in REQUESTS["export"]],
        "catalogue": [session.catalogue(bytes.fromhex(data), "{}", language)
                      for data, language in REQUESTS["catalogue"]],
        "zip_entries": 0,  # the restored runtime's standard library is empty ...
        "wheel_loaded": [],  # ... and no package was loaded: everything came from the snapshot
    }
