import { TokenBuckets } from './token-bucket';

describe('token buckets', () => {
  it('lets a burst through, then one request per 1/rate seconds', () => {
    const buckets = new TokenBuckets(2, 3); // 2 per second, 3 at once
    const t0 = 1_000_000;
    expect([0, 1, 2].map(() => buckets.take('k', t0))).toEqual([0, 0, 0]);
    // Empty: the next token is due in 1 / 2 s.
    expect(buckets.take('k', t0)).toBeCloseTo(0.5);
    expect(buckets.take('k', t0 + 500)).toBe(0);
    expect(buckets.take('k', t0 + 500)).toBeCloseTo(0.5);
  });

  it('keeps one bucket per key', () => {
    const buckets = new TokenBuckets(1, 1);
    expect(buckets.take('a', 0)).toBe(0);
    expect(buckets.take('a', 0)).toBeGreaterThan(0);
    expect(buckets.take('b', 0)).toBe(0);
  });

  it('never holds more than the burst, however long a key was idle', () => {
    const buckets = new TokenBuckets(10, 2);
    buckets.take('k', 0);
    const later = 3_600_000;
    expect([
      buckets.take('k', later),
      buckets.take('k', later),
      buckets.take('k', later) > 0,
    ]).toEqual([0, 0, true]);
  });
});
