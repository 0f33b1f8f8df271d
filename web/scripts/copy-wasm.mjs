// Copies the engine (runnel.js + runnel.wasm, built by `cmake --build build/wasm --target runnel-wasm`)
// into public/wasm so Vite ships it in dist as is. RUNNEL_WASM_DIR overrides the build folder.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = process.env.RUNNEL_WASM_DIR ?? path.resolve(web, '../build/wasm/wasm');
const to = path.join(web, 'public/wasm');
mkdirSync(to, { recursive: true });
for (const name of ['runnel.js', 'runnel.wasm']) {
  const file = path.join(from, name);
  if (!existsSync(file)) {
    console.error(`copy-wasm: ${file} is missing (build it: cmake --build --preset wasm --target runnel-wasm)`);
    process.exit(1);
  }
  copyFileSync(file, path.join(to, name));
}
console.error(`copy-wasm: engine copied from ${from}`);
