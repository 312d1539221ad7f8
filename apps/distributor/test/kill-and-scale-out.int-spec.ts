import { waitFor } from '@depeche/testing';
import { DistributorWorld, story } from './distributor-harness';
import { Receiver } from './receiver';

const SHORT_LEASE = { DISTRIBUTOR_LEASE_MS: '4000', DISTRIBUTOR_REQUEST_TIMEOUT_MS: '3000' };

/** Issue 6: kill -9 mid-flight loses nothing; two processes share the work, each attempt made by one. */
describe('distributor processes killed and scaled out', () => {
  let world: DistributorWorld;
  let receiver: Receiver;

  beforeAll(async () => {
    world = await DistributorWorld.create(2);
  });

  afterAll(async () => {
    await receiver.close();
    await world.cleanup();
  });

  it('share the queue, never attempt one delivery twice at once, and lose nothing when one is killed', async () => {
    // Each answer takes 300 ms, so there is always something in flight to kill.
    receiver = await Receiver.start(() => ({ status: 200, delayMs: 300 }));
    const a = await world.startDistributor(SHORT_LEASE);
    const b = await world.startDistributor(SHORT_LEASE);
    const partners = ['p1', 'p2', 'p3', 'p4'];
    for (const p of partners) {
      await world.partner(p);
      await world.webhook(a, p, `${receiver.url}?partner=${p}`, 'ninjs');
    }
    // 40 stories × 4 partners = 160 deliveries.
    await world.publish(Array.from({ length: 40 }, (_, i) => story(`scale-${i}`)));
    await waitFor(() => (receiver.accepted().length >= 30 ? true : undefined), {
      describe: () => a.output() + b.output(),
    });
    await b.kill();
    const c = await world.startDistributor(SHORT_LEASE);
    await waitFor(
      async () => {
        const [row] = await world.database.db.query<{ n: string }>(
          `SELECT COUNT(*) AS n FROM deliveries WHERE status = 'delivered'`,
        );
        return Number(row?.n) === 160 ? true : undefined;
      },
      { timeoutMs: 120_000, describe: () => a.output() + c.output() },
    );
    const distinct = new Set(
      receiver.accepted().map((r) => `${String(r.headers['x-depeche-delivery'])}`),
    );
    expect(distinct.size).toBe(160);
    // An attempt is made by one process: no (delivery, attempt) pair reached the receiver twice.
    const attempts = receiver.received.map(
      (r) => `${String(r.headers['x-depeche-delivery'])}#${String(r.headers['x-depeche-attempt'])}`,
    );
    expect(new Set(attempts).size).toBe(attempts.length);
    const owners = await world.database.db.query<{ finished_by: string }>(
      `SELECT DISTINCT finished_by FROM deliveries WHERE status = 'delivered'`,
    );
    expect(owners.length).toBeGreaterThanOrEqual(2); // the work was shared
    await c.stop();
  });
});
