import { waitFor } from '@depeche/testing';
import { DistributorWorld, story } from './distributor-harness';
import { Receiver } from './receiver';

/** Issue 6: a partner answering in 5 s, or with 500s, does not delay another's deliveries. */
describe('per-partner isolation', () => {
  let world: DistributorWorld;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    world = await DistributorWorld.create();
  });

  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await world.cleanup();
  });

  it('delivers everything to the healthy partner before the slow one finishes its first', async () => {
    const distributor = await world.startDistributor();
    const slow = await Receiver.start(() => ({ status: 200, delayMs: 5_000 }));
    const failing = await Receiver.start(() => ({ status: 500 }));
    const healthy = await Receiver.start(() => ({ status: 204 }));
    receivers.push(slow, failing, healthy);
    for (const [partner, receiver] of [
      ['slow', slow],
      ['failing', failing],
      ['healthy', healthy],
    ] as const) {
      await world.partner(partner);
      await world.webhook(distributor, partner, receiver.url, 'ninjs');
    }
    // 20 stories, more than the slow partner's 4 slots and the failing one's circuit threshold.
    await world.publish(Array.from({ length: 20 }, (_, i) => story(`iso-${i}`)));
    await waitFor(
      () => (healthy.accepted().length >= 20 && slow.accepted().length >= 1 ? true : undefined),
      {
        timeoutMs: 90_000,
        describe: () => distributor.output(),
      },
    );
    const lastHealthy = Math.max(...healthy.accepted().map((r) => r.finished));
    const firstSlow = Math.min(...slow.accepted().map((r) => r.finished));
    expect(lastHealthy).toBeLessThan(firstSlow);
    expect(failing.accepted()).toHaveLength(0);
    expect(failing.received.length).toBeGreaterThan(0);
    // The failing partner's deliveries wait for a retry; none is lost or dead yet.
    const states = await world.database.db.query<{ status: string; n: string }>(
      `SELECT d.status, COUNT(*) AS n FROM deliveries d JOIN webhook_endpoints w ON w.id = d.target_id
       WHERE w.partner_id = 'healthy' GROUP BY d.status`,
    );
    expect(states.map((s) => [s.status, Number(s.n)])).toEqual([['delivered', 20]]);
  });
});
