import { z } from 'zod';
import { jsonEqual } from './jsonEqual.js';
import {
  checksOf,
  compileArrayChecks,
  compileNumberChecks,
  compileStringChecks,
  type CompiledChecks,
} from './leafChecks.js';
import {
  Inline,
  arrayCheck,
  discriminatedCheck,
  objectCheck,
  plain,
  recordCheck,
  unionCheck,
  type Compiled,
  type ObjectField,
  type ValueCheck,
} from './valueChecks.js';

/**
 * A validator compiled from a zod schema into plain closures — no `eval`, no `new Function`, so
 * it runs under a CSP without 'unsafe-eval', where zod itself must take its slow generic path.
 * It checks a parsed JSON value in place: no copy, no list of issues, one boolean.
 *
 * The contract: `check(value) === true` ⇒ `schema.safeParse(value)` succeeds and its output
 * deep-equals `value` (not frozen where zod would freeze `.readonly()` objects). `false` means
 * "not sure": the value may be invalid, or valid but changed by parsing (an unknown key zod
 * strips, a default it fills in, a string `.trim()` would change). Callers then run zod, which
 * gives the precise error or the stripped value. Values are JSON.parse output (own data
 * properties, plain objects and arrays).
 *
 * The zod schemas stay the single source of truth: this walks their definitions
 * (`schema._zod.def`). A node it cannot check exactly — a refinement, a transform, a lazy, a
 * format with logic beyond one regular expression — is delegated: checked by zod itself (its
 * parse of that value, compared with the value), and listed in `delegated` so a test notices.
 */
export interface SchemaCheck {
  readonly check: (value: unknown) => boolean;
  /** The nodes checked by zod itself, with the path of the first place each was met. */
  readonly delegated: readonly DelegatedNode[];
  /** Every node type (`def.type`) met while compiling. */
  readonly nodeTypes: ReadonlySet<string>;
}

export interface DelegatedNode {
  /** `root.alerts[].labels{}`: `.key` of an object, `[]` an array element, `{}` a record value,
   * `<tag>` a discriminated union's option, `|n` a union's option. */
  readonly path: string;
  readonly type: string;
  readonly reason: string;
}

type Schema = z.core.$ZodType;

const always: ValueCheck = () => true;
const leafOf = (inline: Inline, check: ValueCheck): Compiled => ({ check, exact: true, inline });

