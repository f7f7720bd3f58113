/**
 * An immutable map from string keys, split into shards so that a change copies only the shards
 * it touches: a batch of 20 updates to a queue of 50,000 alerts copies about 20 × 200 entries
 * instead of 50,000 (docs/console.md, "Incremental selectors"). Reads as a `ReadonlyMap`;
 * iteration order is by shard, then insertion (callers sort what they show).
 */
export class ShardedMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly shards: ReadonlyArray<ReadonlyMap<string, V>>,
    readonly size: number,
  ) {}

  static empty<V>(): ShardedMap<V> {
    return new ShardedMap(
      Array.from({ length: shardCount }, () => new Map<string, V>()),
      0,
    );
  }

  static from<V>(entries: Iterable<readonly [string, V]>): ShardedMap<V> {
    const draft = ShardedMap.empty<V>().draft();
    for (const [key, value] of entries) draft.set(key, value);
    return draft.build();
  }

  get(key: string): V | undefined {
    return this.shards[shardOf(key)]!.get(key);
  }

  has(key: string): boolean {
    return this.shards[shardOf(key)]!.has(key);
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const shard of this.shards) for (const [key, value] of shard) callback(value, key, this);
  }

  *entries(): Generator<[string, V], undefined, unknown> {
    for (const shard of this.shards) yield* shard.entries();
    return undefined;
  }

  *keys(): Generator<string, undefined, unknown> {
    for (const shard of this.shards) yield* shard.keys();
    return undefined;
  }

  *values(): Generator<V, undefined, unknown> {
    for (const shard of this.shards) yield* shard.values();
    return undefined;
  }

  [Symbol.iterator](): Generator<[string, V], undefined, unknown> {
    return this.entries();
  }

  /** A writable copy that shares every shard until it writes to it. */
  draft(): ShardedMapDraft<V> {
    return new ShardedMapDraft(
      this.shards,
      this.size,
      (shards, size) => new ShardedMap(shards, size),
    );
  }
}

/** Changes to a {@link ShardedMap}; `build()` makes the new map (the draft is not used after). */
export class ShardedMapDraft<V> {
  private readonly shards: Array<ReadonlyMap<string, V>>;
  private readonly own = new Set<number>();

  constructor(
    shards: ReadonlyArray<ReadonlyMap<string, V>>,
    private count: number,
    private readonly make: (
      shards: ReadonlyArray<ReadonlyMap<string, V>>,
      size: number,
    ) => ShardedMap<V>,
  ) {
    this.shards = [...shards];
  }

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    return this.shards[shardOf(key)]!.get(key);
  }

  has(key: string): boolean {
    return this.shards[shardOf(key)]!.has(key);
  }

  set(key: string, value: V): void {
    const shard = this.writable(shardOf(key));
    if (!shard.has(key)) this.count += 1;
    shard.set(key, value);
  }

  delete(key: string): boolean {
    const index = shardOf(key);
    if (!this.shards[index]!.has(key)) return false;
    this.writable(index).delete(key);
    this.count -= 1;
    return true;
  }

  *values(): Generator<V, undefined, unknown> {
    for (const shard of this.shards) yield* shard.values();
    return undefined;
  }

  build(): ShardedMap<V> {
    return this.make(this.shards, this.count);
  }

  private writable(index: number): Map<string, V> {
    if (!this.own.has(index)) {
      this.shards[index] = new Map(this.shards[index]);
      this.own.add(index);
    }
    return this.shards[index] as Map<string, V>;
  }
}

const shardCount = 256;

/** A string hash: consecutive ids (decimal numbers) land in consecutive shards. */
function shardOf(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i += 1) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return (hash >>> 0) % shardCount;
}
