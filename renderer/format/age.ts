const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A duration as a queue shows an alert's age: `<1m`, `7m`, `2h 05m`, `3d 04h`. Two units at
 * most, so the column stays narrow and scans fast. Negative durations (clock skew between the
 * engine and this machine) read as `<1m`.
 */
export function formatAge(ms: number): string {
  if (ms < minute) return '<1m';
  if (ms < hour) return `${Math.floor(ms / minute)}m`;
  if (ms < day) return `${Math.floor(ms / hour)}h ${pad(Math.floor((ms % hour) / minute))}m`;
  return `${Math.floor(ms / day)}d ${pad(Math.floor((ms % day) / hour))}h`;
}

/** Age of something created at `iso` (RFC 3339), at `now`. */
export function ageOf(iso: string, now: number): string {
  return formatAge(now - Date.parse(iso));
}
