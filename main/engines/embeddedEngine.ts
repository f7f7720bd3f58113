import { join } from 'node:path';
import { startEngine, type Engine } from '../../engine/engine.js';

export interface EmbeddedEngineOptions {
  readonly userDataDir: string;
  readonly port: number;
  readonly adminToken: string;
  readonly log: (line: string) => void;
}

/**
 * Starts the embedded engine in main's process (ARCHITECTURE.md: main may import the engine only
 * for this): data in `<userData>/engine`, loopback only, the app's generated admin token. The
 * port is 7070 like `nocturne serve` (so monitoring tools can be pointed at it); when another
 * program holds it, any free port is taken instead and the log says so.
 */
export async function startEmbeddedEngine(options: EmbeddedEngineOptions): Promise<Engine> {
  const base = {
    dataDir: join(options.userDataDir, 'engine'),
    host: '127.0.0.1',
    adminToken: options.adminToken,
    log: options.log,
  };
  try {
    return await startEngine({ ...base, port: options.port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port === 0) throw error;
    options.log(`embedded engine: port ${options.port} is in use; using a free port instead`);
    return startEngine({ ...base, port: 0 });
  }
}
