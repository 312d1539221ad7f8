import { DLQ_HEADERS } from '@depeche/contracts';
import { SqliteDatabase } from '@depeche/persistence';
import {
  createSqliteTestDatabase,
  readTopic,
  testBrokers,
  testKafka,
  testTopics,
  type TestDatabase,
  type TestTopics,
} from '@depeche/testing';
import { main } from './cli';

/** The CLI in-process against real topics; the topics are read back with a plain consumer. */
describe('npm run depeche -- publish-sample | replay-dlq', () => {
  let topics: TestTopics;
  let events: string;
  let dlq: string;
  let database: TestDatabase;

  beforeAll(async () => {
    topics = await testTopics();
    events = await topics.create('articles.events', 2);
    dlq = await topics.create('articles.events.dlq');
    database = createSqliteTestDatabase();
  });

  afterAll(async () => {
    await topics.cleanup();
    await database.drop();
  });

  async function runCli(
    ...args: string[]
  ): Promise<{ code: number; out: string; progress: string }> {
    let out = '';
    let progress = '';
    const code = await main(args, {
      env: {
        KAFKA_BROKERS: testBrokers().join(','),
        INGEST_TOPIC: events,
        INGEST_DLQ_TOPIC: dlq,
        ...database.env,
      },
      output: { out: (t) => void (out += t), progress: { write: (t) => void (progress += t) } },
      interrupted: new Promise(() => undefined),
    });
    return { code, out, progress };
  }

  it('publishes the sample article with a correlation id', async () => {
    const result = await runCli('publish-sample', '--version', '2');
    expect([result.code, result.progress]).toEqual([0, '']);
    const [message] = await readTopic(testKafka(), events, (m) => m.length >= 1);
    const event = JSON.parse(message?.value?.toString('utf8') ?? '') as {
      type: string;
      article: { id: string; version: number };
    };
    expect([event.type, event.article.version, message?.key]).toEqual([
      'article.updated',
      2,
      event.article.id,
    ]);
    expect(message?.headers['correlation-id']).toMatch(/^cli-/);
  });

  it('replays the dead letters a filter selects, with a progress bar and an audit record', async () => {
    const letter = (key: string, code: string) => ({
      key,
      value: Buffer.from([0x7b, 0xff]), // `{` then a byte that is not UTF-8: sent back as is
      headers: {
        'content-type': 'application/json',
        [DLQ_HEADERS.errorCode]: code,
        [DLQ_HEADERS.failedAt]: '2026-03-01T10:00:00.000Z',
      },
    });
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: dlq,
      acks: -1,
      messages: [
        letter('a', 'invalid-utf8'),
        letter('b', 'schema-violation'),
        letter('c', 'invalid-utf8'),
      ],
    });
    await producer.disconnect();

    const result = await runCli(
      'replay-dlq',
      '--code',
      'invalid-utf8',
      '--from',
      '2026-03-01T00:00:00Z',
    );
    expect([result.code, result.out]).toEqual([0, `replayed 2 of 3 dead letters to ${events}\n`]);
    expect(result.progress).toContain('100%  3/3');

    const replayed = (
      await readTopic(
        testKafka(),
        events,
        (m) => m.filter((x) => x.headers['replayed-from']).length >= 2,
      )
    ).filter((m) => m.headers['replayed-from']);
    expect(replayed.map((m) => [m.key, m.headers['replayed-from']]).sort()).toEqual([
      ['a', `${dlq}/0/0`],
      ['c', `${dlq}/0/2`],
    ]);
    expect(replayed[0]?.value).toEqual(Buffer.from([0x7b, 0xff]));
    expect(Object.keys(replayed[0]?.headers ?? {}).sort()).toEqual([
      'content-type',
      'replayed-from',
    ]);

    // Run again: what was replayed is skipped, unless --all.
    const again = await runCli('replay-dlq', '--code', 'invalid-utf8');
    expect([again.code, again.out]).toEqual([
      0,
      `replayed 0 of 3 dead letters to ${events} (2 replayed before, skipped: --all replays them again)\n`,
    ]);
    const all = await runCli('replay-dlq', '--code', 'invalid-utf8', '--all', '--dry-run');
    expect(all.out).toBe(`would replay 2 of 3 dead letters to ${events}\n`);

    const db = new SqliteDatabase(database.env.SQLITE_PATH ?? '');
    try {
      const audit = await db.query<{ actor: string; detail: string }>(
        'SELECT actor, detail FROM ops_audit ORDER BY id',
      );
      expect(audit).toEqual([
        {
          actor: expect.stringMatching(/^cli:/) as unknown,
          detail: `2 of 3 replayed to ${events}`,
        },
        {
          actor: expect.stringMatching(/^cli:/) as unknown,
          detail: `0 of 3 replayed to ${events}`,
        },
      ]);
    } finally {
      await db.close();
    }
  });

  it('refuses an error code that does not exist', async () => {
    const result = await runCli('replay-dlq', '--code', 'nonsense');
    expect(result.code).toBe(2);
    expect(result.progress).toContain('--code must be one of');
  });
});
