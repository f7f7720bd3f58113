import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Electron's binary, as the `electron` package (42+) manages it: not downloaded at install
 * (the package has no install script) but on first use, by its install.js (@electron/get:
 * cache in ~/.cache/electron, checksums from checksums.json, ELECTRON_MIRROR honoured), which
 * writes path.txt and dist/. We never `require('electron')` from Node: that call itself starts
 * a blocking download when the binary is missing and throws when it fails.
 */
export function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

export function electronVersion(packageDir: string): string {
  return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** The executable if it is there (no download), honouring ELECTRON_OVERRIDE_DIST_PATH. */
export function findElectronBinary(
  packageDir: string | null,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | null {
  if (!packageDir) return null;
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const full = join(packageDir, 'dist', relative);
  return existsSync(full) ? full : null;
}

/**
 * Runs the package's own first-launch download (install.js) and reports it: progress lines go to
 * `onLine`; the result says why it failed (the last error line, e.g. "TypeError: fetch failed").
 */
export function downloadElectron(
  packageDir: string,
  options: { timeoutMs: number; onLine: (line: string) => void },
): Promise<{ ok: true } | { ok: false; reason: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastError = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      lastError = `no answer within ${Math.round(options.timeoutMs / 1000)} s`;
    }, options.timeoutMs);
    const read = (stream: NodeJS.ReadableStream, isError: boolean) => {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split(/\r?\n/);
        buffered = lines.pop() ?? '';
        for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
          options.onLine(line);
          if (isError && !line.startsWith('at ')) lastError ||= line;
        }
      });
    };
    read(child.stdout, false);
    read(child.stderr, true);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(
        code === 0
          ? { ok: true }
          : { ok: false, reason: lastError || `install.js exited with ${code}` },
      );
    });
  });
}
