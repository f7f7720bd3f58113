import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './engineProcess.js';
import { adminToken } from './testEngine.js';

/**
 * Runs `nocturne apply` and `nocturne export` as users do (the built CLI in a child process,
 * over real HTTP), against an engine at `url`: configuration files are written to a temp
 * folder that `cleanup()` removes.
 */
export function configCli(url: string, token: string = adminToken) {
  const dir = mkdtempSync(join(tmpdir(), 'nocturne-config-'));
  let serial = 0;
  const env = { NOCTURNE_URL: url, NOCTURNE_TOKEN: token };
  return {
    dir,
    /** Writes `yaml` to a new file in the temp folder; answers its path. */
    file(yaml: string, name = `config-${++serial}.yaml`): string {
      const path = join(dir, name);
      writeFileSync(path, yaml);
      return path;
    },
    /** `nocturne apply <file> …args`. */
    apply: (file: string, ...args: string[]) => runCli(['apply', file, ...args], env),
    /** `nocturne export …args`. */
    export: (...args: string[]) => runCli(['export', ...args], env),
    run: (args: string[], more: Record<string, string> = {}) => runCli(args, { ...env, ...more }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The YAML an export wrote, without its header (which names the engine and the time). */
export const withoutHeader = (yaml: string) =>
  yaml
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .trim();
