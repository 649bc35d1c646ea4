import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The web UI: built into dist/ui, which the server serves at `/`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/ui', import.meta.url)),
    emptyOutDir: true,
    // Note: no inline scripts or styles, so that the server's Content-Security-Policy can forbid both.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
});
