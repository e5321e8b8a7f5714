// Makes the Pyodide memory snapshot the calculator's worker boots from (issue 14): the runtime
// booted under Node with the site's standard library and wheel, every path the worker may take
// run once, then memory saved. Called by generator/snapshot.py:
//
//   node generator/snapshot_make.mjs PYODIDE_DIR STDLIB.zip WHEEL.whl OUT [--keep-stale]
//
// Writes OUT (XORed with the WebAssembly's memory image: docs/assets/calculator/snapshot-patch.mjs)
// and OUT.plain (Pyodide's own format, for the benchmark). Prints one JSON line of what it did.
// The warm-up uses the model's example bundle, so the snapshot does not change with data/.
//
// Pyodide's package loader leaves JavaScript references in Python's state, which a snapshot
// cannot hold ("Unexpected hiwire entry", pyodide #6418), so the wheel is unpacked with zipfile
// instead of loadPackage. Nothing from JavaScript may be alive when the snapshot is taken.
//
// Unless --keep-stale, memory nothing uses is zeroed first, as it compresses to almost nothing:
// the C stack below the stack pointer and the unused bytes of every free dlmalloc chunk.
import nodeCrypto from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { encode, withMemoryImage } from "../docs/assets/calculator/snapshot-patch.mjs";

const [pyodideDir, stdlib, wheel, out, flag] = process.argv.slice(2);
// Emscripten takes the program's name and arguments from process.argv (sys.argv, sys.executable,
// $_): the same for every checkout, not this one's paths.
process.argv = [process.argv[0], "snapshot_make.mjs"];
// The same inputs make the same bytes (the site build is reproducible, issue 13): the randomness
// Python and the C library draw at start (hash secret, random's seed, arc4random) comes from a
// fixed-seed generator, and the clocks read fixed values. Every reader gets the snapshot's
// state anyway, random or not; nothing in the calculator is secret.
let seed = 0x2545f491;
// Emscripten draws from node:crypto's randomFillSync under Node (the browser's getRandomValues
// otherwise).
nodeCrypto.randomFillSync = (view) => {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  for (let i = 0; i < bytes.length; i++) {
    seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; // xorshift32
    bytes[i] = seed & 0xff;
  }
  return view;
};
let tick = 0;
Date.now = () => 1767225600000 + tick++; // 2026-01-01
performance.now = () => tick++;
const { loadPyodide } = await import(`${pyodideDir}/pyodide.mjs`);
const { default: createPyodideModule } = await import(`${pyodideDir}/pyodide.asm.mjs`);
let image;
const pyodide = await loadPyodide({
  indexURL: `${pyodideDir}/`, stdLibURL: stdlib, _makeSnapshot: true, env: { PYTHONHASHSEED: "0" },
  createPyodideModule: withMemoryImage(createPyodideModule, (memory) => { image = memory.slice(); }),
});
pyodide.FS.writeFile("/tmp/calculators.whl", await readFile(wheel));
// Everything the worker may ask for is run once, so every module it needs is imported now: with
// the snapshot the standard library zip is empty. Then the caches that only sped up imports.
pyodide.runPython(`
import gc, json, linecache, site, sys, zipfile, zipimport
zipfile.ZipFile("/tmp/calculators.whl").extractall(site.getsitepackages()[0])
from calculators.bridge import Session
from calculators.params import EXAMPLE_BUNDLE
session = Session(json.dumps(EXAMPLE_BUNDLE))
MODES = [mode["id"] for mode in EXAMPLE_BUNDLE["modes"]]
for language in ("en", "zh"):
    for raw in ({}, {"units_per_month": "x"}):
        request = json.dumps({"id": 1, "raw": raw, "overrides": {}, "modes": MODES,
                              "language": language})
        session.handle(request)
        list(session.stages(request))
    for format in ("csv", "json"):
        session.export(json.dumps({"raw": {}, "overrides": {}, "language": language, "format": format}))
    table = "product\\tcategory\\tprice\\n商品\\tapparel\\t10\\n"
    for encoding in ("gb18030", "utf-8-sig", "utf-16", "utf-8"):
        session.catalogue(table.encode(encoding), "{}", language)
    session.catalogue(table, "{}", language)
del session, request, EXAMPLE_BUNDLE, Session, MODES
sys.path_importer_cache.clear()
zipimport._zip_directory_cache.clear()
linecache.clearcache()
sys._clear_internal_caches()
gc.collect()
`);
const modules = pyodide.runPython("import sys; len(sys.modules)");
const M = pyodide._module;
let zeroed = 0;
if (flag !== "--keep-stale") {
  const stackEnd = M._emscripten_stack_get_end(), stackPointer = M._emscripten_stack_get_current();
  M.HEAPU8.fill(0, stackEnd, stackPointer - 64);
  zeroed += stackPointer - 64 - stackEnd;
  // dlmalloc, 32-bit: chunks lie end to end from the heap base to the top; a chunk's size and
  // flags are at +4 (bit 2: in use). A free chunk keeps its first 32 bytes (size, list and tree
  // links); the next chunk's first word is its footer.
  const top = M._sbrk(0);
  let chunk = (M.___heap_base + 7) & ~7;
  while (chunk < top - 16) {
    const head = M.HEAPU32[(chunk + 4) >> 2], size = head & ~7;
    if (size < 16 || chunk + size > top) break;
    if (!(head & 2) && size > 32) {
      M.HEAPU8.fill(0, chunk + 32, chunk + size);
      zeroed += size - 32;
    }
    chunk += size;
  }
  if (chunk !== top) throw new Error(`dlmalloc walk stopped at ${chunk}, top ${top}`);
}
const snapshot = pyodide.makeMemorySnapshot();
await writeFile(`${out}.plain`, snapshot);
await writeFile(out, encode(snapshot, image));
console.log(JSON.stringify({ modules, zeroed, bytes: snapshot.length }));
