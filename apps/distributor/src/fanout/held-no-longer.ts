import type { Article } from '@depeche/article';
import { visibility } from '@depeche/entitlements';
import type { NewestDelivery } from '@depeche/persistence';
import type { PushTargets } from './push-targets';

/**
 * The `target|article` pairs of webhooks whose partner would no longer see the version it was last
 * given (`newest`), judged by its entitlement today: a section, language or territory taken out of
 * it since. Such a partner holds nothing a revocation should take down; the
 * change stream judges what a partner held by today's entitlement too (`heldBefore` in feed-api),
 * so pull and push agree: a partner whose entitlement was narrowed gets no `revoked` for the stories
 * it lost with it, by either path. A version the store does not hold (an item announced by another
 * database's ingest, as specs and the benchmark do) leaves its pair held, as the history says.
 * Only what the entitlement decides counts: the change stream judges each earlier version as it
 * was when recorded, so rights that expired since, or an embargo, leave it held (a story whose
 * rights then run out is revoked by both paths). Pure.
 */
/** Reasons a version is hidden that come from the entitlement alone, not from the clock. */
const LOST_WITH_THE_ENTITLEMENT: ReadonlySet<string> = new Set([
  'section',
  'language',
  'territory',
]);

export function heldNoLonger(
  newest: ReadonlyMap<string, NewestDelivery>,
  targets: PushTargets,
  facts: ReadonlyMap<string, Article>,
  now: Date,
): Set<string> {
  const partners = new Map(targets.webhooks.map(({ endpoint, partner }) => [endpoint.id, partner]));
  const gone = new Set<string>();
  for (const [pair, { targetId, articleId, version }] of newest) {
    const partner = partners.get(targetId);
    const article = facts.get(versionKey(articleId, version));
    if (!partner || !article) continue;
    const seen = visibility(partner.entitlement, article, now);
    if (!seen.visible && LOST_WITH_THE_ENTITLEMENT.has(seen.reason)) gone.add(pair);
  }
  return gone;
}

/** How `facts` names a version. */
export function versionKey(articleId: string, version: number): string {
  return `${articleId}|${version}`;
}
