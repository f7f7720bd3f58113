import type { IpcResult } from '../../shared/ipc/ipcViews.js';
import type { EngineConnection } from '../engines/engineConnection.js';
import { fail } from './ipcDispatcher.js';

/** Runs a call on one of main's engine connections, or answers `unknown_engine`. */
export type WithEngine = <T>(
  engineId: string,
  run: (engine: EngineConnection) => Promise<IpcResult<T>> | IpcResult<T>,
) => Promise<IpcResult<T>>;

export function engineCaller(registry: {
  get(engineId: string): EngineConnection | undefined;
}): WithEngine {
  return async (engineId, run) => {
    const engine = registry.get(engineId);
    if (!engine) return fail('unknown_engine', `No engine "${engineId}" is connected.`);
    return run(engine);
  };
}
