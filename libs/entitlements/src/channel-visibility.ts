import type { Article } from '@depeche/article';
import type { ChannelFilter, Entitlement, Visibility } from './entitlement';
import { inChannel } from './in-channel';
import { visibility } from './visibility';

/**
 * A story in one of a partner's channels: the entitlement first (a channel only narrows it, never
 * widens it), then the channel's filter.
 */
export function channelVisibility(
  entitlement: Entitlement,
  filter: ChannelFilter,
  article: Article,
  now: Date,
): Visibility {
  const answer = visibility(entitlement, article, now);
  if (answer.visible && !inChannel(filter, article)) return { visible: false, reason: 'channel' };
  return answer;
}
