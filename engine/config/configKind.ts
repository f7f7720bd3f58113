import type { z } from 'zod';
import type { EngineApi } from './engineApi.js';

/**
 * One kind of object that configuration as code manages (docs/config-as-code.md): users, teams,
 * schedules … Each kind is one small module under ./kinds/ that says how to read its section of
 * the file, how to name and list its objects in the engine, how to write them back as
 * configuration, and how to create, change and delete them over the REST API. The generic parts
 * (validation with line numbers, references, the plan, apply, export) work on this interface
 * only, so a new kind joins by adding a module to ./kinds/registry.ts.
 */

/** Where something is inside the file or inside one entry: keys and list indexes. */
export type ConfigPath = ReadonlyArray<string | number>;

/** A reference from an entry to another object by that object's natural key. */
export interface ConfigReference {
  /** The section of the referenced kind: `users`, `schedules` … */
  readonly kind: string;
  readonly key: string;
  /** Where the reference is, inside the entry. */
  readonly path: ConfigPath;
}

/** An object as the engine has it: its id, its natural key, and what the API answered. */
export interface EngineObject<C> {
  readonly id: string;
  readonly key: string;
  readonly value: C;
}

/** Natural keys to ids and back, across kinds, for the per-kind code. */
export interface ConfigNames {
  /** The id of the object of `kind` named `key`: created earlier in this apply, or existing. */
  idOf(kind: string, key: string): string;
  /** The key of the object of `kind` with `id`, as the engine names it; null when none has it. */
  keyOf(kind: string, id: string): string | null;
}

/** A problem of one entry found without the engine (the model's own rules). */
export interface EntryProblem {
  /** Inside the entry. */
  readonly path: ConfigPath;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** What apply knows about who applies (the caller's own user is never pruned). */
export interface ApplyContext {
  readonly callerUserId: string;
}

/**
 * A kind of configuration object. `E` is an entry as the section's schema outputs it (defaults
 * filled, lists in a canonical order), `C` the engine's object as its REST API answers it.
 * Methods (not function properties) on purpose: their parameters are bivariant, so every kind
 * fits the registry's `ConfigKind<unknown, unknown>`.
 */
export interface ConfigKind<E, C> {
  /** The section of the file: `escalationPolicies`. */
  readonly section: string;
  /** For people: `escalation policy`. */
  readonly noun: string;
  /** One entry of the section. Its output is canonical: two equal configurations parse equal. */
  readonly entry: z.ZodType<E, unknown>;

  /** The natural key of an entry (an email, a name); compared ignoring case and spaces around. */
  keyOf(entry: E): string;
  /** Every reference the entry makes to other objects. */
  references(entry: E): ConfigReference[];
  /** The entry with each reference spelt by `spell` (the way the file spells the target). */
  withReferences(entry: E, spell: (kind: string, key: string) => string): E;
  /** Problems by the model's own rules (a schedule's rotation, a policy's levels), if any. */
  check?(entry: E): EntryProblem[];

  /** Every object of the kind in the engine. */
  list(api: EngineApi): Promise<Array<EngineObject<C>>>;
  /** An engine object as a file would write it (references by key, no secrets, no defaults). */
  toConfig(current: C, names: ConfigNames): unknown;
  /**
   * What of `current` (as configuration) `desired` manages: most entries manage everything;
   * a user without `notificationRules` leaves that user's rules alone.
   */
  managed?(current: E, desired: E): E;

  /** Creates the object; answers its id. */
  create(api: EngineApi, desired: E, names: ConfigNames): Promise<string>;
  /** Changes `current` so that it is `desired` (`before` is `current` as configuration). */
  update(
    api: EngineApi,
    current: EngineObject<C>,
    desired: E,
    before: E,
    names: ConfigNames,
  ): Promise<void>;
  remove(api: EngineApi, current: EngineObject<C>): Promise<void>;

  /** Why `current` is never pruned, or null. */
  keep?(current: EngineObject<C>, context: ApplyContext): string | null;
  /** What deleting `current` also does, for the plan, or null. */
  deleteNote?(current: EngineObject<C>): string | null;
}

export type AnyConfigKind = ConfigKind<unknown, unknown>;

/** Keys are compared ignoring case and spaces around, as the engine compares emails and names. */
export const normalKey = (key: string) => key.trim().toLowerCase();
