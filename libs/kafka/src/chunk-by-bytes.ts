/**
 * Splits items into runs whose sizes add up to at most `limit` bytes, in order. An item larger than
 * the limit goes alone: the caller's limit is the broker's per-request bound, not a per-item one.
 */
export function chunkByBytes<T>(
  items: readonly T[],
  sizeOf: (item: T) => number,
  limit: number,
): T[][] {
  const runs: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const bytes = sizeOf(item);
    if (current.length > 0 && size + bytes > limit) {
      runs.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
