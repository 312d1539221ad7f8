import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('shares one load between the callers that miss a key at the same time', async () => {
    const cache = new TtlCache<string>(1_000, 10);
    let loads = 0;
    const load = async () => {
      loads += 1;
      await new Promise((r) => setTimeout(r, 5));
      return 'endpoint';
    };
    const values = await Promise.all(Array.from({ length: 20 }, () => cache.get('k', load)));
    expect(values).toEqual(Array(20).fill('endpoint'));
    expect(loads).toBe(1);
  });

  it('forgets a failed load, so the next caller loads again', async () => {
    const cache = new TtlCache<string>(1_000, 10);
    await expect(cache.get('k', () => Promise.reject(new Error('database down')))).rejects.toThrow(
      'database down',
    );
    await expect(cache.get('k', () => Promise.resolve('back'))).resolves.toBe('back');
  });

  it('drops the oldest key at capacity', async () => {
    const cache = new TtlCache<number>(1_000, 2);
    let loads = 0;
    const load = (n: number) => () => Promise.resolve((loads += 1) && n);
    await cache.get('a', load(1));
    await cache.get('b', load(2));
    await cache.get('c', load(3));
    await cache.get('b', load(2));
    expect(loads).toBe(3);
    await cache.get('a', load(1));
    expect(loads).toBe(4);
  });
});
