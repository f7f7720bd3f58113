import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileSchemaCheck } from '../../shared/schemaCheck/compileSchemaCheck.js';
import { everySingleMutation, mutatedJson } from '../helpers/jsonMutations.js';

/** A tree through a getter: a cycle without z.lazy. */
interface Tree {
  name: string;
  children: Tree[];
}
const Tree: z.ZodType<Tree> = z.object({
  name: z.string(),
  get children() {
    return z.array(Tree);
  },
});

/** Every kind of node and check zod offers that a JSON protocol might use, with a valid value. */
const zoo: Array<[string, z.ZodType, unknown]> = [
  ['strict object', z.strictObject({ a: z.string(), b: z.number().optional() }), { a: 'x', b: 1 }],
  ['loose object', z.looseObject({ a: z.string() }), { a: 'x', extra: [1] }],
  ['catchall', z.object({ a: z.string() }).catchall(z.number()), { a: 'x', n: 1 }],
  [
    'defaults',
    z.object({
      a: z.string().default('d'),
      b: z.number().int().nullable().default(null),
      c: z.string().default('d').optional(),
      d: z.string().prefault('p'),
    }),
    { a: 'x', b: 1, c: 'y', d: 'q' },
  ],
  [
    'rewriting strings',
    z.object({ name: z.string().trim().min(1).max(5), low: z.string().toLowerCase() }),
    { name: 'ab c', low: 'abc' },
  ],
  [
    'lengths in code points',
    z.object({
      s: z.string().min(2).max(3),
      e: z.string().length(2),
      list: z.array(z.number()).min(1).max(2),
      n: z.array(z.string()).length(1),
    }),
    { s: '😀😀', e: '😀a', list: [1], n: ['a'] },
  ],
  [
    'formats',
    z.object({
      re: z.string().regex(/^a+$/g),
      dt: z.iso.datetime({ offset: true }),
      d: z.iso.date(),
      t: z.iso.time(),
      email: z.email(),
      starts: z.string().startsWith('a'),
    }),
    {
      re: 'aa',
      dt: '2026-11-28T09:00:00+01:00',
      d: '2026-11-28',
      t: '09:00:00',
      email: 'a@example.net',
      starts: 'ab',
    },
  ],
  [
    'numbers',
    z.object({
      i: z.number().int().nonnegative(),
      f: z.number().min(-1.5).lt(10),
      f32: z.float32(),
      u: z.uint32(),
      m: z.number().multipleOf(0.5),
    }),
    { i: 3, f: -1.5, f32: 1.25, u: 7, m: 2.5 },
  ],
  [
    'literals and enums',
    z.object({
      l: z.literal(['a', 1, true, null]),
      e: z.enum(['x', 'y']),
      n: z.enum({ A: 1, B: 2 }),
      b: z.boolean(),
      z: z.null(),
    }),
    { l: 1, e: 'x', n: 2, b: false, z: null },
  ],
  [
    'unions',
    z.object({
      u: z.union([z.string(), z.number().int()]),
      o: z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]),
      x: z.xor([z.string(), z.number()]),
      one: z.union([z.enum(['a', 'b'])]),
    }),
    { u: 'x', o: { b: 'y' }, x: 1, one: 'a' },
  ],
  [
    'discriminated union',
    z.discriminatedUnion('k', [
      z.object({ k: z.literal('a'), v: z.string() }),
      z.strictObject({ k: z.literal(['b', 'c']), n: z.number() }),
    ]),
    { k: 'b', n: 1 },
  ],
  [
    'records',
    z.object({
      r: z.record(z.string(), z.number()),
      keys: z.record(z.string().min(2), z.string()),
      enumKeys: z.record(z.enum(['a', 'b']), z.number()),
      anything: z.record(z.string(), z.unknown()),
    }),
    { r: { a: 1, '1': 2 }, keys: { ab: 'x' }, enumKeys: { a: 1, b: 2 }, anything: { x: [{}] } },
  ],
  [
    'delegated',
    z.object({
      refined: z.string().refine((s) => s !== 'no'),
      transformed: z.string().transform((s) => s), // unchanged: as is
      piped: z.string().pipe(z.string().min(1)),
      lazy: z.lazy(() => z.string()),
      tuple: z.tuple([z.string(), z.number()]),
      date: z.date().optional(),
      nonoptional: z.string().optional().nonoptional(),
    }),
    {
      refined: 'yes',
      transformed: 'abc',
      piped: 'p',
      lazy: 'l',
      tuple: ['a', 1],
      nonoptional: 'n',
    },
  ],
  [
    'readonly, nullable, unknown',
    z.object({
      r: z.object({ a: z.string() }).readonly().nullable(),
      u: z.unknown(),
      any: z.any().optional(),
    }),
    { r: { a: 'x' }, u: { deep: [1, null] } },
  ],
  ['a tree through a getter', Tree, { name: 'a', children: [{ name: 'b', children: [] }] }],
];

