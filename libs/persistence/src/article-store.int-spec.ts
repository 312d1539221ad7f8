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

  it('writes one outbox message per accepted change, relays them in order, and removes them once sent', async () => {
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

  it('relays a message that refers to its stored version with the document spliced back in, byte-exact', async () => {
    const story = version(1, { id: 'spliced', guid: 'urn:test:spliced' });
    const head = `{"eventId":"${story.eventId}","article":`;
    const byReference = (incoming: IncomingVersion): OutboxMessage => ({
      ...announce(incoming),
      value: `${head}}`,
      embeds: {
        articleId: incoming.article.id,
        version: incoming.article.version,
        at: head.length,
      },
    });
    expect(await store.storeBatch([story], byReference)).toEqual(['accepted']);
    const sent: string[] = [];
    await outbox.relay(10, (messages) => {
      sent.push(...messages.map((m) => m.value));
      return Promise.resolve();
    });
    expect(sent).toEqual([`${head}${JSON.stringify(story.article)}}`]);
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

  /** A version of a story of its own (ids and guids are unique), so these cases do not touch the sample's. */
  const storyVersion = (story: string, n: number, eventId = randomUUID()): IncomingVersion =>
    version(n, { id: story, guid: `urn:test:${story}` }, eventId);

  /** The outbox messages of `stories`, oldest id first, as `story@version`. */
  const outboxOf = async (stories: readonly string[]): Promise<string[]> => {
    const rows = await test.db.query<{ message_key: string; message_value: string }>(
      `SELECT message_key, message_value FROM outbox ORDER BY id`,
    );
    return rows
      .filter((r) => stories.includes(r.message_key))
      .map(
        (r) => `${r.message_key}@${(JSON.parse(r.message_value) as { version: number }).version}`,
      );
  };

  const recordedOutcomes = async (batch: readonly IncomingVersion[]): Promise<string[]> => {
    const rows = await test.db.query<{ event_id: string; outcome: string }>(
      'SELECT event_id, outcome FROM processed_events',
    );
    const byEvent = new Map(rows.map((r) => [r.event_id, r.outcome]));
    return batch.map((v) => byEvent.get(v.eventId) ?? 'missing');
  };

  it('replays several versions of one story in one batch as if they came one after another', async () => {
    const story = 'mixed-order';
    const batch = [
      storyVersion(story, 2),
      storyVersion(story, 1), // older than v2, which the batch made current: stale
      storyVersion(story, 3),
      storyVersion(story, 1), // another event with v1, kept a moment ago
      storyVersion(story, 3), // another event with the new current version
      storyVersion(story, 2), // older and kept already
    ];
    expect(await store.storeBatch(batch, announce)).toEqual([
      'accepted',
      'stale',
      'accepted',
      'duplicate-version',
      'duplicate-version',
      'duplicate-version',
    ]);
    expect((await store.current(story))?.article.version).toBe(3);
    expect((await store.versions(story)).map((v) => [v.article.version, v.stale])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect(await outboxOf([story])).toEqual([`${story}@2`, `${story}@3`]);
    expect(await recordedOutcomes(batch)).toEqual([
      'accepted',
      'stale',
      'accepted',
      'duplicate-version',
      'duplicate-version',
      'duplicate-version',
    ]);
    // In a later batch, versions already kept are duplicates, stale or not.
    expect(
      await store.storeBatch([storyVersion(story, 1), storyVersion(story, 2)], announce),
    ).toEqual(['duplicate-version', 'duplicate-version']);
  });

  it('takes a version kept already with other content for a conflict: nothing changes, nothing is recorded', async () => {
    const story = 'version-not-raised';
    const published = storyVersion(story, 1);
    const withdrawn: IncomingVersion = {
      ...storyVersion(story, 1),
      article: {
        ...published.article,
        change: 'withdrawn',
        withdrawnAt: '2025-07-05T09:00:00.000Z',
      },
    };
    const retried = storyVersion(story, 1); // the same content under a new event id
    expect(await store.storeBatch([published], announce)).toEqual(['accepted']);
    expect(await store.storeBatch([withdrawn, retried], announce)).toEqual([
      'conflicting-version',
      'duplicate-version',
    ]);
    // Not recorded as processed: it comes again as the same conflict, for the caller to
    // dead-letter again, and never as a duplicate event that would be dropped.
    expect(await recordedOutcomes([published, withdrawn, retried])).toEqual([
      'accepted',
      'missing',
      'duplicate-version',
    ]);
    expect(await store.storeBatch([withdrawn], announce)).toEqual(['conflicting-version']);
    const current = await store.current(story);
    expect([current?.article.version, current?.article.change]).toEqual([1, 'published']);
    expect(await outboxOf([story])).toEqual([`${story}@1`]);
    // Within one batch too: the second event of a version with other content conflicts.
    const other = 'version-not-raised-in-a-batch';
    const first = storyVersion(other, 1);
    const second: IncomingVersion = {
      ...storyVersion(other, 1),
      article: { ...first.article, headline: 'Un autre titre' },
    };
    expect(await store.storeBatch([first, second], announce)).toEqual([
      'accepted',
      'conflicting-version',
    ]);
  });

  it("keeps a story's first guid when a later version comes from another provider", async () => {
    const story = 'provider-renamed';
    const first = storyVersion(story, 1);
    const renamed = (n: number): IncomingVersion => {
      const v = storyVersion(story, n);
      return {
        ...v,
        article: { ...v.article, provider: 'Agence Autre', guid: `urn:test:other:${story}` },
      };
    };
    expect(await store.storeBatch([first], announce)).toEqual(['accepted']);
    const announced: string[] = [];
    const recording = (incoming: IncomingVersion): OutboxMessage => {
      announced.push(incoming.article.guid);
      return announce(incoming);
    };
    // Within one batch too: the version after the renamed one keeps the guid as well.
    expect(await store.storeBatch([renamed(2), renamed(3)], recording)).toEqual([
      'accepted',
      'accepted',
    ]);
    expect(announced).toEqual([first.article.guid, first.article.guid]);
    const current = await store.current(story);
    expect([current?.article.guid, current?.article.provider]).toEqual([
      first.article.guid,
      'Agence Autre',
    ]);
    expect((await store.versions(story)).map((v) => v.article.guid)).toEqual(
      [1, 2, 3].map(() => first.article.guid),
    );
    // The same content sent again under a new event id is still a duplicate, not a conflict.
    expect(await store.storeBatch([renamed(3)], announce)).toEqual(['duplicate-version']);
  });

  it('stores an event id that comes twice in one batch once', async () => {
    const story = 'twice-in-a-batch';
    const v1 = storyVersion(story, 1);
    const batch = [v1, v1, storyVersion(story, 2), v1];
    expect(await store.storeBatch(batch, announce)).toEqual([
      'accepted',
      'duplicate-event',
      'accepted',
      'duplicate-event',
    ]);
    expect(await outboxOf([story])).toEqual([`${story}@1`, `${story}@2`]);
    expect(await recordedOutcomes([v1])).toEqual(['accepted']);
  });

  it('stores a batch of 500 events with 500 outbox messages and changes in batch order', async () => {
    // 250 stories, each published (v1) in the first half of the batch and updated (v2) in the second.
    const stories = Array.from({ length: 250 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`);
    const batch = [
      ...stories.map((s) => storyVersion(s, 1)),
      ...stories.map((s) => storyVersion(s, 2)),
    ].map((v, i) => ({ ...v, receivedAt: new Date(Date.UTC(2025, 6, 4, 16, 0, i)).toISOString() }));
    const outcomes = await store.storeBatch(batch, announce);
    expect(outcomes).toEqual(batch.map(() => 'accepted'));
    const expected = batch.map((v) => `${v.article.id}@${v.article.version}`);
    expect(await outboxOf(stories)).toEqual(expected);
    const changes = await test.db.query<{ article_id: string; version: number }>(
      'SELECT article_id, version FROM article_changes ORDER BY seq',
    );
    expect(
      changes
        .filter((c) => stories.includes(c.article_id))
        .map((c) => `${c.article_id}@${Number(c.version)}`),
    ).toEqual(expected);
    expect((await store.current('bulk-249'))?.article.version).toBe(2);
    expect(await recordedOutcomes(batch)).toEqual(batch.map(() => 'accepted'));
  });

  it('stores each event once when two consumers store the same batch at the same time', async () => {
    // A rebalance can hand a partition to two consumers for a moment: they race on the same events.
    // Which one loses, and where, depends on timing (a lost race used to escape as an error, once
    // in CI): ten rounds make the interleavings vary.
    for (let round = 0; round < 10; round++) {
      const stories = ['a', 'b', 'c'].map((s) => `race-${round}-${s}`);
      const batch = stories.flatMap((s) => [storyVersion(s, 1), storyVersion(s, 2)]);
      const results = await Promise.all([
        store.storeBatch(batch, announce),
        new ArticleStore(test.db).storeBatch(batch, announce),
      ]);
      expect(results.map((outcomes) => outcomes[0]).sort()).toEqual([
        'accepted',
        'duplicate-event',
      ]);
      expect(results.flat().filter((o) => o === 'accepted')).toHaveLength(batch.length);
      expect(await outboxOf(stories)).toHaveLength(batch.length);
    }
  });
});
