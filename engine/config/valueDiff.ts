/**
 * Field-by-field differences between two configuration values, for the plan: objects and lists
 * of objects are compared member by member, so a changed rotation shows as
 * `layers.0.rotation.turn.length: 1 → 2` rather than as two whole schedules. Lists of plain
 * values (`users: [a, b]`) are shown whole, as people read them.
 */

export interface FieldChange {
  /** Dotted: `levels.1.timeoutMinutes`; empty for the value as a whole. */
  readonly path: string;
  /** `undefined`: the field is not there before (or after). */
  readonly before: unknown;
  readonly after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Lists of objects are compared item by item; lists of plain values as one value. */
const isListOfObjects = (v: unknown): v is unknown[] =>
  Array.isArray(v) && v.some((item) => isObject(item) || Array.isArray(item));

const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`);

/** Deep equality of JSON-like values (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return false;
}

/**
 * Items equal on both sides are set aside first, whatever their positions (a member added to a
 * sorted list moves the others). If as many went as came, they are paired in order and compared
 * field by field (a layer whose rotation changed); otherwise each shows whole, gone or new.
 */
function diffLists(before: unknown[], after: unknown[], path: string): FieldChange[] {
  const matched = new Set<number>();
  const came: number[] = [];
  after.forEach((item, i) => {
    const j = before.findIndex((other, k) => !matched.has(k) && sameValue(item, other));
    if (j >= 0) matched.add(j);
    else came.push(i);
  });
  const went = before.flatMap((_, k) => (matched.has(k) ? [] : [k]));
  if (went.length === came.length) {
    return came.flatMap((i, n) => diffValues(before[went[n]!], after[i], join(path, i)));
  }
  return [
    ...went.map((k) => ({ path, before: before[k], after: undefined })),
    ...came.map((i) => ({ path, before: undefined, after: after[i] })),
  ];
}

/** Every leaf that differs between `before` and `after` (`undefined` on either side: absent). */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (sameValue(before, after)) return [];
  if ((isObject(before) || before === undefined) && (isObject(after) || after === undefined)) {
    const b = before ?? {};
    const a = after ?? {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys.flatMap((key) => diffValues(b[key], a[key], join(path, key)));
  }
  if (isListOfObjects(before) || isListOfObjects(after)) {
    return diffLists(Array.isArray(before) ? before : [], Array.isArray(after) ? after : [], path);
  }
  return [{ path, before, after }];
}

/** A value as the plan shows it: text quoted, lists inline, absent as `(none)`. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (Array.isArray(value)) return `[${value.map(showValue).join(', ')}]`;
  if (isObject(value)) {
    // Inside an object, fields without a value are left out: `{channel: "console", …}`.
    return `{${Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k}: ${showValue(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}
