/** One partition's position: how far a consumer group is behind the newest message. */
export interface PartitionLag {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
  /** The next offset the group will read; -1 when it has committed nothing yet. */
  readonly committed: number;
  readonly highWatermark: number;
  /** Low watermark: where a group with no commit starts reading (`fromBeginning`). */
  readonly lowWatermark: number;
  readonly lag: number;
}

export interface PartitionOffsets {
  readonly partition: number;
  readonly high: string;
  readonly low: string;
}

/**
 * Lag per partition from the group's committed offsets and the topic's watermarks. A group that
 * has committed nothing on a partition will read it from the low watermark, so everything
 * retained there counts as lag; a committed offset below the low watermark (retention deleted
 * what it had not read) counts from the low watermark too.
 */
export function consumerLag(
  group: string,
  topic: string,
  watermarks: readonly PartitionOffsets[],
  committed: readonly { partition: number; offset: string }[],
): PartitionLag[] {
  const byPartition = new Map(committed.map((c) => [c.partition, Number(c.offset)]));
  return watermarks
    .map((w) => {
      const high = Number(w.high);
      const low = Number(w.low);
      const offset = byPartition.get(w.partition) ?? -1;
      const from = offset < 0 ? low : Math.max(offset, low);
      return {
        group,
        topic,
        partition: w.partition,
        committed: offset,
        highWatermark: high,
        lowWatermark: low,
        lag: Math.max(0, high - from),
      };
    })
    .sort((a, b) => a.partition - b.partition);
}
