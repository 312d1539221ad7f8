import type { Admin } from 'kafkajs';
import { consumerLag, type PartitionLag } from './consumer-lag';

/** A consumer group and the topic it reads. */
export interface WatchedGroup {
  readonly group: string;
  readonly topic: string;
}

/**
 * Asks the broker for committed offsets and watermarks: two admin requests per group, made on a
 * timer (see Periodic), never on the consumer's path.
 */
export async function probeConsumerLag(
  admin: Admin,
  groups: readonly WatchedGroup[],
): Promise<PartitionLag[]> {
  const lags: PartitionLag[] = [];
  for (const { group, topic } of groups) {
    const watermarks = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    lags.push(
      ...consumerLag(
        group,
        topic,
        watermarks.map((w) => ({ partition: w.partition, high: w.high, low: w.low })),
        committed?.partitions ?? [],
      ),
    );
  }
  return lags;
}
