import { targets, type BenchResults } from './figures.js';

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 2 : 1)} ms` : 'n/a');
const us = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} us` : 'n/a');
const cores = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
const pair = (a: string, b: string) => `${a} / ${b}`;
const verdict = (met: boolean, target: string) => `${target} ${met ? 'met' : 'MISSED'}`;

/** Above this many cores busy with other work, the figures say as much about the machine. */
const busyMachineCores = 0.25;

function table(rows: readonly (readonly string[])[]): string {
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...rows.map((row) => row[c]?.length ?? 0)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The readable table: Nocturne's figures, Alertmanager's beside them, and the targets. */
export function renderTable(r: BenchResults): string {
  const am = r.alertmanager.skipped === null ? r.alertmanager : null;
  const s = r.store;
  const t = r.throughput;
  const stream = r.stream.stream;
  const ratio = (a: number, b: number | undefined) =>
    b === undefined ? '' : `${(a / b).toFixed(2)}x`;
  const loaded = int(s.openAlerts);
  const rate = int(r.settings.ratePerSecond);
  const amCpuUs = am ? (am.singleCpu.processMs * 1000) / am.single.allItems : Number.NaN;
  const rows: string[][] = [
    ['figure', 'Nocturne', 'Alertmanager', 'N/AM', 'target'],
    [
      `events/s, 1 per request, ${r.settings.connections} conns, ${r.settings.durationMs / 1000} s`,
      int(t.itemsPerSecond),
      am ? int(am.single.itemsPerSecond) : '-',
      ratio(t.itemsPerSecond, am?.single.itemsPerSecond),
      verdict(t.itemsPerSecond >= targets.durableEventsPerSecond, '>= 5,000/s'),
    ],
    [
      '  latency p50 / p99 at that load',
      pair(ms(t.latency.p50Ms), ms(t.latency.p99Ms)),
      am ? pair(ms(am.single.latency.p50Ms), ms(am.single.latency.p99Ms)) : '-',
    ],
    ['  failed requests / de-duplicated events', pair(`${t.failures}`, int(t.deduplicated))],
    [
      '  server CPU per event',
      us(t.cpu.engineUsPerEvent),
      am ? us(amCpuUs) : '-',
      ratio(t.cpu.engineUsPerEvent, am ? amCpuUs : undefined),
    ],
    [
      '  server cores used / bench cores used',
      pair((t.cpu.processMs / t.cpu.wallMs).toFixed(2), (t.cpu.benchMs / t.cpu.wallMs).toFixed(2)),
      am ? pair((am.singleCpu.processMs / am.singleCpu.wallMs).toFixed(2), '') : '-',
    ],
    [
      '  group commit: records per flush / mean flush',
      pair(t.recordsPerFlush.toFixed(1), ms(t.flushMeanMs)),
    ],
    ['  snapshots written by the checkpoint worker', `${t.checkpoints}`],
    [
      `alerts/s, batches of ${r.settings.batchSize} (${loaded} alerts)`,
      int(s.load.itemsPerSecond),
      am ? int(am.batch.itemsPerSecond) : '-',
      ratio(s.load.itemsPerSecond, am?.batch.itemsPerSecond),
    ],
    [
      `ack latency p50 / p99 at ${rate}/s (open loop)`,
      pair(ms(r.ack.latency.p50Ms), ms(r.ack.latency.p99Ms)),
      '-',
      '',
      verdict(r.ack.latency.p99Ms <= targets.ackLatencyP99Ms, 'p99 <= 25 ms'),
    ],
    [
      '  max / failed requests / engine CPU per event',
      `${ms(r.ack.latency.maxMs)} / ${r.ack.failures} / ${us(r.ack.cpu.engineUsPerEvent)}`,
    ],
    [
      `event -> WebSocket p50 / p99, ${stream.clients} clients, ${rate}/s`,
      pair(ms(stream.latency.p50Ms), ms(stream.latency.p99Ms)),
      '-',
      '',
      verdict(stream.latency.p99Ms <= targets.streamLatencyP99Ms, 'p99 <= 100 ms'),
    ],
    [
      '  max / missed deliveries / ack p99 in that run',
      `${ms(stream.latency.maxMs)} / ${stream.missed} / ${ms(r.stream.ack.latency.p99Ms)}`,
    ],
    [
      `RSS with ${loaded} open alerts (VmRSS / metric)`,
      pair(mib(s.memory.rssBytes), mib(s.metricsRssBytes)),
      am ? mib(am.rssBytesAfterBatch) : '-',
      ratio(s.memory.rssBytes, am?.rssBytesAfterBatch),
    ],
    ['  RSS empty / peak during load', pair(mib(s.rssBytesEmpty), mib(s.memory.hwmBytes))],
    [
      '  V8 heap used / outside the heap (sql.js)',
      pair(mib(s.heapUsedBytes), mib(s.externalBytes)),
    ],
    [
      '  RSS 2 s after restart: SIGTERM / SIGKILL',
      pair(mib(s.afterSigterm.rssBytesAfterStart), mib(s.afterSigkill.rssBytesAfterStart)),
    ],
    [
      'start-up after SIGTERM (snapshot load)',
      ms(s.afterSigterm.readyMs),
      '',
      '',
      `engine says ${ms(s.afterSigterm.engineReportedMs ?? Number.NaN)}`,
    ],
    [
      `start-up after SIGKILL (${int(s.afterSigkill.replayedRecords ?? Number.NaN)} records replayed)`,
      ms(s.afterSigkill.readyMs),
      '',
      '',
      `engine says ${ms(s.afterSigkill.engineReportedMs ?? Number.NaN)}`,
    ],
    ['clean shutdown (SIGTERM)', ms(s.shutdownMs)],
    [
      'other processes, cores busy: throughput / ack / stream',
      `${cores(t.cpu.otherCores)} / ${cores(r.ack.cpu.otherCores)} / ${cores(r.stream.cpu.otherCores)}`,
      am ? cores(am.singleCpu.otherCores) : '-',
    ],
  ];

  const notes = [
    'Nocturne answers 202 only after fdatasync of its journal; Alertmanager answers 200 from memory',
    'and does not fsync per request (alerts are not written to disk at all), so durability differs.',
    'Latencies of the open-loop runs count from the scheduled send time (no coordinated omission).',
    'Batch rows: the same alerts in Alertmanager webhook v4 batches to Nocturne, and as v2 API arrays',
    'to Alertmanager, each on a fresh server; RSS is read after both loads.',
  ];
  const others = [t.cpu.otherCores, r.ack.cpu.otherCores, r.stream.cpu.otherCores];
  if (others.some((n) => n > busyMachineCores)) {
    notes.unshift(
      `NOTE: other processes kept up to ${cores(Math.max(...others))} of ${r.cpus} cores busy during the runs: throughput`,
      'and latency are noisy; "server CPU per event" is the figure least disturbed by it.',
    );
  }
  if (r.alertmanager.skipped !== null) notes.unshift(r.alertmanager.skipped);
  return `${table(rows)}\n\n${notes.join('\n')}`;
}
