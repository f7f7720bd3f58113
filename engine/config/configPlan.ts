import { ConfigError } from './configFile.js';
import { ConfigDirectory, type EngineState } from './configDirectory.js';
import type { AnyConfigKind, ApplyContext, ConfigPath, EngineObject } from './configKind.js';
import { checkReferences } from './configReferences.js';
import type { ValidConfig } from './configValidation.js';
import { diffValues, type FieldChange } from './valueDiff.js';

/**
 * The plan: what applying a configuration would create, change and delete, computed by
 * comparing each entry with its engine object written as configuration (the same code as
 * export), so that a configuration applied twice plans nothing the second time.
 */

interface ChangeBase {
  readonly kind: AnyConfigKind;
  /** The natural key, as the file spells it (or the engine, for deletions). */
  readonly key: string;
}

export type PlannedChange =
  | (ChangeBase & {
      readonly action: 'create';
      /** Where the entry is in the file. */
      readonly at: ConfigPath;
      readonly desired: unknown;
      readonly fields: readonly FieldChange[];
    })
  | (ChangeBase & {
      readonly action: 'update';
      readonly at: ConfigPath;
      readonly current: EngineObject<unknown>;
      readonly desired: unknown;
      readonly before: unknown;
      readonly fields: readonly FieldChange[];
    })
  | (ChangeBase & {
      readonly action: 'delete';
      readonly current: EngineObject<unknown>;
      readonly note: string | null;
    });

export interface ConfigPlan {
  /** In the registry's order; apply deletes in reverse order, after creating and changing. */
  readonly changes: readonly PlannedChange[];
  readonly unchanged: number;
  /** Objects --prune leaves in place, and why. */
  readonly kept: readonly string[];
  /** Keys ↔ ids, for apply (which adds the ids of what it creates). */
  readonly directory: ConfigDirectory;
}

export interface PlanOptions {
  readonly prune: boolean;
  readonly context: ApplyContext;
}

/** An engine object as canonical configuration, comparable with an entry of the file. */
function asConfig(kind: AnyConfigKind, current: EngineObject<unknown>, directory: ConfigDirectory) {
  const written = kind.toConfig(current.value, directory);
  const parsed = kind.entry.safeParse(written);
  // An object the file format cannot express (a schedule naming a deleted user) is compared as
  // written: the plan then shows it changing into what the file says.
  return parsed.success
    ? { value: kind.withReferences(parsed.data, (k, key) => directory.spell(k, key)), parsed: true }
    : { value: written, parsed: false };
}

/**
 * Compares the file with the engine's state; ConfigError (with lines) when a reference names
 * nothing, or something --prune would delete.
 */
export function buildPlan(
  config: ValidConfig,
  state: EngineState,
  kinds: readonly AnyConfigKind[],
  options: PlanOptions,
): ConfigPlan {
  const directory = new ConfigDirectory(state);
  for (const { kind, entries } of config.sections) {
    for (const entry of entries) directory.defineInFile(kind.section, kind.keyOf(entry));
  }
  const spell = (kind: string, key: string) => directory.spell(kind, key);
  const changes: PlannedChange[] = [];
  const kept: string[] = [];
  let unchanged = 0;

  for (const { kind, entries } of config.sections) {
    const objects = state.get(kind.section) ?? [];
    const matched = new Set<string>();
    entries.forEach((entry, index) => {
      const key = kind.keyOf(entry);
      const ids = directory.idsOf(kind.section, key);
      ids.forEach((id) => matched.add(id));
      if (ids.length > 1) return; // ambiguous: checkReferences reports it
      const at = [kind.section, index];
      const desired = kind.withReferences(entry, spell);
      const current = objects.find((object) => object.id === ids[0]);
      if (!current) {
        changes.push({
          action: 'create',
          kind,
          key,
          at,
          desired,
          fields: diffValues(undefined, desired),
        });
        return;
      }
      const written = asConfig(kind, current, directory);
      const before =
        kind.managed && written.parsed ? kind.managed(written.value, desired) : written.value;
      const fields = diffValues(before, desired);
      if (fields.length === 0) unchanged += 1;
      else changes.push({ action: 'update', kind, key, at, current, desired, before, fields });
    });
    if (!options.prune) continue;
    for (const current of objects) {
      if (matched.has(current.id)) continue;
      const reason = kind.keep?.(current, options.context) ?? null;
      if (reason !== null) {
        kept.push(`${kind.noun} ${current.key}: ${reason}`);
        continue;
      }
      directory.markPruned(kind.section, current.key);
      changes.push({
        action: 'delete',
        kind,
        key: current.key,
        current,
        note: kind.deleteNote?.(current) ?? null,
      });
    }
  }

  const problems = checkReferences(config, directory, kinds);
  if (problems.length > 0) throw new ConfigError(problems);
  return { changes, unchanged, kept, directory };
}

export const hasChanges = (plan: ConfigPlan) => plan.changes.length > 0;
