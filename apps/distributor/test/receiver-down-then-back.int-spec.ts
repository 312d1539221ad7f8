import { waitFor } from '@depeche/testing';
import { DistributorWorld, story } from './distributor-harness';
import { Receiver } from './receiver';

/** Issue 6: a receiver down for 20 s, then back: everything arrives, in order per story. */
describe('a receiver that is down for 20 seconds', () => {
  let world: DistributorWorld;
  let receiver: Receiver;

  beforeAll(async () => {
    world = await DistributorWorld.create();
  });

  afterAll(async () => {
    await receiver.close();
    await world.cleanup();
  });

  it('gets every version once it is back, v1 before v2 before v3 per story; repeats share the idempotency key', async () => {
    const distributor = await world.startDistributor();
    await world.partner('down');
    receiver = await Receiver.start(() => ({ status: 200 }), false); // not listening yet
    await world.webhook(distributor, 'down', receiver.url, 'ninjs');
    const stories = ['a', 'b', 'c', 'd', 'e'];
    // 5 stories × 3 versions, produced in version order per story.
    for (const version of [1, 2, 3])
      await world.publish(stories.map((id) => story(`down-${id}`, version)));
    await new Promise((r) => setTimeout(r, 20_000));
    await receiver.open();
    await waitFor(
      () =>
        new Set(receiver.accepted().map((r) => r.headers['idempotency-key'])).size === 15
          ? true
          : undefined,
      {
        timeoutMs: 90_000,
        describe: () => `${receiver.accepted().length} accepted\n${distributor.output()}`,
      },
    );
    const accepted = receiver.accepted();
    for (const id of stories) {
      const versions = accepted
        .filter((r) => r.headers['x-depeche-article'] === `down-${id}`)
        .map((r) => Number(r.headers['x-depeche-version']));
      const firsts = versions.filter((v, i) => versions.indexOf(v) === i);
      expect(firsts).toEqual([1, 2, 3]);
    }
    // A repeat (an attempt whose answer was lost) carries the same delivery id and idempotency key.
    const keyOf = new Map<string, string>();
    for (const r of accepted) {
      const id = String(r.headers['x-depeche-delivery']);
      const key = String(r.headers['idempotency-key']);
      expect(keyOf.get(id) ?? key).toBe(key);
      keyOf.set(id, key);
    }
    const attempts = await world.database.db.query<{ attempts: number }>(
      `SELECT MAX(attempts) AS attempts FROM deliveries WHERE status = 'delivered'`,
    );
    expect(Number(attempts[0]?.attempts)).toBeGreaterThan(1); // it really was retried
  });
});
