import type { Article, ContentLevel } from '@depeche/article';
import type { FeedFormat } from '@depeche/entitlements';
import {
  renderAtom,
  renderJsonFeed,
  renderNewsmlItem,
  renderNinjs,
  type Channel,
  type Rendition,
} from '@depeche/renderers';

export const ITEM_FORMATS = [
  'newsml',
  'ninjs',
  'atom',
  'json',
] as const satisfies readonly FeedFormat[];
export type ItemFormat = (typeof ITEM_FORMATS)[number];

/** The format of an item asked for without `?format=`. */
export const DEFAULT_ITEM_FORMAT: ItemFormat = 'newsml';

export interface ItemRenderInput {
  readonly article: Article;
  readonly level: ContentLevel;
  readonly now: Date;
  /** For Atom and JSON Feed, which carry one story in a feed document of its own. */
  readonly channel: Channel;
}

/**
 * One story in the format asked for: a NewsML-G2 newsItem, a ninjs item, or an Atom / JSON Feed
 * document of that one story (a withdrawn one is an Atom tombstone, RFC 6721).
 */
export function renderItem(format: ItemFormat, input: ItemRenderInput): Rendition {
  const { article, level, now, channel } = input;
  switch (format) {
    case 'newsml':
      return renderNewsmlItem({ article, level, now });
    case 'ninjs':
      return renderNinjs({ article, level, now });
    case 'atom':
      return renderAtom({ articles: [article], channel, level, now });
    case 'json':
      return renderJsonFeed({ articles: [article], channel, level, now });
  }
}
