// Loads the wasm build (runnel.js, an ES module made for the browser worker) into Node for the tests.
// RUNNEL_WASM_DIR overrides where runnel.js and runnel.wasm are (default: build/wasm/wasm).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const wasmDir = process.env.RUNNEL_WASM_DIR ?? path.resolve(here, '../../build/wasm/wasm');

export async function loadRunnel() {
  // Emscripten 3.1.6's ES6 output still reaches for CommonJS globals when it runs under Node.
  globalThis.require ??= createRequire(import.meta.url);
  globalThis.__dirname ??= wasmDir;
  const { default: createRunnel } = await import(pathToFileURL(path.join(wasmDir, 'runnel.js')).href);
  return createRunnel({ wasmBinary: readFileSync(path.join(wasmDir, 'runnel.wasm')) });
}
