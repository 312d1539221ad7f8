import type { Article } from '@depeche/article';
import {
  DeliveryQueue,
  migrate,
  MIGRATIONS,
  PartnerStore,
  WebhookEndpointStore,
  type SqlDatabase,
  type SqlExecutor,
} from '@depeche/persistence';
import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  lockWaiter,
  sampleArticle,
  type TestDatabase,
} from '@depeche/testing';
import { itemOf, itemsMessage } from '../test-support/items-message';
import { oneWebhookPartner, oneWebhookTargets } from '../test-support/one-webhook-partner';
import { ItemsBatchHandler } from './items-batch.handler';

const now = new Date('2025-07-04T15:00:00.000Z');
const v1 = sampleArticle();
const v2: Article = { ...v1, version: 2, change: 'updated' };
const message = (offset: string, article: Article) =>
  itemsMessage(offset, itemOf(article, now), now);
const dispatch = { owner: 'worker', leaseMs: 60_000, room: () => 8 };

/**
 * Issue 6, order per story and partner: the fan-out sends a new version at once only where no
 * older one of the story is open for that target. It reads that before its transaction; an
 * operator's redelivery of a dead v1 in between put v1 back in the queue while v2 went out at
 * once, and v1 followed v2. The fan-out now looks again inside its transaction.
 */
describe.each([
  ['PostgreSQL', createPostgresTestDatabase],
  ['SQLite', () => Promise.resolve(createSqliteTestDatabase())],
])('a redelivered older version on %s', (_name, create) => {
  let database: TestDatabase;
  let queue: DeliveryQueue;

  beforeEach(async () => {
    database = await create();
    await migrate(database.db, MIGRATIONS);
    queue = new DeliveryQueue(database.db);
    await deadV1(database.db, queue);
  });

  afterEach(() => database.drop());

  const statuses = async (): Promise<[number, string][]> =>
    (
      await database.db.query<{ version: number; status: string }>(
        'SELECT version, status FROM deliveries ORDER BY version',
      )
    ).map((row) => [Number(row.version), row.status]);

  it('queues v2 behind v1 when v1 was redelivered after the fan-out read the queue', async () => {
    const dead = await queue.list({ status: 'dead' });
    // The redelivery lands between the fan-out's reading of the queue and its transaction.
    const redeliverFirst: SqlDatabase = Object.assign(Object.create(database.db) as SqlDatabase, {
      transaction: async <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> => {
        expect(
          await queue.redeliver(
            dead.map((d) => d.id),
            now,
          ),
        ).toBe(1);
        return database.db.transaction(work);
      },
    });
    const second = await fanOut(redeliverFirst).handle([message('2', v2)]);

    expect(second.claimed).toEqual([]);
    expect(await statuses()).toEqual([
      [1, 'pending'],
      [2, 'pending'],
    ]);
    // The claims keep the order: v1 first, v2 only after v1's outcome.
    const claim = { owner: 'w2', now, leaseMs: 10_000, limit: 10, perTarget: 10 };
    expect((await queue.claim({ ...claim, excludeTargets: [] })).map((d) => d.version)).toEqual([
      1,
    ]);
  });
});

describe('a redelivery during a fan-out on PostgreSQL', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createPostgresTestDatabase();
    await migrate(database.db, MIGRATIONS);
  });

  afterEach(() => database.drop());

  it('waits for the fan-out that looked at the queue, then leaves v1 dead', async () => {
    const queue = new DeliveryQueue(database.db);
    const sent = await deadV1(database.db, queue);

    // Right after the fan-out's second look at the queue, an operator redelivers v1.
    let redelivery: Promise<number> | undefined;
    let first: string | undefined;
    const looked = (sql: string): boolean => sql.includes('SELECT DISTINCT target_id, article_id');
    const spied: SqlDatabase = Object.assign(Object.create(database.db) as SqlDatabase, {
      transaction: <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> =>
        database.db.transaction((tx) =>
          work(
            Object.assign(Object.create(tx) as SqlExecutor, {
              query: async <Row extends object>(sql: string, params?: readonly unknown[]) => {
                const rows = await tx.query<Row>(sql, params as never);
                if (looked(sql) && redelivery === undefined) {
                  redelivery = queue.redeliver([sent.id], now);
                  first = await Promise.race([
                    redelivery.then(() => 'redelivery ended'),
                    lockWaiter(database, 'deliveries').then(() => 'redelivery waits'),
                  ]);
                }
                return rows;
              },
            }),
          ),
        ),
    });
    const second = await fanOut(spied).handle([message('2', v2)]);

    expect(first).toBe('redelivery waits');
    expect(await redelivery).toBe(0);
    expect(second.claimed.map((d) => d.version)).toEqual([2]);
    expect(
      (
        await database.db.query<{ version: number; status: string }>(
          'SELECT version, status FROM deliveries ORDER BY version',
        )
      ).map((row) => [Number(row.version), row.status]),
    ).toEqual([
      [1, 'dead'],
      [2, 'in_flight'],
    ]);
  });
});

/** oneWebhookPartner's partner and endpoint stored; v1 sent at once and refused for good. */
async function deadV1(db: SqlDatabase, queue: DeliveryQueue): Promise<{ id: string }> {
  const [target] = oneWebhookTargets().webhooks;
  if (!target) throw new Error('oneWebhookTargets has no webhook');
  await new PartnerStore(db).createPartner(target.partner);
  await new WebhookEndpointStore(db).create(target.endpoint);
  const [sent] = (await fanOut(db).handle([message('1', v1)])).claimed;
  if (!sent) throw new Error('v1 was not sent at once');
  await queue.deadLetter(sent.id, dispatch.owner, now, 'HTTP 400 (permanent)', 400);
  return sent;
}

function fanOut(db: SqlDatabase): ItemsBatchHandler {
  return new ItemsBatchHandler(db, oneWebhookPartner(), {
    publicBaseUrl: 'http://localhost',
    now: () => now,
    dispatch,
  });
}
