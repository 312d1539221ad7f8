import type { Article, ContentLevel } from '@depeche/article';
import { mayUseFormat, visibility, type FeedFormat, type Partner } from '@depeche/entitlements';
import type { Delivery } from '@depeche/persistence';

/**
 * What a queued webhook delivery may carry when it is sent:
 * - `as-planned`: the rendition the fan-out stored;
 * - `render`: the version at the content level the partner has now (changed since it was planned),
 *   with the embargo marking it was planned with;
 * - `wait`: not before `until` (the partner is suspended);
 * - `refused`: the partner may no longer have this version (a section, language, territory or
 *   format taken out of its entitlement, rights expired since, or early delivery of embargoed
 *   stories taken away while this one is still embargoed).
 */
export type SendVerdict =
  | { readonly kind: 'as-planned' }
  | { readonly kind: 'render'; readonly level: ContentLevel }
  | { readonly kind: 'wait'; readonly until: Date; readonly reason: string }
  | { readonly kind: 'refused'; readonly reason: string };

/** How long a suspended partner's delivery waits before it is looked at again. */
export const SUSPENDED_RECHECK_MS = 60_000;

/**
 * A delivery judged again when it is sent, by the rules a pull at that moment meets (issue 5: pull
 * and push never disagree). The fan-out judged it when the item arrived; a retry, a version held
 * for its embargo or a backlog can be sent hours later, after an operator narrowed the partner's
 * entitlement, and the partner would have been pushed what its feeds no longer show it.
 * A withdrawal or a revocation takes a story down: it goes to whoever was given the story.
 * `article` is the version as stored; a version the store does not hold (an item announced by
 * another ingest than this database's, as tests and the benchmark do) is sent as planned, the
 * plan having been made from the item's own copy of it.
 */
export function judgeAtSend(
  delivery: Pick<Delivery, 'change' | 'format' | 'level' | 'embargoed'>,
  partner: Partner | undefined,
  article: Article | undefined,
  now: Date,
): SendVerdict {
  if (delivery.change === 'withdrawn' || delivery.change === 'revoked') return AS_PLANNED;
  if (!partner) return { kind: 'refused', reason: 'the partner no longer exists' };
  if (partner.status !== 'active') {
    return {
      kind: 'wait',
      until: new Date(now.getTime() + SUSPENDED_RECHECK_MS),
      reason: `the partner is ${partner.status}`,
    };
  }
  const { entitlement } = partner;
  if (!mayUseFormat(entitlement, delivery.format as FeedFormat)) {
    return {
      kind: 'refused',
      reason: `the partner's entitlement no longer includes the ${delivery.format} format`,
    };
  }
  if (!article) return AS_PLANNED;
  const seen = visibility(entitlement, article, now);
  if (!seen.visible) {
    // An embargo too: holding this version for its own lift could send it while a newer version
    // extended the story's embargo. Dead-lettered, an operator may redeliver it after the lift.
    return {
      kind: 'refused',
      reason:
        seen.reason === 'embargo'
          ? 'the partner no longer takes embargoed stories early, and this version is still embargoed'
          : `the partner is no longer entitled to this version (${seen.reason})`,
    };
  }
  // Only the level: the embargo marking stays as planned (an embargo lifted since may have been
  // extended by a newer version, which this one must not contradict).
  if (seen.level === delivery.level) return AS_PLANNED;
  return { kind: 'render', level: seen.level };
}

const AS_PLANNED: SendVerdict = { kind: 'as-planned' };
