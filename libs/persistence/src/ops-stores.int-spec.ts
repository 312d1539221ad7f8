import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  type TestDatabase,
} from '@depeche/testing';
import { ArticleAuditTrail } from './audit-trail';
import { AuditLog } from './audit-log';
import { PullRecorder } from './audit-pulls';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { OpsDeadLetterStore, type IndexedDeadLetter } from './ops-dead-letters';
import { OpsDeliveryEventStore } from './ops-delivery-events';

const DATABASES: [string, () => Promise<TestDatabase>][] = [
  ['PostgreSQL', createPostgresTestDatabase],
  ['SQLite', () => Promise.resolve(createSqliteTestDatabase())],
];

function letter(offset: string, errorCode: string, failedAt: string): IndexedDeadLetter {
  return {
    topic: 'dlq',
    partition: 0,
    offset,
    key: Buffer.from('story').toString('base64'),
    value: Buffer.from([0xff]).toString('base64'),
    headers: { 'dlq-error-code': Buffer.from(errorCode).toString('base64') },
    errorCode,
    errorMessage: `${errorCode} happened`,
    sourceTopic: 'events',
    failedAt,
  };
}

describe.each(DATABASES)('the operations tables on %s', (_, create) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await create();
    await migrate(database.db, MIGRATIONS);
  });

  afterAll(() => database.drop());

  it('indexes a dead letter once however often it is read, and filters the index', async () => {
    const store = new OpsDeadLetterStore(database.db);
    const now = new Date('2026-03-01T00:00:00Z');
    await store.index(letter('1', 'invalid-json', '2026-03-01T10:00:00.000Z'), now);
    await store.index(letter('1', 'invalid-json', '2026-03-01T10:00:00.000Z'), now);
    await store.index(letter('2', 'schema-violation', '2026-03-01T11:00:00.000Z'), now);
    await store.index(letter('3', 'invalid-json', '2026-03-01T12:00:00.000Z'), now);

    expect((await store.find()).map((l) => l.offset)).toEqual(['3', '2', '1']);
    expect((await store.find({ errorCode: 'invalid-json' })).map((l) => l.offset)).toEqual([
      '3',
      '1',
    ]);
    const window = {
      failedFrom: '2026-03-01T11:00:00.000Z',
      failedBefore: '2026-03-01T12:00:00.000Z',
    };
    expect((await store.find(window)).map((l) => l.offset)).toEqual(['2']);

    await store.markReplayed({ topic: 'dlq', partition: 0, offset: '3' }, 'operator:ana', now);
    expect((await store.find({ notReplayedOnly: true })).map((l) => l.offset)).toEqual(['2', '1']);
    expect(await store.get({ topic: 'dlq', partition: 0, offset: '3' })).toMatchObject({
      replayedBy: 'operator:ana',
      value: Buffer.from([0xff]).toString('base64'),
    });
    expect(await store.countByCode()).toEqual([
      { errorCode: 'invalid-json', count: 2 },
      { errorCode: 'schema-violation', count: 1 },
    ]);
  });

  it('walks every match oldest first, page by page, ties on the failure time included', async () => {
    const store = new OpsDeadLetterStore(database.db);
    const now = new Date('2026-04-01T00:00:00Z');
    const at = (hour: number): string => `2026-04-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
    // Five of one code, two of them failed in the same millisecond, and one of another code.
    for (const [offset, code, hour] of [
      ['14', 'walk', 9],
      ['11', 'walk', 8],
      ['12', 'walk', 8],
      ['10', 'walk', 7],
      ['13', 'other', 8],
      ['15', 'walk', 10],
    ] as const) {
      await store.index(letter(offset, code, at(hour)), now);
    }
    const walked: string[] = [];
    let after: IndexedDeadLetter | undefined;
    for (;;) {
      const page = await store.pageOldestFirst({ errorCode: 'walk' }, after, 2);
      walked.push(...page.map((l) => l.offset));
      after = page.at(-1);
      if (page.length < 2) break;
    }
    expect(walked).toEqual(['10', '11', '12', '14', '15']);
    expect(
      (await store.pageOldestFirst({ errorCode: 'walk', failedBefore: at(9) }, undefined, 10)).map(
        (l) => l.offset,
      ),
    ).toEqual(['10', '11', '12']);
  });

  it('records pulls in batches off the request path, and shows them in the audit trail', async () => {
    const recorder = new PullRecorder(database.db, { flushMs: 60_000, maxRows: 3 });
    const pulledAt = new Date('2026-03-01T09:00:00Z');
    const pull = {
      partnerId: 'le-soir',
      format: 'rss',
      etag: '"e1"',
      path: '/feeds/a.rss',
      pulledAt,
    };
    recorder.record({ ...pull, articleIds: ['a', 'b'] });
    // Two rows wait: nothing is written before the batch fills or the timer fires.
    const [before] = await database.db.query<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM audit_pulls',
    );
    expect(Number(before?.n)).toBe(0);
    recorder.record({ ...pull, articleIds: ['a'], format: 'atom', etag: '"e2"' });
    recorder.record({ ...pull, articleIds: [], etag: '"e3"' }); // a feed that carried no article
    await recorder.flush();

    const delivered = {
      outcome: 'delivered',
      partnerId: 'le-soir',
      articleId: 'a',
      version: 1,
      format: 'ninjs',
      attempt: 1,
      statusCode: 200,
      detail: 'ok',
      at: '2026-03-01T08:00:00.000Z',
    } as const;
    const reports = new OpsDeliveryEventStore(database.db);
    await reports.record(delivered);
    // ops.events is read at least once: the same report read again is recorded once.
    await reports.record(delivered);
    const audit = await new ArticleAuditTrail(database.db).of('a');
    // Newest first; at the same instant, the one recorded last comes first.
    expect(audit.pulls.map((p) => [p.format, p.etag])).toEqual([
      ['atom', '"e2"'],
      ['rss', '"e1"'],
    ]);
    expect(audit.deliveries).toEqual([
      expect.objectContaining({ partnerId: 'le-soir', statusCode: 200 }),
    ]);
    expect(audit.versions).toEqual([]); // no version of `a` was stored in this test
    const [all] = await database.db.query<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM audit_pulls',
    );
    expect(Number(all?.n)).toBe(4); // a, b, a, and the empty pull
  });

  it('records a representation a partner pulls again only once a minute', async () => {
    const recorder = new PullRecorder(database.db, { flushMs: 60_000 });
    const t = new Date('2026-03-02T09:00:00Z');
    const pull = { partnerId: 'p', articleIds: ['x', 'y'], format: 'rss', path: '/f.rss' };
    for (const [etag, ms] of [
      ['"v1"', 0],
      ['"v1"', 1_000], // the same document again within the minute: not recorded
      ['"v2"', 2_000], // the feed changed: recorded
      ['"v1"', 59_999], // still within the minute of the first
      ['"v1"', 60_000], // a minute later: recorded again
    ] as const) {
      recorder.record({ ...pull, etag, pulledAt: new Date(t.getTime() + ms) });
    }
    await recorder.flush();
    const rows = await database.db.query<{ etag: string; pulled_at: string }>(
      "SELECT etag, pulled_at FROM audit_pulls WHERE partner_id = 'p' AND article_id = 'x' ORDER BY id",
    );
    expect(rows.map((r) => [r.etag, r.pulled_at])).toEqual([
      ['"v1"', '2026-03-02T09:00:00.000Z'],
      ['"v2"', '2026-03-02T09:00:02.000Z'],
      ['"v1"', '2026-03-02T09:01:00.000Z'],
    ]);
  });

  it('keeps operator actions newest first', async () => {
    const log = new AuditLog(database.db);
    await log.record({
      actor: 'cli:x',
      action: 'rebuild',
      target: 't',
      detail: '1',
      at: '2026-03-01T00:00:00Z',
    });
    await log.record({
      actor: 'operator:y',
      action: 'pause-partner',
      target: 'p',
      detail: '2',
      at: '2026-03-01T00:01:00Z',
    });
    expect((await log.recent(1)).map((e) => e.action)).toEqual(['pause-partner']);
  });
});
