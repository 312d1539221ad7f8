import type { ClaimRequest, Delivery, DeliveryQueue } from '@depeche/persistence';
import { claimedDelivery } from '../test-support/claimed-delivery';
import { DeliveryWorker } from './delivery-worker';
import { EndpointGates } from './endpoint-gates';
import { heldSender } from '../test-support/held-sender';
import type { Sender } from './send-report';

const t0 = new Date('2025-07-04T15:00:00.000Z');

/** A queue that answers each claim with the rows the test queued for it, as many as asked per target. */
function claimingQueue(backlog: Delivery[]) {
  const requests: ClaimRequest[] = [];
  const queue = {
    claim: (request: ClaimRequest) => {
      requests.push({ ...request, targetLimits: new Map(request.targetLimits) });
      const taken: Delivery[] = [];
      const perTarget = new Map<string, number>();
      for (const delivery of [...backlog]) {
        const { targetId } = delivery;
        if (request.excludeTargets.includes(targetId)) continue;
        const allowed = request.targetLimits?.get(targetId) ?? request.perTarget;
        if ((perTarget.get(targetId) ?? 0) >= allowed || taken.length >= request.limit) continue;
        perTarget.set(targetId, (perTarget.get(targetId) ?? 0) + 1);
        taken.push(delivery);
        backlog.splice(backlog.indexOf(delivery), 1);
      }
      return Promise.resolve(taken);
    },
    release: () => Promise.resolve(true),
    markManyDelivered: (ids: readonly string[]) => Promise.resolve(ids.length),
  } as unknown as DeliveryQueue;
  return { queue, requests };
}

/** Two slots per target, claims only when the test notifies (the coalescing delay is a minute). */
function workerOn(queue: DeliveryQueue, sender: Sender, maxInFlight: number): DeliveryWorker {
  return new DeliveryWorker(
    queue,
    new EndpointGates(2, 5, 30_000),
    { webhook: sender, websub: sender },
    {
      owner: 'me',
      leaseMs: 60_000,
      pollMs: 60_000,
      claimCoalesceMs: 60_000,
      maxInFlight,
      perTarget: 2,
      retry: { maxAttempts: 5, maxAgeMs: 3_600_000, initialMs: 1_000, maxMs: 60_000 },
      now: () => t0,
      log: () => undefined,
    },
  );
}

describe('claims under a backlog', () => {
  it('bring a round more per target than its free slots, started as slots free without another claim', async () => {
    const backlog = ['s1', 's2', 's3', 's4', 's5'].map((s) => claimedDelivery('a', s, t0));
    const { queue, requests } = claimingQueue(backlog);
    const { sender, started, finish } = heldSender();
    const worker = workerOn(queue, sender, 16);
    worker.notify();
    await new Promise((r) => setTimeout(r, 20));
    // Two slots: two rows sent, two held, one left in the queue.
    expect(requests[0]?.perTarget).toBe(4);
    expect(started).toEqual(['a-s1', 'a-s2']);
    expect(worker.room('a')).toBe(0);
    const claims = requests.length;
    finish.get('a-s1')?.();
    await new Promise((r) => setTimeout(r, 20));
    // The held row takes the freed slot; the next claim (60 s away) has not run.
    expect(started).toEqual(['a-s1', 'a-s2', 'a-s3']);
    expect(requests).toHaveLength(claims);
    for (const id of ['a-s2', 'a-s3']) finish.get(id)?.();
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toEqual(['a-s1', 'a-s2', 'a-s3', 'a-s4']);
    finish.get('a-s4')?.();
    await worker.stop();
    expect(backlog.map((d) => d.id)).toEqual(['a-s5']);
  });
});

describe('held rows', () => {
  it('never take the worker past its maxInFlight, whatever the targets have free', async () => {
    const { queue } = claimingQueue([]);
    const { sender, started, finish } = heldSender();
    const worker = workerOn(queue, sender, 3);
    worker.dispatch(['a1', 'a2', 'b1', 'b2'].map((id) => claimedDelivery(id[0] ?? '', id, t0)));
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toEqual(['a-a1', 'a-a2', 'b-b1']);
    finish.get('a-a1')?.();
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toEqual(['a-a1', 'a-a2', 'b-b1', 'b-b2']);
    for (const id of ['a-a2', 'b-b1', 'b-b2']) finish.get(id)?.();
    await worker.stop();
  });
});
