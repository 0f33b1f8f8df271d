// Vite builds web/dist with relative asset paths, so any static file server can host it; the engine
// (runnel.js + runnel.wasm, copied into public/wasm by scripts/copy-wasm.mjs) is loaded by the worker.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  worker: { format: 'es' },
  // Cross-origin isolated, as runnel serve serves it (web/src/worker/reply_slot.ts).
  server: {
    headers: {
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  },
});
