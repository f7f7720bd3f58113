const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string | undefined, seconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone ?? ''}|${seconds}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
      ...(timeZone ? { timeZone } : {}),
    });
    formats.set(key, f);
  }
  return f;
}

/** `09:14` (24-hour) in `timeZone`, default the viewer's own. */
export function formatClock(ms: number, timeZone?: string): string {
  return format(timeZone, false).format(ms);
}

/** `09:14:05` in `timeZone`, default the viewer's own. */
export function formatClockSeconds(ms: number, timeZone?: string): string {
  return format(timeZone, true).format(ms);
}

/** `2026-11-28 09:14` in `timeZone` (default the viewer's): unambiguous for logs and tooltips. */
export function formatDateTime(ms: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
