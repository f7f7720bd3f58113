import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { track } from './children.js';

/** The project root: the nearest folder above this file holding bin/nocturne.js. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bin', 'nocturne.js'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bin/nocturne.js not found above the benchmark');
    dir = parent;
  }
  return dir;
}

export interface EngineSpawnOptions {
  readonly dataDir: string;
  readonly adminToken: string;
  /** Write a V8 CPU profile of the engine into this folder (written at a clean exit). */
  readonly cpuProfDir?: string;
  /** How long to wait for /healthz before giving up. */
  readonly timeoutMs?: number;
}

/** Start-up line of the banner: `started in 1.23 s (snapshot at N, M journal records replayed…)`. */
export interface EngineStartup {
  /** From spawn to the first 200 of `GET /healthz`. */
  readonly readyMs: number;
  /** What the engine itself reports (`started in … s`): store recovery to listening. */
  readonly engineReportedMs: number | null;
  readonly snapshotSeq: number | null;
  readonly replayedRecords: number | null;
}

/** Resident memory of a process, from /proc/<pid>/status. */
export interface ProcessMemory {
  readonly rssBytes: number;
  /** Peak resident memory so far. */
  readonly hwmBytes: number;
}

export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rssBytes: kb('VmRSS') * 1024, hwmBytes: kb('VmHWM') * 1024 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `nocturne serve` running as a child process on a loopback port. */
export class EngineProcess {
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly startup: EngineStartup,
    private readonly output: { stdout: string; stderr: string },
  ) {
    this.exited = exitOf(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Spawns the built engine and resolves once `GET /healthz` answers 200. */
  static async start(options: EngineSpawnOptions): Promise<EngineProcess> {
    const started = performance.now();
    const nodeFlags = options.cpuProfDir
      ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`]
      : [];
    const child = track(
      spawn(
        process.execPath,
        [
          ...nodeFlags,
          join(projectRoot(), 'bin', 'nocturne.js'),
          'serve',
          '--port',
          '0',
          '--data',
          options.dataDir,
          '--admin-token',
          options.adminToken,
          '--ingest-rate',
          '0',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      ),
    );
    const output = { stdout: '', stderr: '' };
    child.stdout!.setEncoding('utf8').on('data', (text: string) => (output.stdout += text));
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (output.stderr += text));
    const exited = exitOf(child);
    const deadline = started + (options.timeoutMs ?? 120_000);
    try {
      let url: string | undefined;
      while (!url) {
        url = /listening on (https?:\/\/\S+)/.exec(output.stdout)?.[1];
        if (url) break;
        await Promise.race([sleep(5), exited]);
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`the engine exited at start-up:\n${output.stderr || output.stdout}`);
        }
        if (performance.now() > deadline) throw new Error('the engine did not start in time');
      }
      while ((await healthStatus(url)) !== 200) {
        if (performance.now() > deadline) throw new Error('/healthz did not answer 200 in time');
        await sleep(5);
      }
      const readyMs = performance.now() - started;
      const line = /started in ([\d.]+) s \(snapshot at (\d+), (\d+) journal records replayed/.exec(
        output.stdout,
      );
      return new EngineProcess(
        child,
        url,
        {
          readyMs,
          engineReportedMs: line ? Number(line[1]) * 1000 : null,
          snapshotSeq: line ? Number(line[2]) : null,
          replayedRecords: line ? Number(line[3]) : null,
        },
        output,
      );
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      throw error;
    }
  }

  memory(): ProcessMemory {
    return processMemory(this.pid);
  }

  /** Sends `signal` and resolves with how long the engine took to exit. */
  async stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<{ ms: number; code: number | null }> {
    const started = performance.now();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    const code = await this.exited;
    return { ms: performance.now() - started, code };
  }

  /** What the engine printed on stdout (its banner). */
  get banner(): string {
    return this.output.stdout;
  }

  /** What the engine wrote to stderr (problems it logged). */
  get stderr(): string {
    return this.output.stderr;
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function healthStatus(url: string): Promise<number> {
  try {
    const { statusCode, body } = await request(`${url}/healthz`);
    await body.dump();
    return statusCode;
  } catch {
    return 0;
  }
}
