import { ByteLru } from './byte-lru';

describe('the byte-bounded LRU', () => {
  it('forgets the least recently used values once the bytes exceed the budget', () => {
    const lru = new ByteLru<string>(100);
    lru.set('a', 'A', 40);
    lru.set('b', 'B', 40);
    expect(lru.get('a')).toBe('A'); // a is now the most recently used
    lru.set('c', 'C', 40); // 120 bytes: b, the least recently used, goes
    expect([lru.peek('a'), lru.peek('b'), lru.peek('c')]).toEqual(['A', undefined, 'C']);
    expect(lru.bytes).toBe(80);
  });

  it('bounds the number of values too', () => {
    const lru = new ByteLru<number>(1_000, 2);
    lru.set('a', 1, 1);
    lru.set('b', 2, 1);
    lru.set('c', 3, 1);
    expect([...lru.entries()].map(([key]) => key)).toEqual(['b', 'c']);
  });

  it('keeps a value larger than the whole budget, alone', () => {
    const lru = new ByteLru<string>(100);
    lru.set('small', 's', 10);
    lru.set('huge', 'h', 500);
    expect([lru.size, lru.peek('huge'), lru.bytes]).toEqual([1, 'h', 500]);
  });

  it('accounts a replaced value at its new size without making it the most recent', () => {
    const lru = new ByteLru<string>(100);
    lru.set('a', 'A', 30);
    lru.set('b', 'B', 30);
    lru.replace('a', 'A2', 60); // 90 bytes: within budget, a stays the oldest
    expect(lru.bytes).toBe(90);
    expect([...lru.entries()].map(([key]) => key)).toEqual(['a', 'b']);
    lru.replace('b', 'B2', 50); // 110 bytes: a, the oldest, goes
    expect([...lru.entries()]).toEqual([['b', 'B2']]);
    expect(lru.bytes).toBe(50);
  });

  it('accounts a set over an existing key once', () => {
    const lru = new ByteLru<string>(100);
    lru.set('a', 'A', 30);
    lru.set('a', 'A2', 50);
    lru.delete('missing');
    expect([lru.size, lru.bytes]).toEqual([1, 50]);
    lru.delete('a');
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
  });
});
