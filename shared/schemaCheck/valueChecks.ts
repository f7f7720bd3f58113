import { z } from 'zod';

/**
 * The closures compileSchemaCheck assembles: objects, records, arrays and unions, checked the way
 * zod parses them (schemas.js in zod/v4/core), answering only "zod returns this value as is".
 */

export type ValueCheck = (value: unknown) => boolean;

/** Leaf kinds a container tests inline, without calling a closure (most fields of an alert). */
export const Inline = {
  none: 0,
  string: 1,
  nullableString: 2,
  safeInteger: 3,
  boolean: 4,
  oneOf: 5,
  nullableOneOf: 6,
} as const;
export type Inline = (typeof Inline)[keyof typeof Inline];

/** One schema node compiled. */
export interface Compiled {
  readonly check: ValueCheck;
  /** `check` answers false only when zod fails too (needed to pick a union's option as zod does). */
  readonly exact: boolean;
  /**
   * How a container may test this node inline instead of calling `check`: the same answer for
   * every value, except that it refuses `undefined` where an optional would take it (stricter,
   * so still safe). `values` for `oneOf` kinds.
   */
  readonly inline: Inline;
  readonly values?: ReadonlySet<unknown>;
}

/** `check` with nothing to inline. */
export const plain = (check: ValueCheck, exact: boolean): Compiled => ({
  check,
  exact,
  inline: Inline.none,
});

/** Whether `value` passes `node`: inline for the leaf kinds, else through its closure. */
function passes(node: Compiled, value: unknown): boolean {
  switch (node.inline) {
    case Inline.string:
      return typeof value === 'string';
    case Inline.nullableString:
      return value === null || typeof value === 'string';
    case Inline.safeInteger:
      return Number.isSafeInteger(value);
    case Inline.boolean:
      return typeof value === 'boolean';
    case Inline.oneOf:
      return node.values!.has(value);
    case Inline.nullableOneOf:
      return value === null || node.values!.has(value);
    default:
      return node.check(value);
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ObjectField {
  readonly key: string;
  readonly node: Compiled;
  /** zod leaves the key absent in its output when it is absent in the input. */
  readonly absentIsFine: boolean;
}

/**
 * z.object (strips unknown keys) and z.strictObject (refuses them): an unknown key means zod's
 * output differs or zod fails, so the answer is false; `rest` is a loose object's catchall.
 */
export function objectCheck(fields: readonly ObjectField[], rest: Compiled | null): ValueCheck {
  const count = fields.length;
  const keys = new Set(fields.map((field) => field.key));
  /** How many declared keys `v` has, all valid; -1 when one is missing or invalid. */
  const checkFields = (v: Record<string, unknown>): number => {
    let present = 0;
    for (let i = 0; i < count; i += 1) {
      const field = fields[i]!;
      const value = v[field.key];
      // One lookup for the common case; `in` (as zod asks) only to tell absent from undefined.
      if (value === undefined && !(field.key in v)) {
        if (!field.absentIsFine) return -1;
      } else if (passes(field.node, value)) {
        present += 1;
      } else return -1;
    }
    return present;
  };
  if (rest) {
    return (v) => {
      if (!isObject(v) || checkFields(v) < 0) return false;
      for (const key in v) {
        if (keys.has(key)) continue;
        // zod never copies an unknown __proto__ key to its output.
        if (key === '__proto__' || !passes(rest, v[key])) return false;
      }
      return true;
    };
  }
  // Counting the keys finds an unknown one without hashing, unless a declared key is also an
  // Object.prototype property (which `in` finds on every object).
  if ([...keys].some((key) => key in Object.prototype)) {
    return (v) => {
      if (!isObject(v) || checkFields(v) < 0) return false;
      for (const key in v) if (!keys.has(key)) return false;
      return true;
    };
  }
  return (v) => {
    if (!isObject(v)) return false;
    const present = checkFields(v);
    if (present < 0) return false;
    let own = 0;
    for (const _key in v) own += 1;
    return own === present;
  };
}

/** z.record with string keys: every own key checked, and its value. */
export function recordCheck(key: Compiled, value: Compiled): ValueCheck {
  const anyKey = key.inline === Inline.string; // z.string() without checks: every key passes
  const isPlainObject = z.core.util.isPlainObject;
  return (v) => {
    // A JSON object without its own `constructor` is what zod calls plain; else ask zod.
    if (!isObject(v)) return false;
    if (Object.getPrototypeOf(v) !== Object.prototype || Object.hasOwn(v, 'constructor')) {
      if (!isPlainObject(v)) return false;
    }
    for (const name in v) {
      // zod drops a __proto__ key from its output.
      if (name === '__proto__' || !(anyKey || passes(key, name)) || !passes(value, v[name])) {
        return false;
      }
    }
    return true;
  };
}

export function arrayCheck(
  element: Compiled,
  test: ((value: readonly unknown[]) => boolean) | null,
): ValueCheck {
  return (v) => {
    if (!Array.isArray(v)) return false;
    if (test && !test(v)) return false;
    for (let i = 0; i < v.length; i += 1) if (!passes(element, v[i])) return false;
    return true;
  };
}

/** zod's discriminated union: the option the discriminator names (null: claimed twice). */
export function discriminatedCheck(
  discriminator: string,
  byTag: ReadonlyMap<unknown, Compiled | null>,
): ValueCheck {
  return (v) => {
    if (!isObject(v)) return false;
    const option = byTag.get(v[discriminator]);
    return option ? option.check(v) : false;
  };
}

/** zod's union returns the first option that succeeds: with exact options, any that passes. */
export function unionCheck(options: readonly Compiled[]): ValueCheck {
  return (v) => options.some((option) => passes(option, v));
}