/** zod's parse succeeds and returns a value deep-equal to the input. */
function zodTakesAsIs(schema: z.ZodType, json: unknown): boolean {
  const result = schema.safeParse(json, { jitless: true });
  return result.success && isDeepStrictEqual(result.data, json);
}

describe('compileSchemaCheck', () => {
  it.each(zoo)('takes a valid %s as is', (_name, schema, valid) => {
    expect(zodTakesAsIs(schema, valid)).toBe(true);
    expect(compileSchemaCheck(schema).check(valid)).toBe(true);
  });

  it.each(zoo)('answers like zod for every single damage of a %s', (_name, schema, valid) => {
    const { check } = compileSchemaCheck(schema);
    for (const json of everySingleMutation(valid)) {
      const fast = check(json);
      if (fast !== zodTakesAsIs(schema, json)) expect.fail(`${fast}: ${JSON.stringify(json)}`);
    }
  });

  it.each(zoo)('answers like zod for random damage of a %s', (_name, schema, valid) => {
    const { check } = compileSchemaCheck(schema);
    fc.assert(
      fc.property(mutatedJson(valid), (json) => check(json) === zodTakesAsIs(schema, json)),
      { numRuns: 100 },
    );
  });

  it('answers like zod for values that JSON.parse gives but no engine writes', () => {
    const strict = zoo[0]![1];
    const record = z.record(z.string(), z.unknown());
    const cases: Array<[z.ZodType, unknown]> = [
      [strict, JSON.parse('{"a":"x","__proto__":{"b":1}}')],
      [record, JSON.parse('{"__proto__":1}')],
      [record, JSON.parse('{"constructor":{"prototype":1}}')],
      [record, JSON.parse('{"constructor":"x"}')],
      [record, new Map()],
      [record, []],
    ];
    for (const [schema, value] of cases) {
      expect(compileSchemaCheck(schema).check(value)).toBe(zodTakesAsIs(schema, value));
    }
  });

  it('lists what it hands to zod, and why', () => {
    const { delegated, nodeTypes } = compileSchemaCheck(zoo[12]![1], 'Delegated');
    expect(delegated).toEqual([
      { path: 'Delegated.refined', type: 'string', reason: 'has check "custom"' },
      { path: 'Delegated.transformed', type: 'pipe', reason: 'type "pipe" is not compiled' },
      { path: 'Delegated.piped', type: 'pipe', reason: 'type "pipe" is not compiled' },
      { path: 'Delegated.lazy', type: 'lazy', reason: 'type "lazy" is not compiled' },
      { path: 'Delegated.tuple', type: 'tuple', reason: 'type "tuple" is not compiled' },
      { path: 'Delegated.date', type: 'date', reason: 'type "date" is not compiled' },
      {
        path: 'Delegated.nonoptional',
        type: 'nonoptional',
        reason: 'type "nonoptional" is not compiled',
      },
    ]);
    expect(nodeTypes.has('lazy')).toBe(true);
    expect(compileSchemaCheck(zoo[6]![1], 'F').delegated.map((d) => d.reason)).toEqual([
      'has string format "email"',
      'has string format "starts_with"',
    ]);
  });
});
