import type { Article } from '@depeche/article';
import { isEmbargoed } from './embargo';
import type { Visibility } from './entitlement';
import { inChannel } from './in-channel';
import type { Channel } from './partner';
import { rightsExpired } from './rights-expiry';
import { hasTerritoryRestriction } from './territories';

/**
 * What anyone gets of the story in a public channel, served without a key (issue 5):
 * - never before the embargo lifts: an anonymous reader cannot be bound by an embargo;
 * - only stories with no territory restriction: a public feed is read worldwide, and we cannot
 *   tell where a reader is, so a story allowed in some places only, or denied in one, stays out;
 * - the channel's filter is the whole entitlement; the level is the channel's, summary by default.
 */
export function publicVisibility(channel: Channel, article: Article, now: Date): Visibility {
  if (article.change === 'withdrawn') return { visible: false, reason: 'withdrawn' };
  if (rightsExpired(article, now)) return { visible: false, reason: 'rights-expired' };
  if (!inChannel(channel.filter, article)) return { visible: false, reason: 'channel' };
  if (hasTerritoryRestriction(article.rights)) return { visible: false, reason: 'territory' };
  if (isEmbargoed(article, now)) return { visible: false, reason: 'embargo' };
  return { visible: true, level: channel.publicLevel ?? 'summary', embargoed: false };
}
