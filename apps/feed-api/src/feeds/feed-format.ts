import type { FeedFormat } from '@depeche/entitlements';
import {
  renderAtom,
  renderJsonFeed,
  renderNewsmlMessage,
  renderRss,
  type FeedInput,
  type Rendition,
} from '@depeche/renderers';

/** The file extensions of feed URLs and the entitlement format each one is. */
export const FEED_EXTENSIONS = {
  rss: 'rss',
  atom: 'atom',
  json: 'json',
  xml: 'newsml',
} as const satisfies Record<string, FeedFormat>;
export type FeedExtension = keyof typeof FEED_EXTENSIONS;
export type FeedDocumentFormat = (typeof FEED_EXTENSIONS)[FeedExtension];

/** Renders a feed document; undefined for an empty NewsML-G2 pull (the schema has no empty newsMessage). */
export function renderFeed(format: FeedDocumentFormat, input: FeedInput): Rendition | undefined {
  switch (format) {
    case 'rss':
      return renderRss(input);
    case 'atom':
      return renderAtom(input);
    case 'json':
      return renderJsonFeed(input);
    case 'newsml':
      return input.articles.length === 0 ? undefined : renderNewsmlMessage(input);
  }
}
