import { formatAge } from '../../format/age.js';
import { formatDateTime } from '../../format/clock.js';

/** The viewer's own time zone (the browser's), `UTC` when it cannot tell. */
export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** "Europe/Berlin (CET)", "UTC": the zone the detail's times are in, named. */
export function zoneLabel(timeZone: string, at: number): string {
  try {
    const short = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    return short && short !== timeZone ? `${timeZone} (${short})` : timeZone;
  } catch {
    return timeZone;
  }
}

/** "2026-11-28 10:14 · 5m ago" in `timeZone`; "—" for no time. */
export function timeWithAge(iso: string | null, now: number, timeZone: string): string {
  if (iso === null) return '—';
  const at = Date.parse(iso);
  return `${formatDateTime(at, timeZone)} · ${formatAge(now - at)} ago`;
}
