/**
 * A Map whose entries expire and whose size is bounded: the shape of every per-process cache of the graph (verified
 * tokens, signed identities, users' grants). Beyond `maxEntries` the entry written longest ago goes first; an entry
 * read after its expiry is gone.
 */
export class ExpiringMap<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(private readonly maxEntries: number) {}

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > now) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: K, value: V, expiresAt: number): void {
    // Deleted first so that the key moves to the end: insertion order is eviction order.
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Removes the entry; with `value`, only while the key still holds that value (a newer write stays). */
  delete(key: K, value?: V): void {
    if (value === undefined || this.entries.get(key)?.value === value) this.entries.delete(key);
  }

  /** Forgets every entry (a change whose reach is unknown, e.g. someone's grants moved). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
