export type { Channel } from './channel';
export type { FeedInput } from './feed-input';
export type { Rendition } from './rendition';
export { strongEtag } from './rendition';
export { isEmbargoed } from './embargo';
export { publicationStatus, type PublicationStatus } from './publication-status';
export { documentUpdated } from './article-times';
export { xmlSafeText } from './text/xml-safe-text';
export { FEED_HISTORY_NAMESPACE } from './feed-history';
export {
  renderNewsmlItem,
  renderNewsmlMessage,
  type NewsmlItemInput,
  type NewsmlMessageInput,
} from './newsml-g2/newsml-g2.renderer';
export { NEWS_ITEM_MEDIA_TYPE, NEWS_MESSAGE_MEDIA_TYPE } from './newsml-g2/newsml-g2.constants';
export { renderRss, RSS_MEDIA_TYPE } from './rss/rss.renderer';
export { renderAtom, ATOM_MEDIA_TYPE } from './atom/atom.renderer';
export { renderJsonFeed, JSON_FEED_MEDIA_TYPE } from './json-feed/json-feed.renderer';
export { renderNinjs, NINJS_MEDIA_TYPE, type NinjsInput } from './ninjs/ninjs.renderer';
