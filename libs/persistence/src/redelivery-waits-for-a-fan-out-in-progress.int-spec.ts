import {
  createPostgresTestDatabase,
  lockWaiter,
  newDelivery,
  storeWebhookTargets,
  type TestDatabase,
} from '@depeche/testing';
import { DeliveryQueue, migrate, MIGRATIONS } from '.';

const t0 = new Date('2025-07-04T15:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

/**
 * Issue 6, order per story and partner: a dead v1 must not go back into the queue while a fan-out
 * is queueing v2 for the same target. Redelivery's "nothing newer went or is going there" reads
 * other rows; read before the fan-out commits, it found nothing, and v1 went out after v2.
 * PostgreSQL only: SQLite writes one transaction at a time.
 */
describe('redelivery beside a fan-out in progress on PostgreSQL', () => {
  let database: TestDatabase;
  let queue: DeliveryQueue;

  beforeEach(async () => {
    database = await createPostgresTestDatabase();
    await migrate(database.db, MIGRATIONS);
    await storeWebhookTargets(database.db, ['a'], 'p');
    queue = new DeliveryQueue(database.db);
  });

  afterEach(async () => {
    await database.drop();
  });

  /** v1 of story s1 to target a, claimed and refused for good. */
  async function deadV1(): Promise<void> {
    await database.db.transaction((tx) =>
      DeliveryQueue.enqueue(tx, [newDelivery('a', 's1', 1, t0, t0)], t0),
    );
    const claim = { owner: 'w', now: t0, leaseMs: 10_000, limit: 10, perTarget: 10 };
    const [v1] = await queue.claim({ ...claim, excludeTargets: [] });
    expect(v1?.id).toBe('a-s1-1');
    await queue.deadLetter('a-s1-1', 'w', t0, 'HTTP 400 (permanent)', 400);
  }

  it('waits for the fan-out, then leaves v1 dead because v2 is queued', async () => {
    await deadV1();

    // The fan-out of v2 has inserted its row and not committed yet.
    let commit = (): void => undefined;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let inserted = (): void => undefined;
    const insertDone = new Promise<void>((resolve) => (inserted = resolve));
    const fanOut = database.db.transaction(async (tx) => {
      await DeliveryQueue.enqueue(tx, [newDelivery('a', 's1', 2, at(1_000), at(1_000))], at(1_000));
      inserted();
      await committed;
    });
    await insertDone;

    const redelivery = queue.redeliver(['a-s1-1'], at(2_000));
    const first = await Promise.race([
      redelivery.then(() => 'redelivery ended' as const),
      lockWaiter(database, 'deliveries').then(() => 'redelivery waits' as const),
    ]);
    commit();
    await fanOut;

    expect(first).toBe('redelivery waits');
    expect(await redelivery).toBe(0);
    expect((await queue.get('a-s1-1'))?.status).toBe('dead');
    expect((await queue.get('a-s1-2'))?.status).toBe('pending');
  });

  it('still redelivers when no newer version is coming', async () => {
    await deadV1();
    expect(await queue.redeliverTarget('a', at(1_000))).toBe(1);
    expect((await queue.get('a-s1-1'))?.status).toBe('pending');
  });
});
