import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The operator console the engine serves at `/` (docs/console.md): the bundle `npm run build`
 * writes to dist/renderer (vite.config.ts). Found from the project's root, so that the engine
 * run from its sources (tests) and from dist/ (`nocturne serve`) serve the same files.
 */
export function defaultConsoleDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    const pkg = join(dir, 'package.json');
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'nocturne'
    ) {
      return join(dir, 'dist', 'renderer');
    }
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'renderer');
}

/**
 * The console's Content-Security-Policy: nothing inline (no `unsafe-inline` scripts or styles;
 * React's `style={…}` sets CSSOM properties, which style-src does not govern), nothing from
 * other origins but images over https (alert images and links from monitoring tools), the
 * stream over ws(s), no plugins, no <base>, no framing.
 */
export const consoleCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every HTML answer of the console. */
export const consoleHtmlHeaders: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  // Always revalidate the page: it names the hashed assets of the current build.
  'Cache-Control': 'no-cache',
  'Content-Security-Policy': consoleCsp,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // A wall screen's one-time `?token=` must not leak through a Referer header.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** What `/` answers when the console was not built: a page that says how to build it. */
export const consoleMissingPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Nocturne: console not built</title></head>
<body>
<h1>The Nocturne console is not built</h1>
<p>This engine runs, but the operator console's files (dist/renderer) are missing.
Run <code>npm run build</code> (or <code>npm start</code>) in the project, then reload this page.</p>
<p>The engine's API is at <a href="/api/v1/me">/api/v1</a>; its health at <a href="/healthz">/healthz</a>.</p>
</body></html>
`;

/** index.html of the console, or null when it was not built. Read per request: a build made
 * while the engine runs is served at once. */
export async function readConsoleIndex(consoleDir: string): Promise<string | null> {
  try {
    return await readFile(join(consoleDir, 'index.html'), 'utf8');
  } catch {
    return null;
  }
}
