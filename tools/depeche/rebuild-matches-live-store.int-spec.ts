import { SqliteDatabase, type SqlDatabase } from '@depeche/persistence';
import {
  createPostgresTestDatabase,
  JSON_EVENT_HEADERS,
  sampleEvent,
  startAppProcess,
  testBrokers,
  testKafka,
  testTopics,
  uniqueName,
  waitFor,
  type AppProcess,
  type TestDatabase,
  type TestTopics,
} from '@depeche/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './cli';

/** The current state a rebuild must reproduce: every column but the wall-clock ones. */
async function currentState(db: SqlDatabase): Promise<unknown[]> {
  const articles = await db.query(
    `SELECT article_id, guid, version, change, language, document, first_published_at, updated_at,
            embargo_until, withdrawn_at FROM articles ORDER BY article_id`,
  );
  const versions = await db.query(
    `SELECT article_id, version, change, event_id, stale, document, correlation_id
     FROM article_versions ORDER BY article_id, version`,
  );
  return [
    articles,
    versions.map((v) => ({ ...v, stale: Boolean((v as { stale: unknown }).stale) })),
  ];
}

/** Code and output, with what the CLI said on its error stream when it failed. */
function outcome(result: { code: number; out: string; progress: string }): object {
  return result.code === 0
    ? { code: 0, out: result.out }
    : { code: result.code, out: result.out, said: result.progress };
}

describe('npm run depeche -- rebuild', () => {
  let topics: TestTopics;
  let events: string;
  let live: TestDatabase;
  let ingest: AppProcess;
  let dir: string;

  beforeAll(async () => {
    topics = await testTopics();
    events = await topics.create('articles.events', 3);
    const dlq = await topics.create('articles.events.dlq');
    const items = await topics.create('syndication.items', 3);
    live = await createPostgresTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'depeche-rebuild-'));
    const group = uniqueName('ingest');
    ingest = await startAppProcess('ingest', {
      ...live.env,
      KAFKA_BROKERS: testBrokers().join(','),
      INGEST_TOPIC: events,
      INGEST_DLQ_TOPIC: dlq,
      ITEMS_TOPIC: items,
      INGEST_GROUP_ID: group,
    });
    // A story's life (published, updated, an older version late, withdrawn), another story, a
    // duplicate event, a version sent again with other content (a conflict) and a broken one:
    // every path of the store.
    const published = sampleEvent();
    const id = published.article.id;
    const updated = sampleEvent({
      type: 'article.updated',
      article: { version: 3, headline: 'Third' },
    });
    const late = sampleEvent({
      type: 'article.updated',
      article: { version: 2, headline: 'Late second' },
    });
    const conflicting = sampleEvent({ article: { version: 1, headline: 'Another first' } });
    const withdrawn = sampleEvent({ type: 'article.withdrawn', article: { version: 4 } });
    const other = sampleEvent({ article: { id: 'wrm-20250705-autre-sujet', headline: 'Other' } });
    const messages = [published, updated, late, published, conflicting, withdrawn, other].map(
      (e, i) => ({
        key: e.article.id,
        value: JSON.stringify(e),
        headers: { ...JSON_EVENT_HEADERS, 'correlation-id': `rebuild-${i}` },
      }),
    );
    messages.push({
      key: id,
      value: '{"not": "an event"',
      headers: { ...JSON_EVENT_HEADERS, 'correlation-id': 'x' },
    });
    const producer = testKafka().producer();
    await producer.connect();
    for (const message of messages)
      await producer.send({ topic: events, acks: -1, messages: [message] });
    await producer.disconnect();
    // Live has consumed everything once its group has committed up to the end of every partition.
    const admin = topics.admin;
    await waitFor(
      async () => {
        const ends = await admin.fetchTopicOffsets(events);
        const [committed] = await admin.fetchOffsets({ groupId: group, topics: [events] });
        const at = new Map(committed?.partitions.map((p) => [p.partition, p.offset]));
        // A partition no story was keyed to has nothing to commit.
        return ends.every((e) => e.high === '0' || at.get(e.partition) === e.high)
          ? true
          : undefined;
      },
      { describe: () => ingest.output() },
    );
  });

  afterAll(async () => {
    await ingest.stop();
    await topics.cleanup();
    await live.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function runCli(
    ...args: string[]
  ): Promise<{ code: number; out: string; progress: string }> {
    let out = '';
    let progress = '';
    const code = await main(args, {
      env: { KAFKA_BROKERS: testBrokers().join(','), INGEST_TOPIC: events, ...live.env },
      output: { out: (t) => void (out += t), progress: { write: (t) => void (progress += t) } },
      interrupted: new Promise(() => undefined),
    });
    return { code, out, progress };
  }

  it('yields the same current state as the live store, with a progress bar', async () => {
    const target = join(dir, 'rebuilt.sqlite');
    const result = await runCli('rebuild', '--into', `sqlite:${target}`);
    // Two stories: the sample (withdrawn at v4) and the other one; the conflict and the broken
    // event refused, as live ingest refused them.
    expect(outcome(result)).toEqual({
      code: 0,
      out: `rebuilt 2 articles into sqlite:${target}; 2 invalid events refused, as the live dead-letter topic holds them\n`,
    });
    expect(result.progress).toContain('100%  8/8'); // the eight messages produced
    const rebuilt = new SqliteDatabase(target);
    try {
      const expected = await currentState(live.db);
      expect((expected[0] as unknown[]).length).toBe(2);
      expect(await currentState(rebuilt)).toEqual(expected);
    } finally {
      await rebuilt.close();
    }
  });

  it('starts from a time: nothing produced after it, nothing rebuilt', async () => {
    const target = join(dir, 'from-now.sqlite');
    const result = await runCli(
      'rebuild',
      '--into',
      `sqlite:${target}`,
      '--from-time',
      new Date(Date.now() + 60_000).toISOString(),
    );
    expect(outcome(result)).toEqual({ code: 0, out: `rebuilt 0 articles into sqlite:${target}\n` });
  });

  it('refuses a store that is not fresh', async () => {
    const result = await runCli('rebuild', '--into', String(live.env.DATABASE_URL));
    expect(result.code).toBe(1);
    expect(result.progress).toContain('already holds 2 articles');
  });
});
