import {
  normalKey,
  type AnyConfigKind,
  type ConfigNames,
  type EngineObject,
} from './configKind.js';
import type { EngineApi } from './engineApi.js';

/** Every object of every kind in the engine, by section. */
export type EngineState = ReadonlyMap<string, ReadonlyArray<EngineObject<unknown>>>;

/** Reads every kind the registry knows (references may point at kinds the file leaves out). */
export async function loadEngineState(
  api: EngineApi,
  kinds: readonly AnyConfigKind[],
): Promise<EngineState> {
  const lists = await Promise.all(kinds.map((kind) => kind.list(api)));
  return new Map(kinds.map((kind, i) => [kind.section, lists[i] ?? []]));
}

/** What a natural key names, for a reference to it. */
export type KeyStatus = 'file' | 'engine' | 'pruned' | 'ambiguous' | 'unknown';

interface Named {
  /** How the file spells it, or else the engine. */
  spelling: string;
  /** Its ids in the engine: none (to be created), one, or several (ambiguous). */
  ids: string[];
  inFile: boolean;
  pruned: boolean;
}

/**
 * Natural keys ↔ ids across kinds: what the file defines, what the engine has, what --prune
 * will delete, and the ids of objects created during an apply. Keys are compared ignoring case,
 * as the engine compares emails and team names.
 */
export class ConfigDirectory implements ConfigNames {
  private readonly named = new Map<string, Map<string, Named>>();
  private readonly keysById = new Map<string, Map<string, string>>();

  constructor(state: EngineState) {
    for (const [kind, objects] of state) {
      const byId = new Map<string, string>();
      this.keysById.set(kind, byId);
      for (const object of objects) {
        byId.set(object.id, object.key);
        this.entry(kind, object.key).ids.push(object.id);
      }
    }
  }

  private entry(kind: string, key: string): Named {
    let keys = this.named.get(kind);
    if (!keys) this.named.set(kind, (keys = new Map()));
    let named = keys.get(normalKey(key));
    if (!named)
      keys.set(normalKey(key), (named = { spelling: key, ids: [], inFile: false, pruned: false }));
    return named;
  }

  private find(kind: string, key: string): Named | undefined {
    return this.named.get(kind)?.get(normalKey(key));
  }

  /** The file defines `key`: its spelling wins. */
  defineInFile(kind: string, key: string): void {
    const named = this.entry(kind, key);
    named.inFile = true;
    named.spelling = key;
  }

  markPruned(kind: string, key: string): void {
    this.entry(kind, key).pruned = true;
  }

  status(kind: string, key: string): KeyStatus {
    const named = this.find(kind, key);
    if (!named) return 'unknown';
    if (named.ids.length > 1) return 'ambiguous';
    if (named.inFile) return 'file';
    if (named.pruned) return 'pruned';
    return named.ids.length === 1 ? 'engine' : 'unknown';
  }

  /** The engine's ids of objects named `key` (several: ambiguous). */
  idsOf(kind: string, key: string): readonly string[] {
    return this.find(kind, key)?.ids ?? [];
  }

  /** How the file spells `key` (or the engine, for objects the file does not define). */
  spell(kind: string, key: string): string {
    return this.find(kind, key)?.spelling ?? key;
  }

  /** Up to `n` keys of `kind` a reference could name, for "did you mean" messages. */
  suggestions(kind: string, n = 5): string[] {
    const all = [...(this.named.get(kind)?.values() ?? [])]
      .filter((named) => named.inFile || (named.ids.length > 0 && !named.pruned))
      .map((named) => named.spelling);
    return all.slice(0, n);
  }

  idOf(kind: string, key: string): string {
    const ids = this.idsOf(kind, key);
    if (ids.length !== 1 || ids[0] === undefined) {
      throw new Error(`no single ${kind} "${key}" to refer to (${ids.length} found)`);
    }
    return ids[0];
  }

  /** An object created during apply: later references resolve to it. */
  created(kind: string, key: string, id: string): void {
    this.entry(kind, key).ids = [id];
    this.keysById.get(kind)?.set(id, key);
  }

  keyOf(kind: string, id: string): string | null {
    return this.keysById.get(kind)?.get(id) ?? null;
  }
}
