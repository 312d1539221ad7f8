/** One partition's next offset to read (the last processed + 1), as Kafka's OffsetCommit takes it. */
export interface PartitionOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export type CommitOffsets = (offsets: {
  topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
}) => Promise<void>;

/**
 * Offset commits sent off the batch's path: a batch whose outcomes are durable queues its offset
 * and returns, and kafkajs fetches the next batch at once instead of after a round trip to the
 * group coordinator (6 ms at the median, 40 ms at p99 per fetch cycle at 200 events/s here, on
 * the path of every event's freshness). One request is in flight at a time; what is queued
 * meanwhile goes in the next, one offset per partition, the newest. A commit only ever follows the
 * durable outcome it names, so at-least-once holds. A failed commit (a rebalance under way) is
 * reported and not repeated: a later batch commits past it, and otherwise the partition's next
 * owner processes those events again, which the idempotent store turns into duplicates.
 */
export class CommitQueue {
  private readonly pending = new Map<string, PartitionOffset>();
  private sending: Promise<void> | undefined;

  constructor(private readonly onError: (error: Error) => void) {}

  /** Queues the offset; sent at once when no commit is in flight, else with the next one. */
  add(offset: PartitionOffset, commit: CommitOffsets): void {
    this.pending.set(`${offset.topic}\u0000${offset.partition}`, offset);
    this.sending ??= this.send(commit);
  }

  /** Resolves when everything queued so far has been sent (or has failed and been reported). */
  async settled(): Promise<void> {
    while (this.sending) await this.sending;
  }

  private async send(commit: CommitOffsets): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const offsets = [...this.pending.values()];
        this.pending.clear();
        try {
          await commit({ topics: byTopic(offsets) });
        } catch (error) {
          this.onError(error as Error);
        }
      }
    } finally {
      this.sending = undefined;
    }
  }
}

function byTopic(offsets: readonly PartitionOffset[]) {
  const topics = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, offset } of offsets) {
    let partitions = topics.get(topic);
    if (partitions === undefined) topics.set(topic, (partitions = []));
    partitions.push({ partition, offset });
  }
  return [...topics].map(([topic, partitions]) => ({ topic, partitions }));
}
