import type { ConfigProblem } from './configFile.js';
import type { ConfigDirectory } from './configDirectory.js';
import type { AnyConfigKind } from './configKind.js';
import type { ValidConfig } from './configValidation.js';

/**
 * References by natural key (`schedule: Ops primary`, a member's email) must name exactly one
 * object that exists after the apply: one the file defines, or one the engine has that --prune
 * does not delete. Checked against the engine's state before anything changes, with the line of
 * each bad reference.
 */
export function checkReferences(
  config: ValidConfig,
  directory: ConfigDirectory,
  kinds: readonly AnyConfigKind[],
): ConfigProblem[] {
  const { file } = config;
  const noun = (section: string) => kinds.find((k) => k.section === section)?.noun ?? section;
  const ambiguous = (section: string, key: string) => {
    const ids = directory.idsOf(section, key);
    return `the engine has ${ids.length} ${noun(section)}s named "${key}" (ids ${ids.join(', ')}): rename or delete all but one, then apply again`;
  };
  const problems: ConfigProblem[] = [];
  for (const { kind, entries } of config.sections) {
    entries.forEach((entry, index) => {
      const key = kind.keyOf(entry);
      if (directory.status(kind.section, key) === 'ambiguous') {
        problems.push(file.problem([kind.section, index], ambiguous(kind.section, key)));
      }
      for (const ref of kind.references(entry)) {
        const path = [kind.section, index, ...ref.path];
        const what = `${noun(ref.kind)} "${ref.key}"`;
        switch (directory.status(ref.kind, ref.key)) {
          case 'file':
          case 'engine':
            break;
          case 'ambiguous':
            problems.push(file.problem(path, ambiguous(ref.kind, ref.key)));
            break;
          case 'pruned':
            problems.push(
              file.problem(
                path,
                `${what} is not in this file, so --prune would delete it: add it under ${ref.kind}, or apply without --prune`,
              ),
            );
            break;
          case 'unknown': {
            const known = directory.suggestions(ref.kind);
            const hint = known.length > 0 ? ` (known: ${known.join(', ')})` : '';
            problems.push(
              file.problem(
                path,
                `unknown ${what}: define it under ${ref.kind} in this file, or name one the engine has${hint}`,
              ),
            );
            break;
          }
        }
      }
    });
  }
  return problems;
}
