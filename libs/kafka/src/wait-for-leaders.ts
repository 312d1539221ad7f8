import type { Admin } from 'kafkajs';
import { sleep } from './backoff';

/** What a broker answers for a topic the controller created but whose news has not reached it. */
const NOT_YET = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/**
 * Waits until every partition of `topics` has a leader and no error (a partition can name its leader
 * while still answering LEADER_NOT_AVAILABLE; a producer sending then retried the whole batch and
 * wrote the partitions that had taken it twice). kafkajs' createTopics({ waitForLeaders })
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
        (t) =>
          t.partitions.length > 0 &&
          t.partitions.every((p) => p.leader >= 0 && p.partitionErrorCode === 0),
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

/**
 * Creates `topics` and waits for them with kafkajs' own check (waitForLeaders), which proved the
 * stronger: producing right after `waitForLeaders` alone could still meet a partition not ready.
 * It goes on waiting with `waitForLeaders` (30 s) when that check ends without an answer: on
 * UNKNOWN_TOPIC_OR_PARTITION or LEADER_NOT_AVAILABLE (KRaft's answers for a topic whose creation
 * has not reached the broker yet), on kafkajs' own 10 s timeout, and when another process created
 * a topic first (createTopics answers false and waits for nothing: ops and the distributor both
 * create ops.events at start).
 */
export async function createReadyTopics(
  admin: Pick<Admin, 'createTopics' | 'fetchTopicMetadata'>,
  topics: Parameters<Admin['createTopics']>[0]['topics'],
): Promise<void> {
  const names = topics.map((t) => t.topic);
  let created: boolean;
  try {
    created = await admin.createTopics({ topics, waitForLeaders: true });
  } catch (error) {
    const { type, name } = error as { type?: unknown; name?: unknown };
    const unanswered = (typeof type === 'string' && NOT_YET.has(type)) || name === 'KafkaJSTimeout';
    if (!unanswered) throw error;
    created = false;
  }
  if (!created) await waitForLeaders(admin, names);
}
