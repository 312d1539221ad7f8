import type { PartitionOffsets } from '@depeche/observability';

/** Where a rebuild starts on each partition, and where it ends (the high watermark at start). */
export interface PartitionRange {
  readonly partition: number;
  readonly start: number;
  readonly end: number;
}

/** What the operator asks for. */
export type RebuildStart =
  | { readonly kind: 'beginning' }
  /** The same offset on every partition, clamped to what the partition holds. */
  | { readonly kind: 'offset'; readonly offset: number }
  | { readonly kind: 'time'; readonly at: Date };

/** The start with a time resolved to offsets by the broker. */
export type RebuildFrom =
  | Exclude<RebuildStart, { kind: 'time' }>
  /** Per partition, the first offset at or after a time (Kafka's ListOffsets by timestamp). */
  | { readonly kind: 'time'; readonly offsets: readonly { partition: number; offset: string }[] };

/**
 * Pure: the range to re-consume per partition. A partition with no message at or after the time
 * (the broker answers -1) has nothing to read.
 */
export function rebuildRanges(
  watermarks: readonly PartitionOffsets[],
  from: RebuildFrom,
): PartitionRange[] {
  return watermarks
    .map((w) => {
      const low = Number(w.low);
      const end = Number(w.high);
      let start: number;
      switch (from.kind) {
        case 'beginning':
          start = low;
          break;
        case 'offset':
          start = from.offset;
          break;
        case 'time': {
          const found = Number(from.offsets.find((o) => o.partition === w.partition)?.offset ?? -1);
          start = found < 0 ? end : found;
          break;
        }
      }
      return { partition: w.partition, start: Math.min(end, Math.max(low, start)), end };
    })
    .sort((a, b) => a.partition - b.partition);
}

/** Messages of the ranges the group has committed past: the progress of a rebuild. */
export function rebuildProgress(
  ranges: readonly PartitionRange[],
  committed: readonly { partition: number; offset: string }[],
): { done: number; total: number } {
  const at = new Map(committed.map((c) => [c.partition, Number(c.offset)]));
  let done = 0;
  let total = 0;
  for (const r of ranges) {
    total += r.end - r.start;
    const offset = at.get(r.partition) ?? -1;
    done += Math.max(0, Math.min(offset, r.end) - r.start);
  }
  return { done, total };
}
