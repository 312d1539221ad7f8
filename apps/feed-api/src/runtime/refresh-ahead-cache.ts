interface Entry<V> {
  value: V;
  readAt: number;
  /** The load in flight for this key (a first read, an expired one or a refresh ahead). */
  loading?: Promise<V>;
}

/**
 * Values read from the database, reused for `ttlMs` and re-read ahead of time: once half of an
 * entry's life has passed, the next request starts one re-read in the background and is answered
 * from the entry, so a key asked for steadily never expires and the hot path never waits on the
 * database. An entry that did expire (a quiet key, a failed re-read) is read again before it is
 * served: no answer is ever older than `ttlMs`, which is what lets a revocation bite within it.
 * Loads are single-flight: the requests that miss one key together share one read (they were one
 * read each, 32 queries at every expiry under a 32-connection load).
 */
export class RefreshAheadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number,
    private readonly now: () => number,
    /** A refresh ahead that failed: the entry is kept and read again when it expires. */
    private readonly onRefreshError: (key: string, error: unknown) => void = () => undefined,
  ) {}

  /** Whether `key` has an answer that may be served now (younger than `ttlMs`). */
  has(key: string): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && this.now() - entry.readAt < this.ttlMs;
  }

  /**
   * The value when it can be served without waiting (the re-read ahead started as `get` starts
   * it), or undefined when it has to be read first: the feed front door's look-up.
   */
  getAtOnce(key: string, load: () => Promise<V>): { readonly value: V } | undefined {
    if (!this.has(key)) return undefined;
    const value = this.get(key, load);
    return value instanceof Promise ? undefined : { value };
  }

  /** The value, or the promise of it when it has to be read first. */
  get(key: string, load: () => Promise<V>): V | Promise<V> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry === undefined) return this.first(key, load);
    const age = now - entry.readAt;
    if (age < this.ttlMs / 2) return entry.value;
    if (age >= this.ttlMs) return (entry.loading ??= this.reload(key, entry, load));
    if (entry.loading === undefined) {
      entry.loading = this.reload(key, entry, load);
      entry.loading.catch((error: unknown) => this.onRefreshError(key, error));
    }
    return entry.value;
  }

  private first(key: string, load: () => Promise<V>): Promise<V> {
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const entry: Entry<V> = { value: undefined as V, readAt: Number.NEGATIVE_INFINITY };
    this.entries.set(key, entry);
    entry.loading = this.reload(key, entry, load).catch((error: unknown) => {
      // Nothing to serve: forget the key so the next request reads it again.
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    });
    return entry.loading;
  }

  private async reload(key: string, entry: Entry<V>, load: () => Promise<V>): Promise<V> {
    const startedAt = this.now();
    try {
      const value = await load();
      entry.value = value;
      // Aged from when the read began: a change committed during it may be missing from it.
      entry.readAt = startedAt;
      return value;
    } finally {
      entry.loading = undefined;
    }
  }
}
