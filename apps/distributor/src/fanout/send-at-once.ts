import type { NewDelivery } from '@depeche/persistence';

/**
 * Which of a batch's new deliveries the fan-out inserts already claimed by this worker, to send at
 * once without a claim round trip (the common case: a story published, fifty partners waiting):
 * - due now (an embargo that holds a delivery back leaves it to the claims);
 * - the first version of its story for its target in the batch, and none of that story still open
 *   for that target in the queue (`open`: `target|article`), so order per story holds;
 * - within `room(target)`, what the worker can start or hold for that target now.
 * The others are queued as pending and claimed as before. Pure.
 */
export function sendAtOnce(
  deliveries: readonly NewDelivery[],
  open: ReadonlySet<string>,
  now: Date,
  room: (targetId: string) => number,
): Set<string> {
  const picked = new Set<string>();
  const seenPairs = new Set<string>();
  const left = new Map<string, number>();
  const at = now.toISOString();
  for (const d of deliveries) {
    const pair = `${d.targetId}|${d.articleId}`;
    const first = !seenPairs.has(pair);
    seenPairs.add(pair);
    if (!first || open.has(pair) || d.notBefore > at) continue;
    const budget = left.get(d.targetId) ?? room(d.targetId);
    if (budget <= 0) continue;
    left.set(d.targetId, budget - 1);
    picked.add(d.id);
  }
  return picked;
}
