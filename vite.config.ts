import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

/**
 * renderer/earlyStream.ts is an entry of its own, loaded by index.html before the console's
 * bundle: a few kB that open the stream while the browser fetches, compiles and runs the rest
 * (docs/protocol.md, "Opening early"). Vite would merge a second `<script>` of index.html into
 * the bundle's entry — after the chunks it imports — so the tag is added here, first in <head>.
 */
function earlyStreamFirst(): Plugin {
  return {
    name: 'nocturne-early-stream-first',
    transformIndexHtml(html, ctx) {
      const chunk = Object.values(ctx.bundle ?? {}).find(
        (c) => c.type === 'chunk' && c.isEntry && c.name === 'earlyStream',
      );
      const src = chunk ? `/${chunk.fileName}` : '/earlyStream.ts';
      return [
        {
          tag: 'script',
          attrs: { type: 'module', crossorigin: true, src },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

/**
 * The console bundle (renderer/) → dist/renderer, served by the engine at `/` (docs/console.md).
 * The engine's Content-Security-Policy allows no inline script or style, so nothing here may
 * emit any: no module-preload polyfill (inlined by some versions), CSS in files only.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), earlyStreamFirst()],
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
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        earlyStream: fileURLToPath(new URL('./renderer/earlyStream.ts', import.meta.url)),
      },
    },
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
