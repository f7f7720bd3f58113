import fc from 'fast-check';

/**
 * Arbitrary small damage to a JSON value — what a buggy or hostile peer could send: a key
 * dropped or added (`__proto__` and `constructor` included), a value of the wrong type, null
 * where none is allowed, a float for an integer, a near-miss enum value or time, an array
 * element removed or doubled — anywhere in the tree. The result has been through
 * JSON.stringify and JSON.parse, as a frame's content has.
 */
export function mutatedJson(valid: unknown): fc.Arbitrary<unknown> {
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => {
    let root = structuredClone(valid);
    for (const m of mutations) root = applyMutation(root, m);
    return JSON.parse(JSON.stringify(root)) as unknown;
  });
}

/**
 * Every one-step damage of `valid`, exhaustively: each value replaced by each of `values`, each
 * key or element dropped, an unknown key (and an own `__proto__`) added to each object.
 */
export function* everySingleMutation(
  valid: unknown,
  values: readonly unknown[] = nearMisses,
): Generator<unknown> {
  const paths: Path[] = [];
  collectPaths(valid, [], paths);
  for (let at = 0; at < paths.length; at += 1) {
    const ops: Mutation[] = [
      ...values.map((value) => ({ at, op: 'replace' as const, key: '', value })),
      { at, op: 'drop', key: '', value: null },
      { at, op: 'add', key: 'extra', value: 'x' },
      { at, op: 'add', key: '__proto__', value: {} },
    ];
    for (const m of ops) {
      yield JSON.parse(JSON.stringify(applyMutation(structuredClone(valid), m))) as unknown;
    }
  }
}

type Path = ReadonlyArray<string | number>;
type Container = Record<string, unknown> | unknown[];

interface Mutation {
  readonly at: number;
  readonly op: 'replace' | 'drop' | 'add' | 'duplicate';
  readonly key: string;
  readonly value: unknown;
}

/** Values that look like the protocol's: enum members of other fields, times, ids, edges. */
export const nearMisses: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  1,
  -1,
  1.5,
  2 ** 53,
  -(2 ** 53),
  1e308,
  '',
  ' ',
  ' x ',
  'x',
  '1',
  'PENDING',
  'ACCEPTED',
  'RESOLVED',
  'HIGH',
  'LOW',
  'critical',
  'alertmanager',
  'admin',
  'manager',
  'overdue',
  'alert',
  'shift',
  'test',
  'user',
  'schedule',
  'team',
  'daily',
  'weekly',
  'hours',
  'once',
  'recurring',
  'exhausted',
  'snapshot',
  'delta',
  'alertSource.removed',
  'slow_consumer',
  'not_found',
  'unknown_code',
  'Europe/Berlin',
  'Mars/Olympus',
  '+02:00',
  '2026-11-28T09:00:00Z',
  '2026-11-28T09:00:00',
  '2026-11-28T09:00:00.000+01:00',
  '09:00',
  '24:00',
  '9:00',
  '😀'.repeat(33),
  'a'.repeat(65),
  [],
  {},
  ['1'],
  [1],
  { a: 'b' },
  { id: '1' },
];

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'replace', 'drop', 'add', 'duplicate'),
  key: fc.constantFrom('__proto__', 'constructor', 'toString', 'extra', 'id', 'type', 'kind', ''),
  value: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...nearMisses) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  ),
});

function applyMutation(root: unknown, m: Mutation): unknown {
  const paths: Path[] = [];
  collectPaths(root, [], paths);
  const path = paths[m.at % paths.length]!;
  if (path.length === 0) return m.op === 'replace' ? m.value : root;
  const parent = at(root, path.slice(0, -1)) as Container;
  const last = path[path.length - 1]!;
  const target = at(root, path);
  switch (m.op) {
    case 'replace':
      put(parent, last, m.value);
      break;
    case 'drop':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last as string];
      break;
    case 'add':
      if (Array.isArray(target)) target.push(m.value);
      else if (isRecord(target)) put(target, m.key, m.value);
      else put(parent, last, m.value);
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(last as number, 0, structuredClone(target));
      break;
  }
  return root;
}

/** Own, enumerable, even for `__proto__` (which plain assignment would turn into a prototype). */
function put(container: Container, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, {
    value: structuredClone(value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function collectPaths(value: unknown, path: Path, out: Path[]): void {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => collectPaths(item, [...path, i], out));
  else if (isRecord(value)) {
    for (const key of Object.keys(value)) collectPaths(value[key], [...path, key], out);
  }
}

function at(root: unknown, path: Path): unknown {
  let value = root;
  for (const step of path) value = (value as Record<string | number, unknown>)[step];
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
