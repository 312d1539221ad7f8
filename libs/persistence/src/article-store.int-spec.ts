import type { Article } from '@depeche/article';
import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  sampleArticle,
  type TestDatabase,
} from '@depeche/testing';
import { randomUUID } from 'node:crypto';
import {
  ArticleStore,
  migrate,
  MIGRATIONS,
  OutboxRepository,
  type IncomingVersion,
  type OutboxMessage,
} from '.';

/**
 * better-sqlite3's native module keeps the error class of the first jest test file that loaded it,
 * so its errors are not `instanceof Error` in later files: match the message instead of toThrow().
 */
const CONSTRAINT_VIOLATION = expect.stringMatching(
  /UNIQUE constraint|PRIMARY KEY|duplicate key/i,
) as string;

const announce = (incoming: IncomingVersion): OutboxMessage => ({
  topic: 'syndication.items',
  key: incoming.article.id,
  value: JSON.stringify({ eventId: incoming.eventId, version: incoming.article.version }),
  headers: { 'event-id': incoming.eventId },
});

const version = (
  n: number,
  fields: Partial<Article> = {},
  eventId = randomUUID(),
): IncomingVersion => ({
  eventId,
  article: sampleArticle({ version: n, ...fields }),
  receivedAt: `2025-07-04T15:00:0${n}.000Z`,
});

/** One suite, two databases: the store behaves the same on both. */
describe.each([
  ['PostgreSQL', createPostgresTestDatabase],
  ['SQLite', () => Promise.resolve(createSqliteTestDatabase())],
])('the article store on %s', (_name, create: () => Promise<TestDatabase>) => {
  let test: TestDatabase;
  let store: ArticleStore;
  let outbox: OutboxRepository;

  beforeAll(async () => {
    test = await create();
    expect(await migrate(test.db, MIGRATIONS)).toEqual(MIGRATIONS.map((m) => m.id));
    store = new ArticleStore(test.db);
    outbox = new OutboxRepository(test.db);
  });

  afterAll(async () => {
    await test.drop();
  });

  it('accepts, ignores duplicates, keeps an unseen older version as stale, and never goes back', async () => {
    const v2 = version(2);
    expect(await store.storeBatch([v2], announce)).toEqual(['accepted']);
    // In one batch: the same event again, another event with v2, an older v1 never seen, v3.
    const outcomes = await store.storeBatch(
      [
        v2,
        version(2),
        version(1),
        version(3, { change: 'withdrawn', withdrawnAt: '2025-07-05T09:00:00.000Z' }),
      ],
      announce,
    );
    expect(outcomes).toEqual(['duplicate-event', 'duplicate-version', 'stale', 'accepted']);
    const current = await store.current(sampleArticle().id);
    expect([
      current?.article.version,
      current?.article.change,
      current?.article.withdrawnAt,
    ]).toEqual([3, 'withdrawn', '2025-07-05T09:00:00.000Z']);
    expect(
      (await store.versions(sampleArticle().id)).map((v) => [v.article.version, v.stale]),
    ).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
  });

  it('writes one outbox message per accepted change, relays them in order, and marks them sent', async () => {
    expect(await outbox.backlog()).toBe(2);
    const sent: string[] = [];
    const relayed = await outbox.relay(10, (messages) => {
      sent.push(...messages.map((m) => m.value));
      return Promise.resolve();
    });
    expect(relayed).toBe(2);
    expect(sent.map((v) => (JSON.parse(v) as { version: number }).version)).toEqual([2, 3]);
    expect(await outbox.backlog()).toBe(0);
  });

  it('keeps messages whose publishing failed, to send them again', async () => {
    await store.storeBatch([version(4)], announce);
    await expect(outbox.relay(10, () => Promise.reject(new Error('broker down')))).rejects.toThrow(
      'broker down',
    );
    expect(await outbox.backlog()).toBe(1);
    expect(await outbox.relay(10, () => Promise.resolve())).toBe(1);
    expect(await outbox.backlog()).toBe(0);
  });

  it('rolls back the whole batch when one write fails, so a retry starts clean', async () => {
    const v5 = version(5);
    // Another story claiming the sample's guid violates the unique index after v5 was written.
    const clash = version(1, { id: 'another-story' });
    await expect(store.storeBatch([v5, clash], announce)).rejects.toMatchObject({
      message: CONSTRAINT_VIOLATION,
    });
    expect((await store.current(sampleArticle().id))?.article.version).toBe(4);
    expect(await store.storeBatch([v5], announce)).toEqual(['accepted']);
  });
});
