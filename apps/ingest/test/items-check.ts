import type { SyndicationItem } from '@depeche/article';
import type { ReadMessage } from '@depeche/testing';

/**
 * What syndication.items must show after at-least-once relaying: every (article, version) present,
 * a repeat only ever with the same event id, and versions of one article in order.
 */
export function checkItems(messages: readonly ReadMessage[]): {
  distinct: number;
  repeats: number;
  conflicting: number;
  outOfOrder: number;
} {
  const eventIds = new Map<string, string>();
  const lastVersion = new Map<string, number>();
  let repeats = 0;
  let conflicting = 0;
  let outOfOrder = 0;
  for (const message of messages) {
    const item = JSON.parse(message.value?.toString('utf8') ?? '{}') as SyndicationItem;
    const id = `${item.articleId}@${item.version}`;
    const seen = eventIds.get(id);
    if (seen !== undefined) {
      repeats++;
      if (seen !== item.eventId) conflicting++;
      continue;
    }
    eventIds.set(id, item.eventId);
    if ((lastVersion.get(item.articleId) ?? 0) > item.version) outOfOrder++;
    lastVersion.set(item.articleId, item.version);
  }
  return { distinct: eventIds.size, repeats, conflicting, outOfOrder };
}
