import { CorrelationIds } from './correlation-ids';

describe('the correlation ids of fanned-out items', () => {
  it('are found by article and version, and the oldest go first beyond the capacity', () => {
    const ids = new CorrelationIds(2);
    ids.remember('a', 1, 'c-a1');
    ids.remember('b', 1, undefined); // an item without a usable header: nothing to keep
    ids.remember('a', 2, 'c-a2');
    ids.remember('c', 1, 'c-c1'); // third entry with capacity 2: a@1 goes
    expect(ids.of('a', 1)).toBeUndefined();
    expect(ids.of('b', 1)).toBeUndefined();
    expect(ids.of('a', 2)).toBe('c-a2');
    expect(ids.of('c', 1)).toBe('c-c1');
  });
});
