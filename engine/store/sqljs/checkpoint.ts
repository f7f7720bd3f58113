import { Worker } from 'node:worker_threads';
import type { CheckpointReply, CheckpointRequest } from './checkpointWorker.js';

/**
 * The worker's entry. Built, it is the compiled checkpointWorker.js; under the TypeScript sources
 * (tests, tsx) a tiny module registers tsx in the worker first, since a worker does not inherit
 * the loader hooks of its parent.
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./checkpointWorker.js', import.meta.url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const target = new URL('./checkpointWorker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(target)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** Runs a checkpoint (snapshot from snapshot + closed journal segments) in a worker thread. */
export function runCheckpointWorker(request: CheckpointRequest): Promise<CheckpointReply> {
  return new Promise((resolve) => {
    const worker = new Worker(workerEntry(), { workerData: request });
    let replied = false;
    worker.once('message', (reply: CheckpointReply) => {
      replied = true;
      resolve(reply);
    });
    worker.once('error', (error) => {
      replied = true;
      resolve({ ok: false, error: error.stack ?? String(error) });
    });
    worker.once('exit', (code) => {
      if (!replied) resolve({ ok: false, error: `the checkpoint worker exited with code ${code}` });
    });
  });
}
