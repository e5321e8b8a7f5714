// Restores a snapshot made by generator/snapshot_make.mjs under Node, with an empty standard library
// and no wheel, and asks the calculator what the worker may ask: prints one JSON object of the
// answers (memory_snapshot.py compares them with the same requests answered in CPython).
//
//   node tests/pyodide/snapshot_check.mjs PYODIDE_DIR SNAPSHOT PARAMETERS.json REQUESTS.json
//
// SNAPSHOT: the XOR form (docs/assets/calculator/snapshot-patch.mjs), or Pyodide's own form if it ends in ".plain".
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { restoreOptions } from "../../docs/assets/calculator/snapshot-patch.mjs";

const [pyodideDir, snapshotFile, parameters, requestsFile] = process.argv.slice(2);
const { loadPyodide } = await import(`${pyodideDir}/pyodide.mjs`);
const { default: createPyodideModule } = await import(`${pyodideDir}/pyodide.asm.mjs`);
const emptyZip = path.join(await mkdtemp(path.join(tmpdir(), "snapshot-check-")), "empty.zip");
await writeFile(emptyZip, Buffer.from([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]));
const bytes = new Uint8Array(await readFile(snapshotFile));
const options = snapshotFile.endsWith(".plain") ? { _loadSnapshot: bytes } : restoreOptions(bytes, createPyodideModule);
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, stdLibURL: emptyZip, ...options });
const session = pyodide.pyimport("calculators.bridge").Session(await readFile(parameters, "utf8"));
const requests = JSON.parse(await readFile(requestsFile, "utf8"));
const answers = {
  handle: requests.handle.map((r) => session.handle(JSON.stringify(r))),
  stages: requests.handle.map((r) => [...session.stages(JSON.stringify(r))].filter((s) => s !== undefined)),
  export: requests.export.map((r) => session.export(JSON.stringify(r))),
  catalogue: requests.catalogue.map(([hex, language]) =>
    session.catalogue(Uint8Array.from(Buffer.from(hex, "hex")), "{}", language)),
  zip_entries: pyodide.runPython("import zipfile; len(zipfile.ZipFile('/lib/python314.zip').namelist())"),
  wheel_loaded: Object.keys(pyodide.loadedPackages),
};
console.log(JSON.stringify(answers));