export function compileSchemaCheck(root: Schema, rootPath = 'root'): SchemaCheck {
  const delegated: DelegatedNode[] = [];
  const nodeTypes = new Set<string>();
  const done = new Map<Schema, Compiled>();
  // A schema met again while it is being compiled (a cycle through getters): forward to it.
  const inProgress = new Map<Schema, { check: ValueCheck | null }>();

  function compile(schema: Schema, path: string): Compiled {
    const known = done.get(schema);
    if (known) return known;
    const cycle = inProgress.get(schema);
    if (cycle) return plain((value) => cycle.check!(value), false);
    const slot: { check: ValueCheck | null } = { check: null };
    inProgress.set(schema, slot);
    const compiled = compileNode(schema, path);
    slot.check = compiled.check;
    inProgress.delete(schema);
    done.set(schema, compiled);
    return compiled;
  }

  function delegate(schema: Schema, path: string, reason: string): Compiled {
    delegated.push({ path, type: schema._zod.def.type, reason });
    return plain(checkWithZod(schema), false);
  }

  function compileNode(schema: Schema, path: string): Compiled {
    const def = (schema as z.core.$ZodTypes)._zod.def;
    nodeTypes.add(def.type);
    const checks = checksOf(schema);
    switch (def.type) {
      case 'string':
        if (def.coerce) return delegate(schema, path, 'coerces');
        return leaf(schema, path, compileStringChecks(checks), Inline.string, isString);
      case 'number':
        if (def.coerce) return delegate(schema, path, 'coerces');
        if (isOnlySafeInt(checks)) return leafOf(Inline.safeInteger, Number.isSafeInteger);
        // zod's number refuses NaN and ±Infinity before any check.
        return leaf(schema, path, compileNumberChecks(checks), Inline.none, Number.isFinite);
      case 'array': {
        const compiled = compileArrayChecks(checks);
        if ('unsupported' in compiled) return delegate(schema, path, `has ${compiled.unsupported}`);
        const element = compile(def.element, `${path}[]`);
        return plain(arrayCheck(element, compiled.test), element.exact && compiled.exact);
      }
      case 'object':
      case 'record':
      case 'union':
      case 'boolean':
      case 'enum':
      case 'literal':
      case 'null':
      case 'unknown':
      case 'any':
      case 'nullable':
      case 'optional':
      case 'default':
      case 'prefault':
      case 'readonly':
        // Checks on these (a `.refine()`, a `.superRefine()`) carry code only zod can run.
        if (checks.length > 0) return delegate(schema, path, `has ${checkNames(checks)}`);
        return compileStructure(schema, def, path);
      default:
        return delegate(schema, path, `type "${def.type}" is not compiled`);
    }
  }

  function compileStructure(
    schema: Schema,
    def: z.core.$ZodTypes['_zod']['def'],
    path: string,
  ): Compiled {
    switch (def.type) {
      case 'boolean':
        if (def.coerce) return delegate(schema, path, 'coerces');
        return leafOf(Inline.boolean, (v) => typeof v === 'boolean');
      case 'enum':
      case 'literal': {
        const values = schema._zod.values as ReadonlySet<unknown>;
        const check: ValueCheck = (v) => values.has(v);
        // Inlined tests refuse undefined; a literal undefined must keep its closure.
        if (values.has(undefined)) return plain(check, true);
        return { check, exact: true, inline: Inline.oneOf, values };
      }
      case 'null':
        return leafOf(Inline.none, (v) => v === null);
      case 'unknown':
      case 'any':
        return leafOf(Inline.none, always);
      case 'nullable': {
        const inner = compile(def.innerType, path);
        const check = inner.check;
        return {
          check: (v) => v === null || check(v),
          exact: inner.exact,
          inline: nullableInline(inner.inline),
          ...(inner.values ? { values: inner.values } : {}),
        };
      }
      case 'optional': {
        const inner = compile(def.innerType, path);
        if (schema._zod.traits.has('$ZodExactOptional')) return inner;
        // An optional around a default fills the default in for undefined: not "as is".
        const fillsIn = def.innerType._zod.optin === 'defaulted';
        const check = inner.check;
        return {
          ...inner,
          check: (v) => (v === undefined ? !fillsIn : check(v)),
          exact: inner.exact && !fillsIn,
        };
      }
      case 'default':
      case 'prefault': {
        // Present: parsed by the inner schema. Absent: zod fills the default in, not "as is".
        const inner = compile(def.innerType, path);
        const check = inner.check;
        return { ...inner, check: (v) => v !== undefined && check(v), exact: false };
      }
      case 'readonly':
        // zod freezes its output; the value is checked as it is and left unfrozen.
        return compile(def.innerType, path);
      case 'object':
        return compileObject(def, schema, path);
      case 'record': {
        const keyType = def.keyType;
        // Enumerated keys (z.record(z.enum(…), …)) make zod require each of them: not compiled.
        if (keyType._zod.values || keyType._zod.def.type !== 'string') {
          return delegate(schema, path, 'keys are not plain strings');
        }
        const key = compile(keyType, `${path}{key}`);
        return plain(recordCheck(key, compile(def.valueType, `${path}{}`)), false);
      }
      case 'union':
        return compileUnion(def, schema, path);
      default:
        return delegate(schema, path, `type "${def.type}" is not compiled`);
    }
  }

  function leaf<T>(
    schema: Schema,
    path: string,
    checks: CompiledChecks<T>,
    inline: Inline,
    isType: (value: unknown) => boolean,
  ): Compiled {
    if ('unsupported' in checks) return delegate(schema, path, `has ${checks.unsupported}`);
    const test = checks.test as ((value: unknown) => boolean) | null;
    if (!test) return leafOf(inline, isType);
    return plain((v) => isType(v) && test(v), checks.exact);
  }

  function compileObject(def: z.core.$ZodObjectDef, schema: Schema, path: string): Compiled {
    const shape = def.shape;
    if (Object.getOwnPropertySymbols(shape).length > 0) {
      return delegate(schema, path, 'has symbol keys');
    }
    const keys = Object.keys(shape);
    // zod never copies a declared __proto__ key to its output.
    if (keys.includes('__proto__')) return delegate(schema, path, 'declares __proto__');
    const fields = keys.map((key): ObjectField => {
      const field = shape[key]!;
      return {
        key,
        node: compile(field, `${path}.${key}`),
        // zod leaves an absent key absent only for these (z.object's handlePropertyResult);
        // for anything else absence is an error or a filled-in default.
        absentIsFine: field._zod.optin === 'optional' && field._zod.optout === 'optional',
      };
    });
    const catchall = def.catchall;
    // A loose object (passthrough, catchall) keeps unknown keys, and checks them.
    const rest =
      catchall !== undefined && catchall._zod.def.type !== 'never'
        ? compile(catchall, `${path}.*`)
        : null;
    return plain(objectCheck(fields, rest), false);
  }

  function compileUnion(def: z.core.$ZodUnionDef, schema: Schema, path: string): Compiled {
    const discriminator = (def as Partial<z.core.$ZodDiscriminatedUnionDef>).discriminator;
    if (discriminator !== undefined) {
      // The same lookup as zod's discriminatorMap: each option's values of the discriminator.
      const byTag = new Map<unknown, Compiled | null>();
      for (const option of def.options) {
        const tags = option._zod.propValues?.[discriminator] ?? new Set();
        const first: unknown = tags.values().next().value;
        const compiled = compile(option, `${path}<${String(first)}>`);
        for (const tag of tags) byTag.set(tag, byTag.has(tag) ? null : compiled);
      }
      return plain(discriminatedCheck(discriminator, byTag), false);
    }
    if (def.inclusive === false) return delegate(schema, path, 'exclusive union (xor)');
    const options = def.options.map((option, i) => compile(option, `${path}|${i}`));
    if (options.length === 1) return options[0]!;
    // zod returns the first option that succeeds: an option that says false must really fail,
    // or a later option's "as is" could hide an earlier option's changed output.
    if (!options.every((option) => option.exact)) {
      return delegate(schema, path, 'union of options that can change their value');
    }
    return plain(unionCheck(options), true);
  }

  const compiled = compile(root, rootPath);
  return { check: compiled.check, delegated, nodeTypes };
}

const isString: ValueCheck = (v) => typeof v === 'string';

function nullableInline(inner: Inline): Inline {
  switch (inner) {
    case Inline.string:
    case Inline.nullableString:
      return Inline.nullableString;
    case Inline.oneOf:
    case Inline.nullableOneOf:
      return Inline.nullableOneOf;
    default:
      return Inline.none;
  }
}

/** `.int()` alone: zod's number parse and its safeint check are Number.isSafeInteger together. */
function isOnlySafeInt(checks: readonly z.core.$ZodCheck<never>[]): boolean {
  if (checks.length !== 1) return false;
  const def = (checks[0] as z.core.$ZodChecks)._zod.def;
  return def.check === 'number_format' && def.format === 'safeint';
}

/** A delegated node: zod parses the value, which must come back unchanged. */
function checkWithZod(schema: Schema): ValueCheck {
  return (value) => {
    try {
      const result = z.safeParse(schema, value);
      return result.success && jsonEqual(result.data, value);
    } catch {
      return false; // an async refinement: only zod's own path can run it
    }
  };
}

function checkNames(checks: readonly z.core.$ZodCheck<never>[]): string {
  return checks.map((check) => `check "${check._zod.def.check}"`).join(', ');
}
