import type { Admin } from 'kafkajs';
import { sleep } from './backoff';

/** What a broker answers for a topic the controller created but whose news has not reached it. */
const NOT_YET = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * Waits until every partition of `topics` has a leader. kafkajs' createTopics({ waitForLeaders })
 * retries LEADER_NOT_AVAILABLE only, but a KRaft broker answers UNKNOWN_TOPIC_OR_PARTITION ("This
 * server does not host this topic-partition") for a moment after the controller created the topic,
 * and the call then failed although the topic was there a few milliseconds later (kafkajs#815).
 */
export async function waitForLeaders(
  admin: Pick<Admin, 'fetchTopicMetadata'>,
  topics: readonly string[],
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
      const led = metadata.topics.filter(
        (t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0),
      );
      if (led.length === topics.length) return;
      last = `${topics.length - led.length} of ${topics.length} without a leader on every partition`;
    } catch (error) {
      const type = (error as { type?: unknown }).type;
      if (typeof type !== 'string' || !NOT_YET.has(type)) throw error;
      last = type;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `topics ${topics.join(', ')} had no leaders within ${timeoutMs} ms (${last})`,
      );
    }
    await sleep(100);
  }
}
