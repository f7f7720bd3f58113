/**
 * Worker thread entry: builds a snapshot from the newest snapshot plus the closed journal
 * segments, off the engine's thread (sql.js `export()` blocks its thread for tens of ms per
 * 10 MB, and would also free the engine's prepared statements).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { recover } from './recovery.js';
import { writeSnapshot } from './snapshotWriter.js';

export interface CheckpointRequest {
  readonly dir: string;
  readonly uptoSeq: number;
}
export type CheckpointReply =
  | { readonly ok: true; readonly seq: number; readonly path: string; readonly bytes: number }
  | { readonly ok: false; readonly error: string };

const request = workerData as CheckpointRequest;
try {
  const recovered = await recover({
    dir: request.dir,
    uptoSeq: request.uptoSeq,
    truncateTornTail: false,
  });
  const image = recovered.db.exportAndClose();
  const path = writeSnapshot(request.dir, recovered.lastSeq, image);
  parentPort?.postMessage({
    ok: true,
    seq: recovered.lastSeq,
    path,
    bytes: image.length,
  } satisfies CheckpointReply);
} catch (error) {
  parentPort?.postMessage({
    ok: false,
    error: (error as Error).stack ?? String(error),
  } satisfies CheckpointReply);
}
