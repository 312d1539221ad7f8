import {
  checkFeed,
  createPostgresTestDatabase,
  JSON_EVENT_HEADERS,
  kcatProduce,
  sampleEvent,
  startAppProcess,
  testBrokers,
  testTopics,
  uniqueName,
  validateJsonFeed,
  validateNewsml,
  waitFor,
  type AppProcess,
  type TestTopics,
  sampleEntitlement,
} from '@depeche/testing';

import { getWithKey, ProcessWorld } from './process-world';

/**
 * End to end, as a CMS and two partners would see it: an event produced with kcat (a Kafka client
 * that is not ours) is consumed by the real ingest process and appears in the entitled partner's
 * four feeds served by the real feed-api process, and never in the feed of a partner without the
 * section.
 */
describe('an article event, from Kafka to the partner feeds', () => {
  let world: ProcessWorld;
  let topics: TestTopics;
  let ingest: AppProcess;
  let feedApi: AppProcess;
  let entitled: string;
  let other: string;
  let eventsTopic: string;

  beforeAll(async () => {
    world = new ProcessWorld(await createPostgresTestDatabase());
    await world.migrate();
    entitled = await world.partner('entitled', sampleEntitlement({ sections: ['international'] }));
    other = await world.partner('other', sampleEntitlement({ sections: ['sport'] }));
    topics = await testTopics();
    eventsTopic = await topics.create('articles.events');
    const dlq = await topics.create('articles.events.dlq');
    const items = await topics.create('syndication.items');
    ingest = await startAppProcess('ingest', {
      ...world.database.env,
      KAFKA_BROKERS: testBrokers().join(','),
      INGEST_TOPIC: eventsTopic,
      INGEST_DLQ_TOPIC: dlq,
      ITEMS_TOPIC: items,
      INGEST_GROUP_ID: uniqueName('ingest'),
    });
    feedApi = await world.startFeedApi();
  });

  afterAll(async () => {
    await ingest?.stop();
    await topics?.cleanup();
    await world.cleanup();
  });

  it('is visible in the entitled partner’s RSS, Atom, JSON Feed and NewsML-G2 feeds only', async () => {
    const event = sampleEvent();
    await kcatProduce(testBrokers().join(','), eventsTopic, {
      key: event.article.id,
      value: JSON.stringify(event),
      headers: JSON_EVENT_HEADERS,
    });
    const guidPart = encodeURIComponent(event.article.id);
    const documents = await waitFor(
      async () => {
        const bodies = await Promise.all(
          ['rss', 'atom', 'json', 'xml'].map(async (ext) => {
            const response = await getWithKey(`${feedApi.url}/v1/feeds/all.${ext}`, entitled);
            return response.status === 200 ? Buffer.from(await response.arrayBuffer()) : undefined;
          }),
        );
        return bodies.every((b) => b?.toString('utf8').includes(guidPart))
          ? (bodies as Buffer[])
          : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100, describe: () => ingest.output() + feedApi.output() },
    );
    const [rss, atom, json, newsml] = documents as [Buffer, Buffer, Buffer, Buffer];
    for (const verdict of [
      await checkFeed(rss),
      await checkFeed(atom),
      await validateJsonFeed(json),
      await validateNewsml(newsml),
    ]) {
      if (!verdict.ok) throw new Error(verdict.output);
      expect(verdict.ok).toBe(true);
    }
    const otherFeed = await getWithKey(`${feedApi.url}/v1/feeds/all.json`, other);
    expect(otherFeed.status).toBe(200);
    expect(((await otherFeed.json()) as { items: unknown[] }).items).toEqual([]);
    expect((await getWithKey(`${feedApi.url}/v1/items/${event.article.id}`, other)).status).toBe(
      404,
    );
  });
});
