import type { Article, ContentLevel, SyndicationItem } from '@depeche/article';
import {
  channelVisibility,
  inChannel,
  leavesTheView,
  mayUseFormat,
  publicVisibility,
  visibility,
  whenVisible,
} from '@depeche/entitlements';
import type { NewDelivery, RenditionKey, WebhookFormat } from '@depeche/persistence';
import type { PushTargets } from './push-targets';

/**
 * The rendition level of a revocation: the story's canceled state, keyed apart from the renditions
 * of the same version that partners still entitled to it get.
 */
export const REVOKED_LEVEL = 'revoked';

/** A rendition the fan-out must store with the deliveries that carry it. */
export interface RenditionRequest {
  readonly key: RenditionKey & {
    readonly format: WebhookFormat;
    readonly level: ContentLevel | typeof REVOKED_LEVEL;
  };
  readonly article: Article;
  /** The clock to render with: when the partner may see it. */
  readonly renderAt: Date;
}

export interface DeliveryPlan {
  readonly deliveries: readonly NewDelivery[];
  readonly renditions: readonly RenditionRequest[];
}

/**
 * Who gets each change, by the entitlement rules feed-api applies (one rule set for pull and push):
 * - a webhook gets a version its partner may see, in a format the partner may use, at the level
 *   entitled; an embargoed version waits in the queue until the embargo lifts (not_before), unless
 *   the partner takes early delivery, then it goes at once marked as embargoed;
 * - a withdrawal goes to every target that was given an earlier version of the story, and only there;
 * - a version that takes the story out of a partner's view for good (leavesTheView: another
 *   section, language or territory, rights expired) goes, as `revoked` with the story's canceled
 *   state, to each webhook that holds an earlier version (given one, and no withdrawal or
 *   revocation since: `ended`), so the partner takes it down instead of keeping it for good;
 * - a WebSub subscription gets a change that shows in its topic's feed, or that removes from it a
 *   story it had pushed before.
 * `history` holds `target|article` pairs with a delivery already, `ended` those whose last one
 * was a withdrawal or a revocation; both follow the batch as it is planned, so a publication and
 * its withdrawal in one batch both go out. Pure: the caller does the I/O.
 */
export function planDeliveries(
  items: readonly SyndicationItem[],
  targets: PushTargets,
  history: Set<string>,
  now: Date,
  newId: () => string,
  ended: Set<string> = new Set(),
): DeliveryPlan {
  const deliveries: NewDelivery[] = [];
  const renditions = new Map<string, RenditionRequest>();
  const seen = new Set<string>();
  for (const item of items) {
    const { article } = item;
    for (const { endpoint, partner } of targets.webhooks) {
      const entitlement = partner.entitlement;
      if (!mayUseFormat(entitlement, endpoint.format)) continue;
      const pair = `${endpoint.id}|${item.articleId}`;
      let at = now;
      let level: ContentLevel | typeof REVOKED_LEVEL = entitlement.contentLevel;
      let embargoed = false;
      let change: DeliveryChange = item.change;
      if (item.change === 'withdrawn') {
        if (!history.has(pair)) continue;
      } else {
        at = whenVisible(article, entitlement.embargo, now);
        const answer = visibility(entitlement, article, at);
        if (answer.visible) {
          level = answer.level;
          embargoed = answer.embargoed;
        } else {
          const held = history.has(pair) && !ended.has(pair);
          if (!held || !leavesTheView(HELD, answer)) continue;
          at = now;
          level = REVOKED_LEVEL;
          change = 'revoked';
        }
      }
      const key = {
        guid: item.guid,
        version: item.version,
        format: endpoint.format,
        level,
        embargoed,
      };
      const unique = `${endpoint.id}|${item.guid}|${item.version}`;
      if (seen.has(unique)) continue;
      seen.add(unique);
      history.add(pair);
      if (change === 'withdrawn' || change === 'revoked') ended.add(pair);
      else ended.delete(pair);
      renditions.set(JSON.stringify(key), { key, article, renderAt: at });
      deliveries.push(delivery(newId(), 'webhook', endpoint.id, { ...item, change }, key, at));
    }
    for (const { subscription, channel, partner } of targets.websub) {
      const pair = `${subscription.id}|${item.articleId}`;
      let at = now;
      if (item.change === 'withdrawn') {
        if (!history.has(pair) && !inChannel(channel.filter, article)) continue;
      } else {
        at = whenVisible(article, partner?.entitlement.embargo ?? 'on-lift', now);
        const answer = partner
          ? channelVisibility(partner.entitlement, channel.filter, article, at)
          : publicVisibility(channel, article, at);
        if (!answer.visible && !history.has(pair)) continue;
      }
      const unique = `${subscription.id}|${item.guid}|${item.version}`;
      if (seen.has(unique)) continue;
      seen.add(unique);
      history.add(pair);
      const key = { format: subscription.format, level: '-', embargoed: false };
      deliveries.push(delivery(newId(), 'websub', subscription.id, item, key, at));
    }
  }
  return { deliveries, renditions: [...renditions.values()] };
}

/** What a webhook that was given a version holds, as leavesTheView reads it. */
const HELD = { visible: true, level: 'full', embargoed: false } as const;

/** The change a delivery carries: the item's, or `revoked` for a partner the story left. */
type DeliveryChange = SyndicationItem['change'] | 'revoked';

function delivery(
  id: string,
  kind: NewDelivery['kind'],
  targetId: string,
  item: Omit<SyndicationItem, 'change'> & { readonly change: DeliveryChange },
  key: { format: string; level: string; embargoed: boolean },
  at: Date,
): NewDelivery {
  return {
    id,
    kind,
    targetId,
    articleId: item.articleId,
    guid: item.guid,
    version: item.version,
    change: item.change,
    format: key.format,
    level: key.level,
    embargoed: key.embargoed,
    notBefore: at.toISOString(),
    storedAt: item.storedAt,
  };
}
