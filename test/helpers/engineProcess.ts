import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { adminToken } from './testEngine.js';

/** Every engine process still running, so none outlives the test run (a failed assertion
 * skips the test's own cleanup). */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** Kills every engine process these helpers started that is still running. */
export async function killAllEngines(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

const bin = fileURLToPath(new URL('../../bin/nocturne.js', import.meta.url));
const built = fileURLToPath(new URL('../../dist/engine/cli/main.js', import.meta.url));

export interface EngineProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  readonly exited: Promise<number | string>;
}

/**
 * Runs the built engine (`nocturne serve`) as a child process, as users do, and waits until it
 * prints where it listens. Used where only a real process will do: crashes (SIGKILL), signals.
 */
export async function spawnEngine(
  dataDir: string,
  args: string[] = [],
  env: Record<string, string> = {},
  options: { withAdminToken?: boolean } = {},
): Promise<EngineProcess> {
  if (!existsSync(built))
    throw new Error('dist/ is missing: run "npm run build" before these tests (npm test does).');
  const child = spawn(
    process.execPath,
    [
      bin,
      'serve',
      '--port',
      '0',
      '--data',
      dataDir,
      ...(options.withAdminToken === false ? [] : ['--admin-token', adminToken]),
      '--ingest-rate',
      '0',
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the engine did not start in time:\n${out}`)),
      20_000,
    );
    const check = () => {
      const match = /listening on (https?:\/\/[^\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the engine exited (${code}) before listening:\n${out}`));
    });
  });
  return { url, child, output: () => out, exited };
}

/** Runs the CLI to completion (commands that exit by themselves, or fail to start). */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (!existsSync(built)) throw new Error('dist/ is missing: run "npm run build" first.');
  const child = spawn(process.execPath, [bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
