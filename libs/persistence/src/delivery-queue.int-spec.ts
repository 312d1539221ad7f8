import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  newDelivery,
  storeWebhookTargets,
  type TestDatabase,
} from '@depeche/testing';
import { DeliveryQueue, migrate, MIGRATIONS, PartnerStore, WebhookEndpointStore } from '.';

const t0 = new Date('2025-07-04T15:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

const delivery = (target: string, article: string, version: number, notBefore = t0) =>
  newDelivery(target, article, version, notBefore, t0);

const claimOf = (
  owner: string,
  now: Date,
  extra: Partial<Parameters<DeliveryQueue['claim']>[0]> = {},
) => ({
  owner,
  now,
  leaseMs: 10_000,
  limit: 100,
  perTarget: 100,
  excludeTargets: [],
  ...extra,
});

describe.each([
  ['PostgreSQL', createPostgresTestDatabase],
  ['SQLite', () => Promise.resolve(createSqliteTestDatabase())],
])('delivery queue on %s', (_name, create) => {
  let database: TestDatabase;
  let queue: DeliveryQueue;

  beforeEach(async () => {
    database = await create();
    await migrate(database.db, MIGRATIONS);
    await storeWebhookTargets(database.db, ['a', 'b', 'slow', 'fast', 'busy', 'idle']);
    queue = new DeliveryQueue(database.db);
  });

  afterEach(async () => {
    await database.drop();
  });

  it('enqueues each (target, guid, version) once', async () => {
    const rows = [delivery('a', 's1', 1), delivery('b', 's1', 1)];
    expect(await database.db.transaction((tx) => DeliveryQueue.enqueue(tx, rows, t0))).toBe(2);
    const again = rows.map((r) => ({ ...r, id: `${r.id}-repeat` }));
    expect(await database.db.transaction((tx) => DeliveryQueue.enqueue(tx, again, t0))).toBe(0);
  });

  it('never claims v2 before v1 has its final outcome, and ignores rows not yet due', async () => {
    await database.db.transaction((tx) =>
      DeliveryQueue.enqueue(
        tx,
        [delivery('a', 's1', 1), delivery('a', 's1', 2), delivery('a', 's2', 1, at(60_000))],
        t0,
      ),
    );
    const first = await queue.claim(claimOf('w1', t0));
    expect(first.map((d) => d.id)).toEqual(['a-s1-1']);
    expect(await queue.claim(claimOf('w1', t0))).toEqual([]); // v1 in flight: v2 waits
    await queue.reschedule('a-s1-1', 'w1', at(1_000), 'HTTP 500', 500);
    expect(await queue.claim(claimOf('w1', at(500)))).toEqual([]); // v1 pending (retry): v2 still waits
    expect((await queue.claim(claimOf('w1', at(1_000)))).map((d) => [d.id, d.attempts])).toEqual([
      ['a-s1-1', 2],
    ]);
    await queue.deadLetter('a-s1-1', 'w1', at(1_000), 'gave up', 500);
    expect((await queue.claim(claimOf('w1', at(1_000)))).map((d) => d.id)).toEqual(['a-s1-2']);
  });

  it('lets another worker take over a claim whose lease ran out; the first may no longer record', async () => {
    await database.db.transaction((tx) => DeliveryQueue.enqueue(tx, [delivery('a', 's1', 1)], t0));
    expect(await queue.claim(claimOf('dead-worker', t0))).toHaveLength(1);
    expect(await queue.claim(claimOf('w2', at(5_000)))).toHaveLength(0);
    const taken = await queue.claim(claimOf('w2', at(10_000)));
    expect(taken.map((d) => [d.id, d.leaseOwner])).toEqual([['a-s1-1', 'w2']]);
    expect(await queue.markDelivered('a-s1-1', 'dead-worker', at(10_001), 200)).toBe(false);
    expect(await queue.markDelivered('a-s1-1', 'w2', at(10_001), 200)).toBe(true);
  });

  it('bounds rows per target and skips excluded targets', async () => {
    const rows = [1, 2, 3, 4]
      .map((n) => delivery('slow', `s${n}`, 1))
      .concat([delivery('fast', 's9', 1)]);
    await database.db.transaction((tx) => DeliveryQueue.enqueue(tx, rows, t0));
    const claimed = await queue.claim(claimOf('w', t0, { perTarget: 2 }));
    expect(claimed.filter((d) => d.targetId === 'slow')).toHaveLength(2);
    expect(claimed.filter((d) => d.targetId === 'fast')).toHaveLength(1);
    const next = await queue.claim(claimOf('w', t0, { excludeTargets: ['slow'] }));
    expect(next).toEqual([]);
  });

  it('takes no more rows of a target than the worker has slots free for it', async () => {
    const rows = [1, 2, 3, 4, 5]
      .map((n) => delivery('busy', `s${n}`, 1))
      .concat([1, 2, 3].map((n) => delivery('idle', `s${n}`, 1)));
    await database.db.transaction((tx) => DeliveryQueue.enqueue(tx, rows, t0));
    const claimed = await queue.claim(
      claimOf('w', t0, { perTarget: 3, targetLimits: new Map([['busy', 1]]) }),
    );
    expect(claimed.filter((d) => d.targetId === 'busy').map((d) => d.id)).toEqual(['busy-s1-1']);
    expect(claimed.filter((d) => d.targetId === 'idle')).toHaveLength(3);
    expect(await queue.list({ status: 'pending' })).toHaveLength(4);
  });

  it("leaves a disabled endpoint's rows queued until it is enabled again", async () => {
    await database.db.transaction((tx) =>
      DeliveryQueue.enqueue(tx, [delivery('a', 's1', 1), delivery('b', 's1', 1)], t0),
    );
    const endpoints = new WebhookEndpointStore(database.db);
    await endpoints.setStatus('a', 'disabled', 'HTTP 410');
    expect((await queue.claim(claimOf('w', t0))).map((d) => d.id)).toEqual(['b-s1-1']);
    await endpoints.setStatus('a', 'active');
    expect((await queue.claim(claimOf('w', t0))).map((d) => d.id)).toEqual(['a-s1-1']);
  });

  it("holds a suspended partner's queued rows, retries included, until it is resumed", async () => {
    await storeWebhookTargets(database.db, ['paused'], 'pausable');
    await database.db.transaction((tx) =>
      DeliveryQueue.enqueue(tx, [delivery('paused', 's1', 1), delivery('a', 's1', 1)], t0),
    );
    const partners = new PartnerStore(database.db);
    await partners.setStatus('pausable', 'suspended');
    expect((await queue.claim(claimOf('w', t0))).map((d) => d.id)).toEqual(['a-s1-1']);
    await queue.markDelivered('a-s1-1', 'w', t0, 200);
    expect(await queue.claim(claimOf('w', at(60_000)))).toEqual([]);
    await partners.setStatus('pausable', 'active');
    expect((await queue.claim(claimOf('w', at(60_000)))).map((d) => d.id)).toEqual(['paused-s1-1']);
  });

  it('dead-letters what was queued for an endpoint when it is removed', async () => {
    await database.db.transaction((tx) =>
      DeliveryQueue.enqueue(tx, [delivery('a', 's1', 1), delivery('a', 's2', 1)], t0),
    );
    await queue.claim(claimOf('w', t0, { perTarget: 1 }));
    expect(await new WebhookEndpointStore(database.db).remove('a')).toBe(true);
    expect(await queue.claim(claimOf('w', at(60_000)))).toEqual([]);
    const dead = await queue.list({ status: 'dead', targetId: 'a' });
    expect(dead.map((d) => [d.id, d.lastError]).sort()).toEqual([
      ['a-s1-1', 'the endpoint was removed'],
      ['a-s2-1', 'the endpoint was removed'],
    ]);
  });

  it('inserts deliveries already claimed by a worker, once, and other workers leave them alone', async () => {
    const rows = [delivery('a', 's1', 1), delivery('b', 's1', 1)];
    const claimed = await database.db.transaction((tx) =>
      DeliveryQueue.enqueueClaimed(tx, rows, t0, 'fan-out', 10_000),
    );
    expect(claimed.map((d) => [d.id, d.status, d.leaseOwner, d.attempts])).toEqual([
      ['a-s1-1', 'in_flight', 'fan-out', 1],
      ['b-s1-1', 'in_flight', 'fan-out', 1],
    ]);
    // The item again (at least once): nothing new, so nothing to send twice.
    const again = rows.map((r) => ({ ...r, id: `${r.id}-repeat` }));
    expect(
      await database.db.transaction((tx) =>
        DeliveryQueue.enqueueClaimed(tx, again, t0, 'fan-out', 10_000),
      ),
    ).toEqual([]);
    expect(await queue.claim(claimOf('other', at(5_000)))).toEqual([]);
    expect(await queue.markDelivered('a-s1-1', 'fan-out', at(1), 200)).toBe(true);
    // Its lease runs out like any claim's: another worker takes it over.
    expect((await queue.claim(claimOf('other', at(10_000)))).map((d) => d.id)).toEqual(['b-s1-1']);
  });

  it('tells which stories went to which targets, and which are still open there', async () => {
    await database.db.transaction(async (tx) => {
      await DeliveryQueue.enqueue(tx, [delivery('a', 's1', 1), delivery('b', 's1', 1)], t0);
      await DeliveryQueue.enqueue(tx, [delivery('a', 's2', 1)], t0);
    });
    const [first] = await queue.claim(claimOf('w', t0, { perTarget: 1, limit: 1 }));
    await queue.markDelivered(first?.id ?? '', 'w', t0, 200);
    const history = await DeliveryQueue.storyHistory(database.db, ['s1', 's2', 'unknown']);
    expect([...history.delivered].sort()).toEqual(['a|s1', 'a|s2', 'b|s1']);
    expect([...history.open].sort()).toEqual(
      ['a|s1', 'a|s2', 'b|s1'].filter((pair) => pair !== `${first?.targetId}|${first?.articleId}`),
    );

    expect([...history.ended]).toEqual([]);
    // The newest delivery of a pair decides whether the target still holds the story.
    await database.db.transaction((tx) =>
      DeliveryQueue.enqueue(
        tx,
        [
          { ...delivery('a', 's2', 2), change: 'revoked' },
          { ...delivery('b', 's1', 2), change: 'withdrawn' },
          { ...delivery('b', 's1', 3), change: 'published' },
        ],
        t0,
      ),
    );
    const later = await DeliveryQueue.storyHistory(database.db, ['s1', 's2']);
    expect([...later.ended]).toEqual(['a|s2']);
  });

  it('puts dead letters back, due now, with attempts reset', async () => {
    await database.db.transaction((tx) => DeliveryQueue.enqueue(tx, [delivery('a', 's1', 1)], t0));
    await queue.claim(claimOf('w', t0));
    await queue.deadLetter('a-s1-1', 'w', t0, 'HTTP 400 (permanent)', 400);
    expect((await queue.list({ status: 'dead' })).map((d) => d.lastError)).toEqual([
      'HTTP 400 (permanent)',
    ]);
    expect(await queue.redeliver(['a-s1-1'], at(1_000))).toBe(1);
    const [again] = await queue.claim(claimOf('w', at(1_000)));
    expect(again).toMatchObject({ id: 'a-s1-1', attempts: 1, status: 'in_flight' });
  });
  it('supersedes an older version held for its embargo, never sent, when a newer one is queued', async () => {
    const lift = at(3_600_000);
    await database.db.transaction(async (tx) => {
      // s1 v1 waits for its embargo on a and b; s2 v1 waits on a; s3 v1 is due (no embargo).
      await DeliveryQueue.enqueue(
        tx,
        [
          delivery('a', 's1', 1, lift),
          delivery('b', 's1', 1, lift),
          delivery('a', 's2', 1, lift),
          delivery('a', 's3', 1),
        ],
        t0,
      );
    });
    // v2 of s1 for a only (the embargo was extended), and v2 of s3 for a.
    const newer = [delivery('a', 's1', 2, at(7_200_000)), delivery('a', 's3', 2)];
    const superseded = await database.db.transaction(async (tx) => {
      await DeliveryQueue.enqueue(tx, newer, at(1_000));
      return DeliveryQueue.supersedeHeld(tx, newer, at(1_000));
    });
    expect(superseded).toBe(1);
    const dead = await queue.list({ status: 'dead' });
    expect(dead.map((d) => [d.id, d.lastError])).toEqual([
      [
        'a-s1-1',
        'superseded by a newer version of the story before its embargo lifted; never sent',
      ],
    ]);
    // At the old lift: s1 v1 still goes to b, s2 v1 to a; s1 v2 waits for its own lift; s3 v1
    // (due, not held) goes first and s3 v2 after it.
    const claimed = await queue.claim(claimOf('w', at(3_600_000)));
    expect(claimed.map((d) => d.id).sort()).toEqual(['a-s2-1', 'a-s3-1', 'b-s1-1']);
  });

  it('keeps dead a version a newer one of the story has followed to the target, or whose target is gone', async () => {
    await database.db.transaction((tx) =>
      DeliveryQueue.enqueue(
        tx,
        [delivery('a', 's1', 1), delivery('b', 's1', 1), delivery('b', 's2', 1)],
        t0,
      ),
    );
    for (const claimed of await queue.claim(claimOf('w', t0))) {
      await queue.deadLetter(claimed.id, 'w', t0, 'HTTP 400 (permanent)', 400);
    }
    // s1 v2 was delivered to a since; b was removed.
    await database.db.transaction((tx) =>
      DeliveryQueue.enqueue(tx, [delivery('a', 's1', 2)], at(1_000)),
    );
    const [v2] = await queue.claim(claimOf('w', at(1_000)));
    expect(v2?.id).toBe('a-s1-2');
    await queue.markDelivered('a-s1-2', 'w', at(1_000), 200);
    await database.db.execute("UPDATE webhook_endpoints SET status = 'disabled' WHERE id = 'b'");

    expect(await queue.redeliver(['a-s1-1', 'b-s1-1'], at(2_000))).toBe(0);
    expect(await queue.redeliverTarget('b', at(2_000))).toBe(0);
    expect((await queue.list({ status: 'dead' })).map((d) => d.id).sort()).toEqual([
      'a-s1-1',
      'b-s1-1',
      'b-s2-1',
    ]);
    // Once b is back, its dead letters go again: nothing newer followed them there.
    await database.db.execute("UPDATE webhook_endpoints SET status = 'active' WHERE id = 'b'");
    expect(await queue.redeliverTarget('b', at(3_000))).toBe(2);
  });

  it("redelivers one partner's dead letters, and no other partner's", async () => {
    for (const id of ['p1', 'p2']) await storeWebhookTargets(database.db, [`e-${id}`], id);
    const rows = [delivery('e-p1', 's1', 1), delivery('e-p2', 's1', 1)];
    await database.db.transaction((tx) => DeliveryQueue.enqueue(tx, rows, t0));
    for (const claimed of await queue.claim(claimOf('w', t0))) {
      await queue.deadLetter(claimed.id, 'w', t0, 'HTTP 400 (permanent)', 400);
    }
    expect(await queue.redeliverPartner('p1', at(1_000))).toBe(1);
    expect((await queue.list({ status: 'dead' })).map((d) => d.targetId)).toEqual(['e-p2']);
    expect((await queue.claim(claimOf('w', at(1_000)))).map((d) => d.targetId)).toEqual(['e-p1']);
  });
});

describe('delivery queue claims from concurrent workers on PostgreSQL', () => {
  it('hands each row to one worker only (FOR UPDATE SKIP LOCKED)', async () => {
    const database = await createPostgresTestDatabase();
    try {
      await migrate(database.db, MIGRATIONS);
      await storeWebhookTargets(
        database.db,
        Array.from({ length: 30 }, (_, i) => `t${i}`),
      );
      const rows = Array.from({ length: 300 }, (_, i) => delivery(`t${i % 30}`, `s${i}`, 1));
      await database.db.transaction((tx) => DeliveryQueue.enqueue(tx, rows, t0));
      const queue = new DeliveryQueue(database.db);
      const claimed: string[] = [];
      await Promise.all(
        ['w1', 'w2', 'w3', 'w4'].map(async (owner) => {
          for (;;) {
            const batch = await queue.claim(claimOf(owner, t0, { limit: 7 }));
            if (batch.length === 0) return;
            claimed.push(...batch.map((d) => d.id));
          }
        }),
      );
      expect(claimed).toHaveLength(300);
      expect(new Set(claimed).size).toBe(300);
    } finally {
      await database.drop();
    }
  });
});
