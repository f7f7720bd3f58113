import { readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks; USER_HZ is 100 on every mainstream kernel. */
const ticksPerSecond = 100;

/** CPU time (user + system, all threads) a process has used so far, in ms; NaN if unknown. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

/** This process's CPU time so far (user + system), in ms. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU time the whole machine has been busy so far (all cores, from /proc/stat: everything but
 * idle and iowait), in ms; NaN where /proc/stat is missing.
 */
function machineBusyMs(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    const total = ticks.reduce((sum, t) => sum + t, 0);
    return ((total - idle) * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

/** What a stretch of the run cost in CPU, and how much other work the machine did meanwhile. */
export interface CpuWindow {
  readonly wallMs: number;
  /** CPU ms the watched process used. */
  readonly processMs: number;
  readonly benchMs: number;
  /**
   * Cores that processes other than the watched one and the benchmark kept busy on average
   * (other people's work on a shared machine); NaN if unknown.
   */
  readonly otherCores: number;
}

/** Starts measuring; call the returned function at the end of the stretch. */
export function startCpuWindow(pid: number): () => CpuWindow {
  const start = {
    wall: performance.now(),
    process: processCpuMs(pid),
    bench: ownCpuMs(),
    machine: machineBusyMs(),
  };
  return () => {
    const wallMs = performance.now() - start.wall;
    const processMs = processCpuMs(pid) - start.process;
    const benchMs = ownCpuMs() - start.bench;
    const machineMs = machineBusyMs() - start.machine;
    return {
      wallMs,
      processMs,
      benchMs,
      otherCores: Math.max(0, machineMs - processMs - benchMs) / wallMs,
    };
  };
}
