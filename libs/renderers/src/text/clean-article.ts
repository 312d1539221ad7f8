import type { Article } from '@depeche/article';
import type { Channel } from '../channel';
import { xmlSafeText } from './xml-safe-text';

/** The article with {@link xmlSafeText} applied to every string in it, body tree included. */
export function cleanArticle(article: Article): Article {
  return mapStrings(article) as Article;
}

/** The channel with {@link xmlSafeText} applied to every string in it. */
export function cleanChannel(channel: Channel): Channel {
  return mapStrings(channel) as Channel;
}

function mapStrings(value: unknown): unknown {
  if (typeof value === 'string') return xmlSafeText(value);
  if (Array.isArray(value)) return value.map(mapStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, mapStrings(inner)]),
    );
  }
  return value;
}
