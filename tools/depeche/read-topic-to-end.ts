import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';

export interface TopicRange {
  /** Messages between the low and high watermarks when the read began. */
  readonly total: number;
}

/**
 * Reads a topic from its beginning to the high watermarks it had when the read began, with a
 * throw-away consumer group deleted afterwards. `onMessage` sees each message once, in order per
 * partition; `onRange` is told the total first (for a progress bar).
 */
export async function readTopicToEnd(
  kafka: Kafka,
  topic: string,
  onRange: (range: TopicRange) => void,
  onMessage: (partition: number, message: KafkaMessage) => Promise<void>,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `depeche-cli-${randomUUID()}`;
  try {
    const watermarks = await admin.fetchTopicOffsets(topic);
    const end = new Map(watermarks.map((w) => [w.partition, Number(w.high)]));
    const remaining = new Set(
      watermarks.filter((w) => Number(w.high) > Number(w.low)).map((w) => w.partition),
    );
    onRange({ total: watermarks.reduce((n, w) => n + Number(w.high) - Number(w.low), 0) });
    if (remaining.size === 0) return;
    const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      let failed: Error | undefined;
      const done = new Promise<void>((resolve) => {
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            // After a failure, the rest of the fetched batch must not be handled (replayed) too.
            if (failed || !remaining.has(partition)) return;
            const last = (end.get(partition) ?? 0) - 1;
            if (Number(message.offset) > last) return;
            try {
              await onMessage(partition, message);
            } catch (error) {
              failed ??= error as Error;
              resolve();
            }
            if (Number(message.offset) >= last) remaining.delete(partition);
            if (remaining.size === 0) resolve();
          },
        });
      });
      await done;
      if (failed) throw failed;
    } finally {
      await consumer.disconnect();
    }
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
