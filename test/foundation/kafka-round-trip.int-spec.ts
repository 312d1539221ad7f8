import { DEFAULT_TOPIC_SPECS } from '@depeche/contracts';
import { ensureTopics } from '@depeche/kafka';
import {
  kcatProduce,
  testBrokers,
  testKafka,
  testTopics,
  uniqueName,
  waitFor,
  type TestTopics,
} from '@depeche/testing';
import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';

/** The sample's characters outside ASCII: « » É à è é ê ï ù ’ and a non-breaking space. */
const FRENCH =
  'Loukachenko appelle à normaliser les relations avec les États-Unis : « très bien » ’ ù ê ï è\u00a0!';

describe('a real Kafka broker', () => {
  let kafka: Kafka;
  let topics: TestTopics;

  beforeAll(async () => {
    kafka = testKafka();
    topics = await testTopics(kafka);
  });

  afterAll(async () => {
    await topics.cleanup();
  });

  it('takes messages from kafkajs and hands them to a consumer group, which resumes from its commit', async () => {
    const topic = await topics.create('round-trip', 3);
    const groupId = uniqueName('group');
    const producer = kafka.producer();
    await producer.connect();
    const first = Array.from({ length: 6 }, (_, i) => ({
      key: `article-${i}`,
      value: `${FRENCH} #${i}`,
    }));
    await producer.send({ topic, acks: -1, messages: first });

    const firstRun = await consume(kafka, groupId, topic, 6);
    expect(firstRun.map((m) => m.value).sort()).toEqual(first.map((m) => m.value).sort());

    // The group committed: a new member of the same group sees only what came after.
    const second = [{ key: 'article-late', value: `${FRENCH} late` }];
    await producer.send({ topic, acks: -1, messages: second });
    const secondRun = await consume(kafka, groupId, topic, 1);
    expect(secondRun).toEqual([{ key: 'article-late', value: `${FRENCH} late`, headers: {} }]);
    await producer.disconnect();
  });

  it('hands a consumer exactly the key, headers and bytes that kcat produced', async () => {
    const topic = await topics.create('kcat');
    const value = JSON.stringify({ headline: FRENCH }, null, 2); // multi-line on purpose
    await kcatProduce(testBrokers().join(','), topic, {
      key: 'urn:depeche:article:42',
      value,
      headers: { 'content-type': 'application/json', 'schema-version': '1' },
    });
    const [message] = await consume(kafka, uniqueName('group'), topic, 1);
    expect(message).toEqual({
      key: 'urn:depeche:article:42',
      value,
      headers: { 'content-type': 'application/json', 'schema-version': '1' },
    });
    expect(Buffer.byteLength(message?.value ?? '')).toBe(Buffer.byteLength(value));
  });

  it('creates the pipeline topics once and deletes them', async () => {
    const prefix = uniqueName('pipeline');
    const specs = DEFAULT_TOPIC_SPECS.map((spec) => ({
      ...spec,
      topic: `${prefix}.${spec.topic}`,
    }));
    expect(await ensureTopics(topics.admin, specs)).toEqual(specs.map((s) => s.topic));
    expect(await ensureTopics(topics.admin, specs)).toEqual([]);
    const metadata = await topics.admin.fetchTopicMetadata({ topics: specs.map((s) => s.topic) });
    const partitions = Object.fromEntries(
      metadata.topics.map((t) => [t.name, t.partitions.length]),
    );
    expect(partitions).toEqual(Object.fromEntries(specs.map((s) => [s.topic, s.partitions])));
    await topics.admin.deleteTopics({ topics: specs.map((s) => s.topic) });
    // Deletion is asynchronous in KRaft: the controller acknowledges before every broker's
    // metadata has caught up, so poll until the names are gone.
    let left: string[] = [];
    const gone = await waitFor(
      async () => {
        left = (await topics.admin.listTopics()).filter((t) => t.startsWith(prefix));
        return left.length === 0 ? true : undefined;
      },
      { timeoutMs: 30_000, describe: () => `still listed: ${left.join(', ')}` },
    );
    expect(gone).toBe(true);
  });
});

interface Received {
  key: string | undefined;
  value: string;
  headers: Record<string, string>;
}

/**
 * Joins `groupId`, reads `count` distinct messages, commits them and leaves the group. Distinct by
 * partition and offset: delivery is at least once, and a consumer that restarts early (a fresh
 * broker's coordinator still loading) reads an uncommitted partition again.
 */
async function consume(
  kafka: Kafka,
  groupId: string,
  topic: string,
  count: number,
): Promise<Received[]> {
  const consumer: Consumer = kafka.consumer({
    groupId,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const received: Received[] = [];
  const seen = new Set<string>();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`got ${received.length} of ${count} messages`)),
      60_000,
    );
    consumer
      .run({
        eachMessage: ({ partition, message }: EachMessagePayload) => {
          const at = `${partition}@${message.offset}`;
          if (seen.has(at)) return Promise.resolve();
          seen.add(at);
          received.push({
            key: message.key?.toString('utf8'),
            value: message.value?.toString('utf8') ?? '',
            headers: Object.fromEntries(
              Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
            ),
          });
          if (received.length === count) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect(); // commits the offsets of what was processed
  return received;
}
