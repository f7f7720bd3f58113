import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine, type Engine, type EngineOptions } from '../../engine/engine.js';

/** A fixed admin token, so tests (and restarts) sign in without reading the banner. */
export const adminToken = 'noc_test-admin-token-0123456789abcdefghijklmnop';

export function tempDataDir(prefix = 'nocturne-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestEngine {
  readonly engine: Engine;
  readonly url: string;
  readonly dataDir: string;
  /** Closes (clean shutdown) and starts again on the same data directory and port. */
  restart(options?: Partial<EngineOptions>): Promise<TestEngine>;
  /** Closes and removes the data directory. */
  dispose(): Promise<void>;
}

/** An engine in this process, on 127.0.0.1 and a free port, on a fresh temp data directory. */
export async function startTestEngine(options: Partial<EngineOptions> = {}): Promise<TestEngine> {
  const dataDir = options.dataDir ?? tempDataDir();
  const engine = await startEngine({
    port: 0,
    adminToken,
    log: () => undefined,
    ingestRateLimit: { perSecond: 0, burst: 1 },
    ...options,
    dataDir,
  });
  const self: TestEngine = {
    engine,
    url: engine.url,
    dataDir,
    restart: async (more = {}) => {
      await engine.close();
      return startTestEngine({ ...options, port: engine.port, ...more, dataDir });
    },
    dispose: async () => {
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}
