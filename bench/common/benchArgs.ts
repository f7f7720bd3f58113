import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the benchmark cannot run with; its message is printed with the usage text. */
export class BenchUsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
type Strict<O extends Options> = {
  args: string[];
  strict: true;
  allowPositionals: false;
  options: O;
};

/**
 * The values of a benchmark's options (`parseArgs`, strict, no positionals); an unknown option or
 * a missing value throws a BenchUsageError.
 */
export function parseBenchOptions<const O extends Options>(
  argv: readonly string[],
  options: O,
): ReturnType<typeof parseArgs<Strict<O>>>['values'] {
  try {
    return parseArgs<Strict<O>>({ args: [...argv], strict: true, allowPositionals: false, options })
      .values;
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
}

function whole(name: string, text: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new BenchUsageError(`--${name} must be a whole number from 1 to ${max}.`);
  }
  return n;
}

/** Option `--name` as a whole number from 1 to `max`; `fallback` when it was not given. */
export function wholeOption(
  name: string,
  text: string | undefined,
  fallback: number,
  max: number,
): number {
  return text === undefined ? fallback : whole(name, text, max);
}

/** Option `--name` as comma-separated whole numbers from 1 to `max`; `fallback` when not given. */
export function wholeListOption(
  name: string,
  text: string | undefined,
  fallback: readonly number[],
  max: number,
): number[] {
  if (text === undefined) return [...fallback];
  return text.split(',').map((part) => whole(name, part.trim(), max));
}
