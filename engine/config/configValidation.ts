import { z } from 'zod';
import { ConfigError, dottedPath, type ConfigFile, type ConfigProblem } from './configFile.js';
import { normalKey, type AnyConfigKind } from './configKind.js';

/**
 * Checks a whole configuration file before anything talks to an engine: the shape of every
 * section (zod schemas, mostly the REST API's own from shared/api), keys defined twice, and
 * the model's rules of schedules and escalation policies (the shared validation the engine
 * runs too). Every problem is reported with its line, all at once; any error stops the command.
 */

/** The sections a file has, in the registry's (dependency) order. */
export interface ValidConfig {
  readonly file: ConfigFile;
  /** Absent sections are not managed: --prune leaves their kinds alone. */
  readonly sections: ReadonlyArray<{ readonly kind: AnyConfigKind; readonly entries: unknown[] }>;
}

/** The current format of the file; a newer one gets a new number. */
export const configFormatVersion = 1;

function fileSchema(kinds: readonly AnyConfigKind[]) {
  const sections = Object.fromEntries(
    kinds.map((kind) => [
      kind.section,
      z.array(kind.entry, { error: `${kind.section} is a list of ${kind.noun}s` }).optional(),
    ]),
  );
  return z.strictObject(
    {
      version: z
        .literal(configFormatVersion, {
          error: `version is ${configFormatVersion}: the format this nocturne reads`,
        })
        .optional(),
      ...sections,
    },
    { error: `a configuration is a map of sections: ${kinds.map((k) => k.section).join(', ')}` },
  );
}

function schemaProblems(
  file: ConfigFile,
  issues: readonly z.core.$ZodIssue[],
  kinds: readonly AnyConfigKind[],
): ConfigProblem[] {
  return issues.flatMap((issue): ConfigProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        where: file.whereKey(issue.path as PropertyKey[] as string[], key),
        severity: 'error',
        message:
          issue.path.length === 0
            ? `unknown section "${key}": the sections are ${['version', ...kinds.map((k) => k.section)].join(', ')}`
            : `${dottedPath([...(issue.path as string[]), key])}: unknown field "${key}": remove it or correct its spelling`,
      }));
    }
    const path = issue.path as Array<string | number>;
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    const message = missing ? 'this field is required' : issue.message;
    return [file.problem(path, path.length > 0 ? `${dottedPath(path)}: ${message}` : message)];
  });
}

/**
 * The entries of a file that failed the schema which parse on their own, at their own index
 * (the others are left out; an empty slot keeps the indexes of the file).
 */
function parsedEntries(data: unknown, kinds: readonly AnyConfigKind[]): ValidConfig['sections'] {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  return kinds.flatMap((kind) => {
    const list = record[kind.section];
    if (!Array.isArray(list)) return [];
    const entries = list.map((item) => {
      const entry = kind.entry.safeParse(item);
      return entry.success ? entry.data : undefined;
    });
    return [{ kind, entries }];
  });
}

/** Keys defined twice in one section, and each entry's own model rules. */
function entryProblems(file: ConfigFile, sections: ValidConfig['sections']): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const { kind, entries } of sections) {
    const first = new Map<string, number>();
    entries.forEach((entry, index) => {
      if (entry === undefined) return; // did not parse: its schema problems are reported
      const key = kind.keyOf(entry);
      const seen = first.get(normalKey(key));
      if (seen !== undefined) {
        const other = file.where([kind.section, seen]).replace(/:\d+$/, '');
        problems.push(
          file.problem(
            [kind.section, index],
            `${kind.section}.${index}: ${kind.noun} "${key}" is defined twice (also at ${other}); keys are compared ignoring case`,
          ),
        );
      } else first.set(normalKey(key), index);
      for (const problem of kind.check?.(entry) ?? []) {
        const path = [kind.section, index, ...problem.path];
        problems.push(
          file.problem(path, `${dottedPath(path)}: ${problem.message}`, problem.severity),
        );
      }
    });
  }
  return problems;
}

/**
 * The file as valid configuration, or ConfigError with every problem. Warnings (a layer that
 * is never on call …) come back in `warnings` and do not stop anything.
 */
export function validateConfig(
  file: ConfigFile,
  kinds: readonly AnyConfigKind[],
): { config: ValidConfig; warnings: ConfigProblem[] } {
  const data = file.data();
  const parsed = fileSchema(kinds).safeParse(data, { reportInput: true });
  if (!parsed.success) {
    // The entries that do parse get their own checks too: one run shows every problem.
    throw new ConfigError([
      ...schemaProblems(file, parsed.error.issues, kinds),
      ...entryProblems(file, parsedEntries(data, kinds)),
    ]);
  }
  const valid = parsed.data as Record<string, unknown[] | undefined>;
  const sections = kinds.flatMap((kind) => {
    const entries = valid[kind.section];
    return entries === undefined ? [] : [{ kind, entries }];
  });
  const problems = entryProblems(file, sections);
  if (problems.some((p) => p.severity === 'error')) throw new ConfigError(problems);
  return { config: { file, sections }, warnings: problems };
}
