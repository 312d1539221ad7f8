import type { Article, SyndicationItem } from '@depeche/article';
import { ArticleStore } from '@depeche/persistence';
import {
  JSON_EVENT_HEADERS,
  kcatProduce,
  readTopic,
  sampleArticle,
  sampleEvent,
  testBrokers,
  testKafka,
  waitFor,
  type AppProcess,
  type SampleEvent,
} from '@depeche/testing';
import { createIngestWorld, DATABASES, type IngestWorld } from './ingest-harness';

/**
 * The sample article's life, produced with kcat (a Kafka client that is not ours) from JSON files:
 * published, updated, a stale replay, a duplicate, withdrawn. Run on both databases.
 */
describe.each(DATABASES)('the sample article through ingest on %s', (_name, createDatabase) => {
  let world: IngestWorld;
  let ingest: AppProcess;
  let store: ArticleStore;
  const id = sampleArticle().id;

  beforeAll(async () => {
    world = await createIngestWorld(await createDatabase());
    ingest = await world.startIngest();
    store = new ArticleStore(world.database.db);
  });

  afterAll(async () => {
    await world.cleanup();
  });

  const produce = (event: SampleEvent): Promise<void> =>
    kcatProduce(testBrokers().join(','), world.events, {
      key: event.article.id,
      value: JSON.stringify(event, null, 2),
      headers: JSON_EVENT_HEADERS,
    });

  const currentVersion = (version: number): Promise<Article> =>
    waitFor(
      async () => {
        const current = await store.current(id);
        return current?.article.version === version ? current.article : undefined;
      },
      { describe: () => `waiting for v${version}\n${ingest.output()}` },
    );

  const v1 = sampleEvent();
  const v2 = sampleEvent({
    type: 'article.updated',
    article: {
      version: 2,
      headline: 'Loukachenko reçoit l’émissaire américain à Minsk',
      updatedAt: '2025-07-04T16:00:00Z',
    },
  });

  it('stores the published sample with its text byte-exact', async () => {
    await produce(v1);
    const stored = await currentVersion(1);
    expect(stored).toEqual(sampleArticle());
    expect(Buffer.from(stored.headline).equals(Buffer.from(sampleArticle().headline))).toBe(true);
  });

  it('makes v2 current', async () => {
    await produce(v2);
    const stored = await currentVersion(2);
    expect(stored.headline).toBe('Loukachenko reçoit l’émissaire américain à Minsk');
    expect(stored.change).toBe('updated');
  });

  it('ignores v1 replayed and a duplicate of v2, keeping v2 current', async () => {
    await produce(v1); // the same event again: duplicate-event
    await produce(sampleEvent()); // v1's content under a new event id: duplicate-version
    await produce(v2); // duplicate-event
    // A marker event after them: once it is stored, everything before it on the partition was handled.
    const marker = sampleEvent({ article: { id: 'marker-1', version: 1 } });
    await kcatProduce(testBrokers().join(','), world.events, {
      key: 'marker-1',
      value: JSON.stringify(marker),
      headers: JSON_EVENT_HEADERS,
    });
    await waitFor(() => store.current('marker-1'));
    expect((await store.current(id))?.article.version).toBe(2);
    const versions = await store.versions(id);
    expect(versions.map((v) => [v.article.version, v.stale])).toEqual([
      [1, false],
      [2, false],
    ]);
  });

  it('keeps a tombstone for a withdrawal', async () => {
    await produce(
      sampleEvent({
        type: 'article.withdrawn',
        occurredAt: '2025-07-05T09:00:00Z',
        article: { version: 3, updatedAt: '2025-07-05T09:00:00Z' },
      }),
    );
    const stored = await currentVersion(3);
    expect(stored.change).toBe('withdrawn');
    expect(stored.withdrawnAt).toBe('2025-07-05T09:00:00.000Z');
  });

  it('dead-letters a change that does not raise the version, keeping what is stored', async () => {
    // A correction sent as version 3 again: neither applied over the withdrawal nor dropped.
    const unraised = sampleEvent({
      type: 'article.corrected',
      article: { version: 3, correctionNote: 'Le nom de l’émissaire a été corrigé.' },
    });
    const value = JSON.stringify(unraised, null, 2);
    await kcatProduce(testBrokers().join(','), world.events, {
      key: id,
      value,
      headers: JSON_EVENT_HEADERS,
    });
    const [letter] = await readTopic(testKafka(), world.dlq, (m) => m.length >= 1);
    expect(letter?.headers['dlq-error-code']).toBe('version-conflict');
    expect(letter?.headers['dlq-error-fields']).toBe('article.version');
    expect(letter?.value?.toString('utf8')).toBe(value);
    const current = await store.current(id);
    expect([current?.article.version, current?.article.change]).toEqual([3, 'withdrawn']);
  });

  it('announces each accepted change once on syndication.items', async () => {
    const messages = await readTopic(testKafka(), world.items, (m) => m.length >= 4);
    const items = messages.map(
      (m) => JSON.parse(m.value?.toString('utf8') ?? '') as SyndicationItem,
    );
    const ofSample = items.filter((item) => item.articleId === id);
    expect(ofSample.map((i) => [i.version, i.change])).toEqual([
      [1, 'published'],
      [2, 'updated'],
      [3, 'withdrawn'],
    ]);
    expect(new Set(ofSample.map((i) => i.eventId)).size).toBe(3);
    expect(ofSample[0]?.article).toEqual(sampleArticle());
    // The relay splices the stored article into each item: what goes out is exactly the JSON of
    // the item, with nothing lost or doubled at the seams.
    for (const m of messages) {
      const text = m.value?.toString('utf8') ?? '';
      expect(text).toBe(JSON.stringify(JSON.parse(text)));
    }
    expect(messages.every((m) => m.headers['content-type'] === 'application/json')).toBe(true);
  });
});
