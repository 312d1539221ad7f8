/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same articles on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Picker {
  readonly chance: (probability: number) => boolean;
  readonly int: (min: number, max: number) => number;
  readonly pick: <T>(values: readonly T[]) => T;
}

export function picker(random: () => number): Picker {
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  return {
    chance: (probability) => random() < probability,
    int,
    pick: <T>(values: readonly T[]): T => {
      const value = values[int(0, values.length - 1)];
      if (value === undefined) throw new Error('pick from an empty list');
      return value;
    },
  };
}
