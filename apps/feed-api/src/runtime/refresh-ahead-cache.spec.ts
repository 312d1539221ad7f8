import { RefreshAheadCache } from './refresh-ahead-cache';

/** A load the test resolves or fails by hand, counting how often it was started. */
function manualLoads<V>() {
  const pending: { resolve: (value: V) => void; reject: (error: Error) => void }[] = [];
  return {
    pending,
    load: () => new Promise<V>((resolve, reject) => pending.push({ resolve, reject })),
  };
}

describe('the refresh-ahead cache', () => {
  let now: number;
  let errors: string[];
  let cache: RefreshAheadCache<string>;

  beforeEach(() => {
    now = 0;
    errors = [];
    cache = new RefreshAheadCache(
      1_000,
      10,
      () => now,
      (key, error) => errors.push(`${key}: ${String(error)}`),
    );
  });

  it('shares one read among the requests that miss a key together', async () => {
    const loads = manualLoads<string>();
    const answers = [cache.get('k', loads.load), cache.get('k', loads.load)];
    expect(answers[0]).toBeInstanceOf(Promise);
    expect(loads.pending).toHaveLength(1);
    loads.pending[0]?.resolve('v1');
    expect([await answers[0], await answers[1]]).toEqual(['v1', 'v1']);
    expect(cache.get('k', loads.load)).toBe('v1'); // synchronously, no second read
    expect(loads.pending).toHaveLength(1);
  });

  it('re-reads in the background past half its life and answers from the entry meanwhile', async () => {
    const loads = manualLoads<string>();
    const first = cache.get('k', loads.load);
    loads.pending[0]?.resolve('v1');
    await first;
    now = 600;
    expect([cache.get('k', loads.load), cache.get('k', loads.load)]).toEqual(['v1', 'v1']);
    expect(loads.pending).toHaveLength(2); // one refresh for both
    loads.pending[1]?.resolve('v2');
    await new Promise((resolve) => setImmediate(resolve));
    now = 1_500; // past the first read's life, not the refresh's (read at 600)
    expect(cache.get('k', loads.load)).toBe('v2');
  });

  it('never answers from an expired entry: it waits for the re-read', async () => {
    const loads = manualLoads<string>();
    const first = cache.get('k', loads.load);
    loads.pending[0]?.resolve('v1');
    await first;
    now = 1_000;
    const answer = cache.get('k', loads.load);
    expect(answer).toBeInstanceOf(Promise);
    loads.pending[1]?.resolve('revoked');
    expect(await answer).toBe('revoked');
  });

  it('keeps the entry when a refresh ahead fails, reports it, and reads again at expiry', async () => {
    const loads = manualLoads<string>();
    const first = cache.get('k', loads.load);
    loads.pending[0]?.resolve('v1');
    await first;
    now = 700;
    expect(cache.get('k', loads.load)).toBe('v1');
    loads.pending[1]?.reject(new Error('database down'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toEqual(['k: Error: database down']);
    now = 1_100;
    const answer = cache.get('k', loads.load);
    loads.pending[2]?.reject(new Error('still down'));
    await expect(answer).rejects.toThrow('still down'); // an expired answer is not served
  });

  it('forgets a key whose first read failed, and evicts the oldest beyond its capacity', async () => {
    const loads = manualLoads<string>();
    const failed = cache.get('k', loads.load);
    loads.pending[0]?.reject(new Error('boom'));
    await expect(failed).rejects.toThrow('boom');
    const retried = cache.get('k', loads.load);
    expect(loads.pending).toHaveLength(2);
    loads.pending[1]?.resolve('v1');
    expect(await retried).toBe('v1');

    const small = new RefreshAheadCache<string>(1_000, 1, () => now);
    await small.get('a', () => Promise.resolve('a1'));
    await small.get('b', () => Promise.resolve('b1'));
    expect(await small.get('a', () => Promise.resolve('a2'))).toBe('a2');
  });

  it('answers at once only from a servable entry, and never starts a first read', async () => {
    const loads = manualLoads<string>();
    expect(cache.getAtOnce('k', loads.load)).toBeUndefined();
    expect(loads.pending).toHaveLength(0);
    const first = cache.get('k', loads.load);
    loads.pending[0]?.resolve('v1');
    await first;
    expect(cache.getAtOnce('k', loads.load)).toEqual({ value: 'v1' });
    now = 600; // past half its life: answered, and the re-read starts as get starts it
    expect(cache.getAtOnce('k', loads.load)).toEqual({ value: 'v1' });
    expect(loads.pending).toHaveLength(2);
    now = 1_000; // expired, the re-read still out: nothing to serve at once
    expect(cache.getAtOnce('k', loads.load)).toBeUndefined();
    expect(loads.pending).toHaveLength(2);
  });
});
