import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * Bundles preload/preload.ts into one CommonJS file, dist/preload/preload.cjs (npm run build).
 * A sandboxed preload (sandbox: true in every window) is a script, not a module: it may
 * `require('electron')` and nothing else, so everything it uses from shared/ (the IPC contract,
 * zod) is inlined. Platform `browser`: a Node built-in sneaking in fails the build here rather
 * than the window at run time.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

const result = await build({
  absWorkingDir: root,
  entryPoints: ['preload/preload.ts'],
  outfile: 'dist/preload/preload.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  target: 'chrome130',
  external: ['electron'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
process.stdout.write(
  `preload: dist/preload/preload.cjs (${Math.round(bytes / 1024)} KB with its source map)\n`,
);
