import { z } from 'zod';

/**
 * The checks zod runs after a string, number or array parsed (`.min()`, `.int()`, `.regex()`,
 * `z.iso.datetime()`, `.trim()` …), turned into plain predicates that answer exactly what zod's
 * own check would — same comparisons, same code-point counting, same regular expressions. A
 * check this file does not know (a refinement, `multipleOf`, an e-mail format …) is reported
 * by name so the caller hands the whole node to zod instead.
 */

type Check = z.core.$ZodCheck<never>;

/** Predicates over one kind of value, or why they could not be compiled. */
export type CompiledChecks<T> =
  | {
      readonly test: ((value: T) => boolean) | null;
      /** False when a value failing `test` might still pass zod (`.trim()` rewrites instead). */
      readonly exact: boolean;
    }
  | { readonly unsupported: string };

/** The checks zod runs on `schema`, in its order: a format schema is its own first check. */
export function checksOf(schema: z.core.$ZodType): readonly Check[] {
  const own = schema._zod.def.checks ?? [];
  return schema._zod.traits.has('$ZodCheck') ? [schema as unknown as Check, ...own] : own;
}

/**
 * String formats whose zod check is exactly `pattern.test(value)` and nothing else (see
 * `$ZodCheckStringFormat`, `$ZodCheckRegex`); formats with extra logic (URLs, e-mails, JWTs …)
 * are not listed and go to zod.
 */
const patternOnlyFormats = ['$ZodCheckRegex', '$ZodISODateTime', '$ZodISODate', '$ZodISOTime'];

export function compileStringChecks(checks: readonly Check[]): CompiledChecks<string> {
  const tests: Array<(value: string) => boolean> = [];
  let exact = true;
  for (const check of checks) {
    const def = (check as z.core.$ZodChecks)._zod.def;
    switch (def.check) {
      case 'min_length':
      case 'max_length':
      case 'length_equals':
        tests.push(lengthTest(def, (value: string) => z.core.util.codePointLength(value)));
        break;
      case 'string_format': {
        const pattern = def.pattern;
        const traits = (check._zod as { traits?: ReadonlySet<string> }).traits;
        const known = patternOnlyFormats.some((trait) => traits?.has(trait) === true);
        if (!known || !(pattern instanceof RegExp)) {
          return { unsupported: `string format "${def.format}"` };
        }
        tests.push((value) => {
          pattern.lastIndex = 0; // as zod does: a global pattern keeps its position
          return pattern.test(value);
        });
        break;
      }
      case 'overwrite': {
        // `.trim()`, `.toLowerCase()` …: zod's output is `tx(value)`, equal to the input only
        // when the rewrite changes nothing. A value it would change is not "valid as is".
        const tx = def.tx as (value: string) => unknown;
        tests.push((value) => tx(value) === value);
        exact = false;
        break;
      }
      default:
        return { unsupported: `check "${def.check}"` };
    }
  }
  return { test: allOf(tests), exact };
}

export function compileNumberChecks(checks: readonly Check[]): CompiledChecks<number> {
  const tests: Array<(value: number) => boolean> = [];
  for (const check of checks) {
    const def = (check as z.core.$ZodChecks)._zod.def;
    switch (def.check) {
      case 'number_format': {
        // `.int()` is format "safeint": an integer within ±(2^53 − 1), as $ZodCheckNumberFormat.
        const format = def.format ?? 'float64';
        const [minimum, maximum] = z.core.util.NUMBER_FORMAT_RANGES[format];
        const isInt = format.includes('int');
        tests.push((value) =>
          isInt
            ? Number.isSafeInteger(value) && value >= minimum && value <= maximum
            : value >= minimum && value <= maximum,
        );
        break;
      }
      case 'greater_than': {
        const bound = def.value;
        if (typeof bound !== 'number') return { unsupported: 'greater_than a non-number' };
        tests.push(def.inclusive ? (value) => value >= bound : (value) => value > bound);
        break;
      }
      case 'less_than': {
        const bound = def.value;
        if (typeof bound !== 'number') return { unsupported: 'less_than a non-number' };
        tests.push(def.inclusive ? (value) => value <= bound : (value) => value < bound);
        break;
      }
      default:
        return { unsupported: `check "${def.check}"` };
    }
  }
  return { test: allOf(tests), exact: true };
}

/** `.min()`, `.max()`, `.length()` of an array: counted in elements. */
export function compileArrayChecks(checks: readonly Check[]): CompiledChecks<readonly unknown[]> {
  const tests: Array<(value: readonly unknown[]) => boolean> = [];
  for (const check of checks) {
    const def = (check as z.core.$ZodChecks)._zod.def;
    switch (def.check) {
      case 'min_length':
      case 'max_length':
      case 'length_equals':
        tests.push(lengthTest(def, (value: readonly unknown[]) => value.length));
        break;
      default:
        return { unsupported: `check "${def.check}"` };
    }
  }
  return { test: allOf(tests), exact: true };
}

type LengthDef =
  z.core.$ZodCheckMinLengthDef | z.core.$ZodCheckMaxLengthDef | z.core.$ZodCheckLengthEqualsDef;

/**
 * A length bound as zod checks it: strings in code points (a surrogate pair counts once), which
 * zod only counts when UTF-16 units leave the answer in doubt — so does this.
 */
function lengthTest<T extends { readonly length: number }>(
  def: LengthDef,
  codePoints: (value: T) => number,
): (value: T) => boolean {
  switch (def.check) {
    case 'min_length': {
      const min = def.minimum;
      return (value) => {
        const units = value.length;
        if (units < min) return false;
        return units >= min * 2 || codePoints(value) >= min;
      };
    }
    case 'max_length': {
      const max = def.maximum;
      return (value) => value.length <= max || codePoints(value) <= max;
    }
    case 'length_equals': {
      const length = def.length;
      return (value) => {
        const units = value.length;
        if (units < length || units > length * 2) return false;
        return codePoints(value) === length;
      };
    }
  }
}

function allOf<T>(tests: ReadonlyArray<(value: T) => boolean>): ((value: T) => boolean) | null {
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0]!;
  return (value) => {
    for (const test of tests) if (!test(value)) return false;
    return true;
  };
}
