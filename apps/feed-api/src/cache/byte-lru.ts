/**
 * A map bounded by the bytes its values hold as well as by their number, forgetting the least
 * recently used first (a Map iterates in insertion order; every use re-inserts). A count alone
 * cannot bound memory: one feed document is 5 KB or 1 MB depending on format, level and limit.
 * A value larger than the whole budget is still kept (alone): the caller asked for it now.
 */
export class ByteLru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private total = 0;
  /**
   * The most recently used key: using it again moves nothing. Re-inserting on every hit of the
   * same few keys made V8 compact the map's table over and over (~3% of a cached answer's time).
   */
  private newest: string | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly maxEntries = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.map.size;
  }

  /** Bytes held by every value. */
  get bytes(): number {
    return this.total;
  }

  /** The value, now the most recently used. */
  get(key: string): V | undefined {
    const slot = this.map.get(key);
    if (slot === undefined) return undefined;
    if (key !== this.newest) {
      this.map.delete(key);
      this.map.set(key, slot);
      this.newest = key;
    }
    return slot.value;
  }

  /** The value without touching its recency (for scans). */
  peek(key: string): V | undefined {
    return this.map.get(key)?.value;
  }

  /** Stores (or replaces) a value of `bytes`, the most recently used, and evicts beyond the bounds. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    this.map.set(key, { value, bytes });
    this.newest = key;
    this.total += bytes;
    this.evict(key);
  }

  /** Replaces a value in place, keeping its recency (a rebuild is not a use). */
  replace(key: string, value: V, bytes: number): void {
    const slot = this.map.get(key);
    if (slot === undefined) return;
    this.total += bytes - slot.bytes;
    slot.value = value;
    slot.bytes = bytes;
    this.evict(key);
  }

  delete(key: string): void {
    const slot = this.map.get(key);
    if (slot === undefined) return;
    this.total -= slot.bytes;
    this.map.delete(key);
    if (key === this.newest) this.newest = undefined;
  }

  /** Entries, least recently used first. */
  *entries(): IterableIterator<[string, V]> {
    for (const [key, slot] of this.map) yield [key, slot.value];
  }

  private evict(keep: string): void {
    for (const key of this.map.keys()) {
      if (this.total <= this.maxBytes && this.map.size <= this.maxEntries) return;
      if (key === keep) continue;
      this.delete(key);
    }
  }
}
