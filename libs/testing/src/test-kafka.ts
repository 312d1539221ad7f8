import { createReadyTopics } from '@depeche/kafka';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { uniqueName } from './unique-name';

process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

/** The broker the integration tier started (tools/test/global-setup.ts). */
export function testBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers)
    throw new Error(
      'KAFKA_BROKERS is not set: run integration tests with npm run test:integration',
    );
  return brokers.split(',');
}

export function testKafka(clientId = uniqueName('test-client')): Kafka {
  return new Kafka({ clientId, brokers: testBrokers(), logLevel: logLevel.NOTHING });
}

export interface TestTopics {
  readonly admin: Admin;
  /** Creates a topic with a unique name and returns the name. */
  create(prefix: string, partitions?: number): Promise<string>;
  /** Deletes every topic made here and disconnects. */
  cleanup(): Promise<void>;
}

/** Per-test topics on the real broker, removed when the test file is done. */
export async function testTopics(kafka: Kafka = testKafka()): Promise<TestTopics> {
  const admin = kafka.admin();
  await admin.connect();
  const made: string[] = [];
  return {
    admin,
    async create(prefix, partitions = 1) {
      const topic = uniqueName(prefix);
      await createReadyTopics(admin, [{ topic, numPartitions: partitions, replicationFactor: 1 }]);
      made.push(topic);
      return topic;
    },
    async cleanup() {
      if (made.length > 0) await admin.deleteTopics({ topics: made, timeout: 30_000 });
      await admin.disconnect();
    },
  };
}

export interface ReadMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | undefined;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
}

/**
 * Reads a topic from the beginning with a throw-away consumer group until `enough(messages)` holds
 * (then waits `settleMs` more to catch repeats), and returns the messages in the order received.
 */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  enough: (messages: readonly ReadMessage[]) => boolean,
  { timeoutMs = 60_000, settleMs = 500 } = {},
): Promise<ReadMessage[]> {
  const consumer = kafka.consumer({
    groupId: uniqueName('reader'),
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const messages: ReadMessage[] = [];
  await consumer.run({
    eachMessage: ({ partition, message }) => {
      messages.push({
        partition,
        offset: message.offset,
        key: message.key?.toString('utf8'),
        value: message.value,
        headers: Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        ),
      });
      return Promise.resolve();
    },
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (!enough(messages)) {
      if (Date.now() > deadline) {
        throw new Error(
          `read ${messages.length} messages from ${topic}; not enough after ${timeoutMs} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    return [...messages];
  } finally {
    await consumer.disconnect();
  }
}
