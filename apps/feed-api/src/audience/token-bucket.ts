/**
 * Token buckets, one per key: each holds up to `burst` tokens and refills at `ratePerSecond`; a
 * request takes one. The state is in this process's memory, so with N processes behind a load
 * balancer a key may make up to N times the rate: the limit protects each process, and a shared
 * limit would cost a database round trip per request.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  /** The key last taken from: taking again moves nothing (see ByteLru on re-inserting). */
  private newest: string | undefined;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** The seconds until `key` has a token (0: it has one now), taking nothing. */
  waitOf(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key);
    if (bucket === undefined) return 0;
    const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
    const tokens = Math.min(this.burst, bucket.tokens + elapsed * this.ratePerSecond);
    return tokens >= 1 ? 0 : (1 - tokens) / this.ratePerSecond;
  }

  /** 0 when the request may go ahead (a token is taken), else the seconds until one is due. */
  take(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
    bucket.tokens = Math.min(this.burst, bucket.tokens + elapsed * this.ratePerSecond);
    bucket.at = nowMs;
    if (key !== this.newest) {
      // Re-inserted: the map iterates least recently used first, for the eviction below.
      this.buckets.delete(key);
      this.buckets.set(key, bucket);
      this.newest = key;
      if (this.buckets.size > this.maxKeys) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return (1 - bucket.tokens) / this.ratePerSecond;
  }
}
