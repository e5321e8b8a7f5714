// A Pyodide memory snapshot stored as what differs from the WebAssembly's own memory image
// (issue 14): made by generator/snapshot_make.mjs, restored by the calculator's worker.
//
// Right after instantiation, Pyodide's memory holds only the data segments of pyodide.asm.wasm
// (2.7 MB of non-zero bytes, shipped anyway). The snapshot keeps most of them unchanged, so it is
// stored XORed with that image: unchanged bytes become zeros, which gzip all but removes. The
// image is taken at instantiation, before Emscripten's constructors run (they write random bytes:
// the C library's ChaCha state), so it is the same on every machine for the same .wasm.
//
// File: u32 magic "XSNP", u32 xorEnd, then Pyodide's snapshot (its header, then the memory) with
// memory[0, xorEnd) XORed with the image. Private Pyodide API: `_loadSnapshot` and the
// Emscripten `instantiateWasm` hook reached through `createPyodideModule`; a snapshot only fits
// the exact build of pyodide.asm.wasm it was made with (Pyodide checks its BUILD_ID).

export const MAGIC = 0x504e5358; // "XSNP", little-endian

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

// Pyodide snapshot (Uint8Array) + memory image -> the XSNP file (a new Uint8Array).
export function encode(snapshot, image) {
  const xorEnd = imageEnd(image);
  const out = new Uint8Array(8 + snapshot.length);
  const head = new Uint32Array(out.buffer, 0, 2);
  head[0] = MAGIC;
  head[1] = xorEnd;
  out.set(snapshot, 8);
  xorInto(out.subarray(8), image, xorEnd);
  return out;
}

function xorInto(snapshot, image, xorEnd) {
  const memoryStart = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 2)[1]; // header size
  if (snapshot.length - memoryStart < xorEnd || image.length < xorEnd) throw new Error("snapshot smaller than the memory image");
  const target = new Uint32Array(snapshot.buffer, snapshot.byteOffset + memoryStart, xorEnd / 4);
  const source = new Uint32Array(image.buffer, image.byteOffset, xorEnd / 4);
  for (let i = 0; i < target.length; i++) target[i] ^= source[i];
}

// loadPyodide options that restore the XSNP file: `file` is (a promise of) its bytes, a
// Uint8Array whose byteOffset is a multiple of 4; `createPyodideModule` (a promise of) the default
// export of the same pyodide.asm.mjs. Promises, so that loadPyodide starts downloading the
// WebAssembly while the snapshot still downloads. The image is XORed back in at instantiation,
// before Pyodide copies the snapshot into memory.
export function restoreOptions(file, createPyodideModule) {
  const parsed = Promise.resolve(file).then((bytes) => {
    const head = new Uint32Array(bytes.buffer, bytes.byteOffset, 2);
    if (head[0] !== MAGIC) throw new Error("not an XSNP snapshot");
    return { snapshot: bytes.subarray(8), xorEnd: head[1] };
  });
  return {
    _loadSnapshot: parsed.then(({ snapshot }) => snapshot),
    createPyodideModule: async (settings) => {
      const { snapshot, xorEnd } = await parsed;
      const create = withMemoryImage(await createPyodideModule, (image) => xorInto(snapshot, image, xorEnd));
      return create(settings);
    },
  };
}
