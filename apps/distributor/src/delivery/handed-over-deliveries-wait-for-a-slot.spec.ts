import type { Delivery, DeliveryQueue } from '@depeche/persistence';
import { claimedDelivery } from '../test-support/claimed-delivery';
import { DeliveryWorker } from './delivery-worker';
import { EndpointGates } from './endpoint-gates';
import type { Sender } from './send-report';
import { heldSender } from '../test-support/held-sender';

const t0 = new Date('2025-07-04T15:00:00.000Z');

const claimed = (target: string, article: string): Delivery => claimedDelivery(target, article, t0);

/** A queue that claims nothing and records what is given back or recorded delivered. */
function fakeQueue() {
  const released: string[] = [];
  const delivered: string[] = [];
  const queue = {
    claim: () => Promise.resolve([]),
    release: (id: string) => {
      released.push(id);
      return Promise.resolve(true);
    },
    markManyDelivered: (ids: readonly string[]) => {
      delivered.push(...ids);
      return Promise.resolve(ids.length);
    },
  } as unknown as DeliveryQueue;
  return { queue, released, delivered };
}

function workerWith(queue: DeliveryQueue, sender: Sender, leaseMs = 60_000) {
  const now = { at: t0 };
  const worker = new DeliveryWorker(
    queue,
    new EndpointGates(1, 5, 30_000),
    { webhook: sender, websub: sender },
    {
      owner: 'me',
      leaseMs,
      pollMs: 60_000,
      maxInFlight: 16,
      perTarget: 1,
      retry: { maxAttempts: 5, maxAgeMs: 3_600_000, initialMs: 1_000, maxMs: 60_000 },
      now: () => now.at,
      log: () => undefined,
    },
  );
  return { worker, now };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('deliveries the fan-out hands to its worker', () => {
  it('start at once where the target has a slot, and wait for the slot where it has none', async () => {
    const { queue, delivered } = fakeQueue();
    const { sender, started, finish } = heldSender();
    const { worker } = workerWith(queue, sender);
    expect(worker.room('a')).toBe(2); // one slot, one more held
    worker.dispatch([claimed('a', 's1'), claimed('a', 's2'), claimed('b', 's1')]);
    await settle();
    expect(started).toEqual(['a-s1', 'b-s1']);
    expect(worker.room('a')).toBe(0);
    finish.get('a-s1')?.();
    await settle();
    expect(started).toEqual(['a-s1', 'b-s1', 'a-s2']);
    finish.get('a-s2')?.();
    finish.get('b-s1')?.();
    await worker.stop();
    expect(delivered.sort()).toEqual(['a-s1', 'a-s2', 'b-s1']);
  });

  it('go back to the queue when the worker stops before their slot came', async () => {
    const { queue, released } = fakeQueue();
    const { sender, finish } = heldSender();
    const { worker } = workerWith(queue, sender);
    worker.dispatch([claimed('a', 's1'), claimed('a', 's2')]);
    await settle();
    const stopping = worker.stop();
    finish.get('a-s1')?.();
    await stopping;
    expect(released).toEqual(['a-s2']);
  });

  it('go back to the queue when held for half their lease', async () => {
    const { queue, released } = fakeQueue();
    const { sender } = heldSender();
    const { worker, now } = workerWith(queue, sender, 10_000);
    worker.dispatch([claimed('a', 's1'), claimed('a', 's2')]);
    await settle();
    now.at = new Date(t0.getTime() + 5_000);
    worker.notify();
    await settle();
    expect(released).toEqual(['a-s2']);
  });
});
