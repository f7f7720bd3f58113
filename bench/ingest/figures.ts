import type { AlertmanagerFigures } from './alertmanagerScenario.js';
import type {
  AckLatencyResult,
  StreamScenarioResult,
  ThroughputResult,
} from './engineScenarios.js';
import type { BenchSettings } from './settings.js';
import type { StoreFigures } from './storeScenarios.js';

/** Everything one run measured, before it is turned into the table and the JSON line. */
export interface BenchResults {
  readonly engineVersion: string;
  readonly settings: BenchSettings;
  readonly cpus: number;
  readonly loadAverageAtStart: number;
  readonly throughput: ThroughputResult;
  readonly ack: AckLatencyResult;
  readonly stream: StreamScenarioResult;
  readonly store: StoreFigures;
  readonly alertmanager: AlertmanagerFigures;
}

/** The targets the engine is held to on a 2-core machine. */
export const targets = {
  durableEventsPerSecond: 5_000,
  ackLatencyP99Ms: 25,
  streamLatencyP99Ms: 100,
} as const;

export type Figures = Record<string, number | string | boolean | null>;

const round = (n: number, digits = 0) =>
  Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null;
const mb = (bytes: number) => round(bytes / (1024 * 1024), 1);

/**
 * The figures as one flat JSON object, units in the names, so runs can be compared across
 * versions by a script. Alertmanager's figures are null when it was skipped.
 *
 * `otherProcessesCores…` says how many cores other work on the machine kept busy meanwhile; the
 * engine's CPU time per event is the figure least disturbed by it.
 */
export function figures(r: BenchResults): Figures {
  const am = r.alertmanager.skipped === null ? r.alertmanager : null;
  const s = r.store;
  const t = r.throughput;
  return {
    benchmark: 'ingest',
    engineVersion: r.engineVersion,
    quick: r.settings.quick,
    cpus: r.cpus,
    loadAverage1mAtStart: round(r.loadAverageAtStart, 2),
    connections: r.settings.connections,
    durableEventsPerSecond: round(t.itemsPerSecond),
    durableEventsFailed: t.failures,
    throughputLatencyP50Ms: round(t.latency.p50Ms, 2),
    throughputLatencyP99Ms: round(t.latency.p99Ms, 2),
    throughputDeduplicatedEvents: t.deduplicated,
    engineCpuUsPerEvent: round(t.cpu.engineUsPerEvent),
    engineCpuBoundEventsPerSecondPerCore: round(1e6 / t.cpu.engineUsPerEvent),
    engineCoresUsedDuringThroughput: round(t.cpu.processMs / t.cpu.wallMs, 2),
    benchCoresUsedDuringThroughput: round(t.cpu.benchMs / t.cpu.wallMs, 2),
    otherProcessesCoresDuringThroughput: round(t.cpu.otherCores, 2),
    journalRecordsPerFlush: round(t.recordsPerFlush, 1),
    journalFlushMeanMs: round(t.flushMeanMs, 2),
    checkpointsDuringThroughput: t.checkpoints,
    ackRatePerSecond: r.settings.ratePerSecond,
    ackLatencyP50Ms: round(r.ack.latency.p50Ms, 2),
    ackLatencyP99Ms: round(r.ack.latency.p99Ms, 2),
    ackLatencyMaxMs: round(r.ack.latency.maxMs, 2),
    ackFailed: r.ack.failures,
    engineCpuUsPerEventAtAckRate: round(r.ack.cpu.engineUsPerEvent),
    otherProcessesCoresDuringAck: round(r.ack.cpu.otherCores, 2),
    streamClients: r.stream.stream.clients,
    streamLatencyP50Ms: round(r.stream.stream.latency.p50Ms, 2),
    streamLatencyP99Ms: round(r.stream.stream.latency.p99Ms, 2),
    streamLatencyMaxMs: round(r.stream.stream.latency.maxMs, 2),
    streamMissedDeliveries: r.stream.stream.missed,
    streamRunAckLatencyP99Ms: round(r.stream.ack.latency.p99Ms, 2),
    engineCpuUsPerEventWithStreamClients: round(r.stream.cpu.engineUsPerEvent),
    otherProcessesCoresDuringStream: round(r.stream.cpu.otherCores, 2),
    openAlertsLoaded: s.openAlerts,
    batchAlertsPerSecond: round(s.load.itemsPerSecond),
    batchEngineCpuUsPerAlert: round(s.loadEngineUsPerAlert),
    rssMbEmpty: mb(s.rssBytesEmpty),
    rssMbWithOpenAlerts: mb(s.memory.rssBytes),
    rssPeakMbDuringLoad: mb(s.memory.hwmBytes),
    metricsRssMbWithOpenAlerts: mb(s.metricsRssBytes),
    heapUsedMbWithOpenAlerts: mb(s.heapUsedBytes),
    externalMbWithOpenAlerts: mb(s.externalBytes),
    startupMsAfterSigterm: round(s.afterSigterm.readyMs),
    startupMsAfterSigkill: round(s.afterSigkill.readyMs),
    sigkillReplayedJournalRecords: s.afterSigkill.replayedRecords,
    engineReportedStartupMsAfterSigterm: round(s.afterSigterm.engineReportedMs ?? Number.NaN),
    engineReportedStartupMsAfterSigkill: round(s.afterSigkill.engineReportedMs ?? Number.NaN),
    rssMbAfterSigtermRestart: mb(s.afterSigterm.rssBytesAfterStart),
    rssMbAfterSigkillRestart: mb(s.afterSigkill.rssBytesAfterStart),
    shutdownMsSigterm: round(s.shutdownMs),
    alertmanagerVersion: am?.version ?? null,
    alertmanagerEventsPerSecond: am ? round(am.single.itemsPerSecond) : null,
    alertmanagerLatencyP99Ms: am ? round(am.single.latency.p99Ms, 2) : null,
    alertmanagerCpuUsPerEvent: am
      ? round((am.singleCpu.processMs * 1000) / am.single.allItems)
      : null,
    otherProcessesCoresDuringAlertmanager: am ? round(am.singleCpu.otherCores, 2) : null,
    alertmanagerBatchAlertsPerSecond: am ? round(am.batch.itemsPerSecond) : null,
    alertmanagerRssMbWithOpenAlerts: am ? mb(am.rssBytesAfterBatch) : null,
    eventsPerSecondRatioNocturneToAlertmanager: am
      ? round(t.itemsPerSecond / am.single.itemsPerSecond, 3)
      : null,
    batchAlertsPerSecondRatioNocturneToAlertmanager: am
      ? round(s.load.itemsPerSecond / am.batch.itemsPerSecond, 3)
      : null,
  };
}
