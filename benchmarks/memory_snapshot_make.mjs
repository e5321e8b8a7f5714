// Makes a Pyodide memory snapshot of the calculator, booted and warmed up, under Node (issue 14's
// memory-snapshot lever; measured by benchmarks/memory_snapshot.py, not shipped).
//
//   node benchmarks/memory_snapshot_make.mjs PYODIDE_DIR STDLIB.zip WHEEL.whl PARAMETERS.json OUT
//
// Pyodide's package loader leaves JavaScript references in Python's state, which a snapshot
// cannot hold ("Unexpected hiwire entry", pyodide #6418), so the wheel is unpacked with zipfile
// instead of loadPackage. Nothing from JavaScript may be alive when the snapshot is taken.
import { readFile, writeFile } from "node:fs/promises";

const [pyodideDir, stdlib, wheel, parameters, out] = process.argv.slice(2);
const { loadPyodide } = await import(`${pyodideDir}/pyodide.mjs`);
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, stdLibURL: stdlib, _makeSnapshot: true });
pyodide.FS.writeFile("/tmp/calculators.whl", await readFile(wheel));
pyodide.FS.writeFile("/tmp/parameters.json", await readFile(parameters));
pyodide.runPython(`
import gc, json, site, zipfile
zipfile.ZipFile("/tmp/calculators.whl").extractall(site.getsitepackages()[0])
from calculators.bridge import Session
session = Session(open("/tmp/parameters.json").read())
for raw in ({}, {"units_per_month": "x"}):  # a result and a problem: import all they need
    session.handle(json.dumps({"id": 1, "raw": raw, "overrides": {},
                               "modes": ["fully_managed", "semi_managed", "self_operated"]}))
del session
gc.collect()
`);
await writeFile(out, pyodide.makeMemorySnapshot());
