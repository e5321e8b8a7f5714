// A Pyodide memory snapshot stored as what differs from the WebAssembly's own memory image
// (issue 14): made by generator/snapshot_make.mjs, restored by the calculator's worker.
//
// Right after instantiation, Pyodide's memory holds only the data segments of pyodide.asm.wasm
// (2.7 MB of non-zero bytes, shipped anyway). The snapshot keeps most of them unchanged, so it is
// stored XORed with that image: unchanged bytes become zeros, which gzip all but removes. The
// image is taken at instantiation, before Emscripten's constructors run (they write random bytes:
// the C library's ChaCha state), so it is the same on every machine for the same .wasm.
//
// Most of the XORed snapshot is then zeros (21 of its 31.5 MB in whole 4 KiB blocks): the file
// leaves those blocks out, so that the reader inflates 9.5 MB instead of 31.5 MB, which on two
// cores is time the boot waits for (benchmarks/README.md).
//
// File (u32 little-endian): magic "XSNZ", xorEnd, the snapshot's length, the number n of blocks
// stored, their n block numbers (ascending), then those blocks' bytes (the last block of the
// snapshot may be short). The snapshot is Pyodide's (its header, then the memory) with
// memory[0, xorEnd) XORed with the image. Private Pyodide API: `_loadSnapshot` and the
// Emscripten `instantiateWasm` hook reached through `createPyodideModule`; a snapshot only fits
// the exact build of pyodide.asm.wasm it was made with (Pyodide checks its BUILD_ID).

export const MAGIC = 0x5a4e5358; // "XSNZ", little-endian
const BLOCK = 4096;
const HEAD = 4; // u32 fields before the block numbers

function memoryOf(instance) {
  return Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory);
}

// Wraps Pyodide's createPyodideModule so that `settings.instantiateWasm` hands us the memory image
// first: onImage(Uint8Array view of the memory, before any code ran).
export function withMemoryImage(createPyodideModule, onImage) {
  return (settings) => {
    const instantiate = settings.instantiateWasm;
    if (typeof instantiate !== "function") throw new Error("this Pyodide build has no instantiateWasm hook");
    settings.instantiateWasm = (imports, done) => instantiate(imports, (instance, module) => {
      onImage(new Uint8Array(memoryOf(instance).buffer));
      done(instance, module);
    });
    return createPyodideModule(settings);
  };
}

// The end of the image's non-zero bytes, rounded up to 4: XOR beyond it changes nothing.
export function imageEnd(image) {
  let end = image.length;
  while (end > 0 && image[end - 1] === 0) end--;
  return (end + 3) & ~3;
}

// Pyodide snapshot (Uint8Array) + memory image -> the XSNZ file (a new Uint8Array).
export function encode(snapshot, image) {
  const xorEnd = imageEnd(image);
  const xored = snapshot.slice();
  xorInto(xored, image, xorEnd);
  const stored = [];
  for (let block = 0; block * BLOCK < xored.length; block++) {
    if (xored.subarray(block * BLOCK, (block + 1) * BLOCK).some((byte) => byte !== 0)) stored.push(block);
  }
  const blocks = stored.map((block) => xored.subarray(block * BLOCK, (block + 1) * BLOCK));
  const start = 4 * (HEAD + stored.length);
  const out = new Uint8Array(start + blocks.reduce((sum, bytes) => sum + bytes.length, 0));
  new Uint32Array(out.buffer, 0, HEAD + stored.length).set([MAGIC, xorEnd, xored.length, stored.length, ...stored]);
  let at = start;
  for (const bytes of blocks) {
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

// The XSNZ file -> {snapshot: the XORed snapshot, zero blocks back in place, xorEnd}.
export function decode(file) {
  const head = new Uint32Array(file.buffer, file.byteOffset, HEAD);
  if (head[0] !== MAGIC) throw new Error("not an XSNZ snapshot");
  const [, xorEnd, length, count] = head;
  const stored = new Uint32Array(file.buffer, file.byteOffset + 4 * HEAD, count);
  const snapshot = new Uint8Array(length);
  let at = 4 * (HEAD + count);
  for (const block of stored) {
    const bytes = file.subarray(at, at + Math.min(BLOCK, length - block * BLOCK));
    snapshot.set(bytes, block * BLOCK);
    at += bytes.length;
  }
  if (at !== file.length) throw new Error("XSNZ snapshot: wrong length");
  return { snapshot, xorEnd };
}

function xorInto(snapshot, image, xorEnd) {
  const memoryStart = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 2)[1]; // header size
  if (snapshot.length - memoryStart < xorEnd || image.length < xorEnd) throw new Error("snapshot smaller than the memory image");
  const target = new Uint32Array(snapshot.buffer, snapshot.byteOffset + memoryStart, xorEnd / 4);
  const source = new Uint32Array(image.buffer, image.byteOffset, xorEnd / 4);
  for (let i = 0; i < target.length; i++) target[i] ^= source[i];
}

// loadPyodide options that restore the XSNZ file: `file` is (a promise of) its bytes, a
// Uint8Array whose byteOffset is a multiple of 4; `createPyodideModule` (a promise of) the default
// export of the same pyodide.asm.mjs. Promises, so that loadPyodide starts downloading the
// WebAssembly while the snapshot still downloads. The image is XORed back in at instantiation,
// before Pyodide copies the snapshot into memory.
export function restoreOptions(file, createPyodideModule) {
  const parsed = Promise.resolve(file).then(decode);
  return {
    _loadSnapshot: parsed.then(({ snapshot }) => snapshot),
    createPyodideModule: async (settings) => {
      const { snapshot, xorEnd } = await parsed;
      const create = withMemoryImage(await createPyodideModule, (image) => xorInto(snapshot, image, xorEnd));
      return create(settings);
    },
  };
}
