/** A bounded map that forgets the least recently used key first (a Map iterates in insertion order). */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  /** The most recently used key: using it again moves nothing (see ByteLru). */
  private newest: string | undefined;

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined && key !== this.newest) {
      this.map.delete(key);
      this.map.set(key, value);
      this.newest = key;
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    this.newest = key;
    for (const oldest of this.map.keys()) {
      if (this.map.size <= this.capacity) break;
      this.map.delete(oldest);
    }
  }

  delete(key: string): void {
    this.map.delete(key);
    if (this.newest === key) this.newest = undefined;
  }
}
