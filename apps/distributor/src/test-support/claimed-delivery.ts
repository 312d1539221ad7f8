import type { Delivery } from '@depeche/persistence';

/** For worker specs: version 1 of `article` for `target`, claimed by `me` at `at`. */
export function claimedDelivery(target: string, article: string, at: Date): Delivery {
  return {
    id: `${target}-${article}`,
    kind: 'webhook',
    targetId: target,
    articleId: article,
    guid: `urn:${article}`,
    version: 1,
    change: 'published',
    format: 'ninjs',
    level: 'full',
    embargoed: false,
    notBefore: at.toISOString(),
    storedAt: at.toISOString(),
    status: 'in_flight',
    attempts: 1,
    dueAt: at.toISOString(),
    leaseOwner: 'me',
    createdAt: at.toISOString(),
  };
}
