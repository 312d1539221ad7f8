import type { Article, SyndicationItem } from '@depeche/article';
import type { ConsumedMessage } from '@depeche/kafka';

/**
 * For fan-out specs: the syndication item ingest would announce for `article`, stored at `at`;
 * its event id names the story and the version, so items of several stories stay apart.
 */
export function itemOf(article: Article, at = new Date()): SyndicationItem {
  return {
    eventId: `${article.id}-${article.version}`,
    articleId: article.id,
    guid: article.guid,
    version: article.version,
    change: article.change,
    storedAt: at.toISOString(),
    article,
  };
}

/** `value` (an item, or anything else) as consumed from syndication.items at `offset`. */
export function itemsMessage(offset: string, value: unknown, at: Date): ConsumedMessage {
  return {
    topic: 'syndication.items',
    partition: 0,
    offset,
    key: null,
    value: Buffer.from(JSON.stringify(value)),
    headers: {},
    timestamp: String(at.getTime()),
    attributes: 0,
  };
}
