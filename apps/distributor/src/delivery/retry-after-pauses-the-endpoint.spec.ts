import type { Delivery, DeliveryQueue } from '@depeche/persistence';
import { claimedDelivery } from '../test-support/claimed-delivery';
import { DeliveryWorker } from './delivery-worker';
import { EndpointGates } from './endpoint-gates';
import type { Sender, SendReport } from './send-report';

const t0 = new Date('2025-07-04T15:00:00.000Z');

const claimed = (target: string, article: string): Delivery => claimedDelivery(target, article, t0);

/** A queue that claims nothing and records the retries it is asked for. */
function fakeQueue() {
  const retries: [string, string][] = [];
  const queue = {
    claim: () => Promise.resolve([]),
    release: () => Promise.resolve(true),
    markManyDelivered: (ids: readonly string[]) => Promise.resolve(ids.length),
    reschedule: (id: string, _owner: string, at: Date) => {
      retries.push([id, at.toISOString()]);
      return Promise.resolve(true);
    },
  } as unknown as DeliveryQueue;
  return { queue, retries };
}

/** Target `a` answers 429 with `retryAfter` at first, 204 afterwards; others 204. */
function answeringSender(retryAfter = '30') {
  const started: string[] = [];
  let limited = true;
  const sender: Sender = {
    send: (delivery) => {
      started.push(delivery.id);
      if (delivery.targetId === 'a' && limited) {
        limited = false;
        return Promise.resolve<SendReport>({
          kind: 'attempted',
          result: { kind: 'response', status: 429, retryAfter },
        });
      }
      return Promise.resolve<SendReport>({
        kind: 'attempted',
        result: { kind: 'response', status: 204 },
      });
    },
    disable: () => Promise.resolve(),
    partnerOf: () => Promise.resolve('p'),
  };
  return { sender, started };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

function workerWith(queue: DeliveryQueue, sender: Sender) {
  const now = { at: t0 };
  const worker = new DeliveryWorker(
    queue,
    new EndpointGates(4, 5, 5_000),
    { webhook: sender, websub: sender },
    {
      owner: 'me',
      leaseMs: 600_000,
      pollMs: 60_000,
      maxInFlight: 16,
      perTarget: 4,
      retry: { maxAttempts: 5, maxAgeMs: 3_600_000, initialMs: 1_000, maxMs: 60_000 },
      now: () => now.at,
      log: () => undefined,
    },
  );
  return { worker, now };
}

describe('a 429 with Retry-After', () => {
  it('pauses every delivery to that endpoint until then, and no other endpoint', async () => {
    const { queue, retries } = fakeQueue();
    const { sender, started } = answeringSender();
    const { worker, now } = workerWith(queue, sender);
    worker.dispatch([claimed('a', 's1')]);
    await settle();
    expect(retries).toEqual([['a-s1', '2025-07-04T15:00:30.000Z']]);
    expect(worker.room('a')).toBe(0);
    // Another story for a waits; b is not held back.
    worker.dispatch([claimed('a', 's2'), claimed('b', 's1')]);
    await settle();
    expect(started).toEqual(['a-s1', 'b-s1']);
    now.at = new Date(t0.getTime() + 29_000);
    worker.notify();
    await settle();
    expect(started).toEqual(['a-s1', 'b-s1']);
    now.at = new Date(t0.getTime() + 30_000);
    worker.notify();
    await settle();
    expect(started).toEqual(['a-s1', 'b-s1', 'a-s2']);
    await worker.stop();
  });

  it('pauses an endpoint no longer than the longest backoff', async () => {
    const { queue } = fakeQueue();
    const { sender, started } = answeringSender('86400');
    const { worker, now } = workerWith(queue, sender);
    worker.dispatch([claimed('a', 's1')]);
    await settle();
    worker.dispatch([claimed('a', 's2')]);
    now.at = new Date(t0.getTime() + 59_000);
    worker.notify();
    await settle();
    expect(started).toEqual(['a-s1']);
    now.at = new Date(t0.getTime() + 60_000); // retry.maxMs
    worker.notify();
    await settle();
    expect(started).toEqual(['a-s1', 'a-s2']);
    await worker.stop();
  });

  it('keeps the longest pause asked for, and leaves the endpoint out of the claims meanwhile', () => {
    const gates = new EndpointGates(4, 5, 5_000);
    gates.pause('a', t0.getTime() + 60_000);
    gates.pause('a', t0.getTime() + 10_000); // a shorter answer never shortens a pause
    expect(gates.limits(t0.getTime() + 1)).toEqual(new Map([['a', 0]]));
    expect(gates.allowance('a', t0.getTime() + 59_999)).toBe(0);
    expect(gates.allowance('a', t0.getTime() + 60_000)).toBe(4);
  });
});
