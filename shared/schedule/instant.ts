import { DateTime } from 'luxon';

// RFC 3339 date-time with an offset, as the Instant schema accepts it.
const rfc3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Epoch milliseconds of an RFC 3339 instant (`Z` or `±HH:MM`; digits past milliseconds are cut).
 * Parsed by hand rather than with `Date.parse`, whose handling of more than three fraction digits
 * differs between JavaScript engines. Returns NaN for anything else.
 */
export function parseInstant(text: string): number {
  const m = rfc3339.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m;
  const ms = Number((frac ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    ms,
  );
  // Date.UTC rolls 02-30 over to 03-01; the schema refuses such dates, this only double-checks.
  if (new Date(local).getUTCDate() !== Number(d) || Number(s) > 59) return NaN;
  const offsetMinutes = z === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return local - offsetMinutes * 60_000;
}

/**
 * `ms` as an ISO 8601 instant with the local offset of `timeZone`, e.g.
 * `2024-03-31T09:00:00.000+02:00`: what a person in that zone reads, and still an exact instant.
 */
export function toZonedIso(ms: number, timeZone: string): string {
  const iso = DateTime.fromMillis(ms, { zone: timeZone }).toISO();
  if (iso === null) throw new RangeError(`Cannot express ${ms} in time zone ${timeZone}.`);
  return iso;
}
