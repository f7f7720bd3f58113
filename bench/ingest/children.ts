import type { ChildProcess } from 'node:child_process';

/**
 * Child processes the benchmark started (engines, Alertmanager). They are killed when the
 * benchmark's process exits, so that no server outlives it on a shared machine.
 */
const live = new Set<ChildProcess>();

function killAll(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

process.once('exit', killAll);

/** Also on Ctrl-C or SIGTERM (the command line installs this; tests leave signals alone). */
export function killChildrenOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

/** Registers a child to kill when the benchmark exits; forgets it once it has exited. */
export function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}
