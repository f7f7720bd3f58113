import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

/**
 * The console bundle (renderer/) → dist/renderer, served by the engine at `/` (docs/console.md).
 * The engine's Content-Security-Policy allows no inline script or style, so nothing here may
 * emit any: no module-preload polyfill (inlined by some versions), CSS in files only.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    modulePreload: { polyfill: false },
    // Inlined assets would become data: URLs; keep every asset a file under /assets.
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // `npm run dev:console`: the engine on :7070 answers the API and the stream. The Host header
    // is passed on unchanged (no changeOrigin), so the engine sees the page's own origin.
    proxy: {
      '/api': { target: 'http://127.0.0.1:7070', ws: true },
      '/healthz': { target: 'http://127.0.0.1:7070' },
    },
  },
});
